"""`diplo batch` end to end: a folder of good and bad inputs, formats, exit codes, interruptions."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExitCode
from models import Document

runner = CliRunner()
DIPLO = [sys.executable, "-m", "extractor"]

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Chilean president in Hanoi</title>
<meta property="article:published_time" content="2024-10-10T08:00:00+07:00"></head>
<body><nav><a href="/">Home</a> <a href="/asia">Asia</a></nav>
<article><h1>Chilean president in Hanoi</h1>
<p>HANOI, Oct 10 - Chilean President Gabriel Boric held talks with Vietnamese Prime Minister Pham Minh
Chinh in Hanoi on Thursday, the second day of a three-day state visit.</p>
<p>The two leaders agreed to raise trade in copper, fruit and seafood and to open a direct flight.</p>
</article><footer>Copyright 2024 Example Asia News</footer></body></html>
"""


def _records(text: str) -> list[Document]:
    return [Document.model_validate_json(line) for line in text.splitlines()]


@pytest.fixture
def mixed_folder(tmp_path: Path, news_articles: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Good articles in every input kind, and every kind of bad input, in nested folders."""
    folder = tmp_path / "articles"
    (folder / "kenya").mkdir(parents=True)
    (folder / "a.txt").write_text(news_articles[0], encoding="utf-8")
    (folder / "kenya" / "b.txt").write_text(news_articles[1], encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "SANTIAGO, June 4 - Peru's Foreign Minister José Pérez met Chile's Foreign Minister Alberto "
        "van Klaveren in Santiago on Tuesday.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(news_articles[4].encode("utf-16"))
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "n-1", "text": news_articles[2], "published": "2024-10-09"}) + "\n"
        + json.dumps({"id": "n-2", "text": news_articles[3]}) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "broken.txt").symlink_to(folder / "deleted.txt")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(news_articles[0])
    locked.chmod(0)
    if os.geteuid() == 0:  # root can list a chmod 000 folder: fail the listing as it fails for a user
        real_scandir = os.scandir

        def scandir(path: str) -> object:
            if os.path.abspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    yield folder
    locked.chmod(0o755)


def test_a_mixed_folder_gives_one_record_per_article_and_one_error_per_bad_input(
        mixed_folder: Path, tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["batch", str(mixed_folder), "-o", str(out), "--errors", str(errors),
                                 "--workers", "1"])
    assert result.exit_code == ExitCode.ERROR, result.output
    records = _records(out.read_text(encoding="utf-8"))
    paths = [r.source.path for r in records]
    base = str(mixed_folder)
    assert paths == [f"{base}/a.txt", f"{base}/feed.jsonl#n-1", f"{base}/feed.jsonl#n-2", f"{base}/latin1.txt",
                     f"{base}/page.html", f"{base}/utf16.txt", f"{base}/kenya/b.txt"]
    by_path = {r.source.path: r for r in records}
    assert by_path[f"{base}/page.html"].source.published == "2024-10-10"
    assert by_path[f"{base}/feed.jsonl#n-1"].source.published == "2024-10-09"
    assert "José Pérez" in {p.name for p in by_path[f"{base}/latin1.txt"].people}
    failures = {json.loads(line)["path"]: json.loads(line)["error"] for line in errors.read_text().splitlines()}
    assert failures == {
        f"{base}/binary.txt": "binary file, not text",
        f"{base}/broken.txt": "broken symbolic link",
        f"{base}/empty.txt": "empty input",
        f"{base}/locked": "cannot list folder (Permission denied)",
    }
    for path, reason in failures.items():
        assert f"error: {path}: {reason}" in result.stderr
    assert "7 articles" in result.stderr and "4 failed" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "errors.jsonl", "out.jsonl"]


def test_a_clean_folder_exits_zero_and_streams_jsonl_to_stdout(tmp_path: Path,
                                                               news_articles: tuple[str, ...]) -> None:
    for index, text in enumerate(news_articles[:2]):
        (tmp_path / f"{index}.txt").write_text(text)
    result = runner.invoke(app, ["batch", str(tmp_path), "--quiet"])
    assert result.exit_code == ExitCode.OK, result.output
    assert [r.source.path for r in _records(result.stdout)] == [str(tmp_path / "0.txt"), str(tmp_path / "1.txt")]
    assert result.stderr == ""


def test_csv_has_one_row_per_event(tmp_path: Path, news_articles: tuple[str, ...]) -> None:
    (tmp_path / "a.txt").write_text(news_articles[1])
    result = runner.invoke(app, ["batch", str(tmp_path), "--format", "csv", "-q"])
    assert result.exit_code == ExitCode.OK, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["source"] for row in rows} == {str(tmp_path / "a.txt")}
    assert list(rows[0]) == ["source", "date", "visitor", "rank", "title", "visitor_country", "host_country",
                             "city", "counterparts", "confidence"]


def test_json_is_one_array(tmp_path: Path, news_articles: tuple[str, ...]) -> None:
    (tmp_path / "a.txt").write_text(news_articles[0])
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["batch", str(tmp_path / "a.txt"), "--format", "json", "-o", str(out), "-q"])
    assert result.exit_code == ExitCode.OK, result.output
    assert [Document.model_validate(d).source.path for d in json.loads(out.read_text())] == [str(tmp_path / "a.txt")]


def test_standard_input_is_one_article(news_articles: tuple[str, ...]) -> None:
    result = runner.invoke(app, ["batch", "-", "-q"], input=news_articles[0])
    assert result.exit_code == ExitCode.OK, result.output
    assert [r.source.path for r in _records(result.stdout)] == ["-"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--resume"], "--resume needs -o FILE"),
        (["--resume", "-o", "out.csv", "--format", "csv"], "--resume works with --format jsonl only"),
        (["-o", "no/such/folder/out.jsonl"], "its folder does not exist"),
        (["--format", "xml"], "--format"),
        (["--workers", "0"], "--workers"),
    ],
    ids=["resume-without-output", "resume-csv", "output-folder-missing", "unknown-format", "no-workers"],
)
def test_usage_errors_exit_2(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["batch", str(tmp_path), *arguments])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert message in result.stderr


def _write_folder(folder: Path, texts: tuple[str, ...], count: int) -> list[str]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"{number:03d}.txt"
        path.write_text(texts[number % len(texts)].replace("on ", f"on day {number} ", 1))
        paths.append(str(path))
    return paths


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"diplo batch ended early: {process.stderr.read().decode() if process.stderr else ''}")
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"no {count} lines in {path} after {timeout} s")


def test_a_killed_run_resumed_has_each_article_exactly_once(tmp_path: Path, news_articles: tuple[str, ...]) -> None:
    paths = _write_folder(tmp_path / "in", news_articles, 20)
    out = tmp_path / "out.jsonl"
    command = [*DIPLO, "batch", str(tmp_path / "in"), "--workers", "1", "--batch-size", "2", "-o", str(out),
               "--resume", "-q"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_lines(out, 2, first)
    first.kill()
    first.wait()
    done_before = out.read_bytes().count(b"\n")
    assert done_before < 20, "the first run finished before it could be killed"
    with out.open("ab") as handle:  # as if killed in the middle of writing a line
        handle.write(b'{"schema_version":"1.0","source":{"pa')
    second = subprocess.run(command, capture_output=True, timeout=300)
    assert second.returncode == ExitCode.OK, second.stderr.decode()
    lines = out.read_text().splitlines()
    assert all(json.loads(line) for line in lines)
    assert Counter(Document.model_validate_json(line).source.path for line in lines) == Counter(paths)


def test_ctrl_c_writes_what_is_done_and_exits_130(tmp_path: Path, news_articles: tuple[str, ...]) -> None:
    paths = _write_folder(tmp_path / "in", news_articles, 40)
    out = tmp_path / "out.jsonl"
    command = [*DIPLO, "batch", str(tmp_path / "in"), "--workers", "1", "--batch-size", "2", "-o", str(out),
               "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    temporary = tmp_path / "never"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the output is written under a temporary name until the end
        found = [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
        if found and found[0].read_bytes().count(b"\n") >= 2:
            temporary = found[0]
            break
        time.sleep(0.05)
    assert temporary.exists(), "no output was written"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == ExitCode.INTERRUPTED, process.stderr.read().decode() if process.stderr else ""
    lines = out.read_text().splitlines()
    assert 2 <= len(lines) < 40
    assert [Document.model_validate_json(line).source.path for line in lines] == paths[: len(lines)]
    assert not temporary.exists()
