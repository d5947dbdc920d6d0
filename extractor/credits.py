"""Where a name is no body the article reports on, and where it is a source the article cites: agency
credits and bylines ('(Reuters)', 'Photo: AFP', '... — Bernama'), page chrome (menu lines, 'Read more:'
links, 'Credits: ...'), and the agencies and social platforms a statement is quoted from ('ONA reports
quoting AA', 'said on X').
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from spacy.tokens import Doc, Span

from extractor import geography
from extractor.resources import gazetteer


@cache
def _outlet_names() -> frozenset[str]:
    outlets = gazetteer("outlets", "name")
    return frozenset(outlets) | {str(r.get("long", "")).lower() for r in outlets.values()}


def is_outlet(text: str) -> bool:
    return text.lower() in _outlet_names()


@cache
def _outlets_by_name() -> dict[str, dict]:
    outlets = gazetteer("outlets", "name")
    return {**{str(r.get("long", "")).lower(): r for r in outlets.values() if r.get("long")}, **outlets}


def outlet_row(text: str) -> dict:
    return _outlets_by_name().get(text.lower(), {})


_DASHES = frozenset({"-", "\u2013", "\u2014"})
_MONTHS = frozenset(geography.fold(m) for m in (*calendar.month_name, *calendar.month_abbr) if m)
_CREDIT_WORDS = frozenset({"photo", "photos", "source", "credit", "credits", "courtesy", "file", "edition",
                           "©", "/", "|"})


def is_credit(span: Span) -> bool:
    """An outlet named as a credit ('(Reuters)', 'Photo: AFP', 'Reuters/Pool', a byline), not as a
    body the article reports on ('TASS quoted the minister as saying')."""
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start]
    if (span.start > 0 and doc[span.start - 1].text in ("(", "[")) or \
            any(t.lower_ in _CREDIT_WORDS for t in before):
        return True
    if span.end < len(doc) and doc[span.end].text in ("/", ")", "]", "|"):
        return True
    ends_line = span.end == len(doc) or "\n" in doc[span.end].text
    if span.start > 0 and doc[span.start - 1].text in _DASHES and ends_line:
        return True  # a paragraph signed '... the two countries. — Bernama'
    after = doc[span.end : span.end + 2]
    if len(after) and (after[0].like_num or geography.fold(after[0].text) in _MONTHS or
                       all(t.is_upper and t.is_alpha for t in after)):
        return True  # a byline's 'PTI September 04, 2022 10:36 IST', an editor's 'PTI GRS GRS'
    return _alone_on_its_line(span)


def _alone_on_its_line(span: Span) -> bool:
    """A name that is its line, or nearly ('Latest Stories', a byline, a menu item): page chrome."""
    doc = span.doc  # walked by tokens: `doc.text` would rebuild the whole text for every name
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    line = doc[start:end].text
    return len(line.split()) <= len(span.text.split()) + 2 and not line.rstrip().endswith((".", '"', "”"))


def is_chrome(span: Span) -> bool:
    """Page furniture taken for a name: it runs over a line break, stands alone on its line, or
    sits in a link ('Read more: ...') or after a credit ('Credits: Presidency of Mexico')."""
    if "\n" in span.text or _alone_on_its_line(span):
        return True
    doc = span.doc
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    lead = doc[start : min(start + 3, span.start)]
    if " ".join(t.lower_ for t in lead[:2]) in _LINK_LEADS:
        return True
    before = doc[max(0, span.start - 2) : span.start]
    return len(before) == 2 and before[1].text == ":" and before[0].lower_ in _CREDIT_WORDS


_LINK_LEADS = frozenset({"read more", "read also", "also read", "see also", "related :", "more :", "watch :"})


_CITING_BEFORE = frozenset({"quoting", "told", "reports", "reported", "citing", "according"})
_CITING_AFTER = frozenset({"reported", "reports", "quoted", "said", "cited", "says"})


def cited_outlets(doc: Doc) -> list[Span]:
    """Agencies the text cites that the NER did not tag: 'officials said, ONA reports quoting AA'."""
    found = []
    firsts = _outlet_first_words()
    for token in doc:
        if not token.text[:1].isupper() or token.text not in firsts:
            continue
        for length in (3, 2, 1):
            span = doc[token.i : token.i + length]
            if len(span) < length or span.text not in outlet_names_printed():
                continue
            if cited_as_source(span):
                found.append(span)
            break
    return found


def cited_as_source(span: Span) -> bool:
    """'told AFP', 'according to PTI', 'TASS reported': a name the text quotes as its source."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    before = doc[span.start - 2].lower_ if before == "to" and span.start > 1 else before
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in _CITING_BEFORE or after in _CITING_AFTER


@cache
def _outlet_first_words() -> frozenset[str]:
    """The first word of every outlet name, whole and cut where the tokenizer may cut it ('Al-Ahram')."""
    words = {name.split(" ")[0] for name in outlet_names_printed()}
    return frozenset(words | {re.split(r"[-'’/.&]", word)[0] for word in words})


@cache
def outlet_names_printed() -> frozenset[str]:
    outlets = gazetteer("outlets", "name").values()
    return frozenset(str(r["name"]) for r in outlets) | {str(r["long"]) for r in outlets if r.get("long")}


# Names of agreements, programmes and gatherings, not bodies (CONTRACT: organizations are bodies).
_PLATFORM_AFTER = frozenset({"post", "posts", "account", "handle", "page", "channel", "feed", "video",
                             "statement"})
_PLATFORM_BEFORE = frozenset({"on", "via", "his", "her", "its", "their", "official", "an", "a"})
_CHROME_VERBS = frozenset({"follow", "join", "share", "like", "subscribe", "download"})


def cited_platform(span: Span) -> bool:
    """A social platform a statement was made on ('said on X', 'on his Twitter handle', 'an X post'),
    not a share button or a 'Follow us on Facebook' line."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before not in _PLATFORM_BEFORE and after not in _PLATFORM_AFTER:
        return False
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    return doc[start].lower_ not in _CHROME_VERBS
