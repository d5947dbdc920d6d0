"""The `diplo` command line: a thin layer over the library (parse, call, render, map errors)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.errors import ExitCode, ExtractorError
from extractor.writers import OutputFormat

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from rich.progress import Progress
    from spacy.language import Language

    from extractor.batch import Batch
    from models import Document

app = typer.Typer(
    name="diplo",
    help="Extract diplomatic visit events (who visited whom, where, when, whom they met) from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from extractor.pipeline import version_text

        sys.stdout.write(version_text() + "\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Print diplo's version and its spaCy pipeline's, "
                                          "then exit.", callback=_show_version, is_eager=True)] = False,
) -> None:
    """Extract diplomatic visit events (who visited whom, where, when, whom they met) from news articles."""


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    from rich.markup import escape

    _stderr().print(f"[red]error:[/] {escape(message)}", markup=True, soft_wrap=True)  # 'diplo[dask]' as typed
    return typer.Exit(int(code))


@contextmanager
def reported_errors(debug: bool) -> Iterator[None]:
    """Turn the library's errors and Ctrl-C into one line on stderr and the matching exit code."""
    try:
        yield
    except ExtractorError as err:
        if debug:
            raise
        raise fail(str(err), err.exit_code) from None
    except KeyboardInterrupt:
        raise fail("interrupted", ExitCode.INTERRUPTED) from None


def check_published(value: str | None) -> str | None:
    """Validate --published as an ISO date (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article text files; '-' reads standard input.",
                                               metavar="FILE|-...")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON (JSON Lines for several files).")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for resolving 'on Friday', 'yesterday'; default: the date "
             "printed in the article.", callback=check_published)] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use (default: the best "
                                                   "installed en_core_web_*).")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Extract the visit events of one or more articles."""
    from extractor.sources import read_article

    failures = 0
    with reported_errors(debug):
        from extractor.pipeline import load_pipeline

        nlp = load_pipeline(model)
        for path in files:
            try:
                article = read_article(path)
                document = _extract_one(nlp, article.text, published=published, path=article.path)
            except ExtractorError as err:
                if debug:
                    raise
                if len(files) == 1:
                    raise fail(str(err), err.exit_code) from None
                _stderr().print(f"[red]error:[/] {err}", soft_wrap=True)
                failures += 1
                continue
            if as_json:
                indent = 2 if len(files) == 1 and sys.stdout.isatty() else None
                sys.stdout.write(document.model_dump_json(indent=indent) + "\n")
                sys.stdout.flush()
            else:
                from rich.console import Console

                from extractor.render import render_document

                render_document(document, Console())
    if failures:
        raise typer.Exit(int(ExitCode.ERROR))


def _extract_one(nlp: Language, text: str, *, published: str | None, path: str) -> Document:
    """One article through the batch's code path; long or non-English texts are reported on stderr.

    A text longer than a part runs in sentence-aligned parts, with a progress bar on a terminal.
    """
    from rich.markup import escape

    from extractor.batch import extract_document, parts_of
    from extractor.language import foreign_language, warning

    console = _stderr()
    language = foreign_language(text)
    if language is not None:
        console.print(f"[yellow]warning:[/] {escape(path)}: {warning(language)}", soft_wrap=True)
        return extract_document(nlp, text, published=published, source={"path": path})
    parts = parts_of(text)
    if parts == 1:
        return extract_document(nlp, text, published=published, source={"path": path})
    console.print(f"[yellow]warning:[/] {escape(path)}: long text ({len(text):,} characters): processed in "
                  f"{parts} sentence-aligned parts", soft_wrap=True)
    if not console.is_terminal:
        return extract_document(nlp, text, published=published, source={"path": path})
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("Extracting parts"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"),
                  TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("parts", total=parts)
        return extract_document(nlp, text, published=published, source={"path": path},
                                progress=lambda done, total: bar.update(task, completed=done, total=total))


class Engine(str, Enum):  # noqa: UP042 - closed choices are `str, Enum`, as OutputFormat
    """Where `diplo batch` extracts: worker processes here, or a Dask cluster."""

    local = "local"
    dask = "dask"


@app.command()
def batch(
    roots: Annotated[list[str], typer.Argument(help="Folders (read recursively), files, or '-' for standard input.",
                                               metavar="DIR|FILE|-...")],
    *,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here (renamed into place at "
                                               "the end) instead of standard output.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one Document per line; "
                             "json: an array; csv: one row per event.")] = OutputFormat.jsonl,
    glob: Annotated[list[str] | None, typer.Option(help="File names to read in folders (repeatable); default: "
                    "*.txt, *.html, *.htm, *.json, *.jsonl.")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: one per CPU).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch and per worker task.")] = 32,
    errors: Annotated[str | None, typer.Option(help="Also write the failures here, one JSON line each "
                                                    "({path, error}).")] = None,
    resume: Annotated[bool, typer.Option(help="Append to -o FILE, skipping the articles already in it "
                                              "(same path and sha256).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use (default: the best "
                                                   "installed en_core_web_*).")] = None,
    engine: Annotated[Engine, typer.Option(help="local: worker processes on this machine; dask: a Dask "
                                                "cluster (pip install 'diplo[dask]').")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="With --engine dask: a running cluster's scheduler address (default: a local cluster of "
             "--workers processes).", metavar="ADDRESS")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Extract the visit events of every article in folders, as JSON Lines (or JSON, CSV)."""
    from extractor.batch import Batch
    from extractor.sources import DEFAULT_GLOBS
    from extractor.writers import resume_state

    if resume and output is None:
        raise fail("--resume needs -o FILE to append to", ExitCode.USAGE)
    if resume and output_format is not OutputFormat.jsonl:
        raise fail("--resume works with --format jsonl only", ExitCode.USAGE)
    if scheduler and engine is not Engine.dask:
        raise fail("--scheduler needs --engine dask", ExitCode.USAGE)
    for path in (output, errors):
        if path and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            raise fail(f"{path}: its folder does not exist", ExitCode.USAGE)
    console = _stderr()
    try:
        executor = None
        if engine is Engine.dask:
            from extractor.distributed import dask_executor

            executor = dask_executor(scheduler)  # without dask installed: a one-line error, exit 2
        done = resume_state(output) if resume and output else set()
        runner = Batch(roots, globs=glob or DEFAULT_GLOBS, exclude=[p for p in (output, errors) if p],
                       done=done, model=model, workers=workers, group_size=batch_size, executor=executor)
        with runner:
            interrupted = _run_batch(runner, output=output, output_format=output_format, errors=errors,
                                     resume=resume, console=console, progress=not quiet and console.is_terminal)
    except ExtractorError as err:
        if debug:
            raise
        raise fail(str(err), err.exit_code) from None
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() ends quietly
    except OSError as err:
        if debug:
            raise
        raise fail(f"{err.filename or 'output'}: cannot write ({err.strerror or err})", ExitCode.ERROR) from None
    except KeyboardInterrupt:
        raise fail("interrupted", ExitCode.INTERRUPTED) from None
    summary = runner.summary
    if not quiet:
        rate = summary.articles / summary.seconds if summary.seconds else 0.0
        console.print(
            f"{summary.articles} articles, {summary.events} events, {summary.failures} failed"
            + (f", {summary.skipped} already done" if summary.skipped else "")
            + (f", {summary.not_english} not English" if summary.not_english else "")
            + f" in {summary.seconds:.1f} s ({rate:.1f} articles/s)" + (", interrupted" if interrupted else ""),
            highlight=False, soft_wrap=True)
    if interrupted:
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    if summary.failures:
        raise typer.Exit(int(ExitCode.ERROR))


def _progress(console: Console) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TaskProgressColumn(), TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
    )


def _run_batch(runner: Batch, *, output: str | None, output_format: OutputFormat, errors: str | None,
               resume: bool, console: Console, progress: bool) -> bool:
    """Write each outcome as it comes; on Ctrl-C, write what is done. True when interrupted."""
    from contextlib import ExitStack

    from rich.markup import escape

    from extractor.batch import Extracted, Outcome
    from extractor.sources import Failure
    from extractor.writers import AtomicFile, LineSink, Writer

    interrupted = False
    with ExitStack() as stack:
        target: AtomicFile | None = None
        if output is None:
            sink = LineSink(sys.stdout.buffer)
        elif resume:
            sink = LineSink(stack.enter_context(open(output, "ab")))
        else:
            target = AtomicFile(output)
            stack.callback(target.discard)  # a no-op once committed
            sink = LineSink(target.stream)
        errors_file = stack.enter_context(open(errors, "a" if resume else "w", encoding="utf-8")) if errors else None
        writer = Writer(sink, output_format)
        bar = stack.enter_context(_progress(console)) if progress else None
        task = bar.add_task("Extracting", total=runner.total, rate=0.0) if bar else None

        def emit(outcome: Outcome) -> None:
            if isinstance(outcome, Extracted):
                writer.write(outcome)
            elif isinstance(outcome, Failure):
                (bar.console if bar else console).print(f"[red]error:[/] {escape(str(outcome))}", markup=True,
                                                        soft_wrap=True, highlight=False)
                if errors_file:
                    errors_file.write(outcome.to_json() + "\n")
                    errors_file.flush()
            if bar and task is not None:
                summary = runner.summary
                finished = summary.articles + summary.failures + summary.skipped
                bar.update(task, completed=finished, total=runner.total,
                           rate=finished / summary.seconds if summary.seconds else 0.0)

        try:
            for outcome in runner:
                emit(outcome)
        except KeyboardInterrupt:
            interrupted = True
            for outcome in runner.finished():
                emit(outcome)
            runner.close(abort=True)
        writer.finish()
        if target:
            target.commit()
    return interrupted


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record (`diplo extract --json` output)."""
    from models import Document

    sys.stdout.write(json.dumps(Document.model_json_schema(), indent=2) + "\n")


@app.command()
def evaluate(
    gold: Annotated[str | None, typer.Argument(
        help="Folder of answer keys (<id>.json beside <id>.txt) or a JSON Lines file of keys.",
        metavar="GOLD_DIR|KEYS.jsonl", show_default=False)] = None,
    *,
    pred: Annotated[str | None, typer.Option(
        help="Score these records (JSON Lines from `diplo extract --json`, matched by file name) "
             "instead of running the extractor.", metavar="OUT.jsonl")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores (and every miss) as one JSON object.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="List each wrong field with its article.")] = False,
    schema: Annotated[bool, typer.Option("--schema", help="Print the JSON Schema of an answer key and exit.")] = False,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Score the extractor against answer keys: precision, recall and F1 per field."""
    from extractor import evaluation
    from extractor.gold import load_gold, shipped_schema_text

    if schema:
        sys.stdout.write(shipped_schema_text())
        return
    if gold is None:
        raise typer.BadParameter("give a folder of answer keys or a JSON Lines file", param_hint="GOLD_DIR")
    with reported_errors(debug):
        cases = load_gold(gold)
        if pred is not None:
            predictions = evaluation.read_predictions(pred, cases)
        else:
            from extractor.pipeline import load_pipeline

            predictions = evaluation.predict(cases, load_pipeline(model))
        scores = evaluation.score([c.key for c in cases], predictions)
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    from extractor.report import print_scores

    source = pred or "diplo extract"
    print_scores(scores, Console(), title=f"{gold}: {scores.articles} articles, predictions from {source}",
                 misses=misses)


@app.command()
def render(
    file: Annotated[str, typer.Argument(help="An article text file, or a saved record (`diplo extract --json`).",
                                        metavar="FILE|RECORD.json")],
    *,
    output: Annotated[str, typer.Option("--output", "-o", help="Write the page here ('-': standard output).",
                                        metavar="PAGE.html")] = "-",
    text: Annotated[str | None, typer.Option(help="The article of a saved record (default: its source.path).",
                                             metavar="ARTICLE.txt")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for resolving relative dates.", callback=check_published)] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Write a self-contained HTML page: the article with its entities highlighted, the visit card beside it."""
    from pathlib import Path

    from extractor.page import render_page, text_matches
    from extractor.sources import read_article

    with reported_errors(debug):
        article = read_article(file)
        document = _saved_record(article.text)
        if document is None:
            from extractor.pipeline import load_pipeline
            from extractor.records import extract as run

            document = run(article.text, published=published, source={"path": article.path},
                           nlp=load_pipeline(model))
            body = article.text
        else:
            body = _record_text(document, text, Path(file).parent)
            if body is not None and not text_matches(document, body):
                _stderr().print("[yellow]warning:[/] the article text does not match the record's spans; "
                                "showing the record's sentences only", soft_wrap=True)
                body = None
        page = render_page(document, body)
        if output == "-":
            sys.stdout.write(page)
        else:
            try:
                Path(output).write_text(page, encoding="utf-8")
            except OSError as err:
                raise fail(f"{output}: cannot write ({err.strerror or err})", ExitCode.ERROR) from None


def _saved_record(content: str) -> Document | None:
    """The record in a `diplo extract --json` output (its first line for JSON Lines), else None."""
    from pydantic import ValidationError

    from models import Document

    stripped = content.lstrip()
    if not stripped.startswith("{"):
        return None
    for candidate in (stripped, stripped.splitlines()[0]):
        try:
            return Document.model_validate_json(candidate)
        except ValidationError:
            continue
    return None


def _record_text(document: Document, text: str | None, beside: Path) -> str | None:
    """The article of a saved record: --text, else its source.path (as given, or beside the record)."""
    from pathlib import Path

    from extractor.sources import read_article

    if text is not None:
        return read_article(text).text
    path = document.source.path
    if not path or path == "-":
        return None
    for candidate in (Path(path), beside / path, beside / Path(path).name):
        if candidate.is_file():
            return read_article(str(candidate)).text
    return None


# numpy's BLAS libraries: their idle threads spin on the cores the pipeline (and the workers) need,
# while its matrices are too small to gain from them (a batch on 2 cores ran 10% faster with one).
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """One BLAS thread for this process and its workers, unless the user chose otherwise.
    Read by numpy when it is first imported, which the CLI does only later."""
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def main() -> None:
    """Console-script entry point."""
    one_blas_thread()
    try:
        app()
    except BrokenPipeError:  # `diplo ... | head` closed the pipe: not an error
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
