"""Organizations as pages print them (extractor.organizations): bodies named in the text, one name
for a ministry any state has, news agencies cited in the body, and no page chrome or credits.

Every sentence here is invented; the names belong to no real body or official unless they are
well-known institutions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document

Run = Callable[..., Document]


def bodies(document: Document) -> dict[str, str | None]:
    return {o.name: o.country for o in document.organizations}


@pytest.mark.parametrize(("printed", "country"), [
    ("the Turkish Foreign Ministry", "TUR"),
    ("Kenya's Foreign Ministry", "KEN"),
    ("the Foreign Affairs Ministry of Peru", None),
])
def test_a_foreign_ministry_however_printed_is_the_ministry_of_foreign_affairs(run: Run, printed: str,
                                                                              country: str | None) -> None:
    found = bodies(run(f"The visit was announced by {printed} in a statement on Friday."))
    assert "Ministry of Foreign Affairs" in found
    if country:
        assert found["Ministry of Foreign Affairs"] == country
    assert not any(name.endswith("Foreign Ministry") for name in found)


def test_the_defence_ministries_of_two_states_are_two_bodies(run: Run) -> None:
    document = run("Officials of the Kenyan Defence Ministry and the Ugandan Defence Ministry met in Kampala.")
    ministries = [o for o in document.organizations if o.name == "Ministry of Defence"]
    assert sorted(o.country for o in ministries) == ["KEN", "UGA"]


@pytest.mark.parametrize("credit", [
    "NAIROBI, July 20 (Reuters) - The minister arrived on Sunday.",
    "The minister arrived on Sunday. Photo: Reuters",
    "The minister arrived on Sunday.\nReuters/Pool/John Smith",
])
def test_an_agency_credit_is_no_organization(run: Run, credit: str) -> None:
    assert "Reuters" not in bodies(run(credit))


def test_an_agency_cited_in_the_body_is_an_organization(run: Run) -> None:
    found = bodies(run("The minister told Reuters on Sunday that the talks in Nairobi had gone well."))
    assert "Reuters" in found


@pytest.mark.parametrize("chrome", ["Latest Stories", "Business Report", "Share This Article"])
def test_a_menu_line_is_no_organization(run: Run, chrome: str) -> None:
    text = f"{chrome}\n\nThe Kenyan Defence Minister met officers of the Kenya Navy in Mombasa on Friday."
    found = bodies(run(text))
    assert chrome not in found
    assert "Kenya Navy" in found


def test_a_surname_the_tagger_calls_an_organization_is_no_organization(run: Run) -> None:
    found = bodies(run("Chief of the General Staff Gen. Fahad Al-Harbi met the minister. Later, Al-Harbi "
                       "toured the academy."))
    assert "Al-Harbi" not in found
