"""`diplo render` without a browser: from an article, from a saved record, and its errors."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExitCode

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "military-call-on.txt"
runner = CliRunner()


def test_render_writes_the_page_to_stdout_by_default(nlp: Language) -> None:
    result = runner.invoke(app, ["render", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Kenyan army commander calls on Prime Minister and Army Chief" in result.stdout


def test_render_reads_a_saved_record_and_its_article(nlp: Language, tmp_path: Path) -> None:
    extracted = runner.invoke(app, ["extract", str(SAMPLE), "--json"])
    assert extracted.exit_code == 0, extracted.output
    record = tmp_path / "record.json"
    record.write_text(extracted.stdout)
    with_text = runner.invoke(app, ["render", str(record), "--text", str(SAMPLE)])
    assert with_text.exit_code == 0, with_text.output
    assert "Yadgar-e-Shuhada" in with_text.stdout
    alone = runner.invoke(app, ["render", str(record), "--text", str(tmp_path / "other.txt")])
    assert alone.exit_code == ExitCode.NO_INPUT
    (tmp_path / "other.txt").write_text("A different article altogether.\n")
    mismatched = runner.invoke(app, ["render", str(record), "--text", str(tmp_path / "other.txt")])
    assert mismatched.exit_code == 0, mismatched.output
    assert "does not match the record" in mismatched.output
    assert "[…]" in mismatched.stdout


def test_render_reports_a_missing_file_in_one_line() -> None:
    result = runner.invoke(app, ["render", "no-such-article.txt", "-o", "page.html"])
    assert result.exit_code == ExitCode.NO_INPUT
    assert "no-such-article.txt: no such file" in result.output
    assert not Path("page.html").exists()
