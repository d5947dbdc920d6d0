"""The evaluation scorer: name and label matching, P/R/F1 arithmetic, answer keys, and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluation import (
    FIELDS,
    Tally,
    closest_person,
    name_words,
    read_predictions,
    same_label,
    same_person,
    score,
)
from extractor.gold import GoldArticle, GoldError, gold_schema, load_gold, shipped_schema_text
from models import Document, Meeting, Organization, Person, Place, Plover, Source, VisitEvent

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Saddam Khalifa Haftar", "Haftar"),
        ("Saddam Khalifa Haftar", "Lt Gen Haftar"),
        ("Saddam Khalifa Haftar", "Lieutenant General Saddam Khalifa Haftar"),
        ("Syed Asim Munir", "Field Marshal Asim Munir"),
        ("Asim Munir", "General Syed Asim Munir"),
        ("Tauqir Shah", "Dr. Tauqir Shah"),
        ("Mohamed bin Zayed Al Nahyan", "His Highness Sheikh Mohamed bin Zayed Al Nahyan"),
        ("Nicholas Patrick Carter", "Nicholas Carter"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Lloyd J. Austin III", "Lloyd Austin"),
        ("Peter Mwangi Njoroge", "Air Chief Marshal (Retd) Peter Mwangi Njoroge"),
    ],
    ids=["surname", "rank-abbr", "rank-full", "field-marshal", "honorific-in-gold", "dr", "royal-style",
         "middle-name-dropped", "diacritics", "suffix-and-initial", "retired-rank"],
)
def test_names_match_across_honorifics_and_rank_words(gold: str, predicted: str) -> None:
    assert same_person(gold, predicted)
    assert same_person(predicted, gold)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Shehbaz Sharif", "Nawaz Sharif"),
        ("Asim Munir", "Asim Iftikhar"),
        ("Tran Minh Duc", "Le Thanh Hai"),
        ("Faisal Karim Abbasi", "General"),
        ("Faisal Karim Abbasi", "Dr."),
        ("Mohamed bin Zayed", "Mohamed bin Salman"),
        ("John Major", "John Smith"),
        ("Khalid Rasheed Awan", ""),
        ("Khalid Rasheed Awan", None),
    ],
    ids=["same-surname", "same-first-name", "unrelated", "rank-only", "honorific-only", "particle-shared",
         "surname-that-is-a-rank", "empty", "none"],
)
def test_a_different_person_never_matches(gold: str, predicted: str | None) -> None:
    assert not same_person(gold, predicted)


def test_a_rank_word_is_dropped_only_before_the_name() -> None:
    assert name_words("Major John Smith") == ["john", "smith"]
    assert name_words("John Major") == ["john", "major"]


def test_closest_person_prefers_the_most_shared_words() -> None:
    people = [Person(name="Sharif"), Person(name="Shehbaz Sharif"), Person(name="Nawaz Sharif")]
    found = closest_person("Muhammad Shehbaz Sharif", people)
    assert found is not None
    assert found.name == "Shehbaz Sharif"
    assert closest_person("Imran Khan", people) is None


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Chief of Army Staff", "Chief of the Army Staff", True),
        ("Inter-Services Public Relations", "Inter Services Public Relations (ISPR)", True),
        ("Türkiye", "Turkiye", True),
        ("Federal Minister for Defence", "Minister for Defence", True),
        ("Prime Minister", "President", False),
        ("Chief of Army Staff", "Chief of Naval Staff", False),
        ("Rawalpindi", None, False),
    ],
    ids=["article", "acronym-in-parentheses", "diacritics", "most-words", "other-office", "other-service",
         "missing"],
)
def test_labels_match_on_most_of_their_words(gold: str, predicted: str | None, same: bool) -> None:
    assert same_label(gold, predicted) is same


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f1"),
    [
        (3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
        (4, 0, 0, 1.0, 1.0, 1.0),
        (0, 2, 0, 0.0, 0.0, 0.0),
        (0, 0, 3, 0.0, 0.0, 0.0),
        (1, 0, 1, 1.0, 0.5, 2 / 3),
        (0, 0, 0, None, None, None),
    ],
    ids=["mixed", "perfect", "only-false-positives", "only-misses", "half-recall", "nothing-to-score"],
)
def test_precision_recall_and_f1_arithmetic(tp: int, fp: int, fn: int, precision: float | None,
                                            recall: float | None, f1: float | None) -> None:
    tally = Tally(tp, fp, fn)
    assert tally.precision == pytest.approx(precision)
    assert tally.recall == pytest.approx(recall)
    assert tally.f1 == pytest.approx(f1)


def test_matching_is_greedy_in_key_order_and_returns_the_unpaired() -> None:
    tally = Tally()
    missed, extra = tally.match(["a", "b", "c"], ["b", "x", "a"], lambda g, p: g == p)
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 1)
    assert missed == ["c"]
    assert extra == ["x"]


def _person(name: str, **fields: object) -> Person:
    return Person(name=name, **fields)  # type: ignore[arg-type]


def _event(visitor: Person, host: str, meetings: list[Meeting], **fields: object) -> VisitEvent:
    return VisitEvent(status="occurred", visitor=visitor, host_country=host, meetings=meetings, cameo="043",
                      plover=Plover(mode="host"), confidence=0.9, **fields)  # type: ignore[arg-type]


KEY = GoldArticle.model_validate({
    "id": "a1", "kind": "international_visit", "published": "2025-03-14",
    "events": [{
        "visitor": {"name": "Peter Mwangi Njoroge", "rank": "Lieutenant General", "country": "KEN"},
        "host_country": "PAK", "city": "Islamabad", "date": "2025-03-13", "status": "occurred",
        "counterparts": [{"name": "Khalid Rasheed Awan"}, {"name": "Faisal Karim Abbasi"}],
    }],
    "people": [
        {"name": "Peter Mwangi Njoroge", "rank": "Lieutenant General", "title": "Commander", "country": "KEN"},
        {"name": "Khalid Rasheed Awan", "title": "Prime Minister", "country": "PAK"},
        {"name": "Faisal Karim Abbasi", "rank": "General", "title": "Chief of Army Staff", "country": "PAK"},
    ],
    "organizations": ["Inter-Services Public Relations", "Pakistan Army"],
    "places": ["Islamabad", "Pakistan", "Kenya"],
})


def _prediction() -> Document:
    visitor = _person("Peter Mwangi Njoroge", rank="Lieutenant General", title="Commander", country="KEN")
    awan = _person("Khalid Rasheed Awan", title="Prime Minister", country="PAK")
    abbasi = _person("Faisal Karim Abbasi", rank="General", title="Chief of Naval Staff", country="PAK")
    event = _event(visitor, "PAK", [Meeting(counterparts=[awan]), Meeting(attendees=[abbasi])],
                   visitor_country="KEN", city="Islamabad", date="2025-03-14")
    return Document(
        source=Source(path="a1.txt", sha256="0" * 64),
        events=[event],
        people=[visitor, awan, abbasi, _person("Grace Wafula")],
        organizations=[Organization(name="Inter-Services Public Relations", acronym="ISPR"),
                       Organization(name="Yadgar")],
        places=[Place(name="Islamabad", kind="city"), Place(name="Pakistan", kind="country")],
    )


def test_a_record_is_scored_field_by_field_with_each_miss_listed() -> None:
    scores = score([KEY], {"a1": _prediction()})
    t = scores.tallies
    assert (t["visit_detection"].tp, t["events"].tp) == (1, 1)
    assert (t["city"].tp, t["date"].fn) == (1, 1)
    # An attendee the key calls a counterpart counts for recall; it is no false positive.
    assert (t["counterparts"].tp, t["counterparts"].fp, t["counterparts"].fn) == (2, 0, 0)
    assert (t["people"].tp, t["people"].fp, t["people"].fn) == (3, 1, 0)
    assert (t["person_title"].tp, t["person_title"].fn) == (2, 1)
    assert (t["organizations"].tp, t["organizations"].fp, t["organizations"].fn) == (1, 1, 1)
    assert (t["places"].tp, t["places"].fn) == (2, 1)
    wrong = {(m.field, m.gold, m.predicted) for m in scores.misses}
    assert ("date", "Peter Mwangi Njoroge: 2025-03-13", "2025-03-14") in wrong
    assert ("person_title", "Faisal Karim Abbasi: Chief of Army Staff", "Chief of Naval Staff") in wrong
    assert ("people", None, "Grace Wafula") in wrong
    assert ("organizations", "Pakistan Army", None) in wrong
    assert ("places", "Kenya", None) in wrong
    assert all(m.article == "a1" for m in scores.misses)


def test_a_missing_record_scores_as_all_misses() -> None:
    scores = score([KEY], {})
    assert scores.tallies["visit_detection"].fn == 1
    assert scores.tallies["people"].fn == 3
    assert scores.headline == 0.0


def test_a_rightly_rejected_non_visit_is_not_counted() -> None:
    key = GoldArticle(id="n1", kind="phone_or_virtual")
    scores = score([key], {"n1": Document(source=Source(sha256="0" * 64))})
    assert scores.tallies["visit_detection"].total == 0
    assert scores.misses == []


def test_the_headline_is_the_mean_f1_of_the_fields_scored() -> None:
    scores = score([KEY], {"a1": _prediction()})
    figures = [t.f1 for t in scores.tallies.values() if t.f1 is not None]
    assert scores.headline == pytest.approx(sum(figures) / len(figures))
    summary = scores.to_dict()
    assert set(summary["fields"]) == {f.name for f in FIELDS}  # type: ignore[arg-type]
    json.dumps(summary)


def test_a_prediction_that_copies_the_key_scores_one_everywhere() -> None:
    def person(p: dict[str, object]) -> Person:
        return Person(**{k: v for k, v in p.items() if k in Person.model_fields})  # type: ignore[arg-type]

    for case in load_gold(SAMPLES):
        key = case.key
        events = [
            VisitEvent(status=e.status, visitor=person(e.visitor.model_dump() if e.visitor else {"name": "?"}),
                       visitor_country=e.visitor.country if e.visitor else None, host_country=e.host_country,
                       city=e.city, date=e.date, start_date=e.start_date, end_date=e.end_date,
                       visit_type=e.visit_type, meetings=[Meeting(counterparts=[person(c.model_dump())
                                                                                for c in e.counterparts])],
                       cameo="043", plover=Plover(mode="host"), confidence=1.0)
            for e in key.events
        ]
        document = Document(source=Source(sha256="0" * 64), events=events,
                            people=[person(p.model_dump()) for p in key.people],
                            organizations=[Organization(name=o) for o in key.organizations],
                            places=[Place(name=p, kind="other") for p in key.places])
        scores = score([key], {key.id: document})
        assert scores.misses == [], key.id
        assert all(t.f1 in (None, 1.0) for t in scores.tallies.values()), key.id


def test_the_samples_are_valid_answer_keys_with_a_note() -> None:
    cases = load_gold(SAMPLES)
    assert len(cases) >= 5
    kinds = {c.key.kind for c in cases}
    assert {"international_visit", "planned_visit", "phone_or_virtual"} <= kinds
    for case in cases:
        assert case.key.note and "diplo" in case.key.note
        assert case.text_path is not None and case.text_path.is_file()


def test_the_shipped_schema_is_the_models_schema() -> None:
    assert json.loads(shipped_schema_text()) == gold_schema()


def _key(id_: str, **fields: object) -> dict[str, object]:
    return {"id": id_, "kind": "not_a_visit", **fields}


def test_keys_load_from_a_folder_a_single_file_and_json_lines(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text(json.dumps(_key("b")))
    (tmp_path / "a.json").write_text(json.dumps(_key("a", text="Inline article.")))
    (tmp_path / "a.expected.json").write_text(json.dumps({"schema_version": "1.0"}))
    assert [c.key.id for c in load_gold(tmp_path)] == ["a", "b"]
    assert load_gold(tmp_path)[0].read_text() == "Inline article."
    lines = tmp_path / "keys.jsonl"
    lines.write_text(json.dumps(_key("x")) + "\n\n" + json.dumps(_key("y", text_file="y.txt")) + "\n")
    cases = load_gold(lines)
    assert [c.key.id for c in cases] == ["x", "y"]
    assert cases[1].text_path == tmp_path / "y.txt"
    assert [c.key.id for c in load_gold(tmp_path / "b.json")] == ["b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps(_key("a", kind="visit")), "kind: Input should be"),
        (json.dumps(_key("a", published="14 March 2025")), "published: String should match pattern"),
        (json.dumps(_key("a", counterpart=[])), "counterpart: Extra inputs are not permitted"),
        (json.dumps(_key("a", people=[{"name": "X", "country": "Pakistan"}])), "people.0.country"),
        (json.dumps(_key("a")) + "\n" + json.dumps(_key("a")) + "\n", "duplicate ids: a"),
        ("{not json\n", "keys.jsonl:1: not JSON"),
    ],
    ids=["kind", "date-format", "unknown-field", "country-code", "duplicate-id", "bad-json"],
)
def test_a_bad_key_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "keys.jsonl"
    path.write_text(content)
    with pytest.raises(GoldError, match=message.replace(".", r"\.")):
        load_gold(path)


def test_predictions_are_matched_to_keys_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "a1.json").write_text(KEY.model_dump_json())
    cases = load_gold(tmp_path)
    record = _prediction().model_copy(update={"source": Source(path="/elsewhere/a1.txt", sha256="0" * 64)})
    other = Document(source=Source(path="zz.txt", sha256="0" * 64))
    out = tmp_path / "out.jsonl"
    out.write_text(other.model_dump_json() + "\n" + record.model_dump_json() + "\n")
    assert read_predictions(out, cases) == {"a1": record}
