"""Offices as pages print them around a name: before it and set off by a comma, after it as an
apposition, and taken over from 'his <Demonym> counterpart'.

Every sentence here is invented; the names belong to no real official.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document

Run = Callable[..., Document]


def titles(document: Document) -> dict[str | None, str | None]:
    return {p.name: p.title for p in document.people}


@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("Admiral Luca Bianchi called on Chief of the Naval Staff, Admiral Omar Farooq Malik on Wednesday.",
     "Omar Farooq Malik", "Chief of the Naval Staff"),
    ("Deputy Prime Minister and Foreign Minister, Tesfaye Alemu accorded him a warm welcome.",
     "Tesfaye Alemu", "Deputy Prime Minister and Foreign Minister"),
    ("Chief of Naval Staff, Admiral Karim Uddin, returned home on Sunday.", "Karim Uddin", "Chief of Naval Staff"),
])
def test_an_office_set_off_by_a_comma_before_a_name_is_that_persons(run: Run, sentence: str, name: str,
                                                                     title: str) -> None:
    assert titles(run(sentence))[name] == title


def test_in_a_list_an_office_between_two_names_belongs_to_the_next(run: Run) -> None:
    found = titles(run("The delegation met the Secretary General of the Ministry of Defence, General Ravi "
                       "Perera, Navy Chief, Vice Admiral Sunil Silva, and other officers."))
    assert found["Ravi Perera"] == "Secretary General"
    assert found["Sunil Silva"] == "Navy Chief"


def test_an_office_after_the_name_is_still_read(run: Run) -> None:
    found = titles(run("He called on Admiral Ravi Menon, Chief of the Naval Staff, on Wednesday."))
    assert found["Ravi Menon"] == "Chief of the Naval Staff"


@pytest.mark.parametrize("counterpart", ["his Argentine counterpart Javier Molina",
                                         "his Argentine counterpart, Javier Molina"])
def test_a_counterpart_holds_the_office_of_the_one_he_met(run: Run, counterpart: str) -> None:
    found = titles(run(f"Salvadoran President Nayib Rivas met Monday with {counterpart} to discuss trade."))
    assert found["Javier Molina"] == "President"
