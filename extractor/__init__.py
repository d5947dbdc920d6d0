"""diplo's extractor: English news article in, visit-event record out.

`load_pipeline()` builds the spaCy pipeline; `extract(text)` returns a `models.Document`.
Heavy imports (spaCy, the model) happen on first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from models import Document

__all__ = ["extract", "load_pipeline"]


def load_pipeline(model: str | None = None) -> Language:
    """The trained English pipeline named `model` (default: the best installed) plus diplo's pipes."""
    from extractor.pipeline import load_pipeline as _load

    return _load(model)


def extract(text: str, *, published: str | None = None, source: Any = None, nlp: Language | None = None) -> Document:
    """Extract the visit-event record of one article."""
    from extractor.records import extract as _extract

    return _extract(text, published=published, source=source, nlp=nlp)
