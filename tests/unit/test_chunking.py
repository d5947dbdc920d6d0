"""Very long texts: sentence-aligned parts that cover the text, and records merged back into one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.chunking import merge_documents, split_text
from models import Document, Person, Source, Span


def test_a_short_text_is_one_part() -> None:
    assert split_text("Short.", 100) == [(0, "Short.")]


def test_parts_end_at_sentence_ends() -> None:
    text = "The minister arrived on Monday. " * 10
    parts = split_text(text, 100)
    assert "".join(part for _, part in parts) == text
    assert all(part.endswith(". ") for _, part in parts)
    assert all(len(part) <= 100 for _, part in parts)


def test_paragraph_breaks_are_preferred_to_sentence_ends() -> None:
    text = "First paragraph. It goes on.\n\nSecond paragraph. It also goes on here."
    assert split_text(text, 50)[0] == (0, "First paragraph. It goes on.\n\n")


@given(st.text(max_size=400), st.integers(min_value=1, max_value=60))
def test_parts_cover_the_text_exactly_and_stay_within_the_size(text: str, size: int) -> None:
    parts = split_text(text, size)
    assert "".join(part for _, part in parts) == text
    assert all(text[offset : offset + len(part)] == part for offset, part in parts)
    assert all(len(part) <= size for _, part in parts)


def _part(text: str, name: str, start: int) -> Document:
    person = Person(name=name, mentions=[Span(start=start, end=start + len(name), text=name)])
    return Document(source=Source(path="a.txt", sha256="part", dateline="LIMA"), people=[person],
                    warnings=["no publication date: relative dates unresolved"])


def test_merged_records_point_into_the_whole_text() -> None:
    first, second = "Ana Silva met Bo Li. ", "Ana Silva left."
    merged = merge_documents([(0, _part(first, "Ana Silva", 0)), (len(first), _part(second, "Ana Silva", 0))],
                             sha256="whole")
    text = first + second
    [person] = merged.people
    assert [(m.start, m.end) for m in person.mentions] == [(0, 9), (21, 30)]
    assert all(text[m.start : m.end] == m.text for m in person.mentions)
    assert merged.source.sha256 == "whole" and merged.source.dateline == "LIMA"
    assert merged.warnings == ["no publication date: relative dates unresolved",
                               "long text: processed in 2 sentence-aligned parts"]
