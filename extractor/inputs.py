"""Article text out of the input kinds `diplo batch` reads: plain text, HTML pages, JSON and JSON Lines.

Pure functions over decoded text; reading bytes and decoding them is `extractor.sources`' job.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import Any

logger = logging.getLogger(__name__)

# Start of a document that is an HTML page whatever its file name says.
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                         re.IGNORECASE | re.DOTALL)


class InputKind(str, Enum):
    """How an input file holds its article(s)."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"


_SUFFIX_KINDS = {
    ".html": InputKind.HTML,
    ".htm": InputKind.HTML,
    ".xhtml": InputKind.HTML,
    ".json": InputKind.JSON,
    ".jsonl": InputKind.JSONL,
    ".ndjson": InputKind.JSONL,
}


class NotAnArticle(ValueError):
    """The input holds no article text; the message is the reason, without the path."""


@dataclass(frozen=True)
class Entry:
    """One article found inside an input: its text, date and where in the input it sits.

    `locator` is appended to the file's path to name the article: '' for a whole file, '#ID' for a
    JSON record with an `id`, ':N' for record N (line N of a JSONL file, item N of a JSON list).
    """

    text: str
    published: str | None = None
    locator: str = ""


@dataclass(frozen=True)
class Rejected:
    """A record inside a JSON or JSONL input that holds no article, and why."""

    reason: str
    locator: str = ""


def kind_of(path: str, text: str | None = None) -> InputKind:
    """The kind of an input from its suffix, or from its first bytes for an HTML page saved as .txt."""
    kind = _SUFFIX_KINDS.get(PurePath(path).suffix.lower(), InputKind.TEXT)
    if kind is InputKind.TEXT and text is not None and _HTML_START.match(text[:2048]):
        return InputKind.HTML
    return kind


def iso_date(value: Any) -> str | None:
    """`value` as YYYY-MM-DD when it is an ISO date or date-time, else None.

    Example: "2025-07-26T09:30:00Z" -> "2025-07-26".
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def html_article(page: str) -> Entry:
    """The main text and publication date of an HTML page, boilerplate (menus, footers) removed.

    Uses trafilatura, whose date comes from htmldate (meta tags, JSON-LD, URL, visible dates).
    """
    import trafilatura

    result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_recall=True)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise NotAnArticle("no article text found in the HTML page")
    title = (getattr(result, "title", None) or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Entry(text=text, published=iso_date(getattr(result, "date", None)))


def _record_entry(record: Any, locator: str) -> Entry:
    if not isinstance(record, dict):
        raise NotAnArticle("not a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise NotAnArticle("no 'text' field" if text is None else "'text' is not a string")
    if not text.strip():
        raise NotAnArticle("empty 'text'")
    ident = record.get("id")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
        locator = f"#{ident}"
    return Entry(text=text, published=iso_date(record.get("published")), locator=locator)


def json_entries(data: str) -> Iterator[Entry | Rejected]:
    """The articles of a JSON document: one object with a `text` field, or a list of them."""
    try:
        value = json.loads(data)
    except json.JSONDecodeError as err:
        yield Rejected(f"invalid JSON ({err.msg} at line {err.lineno})")
        return
    items = value if isinstance(value, list) else [value]
    for number, record in enumerate(items, start=1):
        locator = f":{number}" if isinstance(value, list) else ""
        try:
            yield _record_entry(record, locator)
        except NotAnArticle as err:
            yield Rejected(str(err), locator)


def jsonl_entries(data: str) -> Iterator[Entry | Rejected]:
    """The articles of a JSON Lines document, one object with a `text` field per line; blank lines skipped."""
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        locator = f":{number}"
        try:
            yield _record_entry(json.loads(line), locator)
        except json.JSONDecodeError as err:
            yield Rejected(f"invalid JSON ({err.msg})", locator)
        except NotAnArticle as err:
            yield Rejected(str(err), locator)
