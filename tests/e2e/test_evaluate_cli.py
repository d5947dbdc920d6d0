"""`diplo evaluate`: scores of the shipped samples, JSON output, misses, saved predictions, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExitCode
from extractor.evaluation import FIELDS
from extractor.gold import gold_schema, load_gold

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_scores(nlp: Language) -> dict[str, object]:
    """`diplo evaluate samples --json`, run once (the pipeline is the session's)."""
    result = runner.invoke(app, ["evaluate", str(SAMPLES), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_evaluate_samples_prints_every_field_as_json(sample_scores: dict[str, object]) -> None:
    assert sample_scores["articles"] == len(load_gold(SAMPLES))
    fields = sample_scores["fields"]
    assert isinstance(fields, dict)
    assert list(fields) == [f.name for f in FIELDS]
    for name, row in fields.items():
        assert row["tp"] + row["fp"] + row["fn"] >= 0, name
        for figure in ("precision", "recall", "f1"):
            assert row[figure] is None or 0.0 <= row[figure] <= 1.0, name
    # The samples exercise the core fields: each must have something to score.
    for name in ("visit_detection", "events", "city", "date", "status", "counterparts", "people",
                 "person_rank", "person_title", "organizations", "places"):
        assert fields[name]["f1"] is not None, name
    headline = sample_scores["headline"]
    assert isinstance(headline, float)
    assert 0.0 < headline <= 1.0


def test_evaluate_shows_a_table_and_the_misses(nlp: Language) -> None:
    result = runner.invoke(app, ["evaluate", str(SAMPLES), "--misses"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for name in ("visit_detection", "counterparts", "person_title", "places", "headline (mean F1)"):
        assert name in result.stdout
    assert "Misses" in result.stdout or "No misses." in result.stdout


def test_saved_predictions_score_the_same_as_a_fresh_run(
        nlp: Language, sample_scores: dict[str, object], tmp_path: Path) -> None:
    from extractor import extract

    lines = []
    for case in load_gold(SAMPLES):
        assert case.text_path is not None
        document = extract(case.read_text(), published=case.key.published, source={"path": str(case.text_path)},
                           nlp=nlp)
        lines.append(document.model_dump_json())
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(reversed(lines)) + "\n")
    result = runner.invoke(app, ["evaluate", str(SAMPLES), "--pred", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == sample_scores


def test_evaluate_reads_a_json_lines_file_of_keys(tmp_path: Path) -> None:
    keys = tmp_path / "keys.jsonl"
    keys.write_text(json.dumps({"id": "only", "kind": "not_a_visit", "text": "Nothing happened here.",
                                "people": [{"name": "Ada Lovelace"}]}) + "\n")
    pred = tmp_path / "out.jsonl"
    pred.write_text(json.dumps({"source": {"path": "only.txt", "sha256": "0" * 64},
                                "people": [{"name": "Lady Ada Lovelace"}]}) + "\n")
    result = runner.invoke(app, ["evaluate", str(keys), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["fields"]["people"]["f1"] == 1.0
    assert scores["misses"] == []


def test_evaluate_schema_prints_the_answer_key_schema() -> None:
    result = runner.invoke(app, ["evaluate", "--schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == gold_schema()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["evaluate", "no/such/folder"], ExitCode.NO_INPUT, "no/such/folder: no such file or folder"),
        (["evaluate"], ExitCode.USAGE, "give a folder of answer keys"),
    ],
    ids=["missing-folder", "no-argument"],
)
def test_evaluate_errors_are_one_line(args: list[str], code: ExitCode, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_key_that_breaks_the_format_names_its_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(json.dumps({"id": "bad", "kind": "visit"}))
    result = runner.invoke(app, ["evaluate", str(tmp_path)])
    assert result.exit_code == ExitCode.NO_INPUT, result.output
    assert "bad.json: kind: Input should be" in result.output
