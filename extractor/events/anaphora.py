"""Later mentions of a traveller the text never names: 'A Norwegian military delegation arrived in
Santiago ... The delegation was received by the defence minister': 'the delegation' is that visitor,
so its meetings are the visit's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractor import geography
from extractor.events.drafts import Reference, VisitStatement
from extractor.events.trips import is_visitor_noun
from extractor.people import Chain, Mention, PersonCluster


def refer_back_to_unnamed(doc: Doc, refs: dict[int, Reference], statements: list[VisitStatement]) -> None:
    """Map 'the delegation', 'the Norwegian officials', 'the visitors' after an unnamed traveller's
    first description to that traveller. With several, a stated nationality picks one, else the
    latest described."""
    unnamed = list({id(s.visitor): s.visitor for s in statements if s.visitor.name is None}.values())
    if not unnamed:
        return
    described = {i for v in unnamed for m in v.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in refs or token.i in described or not _definite_visitor_noun(token):
            continue
        start = token.left_edge.i
        if any(i in refs for i in range(start, token.i)):
            continue
        earlier = [v for v in unnamed if min(m.start for m in v.mentions) < start]
        stated = _stated_country(doc, start, token.i)
        if stated is not None:
            earlier = [v for v in earlier if v.country == stated]
        if not earlier:
            continue
        visitor = max(earlier, key=lambda v: max(m.start for m in v.mentions if m.start < start))
        visitor.mentions.append(Mention(start, token.i + 1, [], Chain(start=start, end=token.i + 1), is_name=False))
        reference = Reference(visitor, start, token.i + 1)
        for i in range(start, token.i + 1):
            refs[i] = reference


def _definite_visitor_noun(token: Token) -> bool:
    """'the delegation', 'the visiting officials' (not 'a delegation', 'the two delegations', 'the
    host delegation', nor a word inside a longer name)."""
    if token.pos_ != "NOUN" or not is_visitor_noun(token):
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return False
    return not any(c.dep_ == "nummod" or c.lower_ in ("two", "both", "host", "local") for c in token.children)


def _stated_country(doc: Doc, start: int, end: int) -> str | None:
    for token in doc[start:end]:
        if token.text[:1].isupper():
            iso3 = geography.demonym(token.text) or (entry.iso3 if (entry := geography.country(token.text)) else None)
            if iso3:
                return iso3
    return None
