"""The dateline ('ISLAMABAD, Nov 12 (APP):') and the publication date printed above an article.

Pure text functions with no spaCy import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor import geography
from extractor.dates import parse_header_date
from extractor.resources import gazetteer

_HEADER_LINES = 8
# The excerpt's own stamp (' date 2024-03-13 ') and a credit in parentheses before the city
# ('(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, Feb 2 (KUNA) --') come before the city.
_LINE_LEAD = re.compile(r"^\s*(?:date \d{4}-\d{2}-\d{2}\b\s*)?(?:\((?:[^()\n]|\([^()\n]*\))*\)\s*)?"
                        r"(?:[^\n]{0,400}?\((?:Photo|Image|File photo)\b[^()\n]*\)(?=[A-Z]))?")
_DATE_STAMP = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")
_WORD = r"[A-Z][\w'’.]*(?:-[\w'’.]+)*"
# 'Kathmandu/New Delhi:' names two cities.
_CITY = re.compile(rf"^(?P<city>{_WORD}(?: (?:{_WORD}|de|da|del|es|al|el)){{0,3}}"
                   rf"(?:/{_WORD}(?: {_WORD}){{0,2}})?)")
# What ends a dateline: a colon, a dash of any kind, or the agency's closing mark; 'Kathmandu, Dec 31
# (PTI) The ...' ends on a credited agency's parenthesis alone.
_SEPARATOR = re.compile(r"\s*(?:\)|\.)?\s*(?::|--|—|\u2013|-|\.-)\s+|\):(?=[A-Z])|"
                        r"(?P<bare>\)\s+)(?=[A-Z“\"])|"
                        r"(?P<tight>—|\u2013)(?=[A-Z])|\)--(?=[A-Z])")
# What may follow the city before the separator: a credit, a comma, a slash, or a date.
_HEAD_START = re.compile(r"^\s*(?:[(,/]|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                         r"\.?\s+\d)", re.IGNORECASE)
# 'MOSCOW, February 26. /TASS/. The', 'OTTAWA, July 10, 2019 /CNW/ - The'.
_AFTER_SLASH = re.compile(r"\.?\s*(?:[-\u2013—:]+\s*)?(?=\S)")
_OUTLET_PAREN = re.compile(r"\((?P<outlet>[^)\n]{1,30})\)")
_OUTLET_SLASH = re.compile(r"/(?P<outlet>[A-Za-z][\w ]{1,20})/")
_TRAILING_OUTLET = re.compile(r",\s*(?P<outlet>[A-Z][A-Za-z]{1,10})\s*$")
# A place named beside the city: 'UMROI (MEGHALAYA),', 'LONDON, United Kingdom —'.
_HEAD_PLACE = re.compile(r"(?:\(|,\s*)(?P<place>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3})(?=\s*[(),]|\s*$)")
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "published", "updated", "posted", "source", "readout",
                "immediate", "release", "office"}


@dataclass(frozen=True)
class Dateline:
    """The dateline of an article: the city as printed, its credited outlet and where it ends.

    `places` are the other places it prints beside the city, as (name, start, end): 'UMROI
    (MEGHALAYA)' gives ('MEGHALAYA', ...).
    """

    city: str
    outlet: str | None
    start: int
    end: int
    date: dt.date | None
    places: tuple[tuple[str, int, int], ...] = ()
    alone: bool = False


def _is_place(name: str) -> bool:
    first = name.split("/")[0]
    return bool(geography.city(first) or geography.country(first) or geography.subdivision(first))


def _is_outlet(name: str) -> bool:
    return name.lower() in gazetteer("outlets", "name") or name.lower() in gazetteer("outlets", "long")


@cache
def _outlet_bylines() -> re.Pattern[str]:
    """'Press Trust of India Male': an agency's name with the city after it, on a line of its own."""
    rows = gazetteer("outlets", "name").values()
    names = sorted({row[k] for row in rows for k in ("name", "long") if row.get(k)}, key=len, reverse=True)
    return re.compile(r"^(?P<outlet>" + "|".join(re.escape(n) for n in names) + r") (?P<city>" + _WORD +
                      r"(?: " + _WORD + r"){0,2})\s*$")


@lru_cache(maxsize=64)
def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first lines of `text`, or None when the article has none.

    A city printed with its separator wins over a place alone on a line above it ('SAUDI ARABIA' as
    a section label, then 'RIYADH — ...').
    """
    offset = 0
    alone: Dateline | None = None
    for count, line in enumerate(text.splitlines(keepends=True)):
        if count >= _HEADER_LINES + 4:
            break
        found = _parse_line(line.rstrip("\r\n"), offset)
        offset += len(line)
        if found and not found.alone:
            return found
        alone = alone or found
    return alone


def _parse_line(line: str, offset: int) -> Dateline | None:
    lead = _LINE_LEAD.match(line)
    if lead and lead.end():
        offset += lead.end()
        line = line[lead.end() :]
    byline = _outlet_bylines().match(line)
    if byline and _is_place(byline["city"]):
        start = offset + byline.start("city")
        return Dateline(byline["city"], byline["outlet"], start, offset + len(line), None)
    m = _CITY.match(line)
    if not m:
        return None
    city = m["city"].rstrip(".")
    words = city.split(" ")
    while len(words) > 1 and words[-1].lower() in _MONTH_WORDS:
        # 'Addis Ababa January 10/ 2023 /ENA/': the date follows the city without a comma.
        words.pop()
    cut = m.end() if len(words) == len(city.split(" ")) else len(" ".join(words))
    city = " ".join(words)
    rest = line[cut:]
    if city.split()[0].lower() in _MONTH_WORDS or _is_outlet(city):
        # 'ALBAWABA - ...': the outlet's own name printed where a city would be.
        return None
    if not rest.strip():
        # A city alone on its line ("ANKARA", "Brasília").
        if len(line.strip()) <= 40 and _is_place(city):
            return Dateline(city, None, offset, offset + len(city), None, alone=True)
        return None
    stamp = re.match(r",\s*(.{6,30})$", rest)
    if stamp and _is_place(city) and (date := parse_header_date(stamp[1])):
        # 'Brussels, 21 October 2022' on a line of its own.
        return Dateline(city, None, offset, offset + len(line), date)
    slash = _OUTLET_SLASH.search(rest[:60])
    sep = _AFTER_SLASH.match(rest, slash.end()) if slash else _SEPARATOR.search(rest)
    if sep is None or sep.start() > 80:
        return None
    head = rest[: sep.start() + 1] if rest[sep.start()] == ")" else rest[: sep.start()]
    if (head and not _HEAD_START.match(head)) or (sep.groupdict().get("tight") and not head.strip()):
        return None
    outlet = _outlet(head)
    if sep.groupdict().get("bare") and not (outlet and _is_outlet(outlet)):
        return None
    if not (outlet or _is_place(city) or city.isupper()):
        return None
    # 'January 10/ 2023 /ENA/': the date without its credit and slashes.
    bare_head = _OUTLET_SLASH.sub(" ", head).replace("/", " ")
    date = parse_header_date(bare_head) if re.search(r"\d", head) else None
    base = offset + cut
    places = tuple((found["place"], base + found.start("place"), base + found.end("place"))
                   for found in _HEAD_PLACE.finditer(head)
                   if found["place"] != outlet and _is_place(found["place"]))
    return Dateline(city, outlet, offset, offset + cut + sep.end(), date, places)


def _outlet(head: str) -> str | None:
    """The agency credited between the city and the separator, if any."""
    for pattern in (_OUTLET_SLASH, _OUTLET_PAREN, _TRAILING_OUTLET):
        for found in pattern.finditer(head):
            candidate = found["outlet"].strip()
            if _is_outlet(candidate):
                return candidate
            # 'UMROI (MEGHALAYA), May 26 (ANI):', 'Tokyo, Japan —': a place beside the city.
            if head[found.end() :].lstrip().startswith(",") or _is_place(candidate):
                continue
            return candidate
    return None
def find_published(text: str, dateline: Dateline | None) -> dt.date | None:
    """The publication date printed in the article's header lines or its dateline."""
    lines = text.splitlines()[:_HEADER_LINES]
    stamp = _DATE_STAMP.match(text)
    if stamp:
        return dt.date.fromisoformat(stamp[1])
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
