"""The country of each person, from the strongest source the article prints: the person's own
modifiers, a list of offices sharing one country, the side of a visit the person is on.

Every sentence here is invented; the names belong to no real official.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractor.people.countries import country_in_name
from models import Document

Run = Callable[..., Document]


def countries(document: Document) -> dict[str | None, str | None]:
    return {p.name: p.country for p in document.people}


@pytest.mark.parametrize("listed", [
    "Kenyan President Amos Otieno and Prime Minister Daniel Mwangi",
    "Kenya's President Amos Otieno and Prime Minister Daniel Mwangi",
    "the Kenyan President Amos Otieno, Prime Minister Daniel Mwangi and Defence Minister Peter Kamau",
])
def test_a_country_before_the_first_office_holds_for_the_offices_listed_after_it(run: Run,
                                                                                 listed: str) -> None:
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
def test_everyone_listed_as_accompanying_the_visitor_serves_the_visitor_country(run: Run,
                                                                                 accompanied: str) -> None:
    document = run("Portugal's Army Chief General Nuno Ferreira called on President Ali Hassan of the "
                   "Maldives "
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


@pytest.mark.parametrize(("sentence", "name", "country", "title"), [
    ("Visiting Kenya Army Chief General Amos Otieno met the minister on Monday.", "Amos Otieno", "KEN",
     "Army Chief"),
    ("Bangladesh Air Force chief Karim Uddin on Monday called on the minister.", "Karim Uddin", "BGD",
     "Air Force chief"),
], ids=["country-army-chief", "country-air-force-chief"])
def test_an_office_that_overlaps_a_body_named_for_a_country_keeps_the_country(
        run: Run, sentence: str, name: str, country: str, title: str) -> None:
    person = next(p for p in run(sentence).people if p.name == name)
    assert (person.country, person.title) == (country, title)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("From Kenya, the navy chief flew to Sri Lanka. During his stay in Sri Lanka, he paid courtesy calls on "
     "the country's Prime Minister, Nimal Perera, on Monday.", "Nimal Perera", "LKA"),
    ("Heavy floods hit Ghana on Monday. The country's Interior Minister Kwame Mensah spoke to reporters.",
     "Kwame Mensah", "GHA"),
], ids=["the-countrys-office-comma-name", "the-countrys-office-name"])
def test_the_countrys_office_is_held_in_the_country_named_last(run: Run, text: str, name: str,
                                                               country: str) -> None:
    assert countries(run(text))[name] == country


@pytest.mark.parametrize(("sentence", "name", "title", "country"), [
    ("The minister met British Columbia Premier Anne Tremblay in Vancouver on Monday.", "Anne Tremblay",
     "British Columbia Premier", "CAN"),
    ("Sindh Chief Minister Ali Raza Memon chaired the meeting.", "Ali Raza Memon", "Sindh Chief Minister",
     "PAK"),
    ("The delegation was welcomed by the Lord Mayor of Dublin, Siobhan Kelly, on arrival.", "Siobhan Kelly",
     "Lord Mayor of Dublin", "IRL"),
    ("Somali President Abdi Hassan Warsame addressed the summit.", "Abdi Hassan Warsame", "President",
     "SOM"),
], ids=["province-before-office", "province-at-sentence-start", "city-after-office", "demonym-is-no-region"])
def test_a_province_or_city_named_with_an_office_stays_in_the_title_and_gives_its_country(
        run: Run, sentence: str, name: str, title: str, country: str) -> None:
    person = next(p for p in run(sentence).people if p.name == name)
    assert (person.title, person.country) == (title, country)


@pytest.mark.parametrize(("sentence", "name", "country"), [
    ("Foreign Secretary Bharat Kumar Joshi welcomed the minister at the airport.", "Bharat Kumar Joshi",
     None),
    ("The envoy said US new President Daniel Mwangi would take office on Monday.", "Daniel Mwangi", "USA"),
    ("New Zealand Prime Minister Anne Tremblay spoke on Monday.", "Anne Tremblay", "NZL"),
], ids=["country-word-inside-a-name", "country-before-new-office", "new-inside-a-country"])
def test_a_country_modifies_an_office_before_it_not_a_name_after_it(run: Run, sentence: str, name: str,
                                                                     country: str | None) -> None:
    assert countries(run(sentence, published=None))[name] == country


@pytest.mark.parametrize(("sentence", "name"), [
    ("Prime Minister Datuk Seri Ahmad Zaki Hamid reiterated the government's commitment.",
     "Ahmad Zaki Hamid"),
    ("Army Chief General Tan Sri Rosli Omar met the officers on Monday.", "Rosli Omar"),
], ids=["datuk-seri", "tan-sri"])
def test_a_style_one_state_confers_names_that_state(run: Run, sentence: str, name: str) -> None:
    assert countries(run(sentence, published=None))[name] == "MYS"


def test_a_spouse_named_as_such_has_the_partners_country(run: Run) -> None:
    found = countries(run("Irish President Michael Kelly welcomed German President Hans Weber. Mr Weber, "
                          "who arrived with his wife Anna Schmidt and an official delegation, held talks "
                          "on Monday."))
    assert found["Anna Schmidt"] == "DEU"


@pytest.mark.parametrize(("body", "iso3"), [
    ("Economic Commission for Latin America", None),
    ("Community of Latin American States", None),
    ("Indian Ocean Commission", None),
    ("Indian Navy", "IND"),
    ("South African National Defence Force", "ZAF"),
])
def test_a_body_named_for_a_region_carries_no_country(body: str, iso3: str | None) -> None:
    assert country_in_name(body) == iso3


def test_a_visitor_is_not_given_the_country_he_arrives_in(run: Run) -> None:
    document = run("President Marco Rossi arrived in Laos on Monday. He met Prime Minister Sone Vilay.")
    countries = {p.name: p.country for p in document.people}
    assert countries == {"Marco Rossi": None, "Sone Vilay": "LAO"}


def test_a_story_told_within_one_country_is_no_visit_and_its_officials_are_of_it(run: Run) -> None:
    document = run("Prime Minister Daniel Ross met Manitoba Premier Claire Dubois for a working lunch in Winnipeg. "
                   "They spoke about health care across Canada.")
    assert document.events == []
    assert {p.name: p.country for p in document.people} == {"Daniel Ross": "CAN", "Claire Dubois": "CAN"}



@pytest.mark.parametrize(("credit", "home"), [("Reuters", "ECU"), ("AFP", "ECU"), ("EFE", "ESP")])
def test_a_world_wire_reports_from_its_dateline_a_national_agency_from_home(run: Run, credit: str,
                                                                             home: str) -> None:
    document = run(f"QUITO, July 25 ({credit}) - Foreign Minister Luis Pena said the trade talks would resume.")
    assert {p.name: p.country for p in document.people}["Luis Pena"] == home
