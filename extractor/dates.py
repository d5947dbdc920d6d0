"""Resolve printed dates ('on Friday', 'yesterday', '28 February 2024') against a publication date.

Pure functions with no spaCy import. Absolute dates are parsed by `dateparser`; weekday and
day-relative words are resolved here because their newswire meaning is fixed: a weekday in a
report means the most recent such day on or before publication, unless the verb is in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
                  "this afternoon": 0, "this evening": 0, "last night": -1}
# 'has arrived to day', 'to-day': the older spelling, not 'day to day' or 'to day-to-day work'.
_OLD_TODAY = re.compile(r"(?<!day )(?<!day-)\bto[- ]day\b(?![- ]to\b)")
_VAGUE = re.compile(r"\b(this|last|next|past|coming) (week|month|year)\b|\brecently\b|\bearlier this\b", re.I)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_HAS_YEAR = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d{2}\b|'\d{2}\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_RANGE_SAME_MONTH = re.compile(
    rf"\b(?:from\s+)?({_MONTHS})\.?\s+(\d{{1,2}})\s*(?:to|-|–|until|through)\s*(\d{{1,2}})\b"
    rf"|\b(?:from\s+)?(\d{{1,2}})\s*(?:to|-|–|until|through)\s*(\d{{1,2}})\s+({_MONTHS})\b",
    re.I,
)


def parse_iso(value: str | None) -> dt.date | None:
    """A `YYYY-MM-DD` string as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(key) + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, base: dt.date | None, future: bool) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    if base is None:
        return None
    found = _safe_date(base.year, month, day)
    # A year-less date far from publication belongs to the neighbouring year ("on December 30" in January).
    if found and not future and (found - base).days > 180:
        found = _safe_date(base.year - 1, month, day)
    if found and future and (base - found).days > 180:
        found = _safe_date(base.year + 1, month, day)
    return found


def resolve_absolute(text: str, base: dt.date | None = None, *, future: bool = False) -> dt.date | None:
    """The first absolute calendar date printed in `text` ('28 February 2024', 'June 4', '03.10.2024')."""
    candidates: list[tuple[int, dt.date | None]] = []
    for m in _ISO.finditer(text):
        candidates.append((m.start(), _safe_date(int(m[1]), int(m[2]), int(m[3]))))
    for m in _NUMERIC.finditer(text):
        # Newswires outside the US print day first (03.10.2024, 17/04/2024).
        candidates.append((m.start(), _safe_date(int(m[3]), int(m[2]), int(m[1]))))
    for m in _DAY_MONTH.finditer(text):
        candidates.append((m.start(), _with_year(_month_number(m[2]), int(m[1]), m[3], base, future)))
    for m in _MONTH_DAY.finditer(text):
        if m[1].lower() == "may" and not m[3] and text[max(0, m.start() - 4) : m.start()].strip().lower() in ("", "it", "we"):
            continue
        candidates.append((m.start(), _with_year(_month_number(m[1]), int(m[2]), m[3], base, future)))
    found = [c for c in sorted(candidates, key=lambda c: c[0]) if c[1] is not None]
    return found[0][1] if found else None


def resolve_relative(text: str, base: dt.date | None, *, future: bool = False) -> dt.date | None:
    """A weekday or day word ('on Friday', 'yesterday') resolved against `base`.

    A weekday is the most recent such day on or before `base`, or the next one on or after it when
    the sentence speaks of the future.
    """
    if base is None:
        return None
    lowered = _OLD_TODAY.sub("today", text.lower())
    for word, offset in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lowered):
            return base + dt.timedelta(days=offset)
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            if future:
                return base + dt.timedelta(days=(index - base.weekday()) % 7)
            return base - dt.timedelta(days=(base.weekday() - index) % 7)
    return None


def is_vague(text: str) -> bool:
    """True for spans such as 'earlier this week' that name no single day."""
    return bool(_VAGUE.search(text)) and not re.search(r"\b(" + "|".join(WEEKDAYS) + r")\b", text, re.I)


def resolve(text: str, base: dt.date | None, *, future: bool = False) -> dt.date | None:
    """The calendar date `text` names: absolute dates first, then weekdays and day words."""
    found = resolve_absolute(text, base, future=future)
    if found is not None:
        return found
    if is_vague(text):
        return None
    return resolve_relative(text, base, future=future)


def resolve_range(text: str, base: dt.date | None, *, future: bool = False) -> tuple[dt.date | None, dt.date | None]:
    """A stated span ('from December 11 to 14', '3 to 5 May', 'June 3 to 6') as (start, end)."""
    m = _RANGE_SAME_MONTH.search(text)
    if not m:
        return None, None
    if m[1]:
        month, first, last = _month_number(m[1]), int(m[2]), int(m[3])
    else:
        month, first, last = _month_number(m[6]), int(m[4]), int(m[5])
    year_match = re.search(r"\b(\d{4})\b", text[m.end() : m.end() + 8])
    year = year_match[1] if year_match else None
    return (_with_year(month, first, year, base, future), _with_year(month, last, year, base, future))


@cache
def parse_header_date(line: str) -> dt.date | None:
    """A publication date printed on a header line ('Published: January 16, 2024', '03.10.2024').

    Uses `dateparser` for the forms the patterns here do not know (Hijri lines fall back to the
    Gregorian date printed beside them).
    """
    found = resolve_absolute(line)
    if found is not None or not _HAS_YEAR.search(line):
        # dateparser is asked for a day, month and year: without a year it finds nothing, and
        # importing it costs a cold start about 0.3 s.
        return found
    import dateparser

    cleaned = re.sub(r"^(published( on)?|updated|posted on|source:[^|]*\|)\s*:?\s*", "", line.strip(), flags=re.I)
    # Naming the language skips dateparser's language detection, which costs ~30 ms a call.
    parsed = dateparser.parse(cleaned, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True})
    return parsed.date() if parsed else None
