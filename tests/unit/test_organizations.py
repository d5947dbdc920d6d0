"""Organizations as pages print them (extractor.organizations): bodies named in the text, one name
for a ministry any state has, news agencies cited in the body, and no page chrome or credits.

Every sentence here is invented; the names belong to no real body or official unless they are
well-known institutions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document

Run = Callable[..., Document]


def bodies(document: Document) -> dict[str, str | None]:
    return {o.name: o.country for o in document.organizations}


@pytest.mark.parametrize(("printed", "country"), [
    ("the Turkish Foreign Ministry", "TUR"),
    ("Kenya's Foreign Ministry", "KEN"),
    ("the Foreign Affairs Ministry of Peru", None),
])
def test_a_foreign_ministry_however_printed_is_the_ministry_of_foreign_affairs(run: Run, printed: str,
                                                                              country: str | None) -> None:
    found = bodies(run(f"The visit was announced by {printed} in a statement on Friday."))
    assert "Ministry of Foreign Affairs" in found
    if country:
        assert found["Ministry of Foreign Affairs"] == country
    assert not any(name.endswith("Foreign Ministry") for name in found)


def test_the_defence_ministries_of_two_states_are_two_bodies(run: Run) -> None:
    document = run("Officials of the Kenyan Defence Ministry and the Ugandan Defence Ministry met in "
                   "Kampala.")
    ministries = [o for o in document.organizations if o.name == "Ministry of Defence"]
    assert sorted(o.country for o in ministries) == ["KEN", "UGA"]


@pytest.mark.parametrize("credit", [
    "NAIROBI, July 20 (Reuters) - The minister arrived on Sunday.",
    "The minister arrived on Sunday. Photo: Reuters",
    "The minister arrived on Sunday.\nReuters/Pool/John Smith",
])
def test_an_agency_credit_is_no_organization(run: Run, credit: str) -> None:
    assert "Reuters" not in bodies(run(credit))


def test_an_agency_cited_in_the_body_is_an_organization(run: Run) -> None:
    found = bodies(run("The minister told Reuters on Sunday that the talks in Nairobi had gone well."))
    assert "Reuters" in found


@pytest.mark.parametrize("chrome", ["Latest Stories", "Business Report", "Share This Article"])
def test_a_menu_line_is_no_organization(run: Run, chrome: str) -> None:
    text = f"{chrome}\n\nThe Kenyan Defence Minister met officers of the Kenya Navy in Mombasa on Friday."
    found = bodies(run(text))
    assert chrome not in found
    assert "Kenya Navy" in found


def test_a_surname_the_tagger_calls_an_organization_is_no_organization(run: Run) -> None:
    found = bodies(run("Chief of the General Staff Gen. Fahad Al-Harbi met the minister. Later, Al-Harbi "
                       "toured the academy."))
    assert "Al-Harbi" not in found


# --- a known body's name inside a longer one, and names written in full ---

@pytest.mark.parametrize(("text", "body", "fragments"), [
    ("The secretary of Kenya's Supreme National Security Council arrived on Monday.",
     "Supreme National Security Council", {"United Nations Security Council", "National Security Council"}),
    ("The delegates addressed the United Nations General Assembly in New York on Tuesday.",
     "United Nations General Assembly", {"United Nations"}),
    ("The officers later visited the Nepal Army Battle School near Pokhara for a briefing.",
     "Nepal Army Battle School", {"Nepal Army"}),
])
def test_a_known_name_inside_a_longer_one_is_no_body_of_its_own(run: Run, text: str, body: str,
                                                                 fragments: set[str]) -> None:
    found = bodies(run(text))
    assert body in found
    assert not fragments & set(found)


@pytest.mark.parametrize(("printed", "full"), [
    ("the U.N. Security Council", "United Nations Security Council"),
    ("the State Department", "United States Department of State"),
    ("the AU Commission", "African Union Commission"),
    ("Unesco", "United Nations Educational, Scientific and Cultural Organization"),
])
def test_a_shortened_or_abbreviated_name_is_written_in_full(run: Run, printed: str, full: str) -> None:
    found = bodies(run(f"The proposal was welcomed by {printed} on Thursday, officials said."))
    assert full in found


def test_an_acronym_the_text_spells_out_is_the_texts_body(run: Run) -> None:
    found = bodies(run("The National Security Committee (NSC) met in Islamabad on Monday. The NSC decided "
                       "to recall the envoy."))
    assert "National Security Committee" in found
    assert "National Security Council" not in found


def test_a_state_printed_after_a_ministry_makes_it_that_states(run: Run) -> None:
    document = run("A programme between the Ministry of Foreign Affairs of Kenya and the Ministry of Foreign "
                   "Affairs of the Republic of Uganda was signed on Friday.")
    ministries = [o for o in document.organizations if o.name == "Ministry of Foreign Affairs"]
    assert sorted(o.country or "" for o in ministries) == ["KEN", "UGA"]


def test_the_countrys_body_joins_the_body_of_that_state(run: Run) -> None:
    found = [o.name for o in run("The admiral met the chief of the National Defence Forces of Maldives in "
                                 "Male. He praised the country's National Defence Forces for their "
                                 "work.").organizations]
    forces = [n for n in found if n.startswith("National Defence Forces")]
    assert forces == ["National Defence Forces of Maldives"]


# --- agencies and platforms a statement is quoted from ---

@pytest.mark.parametrize(("text", "agency"), [
    ("The minister told IRNA on Sunday that the talks in Moscow had gone well.",
     "Islamic Republic News Agency"),
    ("The trip was confirmed by officials on Monday, QNA reported quoting AA.", "Anadolu Agency"),
])
def test_an_agency_cited_in_the_body_goes_by_its_long_name(run: Run, text: str, agency: str) -> None:
    assert agency in bodies(run(text))


def test_an_agency_signing_a_paragraph_is_a_credit(run: Run) -> None:
    text = "The two ministers agreed to expand trade and tourism links. — Bernama\n\nAdvertisement"
    assert "Malaysian National News Agency" not in bodies(run(text))


@pytest.mark.parametrize(("text", "platform"), [
    ("The ministry said on X. The minister left for Rome on Friday.", "X"),
    ("The minister wrote on Twitter that the visit had been a success.", "Twitter"),
    ("The armed forces said in a post on Facebook that the drills had ended.", "Facebook"),
    ("The spokesman also posted on his WhatsApp channel that the teams had met.", "WhatsApp"),
])
def test_a_platform_a_statement_was_made_on_is_an_organization(run: Run, text: str, platform: str) -> None:
    assert platform in bodies(run(text))


@pytest.mark.parametrize(("text", "platform"), [
    ("The minister met the envoy in Rome on Friday.\nFollow us on Facebook and Instagram", "Facebook"),
    ("The minister said on X, formerly known as Twitter, that the visit went well.", "Twitter"),
])
def test_a_share_line_or_a_former_name_is_no_platform(run: Run, text: str, platform: str) -> None:
    assert platform not in bodies(run(text))


# --- what the tagger calls an organization but is none ---

@pytest.mark.parametrize(("text", "not_a_body"), [
    ("The general returned home on Sunday after visiting Kenya and Tanzania at the invitation of the army "
     "chiefs.", "Kenya and Tanzania"),
    ("The visiting president was greeted by the Honour Guard at the airport.", "Honour Guard"),
    ("The ministers reviewed the Green Schools Building program in Nairobi on Monday.",
     "Green Schools Building"),
    ("Ambassadors were briefed on the outcomes of the 12th National Party Congress on Monday.",
     "National Party Congress"),
    ("The leaders met at the Canadian Forces Base in Trenton on Friday.", "Canadian Armed Forces"),
    ("The treaty was signed under the United Nations Charter in Geneva on Friday.", "United Nations"),
    ("The minister met the delegation in Nairobi on Monday.\n\nRead more: Senate approves new budget",
     "Senate"),
    ("The minister met the delegation in Mexico City on Monday. Credits: Presidency of Mexico\n\nThe "
     "talks continued on Tuesday.", "Presidency"),
])
def test_no_body_is_reported_where_the_name_names_none(run: Run, text: str, not_a_body: str) -> None:
    assert not_a_body not in bodies(run(text))


def test_a_partys_organs_fold_into_the_party(run: Run) -> None:
    found = bodies(run("Li Wei, a member of the Standing Committee of the Political Bureau of the Communist "
                       "Party of China (CPC) Central Committee, attended the banquet in Beijing."))
    assert "Communist Party of China" in found
    assert not any("Committee" in name for name in found)


@pytest.mark.parametrize(("text", "body"), [
    ("The guests received a guard of honour from the 5th Infantry Battalion in Dublin.",
     "5th Infantry Battalion"),
    ("The minister will attend a meeting of the United Nations Economic Commission for Africa in Addis "
     "Ababa.", "United Nations Economic Commission for Africa"),
    ("The president inspected a guard of honour mounted by the Ghana Airforce in Accra.", "Ghana Air Force"),
    ("Chief of General Staff of the Armed Forces of the Republic of Uzbekistan Major General Ivan Petrov "
     "arrived in Rawalpindi.", "Armed Forces of the Republic of Uzbekistan"),
])
def test_formations_remits_and_spellings(run: Run, text: str, body: str) -> None:
    assert body in bodies(run(text))


@pytest.mark.parametrize(("text", "body"), [
    ("The minister told AFP on Monday that the talks had gone well.", "Agence France-Presse"),
    ("Soldiers of the AFP patrolled the coast of Mindanao on Monday.", "Armed Forces of the Philippines"),
    ("The Election Commission of Pakistan (ECP) rejected the PTI's plea on Monday.",
     "Pakistan Tehreek-e-Insaf"),
    ("The Election Commission of Pakistan (ECP) rejected the PTI's plea on Monday.",
     "Election Commission of Pakistan"),
])
def test_an_acronym_of_an_agency_and_a_body_is_the_agency_only_when_cited(run: Run, text: str,
                                                                           body: str) -> None:
    assert body in bodies(run(text))


@pytest.mark.parametrize(("text", "embassy"), [
    ("The drill was announced in a post by the Indian embassy in Kathmandu on Monday.", "Embassy of India"),
    ("The general met senior Kenyan embassy officials in Rome on Friday.", "Embassy of Kenya"),
])
def test_a_states_embassy_described_in_lowercase_is_its_embassy(run: Run, text: str, embassy: str) -> None:
    assert embassy in bodies(run(text))


@pytest.mark.parametrize(("text", "formation"), [
    ("The contingent is led by a battalion from the 9th Gorkha Rifles, the ministry said.",
     "9th Gorkha Rifles"),
    ("Sailors of the 3rd Fleet joined the drill off Okinawa on Friday.", "3rd Fleet"),
])
def test_a_formation_known_by_its_number_is_a_body(run: Run, text: str, formation: str) -> None:
    assert formation in bodies(run(text))


def test_a_numbered_gathering_is_no_formation(run: Run) -> None:
    found = bodies(run("The envoys heard about the 14th National Party Congress in Hanoi on Monday."))
    assert not any("Congress" in name for name in found)
