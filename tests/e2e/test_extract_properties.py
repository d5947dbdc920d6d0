"""Properties of `extract` on any text (hypothesis): it never raises, and spans point into the input."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor import extract
from extractor.batch import Extracted, extract_articles
from extractor.sources import Article
from models.spans import spans_in

# Newswire-ish words mixed into arbitrary text, so the rules (ranks, titles, visits) get exercised.
WORDS = st.sampled_from([
    "ISLAMABAD,", "July 26 (APP):", "Lt Gen", "General", "Prime Minister", "Foreign Minister", "met",
    "called on", "held talks with", "visited", "Pakistan", "Chinese", "counterpart", "in", "Beijing", "on",
    "Friday", "the", "Chief of Army Staff", "Asim Munir", "Wang Yi", ".", ",", "\n", "\n\n", "  ", "—", "’s",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join),
)
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])




@PROPERTY_SETTINGS
@given(text=TEXTS)
def test_extract_never_raises_and_every_span_is_the_input_slice(nlp: Language, text: str) -> None:
    document = extract(text, nlp=nlp)
    for span in spans_in(document.model_dump()):
        assert span["text"] == text[span["start"] : span["end"]]


@PROPERTY_SETTINGS
@given(text=TEXTS.filter(str.strip), size=st.integers(min_value=20, max_value=200))
def test_batch_extraction_in_parts_keeps_every_span_on_the_input_slice(nlp: Language, text: str,
                                                                         size: int) -> None:
    [result] = extract_articles(nlp, [Article("x.txt", text)], max_chars=size)
    assert isinstance(result, Extracted), result
    for span in spans_in(json.loads(result.document)):
        assert span["text"] == text[span["start"] : span["end"]]
