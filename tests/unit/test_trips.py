"""Visits told by a trip rather than a meeting (extractor.events.trips): arrivals, travel verbs,
future visits, nominal visits, visiting-role descriptions, tour legs, unnamed visitors, and the trips
that are no visit (called off, a past trip, an invitation, a phone call).

Every sentence here is invented. Published defaults to Saturday 2025-07-26, so "on Friday" is 2025-07-25.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models import Document, VisitEvent

Run = Callable[..., Document]

NAMED = "Peruvian Foreign Minister Ana Lucia Torres"
TITLED = "The Peruvian foreign minister"
UNNAMED = "Peru's deputy foreign minister"
DELEGATION = "A Peruvian trade delegation"


def legs(document: Document) -> list[tuple[str | None, str | None, str | None, str]]:
    """(visitor name, visitor country, host country, status) of every event, in order."""
    return [(e.visitor.name, e.visitor_country, e.host_country, e.status) for e in document.events]


def only_event(document: Document) -> VisitEvent:
    assert len(document.events) == 1, legs(document)
    return document.events[0]


ARRIVALS = [
    ("arrived-in-city", f"{NAMED} arrived in Quito on Friday for a two-day official visit.", "Quito"),
    ("landed-in-city", f"{NAMED} landed in Quito on Friday ahead of talks on border trade.", "Quito"),
    ("has-arrived", f"{NAMED} has arrived in Quito for talks on border trade.", "Quito"),
    ("reached-city", f"{NAMED} reached Quito on Friday on an official visit.", "Quito"),
    ("arrived-in-country", f"{NAMED} arrived in Ecuador on Friday on an unannounced visit.", None),
]


@pytest.mark.parametrize(("text", "city"), [(t, c) for _, t, c in ARRIVALS], ids=[i for i, _, _ in ARRIVALS])
def test_arrival_gives_an_occurred_visit_to_the_destination(run: Run, text: str, city: str | None) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country, event.status) == (
        "Ana Lucia Torres", "PER", "ECU", "occurred")
    assert event.city == city
    assert event.meetings == []  # an arrival alone names no counterpart


TRAVEL = [
    ("flew-to", f"{NAMED} flew to Quito on Friday for talks on border trade."),
    ("travelled-to", f"{NAMED} travelled to Quito on Friday for talks on border trade."),
    ("headed-to", f"{NAMED} headed to Quito on Friday for talks on border trade."),
    ("is-in", f"{NAMED} is in Ecuador for talks on border trade."),
    ("left-for", f"{NAMED} left for Quito on Friday on a two-day visit."),
]


@pytest.mark.parametrize("text", [t for _, t in TRAVEL], ids=[i for i, _ in TRAVEL])
def test_travel_verb_with_a_destination_gives_a_visit(run: Run, text: str) -> None:
    assert legs(run(text)) == [("Ana Lucia Torres", "PER", "ECU", "occurred")]


FUTURE = [
    ("will-visit", f"{NAMED} will visit Ecuador on Monday, her office said."),
    ("is-scheduled-to-travel", f"{NAMED} is scheduled to travel to Quito on Monday."),
    ("is-expected-to-arrive", f"{NAMED} is expected to arrive in Quito on Monday for talks."),
    ("will-pay-a-visit", f"{NAMED} will pay an official visit to Ecuador on Monday."),
    ("plans-for-x-to-visit", "Plans are underway for Peruvian President Mario Salas to visit Ecuador."),
]


@pytest.mark.parametrize("text", [t for _, t in FUTURE], ids=[i for i, _ in FUTURE])
def test_future_trip_gives_a_planned_visit(run: Run, text: str) -> None:
    assert [leg[1:] for leg in legs(run(text))] == [("PER", "ECU", "planned")]


def test_a_past_trip_to_do_something_is_no_planned_visit(run: Run) -> None:
    text = f"{NAMED} flew to Quito on Friday to visit the Peruvian embassy."
    assert [leg[3] for leg in legs(run(text))] == ["occurred"]


def test_planned_visit_is_dated_by_its_announced_day(run: Run) -> None:
    event = only_event(run(f"{NAMED} will visit Ecuador on Monday, her office said."))
    assert (event.status, event.date) == ("planned", "2025-07-28")


NOMINAL = [
    ("during-her-visit", f"During her visit to Ecuador, {NAMED} met President Marco Vinicio Salazar on Friday."),
    ("possessive-trip", f"{NAMED}'s three-day trip to Ecuador ended on Friday."),
    ("on-a-visit", f"{NAMED}, who is on an official visit to Ecuador, spoke to reporters on Friday."),
    ("paid-a-visit", f"{NAMED} paid an official visit to Ecuador on Friday."),
    ("compound-country", f"{NAMED} has arrived for a three-day Ecuador visit."),
]


@pytest.mark.parametrize("text", [t for _, t in NOMINAL], ids=[i for i, _ in NOMINAL])
def test_nominal_visit_gives_the_visit_of_its_owner(run: Run, text: str) -> None:
    assert legs(run(text))[:1] == [("Ana Lucia Torres", "PER", "ECU", "occurred")]


def test_nominal_visit_with_a_meeting_keeps_the_counterpart_and_date(run: Run) -> None:
    event = only_event(run(f"During her visit to Ecuador, {NAMED} met President Marco Vinicio Salazar on Friday."))
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Marco Vinicio Salazar"]
    assert event.date == "2025-07-25"


UNNAMED_VISITORS = [
    ("possessive-office", f"{UNNAMED} visited Chile on Friday to discuss port investment.",
     "PER", "CHL", "deputy foreign minister"),
    ("delegation", f"{DELEGATION} visited Chile on Friday to discuss port investment.", "PER", "CHL", None),
    ("demonym-office", "A Peruvian deputy minister arrived in Santiago on Friday for talks on port investment.",
     "PER", "CHL", "deputy minister"),
]


@pytest.mark.parametrize(("text", "country", "host", "title"), [r[1:] for r in UNNAMED_VISITORS],
                         ids=[r[0] for r in UNNAMED_VISITORS])
def test_unnamed_visitor_keeps_the_stated_country_and_office(run: Run, text: str, country: str, host: str,
                                                             title: str | None) -> None:
    document = run(text)
    event = only_event(document)
    assert (event.visitor.name, event.visitor_country, event.host_country) == (None, country, host)
    assert (event.visitor.title or "").lower() == (title or "")
    assert document.people == []  # an unnamed visitor is not a person of the article


def test_unnamed_delegation_visiting_several_countries_gives_one_event_each(run: Run) -> None:
    document = run(f"{DELEGATION} visited Chile, Bolivia and Paraguay from July 14 to 24.")
    assert [(e.visitor_country, e.host_country) for e in document.events] == [
        ("PER", "CHL"), ("PER", "BOL"), ("PER", "PRY")]


def test_named_head_absorbs_the_unnamed_description_of_the_same_visit(run: Run) -> None:
    text = (f"{DELEGATION} visited Chile on Friday. {NAMED}, who led the delegation, met "
            "Chilean Economy Minister Pablo Andres Reyes in Santiago on Friday.")
    assert [(e.visitor.name, e.host_country) for e in run(text).events] == [("Ana Lucia Torres", "CHL")]


TOURS = [
    ("earlier-stop", f"{NAMED} arrived in Quito on Friday after a stop in Colombia.",
     [("ECU", "occurred"), ("COL", "occurred")]),
    ("having-visited", f"Having visited Colombia and Panama, {NAMED} arrived in Quito on Friday.",
     [("COL", "occurred"), ("PAN", "occurred"), ("ECU", "occurred")]),
    ("next-travels", f"{NAMED} arrived in Quito on Friday. She next travels to Bolivia.",
     [("ECU", "occurred"), ("BOL", "planned")]),
    ("will-also-take", f"{NAMED} arrived in Quito on Friday, the first stop of a tour that will also take her "
                       "to Bolivia and Chile.", [("ECU", "occurred"), ("BOL", "planned"), ("CHL", "planned")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in TOURS], ids=[i for i, _, _ in TOURS])
def test_tour_gives_one_event_per_leg_with_its_own_status(run: Run, text: str, expected: list) -> None:
    document = run(text)
    assert sorted((e.host_country, e.status) for e in document.events) == sorted(expected), legs(document)
    assert {e.visitor.name for e in document.events} == {"Ana Lucia Torres"}


def test_tour_leg_meeting_is_placed_in_the_country_reached_last(run: Run) -> None:
    text = (f"{NAMED} arrived in Bogota on Monday. She met President Carlos Mario Vargas on Tuesday. "
            "On Wednesday she flew to Quito.")
    by_host = {e.host_country: e for e in run(text).events}
    assert set(by_host) == {"COL", "ECU"}
    assert [p.name for m in by_host["COL"].meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


NOT_VISITS = [
    ("postponed", f"{NAMED} has postponed her visit to Ecuador, her office said on Friday."),
    ("cancelled", f"{NAMED} cancelled a planned trip to Quito on Friday."),
    ("invitation", f"President Marco Vinicio Salazar invited {NAMED} to visit Ecuador."),
    ("phone-call", f"{NAMED} spoke by telephone with Ecuadorian officials about her visit to Ecuador."),
    ("past-trip", f"{NAMED} had travelled to Ecuador last year."),
    ("summit", f"{NAMED} arrived in Quito on Friday for the regional summit."),
    ("recently", f"Recently, {NAMED} was on a three-day visit to Ecuador to attend the celebrations."),
    ("follows", f"The naval drill follows {NAMED}'s visit to Ecuador."),
]


@pytest.mark.parametrize("text", [t for _, t in NOT_VISITS], ids=[i for i, _ in NOT_VISITS])
def test_trip_that_is_no_visit_gives_no_event(run: Run, text: str) -> None:
    assert legs(run(text)) == []


def test_home_agency_official_meeting_another_is_a_domestic_call(run: Run) -> None:
    text = "LIMA, July 25 (Andina) - Navy chief Admiral Jorge Luis Castro called on Governor Miguel Angel Rojas."
    assert legs(run(text)) == []


def test_destination_is_not_taken_from_a_phrase_hanging_off_the_visit(run: Run) -> None:
    text = (f"{NAMED} arrived in Quito on Friday. It is her first visit to Ecuador in the aftermath of the "
            "Chilean decision on tariffs.")
    assert [host for _, _, host, _ in legs(run(text))] == ["ECU"]


def test_arrived_here_goes_to_the_dateline_city(run: Run) -> None:
    event = only_event(run(f"QUITO, July 25 (EFE) - {NAMED} arrived here on Friday on a two-day official visit."))
    assert (event.visitor.name, event.host_country, event.city) == ("Ana Lucia Torres", "ECU", "Quito")


def test_visiting_before_a_country_and_office_marks_the_visitor(run: Run) -> None:
    event = only_event(run("Visiting Peru Army Chief General Tomas Rivas on Friday met Ecuador's Defence Minister "
                           "Carlos Mario Vargas."))
    assert (event.visitor.name, event.host_country) == ("Tomas Rivas", "ECU")


def test_visiting_before_a_name_marks_the_visitor(run: Run) -> None:
    event = only_event(run("Visiting Army Chief General Tomas Rivas on Friday met Defence Minister "
                           "Carlos Mario Vargas in Quito."))
    assert (event.visitor.name, event.host_country) == ("Tomas Rivas", "ECU")


def test_a_past_trip_in_the_same_sentence_does_not_make_the_current_trip_background(run: Run) -> None:
    text = f"{NAMED}'s trip to Ecuador comes weeks after President Marco Vinicio Salazar's visit to Peru in June."
    assert [(name, host) for name, _, host, _ in legs(run(text))] == [("Ana Lucia Torres", "ECU")]


def test_a_trip_dated_by_the_past_month_it_hangs_from_is_background(run: Run) -> None:
    text = (f"{NAMED} spoke by video link with Ecuador's Defence Minister Carlos Mario Vargas. The call followed their "
            "meeting in June, when Vargas travelled to Lima.")
    assert legs(run(text)) == []


def test_upon_arrival_and_is_to_travel_give_the_legs_of_a_tour(run: Run) -> None:
    text = (f"{NAMED} spoke to reporters upon arrival in Quito on Friday. After Ecuador, she is to travel to "
            "Bolivia.")
    assert [(host, status) for _, _, host, status in legs(run(text))] == [("ECU", "occurred"), ("BOL", "planned")]


def test_visitor_country_is_not_guessed_from_another_persons_country(run: Run) -> None:
    text = ("Foreign Minister Ana Lucia Torres arrived in Quito on Friday, the first leg of a tour that will also "
            "take her to Bolivia. Earlier, she said the world had changed since the former Chilean president "
            "Jorge Soto and the Chilean foreign minister Pablo Lagos left office.")
    assert {country for _, country, _, _ in legs(run(text))} == {None}


def test_a_list_of_legs_sharing_one_verb_gives_each_leg_its_own_day(run: Run) -> None:
    text = (f"{NAMED} has arrived in Bolivia on the fourth leg of her tour. She visited Ecuador on Monday, "
            "Colombia on Tuesday, Panama on Wednesday and is set to conclude the trip in Chile on Friday.")
    document = run(text, published="2025-07-24")  # a Thursday
    days = {e.host_country: (e.date, e.status) for e in document.events}
    assert days["ECU"] == ("2025-07-21", "occurred")
    assert days["COL"] == ("2025-07-22", "occurred")
    assert days["PAN"] == ("2025-07-23", "occurred")
    assert days["CHL"] == ("2025-07-25", "planned")
    assert "BOL" in days


def test_in_an_article_about_calls_a_meeting_with_no_trip_is_another_call(run: Run) -> None:
    text = (f"QUITO, July 25 - President Marco Vinicio Salazar held phone talks on Friday with {NAMED}. Following this "
            "conversation, Salazar conferred with Chilean President Pablo Lagos about border trade.")
    assert legs(run(text)) == []


def test_the_visitors_spouse_on_a_tour_joins_the_delegation_of_that_leg(run: Run) -> None:
    text = (f"{NAMED} arrived in Quito on Friday, the first stop of a tour that will also take her to Bolivia.\n\n"
            "Torres and her husband, Miguel Castro, were received by President Marco Vinicio Salazar at the "
            "palace.")
    document = run(text)
    assert [name for name, _, _, _ in legs(document)] == ["Ana Lucia Torres", "Ana Lucia Torres"]
    ecuador = next(e for e in document.events if e.host_country == "ECU")
    assert [p.name for p in ecuador.delegation] == ["Miguel Castro"]


def test_a_visit_to_the_visitors_own_troops_is_no_leg(run: Run) -> None:
    text = (f"{NAMED} visited Ecuador on Thursday. Torres met Defence Minister Carlos Mario Vargas in Quito and "
            "visited Peruvian troops based at Manta.")
    document = run(text)
    assert [(name, host) for name, _, host, _ in legs(document)] == [("Ana Lucia Torres", "ECU")]
    assert [p.name for m in document.events[0].meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


def test_a_delegation_led_by_x_calling_on_y_is_xs_visit(run: Run) -> None:
    text = ("QUITO, July 25 - A high-level defence delegation led by Peru's Air Marshal Jorge Salas Vega called on "
            "Air Marshal Carlos Mario Vargas, Chief of Air Staff, at Air Headquarters.")
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Jorge Salas Vega", "PER", "ECU")
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


def test_on_a_tour_a_meeting_goes_to_the_leg_of_the_counterparts_country(run: Run) -> None:
    text = (f"LIMA, July 24 - {NAMED} will visit Ecuador, Colombia and Panama next week. On Monday, Torres will "
            "meet Ecuadorian President Marco Vinicio Salazar. On Wednesday she will meet Panamanian Foreign "
            "Minister Rosa Elena Duarte.")
    by_host = {e.host_country: [p.name for m in e.meetings for p in m.counterparts] for e in run(text).events}
    assert by_host["ECU"] == ["Marco Vinicio Salazar"]
    assert by_host["PAN"] == ["Rosa Elena Duarte"]
    assert by_host["COL"] == []


def test_a_tour_told_with_starting_and_continuing_is_planned_throughout(run: Run) -> None:
    text = f"{NAMED} will travel to the region, starting in Ecuador on Monday and continuing to Bolivia on Tuesday."
    assert [(host, status) for _, _, host, status in legs(run(text))] == [("ECU", "planned"), ("BOL", "planned")]


def test_a_visit_included_in_a_trip_is_the_travellers(run: Run) -> None:
    text = f"{NAMED} met President Marco Vinicio Salazar in Quito. Her three-day trip included a visit to Bolivia."
    assert {host for _, _, host, _ in legs(run(text))} == {"ECU", "BOL"}


def test_the_outlets_country_is_not_the_visitors_when_the_visitor_goes_there(run: Run) -> None:
    text = ("LIMA, July 24 (Andina) - Prime Minister Taro Sato arrived in Lima on Thursday after a two-day "
            "visit to Ecuador.")
    countries = {host: country for _, country, host, _ in legs(run(text))}
    assert set(countries) == {"PER", "ECU"}
    assert countries["ECU"] != "PER"


def test_a_person_named_as_the_visitors_counterpart_is_met_whatever_the_verb(run: Run) -> None:
    text = (f"QUITO, July 25 - {NAMED} arrived in Quito on Friday. Torres asked her Ecuadorian counterpart "
            "Carlos Mario Vargas to help deepen trade ties.")
    event = only_event(run(text))
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


def test_a_traveller_known_only_from_a_trip_keeps_a_meeting_with_a_person_of_no_stated_country(run: Run) -> None:
    text = ("United Nations Secretary-General Ana Lucia Torres arrived in Quito on Friday. She then met with "
            "Prime Minister Carlos Mario Vargas at his residence.")
    event = only_event(run(text))
    assert event.host_country == "ECU"
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


def test_two_coordinated_subjects_of_a_meeting_meet_each_other(run: Run) -> None:
    text = (f"{NAMED} will visit Ecuador next week. On Monday, Torres and President Marco Vinicio Salazar will "
            "have a bilateral meeting in Quito.")
    event = only_event(run(text))
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Marco Vinicio Salazar"]


SPANS = [
    ("length-and-end", f"{NAMED}'s three-day visit to Ecuador till July 27 comes at the invitation of her "
                       "counterpart.", ("2025-07-25", "2025-07-27")),
    ("length-and-trip-day", f"{NAMED} will travel to Ecuador on Wednesday on a four-day official visit.",
     ("2025-07-30", "2025-08-02")),
    ("length-and-arrival", f"{NAMED} arrived in Quito on Friday on a three-day official visit.",
     ("2025-07-25", "2025-07-27")),
    # The day the visit began beats the later arrival in the capital; "will be in ... till" ends it.
    ("began-on-and-stays-till", f"{NAMED} arrived in Quito on Friday. Torres, who began her six-day "
                                "official visit to Ecuador on July 21 with a stop in Guayaquil, will be in "
                                "Ecuador till July 26.", ("2025-07-21", "2025-07-26")),
    ("began-on-and-length", f"{NAMED} arrived in Quito on Friday. Torres, who commenced her four-day visit "
                            "to Ecuador on July 23 in Cuenca, will meet the president.",
     ("2025-07-23", "2025-07-26")),
    ("is-in-until", f"{NAMED} arrived in Quito on July 23. Torres, who is in Ecuador for a state visit until "
                    "Saturday (July 26), met the president.", ("2025-07-23", "2025-07-26")),
    ("visit-beginning-weekday", f"{NAMED} will embark on a three-day visit to Ecuador beginning Monday.",
     ("2025-07-28", "2025-07-30")),
]


def test_each_leg_of_a_tour_takes_the_range_printed_after_its_name(run: Run) -> None:
    text = (f"{NAMED} begins a five-day tour of Chile and Bolivia on Monday. Torres will visit Chile from "
            "August 4 to 6 while her visit to Bolivia will be from August 7 to 8.")
    spans = {e.host_country: (e.start_date, e.end_date) for e in run(text).events}
    assert spans == {"CHL": ("2025-08-04", "2025-08-06"), "BOL": ("2025-08-07", "2025-08-08")}


@pytest.mark.parametrize(("text", "span"), [(t, s) for _, t, s in SPANS], ids=[i for i, _, _ in SPANS])
def test_a_visits_length_and_one_end_give_its_span(run: Run, text: str, span: tuple[str, str]) -> None:
    event = only_event(run(text))
    assert (event.start_date, event.end_date) == span


@pytest.mark.parametrize("text", [
    "President Sone Vilay received a high-level delegation from the National Assembly of Vietnam led by Vice "
    "Chairwoman Tran Thi Mai in Vientiane on Friday.",
    "President Sone Vilay received a Vietnamese parliamentary delegation headed by Vice Chairwoman Tran Thi Mai "
    "in Vientiane on Friday.",
])
def test_the_head_of_a_delegation_named_for_a_country_is_of_that_country(run: Run, text: str) -> None:
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Tran Thi Mai", "VNM", "LAO")


def test_a_body_named_for_a_country_tells_the_other_side_of_a_tour(run: Run) -> None:
    text = ("Fresh off his state visit to Cambodia, President Daniel Koh arrived in Vientiane, Laos, on Friday. "
            "He will visit a school where the Singapore International Foundation trains teachers.")
    assert {(e.visitor_country, e.host_country) for e in run(text).events} == {("SGP", "KHM"), ("SGP", "LAO")}


def test_the_named_head_takes_the_country_of_the_unnamed_description_of_his_visit(run: Run) -> None:
    text = ("Peru's foreign minister arrived in Quito on Friday for talks. Minister Ana Lucia Torres and her delegation "
            "met Ecuadorian Foreign Minister Carlos Mario Vargas, according to Luis Pena, a spokesman for the ministry.")
    event = only_event(run(text))
    assert (event.visitor.name, event.visitor_country, event.host_country) == ("Ana Lucia Torres", "PER", "ECU")
    assert [p.name for m in event.meetings for p in m.counterparts] == ["Carlos Mario Vargas"]


@pytest.mark.parametrize("text", [
    f"{NAMED} left Lima on Friday for an official visit to Ecuador. Also accompanying the minister are Senator "
    "Rosa Quispe, Ambassador Mario Salas and Pedro Rojas, Director of Communications.",
    f"{NAMED} left Lima on Friday for an official visit to Ecuador. Senator Rosa Quispe, Ambassador Mario Salas "
    "and Pedro Rojas, Director of Communications, accompanied Torres.",
])
def test_the_visitors_delegation_is_of_the_visitors_country(run: Run, text: str) -> None:
    document = run(text)
    event = only_event(document)
    assert [p.name for p in event.delegation] == ["Rosa Quispe", "Mario Salas", "Pedro Rojas"]
    assert {p.name: p.country for p in document.people if p.name != "Ana Lucia Torres"} == {
        "Rosa Quispe": "PER", "Mario Salas": "PER", "Pedro Rojas": "PER"}


def test_a_minister_travelling_with_the_president_is_in_the_presidents_delegation(run: Run) -> None:
    text = ("Peruvian President Rosa Quispe arrived in Quito on Friday on a state visit and met President Marco "
            "Vinicio Salazar. On Friday, Ecuadorian Security Minister Luis Pena held a separate meeting with his "
            "Peruvian counterpart Mario Salas.")
    event = only_event(run(text))
    assert (event.visitor.name, event.host_country) == ("Rosa Quispe", "ECU")
    assert "Mario Salas" in [p.name for p in event.delegation]


def test_two_ministers_on_one_trip_are_two_visits(run: Run) -> None:
    text = ("Peruvian Foreign Minister Rosa Quispe and Peruvian Defence Minister Mario Salas arrived in Quito on "
            "Friday. Quispe met Ecuadorian Foreign Minister Luis Pena and Salas met Ecuadorian Defence Minister "
            "Carlos Vargas.")
    assert sorted(e.visitor.name for e in run(text).events) == ["Mario Salas", "Rosa Quispe"]


@pytest.mark.parametrize("later", [
    "The delegation was received by Ecuadorian Trade Minister Luis Pena on Friday.",
    "Ecuadorian Trade Minister Luis Pena received the delegation on Friday.",
    "The Peruvian officials held talks with Ecuadorian Trade Minister Luis Pena on Friday.",
])
def test_the_delegation_named_again_later_is_the_unnamed_visitor(run: Run, later: str) -> None:
    event = only_event(run(f"{DELEGATION} arrived in Quito on Thursday for a two-day working visit. {later}"))
    assert (event.visitor.name, event.visitor_country, event.host_country) == (None, "PER", "ECU")
    assert [c.name for m in event.meetings for c in m.counterparts] == ["Luis Pena"]
    assert event.date == "2025-07-25"


def test_a_meeting_set_in_a_city_of_the_counterparts_country_is_that_leg(run: Run) -> None:
    text = (f"{NAMED} met Colombian Foreign Minister Luis Pena in Bogota on Monday before arriving in Quito "
            "on Wednesday.")
    events = {e.host_country: e for e in run(text).events}
    assert [c.name for m in events["COL"].meetings for c in m.counterparts] == ["Luis Pena"]
    assert events["COL"].city == "Bogotá"


def test_on_a_tour_the_visit_type_and_outcomes_stay_with_the_leg_they_are_told_of(run: Run) -> None:
    text = (f"{NAMED} left Quito on Friday for Bolivia, the next stop of her tour. During her three-day official "
            "visit to Ecuador, Torres held talks with Ecuadorian Foreign Minister Luis Pena. The two ministers "
            "agreed to reopen two border crossings.\n\nIn La Paz, Torres will meet Bolivian Foreign Minister "
            "Carlos Vargas on Saturday.")
    events = {e.host_country: e for e in run(text).events}
    assert (events["ECU"].visit_type, events["BOL"].visit_type) == ("official", None)
    assert events["ECU"].outcomes and not events["BOL"].outcomes


def test_a_headlines_present_tense_does_not_start_the_next_leg(run: Run) -> None:
    text = ("Peruvian minister leaves Ecuador for Bolivia\n\nQUITO, July 26 (Reuters) - " + NAMED +
            " left Quito on Saturday for Bolivia, the next stop of her tour. In La Paz, Torres will meet Bolivian "
            "Foreign Minister Carlos Vargas on Monday.")
    events = {e.host_country: e for e in run(text).events}
    assert events["BOL"].status == "planned"
