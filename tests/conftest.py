"""Shared fixtures: the trained pipeline, loaded once per test session, and `--update-golden`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from models import Document


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register `--update-golden`: rewrite samples/<id>.expected.json instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files samples/<id>.expected.json from the current output (review the diff).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained English pipeline with diplo's pipes, as `diplo extract` uses it (about a second)."""
    from extractor.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Document]:
    """`extract(text, published=...)` on the session pipeline."""
    from extractor import extract

    def _run(text: str, published: str | None = "2025-07-26") -> Document:
        return extract(text, published=published, nlp=nlp)

    return _run
