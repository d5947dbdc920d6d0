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
    ("Chief of Naval Staff, Admiral Karim Uddin, returned home on Sunday.", "Karim Uddin",
     "Chief of Naval Staff"),
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


@pytest.mark.parametrize(("page", "expected"), [
    ("The following envoys presented their credentials:\nHer Excellency Maria Lopez Garcia\n"
     "High Commissioner of Kenya\nHis Excellency Tomas Novak\nAmbassador of the Republic of Slovakia\n"
     "Quick facts: the ceremony was held on Monday.",
     {"Maria Lopez Garcia": ("High Commissioner", "KEN"), "Tomas Novak": ("Ambassador", "SVK")}),
    ("The minister was received at the airport by\nChief of the Naval Staff\nAdmiral Omar Farooq Malik\n"
     "and other officers on Monday.",
     {"Omar Farooq Malik": ("Chief of the Naval Staff", None)}),
], ids=["name-then-office-lines", "office-line-then-name"])
def test_an_office_on_a_line_of_its_own_is_the_name_above_it_in_a_list_else_the_name_below(
        run: Run, page: str, expected: dict[str, tuple[str, str | None]]) -> None:
    people = {p.name: p for p in run(page, published=None).people}
    for name, (title, country) in expected.items():
        assert people[name].title == title
        if country:
            assert people[name].country == country


@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("He met the Taliban's acting Foreign Minister Amir Khan Baradar in Kabul.", "Amir Khan Baradar",
     "Acting Foreign Minister"),
    ("Acting National Assembly Speaker Yousef Al-Mutairi received the envoy.", "Yousef Al-Mutairi",
     "Acting Speaker"),
    ("The envoy recalled a meeting with the former Kenyan president Amos Otieno.", "Amos Otieno",
     "former President"),
    ("The then prime minister Daniel Mwangi signed the accord.", "Daniel Mwangi", "Prime Minister"),
], ids=["acting", "acting-before-body", "former", "then-is-dropped"])
def test_an_office_held_acting_or_formerly_says_so_in_the_title(run: Run, sentence: str, name: str,
                                                                title: str) -> None:
    assert titles(run(sentence))[name] == title


@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("Pentagon spokesman Captain Paul Reyes provided the following readout.", "Paul Reyes", "Spokesman"),
    ("He later met the defence minister Amos Otieno in Nairobi.", "Amos Otieno", "Defence Minister"),
    ("Kenya's top diplomat Amos Otieno arrived in Cairo on Monday.", "Amos Otieno", "Foreign Minister"),
], ids=["spokesman-as-printed", "lower-case-office", "description-is-the-office"])
def test_an_office_printed_in_lower_case_keeps_its_words(run: Run, sentence: str, name: str,
                                                          title: str) -> None:
    assert titles(run(sentence))[name] == title


@pytest.mark.parametrize("sentence", [
    "He will be received by the president of the Senate, Maria Soto, at the National Congress.",
    "He will be received by Senate President Maria Soto at the National Congress.",
], ids=["office-of-the-senate", "senate-office"])
def test_the_senate_is_the_organization_of_its_president_not_part_of_the_title(run: Run,
                                                                               sentence: str) -> None:
    person = next(p for p in run(sentence).people if p.name == "Maria Soto")
    assert (person.title, person.organization) == ("President", "Senate")


@pytest.mark.parametrize(("sentence", "name", "title", "organization"), [
    ("Chief of Italian Navy, Admiral Marco Bianchi visited the Naval Headquarters.", "Marco Bianchi", "Chief",
     "Italian Navy"),
    ("Reports said a delegation led by CIA chief Anne Walker had arrived.", "Anne Walker", "Chief",
     "Central Intelligence Agency"),
], ids=["chief-of-a-body", "body-chief"])
def test_the_chief_of_a_body_holds_the_office_chief(run: Run, sentence: str, name: str, title: str,
                                                    organization: str) -> None:
    person = next(p for p in run(sentence).people if p.name == name)
    assert (person.title, person.organization) == (title, organization)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("He met Omar Farooq, a spokesman for the Foreign Ministry, on Monday.", "Omar Farooq", "Spokesman"),
    ("Kenyan Foreign Minister Amos Otieno arrived on Monday. Otieno met his Ghanaian counterpart Kwame "
     "Mensah on Tuesday.", "Kwame Mensah", "Foreign Minister"),
    ("Kenyan Foreign Minister Amos Otieno will visit Accra at the invitation of Ghanaian counterpart Kwame "
     "Mensah.", "Kwame Mensah", "Foreign Minister"),
    ("He met the National Assembly Vice Chairwoman Nguyen Thi Lan.", "Nguyen Thi Lan", "Vice Chairwoman"),
], ids=["indefinite-apposition", "counterpart-of-a-named-before", "counterpart-without-his",
        "vice-chairwoman"])
def test_offices_from_an_indefinite_apposition_and_a_counterpart(run: Run, text: str, name: str,
                                                                 title: str) -> None:
    assert titles(run(text))[name] == title


def test_a_province_inside_a_longer_body_name_is_no_complement(run: Run) -> None:
    found = titles(run("On Thursday, the minister travelled to Ho Chi Minh City, where he met Chairman of "
                       "the Ho Chi Minh City People's Committee Le Van Minh to discuss ports."))
    assert "City People" not in found
