"""extractor.dates: printed dates resolved against the publication date (pure functions, no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor import dates

SATURDAY = dt.date(2025, 7, 26)  # the publication date most cases resolve against


def d(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


PAST_WEEKDAYS = [
    ("on Friday", "2025-07-25"),
    ("on Thursday", "2025-07-24"),
    ("on Wednesday", "2025-07-23"),
    ("on Tuesday", "2025-07-22"),
    ("on Monday", "2025-07-21"),
    ("on Sunday", "2025-07-20"),
    ("on Saturday", "2025-07-26"),
    ("Friday", "2025-07-25"),
    ("on friday", "2025-07-25"),
    ("late on Thursday evening", "2025-07-24"),
    ("Earlier on Monday", "2025-07-21"),
]


@pytest.mark.parametrize(("text", "expected"), PAST_WEEKDAYS, ids=[t for t, _ in PAST_WEEKDAYS])
def test_weekday_is_the_most_recent_such_day_on_or_before_publication(text: str, expected: str) -> None:
    assert dates.resolve(text, SATURDAY) == d(expected)


FUTURE_WEEKDAYS = [
    ("on Saturday", "2025-07-26"),
    ("on Sunday", "2025-07-27"),
    ("on Monday", "2025-07-28"),
    ("on Friday", "2025-08-01"),
    ("next Tuesday", "2025-07-29"),
]


@pytest.mark.parametrize(("text", "expected"), FUTURE_WEEKDAYS, ids=[t for t, _ in FUTURE_WEEKDAYS])
def test_weekday_in_a_future_sentence_is_the_next_such_day_on_or_after_publication(text: str, expected: str) -> None:
    assert dates.resolve(text, SATURDAY, future=True) == d(expected)


DAY_WORDS = [
    ("today", "2025-07-26"),
    ("yesterday", "2025-07-25"),
    ("tomorrow", "2025-07-27"),
    ("last night", "2025-07-25"),
    ("this morning", "2025-07-26"),
    ("this evening", "2025-07-26"),
    ("Yesterday", "2025-07-25"),
    ("earlier today", "2025-07-26"),
    ("the envoy arrived to day for talks", "2025-07-26"),
    ("the envoy arrived here to-day", "2025-07-26"),
]


@pytest.mark.parametrize(("text", "expected"), DAY_WORDS, ids=[t for t, _ in DAY_WORDS])
def test_day_words_count_days_from_publication(text: str, expected: str) -> None:
    assert dates.resolve(text, SATURDAY) == d(expected)


def test_weekday_across_a_month_boundary_goes_back_into_the_previous_month() -> None:
    # 2025-08-01 is a Friday: "on Tuesday" is 29 July.
    assert dates.resolve("on Tuesday", d("2025-08-01")) == d("2025-07-29")


def test_weekday_across_a_year_boundary_goes_back_into_the_previous_year() -> None:
    # 2025-01-02 is a Thursday: "on Monday" is 30 December 2024.
    assert dates.resolve("on Monday", d("2025-01-02")) == d("2024-12-30")


ABSOLUTE = [
    ("28 February 2024", "2024-02-28"),
    ("on 28 February 2024", "2024-02-28"),
    ("June 4", "2025-06-04"),
    ("on June 4", "2025-06-04"),
    ("Feb 29, 2024", "2024-02-29"),
    ("Feb. 3", "2025-02-03"),
    ("Sept 9, 2024", "2024-09-09"),
    ("03.10.2024", "2024-10-03"),
    ("2025-01-15", "2025-01-15"),
    ("12th May, 2024", "2024-05-12"),
    ("1st of March 2023", "2023-03-01"),
    ("the 4th of June", "2025-06-04"),
    ("17/04/2024", "2024-04-17"),
    ("on Monday, 12 August 2024", "2024-08-12"),
    ("December 2, 2024", "2024-12-02"),
    ("MAY 26, 2024", "2024-05-26"),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE, ids=[t for t, _ in ABSOLUTE])
def test_absolute_date_is_read_as_printed(text: str, expected: str) -> None:
    assert dates.resolve(text, SATURDAY) == d(expected)


def test_absolute_date_with_a_year_needs_no_publication_date() -> None:
    assert dates.resolve("28 February 2024", None) == d("2024-02-28")


def test_absolute_date_wins_over_a_weekday_printed_beside_it() -> None:
    assert dates.resolve("on Monday, 12 August 2024", SATURDAY) == d("2024-08-12")


IMPOSSIBLE = ["31 June 2024", "Feb 30, 2024", "29 February 2025", "2024-13-01", "45/01/2024"]


@pytest.mark.parametrize("text", IMPOSSIBLE, ids=IMPOSSIBLE)
def test_impossible_calendar_date_resolves_to_none(text: str) -> None:
    assert dates.resolve(text, SATURDAY) is None


YEAR_BOUNDARY = [
    # (text, published, future, expected)
    ("on December 30", "2025-01-03", False, "2024-12-30"),
    ("on 31 December", "2025-01-02", False, "2024-12-31"),
    ("Dec. 28", "2025-01-05", False, "2024-12-28"),
    ("on January 2", "2024-12-28", True, "2025-01-02"),
    ("from 3 January", "2024-12-20", True, "2025-01-03"),
    ("on January 2", "2024-12-28", False, "2024-01-02"),
    ("on March 3", "2025-03-05", False, "2025-03-03"),
]


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    YEAR_BOUNDARY,
    ids=[f"{t}-published-{p}-{'future' if f else 'past'}" for t, p, f, _ in YEAR_BOUNDARY],
)
def test_year_less_date_near_a_year_boundary_takes_the_neighbouring_year(
    text: str, published: str, future: bool, expected: str
) -> None:
    assert dates.resolve(text, d(published), future=future) == d(expected)


VAGUE = ["earlier this week", "last week", "this month", "recently", "next year", "in the coming weeks",
         "earlier this year", "over the past month"]


@pytest.mark.parametrize("text", VAGUE, ids=VAGUE)
def test_vague_time_names_no_day(text: str) -> None:
    assert dates.resolve(text, SATURDAY) is None


@pytest.mark.parametrize("text", ["earlier this week", "recently", "last month"])
def test_is_vague_flags_phrases_without_a_day(text: str) -> None:
    assert dates.is_vague(text)


@pytest.mark.parametrize("text", ["on Friday", "earlier this week, on Tuesday", "28 February 2024"])
def test_is_vague_leaves_phrases_with_a_day(text: str) -> None:
    assert not dates.is_vague(text)


RELATIVE_WITHOUT_BASE = ["on Friday", "yesterday", "today", "June 4"]


@pytest.mark.parametrize("text", RELATIVE_WITHOUT_BASE, ids=RELATIVE_WITHOUT_BASE)
def test_relative_date_without_publication_date_stays_unresolved(text: str) -> None:
    assert dates.resolve(text, None) is None


NO_DATE = ["", "the two sides discussed trade", "Room 101", "a 3-day visit", "May I ask",
           "cooperation from day to day", "they turned to day-to-day matters"]


@pytest.mark.parametrize("text", NO_DATE, ids=[t or "empty" for t in NO_DATE])
def test_text_without_a_date_resolves_to_none(text: str) -> None:
    assert dates.resolve(text, SATURDAY) is None


RANGES = [
    ("from December 11 to 14", "2024-12-01", True, "2024-12-11", "2024-12-14"),
    ("3 to 5 May", "2025-04-20", True, "2025-05-03", "2025-05-05"),
    ("June 3 to 6", "2025-05-30", True, "2025-06-03", "2025-06-06"),
    ("from 3 to 5 May 2024", "2025-07-26", False, "2024-05-03", "2024-05-05"),
    ("from October 14 to 17", "2025-10-01", True, "2025-10-14", "2025-10-17"),
    ("a three-day state visit from 4 to 6 November", "2024-11-05", False, "2024-11-04", "2024-11-06"),
    ("April 8-10", "2025-04-03", True, "2025-04-08", "2025-04-10"),
    ("from Jan 29 until 31", "2025-01-20", True, "2025-01-29", "2025-01-31"),
    ("December 29 to 31", "2025-01-04", False, "2024-12-29", "2024-12-31"),
]


@pytest.mark.parametrize(
    ("text", "published", "future", "start", "end"), RANGES, ids=[r[0] for r in RANGES]
)
def test_stated_range_gives_start_and_end(text: str, published: str, future: bool, start: str, end: str) -> None:
    assert dates.resolve_range(text, d(published), future=future) == (d(start), d(end))


@pytest.mark.parametrize("text", ["on Friday", "earlier this week", "June 3", "between trade and energy"])
def test_text_without_a_range_gives_no_range(text: str) -> None:
    assert dates.resolve_range(text, SATURDAY) == (None, None)


@pytest.mark.xfail(strict=True, reason="resolve_range only knows ranges inside one month: "
                   "'March 30 to April 2' gives (None, None) though CONTRACT.md asks for the stated span")
def test_range_across_two_months_gives_start_and_end() -> None:
    assert dates.resolve_range("from March 30 to April 2", d("2025-03-20"), future=True) == (
        d("2025-03-30"),
        d("2025-04-02"),
    )


HEADER_LINES = [
    ("Published: January 16, 2024", "2024-01-16"),
    ("Updated: December 12, 2024 19:05 IST", "2024-12-12"),
    ("Source: Xinhua | 2025-01-15 20:41:36", "2025-01-15"),
    ("Posted On: 26 MAY 2024 6:15PM", "2024-05-26"),
    ("Posted On: 26 MAY 2024 6:15PM by PIB Delhi", "2024-05-26"),
    ("Published on 3 March 2023", "2023-03-03"),
    ("Monday, 12 August 2024", "2024-08-12"),
    ("03.10.2024", "2024-10-03"),
    ("Last updated 2024-11-05 08:00 GMT", "2024-11-05"),
    ("Friday 14 March 2025 | 10:42 PKT", "2025-03-14"),
    ("Nov 5, 2024, 09:12 AM", "2024-11-05"),
]


@pytest.mark.parametrize(("line", "expected"), HEADER_LINES, ids=[line for line, _ in HEADER_LINES])
def test_header_line_gives_the_publication_date(line: str, expected: str) -> None:
    assert dates.parse_header_date(line) == d(expected)


NOT_HEADER_DATES = ["Islamabad", "No date here", "By Staff Reporter", "Posted On:", "Page 12 of 40"]


@pytest.mark.parametrize("line", NOT_HEADER_DATES, ids=NOT_HEADER_DATES)
def test_header_line_without_a_full_date_gives_none(line: str) -> None:
    assert dates.parse_header_date(line) is None


ISO = [("2024-02-29", dt.date(2024, 2, 29)), ("2024-02-30", None), ("", None), (None, None), ("Friday", None)]


@pytest.mark.parametrize(("value", "expected"), ISO, ids=[repr(v) for v, _ in ISO])
def test_parse_iso_accepts_only_valid_iso_dates(value: str | None, expected: dt.date | None) -> None:
    assert dates.parse_iso(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("07-February-2020 20:07 IST", "2020-02-07"), (", Nov. 7 (Petra)", None),
     ("Published: 03.10.2024", "2024-10-03")],
    ids=["dateparser-form", "no-year", "numeric"],
)
def test_header_date_needs_a_year(line: str, expected: str | None) -> None:
    found = dates.parse_header_date(line)
    assert (found.isoformat() if found else None) == expected
