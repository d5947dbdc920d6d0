"""Factory "diplo_entities": people, organizations, places and the dateline of an article.

Sets `doc._.diplo_people` (PersonCluster list), `doc._.diplo_roles` (role descriptions such as
'the premier'), `doc._.diplo_organizations`, `doc._.diplo_places` and `doc._.diplo_dateline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import geography
from extractor.dateline import Dateline, find_dateline
from extractor.extensions import register_extensions
from extractor.lexicon import LEXICON_KEY, Entry, Lexicon, require_pipes
from extractor.organizations import OrgRecord, find_organizations, strip_article, venue_heads
from extractor.people import (
    Mention,
    PersonCluster,
    add_name_word_mentions,
    cluster_mentions,
    country_in_name,
    find_mentions,
    keep_person,
)
from extractor.places import PlaceRecord, find_places


@dataclass
class EntityLayer:
    """Everything the entity component found in one Doc."""

    people: list[PersonCluster]
    roles: list[Mention]
    organizations: list[OrgRecord]
    places: list[PlaceRecord]
    dateline: Dateline | None
    venues: list[Span]


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
            # Headlines above the dateline are skipped; a photo caption run into it on its line is not,
            # nor a byline or a credit.
            line_start = doc.text.rfind("\n", 0, dateline.start) + 1
            named = [m for m in named if doc[m.start].idx >= dateline.end or m.chain.credit or
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
