"""The country of each person of a visit whose own country the article does not print.

A person's own modifiers ("Iranian Foreign Minister X", "X of Peru") are the strongest source and
are set by the entity layer; this pass comes after them and before the outlet's country: the
visitor and the visitor's delegation serve the visitor's country, the officials who received
them serve the host's. A person placed on both sides by different visits keeps no country.
"""

from __future__ import annotations

from extractor.events.drafts import VisitDraft
from extractor.people import PersonCluster


def settle_sides(drafts: list[VisitDraft]) -> None:
    """Give each person without a country the country of his side of the visits he takes part in."""
    sides: dict[int, tuple[PersonCluster, set[str]]] = {}
    for draft in drafts:
        if draft.visitor_country is None and draft.visitor.country not in (None, draft.host_country):
            draft.visitor_country = draft.visitor.country  # a tour's later-settled leg tells the earlier

    def side(person: PersonCluster, country: str | None) -> None:
        if person.country is None and country:
            sides.setdefault(id(person), (person, set()))[1].add(country)

    for draft in drafts:
        side(draft.visitor, draft.visitor_country)
        for member in draft.delegation:
            side(member, draft.visitor_country)
        for meeting in draft.meetings:
            for counterpart in meeting.counterparts:
                side(counterpart, draft.host_country)
    for person, countries in sides.values():
        if len(countries) == 1:
            person.country = countries.pop()
