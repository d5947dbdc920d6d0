"""The HTML page of a record: highlights from mentions, links to evidence, no network, no text needed."""

from __future__ import annotations

import re

import pytest

from extractor.page import render_page, sparse_text, text_matches
from models import Document, Meeting, Person, Place, Plover, Source, Span, VisitEvent

TEXT = ("ACCRA, Nov. 5 - Portuguese President Helena Duarte met Ghanaian President Kwabena Mensah at "
        "Jubilee House on Tuesday.\nThey discussed trade <and> energy.")


def _span(needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _record() -> Document:
    sentence = _span(TEXT.split("\n")[0])
    visitor = Person(name="Helena Duarte", title="President", country="PRT", mentions=[_span("Helena Duarte")])
    host = Person(name="Kwabena Mensah", title="President", country="GHA", mentions=[_span("Kwabena Mensah")])
    meeting = Meeting(counterparts=[host], venue="Jubilee House", date="2024-11-05", date_text="on Tuesday",
                      evidence=[sentence])
    event = VisitEvent(status="occurred", visitor=visitor, visitor_country="PRT", host_country="GHA",
                       city="Accra", date="2024-11-05", date_text="on Tuesday", meetings=[meeting], cameo="043",
                       plover=Plover(mode="host"), confidence=0.9, evidence=[sentence])
    return Document(source=Source(path="visit.txt", sha256="0" * 64), events=[event], people=[visitor, host],
                    places=[Place(name="Accra", kind="city", country="GHA", mentions=[_span("ACCRA")])])


def test_entities_are_highlighted_by_kind_and_the_card_links_to_them() -> None:
    page = render_page(_record(), TEXT)
    assert re.search(r'<mark class="ent person" id="(m[\d-]+)">Helena Duarte', page)
    assert '<mark class="ent city"' in page
    assert '<mark class="ent venue"' in page
    assert '<mark class="ent date"' in page
    start = TEXT.index("Kwabena Mensah")
    assert f'href="#m{start}-{start + len("Kwabena Mensah")}">Kwabena Mensah</a>' in page
    for target in set(re.findall(r'href="#([^"]+)"', page)):
        assert f'id="{target}"' in page, target


def test_the_text_is_escaped_and_nothing_is_fetched() -> None:
    page = render_page(_record(), TEXT)
    assert "trade &lt;and&gt; energy" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)|@import|url\(""", page)
    assert "default-src 'none'" in page


def test_without_the_text_the_page_shows_what_the_record_carries() -> None:
    record = _record()
    assert text_matches(record, TEXT)
    assert not text_matches(record, TEXT.replace("Helena", "Helene"))
    rebuilt = sparse_text(record)
    assert rebuilt.startswith("ACCRA")
    page = render_page(record)
    assert "Helena Duarte" in page
    assert "energy" not in page


@pytest.mark.parametrize("text", [None, TEXT], ids=["record-only", "with-text"])
def test_a_record_without_a_visit_gets_a_plain_card(text: str | None) -> None:
    record = Document(source=Source(sha256="0" * 64), people=_record().people)
    page = render_page(record, text)
    assert "No visit reported" in page
    assert "Kwabena Mensah" in page
    assert ("[…]" in page) is (text is None)
