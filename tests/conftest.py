"""Shared fixtures: the shipped pipeline, loaded once per test session, short invented articles, and
the `--update-golden` option of the golden end-to-end tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

if TYPE_CHECKING:
    from models import Document

# Invented newswire items, written for the tests: a dateline, a visitor, a host, a meeting.
NEWS_ARTICLES = (
    "ANKARA, March 14 (Reuters) - Norwegian Foreign Minister Ingrid Halvorsen met Turkish Foreign "
    "Minister Hakan Fidan in Ankara on Friday to discuss trade and energy links.\n",
    "NAIROBI, May 3 (AFP) - Japanese Defence Minister Kenji Morita called on Kenyan President William "
    "Ruto at State House on Tuesday. The two sides agreed to expand maritime training.\n",
    "HANOI, Oct 9: Chilean President Gabriel Boric arrived in Hanoi on a three-day state visit and held "
    "talks with Vietnamese Prime Minister Pham Minh Chinh on Thursday.\n",
    "CANBERRA, July 21 (AAP) - Indonesian Navy Chief Admiral Budi Santoso called on Australian Chief of "
    "Navy Vice Admiral Mark Hammond in Canberra on Monday.\n",
    "OTTAWA, Feb 2 - Mexican Foreign Secretary Lucia Ramirez met Canadian Foreign Minister Melanie Joly "
    "in Ottawa on Wednesday and discussed migration and trade.\n",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register `--update-golden`: rewrite samples/<id>.expected.json instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files samples/<id>.expected.json from the current output (review the diff).",
    )


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained pipeline diplo ships with, plus diplo's components."""
    from extractor.pipeline import load_pipeline

    # `load_pipeline` is cached by its arguments: call it as the CLI does, so CLI tests share it.
    return load_pipeline(None)


@pytest.fixture(scope="session")
def news_articles() -> tuple[str, ...]:
    """A few short invented news items, each reporting one visit."""
    return NEWS_ARTICLES


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Document]:
    """`extract(text, published=...)` on the session pipeline; published defaults to a Saturday."""
    from extractor import extract

    def _run(text: str, published: str | None = "2025-07-26") -> Document:
        return extract(text, published=published, nlp=nlp)

    return _run


@pytest.fixture(scope="module")
def runner(nlp: Language):
    """A CLI runner; asking for `nlp` loads the pipeline the commands reuse (load_pipeline is cached)."""
    from typer.testing import CliRunner

    return CliRunner()
