"""models: the pydantic record (no spaCy): validation, JSON round trips and a described schema."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from models import SCHEMA_VERSION, Document, Meeting, Person, Place, Plover, Source, Span, VisitEvent


def _document() -> Document:
    text = "Lt Gen Tomas Barasa called on General Imran Qureshi in Rawalpindi on Friday."
    visitor = Person(
        name="Tomas Barasa",
        aliases=["Lt Gen Tomas Barasa"],
        rank="Lieutenant General",
        rank_abbr="Lt Gen",
        rank_code="OF-8",
        title="Commander",
        organization="Kenya Army",
        country="KEN",
        mentions=[Span(start=7, end=19, text=text[7:19])],
    )
    host = Person(name="Imran Qureshi", rank="General", country="PAK", mentions=[Span(start=38, end=51, text=text[38:51])])
    event = VisitEvent(
        status="occurred",
        visitor=visitor,
        visitor_country="KEN",
        host_country="PAK",
        city="Rawalpindi",
        date="2025-07-25",
        date_text="on Friday",
        meetings=[Meeting(counterparts=[host], city="Rawalpindi", date="2025-07-25", topics=["defence cooperation"])],
        cameo="043",
        plover=Plover(mode="host"),
        confidence=0.9,
        evidence=[Span(start=0, end=len(text), text=text)],
    )
    return Document(
        source=Source(path="a.txt", sha256="0" * 64, published="2025-07-26", dateline="RAWALPINDI", outlet="APP"),
        events=[event],
        people=[visitor, host],
        places=[Place(name="Rawalpindi", kind="city", country="PAK")],
        warnings=["example warning"],
    )


def test_span_end_may_equal_start() -> None:
    assert Span(start=4, end=4, text="").end == 4


@pytest.mark.parametrize(("start", "end"), [(5, 4), (-1, 3), (0, -1)], ids=["end-before-start", "negative-start", "negative-end"])
def test_span_with_end_before_start_or_negative_offsets_is_rejected(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text="x")


def test_document_json_round_trip_is_identity() -> None:
    document = _document()
    assert Document.model_validate_json(document.model_dump_json()) == document


def test_empty_document_round_trips_and_has_the_schema_version() -> None:
    document = Document(source=Source(sha256="abc"))
    assert document.schema_version == SCHEMA_VERSION == "1.1"
    assert Document.model_validate_json(document.model_dump_json()) == document


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Span, {"start": 0, "end": 1, "text": "x", "label": "PERSON"}),
        (Person, {"name": "A B", "nickname": "AB"}),
        (Source, {"sha256": "abc", "url": "https://example.org"}),
        (Document, {"source": {"sha256": "abc"}, "extra": 1}),
        (Plover, {"mode": "visit", "code": "042"}),
    ],
    ids=["span", "person", "source", "document", "plover"],
)
def test_unknown_fields_are_forbidden(model: type[Any], data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        model.model_validate(data)


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "rumoured"), ("cameo", "040"), ("confidence", 1.5), ("visit_type", "secret")],
)
def test_visit_event_rejects_values_outside_the_contract(field: str, value: object) -> None:
    data = _document().events[0].model_dump()
    data[field] = value
    with pytest.raises(ValidationError):
        VisitEvent.model_validate(data)


def test_place_kind_is_a_closed_choice() -> None:
    with pytest.raises(ValidationError):
        Place(name="Somewhere", kind="planet")


def test_records_are_frozen() -> None:
    person = Person(name="A B")
    with pytest.raises(ValidationError):
        person.name = "C D"  # type: ignore[misc]


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = [("Document", name, prop) for name, prop in schema["properties"].items()]
    for model, definition in schema.get("$defs", {}).items():
        found.extend((model, name, prop) for name, prop in definition.get("properties", {}).items())
    return found


def _description(schema: dict[str, Any], prop: dict[str, Any]) -> str | None:
    # pydantic leaves a bare {"$ref"} when the field's description equals the model's docstring.
    if "$ref" in prop and "description" not in prop:
        return schema["$defs"][prop["$ref"].rsplit("/", 1)[-1]].get("description")
    return prop.get("description")


def test_json_schema_describes_every_property() -> None:
    schema = Document.model_json_schema()
    undocumented = [
        f"{model}.{name}" for model, name, prop in _properties(schema) if not _description(schema, prop)
    ]
    assert undocumented == []
    assert len(_properties(schema)) > 40


def test_json_schema_names_the_contract_core() -> None:
    schema = Document.model_json_schema()
    assert set(schema["properties"]) >= {"schema_version", "source", "events", "people", "organizations", "places", "warnings"}
    event = schema["$defs"]["VisitEvent"]["properties"]
    assert set(event) >= {"status", "visitor", "visitor_country", "host_country", "city", "date", "date_text",
                          "start_date", "end_date", "visit_type", "meetings", "delegation", "topics", "outcomes",
                          "ceremonies", "cameo", "plover", "confidence", "evidence"}
    person = schema["$defs"]["Person"]["properties"]
    assert set(person) >= {"name", "aliases", "rank", "rank_abbr", "rank_code", "title", "organization", "country",
                           "mentions"}


def test_spans_in_walks_every_span_of_a_dumped_record() -> None:
    from models.spans import spans_in

    record = {"a": {"start": 0, "end": 2, "text": "ab"}, "b": [{"start": 3, "end": 4, "text": "c", "x": 1},
                                                           [{"start": 5, "end": 5, "text": ""}]]}
    assert list(spans_in(record)) == [{"start": 0, "end": 2, "text": "ab"}, {"start": 5, "end": 5, "text": ""}]
