"""The `diplo` command line end to end, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExitCode
from models import Document

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Published: July 26, 2025\n\n"
    "ISLAMABAD (APP): Turkish Defence Minister Kemal Aydin Sezer called on Prime Minister Nadeem Akhtar Rana "
    "at the PM House on Friday. The two sides discussed defence cooperation.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_json_prints_one_valid_document(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--json"])
    assert result.exit_code == 0, result.output
    document = Document.model_validate(json.loads(result.stdout))
    assert document.source.path == str(article)
    assert document.source.published == "2025-07-26"
    assert [(e.visitor.name, e.host_country, e.date) for e in document.events] == [
        ("Kemal Aydin Sezer", "PAK", "2025-07-25")
    ]
    assert result.stderr == ""


def test_extract_reads_standard_input_for_a_dash(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(result.stdout)
    assert document.source.path == "-"
    assert len(document.events) == 1


def test_published_option_overrides_the_printed_date(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--json", "--published", "2025-08-02"])
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(result.stdout)
    assert document.source.published == "2025-08-02"
    assert document.events[0].date == "2025-08-01"


def test_several_files_give_one_json_object_per_line(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("KARACHI: The navy chief visited the dockyard on Friday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), str(other), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [Document.model_validate_json(line).source.path for line in lines] == [str(article), str(other)]


def test_extract_without_json_renders_a_readable_view(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    assert "Kemal Aydin Sezer" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def _unreadable(tmp_path: Path, kind: str) -> tuple[str, str]:
    path = tmp_path / f"{kind}.txt"
    if kind == "missing":
        return str(path), "no such file"
    if kind == "empty":
        path.write_bytes(b"")
        return str(path), "empty input"
    if kind == "whitespace":
        path.write_bytes(b" \n\n\t")
        return str(path), "empty input"
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
        return str(path), "binary file, not text"
    if kind == "directory":
        path.mkdir()
        return str(path), "is a directory"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["missing", "empty", "whitespace", "binary", "directory"])
def test_unreadable_input_exits_3_with_one_error_line(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    path, reason = _unreadable(tmp_path, kind)
    result = runner.invoke(app, ["extract", path, "--json"])
    assert result.exit_code == ExitCode.NO_INPUT == 3, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}: {reason}")
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_empty_standard_input_exits_3(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input=b"")
    assert result.exit_code == 3, result.output
    assert result.stderr == "error: stdin: empty input\n"


def test_one_bad_file_among_several_reports_it_and_exits_1(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(article), str(missing), "--json"])
    assert result.exit_code == ExitCode.ERROR, result.output
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == f"error: {missing}: no such file\n"


@pytest.mark.parametrize("value", ["bad", "2025-13-01", "26/07/2025", ""])
def test_published_that_is_not_an_iso_date_is_a_usage_error(runner: CliRunner, article: Path, value: str) -> None:
    result = runner.invoke(app, ["extract", str(article), "--json", "--published", value])
    assert result.exit_code == ExitCode.USAGE == 2, result.output
    assert result.stdout == ""
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_model_exits_1_with_one_error_line(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--json", "--model", "en_core_web_no_such_model"])
    assert result.exit_code == ExitCode.ERROR, result.output
    assert result.stderr == "error: cannot load spaCy pipeline 'en_core_web_no_such_model': is it installed?\n"


def test_schema_prints_the_json_schema_of_the_document(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema == Document.model_json_schema()
    assert schema["title"] == "Document"
    assert {"VisitEvent", "Person", "Meeting", "Span"} <= set(schema["$defs"])


def _commands() -> list[str]:
    # typer >= 0.29 ships its own click copy: read the group's commands without isinstance checks.
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_core_commands_exist() -> None:
    assert {"extract", "schema"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: diplo {command}" in re.sub(r"\s+", " ", result.stdout)
    group = typer.main.get_command(app)
    assert group.commands[command].help, f"diplo {command} has no help text"  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\bdiplo {command}\b", readme), f"README.md never shows `diplo {command}`"


def test_no_arguments_shows_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "extract" in result.output
    assert result.exit_code in (0, 2)


def test_the_cli_asks_for_one_blas_thread_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import extractor.cli as cli

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "4")
    monkeypatch.setattr(cli, "app", lambda: None)
    cli.main()
    assert (os.environ["OPENBLAS_NUM_THREADS"], os.environ["MKL_NUM_THREADS"]) == ("1", "4")


def test_importing_the_cli_does_not_import_numpy() -> None:
    """numpy reads its BLAS thread count when first imported: the CLI sets it before that."""
    import subprocess
    import sys

    probe = "import sys, extractor.cli; print('numpy' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           cwd=ROOT)
    assert found.stdout.strip() == "False"
