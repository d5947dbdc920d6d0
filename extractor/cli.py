"""The `diplo` command line: a thin layer over the library (parse, call, render, map errors)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.errors import ExitCode, ExtractorError
from extractor.writers import OutputFormat

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

app = typer.Typer(
    name="diplo",
    help="Extract diplomatic visit events (who visited whom, where, when, whom they met) from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    _stderr().print(f"[red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(int(code))


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
    try:
        from extractor.pipeline import load_pipeline
        from extractor.records import extract as run

        nlp = load_pipeline(model)
        for path in files:
            try:
                article = read_article(path)
                document = run(article.text, published=published, source={"path": article.path}, nlp=nlp)
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
    except ExtractorError as err:
        if debug:
            raise
        raise fail(str(err), err.exit_code) from None
    except KeyboardInterrupt:
        raise fail("interrupted", ExitCode.INTERRUPTED) from None
    if failures:
        raise typer.Exit(int(ExitCode.ERROR))


def _progress(console: Console) -> Progress:
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TaskProgressColumn(), TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), console=console,
    )


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
    errors: Annotated[str | None, typer.Option(help="Also write the failures here, one JSON line each "
                                                    "({path, error}).")] = None,
    resume: Annotated[bool, typer.Option(help="Append to -o FILE, skipping the articles already in it "
                                              "(same path and sha256).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use (default: the best "
                                                   "installed en_core_web_*).")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    """Extract the visit events of every article in folders, as JSON Lines (or JSON, CSV)."""
    from extractor.batch import Batch, Extracted, Outcome
    from extractor.sources import DEFAULT_GLOBS, Failure
    from extractor.writers import AtomicFile, LineSink, Writer, resume_state

    if resume and output is None:
        raise fail("--resume needs -o FILE to append to", ExitCode.USAGE)
    if resume and output_format is not OutputFormat.jsonl:
        raise fail("--resume works with --format jsonl only", ExitCode.USAGE)
    console = _stderr()
    target: AtomicFile | None = None
    errors_file = None
    interrupted = False
    try:
        done = resume_state(output) if resume and output else set()
        runner = Batch(roots, globs=glob or DEFAULT_GLOBS, exclude=[p for p in (output, errors) if p],
                       done=done, model=model, workers=workers)
        with runner:
            if output is None:
                sink = LineSink(sys.stdout.buffer)
            elif resume:
                sink = LineSink(open(output, "ab"))  # noqa: SIM115  (closed below, after the last line)
            else:
                target = AtomicFile(output)
                sink = LineSink(target.stream)
            writer = Writer(sink, output_format)
            if errors:
                errors_file = open(errors, "a" if resume else "w", encoding="utf-8")  # noqa: SIM115
            bar = _progress(console) if not quiet and console.is_terminal else None

            def emit(outcome: Outcome) -> None:
                if isinstance(outcome, Extracted):
                    writer.write(outcome)
                elif isinstance(outcome, Failure):
                    (bar.console if bar else console).print(f"[red]error:[/] {outcome}", markup=True,
                                                            soft_wrap=True, highlight=False)
                    if errors_file:
                        errors_file.write(outcome.to_json() + "\n")
                        errors_file.flush()

            try:
                if bar:
                    bar.start()
                    task = bar.add_task("Extracting", total=runner.total, rate=0.0)
                for outcome in runner:
                    emit(outcome)
                    if bar:
                        summary = runner.summary
                        finished = summary.articles + summary.failures + summary.skipped
                        bar.update(task, completed=finished, total=runner.total,
                                   rate=finished / summary.seconds if summary.seconds else 0.0)
            except KeyboardInterrupt:
                interrupted = True
                for outcome in runner.finished():
                    emit(outcome)
                runner.close(abort=True)
            finally:
                if bar:
                    bar.stop()
            writer.finish()
            if target:
                target.commit()
                target = None
            elif output:
                sink.stream.close()
    except ExtractorError as err:
        if debug:
            raise
        raise fail(str(err), err.exit_code) from None
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if target:
            target.discard()
        if errors_file:
            errors_file.close()
    if not quiet and "runner" in locals():
        summary = runner.summary
        rate = summary.articles / summary.seconds if summary.seconds else 0.0
        console.print(
            f"{summary.articles} articles, {summary.events} events, {summary.failures} failed"
            + (f", {summary.skipped} already done" if summary.skipped else "")
            + f" in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
            + (" - interrupted" if interrupted else ""), highlight=False, soft_wrap=True)
    if interrupted:
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    if runner.summary.failures:
        raise typer.Exit(int(ExitCode.ERROR))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record (`diplo extract --json` output)."""
    from models import Document

    sys.stdout.write(json.dumps(Document.model_json_schema(), indent=2) + "\n")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # `diplo ... | head` closed the pipe: not an error
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
