"""Who a role description refers to (extractor.events.references): 'the prime minister' when two
prime ministers are named, a description that is the object of its clause, one that points ahead.

Every sentence here is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from models import Document

Run = Callable[..., Document]


def events(document: Document) -> list[tuple[str | None, str | None, list[str]]]:
    """(visitor, host country, counterparts) of every event."""
    return [(e.visitor.name, e.host_country, [p.name for m in e.meetings for p in m.counterparts])
            for e in document.events]


def test_description_told_as_travelling_is_the_visitor_not_the_host_holding_the_same_office(run: Run) -> None:
    text = ("KATHMANDU, May 20 - Prime Minister Arjun Prasad Koirala visited India on Friday at the invitation "
            "of Indian Prime Minister Rajiv Menon.\n\n"
            "During his visit, the prime minister paid a courtesy call on President Lata Devi.")
    found = events(run(text))
    assert [visitor for visitor, _, _ in found] == ["Arjun Prasad Koirala"]
    assert "Lata Devi" in found[0][2]


def test_description_is_not_the_subject_of_its_own_clause_and_may_point_ahead(run: Run) -> None:
    text = ("President Sean Byrne has welcomed the German president to his residence, marking the start of a "
            "three-day visit to Ireland by German President Klaus Werner.\n\nThe German president later met Taoiseach Liam Walsh.")
    document = run(text)
    byrne = next(p for p in document.people if p.name == "Sean Byrne")
    assert byrne.country != "DEU"
    assert [(v, host) for v, host, _ in events(document)] == [("Klaus Werner", "IRL")]
    assert set(events(document)[0][2]) >= {"Sean Byrne", "Liam Walsh"}
