"""Read articles from paths or standard input, with clear errors for what cannot be read."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import InputError

# Bytes that never occur in text: a NUL, or many C0 controls, mean a binary file.
_CONTROL_BYTES = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_MAX_CONTROL_RATIO = 0.01


@dataclass(frozen=True)
class Article:
    """One article's text and where it came from."""

    path: str
    text: str


def decode(data: bytes, where: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding."""
    if not data.strip():
        raise InputError(f"{where}: empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{where}: not valid UTF-16 text") from err
    if b"\x00" in data or sum(b in _CONTROL_BYTES for b in data[:4096]) > _MAX_CONTROL_RATIO * min(len(data), 4096):
        raise InputError(f"{where}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data, where)
    if not text.strip():
        raise InputError(f"{where}: empty input")
    return text


def _decode_legacy(data: bytes, where: str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests/spaCy's deps
        return data.decode("latin-1")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where}: cannot decode text (unknown encoding)")
    return str(best)


def read_article(path: str) -> Article:
    """Read one article from `path`, or from standard input when `path` is '-'."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return Article("-", decode(data, "stdin"))
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory (use 'diplo batch' for folders)")
    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    return Article(path, decode(data, path))
