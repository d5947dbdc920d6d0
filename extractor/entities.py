"""Factory "diplo_entities": people, organizations, places and the dateline of an article.

Sets `doc._.diplo_people` (PersonCluster list), `doc._.diplo_roles` (role descriptions such as
'the premier'), `doc._.diplo_organizations`, `doc._.diplo_places` and `doc._.diplo_dateline`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import geography
from extractor.dateline import Dateline, find_dateline
from extractor.extensions import register_extensions
from extractor.lexicon import Entry, Lexicon
from extractor.people import (
    Mention,
    PersonCluster,
    cluster_mentions,
    country_in_name,
    find_mentions,
    keep_person,
)
from extractor.resources import gazetteer

_PLACE_LABELS = ("GPE", "LOC")
_NUMERIC_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


@dataclass
class OrgRecord:
    """A named organization with its acronym, country and character spans."""

    name: str
    acronym: str | None
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    venue_only: bool = True


@dataclass
class PlaceRecord:
    """A named place with its kind, country and character spans."""

    name: str
    kind: str
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class EntityLayer:
    """Everything the entity component found in one Doc."""

    people: list[PersonCluster]
    roles: list[Mention]
    organizations: list[OrgRecord]
    places: list[PlaceRecord]
    dateline: Dateline | None
    venues: list[Span]


def _venue_heads() -> set[str]:
    return {w for w, row in gazetteer("name_heads", "word").items() if row.get("kind") == "venue"}


def _strip_article(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].text in ("'s", "’s", "'", ",", "."):
        end -= 1
    return span.doc[start:end]


def _is_outlet(text: str) -> bool:
    outlets = gazetteer("outlets", "name")
    longs = {str(r.get("long", "")).lower() for r in outlets.values()}
    return text.lower() in outlets or text.lower() in longs


def find_organizations(doc: Doc, lex: Lexicon, person_tokens: set[int], dateline: Dateline | None) -> list[OrgRecord]:
    """Named organizations, acronyms folded into their long forms ('ISPR' -> Inter-Services Public Relations)."""
    venue_heads = _venue_heads()
    by_key: dict[str, OrgRecord] = {}
    acronyms: dict[str, OrgRecord] = {}

    def add(name: str, acronym: str | None, country: str | None, span: Span, venue: bool) -> None:
        key = geography.fold(name)
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

    for entry in lex.all("ORG"):
        span = entry.span
        if span.end_char <= (dateline.end if dateline else 0) or _is_outlet(span.text):
            continue
        add(entry.canonical, entry.row.get("acronym"), entry.row.get("country"), span,
            _used_as_venue(span) and entry.row.get("kind") == "venue")
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        span = _strip_article(ent)
        if not span.text or not span.text[:1].isupper() or len(span) == 0:
            continue
        if any(t.i in person_tokens for t in span) or lex.covers(span.start, "ORG"):
            continue
        if any(lex.covers(t.i, "RANK", "TITLE", "HONORIFIC", "POSTNOMINAL") for t in span) and \
                not any(t.lower_ in gazetteer("name_heads", "word") for t in span):
            continue
        if dateline and span.start_char < dateline.end:
            continue
        if _is_outlet(span.text) or geography.country(span.text) or geography.demonym(span.text) \
                or (len(span) == 1 and geography.city(span.text)):
            continue
        is_building = span[-1].lower_ in venue_heads or ent.label_ == "FAC"
        if is_building:
            continue
        acronym = _defined_acronym(doc, span)
        if acronym and acronym.lower() in acronyms:
            acronyms[acronym.lower()].spans.append((span.start_char, span.end_char))
            continue
        if span.text.isupper() and span.text.lower() in acronyms:
            acronyms[span.text.lower()].spans.append((span.start_char, span.end_char))
            continue
        add(span.text, acronym, country_in_name(span.text), span, False)
    return [r for r in by_key.values() if not r.venue_only or not _all_buildings(r, venue_heads)]


def _all_buildings(record: OrgRecord, venue_heads: set[str]) -> bool:
    return record.name.split()[-1].lower() in venue_heads


def _used_as_venue(span: Span) -> bool:
    before = span.doc[max(0, span.start - 2) : span.start]
    return any(t.lower_ in ("at", "in", "to") for t in before)


def _defined_acronym(doc: Doc, span: Span) -> str | None:
    """The acronym printed in parentheses right after a long name: 'Inter-Services Public Relations (ISPR)'."""
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        candidate = doc[i + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None


def find_places(doc: Doc, lex: Lexicon, person_tokens: set[int], dateline: Dateline | None,
                org_tokens: set[int]) -> list[PlaceRecord]:
    """Countries, cities and regions named in the text, canonical names and kinds attached."""
    found: dict[str, PlaceRecord] = {}
    context = _context_countries(doc)

    def add(name: str, kind: str, country: str | None, start: int, end: int) -> None:
        key = geography.fold(name)
        record = found.setdefault(key, PlaceRecord(name, kind, country))
        record.spans.append((start, end))

    if dateline:
        city = geography.city(dateline.city, context) or geography.city(dateline.city.split(",")[0])
        if city:
            add(_city_name(city.name, dateline.city), "city", city.iso3, dateline.start,
                dateline.start + len(dateline.city))
        elif (entry := geography.country(dateline.city)) is not None:
            add(entry.name, entry.kind, entry.iso3, dateline.start, dateline.start + len(dateline.city))
    candidates: list[Span] = [e for e in doc.ents if e.label_ in _PLACE_LABELS and not _continues_name(doc, e)]
    ner_tokens = {t.i for e in doc.ents for t in e if e.label_ in _PLACE_LABELS or e.label_ in _NUMERIC_LABELS}
    for token in doc:
        # Cities the statistical NER missed: a gazetteer city after a preposition of place.
        if token.lower_ not in ("in", "to", "from", "at", "near", "of") or token.i + 1 >= len(doc):
            continue
        for length in (3, 2, 1):
            span = doc[token.i + 1 : token.i + 1 + length]
            if span.end > len(doc) or not all(t.text[:1].isupper() for t in span) or \
                    any(t.i in ner_tokens for t in span) or _continues_name(doc, span):
                continue
            if geography.city(span.text) and not lex.covers(span.start, "ORG", "TITLE", "RANK"):
                candidates.append(span)
                ner_tokens.update(range(span.start, span.end))
                break
    for token in doc:
        if token.i in ner_tokens or not token.text[:1].isupper():
            continue
        for length in (4, 3, 2, 1):
            span = doc[token.i : token.i + length]
            entry = geography.country(span.text)
            if entry and span.end <= len(doc):
                candidates.append(span)
                ner_tokens.update(range(span.start, span.end))
                break
    for raw in candidates:
        span = _strip_article(raw) if raw.label_ else raw
        if not span.text or (dateline and span.start_char < dateline.end):
            continue
        if any(t.i in person_tokens or t.i in org_tokens for t in span):
            continue
        if _inside_compound(doc, span):
            continue
        entry = geography.country(span.text) or geography.country(f"the {span.text}")
        if entry:
            name = entry.name if entry.name.lower() != span.text.lower() and \
                _is_alias(span.text) else _printed(span.text)
            add(name, entry.kind, entry.iso3, span.start_char, span.end_char)
            continue
        if geography.demonym(span.text):
            continue
        city = geography.city(span.text, context)
        if city:
            add(_city_name(city.name, span.text), "city", city.iso3, span.start_char, span.end_char)
            continue
        if raw.label_ in _PLACE_LABELS and span.text[:1].isupper() and not lex.covers(span.start, "ORG"):
            kind = "region" if raw.label_ == "LOC" else "other"
            add(_printed(span.text), kind, None, span.start_char, span.end_char)
    return list(found.values())


def _city_name(canonical: str, printed: str) -> str:
    """The gazetteer's name when the printed form is that name or a longer style of it
    ('Santiago de Chile' -> Santiago); else the name as printed ('NEW DELHI' -> New Delhi)."""
    words = set(geography.fold(printed).split())
    if set(geography.fold(canonical).split()) <= words:
        return canonical
    return _printed(printed)


def _continues_name(doc: Doc, span: Span) -> bool:
    """'Naval Dockyard', 'Abu Dhabi Investment Authority': the place word begins a longer name."""
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ in gazetteer("name_heads", "word")


def _is_alias(text: str) -> bool:
    return geography.fold(text) in {geography.fold(r["alias"]) for r in _place_alias_rows()}


def _place_alias_rows() -> list[dict[str, str]]:
    from extractor.resources import read_rows

    return read_rows("gazetteers", "place_aliases")


def _printed(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def _inside_compound(doc: Doc, span: Span) -> bool:
    """'Pakistan-Türkiye relations', 'Russia-Africa summit': a place inside a compound name."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_ and \
        span.start > 1 and not doc[span.start - 2].whitespace_
    joined_after = after is not None and after.text == "-" and not span[-1].whitespace_ and not after.whitespace_
    return joined_before or joined_after


def _context_countries(doc: Doc) -> tuple[str, ...]:
    """Countries named in the text, most named first: they settle ambiguous cities."""
    counts: dict[str, int] = {}
    for token in doc:
        if token.text[:1].isupper():
            entry = geography.country(token.text)
            iso3 = entry.iso3 if entry else geography.demonym(token.text)
            if iso3:
                counts[iso3] = counts.get(iso3, 0) + 1
    return tuple(sorted(counts, key=lambda k: -counts[k]))


def find_venues(doc: Doc, lex: Lexicon, person_tokens: set[int]) -> list[Span]:
    """Named buildings after 'at' ('at the General Headquarters', 'at Qasr Al Shati')."""
    heads = _venue_heads()
    venues: list[Span] = []
    for token in doc:
        if token.lower_ != "at":
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        j = i
        while j < len(doc) and (doc[j].text[:1].isupper() or (doc[j].lower_ in ("of", "the", "-", "e", "i", "al")
                                                               and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())):
            j += 1
        if j <= i or any(t.i in person_tokens for t in doc[i:j]):
            continue
        span = doc[i:j]
        entry = lex.at(i, "ORG")
        if geography.country(span.text) or (geography.city(span.text) and span[-1].lower_ not in heads):
            continue
        if span[-1].lower_ in heads or (entry is not None) or any(t.ent_type_ in ("FAC", "ORG") for t in span):
            venues.append(span)
    return venues


class EntityLinker:
    """Find people, organizations, places and the dateline; set them on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        lex = Lexicon(doc)
        dateline = find_dateline(doc.text)
        named, roles = find_mentions(doc, lex)
        if dateline:
            named = [m for m in named if doc[m.start].idx >= dateline.end]
            roles = [m for m in roles if doc[m.start].idx >= dateline.end]
        clusters = [c for c in cluster_mentions(named) if keep_person(c)]
        person_tokens = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        organizations = find_organizations(doc, lex, person_tokens, dateline)
        org_tokens = {t.i for e in lex.all("ORG") for t in e.span} | {
            t.i for e in doc.ents if e.label_ == "ORG" for t in e if not geography.country(e.text)}
        places = find_places(doc, lex, person_tokens, dateline, org_tokens)
        for found in clusters:
            _settle_organization(found)
        doc._.diplo_people = clusters
        doc._.diplo_roles = roles
        doc._.diplo_organizations = organizations
        doc._.diplo_places = places
        doc._.diplo_dateline = dateline
        doc._.diplo_venues = find_venues(doc, lex, person_tokens)
        return doc


def _settle_organization(found: PersonCluster) -> None:
    for chain in found.chains():
        org = chain.organization
        if org is None:
            continue
        if isinstance(org, Entry):
            found.organization = org.canonical
            found.organization_country = org.row.get("country")
        else:
            found.organization = _strip_article(org).text
            found.organization_country = country_in_name(org.text)
        found.country = found.country or found.organization_country
        return


@Language.factory("diplo_entities", assigns=["doc._.diplo_people", "doc._.diplo_organizations",
                                             "doc._.diplo_places", "doc._.diplo_dateline"],
                  requires=["doc.ents", "doc.sents"])
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """Build the entity component (no configuration: its data ships with the package)."""
    return EntityLinker(nlp, name)
