"""Very long texts: cut into sentence-aligned parts for the pipeline, records merged back into one.

Pure functions over text and `models.Document`; no spaCy import. Every character of the input
belongs to exactly one part, so nothing is silently cut, and merged spans keep
`text == input[start:end]`.
"""

from __future__ import annotations

import re
from typing import Any

from models import Document

# Parts are at most this many characters: far above any news article, far below spaCy's
# `nlp.max_length` (1,000,000), so the parser's memory stays small.
MAX_CHARS = 50_000
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(window: str) -> int:
    """Where to end a part inside `window`: after a paragraph, a sentence, a space, in that order.

    A boundary in the first half of the window is not taken, so parts stay near their size.
    """
    half = len(window) // 2
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(window) if m.end() > half]
        if ends:
            return ends[-1]
    return len(window)


def split_text(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, str]]:
    """`text` as (offset, part) pairs of at most `max_chars` characters, cut at sentence ends.

    The parts concatenate back to `text`; a text no longer than `max_chars` is one part.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        end = start + _cut(text[start : start + max_chars])
        parts.append((start, text[start:end]))
        start = end
    parts.append((start, text[start:]))
    return parts


def _shift(value: Any, offset: int) -> Any:
    """A dumped record with every span ({start, end, text}) moved `offset` characters on."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "text"}:
            return {**value, "start": value["start"] + offset, "end": value["end"] + offset}
        return {key: _shift(item, offset) for key, item in value.items()}
    if isinstance(value, list):
        return [_shift(item, offset) for item in value]
    return value


def _merge_named(groups: list[list[dict[str, Any]]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    """Records of several parts, one per `key` value: mentions and aliases joined, the rest first seen."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for records in groups:
        for record in records:
            ident = tuple(record.get(k) for k in key)
            if ident not in merged:
                merged[ident] = record
                continue
            kept = merged[ident]
            kept["mentions"] = kept.get("mentions", []) + record.get("mentions", [])
            if "aliases" in kept:
                kept["aliases"] += [a for a in record.get("aliases", []) if a not in kept["aliases"]]
    return list(merged.values())


def merge_documents(parts: list[tuple[int, Document]], *, sha256: str) -> Document:
    """One Document for a text processed in parts: spans shifted to the whole text, entities merged.

    `parts` are (offset, Document of the part) in text order, `sha256` the digest of the whole text.
    People, organizations and places seen in several parts become one record each (by name);
    events are kept as found. The source (path, dateline, outlet...) is the first part's.
    """
    first = parts[0][1].source
    if len(parts) == 1:
        return parts[0][1]
    dumped = [_shift(doc.model_dump(mode="json"), offset) for offset, doc in parts]
    warnings: list[str] = []
    for doc in dumped:
        warnings += [w for w in doc["warnings"] if w not in warnings]
    warnings.append(f"long text: processed in {len(parts)} sentence-aligned parts")
    return Document.model_validate({
        "source": first.model_copy(update={"sha256": sha256}).model_dump(),
        "events": [event for doc in dumped for event in doc["events"]],
        "people": _merge_named([doc["people"] for doc in dumped], ("name",)),
        "organizations": _merge_named([doc["organizations"] for doc in dumped], ("name",)),
        "places": _merge_named([doc["places"] for doc in dumped], ("name", "kind")),
        "warnings": warnings,
    })
