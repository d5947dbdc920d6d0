"""The dateline ('ISLAMABAD, Nov 12 (APP):') and the publication date printed above an article.

Pure text functions with no spaCy import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from extractor import geography
from extractor.dates import parse_header_date
from extractor.resources import gazetteer

_HEADER_LINES = 8
_CITY = re.compile(r"^(?P<city>[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|de|da|del|es|al|el)){0,3})")
# What ends a dateline: a colon, a dash of any kind, or the agency's closing mark.
_SEPARATOR = re.compile(r"\s*(?:\)|\.)?\s*(?::|--|—|–|-|\.-)\s+")
_OUTLET_PAREN = re.compile(r"\((?P<outlet>[^)\n]{1,30})\)")
_OUTLET_SLASH = re.compile(r"/(?P<outlet>[A-Za-z][\w ]{1,20})/")
_TRAILING_OUTLET = re.compile(r",\s*(?P<outlet>[A-Z][A-Za-z]{1,10})\s*$")
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "published", "updated", "posted", "source", "readout",
                "immediate", "release", "office"}


@dataclass(frozen=True)
class Dateline:
    """The dateline of an article: the city as printed, its credited outlet and where it ends."""

    city: str
    outlet: str | None
    start: int
    end: int
    date: dt.date | None


def _is_place(name: str) -> bool:
    return bool(geography.city(name) or geography.country(name))


@lru_cache(maxsize=64)
def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first lines of `text`, or None when the article has none."""
    offset = 0
    for count, line in enumerate(text.splitlines(keepends=True)):
        if count >= _HEADER_LINES + 4:
            break
        found = _parse_line(line.rstrip("\r\n"), offset)
        offset += len(line)
        if found:
            return found
    return None


def _parse_line(line: str, offset: int) -> Dateline | None:
    m = _CITY.match(line)
    if not m:
        return None
    city = m["city"].rstrip(".")
    if city.split()[0].lower() in _MONTH_WORDS:
        return None
    rest = line[m.end() :]
    if not rest.strip():
        # A city alone on its line ("ANKARA", "Brasília").
        if len(line.strip()) <= 40 and _is_place(city):
            return Dateline(city, None, offset, offset + m.end(), None)
        return None
    prefix_end = None
    outlet = None
    slash = _OUTLET_SLASH.search(rest[:60])
    sep = re.compile(r"\.?\s+").match(rest, slash.end()) if slash else _SEPARATOR.search(rest)
    if sep is None or sep.start() > 80:
        return None
    head = rest[: sep.start() + 1] if rest[sep.start()] == ")" else rest[: sep.start()]
    if head and not head.lstrip().startswith(("(", ",", "/")):
        return None
    prefix_end = m.end() + sep.end()
    outlets = gazetteer("outlets", "name")
    for pattern in (_OUTLET_SLASH, _OUTLET_PAREN, _TRAILING_OUTLET):
        for found in pattern.finditer(head):
            candidate = found["outlet"].strip()
            # "UMROI (MEGHALAYA), May 26 (ANI):": a parenthesis followed by a comma is a region.
            if head[found.end() :].lstrip().startswith(",") and candidate.lower() not in outlets:
                continue
            outlet = candidate
            break
        if outlet:
            break
    if not (outlet or _is_place(city) or city.isupper()):
        return None
    date = parse_header_date(head) if re.search(r"\d", head) else None
    return Dateline(city, outlet, offset, offset + prefix_end, date)


def find_published(text: str, dateline: Dateline | None) -> dt.date | None:
    """The publication date printed in the article's header lines or its dateline."""
    lines = text.splitlines()[:_HEADER_LINES]
    limit = dateline.start if dateline else sum(len(line) + 1 for line in lines)
    consumed = 0
    for line in lines:
        if consumed >= limit:
            break
        consumed += len(line) + 1
        if re.search(r"\d{4}", line) and len(line) < 80:
            found = parse_header_date(line)
            if found:
                return found
    if dateline and dateline.date:
        return dateline.date
    return None
