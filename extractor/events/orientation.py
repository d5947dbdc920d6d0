"""Which side of a meeting travelled: the verb's orientation, each side's country against the host
country, and the text's 'visiting' marks.
"""

from __future__ import annotations

from extractor.events.drafts import Link
from extractor.people import PersonCluster
from extractor.people.countries import serves_no_state


def person_country(person: PersonCluster, default: str | None) -> str | None:
    """The person's country, else the reporting side's unless he serves an international body."""
    return person.country or (None if serves_no_state(person) else default)

def orient(link: Link, host_country: str | None,
           default: str | None) -> tuple[PersonCluster, PersonCluster] | None:
    """(visitor, counterpart) of a link, or None for a meeting within one state."""
    a, b = link.visitor, link.host
    ca, cb = a.country, b.country
    if host_country:
        if ca and cb:
            if ca == cb:
                return None
            if ca == host_country:
                return b, a
            if cb == host_country:
                return a, b
        if ca == host_country and not cb:
            return (b, a) if not link.oriented or b.visiting else (a, b) if a.visiting else (b, a)
        if cb == host_country and not ca:
            return a, b
    if a.visiting and not b.visiting:
        return a, b
    if b.visiting and not a.visiting:
        return b, a
    if host_country:
        # One side known to be foreign, the other unknown: the foreign side travelled.
        if ca and ca != host_country and not cb:
            return a, b
        if cb and cb != host_country and not ca:
            return b, a
    da, db = person_country(a, default), person_country(b, default)
    if da and db and da == db:
        return None
    if host_country and da == host_country and db != host_country:
        return b, a
    if host_country and db == host_country and da != host_country:
        return a, b
    if link.oriented:
        return a, b
    return None
