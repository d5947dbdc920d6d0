"""Offices and countries a mention takes from its neighbours: an office set off by a comma before or
after the name, "his X counterpart", a country shared down a list of officials."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from extractor.lexicon import Lexicon
from extractor.people.chains import parse_chain
from extractor.people.countries import country_at, demonym_at
from extractor.people.model import Chain, Mention
from extractor.people.names import name_end, name_words, valid_name
from extractor.people.words import is_line_break, starts_line


def attach_offices_before(doc: Doc, named: list[Mention], offices: dict[int, Chain]) -> set[int]:
    """'called on Chief of the Naval Staff, Admiral X', 'Deputy Prime Minister and Foreign Minister,
    Y accorded him a welcome': an office set off by a comma or a line break before a name is that
    person's. In a list printed a name a line, each followed by its office on the next line, the
    office is the name's above it. Returns the commas and line breaks of the offices so given,
    which no name before them can take as an apposition."""
    claimed: set[int] = set()
    name_lines = {m.end: m for m in named if m.end < len(doc) and is_line_break(doc[m.end])
                  and starts_line(doc, m.chain.start)}
    for end, office in offices.items():
        above = name_lines.get(office.start - 1) if is_line_break(doc[end]) else None
        if above is not None and not above.chain.title_parts:
            _take_office(above.chain, office)
            claimed.add(end)
    for mention in named:
        office = offices.get(mention.chain.start - 1)
        if office is None or mention.chain.title_parts or mention.chain.start - 1 in claimed:
            continue
        _take_office(mention.chain, office)
        claimed.add(mention.chain.start - 1)
    return claimed


def _take_office(own: Chain, office: Chain) -> None:
    own.title_parts, own.title_keys = list(office.title_parts), list(office.title_keys)
    own.country = own.country or office.country
    own.organization = own.organization or office.organization
    own.visiting = own.visiting or office.visiting
    own.rank = own.rank or office.rank
    if office.end < own.start:
        own.office_start = office.start  # "called on <office>, <name>": the office refers to the person too


def share_listed_country(doc: Doc, named: list[Mention]) -> None:
    """'Pakistan President X and Prime Minister Y', 'the Iranian President X, Foreign Minister Y and
    ...': a country printed before the first office of a list of officials holds for the offices
    listed after it that print none of their own."""
    listed: set[int] = set()
    for first, then in pairwise(named):
        if then.chain.country or not then.chain.title_parts or first.chain.country is None or \
                then.chain.start != first.end + 1 or doc[first.end].lower_ not in ("and", ","):
            continue
        lead = first.chain.start + (doc[first.chain.start].lower_ == "the")
        if id(first) in listed or demonym_at(doc, lead) or (lead > 0 and demonym_at(doc, lead - 1)):
            then.chain.country = first.chain.country
            listed.add(id(then))


def attach_appositions(doc: Doc, lex: Lexicon, mentions: list[Mention], ner_orgs: dict[int, Span],
                       person_starts: set[int], claimed: set[int]) -> None:
    """Read an office printed after the name: 'Kyriakos Mitsotakis, Prime Minister of the Hellenic
    Republic, ...'; 'Dr Badr Abdelatty, the visiting Minister of Foreign Affairs'."""
    for mention in mentions:
        end = mention.end
        while end < len(doc) and lex.at(end, "POSTNOMINAL"):
            end = lex.at(end, "POSTNOMINAL").end  # type: ignore[union-attr]
        if end + 1 < len(doc) and doc[end].lower_ == "of" and not mention.chain.country:
            found = country_at(doc, end + 1) or (
                country_at(doc, end + 2) if doc[end + 1].lower_ == "the" else None)
            if found:
                mention.chain.country = found[0]  # "President Emmanuel Laurent of France"
            continue
        if end + 1 >= len(doc) or doc[end].text != ",":
            continue
        start = end + 1
        if start + 1 < len(doc) and doc[start].lower_ in ("a", "an"):
            start += 1  # "X, a spokesman for the ministry"
        chain = parse_chain(doc, lex, start, ner_orgs, person_starts)
        if not chain.title_parts or chain.end in claimed:
            continue
        if name_end(doc, lex, chain.end) > chain.end and chain.end in person_starts:
            continue  # a list of people, not an apposition
        own = mention.chain
        if not own.title_parts:
            own.title_parts = chain.title_parts
            own.title_keys = chain.title_keys
        own.rank = own.rank or chain.rank
        own.country = own.country or chain.country
        own.organization = own.organization or chain.organization
        own.visiting = own.visiting or chain.visiting


def attach_counterpart_appositions(doc: Doc, lex: Lexicon, named: list[Mention],
                                   roles: list[Mention]) -> None:
    """'his Indian counterpart, General Upendra Dwivedi', 'the Chief Representative of the Office,
    Naoaki Miyata': a description followed by a name describes that name."""
    by_start = {m.chain.start: m for m in named}
    by_start.update({m.start: m for m in named})
    for role in list(roles):
        k = role.end
        if k + 1 < len(doc) and doc[k].text == "," and k + 1 not in by_start:
            end = name_end(doc, lex, k + 1)
            if end - (k + 1) >= 2 and valid_name(doc, k + 1, end) and \
                    (end >= len(doc) or not doc[end].text[:1].isupper()):
                mention = Mention(k + 1, end, name_words(doc, lex, k + 1, end), Chain(start=k + 1, end=k + 1))
                named.append(mention)
                by_start[k + 1] = mention
        if k < len(doc) and doc[k].text == "," and k + 1 in by_start:
            target = by_start[k + 1].chain
            if not target.title_parts and role.chain.title_parts:
                target.title_parts = role.chain.title_parts
                target.title_keys = role.chain.title_keys
            described = role.chain.role
            if not target.title_parts and described is not None and described.key == "counterpart":
                _take_counterpart_office(doc, named, role.start, target)
            target.country = target.country or role.chain.country
            target.organization = target.organization or role.chain.organization
            target.visiting = target.visiting or role.chain.visiting
            roles.remove(role)


def _take_counterpart_office(doc: Doc, named: list[Mention], start: int, target: Chain) -> None:
    """'his Pakistani counterpart(,) X': X holds the office of the one he met, the titled person named
    before in the sentence; 'Wang met his Singaporean counterpart X': failing one, the office an
    earlier mention of the last person named before gives him."""
    sentence = doc[start].sent.start
    before = [m for m in named if m.start < start and doc[m.start].sent.start == sentence]
    owner = [m for m in before if m.chain.title_parts]
    if not owner and before:
        key = before[-1].key()
        owner = [m for m in named if m.start < before[-1].start and m.chain.title_parts and key and
                 key <= m.key()]
    if owner:
        target.title_parts = list(owner[-1].chain.title_parts)
        target.title_keys = list(owner[-1].chain.title_keys)


def counterpart_offices(doc: Doc, named: list[Mention]) -> None:
    """'met his Argentine counterpart Javier X': a counterpart printed without a comma."""
    for mention in named:
        chain = mention.chain
        if not chain.title_parts and chain.role is not None and chain.role.key == "counterpart":
            _take_counterpart_office(doc, named, chain.start, chain)
