"""diplo's components in a user's own spaCy pipeline: `spacy.load` then `nlp.add_pipe` of each one."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from extractor import extract
from extractor.pipeline import default_model

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "commander-visit.txt"


def test_components_added_to_a_loaded_model_give_the_record_of_load_pipeline(nlp: Language) -> None:
    user = spacy.load(default_model())
    user.add_pipe("diplo_line_breaks", before="parser")
    user.add_pipe("diplo_lexicon")
    user.add_pipe("diplo_entities")
    user.add_pipe("diplo_visit_events")
    text = SAMPLE.read_text(encoding="utf-8")
    expected = extract(text, source={"path": "seed"}, nlp=nlp)
    assert [e.visitor.name for e in expected.events] == ["Rauf Elmar Guliyev"]
    assert extract(text, source={"path": "seed"}, nlp=user) == expected
