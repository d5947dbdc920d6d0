"""extractor.dateline: the dateline city and outlet, and the publication date printed above an article."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.dateline import find_dateline, find_published

DATELINES = [
    # (text, city, outlet)
    ("ISLAMABAD (APP): The visiting general met the naval chief.", "ISLAMABAD", "APP"),
    ("BEIJING, Jan. 15 (Xinhua) -- Chinese officials said the talks went well.", "BEIJING", "Xinhua"),
    ("MOSCOW, February 26. /TASS/. The Russian minister arrived in the capital.", "MOSCOW", "TASS"),
    ("ABU DHABI, 12th May, 2024 (WAM) -- The minister received a delegation.", "ABU DHABI", "WAM"),
    ("KARACHI: The navy chief visited the dockyard.", "KARACHI", None),
    ("NAIROBI — Kenya hosted a regional security dialogue.", "NAIROBI", None),
    ("Berlin (dpa) - Germany and Poland agreed to expand rail links.", "Berlin", "dpa"),
    ("UMROI (MEGHALAYA), May 26 (ANI): Army officers from two countries trained together.", "UMROI", "ANI"),
    ("RAWALPINDI, Jan 15 (APP): The general received the delegation.", "RAWALPINDI", "APP"),
    ("NEW DELHI, March 3 (Reuters) - India said it would host the talks.", "NEW DELHI", "Reuters"),
    ("DOHA, Oct 5 (QNA) - Qatar welcomed the envoy.", "DOHA", "QNA"),
    ("WASHINGTON (AP) — The secretary met his counterpart.", "WASHINGTON", "AP"),
    ("Rawalpindi, 3 March 2024: The general met the visitors.", "Rawalpindi", None),
    ("KUALA LUMPUR, April 3 (Bernama) -- The minister will visit.", "KUALA LUMPUR", "Bernama"),
    ("ACCRA, Nov. 5 (GNA) -- The president arrived.", "ACCRA", "GNA"),
    ("ANKARA\nTurkish officials met the delegation on Monday.", "ANKARA", None),
    ("Brasília\nThe president received the envoy.", "Brasília", None),
    (" date 2024-03-13 KARACHI, Jan 15 (APP):The admiral met the delegation.", "KARACHI", "APP"),
    ("(MENAFN- Qatar News Agency (QNA)) DOHA, Oct 5 (QNA) -- The envoy arrived.", "DOHA", "QNA"),
    ("Nairobi, Dec 31 (PTI) The talks began on Tuesday.", "Nairobi", "PTI"),
    ("Kumasi, April 2, GNA- The minister arrived.", "Kumasi", "GNA"),
    ("Press Trust of India Colombo\nThe minister arrived on Friday.", "Colombo", "Press Trust of India"),
    ("Lagos/Abuja: The president will travel on Monday.", "Lagos/Abuja", None),
    ("Nairobi February 10/ 2023 /ENA/ The minister arrived.", "Nairobi", "ENA"),
    ("VANCOUVER, British Columbia—The minister welcomed the envoy.", "VANCOUVER", None),
    ("Seoul, Dec. 1 (Jiji Press)--The talks were held.", "Seoul", "Jiji Press"),
    ("Leaders pose (Photo: VNA)Hanoi (VNA) \u2013 The leader received the envoy.", "Hanoi", "VNA"),
    ("LONDON, United Kingdom — The ministers met.", "LONDON", None),
    ("Geneva, 21 October 2022\n\nThe envoy will travel on Monday.", "Geneva", None),
    ("SOUTH AFRICA\n\nPresident meets envoy\n\nPRETORIA — The president met the envoy.", "PRETORIA", None),
]


DATELINE_IDS = [t.split("\n")[0][:32] for t, _, _ in DATELINES]


@pytest.mark.parametrize(("text", "city", "outlet"), DATELINES, ids=DATELINE_IDS)
def test_dateline_gives_city_and_outlet(text: str, city: str, outlet: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.city, found.outlet) == (city, outlet)


@pytest.mark.parametrize(("text", "city", "outlet"), DATELINES, ids=DATELINE_IDS)
def test_dateline_span_starts_with_the_city_and_ends_before_the_story(text: str, city: str,
                                                                      outlet: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end].startswith(city)
    assert text[found.end :].strip()[:1].isupper()


def test_dateline_below_a_headline_is_found_with_its_offset() -> None:
    text = "Army chief meets visiting general\nISLAMABAD (APP): The visiting general met the army chief."
    found = find_dateline(text)
    assert found is not None
    assert (found.city, found.outlet) == ("ISLAMABAD", "APP")
    assert text[found.start : found.end] == "ISLAMABAD (APP): "


def test_dateline_with_a_year_carries_its_date() -> None:
    found = find_dateline("ABU DHABI, 12th May, 2024 (WAM) -- The minister received a delegation.")
    assert found is not None
    assert found.date == dt.date(2024, 5, 12)


NOT_DATELINES = [
    "Army Chief Receives Visiting Commander\nThe visiting commander met the army chief.",
    "IMMEDIATE RELEASE\nThe ministry said the visit was a success.",
    "January 16, 2024\nThe ministry said the visit was a success.",
    "Published: January 16, 2024\nThe ministry said the visit was a success.",
    "The minister said on Monday that talks went well.",
    "Two sides agree to expand trade: officials",
    "ALBAWABA - The president received the visiting minister.",
    "Pakistan\u2013India talks resume\nThe two sides met on Monday.",
    "Army Chief (retd) Says Talks Went Well\nThe general spoke on Monday.",
    "",
]


@pytest.mark.parametrize("text", NOT_DATELINES, ids=[t.split("\n")[0][:32] or "empty" for t in NOT_DATELINES])
def test_headline_release_note_or_date_line_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_country_after_the_city_is_not_an_outlet() -> None:
    found = find_dateline("Tokyo, Japan — The minister met the visiting envoy.")
    assert found is not None
    assert found.outlet is None


PLACES_BESIDE_THE_CITY = [
    ("UMROI (MEGHALAYA), May 26 (ANI): Officers trained together.", "MEGHALAYA"),
    ("LONDON, United Kingdom — The ministers met.", "United Kingdom"),
    ("ANDREWS AIR FORCE BASE, UNITED STATES (AFP) - The president arrived.", "UNITED STATES"),
    ("OTTAWA, Ontario—The governor general received the envoys.", "Ontario"),
]


@pytest.mark.parametrize(("text", "place"), PLACES_BESIDE_THE_CITY, ids=[p for _, p in PLACES_BESIDE_THE_CITY]
                         )
def test_place_printed_beside_the_dateline_city_is_kept_with_its_span(text: str, place: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert [(name, text[start:end]) for name, start, end in found.places] == [(place, place)]


def test_excerpt_date_stamp_is_the_published_date() -> None:
    text = " date 2023-05-27 NAIROBI: The president will travel on Wednesday."
    assert find_published(text, find_dateline(text)) == dt.date(2023, 5, 27)


PUBLISHED = [
    ("Published: January 16, 2024\nRAWALPINDI, Jan 15 (APP): The general met the envoy.", "2024-01-16"),
    ("Updated: December 12, 2024 19:05 IST\nNEW DELHI: The minister met the envoy.", "2024-12-12"),
    ("Source: Xinhua | 2025-01-15 20:41:36\nBEIJING, Jan. 15 (Xinhua) -- The talks began.", "2025-01-15"),
    ("Posted On: 26 MAY 2024 6:15PM by PIB Delhi\nNEW DELHI: The minister met the envoy.", "2024-05-26"),
    ("Envoy visits capital\nPublished: March 14, 2025\n\nISLAMABAD (APP): The envoy arrived.", "2025-03-14"),
    ("January 16, 2024\nThe ministry said the visit was a success.", "2024-01-16"),
    ("ABU DHABI, 12th May, 2024 (WAM) -- The minister received a delegation.", "2024-05-12"),
    ("Rawalpindi, 3 March 2024: The general met the visitors.", "2024-03-03"),
]


@pytest.mark.parametrize(("text", "expected"), PUBLISHED, ids=[t.split("\n")[0][:32] for t, _ in PUBLISHED])
def test_published_date_comes_from_the_header_or_the_dateline(text: str, expected: str) -> None:
    assert find_published(text, find_dateline(text)) == dt.date.fromisoformat(expected)


NOT_PUBLISHED = [
    "ISLAMABAD (APP): The visiting general met the naval chief on Friday.",
    "BEIJING, Jan. 15 (Xinhua) -- Chinese officials said the talks went well.",
    "KARACHI: The navy chief said the 2024 exercise was a success.",
    "ISLAMABAD: The envoy arrived.\nThe talks were held on 28 February 2024 in the capital.",
]


@pytest.mark.parametrize("text", NOT_PUBLISHED, ids=[t[:32] for t in NOT_PUBLISHED])
def test_no_full_date_above_or_in_the_dateline_gives_no_published_date(text: str) -> None:
    assert find_published(text, find_dateline(text)) is None
