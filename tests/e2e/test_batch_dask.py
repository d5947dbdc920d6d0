"""`diplo batch --engine dask` against the local engine: same bytes, same errors, same exit codes.

One LocalCluster of two worker processes serves the whole module (starting one costs seconds).
The tests that kill workers come last: the workers they kill come back without the test's pipe.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExitCode
from models import Document

runner = CliRunner()
DIPLO = [sys.executable, "-m", "extractor"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A LocalCluster of 2 single-threaded worker processes on loopback, configured as diplo's own."""
    pytest.importorskip("distributed", reason="the Dask engine's tests need pip install -e '.[test,dask]'")
    import dask
    from distributed import LocalCluster

    from extractor.distributed import LOCAL_SCHEDULER_CONFIG

    with dask.config.set(LOCAL_SCHEDULER_CONFIG):
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address=None, silence_logs=logging.ERROR)
    try:
        yield local
    finally:
        local.close()


@pytest.fixture
def folder(tmp_path: Path, news_articles: tuple[str, ...]) -> Path:
    """Good articles (text, HTML, JSON Lines) and bad inputs (empty, binary, broken link, no text)."""
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for index, text in enumerate(news_articles):
        (folder / f"{index}.txt").write_text(text, encoding="utf-8")
    (folder / "sub" / "utf16.txt").write_bytes(news_articles[2].encode("utf-16"))
    (folder / "page.html").write_text(
        "<html><head><meta property='article:published_time' content='2024-10-10'></head><body><article>"
        f"<p>{news_articles[2]}</p></article></body></html>", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "n-1", "text": news_articles[3], "published": "2024-10-09"}) + "\n"
        + json.dumps({"id": "n-2", "title": "no text here"}) + "\n"
        + json.dumps({"text": news_articles[4]}) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "broken.txt").symlink_to(folder / "deleted.txt")
    return folder


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _batch(folder: Path, out: Path, *options: str) -> Any:
    errors = out.with_suffix(".errors")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--errors", str(errors),
                                 "--batch-size", "2", *options])
    return result, out.read_bytes(), errors.read_bytes()


@pytest.mark.parametrize("output_format", ["jsonl", "json", "csv"])
def test_dask_output_is_the_local_output_byte_for_byte(cluster: Any, folder: Path, tmp_path: Path,
                                                       output_format: str) -> None:
    local, local_out, local_errors = _batch(folder, tmp_path / "local.out", "--workers", "1",
                                            "--format", output_format)
    dask, dask_out, dask_errors = _batch(folder, tmp_path / "dask.out", "--engine", "dask", "--scheduler",
                                         cluster.scheduler_address, "--format", output_format)
    assert local.exit_code == ExitCode.ERROR, local.output
    assert dask.exit_code == local.exit_code, dask.output
    assert dask_out == local_out
    assert dask_errors == local_errors
    assert _error_lines(dask.stderr) == _error_lines(local.stderr)
    assert len(_error_lines(local.stderr)) == 4  # empty, binary, broken link, a JSON line without text
    if output_format == "jsonl":
        assert len(local_out.splitlines()) == 9  # 5 + utf16 + html + 2 JSON Lines records


def test_a_clean_folder_exits_zero_on_dask(cluster: Any, tmp_path: Path,
                                           news_articles: tuple[str, ...]) -> None:
    (tmp_path / "a.txt").write_text(news_articles[0])
    result = runner.invoke(app, ["batch", str(tmp_path), "-q", "--engine", "dask", "--scheduler",
                                 cluster.scheduler_address])
    assert result.exit_code == ExitCode.OK, result.output
    assert [Document.model_validate_json(line).source.path for line in result.stdout.splitlines()] == [
        str(tmp_path / "a.txt")]


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"diplo batch ended early: {stderr}")
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"no {count} lines in {path} after {timeout} s")


def test_a_killed_dask_run_resumed_has_each_article_once(cluster: Any, tmp_path: Path,
                                                         news_articles: tuple[str, ...]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for number in range(24):
        path = folder / f"{number:03d}.txt"
        path.write_text(news_articles[number % len(news_articles)].replace("on ", f"on day {number} ", 1))
        paths.append(str(path))
    out = tmp_path / "out.jsonl"
    command = [*DIPLO, "batch", str(folder), "--batch-size", "2", "-o", str(out), "--resume", "-q",
               "--engine", "dask"]
    first = subprocess.Popen([*command, "--scheduler", cluster.scheduler_address], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    _wait_for_lines(out, 2, first)
    first.kill()
    first.wait()
    done_before = out.read_bytes().count(b"\n")
    assert done_before < 24, "the first run finished before it could be killed"
    with out.open("ab") as handle:  # as if killed in the middle of writing a line
        handle.write(b'{"schema_version":"1.0","source":{"pa')
    # The second run starts its own LocalCluster of 2 workers: the path without --scheduler.
    second = subprocess.run([*command, "--workers", "2"], capture_output=True, timeout=300)
    assert second.returncode == ExitCode.OK, second.stderr.decode()
    lines = out.read_text().splitlines()
    assert Counter(Document.model_validate_json(line).source.path for line in lines) == Counter(paths)
    local = runner.invoke(app, ["batch", str(folder), "--workers", "1", "-q"])
    assert local.exit_code == ExitCode.OK, local.output
    assert out.read_text() == local.stdout  # the interrupted run wrote a prefix; the resumed one the rest


def test_extract_bag_gives_one_document_per_element_in_order(cluster: Any, nlp: Any,
                                                            news_articles: tuple[str, ...]) -> None:
    import dask.bag as db
    from distributed import Client

    from extractor import extract
    from extractor.distributed import extract_bag

    items: list[Any] = [*news_articles[:3],
                        {"id": "n-7", "text": news_articles[3], "published": "2024-07-22"}, {"id": 8}]
    with Client(cluster.scheduler_address):
        documents = extract_bag(db.from_sequence(items, npartitions=2)).compute()
    assert [type(d) for d in documents] == [Document] * 5
    assert documents[:3] == [extract(text, nlp=nlp) for text in news_articles[:3]]
    assert documents[3] == extract(news_articles[3], published="2024-07-22", source={"path": "n-7"}, nlp=nlp)
    assert (documents[4].source.path, documents[4].events, documents[4].warnings) == ("8", [], ["no text"])


def _pipeline_cache_hits() -> int:
    from extractor.distributed import _loaded

    return _loaded.cache_info().hits


def test_a_local_clusters_workers_start_with_the_loaded_pipeline(nlp: Any) -> None:
    """Without a scheduler the workers are forked from the process that loaded the pipeline (as the
    local engine's are): each finds it loaded, none loads it again."""
    pytest.importorskip("distributed", reason="the Dask engine's tests need pip install -e '.[test,dask]'")
    from extractor.distributed import DaskEngine

    engine = DaskEngine(2, None)
    try:
        assert engine.client is not None
        hits = engine.client.run(_pipeline_cache_hits)
    finally:
        engine.close()
    assert len(hits) == 2
    assert all(count >= 1 for count in hits.values()), hits


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
     (["--engine", "spark"], "--engine")],
    ids=["scheduler-without-dask-engine", "unknown-engine"],
)
def test_engine_usage_errors_exit_2(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["batch", str(tmp_path), *arguments])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert message in result.stderr


def test_the_dask_engine_without_dask_installed_names_the_extra(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    (tmp_path / "a.txt").write_text("The minister met his counterpart.")
    result = runner.invoke(app, ["batch", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: the Dask engine needs dask and distributed")
    assert "pip install 'diplo[dask]'" in result.stderr


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("extractor.distributed.CONNECT_TIMEOUT", "1s")  # refused: retried till then
    (tmp_path / "a.txt").write_text("The minister met his counterpart.")
    result = runner.invoke(app, ["batch", str(tmp_path), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == ExitCode.ERROR, result.output
    assert _error_lines(result.stderr) == [line for line in result.stderr.splitlines() if line]
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def _install_crash_pipe(client: Any, marker: Path) -> None:
    """On each worker, a last pipe that kills its process: on 'CRASH-ONCE' if `marker` is absent, on
    'CRASH-ALWAYS' always; as the system kills a worker out of memory, with no exception."""

    def install() -> None:
        from spacy.language import Language

        from extractor.distributed import worker_pipeline

        def crash(doc: Any) -> Any:
            if "CRASH-ALWAYS" in doc.text:
                os._exit(1)
            if "CRASH-ONCE" in doc.text and not marker.exists():
                marker.touch()
                os._exit(1)
            return doc

        if not Language.has_factory("diplo_test_worker_crash"):
            Language.component("diplo_test_worker_crash", func=crash)
        nlp = worker_pipeline(None)
        if "diplo_test_worker_crash" not in nlp.pipe_names:
            nlp.add_pipe("diplo_test_worker_crash", last=True)

    client.run(install)


def test_a_group_whose_worker_died_is_run_again_on_another(cluster: Any, folder: Path, tmp_path: Path,
                                                           news_articles: tuple[str, ...]) -> None:
    from distributed import Client

    (folder / "crash.txt").write_text(news_articles[1].replace("Tuesday.", "Tuesday. CRASH-ONCE"))
    local, local_out, local_errors = _batch(folder, tmp_path / "local.jsonl", "--workers", "1")
    with Client(cluster.scheduler_address) as client:
        _install_crash_pipe(client, tmp_path / "crashed")
    dask, dask_out, dask_errors = _batch(folder, tmp_path / "dask.jsonl", "--engine", "dask", "--scheduler",
                                         cluster.scheduler_address)
    assert (tmp_path / "crashed").exists(), "no worker died"
    assert dask.exit_code == local.exit_code, dask.output
    assert (dask_out, dask_errors) == (local_out, local_errors)


def test_a_group_that_kills_every_worker_it_runs_on_is_an_error_line(cluster: Any, tmp_path: Path,
                                                                     news_articles: tuple[str, ...]) -> None:
    from distributed import Client

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "poison.txt").write_text(news_articles[0] + "CRASH-ALWAYS\n")
    client = Client(cluster.scheduler_address)
    try:
        client.wait_for_workers(2, timeout=120)  # the one killed above is back
        _install_crash_pipe(client, tmp_path / "unused")
    finally:
        client.close()
    result = runner.invoke(app, ["batch", str(folder), "-q", "--engine", "dask", "--scheduler",
                                 cluster.scheduler_address])
    assert result.exit_code == ExitCode.ERROR, result.output
    assert result.stdout == ""
    [line] = _error_lines(result.stderr)
    assert line.startswith(f"error: {folder / 'poison.txt'}: extraction failed (KilledWorker")
