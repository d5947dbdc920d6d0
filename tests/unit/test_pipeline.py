"""extractor.pipeline: pipe names and order, save/load round trip, clear errors for bad models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor import extract
from extractor.errors import ExitCode, ModelError
from extractor.pipeline import load_pipeline

ARTICLE = (
    "Published: July 26, 2025\n\n"
    "RAWALPINDI (APP): Commander Kenya Army Lt Gen Tomas Okello Barasa called on Chief of Army Staff "
    "General Imran Saleem Qureshi at GHQ on Friday. Matters of mutual interest, including defence "
    "cooperation, were discussed.\n"
)


def test_diplo_pipes_are_added_by_name(nlp: Language) -> None:
    assert {"diplo_line_breaks", "diplo_lexicon", "diplo_entities", "diplo_visit_events"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("diplo_line_breaks", "parser"),
        ("ner", "diplo_lexicon"),
        ("ner", "diplo_entities"),
        ("ner", "diplo_visit_events"),
        ("diplo_lexicon", "diplo_entities"),
        ("diplo_entities", "diplo_visit_events"),
    ],
    ids=lambda name: name,
)
def test_pipes_run_in_order(nlp: Language, first: str, second: str) -> None:
    names = nlp.pipe_names
    assert names.index(first) < names.index(second)


def test_visit_events_pipe_runs_last(nlp: Language) -> None:
    assert nlp.pipe_names[-1] == "diplo_visit_events"


def test_load_pipeline_is_cached(nlp: Language) -> None:
    assert load_pipeline() is nlp


def test_saved_pipeline_loads_and_gives_identical_output(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "diplo")
    loaded = spacy.load(tmp_path / "diplo")
    assert loaded.pipe_names == nlp.pipe_names
    expected = extract(ARTICLE, nlp=nlp)
    assert expected.events, "the article should report a visit, or the comparison proves little"
    assert extract(ARTICLE, nlp=loaded) == expected


def test_saved_pipeline_loads_in_a_process_that_never_imported_diplo(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "diplo")
    script = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'diplo')!r})\n"
        "print(','.join(nlp.pipe_names))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ",".join(nlp.pipe_names)


def test_unknown_model_name_raises_model_error() -> None:
    with pytest.raises(ModelError) as caught:
        load_pipeline("en_core_web_no_such_model")
    assert str(caught.value) == "cannot load spaCy pipeline 'en_core_web_no_such_model': is it installed?"
    assert caught.value.exit_code == ExitCode.ERROR


def test_pipeline_without_parser_or_ner_raises_model_error(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="has no parser or NER"):
        load_pipeline(str(tmp_path / "blank"))
