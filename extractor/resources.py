"""Reads the packaged vocabulary files (JSONL) once per process."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import srsly


def data_path(kind: str, name: str) -> Any:
    """The packaged file `data/<kind>/<name>.jsonl` (kind: 'patterns' or 'gazetteers')."""
    return files("extractor").joinpath("data", kind, f"{name}.jsonl")


def read_rows(kind: str, name: str) -> list[dict[str, Any]]:
    """All rows of a packaged JSONL file; an absent file reads as no rows."""
    path = data_path(kind, name)
    if not path.is_file():
        return []
    return list(_iter_jsonl(path.read_text(encoding="utf-8")))


def _iter_jsonl(text: str) -> Iterator[dict[str, Any]]:
    for line in text.splitlines():
        if line.strip():
            yield srsly.json_loads(line)


@cache
def gazetteer(name: str, key: str = "id") -> dict[str, dict[str, Any]]:
    """A packaged gazetteer keyed by `key` (lower-cased when it is text)."""
    table: dict[str, dict[str, Any]] = {}
    for row in read_rows("gazetteers", name):
        value = row.get(key)
        if isinstance(value, str):
            table.setdefault(value.lower() if key != "id" else value, row)
    return table


def pattern_names() -> list[str]:
    """Names of every packaged pattern file, sorted."""
    folder = files("extractor").joinpath("data", "patterns")
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(".jsonl")] for p in folder.iterdir() if p.name.endswith(".jsonl"))
