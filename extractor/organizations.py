"""Named organizations of an article: the lexicon's institutions and the trained NER's bodies, with
acronyms folded into their long forms, page chrome and fragments of offices left out.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from extractor import geography
from extractor.dateline import Dateline
from extractor.lexicon import Lexicon
from extractor.people import country_in_name, demonym_at
from extractor.resources import gazetteer


@dataclass
class OrgRecord:
    """A named organization with its acronym, country and character spans."""

    name: str
    acronym: str | None
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    venue_only: bool = True


def _labelled(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(w for w, row in gazetteer("name_heads", "word").items() if row.get("kind") == "organization")


@cache
def venue_heads() -> frozenset[str]:
    return frozenset(w for w, row in gazetteer("name_heads", "word").items() if row.get("kind") == "venue")


def strip_article(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].text in ("'s", "’s", "'", ",", ".") or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


@cache
def _outlet_names() -> frozenset[str]:
    outlets = gazetteer("outlets", "name")
    return frozenset(outlets) | {str(r.get("long", "")).lower() for r in outlets.values()}


def _is_outlet(text: str) -> bool:
    return text.lower() in _outlet_names()


_MONTHS = frozenset(geography.fold(m) for m in (*calendar.month_name, *calendar.month_abbr) if m)
_CREDIT_WORDS = frozenset({"photo", "photos", "source", "credit", "credits", "courtesy", "file", "©", "/", "|"})


def _is_credit(span: Span) -> bool:
    """An outlet named as a credit ('(Reuters)', 'Photo: AFP', 'Reuters/Pool', a byline), not as a
    body the article reports on ('TASS quoted the minister as saying')."""
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start]
    if (span.start > 0 and doc[span.start - 1].text in ("(", "[")) or any(t.lower_ in _CREDIT_WORDS for t in before):
        return True
    if span.end < len(doc) and doc[span.end].text in ("/", ")", "]", "|"):
        return True
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


def _is_chrome(span: Span) -> bool:
    """Page furniture taken for a name: it runs over a line break, or stands alone on its line."""
    return "\n" in span.text or _alone_on_its_line(span)


def find_organizations(doc: Doc, lex: Lexicon, person_tokens: set[int], dateline: Dateline | None) -> list[OrgRecord]:
    """Named organizations, acronyms folded into their long forms ('ISPR' -> Inter-Services Public Relations)."""
    venue_words = venue_heads()
    person_words = person_word_set(doc, person_tokens)
    by_key: dict[str, OrgRecord] = {}
    acronyms: dict[str, OrgRecord] = {}

    def add(name: str, acronym: str | None, country: str | None, span: Span, venue: bool,
            per_state: bool = False) -> None:
        key = geography.fold(name)
        if per_state:
            # Each state has its own Ministry of Defence; one printed without its state joins the article's only one.
            same = [k for k in by_key if k.split("|")[0] == key]
            key = f"{key}|{country}" if country or len(same) != 1 else same[0]
            record = by_key.get(key)
        else:
            record = by_key.get(key) or (acronyms.get(acronym.lower()) if acronym else None)
        if record is None:
            record = OrgRecord(name, acronym, country)
            by_key[key] = record
        record.acronym = record.acronym or acronym
        record.country = record.country or country
        record.spans.append((span.start_char, span.end_char))
        record.venue_only = record.venue_only and venue
        if record.acronym:
            acronyms[record.acronym.lower()] = record

    ner_orgs = [_labelled(_extend_name(strip_article(e)), e.label_) for e in doc.ents if e.label_ in ("ORG", "FAC")]
    for entry in lex.all("ORG"):
        span = entry.span
        if span.end_char <= (dateline.end if dateline else 0) or (_is_outlet(span.text) and _is_credit(span)):
            continue
        if len(span) == 1 and any(o.start <= span.start and span.end <= o.end and len(o) > 1 for o in ner_orgs):
            continue  # "Congress" inside "National People's Congress"
        if any(t.start <= span.start and span.end <= t.end and (t.end - t.start) > len(span)
               for t in lex.all("TITLE")):
            continue  # "Joint Chiefs of Staff" inside the office "Chairman Joint Chiefs of Staff Committee"
        if entry.row.get("kind") == "other" and _used_as_venue(span) and \
                not any(t.lower_ in _org_heads() for t in span):
            continue  # "at the Aiwan-e-Sadr": a building
        printed = span.text
        is_acronym = printed.replace(".", "").isupper() and len(printed) <= 8
        generic = entry.row.get("kind") == "ministry" and entry.row.get("country") is None
        # A ministry any state has is named one way: 'Foreign Ministry' is the Ministry of Foreign Affairs.
        inverted = generic and not printed.lower().startswith("ministry")
        name = entry.canonical if is_acronym or inverted or printed.lower() == entry.canonical.lower() else printed
        owner = _owner_country(span) if generic else None
        add(_expand_country(name), entry.row.get("acronym"), entry.row.get("country") or owner, span, False,
            per_state=generic)
    for span in ner_orgs:
        if not span.text or not span.text[:1].isupper() or len(span) == 0:
            continue
        if any(t.i in person_tokens for t in span) or lex.covers(span.start, "ORG") or _owned_lexicon_body(span, lex):
            continue
        if any(lex.covers(t.i, "RANK", "TITLE", "HONORIFIC", "POSTNOMINAL") for t in span) and \
                not any(t.lower_ in gazetteer("name_heads", "word") for t in span):
            continue
        if dateline and span.start_char < dateline.end:
            continue
        if _is_outlet(span.text) and not _is_chrome(span):
            if not _is_credit(span):  # 'the minister told Reuters': an agency the article cites
                add(span.text, None, None, span, False)
            continue
        if _is_chrome(span) or geography.country(span.text) or geography.demonym(span.text) \
                or geography.city(span.text) or names_a_person(span, person_words):
            continue
        if span[-1].lower_ in venue_words or span.label_ == "FAC" or not _looks_like_body(span, lex):
            continue
        if _used_as_venue(span) and not any(t.lower_ in _org_heads() for t in span):
            continue  # "at the Aiwan-e-Sadr", "at Qasr Al Shati": a building
        acronym = _defined_acronym(doc, span)
        if acronym and acronym.lower() in acronyms:
            acronyms[acronym.lower()].spans.append((span.start_char, span.end_char))
            continue
        if span.text.isupper() and span.text.lower() in acronyms:
            acronyms[span.text.lower()].spans.append((span.start_char, span.end_char))
            continue
        add(_expand_country(span.text), acronym, country_in_name(span.text), span, False)
    return [r for r in by_key.values() if r.name.split()[-1].lower() not in venue_words]


# Names of agreements, programmes and gatherings, not bodies (CONTRACT: organizations are bodies).
_NOT_BODY_WORDS = {"agreement", "treaty", "corridor", "partnership", "programme", "program", "initiative",
                   "declaration", "exercise", "accord", "pact", "convention", "protocol", "plan", "vision",
                   "strategy", "framework", "deal", "summit", "for", "staff", "format", "parade", "day"}
_GENERIC_BODIES = {"army", "navy", "presidency", "department", "cabinet", "state", "government", "ministry",
                   "secretaries", "committee", "council", "military", "parliament"}


def _owner_country(span: Span) -> str | None:
    """The state printed before a body ('Turkish Foreign Ministry', "Nepal's Ministry of Defence")."""
    doc = span.doc
    for start in range(max(0, span.start - 4), span.start):
        found = demonym_at(doc, start)
        if found and found[1] == span.start:
            return found[0]
    return None


def _owned_lexicon_body(span: Span, lex: Lexicon) -> bool:
    """A NER name that is a known body behind its state's name ('Turkish Foreign Ministry'): the
    lexicon's match stands for it, its state as the body's country."""
    return any(e.end == span.end and e.start > span.start and _owner_country(e.span) is not None
               for e in lex.all("ORG") if span.start < e.start < span.end)


def _expand_country(name: str) -> str:
    """'U.S. Department of Defense' -> 'United States Department of Defense': a country printed as
    an abbreviation inside a body's name is written out."""
    first, _, rest = name.partition(" ")
    entry = geography.country(first) if rest and first.replace(".", "").isupper() else None
    if entry is not None and entry.kind == "country" and len(first.replace(".", "")) <= 3:
        return f"{entry.name} {rest}"
    return name


def _looks_like_body(span: Span, lex: Lexicon) -> bool:
    """A NER 'organization' worth reporting: not a lone word, a programme or an office's portfolio."""
    if any(t.is_alpha and t.text[:1].islower() and t.lower_ not in ("of", "the", "and", "for", "de", "al")
           for t in span):
        return False  # "Philippine armed forces": a description, not a name
    words = [t.lower_ for t in span if t.is_alpha]
    if not words or words[-1] in _NOT_BODY_WORDS or any(w in _NOT_BODY_WORDS - {"for", "staff"} for w in words):
        return False
    if len(span) == 1:
        return False
    if len(words) == 1 and words[0] in _GENERIC_BODIES:
        return False
    heads = gazetteer("name_heads", "word")
    if span[-1].lower_ not in heads and _after_office(span, lex):
        return False
    return not (span[0].lower_ in _GENERIC_BODIES and len(span) <= 2 and span[-1].lower_ in _GENERIC_BODIES)


def _after_office(span: Span, lex: Lexicon) -> bool:
    """'Minister of Industry and Advanced Technology': a portfolio printed after an office."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and k >= span.start - 8:
        token = doc[k]
        if lex.covers(k, "TITLE"):
            return True
        if token.lower_ in ("and", "of", "for", "the", ",", "&") or (token.text[:1].isupper() and token.is_alpha):
            k -= 1
            continue
        return False
    return False


def _extend_name(span: Span) -> Span:
    """Extend a truncated name over 'and'/'of' + capitalised words ('Ministry of Foreign' -> '... Affairs')."""
    doc = span.doc
    end = span.end
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "of", "&") and doc[end + 1].text[:1].isupper() \
            and doc[end + 1].is_alpha and doc[end + 1].ent_type_ in ("", "ORG", "PERSON", "NORP"):
        nxt = end + 2
        while nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
            nxt += 1
        if doc[nxt - 1].lower_ not in gazetteer("name_heads", "word") and doc[end].lower_ == "of":
            break
        end = nxt
    cut = next((t.i for t in doc[span.start : end] if t.text == "("), end)
    return doc[span.start : cut]


def names_a_person(span: Span, person_words: set[str]) -> bool:
    words = [geography.fold(t.text) for t in span if t.is_alpha and len(t.text) > 2]  # as person_word_set
    return bool(words) and all(w in person_words for w in words)


def person_word_set(doc: Doc, person_tokens: set[int]) -> set[str]:
    """Folded words of every person's name: a NER 'place' or 'organization' made of them is a name."""
    return {geography.fold(doc[i].text) for i in person_tokens if doc[i].is_alpha and len(doc[i].text) > 2}


def _used_as_venue(span: Span) -> bool:
    before = span.doc[max(0, span.start - 2) : span.start]
    return any(t.lower_ == "at" for t in before)


def _defined_acronym(doc: Doc, span: Span) -> str | None:
    """The acronym printed in parentheses right after a long name: 'Inter-Services Public Relations (ISPR)'."""
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        candidate = doc[i + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None
