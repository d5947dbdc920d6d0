"""Texts that are not news articles as the pipeline expects them: very long, or not in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor import extract
from extractor.cli import app
from models import Document
from models.spans import spans_in

GERMAN = (
    "Der pakistanische Außenminister ist am Montag zu einem zweitägigen Besuch in Berlin eingetroffen. "
    "Er traf seinen deutschen Amtskollegen im Auswärtigen Amt, und die beiden Minister sprachen über die "
    "Zusammenarbeit in der Energiepolitik, über den Handel und über die Lage in der Region. Nach dem "
    "Treffen sagte er, dass die Beziehungen zwischen beiden Ländern sehr eng seien.\n"
)
FRENCH = (
    "Le ministre kényan de la Défense est arrivé lundi à Paris pour une visite officielle de deux jours. "
    "Il a rencontré son homologue français au ministère des Armées, et les deux ministres ont discuté de "
    "la coopération militaire et de la situation dans la région. Après la réunion, il a déclaré que les "
    "relations entre les deux pays étaient excellentes.\n"
)


@pytest.fixture(scope="module")
def long_text(news_articles: tuple[str, ...]) -> str:
    """About two million characters of invented news items, one after the other."""
    block = "\n".join(news_articles) + "\n"
    return block * (2_000_000 // len(block) + 1)


def test_a_two_million_character_text_runs_in_parts_with_a_warning(runner: CliRunner, long_text: str,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json", "--published", "2025-07-26"])
    assert result.exit_code == 0, result.output
    found = re.search(r"long text \(([\d,]+) characters\): processed in (\d+) sentence-aligned parts",
                      " ".join(result.stderr.split()))
    assert found, result.stderr
    assert int(found[1].replace(",", "")) == len(long_text) >= 2_000_000
    parts = int(found[2])
    assert parts >= 40
    record = json.loads(result.stdout)
    document = Document.model_validate(record)
    assert f"long text: processed in {parts} sentence-aligned parts" in document.warnings
    spans = list(spans_in(record))
    assert spans and all(long_text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert max(s["end"] for s in spans) > 1_900_000  # the last parts were read too
    assert len(document.events) >= parts


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")], ids=["german", "french"])
def test_a_text_not_in_english_gets_a_warning_and_no_entities(runner: CliRunner, tmp_path: Path, text: str,
                                                              code: str) -> None:
    path = tmp_path / f"{code}.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert f"text does not look English ({code})" in " ".join(result.stderr.split())
    document = Document.model_validate_json(result.stdout)
    assert (document.events, document.people, document.organizations, document.places) == ([], [], [], [])
    assert f"text does not look English ({code})" in document.warnings


def test_the_library_reports_a_foreign_text_too(nlp: Language) -> None:
    document = extract(GERMAN, published="2025-07-26", nlp=nlp)
    assert document.warnings == ["text does not look English (de)"]
    assert document.source.published == "2025-07-26"


def test_english_articles_are_not_taken_for_foreign_ones(run, news_articles: tuple[str, ...]) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    for text in [*news_articles, *(p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt")))]:
        assert not any("does not look English" in w for w in run(text).warnings)


def test_a_batch_counts_the_articles_not_in_english(runner: CliRunner, tmp_path: Path,
                                                     news_articles: tuple[str, ...]) -> None:
    (tmp_path / "a.txt").write_text(news_articles[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "c.txt").write_text(FRENCH, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 articles, 1 events, 0 failed, 2 not English" in " ".join(result.stderr.split())
    assert len(result.stdout.splitlines()) == 3


def test_version_names_diplo_and_its_model(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"diplo \d+\.\d+\.\d+\S*, model en_core_web_\w+ \d+\.\d+\.\d+\S*\n", result.stdout)
