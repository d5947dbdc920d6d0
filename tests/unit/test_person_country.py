"""The country of each person, from the strongest source the article prints: the person's own
modifiers, a list of offices sharing one country, the side of a visit the person is on.

Every sentence here is invented; the names belong to no real official.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document

Run = Callable[..., Document]


def countries(document: Document) -> dict[str | None, str | None]:
    return {p.name: p.country for p in document.people}


@pytest.mark.parametrize("listed", [
    "Kenyan President Amos Otieno and Prime Minister Daniel Mwangi",
    "Kenya's President Amos Otieno and Prime Minister Daniel Mwangi",
    "the Kenyan President Amos Otieno, Prime Minister Daniel Mwangi and Defence Minister Peter Kamau",
])
def test_a_country_before_the_first_office_holds_for_the_offices_listed_after_it(run: Run, listed: str) -> None:
    found = countries(run(f"The envoy conveyed greetings to {listed}."))
    assert found["Amos Otieno"] == "KEN"
    assert found["Daniel Mwangi"] == "KEN"
    if "Peter Kamau" in listed:
        assert found["Peter Kamau"] == "KEN"


def test_an_office_with_its_own_country_keeps_it_in_a_list(run: Run) -> None:
    found = countries(run("Kenyan President Amos Otieno and Ugandan Prime Minister Daniel Mwangi spoke."))
    assert found == {"Amos Otieno": "KEN", "Daniel Mwangi": "UGA"}


def test_a_list_without_a_leading_country_shares_none(run: Run) -> None:
    found = countries(run("President Amos Otieno and Prime Minister Daniel Mwangi spoke on Friday."))
    assert found["Daniel Mwangi"] is None or found["Daniel Mwangi"] == found["Amos Otieno"]


@pytest.mark.parametrize("accompanied", [
    "was accompanied by Brigadier Tomas Silva, Colonel Rui Costa and adviser Paulo Mendes",
    "was accompanied by Ambassador Tomas Silva, aide to the Army Chief Colonel Rui Costa and Defence "
    "Adviser Colonel Paulo Mendes",
])
def test_everyone_listed_as_accompanying_the_visitor_serves_the_visitor_country(run: Run, accompanied: str) -> None:
    document = run("Portugal's Army Chief General Nuno Ferreira called on President Ali Hassan of the Maldives "
                   f"in Male on Sunday. General Ferreira {accompanied}.")
    event = next(e for e in document.events if e.visitor.name == "Nuno Ferreira")
    assert event.visitor_country == "PRT"
    assert {p.name for p in event.delegation} >= {"Tomas Silva", "Rui Costa", "Paulo Mendes"}
    found = countries(document)
    assert found["Rui Costa"] == found["Paulo Mendes"] == "PRT"


def test_the_officials_who_received_the_visitor_serve_the_host(run: Run) -> None:
    document = run("MALE, July 20 - Portugal's Army Chief General Nuno Ferreira arrived in Male on Sunday. "
                   "He called on Defence Minister Ali Hassan at the ministry.")
    assert countries(document)["Ali Hassan"] == "MDV"
