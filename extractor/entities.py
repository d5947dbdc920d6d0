"""Factory "diplo_entities": people, organizations, places and the dateline of an article.

Sets `doc._.diplo_people` (PersonCluster list), `doc._.diplo_roles` (role descriptions such as
'the premier'), `doc._.diplo_organizations`, `doc._.diplo_places` and `doc._.diplo_dateline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import geography
from extractor.dateline import Dateline, find_dateline
from extractor.extensions import register_extensions
from extractor.lexicon import LEXICON_KEY, Entry, Lexicon, require_pipes
from extractor.organizations import (
    OrgRecord,
    find_organizations,
    names_a_person,
    person_word_set,
    strip_article,
    venue_heads,
)
from extractor.people import (
    Mention,
    PersonCluster,
    add_name_word_mentions,
    cluster_mentions,
    country_in_name,
    find_mentions,
    keep_person,
)
from extractor.resources import gazetteer

_PLACE_LABELS = ("GPE", "LOC")
_NUMERIC_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


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
        for printed, start in _dateline_cities(dateline):
            city = geography.city(printed, context)
            if city:
                add(_city_name(city.name, printed), "city", city.iso3, start, start + len(printed))
            elif (entry := geography.country(printed) or geography.subdivision(printed, context)) is not None:
                add(_canonical(entry, printed), entry.kind, entry.iso3, start, start + len(printed))
            else:
                # A dateline names a place even when the gazetteer does not know it.
                add(_printed(printed), "city", None, start, start + len(printed))
        for printed, start, end in dateline.places:
            entry = geography.country(printed) or geography.subdivision(printed, context)
            if entry is not None:
                add(_canonical(entry, printed), entry.kind, entry.iso3, start, end)
    person_words = person_word_set(doc, person_tokens)
    candidates: list[Span] = []
    ner_tokens = {t.i for e in doc.ents for t in e if e.label_ in _NUMERIC_LABELS}
    for token in doc:
        # Gazetteer names first (longest match): "Bay of Bengal", "Guinea-Bissau", "United Arab Emirates".
        if token.i in ner_tokens or not token.text[:1].isupper() or not geography.may_start_country(token.text):
            continue
        for length in (5, 4, 3, 2, 1):
            span = doc[token.i : token.i + length]
            if span.end - span.start == length and geography.country(span.text):
                candidates.append(span)
                ner_tokens.update(range(span.start, span.end))
                break
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS and not _continues_name(doc, ent) and \
                not any(t.i in ner_tokens for t in ent):
            candidates.append(ent)
            ner_tokens.update(range(ent.start, ent.end))
    ner_tokens.update(t.i for e in doc.ents for t in e if e.label_ in _PLACE_LABELS)
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
    for raw in candidates:
        span = strip_article(raw) if raw.label_ else raw
        if not span.text or (dateline and span.start_char < dateline.end):
            continue
        if any(t.i in person_tokens or t.i in org_tokens for t in span) or names_a_person(span, person_words):
            continue
        if not span.text[:1].isupper() or span.text.lower() in ("the", "a", "an") or \
                span[-1].lower_ in venue_heads() or _after_venue_of(doc, span):
            continue
        entry = geography.country(span.text) or geography.country(f"the {span.text}")
        if _inside_compound(doc, span) and not (entry and "-" in span.text):
            continue
        if entry:
            name = entry.name if entry.kind == "country" or _adds_feature_word(span.text, entry.name) \
                else _printed(span.text)
            add(name, entry.kind, entry.iso3, span.start_char, span.end_char)
            continue
        if geography.demonym(span.text):
            continue
        city = geography.city(span.text, context)
        region = geography.subdivision(span.text, context)
        if city and not (region and region.iso3 in context and city.iso3 not in context):
            add(_city_name(city.name, span.text), "city", city.iso3, span.start_char, span.end_char)
            continue
        if region:
            add(_canonical(region, span.text), "region", region.iso3, span.start_char, span.end_char)
            continue
        if raw.label_ in _PLACE_LABELS and span.text[:1].isupper() and not lex.covers(span.start, "ORG"):
            kind = "region" if raw.label_ == "LOC" else "other"
            # 'Shibuya Ward' is Shibuya; 'Eastern Province' stays whole.
            bare = geography.without_unit_word(span.text)
            name = span.text if geography.is_generic(bare) else bare
            add(_printed(name), kind, None, span.start_char, span.end_char)
    return list(found.values())


def _dateline_cities(dateline: Dateline) -> list[tuple[str, int]]:
    """The cities a dateline prints with their offsets: 'Kathmandu/New Delhi' names two."""
    found, start = [], dateline.start
    for part in dateline.city.split("/"):
        found.append((part, start))
        start += len(part) + 1
    return found


def _canonical(entry: geography.PlaceEntry, printed: str) -> str:
    """A country's name; a region's name as printed when it is the gazetteer's own without accents."""
    if entry.kind == "country":
        return entry.name
    return _printed(printed) if geography.fold(printed) == geography.fold(entry.name) else entry.name


def _city_name(canonical: str, printed: str) -> str:
    """The gazetteer's name when the printed form is that name or a longer style of it
    ('Santiago de Chile' -> Santiago); else the name as printed ('NEW DELHI' -> New Delhi)."""
    words = set(geography.fold(printed).split())
    if set(geography.fold(canonical).split()) <= words:
        return canonical
    return _printed(printed)


def _continues_name(doc: Doc, span: Span) -> bool:
    """'Naval Dockyard', 'Naval and Maritime Academy': the place word begins a longer name."""
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.lower_ in ("and", "&") and span.end + 1 < len(doc) and doc[span.end + 1].text[:1].isupper() \
            and not geography.country(doc[span.end + 1].text) and doc[span.end + 1].ent_type_ not in _PLACE_LABELS:
        return True
    return nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ in gazetteer("name_heads", "word")


_FEATURE_WORDS = {"ocean", "sea", "river", "lake", "mountains", "desert", "island", "islands"}


def _adds_feature_word(printed: str, canonical: str) -> bool:
    """'the Atlantic' -> 'Atlantic Ocean': the canonical name only adds the kind of feature."""
    extra = set(geography.fold(canonical).split()) - set(geography.fold(printed).split())
    return bool(extra) and extra <= _FEATURE_WORDS


def _after_venue_of(doc: Doc, span: Span) -> bool:
    """'Palace of Independence': the word names a building, not a place."""
    k = span.start - 1
    if k >= 1 and doc[k].lower_ == "of":
        return doc[k - 1].lower_ in gazetteer("name_heads", "word")
    return False


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
    heads = venue_heads()
    venues: list[Span] = []
    for token in doc:
        if token.lower_ != "at":
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        j = i
        while j < len(doc) and (doc[j].text[:1].isupper() or (doc[j].lower_ in ("of", "the", "-", "e", "i", "al", "'s", "’s")
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
        lex = Lexicon.of(doc)
        dateline = find_dateline(doc.text)
        named, roles = find_mentions(doc, lex)
        if dateline:
            # Headlines above the dateline are skipped; a photo caption run into it on its line is not.
            line_start = doc.text.rfind("\n", 0, dateline.start) + 1
            named = [m for m in named if doc[m.start].idx >= dateline.end or
                     line_start <= doc[m.start].idx < dateline.start]
            roles = [m for m in roles if doc[m.start].idx >= dateline.end or
                     line_start <= doc[m.start].idx < dateline.start]
        clusters = [c for c in cluster_mentions(named) if keep_person(c)]
        add_name_word_mentions(doc, clusters, lex)
        person_tokens = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        organizations = find_organizations(doc, lex, person_tokens, dateline)
        org_tokens = {t.i for e in lex.all("ORG") for t in e.span} | {
            t.i for e in doc.ents if e.label_ == "ORG" for t in e if not geography.country(e.text)}
        places = find_places(doc, lex, person_tokens, dateline, org_tokens)
        for found in clusters:
            _settle_organization(found)
        _assign_sides(doc, clusters)
        doc._.diplo_people = clusters
        doc._.diplo_roles = roles
        doc._.diplo_organizations = organizations
        doc._.diplo_places = places
        doc._.diplo_dateline = dateline
        doc._.diplo_venues = find_venues(doc, lex, person_tokens)
        return doc


_SIDE = re.compile(r"\b(?:on|from|of) the ([A-Z][\w-]+(?: [A-Z][\w-]+)?) side\b|"
                   r"\bThe ([A-Z][\w-]+(?: [A-Z][\w-]+)?) side (?:was|were) represented\b")


def _assign_sides(doc: Doc, clusters: list[PersonCluster]) -> None:
    """'attended on the Russian side by ...', 'From the Senegalese side, ...': the side's country
    is the country of the people named in that sentence who have none of their own."""
    for sent in doc.sents:
        match = _SIDE.search(sent.text)
        if not match:
            continue
        iso3 = geography.demonym(match[1] or match[2])
        if iso3 is None:
            continue
        side_start = sent.start_char + match.start()
        for found in clusters:
            if found.country is None and any(
                    sent.start <= m.start < sent.end and doc[m.start].idx > side_start for m in found.mentions):
                found.country = iso3


def _settle_organization(found: PersonCluster) -> None:
    for chain in found.chains():
        org = chain.organization
        if org is None:
            continue
        if isinstance(org, Entry):
            found.organization = org.canonical
            found.organization_country = org.row.get("country")
        else:
            found.organization = strip_article(org).text
            found.organization_country = country_in_name(org.text)
        found.country = found.country or found.organization_country
        return


@Language.factory("diplo_entities", assigns=["doc._.diplo_people", "doc._.diplo_organizations",
                                             "doc._.diplo_places", "doc._.diplo_dateline"],
                  requires=["doc.ents", "doc.sents"])
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """Build the entity component (no configuration: its data ships with the package)."""
    require_pipes(nlp, "diplo_entities", LEXICON_KEY)
    return EntityLinker(nlp, name)
