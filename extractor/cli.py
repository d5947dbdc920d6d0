"""The `diplo` command line: a thin layer over the library (parse, call, render, map errors)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.errors import ExitCode, ExtractorError

if TYPE_CHECKING:
    from rich.console import Console

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
