"""`find_mentions`: every person mention in a Doc, named ones and role descriptions ('the premier')."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.lexicon import Lexicon
from extractor.people.appositions import (
    attach_appositions,
    attach_counterpart_appositions,
    attach_offices_before,
    counterpart_offices,
    share_listed_country,
)
from extractor.people.chains import TITLE_QUALIFIERS, parse_chain
from extractor.people.countries import country_at, demonym_at, region_before
from extractor.people.credits import credited_names
from extractor.people.model import Chain, Mention
from extractor.people.names import initials_before_name, looks_like_body, name_end, name_words, valid_name
from extractor.people.offices import portfolio_start
from extractor.people.words import PARTICLES, SUFFIXES, is_capitalised, is_line_break, starts_line


def _country_before_qualifier(doc: Doc, i: int) -> int | None:
    """Where a country printed before a qualified office starts ('US' in 'US new President')."""
    if i < 2 or not (doc[i - 1].lower_ in TITLE_QUALIFIERS or doc[i - 1].lower_ == "new"):
        return None
    for length in (3, 2, 1):
        k = i - 1 - length
        if k >= 0 and doc[k].text[:1].isupper() and (found := country_at(doc, k)) and found[1] == i - 1:
            return k
    return None


def _word_anchors(doc: Doc) -> set[int]:
    """Tokens that may open a person's chain by themselves: 'the', 'his', a qualifier ('former'),
    a demonym or a country used as one."""
    found: set[int] = set()
    last = len(doc) - 1
    for token in doc:
        lower = token.lower_
        if ((lower in ("the", "his", "her") or lower in TITLE_QUALIFIERS) and token.i < last) or \
                (token.text[:1].isupper() and demonym_at(doc, token.i)):
            found.add(token.i)
    return found


def find_mentions(doc: Doc, lex: Lexicon) -> tuple[list[Mention], list[Mention]]:
    """Every person mention in `doc`: (named mentions, role descriptions such as 'the premier')."""
    ner_orgs: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        # NER runs a body into its bracketed acronym ("... Congress (NPC"): the acronym is read apart;
        # and across a line break into the next line, which starts a phrase of its own.
        end = next((t.i for t in ent if t.text == "(" or (t.is_space and "\n" in t.text)), ent.end)
        if end > ent.start:
            ner_orgs[ent.start] = doc[ent.start : end]
            # Chains skip the article, so "the Standing Committee ..." is found at "Standing" too.
            if doc[ent.start].lower_ == "the" and end > ent.start + 1:
                ner_orgs[ent.start + 1] = doc[ent.start + 1 : end]
    person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            k = ent.start
            while k < ent.end and lex.at(k, "RANK", "TITLE", "HONORIFIC"):
                k = max(e.end for e in lex.by_start[k] if e.label in ("RANK", "TITLE", "HONORIFIC"))
            person_starts.add(k)
    titles = lex.all("TITLE")
    anchors = sorted({e.start for e in lex.all("RANK", "TITLE", "HONORIFIC", "ROLE")}
                     | {portfolio_start(doc, e.start) for e in titles}
                     | {k for e in titles if (k := region_before(doc, e.start)) is not None}
                     | {k for e in titles if (k := _country_before_qualifier(doc, e.start)) is not None}
                     | _word_anchors(doc)
                     | set(ner_orgs))
    named: list[Mention] = []
    roles: list[Mention] = []
    covered: set[int] = set()
    offices: dict[int, Chain] = {}  # an office with no name, by the comma or line break that ends it
    for anchor in anchors:
        if anchor in covered:
            continue
        # An anchor starts a chain only at the beginning of a noun phrase, not inside a name.
        if anchor > 0 and is_capitalised(doc[anchor - 1]) and anchor - 1 not in covered \
                and not lex.covers(anchor - 1, "RANK", "TITLE", "HONORIFIC", "ORG") \
                and not demonym_at(doc, anchor - 1) and doc[anchor - 1].is_sent_start is not True:
            continue
        chain = parse_chain(doc, lex, anchor, ner_orgs, person_starts)
        if chain.end == anchor or (chain.end == anchor + 1 and chain.definite):
            continue
        end = name_end(doc, lex, chain.end) if chain.has_role or chain.end in person_starts else chain.end
        if end > chain.end and valid_name(doc, chain.end, end):
            mention = Mention(chain.end, end, name_words(doc, lex, chain.end, end), chain)
            named.append(mention)
            covered.update(range(anchor, end))
        elif chain.definite and (chain.title_parts or chain.role or chain.rank):
            roles.append(Mention(anchor, chain.end, [], chain, is_name=False))
            covered.update(range(anchor, chain.end))
            if chain.title_parts and chain.end < len(doc) and doc[chain.end].text == ",":
                offices[chain.end] = chain  # "the country's Prime Minister, X"
        elif chain.has_role:
            covered.update(range(anchor, chain.end))
            if chain.title_parts and chain.end < len(doc) and (doc[chain.end].text == "," or (
                    is_line_break(doc[chain.end]) and starts_line(doc, anchor))):
                offices[chain.end] = chain
    _add_credited(doc, lex, named, covered)
    for ent in _person_entities(doc, lex):
        start = ent.start
        while start < ent.end and (lex.at(start, "RANK", "TITLE", "HONORIFIC", "POSTNOMINAL")):
            start = max(e.end for e in lex.by_start[start])
        end = start
        while end < ent.end and not lex.at(end, "POSTNOMINAL") and doc[end].text not in ("'s", "’s", ","):
            end += 1
        if start >= end or any(k in covered for k in range(start, end)):
            continue
        if not all(is_capitalised(t) or t.lower_ in PARTICLES or t.text in ("-", "'") or
                   _hyphen_syllable(t) or
                   (t.i == start and initials_before_name(doc, lex, t.i)) or
                   t.lower_.rstrip(".") in {s.rstrip('.') for s in SUFFIXES} for t in doc[start:end]):
            continue
        if not valid_name(doc, start, end) or looks_like_body(doc, start, end):
            continue
        chain = Chain(start=start, end=start)
        named.append(Mention(start, end, name_words(doc, lex, start, end), chain))
        covered.update(range(start, end))
    for comma in offices:
        found = _name_after_office(doc, lex, comma, covered)
        if found is not None:
            named.append(found)
            covered.update(range(found.start, found.end))
    claimed = attach_offices_before(doc, named, offices)
    attach_appositions(doc, lex, named, ner_orgs, person_starts, claimed)
    attach_counterpart_appositions(doc, lex, named, roles)
    named.sort(key=lambda m: m.start)
    roles.sort(key=lambda m: m.start)
    share_listed_country(doc, named)
    counterpart_offices(doc, named)
    return named, roles


def _add_credited(doc: Doc, lex: Lexicon, named: list[Mention], covered: set[int]) -> None:
    """The photographers and authors the credits name ('Photo: Luca Bruno/AP', 'By Sana Qureshi')."""
    by_start = {m.start: m for m in named}
    for start, end in credited_names(doc):
        if start in by_start and by_start[start].end == end:
            by_start[start].chain.credit = True
            continue
        # The NER often runs a credit into one body ('AP Photo/Luca Bruno'): its labels do not count.
        if any(k in covered for k in range(start, end)) or \
                not _may_be_name(doc, lex, start, end, entities=False):
            continue
        named.append(Mention(start, end, name_words(doc, lex, start, end),
                             Chain(start=start, end=start, credit=True)))
        covered.update(range(start, end))


# What may follow a name set off after an office: "President of X, Danilo Medina, and ...".
_AFTER_APPOSED_NAME = {",", ".", ";", ")", "and"}
# Entities a name is not, even when its words look like one ("the Minister of Finance, Public Works").
# Not places: the small model takes unfamiliar names for them, and the gazetteers know the places.
_NOT_PERSON_LABELS = {"ORG", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}


def _name_after_office(doc: Doc, lex: Lexicon, comma: int, covered: set[int]) -> Mention | None:
    """'meetings with President of the Dominican Republic, Danilo Medina, and ...': two to four name
    words set off by commas after an office are its holder's name, though the NER missed it."""
    start = comma + 1
    if doc[comma].text != "," or start >= len(doc) or start in covered:
        return None
    end = name_end(doc, lex, start)
    if not 2 <= len(name_words(doc, lex, start, end)) <= 4 or any(k in covered for k in range(start, end)):
        return None
    if end < len(doc) and doc[end].lower_ not in _AFTER_APPOSED_NAME and not is_line_break(doc[end]):
        return None
    if not _may_be_name(doc, lex, start, end):
        return None
    return Mention(start, end, name_words(doc, lex, start, end), Chain(start=start, end=start))


def _may_be_name(doc: Doc, lex: Lexicon, start: int, end: int, *, entities: bool = True) -> bool:
    """Words the NER did not call a person that may still be a name: no office, rank or body in them,
    no entity of another kind around them (unless not `entities`), and no place's name."""
    if any(lex.covers(k, "RANK", "TITLE", "HONORIFIC", "ORG", "ROLE") for k in range(start, end)):
        return False
    if entities and any(e.label_ in _NOT_PERSON_LABELS and e.start <= start and e.end >= end
                        for e in doc.ents):
        return False
    return valid_name(doc, start, end) and not looks_like_body(doc, start, end)


def _hyphen_syllable(token: Token) -> bool:
    """The lower-case second syllable of a hyphenated given name: 'un' of 'Kim Jong-un'."""
    doc = token.doc
    return token.is_alpha and token.i >= 2 and doc[token.i - 1].text == "-" and \
        not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_ and doc[token.i - 2].is_alpha


def _person_entities(doc: Doc, lex: Lexicon) -> list[Span]:
    """The NER's persons, and the names it labelled a body once while it labels their surname a person
    elsewhere ('Abdulaziz Kamilov' ORG beside 'Kamilov' PERSON): the small model is not consistent."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    surnames = {e[-1].text for e in persons if len(e) == 1}
    relabelled = [e for e in doc.ents if e.label_ == "ORG" and 2 <= len(e) <= 4 and e[-1].text in surnames
                  and all(t.text[:1].isupper() for t in e) and not looks_like_body(doc, e.start, e.end)
                  and not any(lex.at(t.i, "ORG") for t in e)]
    return sorted(persons + relabelled, key=lambda e: e.start)
