"""Visit events found by the trained pipeline + diplo's components (extractor.events).

Every sentence here is invented. Published defaults to Saturday 2025-07-26, so "on Friday" is 2025-07-25.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document, VisitEvent

Run = Callable[..., Document]

VISITOR = "Turkish Defence Minister Kemal Aydin Sezer"
HOST = "Prime Minister Nadeem Akhtar Rana"


def only_event(document: Document) -> VisitEvent:
    """The one event of `document`; fails with what was found otherwise."""
    assert len(document.events) == 1, [(e.visitor.name, e.host_country) for e in document.events]
    return document.events[0]


TRIGGERS = [
    ("called-on", f"ISLAMABAD: {VISITOR} called on {HOST} on Friday."),
    ("paid-a-courtesy-call-on", f"ISLAMABAD: {VISITOR} paid a courtesy call on {HOST} on Friday."),
    ("met", f"ISLAMABAD: {VISITOR} met {HOST} on Friday."),
    ("held-talks-with", f"ISLAMABAD: {VISITOR} held talks with {HOST} on Friday."),
    ("host-received-visitor", f"ISLAMABAD: {HOST} received {VISITOR} on Friday."),
    ("host-met-visitor", f"ISLAMABAD: {HOST} met {VISITOR}, who is on an official visit to Pakistan, on Friday."),
    ("was-received-by", f"ISLAMABAD: {VISITOR} was received by {HOST} on Friday."),
    ("no-dateline-city-in-text", f"{VISITOR} held talks with {HOST} in Islamabad on Friday."),
]


@pytest.mark.parametrize("text", [t for _, t in TRIGGERS], ids=[i for i, _ in TRIGGERS])
def test_meeting_trigger_gives_one_visit_oriented_by_country(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Kemal Aydin Sezer", "TUR", "PAK")
    assert (event.status, event.city, event.date) == ("occurred", "Islamabad", "2025-07-25")
    assert [p.name for p in event.meetings[0].counterparts] == ["Nadeem Akhtar Rana"]


MILITARY = [
    ("active", "RAWALPINDI: Commander Kenya Army Lt Gen Tomas Okello Barasa called on Chief of Army Staff "
               "General Imran Saleem Qureshi at GHQ on Friday."),
    ("host-received", "RAWALPINDI: Chief of Army Staff General Imran Saleem Qureshi received Commander Kenya "
                      "Army Lt Gen Tomas Okello Barasa at GHQ on Friday."),
    ("passive", "RAWALPINDI: Commander Kenya Army Lt Gen Tomas Okello Barasa was received by Chief of Army "
                "Staff General Imran Saleem Qureshi at GHQ on Friday."),
]


@pytest.mark.parametrize("text", [t for _, t in MILITARY], ids=[i for i, _ in MILITARY])
def test_military_call_gives_visitor_counterpart_venue_and_city(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor.rank, event.visitor.organization) == (
        "Tomas Okello Barasa", "Lieutenant General", "Kenya Army")
    assert (event.visitor_country, event.host_country, event.city, event.date) == ("KEN", "PAK", "Rawalpindi", "2025-07-25")
    meeting = event.meetings[0]
    assert [(p.name, p.title) for p in meeting.counterparts] == [("Imran Saleem Qureshi", "Chief of Army Staff")]
    assert meeting.venue == "GHQ"


def test_call_on_an_office_set_off_before_the_name_meets_that_person(run: Run) -> None:
    # The parse hangs the name off the verb apart from the office before the comma.
    text = ("RAWALPINDI: Commander Kenya Army, Lt Gen Tomas Okello Barasa visited GHQ and called on Chief of Army "
            "Staff, General Imran Saleem Qureshi on Friday.")
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == (
        "Tomas Okello Barasa", "KEN", "PAK")
    assert [(p.name, p.title) for p in event.meetings[0].counterparts] == [
        ("Imran Saleem Qureshi", "Chief of Army Staff")]


BETWEEN = [
    ("held-between", "On Friday, talks were held between Pakistani Foreign Minister Nadeem Akhtar Rana and the "
                     "Turkish Foreign Minister Kemal Aydin Sezer, who is in Islamabad on an official visit."),
    ("meeting-between", "The meeting between Turkish Foreign Minister Kemal Aydin Sezer and Pakistani Foreign "
                        "Minister Nadeem Akhtar Rana was held in Islamabad on Friday."),
    ("negotiations-between", "Negotiations between Pakistani Foreign Minister Nadeem Akhtar Rana and Turkish Foreign "
                             "Minister Kemal Aydin Sezer took place in Islamabad on Friday."),
]


@pytest.mark.parametrize("text", [t for _, t in BETWEEN], ids=[i for i, _ in BETWEEN])
def test_a_meeting_between_two_people_links_them_whichever_comes_first(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Kemal Aydin Sezer", "TUR", "PAK")
    assert [p.name for p in event.meetings[0].counterparts] == ["Nadeem Akhtar Rana"]


HOST_SIDE_FORMS = [
    ("accorded-him-a-welcome", "Turkish Foreign Minister Kemal Aydin Sezer arrived in Islamabad on Friday. Foreign "
                               "Minister, Nadeem Akhtar Rana accorded him a warm welcome at the airport."),
    ("discussed-with", "Turkish Foreign Minister Kemal Aydin Sezer is in Islamabad on a visit. On Friday, Sezer "
                       "discussed with Pakistani Foreign Minister Nadeem Akhtar Rana issues of common interest."),
    ("head-for-talks-with", "Turkish Foreign Minister Kemal Aydin Sezer will head to Islamabad on Friday for talks "
                            "with Pakistani Foreign Minister Nadeem Akhtar Rana and other members of the Sharif "
                            "government."),
]


@pytest.mark.parametrize("text", [t for _, t in HOST_SIDE_FORMS], ids=[i for i, _ in HOST_SIDE_FORMS])
def test_the_host_official_met_is_the_counterpart(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Kemal Aydin Sezer", "TUR", "PAK")
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Nadeem Akhtar Rana"]


def test_courtesy_calls_paid_on_several_officials_meet_each(run: Run) -> None:
    text = ("Turkish Navy chief Admiral Kemal Aydin Sezer is on a visit to Pakistan. In Islamabad, the admiral paid "
            "courtesy calls on Pakistani Foreign Minister Nadeem Akhtar Rana and Pakistani Defence Minister Imran "
            "Saleem Qureshi on Friday.")
    event = only_event(run(text))
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Nadeem Akhtar Rana", "Imran Saleem Qureshi"]


def test_the_office_that_invited_the_visitor_is_not_the_visitor(run: Run) -> None:
    text = ("Chief of Naval Staff, Admiral Kemal Aydin Sezer, returned home on Sunday after visiting Pakistan at "
            "the invitation of the chief of naval staff of Pakistan. He left Ankara on 14 July for the visit.")
    document = run(text)
    sezer = next(p for p in document.people if p.name == "Kemal Aydin Sezer")
    assert sezer.country != "PAK"
    assert [m.text for m in sezer.mentions if "Pakistan" in m.text] == []


def test_a_cancelled_meeting_between_two_people_is_no_visit(run: Run) -> None:
    text = "A planned meeting between Turkish Foreign Minister Kemal Aydin Sezer and Pakistani Foreign Minister " \
           "Nadeem Akhtar Rana on Friday was cancelled."
    assert run(text).events == []


def test_appositive_after_the_visitor_still_gives_the_visit(run: Run) -> None:
    text = ("RAWALPINDI: Lt Gen Tomas Okello Barasa, Commander Kenya Army, called on Chief of Army Staff General "
            "Imran Saleem Qureshi at GHQ on Friday.")
    event = only_event(run(text))
    assert (event.visitor.name, event.host_country) == ("Tomas Okello Barasa", "PAK")


def test_relative_clause_after_the_visitor_still_gives_the_visit_and_its_span(run: Run) -> None:
    text = (f"ISLAMABAD: {VISITOR}, who is on a three-day official visit from July 24 to 26, called on {HOST} "
            "on Friday.")
    event = only_event(run(text))
    assert (event.start_date, event.end_date, event.visit_type) == ("2025-07-24", "2025-07-26", "official")


def test_the_official_visit_style_is_read(run: Run) -> None:
    event = only_event(run(f"ISLAMABAD: {HOST} met {VISITOR}, who is on an official visit to Pakistan, on Friday."))
    assert event.visit_type == "official"


def test_event_reported_from_the_host_side_is_coded_host(run: Run) -> None:
    event = only_event(run(f"ISLAMABAD: {VISITOR} called on {HOST} on Friday."))
    assert (event.cameo, event.plover.event_type, event.plover.mode) == ("043", "CONSULT", "host")


REPORTED_FROM_HOME = [
    ("ANKARA", f"ANKARA: {VISITOR} held talks with {HOST} in Islamabad on Friday."),
    ("NAIROBI", "NAIROBI: Commander Kenya Army Lt Gen Tomas Okello Barasa called on Chief of Army Staff General "
                "Imran Saleem Qureshi at GHQ in Rawalpindi on Friday."),
]


@pytest.mark.parametrize("text", [t for _, t in REPORTED_FROM_HOME], ids=[i for i, _ in REPORTED_FROM_HOME])
def test_visit_reported_from_the_visitors_capital_keeps_its_direction(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert event.host_country == "PAK"
    assert event.city in ("Islamabad", "Rawalpindi")
    assert (event.cameo, event.plover.mode) == ("042", "visit")


NOT_VISITS = [
    ("background-past-visit", "KARACHI: The first cargo under the transit deal reached the port on Wednesday. The deal was "
                              "signed during then prime minister Nadeem Akhtar Rana's visit to Turkey in July 2021, "
                              "when he held talks with President Kemal Aydin Sezer."),
    ("invitation-only", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana extended an invitation to Turkish President "
                        "Kemal Aydin Sezer to visit Pakistan, which was accepted."),
    ("telephone-call", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana held a telephone call with Turkish Defence "
                       "Minister Kemal Aydin Sezer on Friday."),
    ("spoke-by-telephone", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana spoke by telephone with Turkish President "
                           "Kemal Aydin Sezer on Friday."),
    ("received-a-call", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana received a telephone call from Turkish "
                        "President Kemal Aydin Sezer on Friday."),
    ("video-conference", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana held a video conference with Turkish "
                         "President Kemal Aydin Sezer on Friday."),
    ("virtual-meeting", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana and Turkish President Kemal Aydin Sezer held "
                        "a virtual meeting on Friday."),
    ("domestic-meeting", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana met Finance Minister Bilal Ahmed Sheikh at "
                         "PM House on Friday to discuss the budget."),
    ("domestic-call-on", "RAWALPINDI: Corps Commander Lt Gen Sajid Amin Butt called on Chief of Army Staff General "
                         "Imran Saleem Qureshi at GHQ on Friday."),
    ("cabinet", "ISLAMABAD: Prime Minister Nadeem Akhtar Rana chaired a meeting of the federal cabinet on Friday."),
    ("summit-session", "BAKU: Leaders of ten nations, including Prime Minister Nadeem Akhtar Rana and Turkish "
                       "President Kemal Aydin Sezer, attended the summit session in Baku on Friday."),
    ("summit-sidelines", "BAKU: Prime Minister Nadeem Akhtar Rana met Turkish President Kemal Aydin Sezer on the "
                         "sidelines of the ECO summit in Baku on Friday."),
    ("no-names", "ISLAMABAD: The two sides discussed trade and energy on Friday."),
]


@pytest.mark.parametrize("text", [t for _, t in NOT_VISITS], ids=[i for i, _ in NOT_VISITS])
def test_what_is_not_a_visit_gives_no_event(run: Run, text: str) -> None:
    assert run(text).events == []


def test_telephone_call_still_lists_both_people(run: Run) -> None:
    document = run(NOT_VISITS[0][1])
    assert {p.name for p in document.people} == {"Nadeem Akhtar Rana", "Kemal Aydin Sezer"}


PLANNED = [
    ("will-pay-a-visit-from-to",
     "ANKARA: Pakistani Prime Minister Nadeem Akhtar Rana will pay an official visit to Türkiye from October 14 to "
     "17, where he will hold talks with Turkish President Kemal Aydin Sezer.",
     "2025-10-14", "2025-10-14", "2025-10-17", "official"),
    ("will-receive-on-monday",
     "ANKARA: Turkish President Kemal Aydin Sezer will receive Pakistani Prime Minister Nadeem Akhtar Rana in "
     "Ankara on Monday.",
     "2025-07-28", None, None, None),
]


@pytest.mark.parametrize(
    ("text", "date", "start", "end", "visit_type"), [p[1:] for p in PLANNED], ids=[p[0] for p in PLANNED]
)
def test_visit_announced_for_the_future_is_planned_with_future_dates(
    run: Run, text: str, date: str, start: str | None, end: str | None, visit_type: str | None
) -> None:
    event = only_event(run(text))
    assert (event.status, event.visitor.name, event.visitor_country, event.host_country) == (
        "planned", "Nadeem Akhtar Rana", "PAK", "TUR")
    assert (event.date, event.start_date, event.end_date, event.visit_type) == (date, start, end, visit_type)


PLANNED_WITHOUT_MEETING = [
    ("no-counterpart-named",
     "ISLAMABAD: Turkish President Kemal Aydin Sezer will pay an official visit to Pakistan from October 14 to 17, "
     "the Foreign Office said on Friday."),
    ("is-scheduled-to-hold-talks",
     "ANKARA: Pakistani Prime Minister Nadeem Akhtar Rana is scheduled to hold talks with Turkish President Kemal "
     "Aydin Sezer in Ankara on October 15."),
]


@pytest.mark.parametrize("text", [t for _, t in PLANNED_WITHOUT_MEETING], ids=[i for i, _ in PLANNED_WITHOUT_MEETING])
def test_announced_visit_without_a_linked_meeting_is_still_planned(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert event.status == "planned"
    assert event.visitor.name in ("Kemal Aydin Sezer", "Nadeem Akhtar Rana")


DATES = [
    ("on Friday", "2025-07-26", "2025-07-25"),
    ("on Saturday", "2025-07-26", "2025-07-26"),
    ("on Monday", "2025-07-26", "2025-07-21"),
    ("yesterday", "2025-07-26", "2025-07-25"),
    ("on 21 July 2025", "2025-07-26", "2025-07-21"),
    ("on Friday", "2025-08-01", "2025-08-01"),
    ("on Tuesday", "2025-01-02", "2024-12-31"),
]


@pytest.mark.parametrize(
    ("when", "published", "expected"), DATES, ids=[f"{w}-published-{p}" for w, p, _ in DATES]
)
def test_event_date_is_resolved_against_the_publication_date(run: Run, when: str, published: str, expected: str) -> None:
    event = only_event(run(f"ISLAMABAD: {VISITOR} called on {HOST} {when}.", published=published))
    assert (event.date, event.date_text, event.meetings[0].date) == (expected, when, expected)


def test_event_date_comes_from_the_printed_header_without_published(run: Run) -> None:
    text = f"Published: July 26, 2025\n\nISLAMABAD: {VISITOR} called on {HOST} on Friday.\n"
    document = run(text, published=None)
    assert document.source.published == "2025-07-26"
    assert only_event(document).date == "2025-07-25"


def test_relative_date_without_any_publication_date_stays_null_with_a_warning(run: Run) -> None:
    document = run(f"ISLAMABAD: {VISITOR} called on {HOST} on Friday.", published=None)
    assert only_event(document).date is None
    assert "no publication date: relative dates unresolved" in document.warnings


def test_unresolved_date_keeps_its_printed_text(run: Run) -> None:
    event = only_event(run(f"ISLAMABAD: {VISITOR} called on {HOST} on Friday.", published=None))
    assert event.date_text == "on Friday"


def test_second_meeting_of_the_same_visitor_joins_the_same_event(run: Run) -> None:
    text = (f"ISLAMABAD: {VISITOR} held talks with {HOST} on Friday. Later on Friday, Sezer called on Chief of Army "
            "Staff General Imran Saleem Qureshi at GHQ in Rawalpindi.")
    event = only_event(run(text))
    assert [(m.counterparts[0].name, m.venue, m.city) for m in event.meetings] == [
        ("Nadeem Akhtar Rana", None, "Islamabad"),
        ("Imran Saleem Qureshi", "GHQ", "Rawalpindi"),
    ]


def test_two_visitors_give_two_events_in_text_order(run: Run) -> None:
    text = (f"ISLAMABAD: {VISITOR} called on {HOST} on Friday. Separately, Egyptian Foreign Minister Tarek Samir "
            "Fawzy called on President Asif Karim Zardani on Thursday.")
    events = run(text).events
    assert [(e.visitor.name, e.visitor_country, e.host_country, e.date) for e in events] == [
        ("Kemal Aydin Sezer", "TUR", "PAK", "2025-07-25"),
        ("Tarek Samir Fawzy", "EGY", "PAK", "2025-07-24"),
    ]


def test_topics_outcomes_and_evidence_come_from_the_text(run: Run) -> None:
    text = (f"ISLAMABAD: {VISITOR} held talks with {HOST} on Friday. The two sides discussed defence cooperation "
            "and agreed to hold a joint exercise.")
    event = only_event(run(text))
    assert "defence cooperation" in event.topics
    assert event.outcomes
    assert event.evidence
    for span in event.evidence:
        assert text[span.start : span.end] == span.text
    assert 0.0 < event.confidence <= 1.0


def test_tour_gives_one_event_per_host_country_and_later_legs_are_planned(run: Run) -> None:
    text = ("TOKYO (Antara) - Indonesian President Budi Santoso Hartono arrived in Tokyo on Sunday, the first stop of "
            "a regional tour.\n\nOn Monday, Hartono held talks with Japanese Prime Minister Kenji Watanabe at the "
            "Prime Minister's Office.\n\nHartono will visit South Korea on Wednesday, where he is scheduled to meet "
            "President Park Min-jun.")
    document = run(text, published="2025-03-04")
    legs = [(e.visitor.name, e.host_country, e.status, e.date) for e in document.events]
    assert legs == [
        ("Budi Santoso Hartono", "JPN", "occurred", "2025-03-03"),
        ("Budi Santoso Hartono", "KOR", "planned", "2025-03-05"),
    ]
    assert [p.name for p in document.events[1].meetings[0].counterparts] == ["Park Min-jun"]


def test_outgoing_visit_reported_at_home_is_hosted_abroad(run: Run) -> None:
    text = ("NEW DELHI (PTI): Chief of the Naval Staff Admiral Ravi Kumar Menon is on an official visit to Sri Lanka "
            "from April 21 to 24. On Monday, the Admiral called on President Lalith Perera Gunasekara at the "
            "Presidential Secretariat in Colombo.")
    event = only_event(run(text, published="2025-04-22"))
    assert (event.visitor.name, event.visitor_country, event.host_country, event.city, event.date) == (
        "Ravi Kumar Menon", "IND", "LKA", "Colombo", "2025-04-21")
    assert (event.start_date, event.end_date, event.visit_type) == ("2025-04-21", "2025-04-24", "official")
    assert (event.cameo, event.plover.mode) == ("042", "visit")


def test_accompanying_minister_belongs_to_the_delegation_not_to_a_visit_of_his_own(run: Run) -> None:
    text = ("ACCRA (GNA) -- Portuguese President Helena Marques Duarte held talks with Ghanaian President Kwabena "
            "Owusu Mensah at Jubilee House on Tuesday. Ms Duarte is accompanied by Foreign Minister Rui Tavares Lopes, "
            "who held separate talks with his Ghanaian counterpart, Abena Serwaa Boateng.")
    event = only_event(run(text, published="2024-11-05"))
    assert event.visitor.name == "Helena Marques Duarte"
    assert [p.name for p in event.delegation] == ["Rui Tavares Lopes"]


@pytest.mark.parametrize("when", ["A day earlier", "Later the same day", "Later"])
def test_relative_day_phrases_follow_the_last_date_read(run: Run, when: str) -> None:
    text = (f"ISLAMABAD: {VISITOR} called on {HOST} on Friday.\n\n{when}, Sezer called on Chief of Army Staff "
            "General Imran Saleem Qureshi at GHQ in Rawalpindi.")
    event = only_event(run(text))
    expected = "2025-07-24" if when == "A day earlier" else "2025-07-25"
    assert [m.date for m in event.meetings] == ["2025-07-25", expected]
    assert event.date == min(expected, "2025-07-25")


def test_announced_state_visit_with_country_after_the_name_is_planned(run: Run) -> None:
    text = ("President Emmanuel Laurent of France will travel to Nigeria next month for a state visit, the "
            "presidency said on Tuesday. Laurent is expected to meet President Bola Adeyemi in Abuja on June 12.")
    event = only_event(run(text, published="2025-05-06"))
    assert (event.visitor.name, event.visitor_country, event.host_country, event.status, event.visit_type) == (
        "Emmanuel Laurent", "FRA", "NGA", "planned", "state")
    assert (event.city, event.date, [p.name for p in event.meetings[0].counterparts]) == (
        "Abuja", "2025-06-12", ["Bola Adeyemi"])



def test_a_visit_whose_stated_start_is_after_the_publication_is_planned(run: Run) -> None:
    """Present tense for a visit still to come: published on 26 July, it starts on 4 August."""
    event = only_event(run(f"{VISITOR} is visiting Pakistan from August 4 to 6 at the invitation of {HOST}."))
    assert (event.status, event.start_date) == ("planned", "2025-08-04")


@pytest.mark.parametrize(("text", "counterparts"), [
    (f"ISLAMABAD: {VISITOR} arrived in Islamabad on Friday to hold talks with {HOST}.", []),
    (f"ISLAMABAD: {VISITOR} arrived in Islamabad on Friday and held talks with {HOST}.", ["Nadeem Akhtar Rana"]),
])
def test_talks_an_arrival_is_for_are_not_held_yet(run: Run, text: str, counterparts: list[str]) -> None:
    event = only_event(run(text))
    assert event.status == "occurred"
    assert [c.name for m in event.meetings for c in m.counterparts] == counterparts
