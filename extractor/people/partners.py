"""Spouses: 'Mr Steinmeier, who arrived with his wife Elke Budenbender' - a spouse named as such
serves no state of his or her own; the record gives the spouse the partner's country."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.people.model import PersonCluster

_SPOUSE_WORDS = {"wife", "husband", "spouse"}


def spouses(doc: Doc, clusters: list[PersonCluster]) -> dict[int, PersonCluster]:
    """Each person named right after 'his wife' or 'her husband', by id, mapped to the partner: the
    person named last before the pronoun in the same sentence."""
    starts = {m.start: found for found in clusters for m in found.mentions if m.is_name}
    named = sorted((m.start, found) for found in clusters for m in found.mentions if m.is_name)
    links: dict[int, PersonCluster] = {}
    for start, found in starts.items():
        k = start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k < 1 or doc[k].lower_ not in _SPOUSE_WORDS or doc[k - 1].lower_ not in ("his", "her"):
            continue
        sentence = doc[k].sent.start
        before = [other for at, other in named if sentence <= at < k - 1 and other is not found]
        if before:
            links[id(found)] = before[-1]
    return links
