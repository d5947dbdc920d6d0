"""Read articles from paths, folders or standard input, with clear errors for what cannot be read."""

from __future__ import annotations

import fnmatch
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import InputError

# Bytes that never occur in text: a NUL, or many C0 controls, mean a binary file.
_CONTROL_BYTES = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_MAX_CONTROL_RATIO = 0.01
# Share of NUL bytes at odd (or even) offsets that marks UTF-16 text written without a BOM.
_UTF16_NUL_RATIO = 0.3
# How much more 'mess' (charset-normalizer's chaos ratio) Windows-1252 may show and still be preferred.
_WESTERN_CHAOS_MARGIN = 0.1

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm", "*.json", "*.jsonl")


@dataclass(frozen=True)
class Article:
    """One article's text, where it came from and, when the input says so, its publication date."""

    path: str
    text: str
    published: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input, or an article inside one, that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def to_json(self) -> str:
        """The error record written to `--errors FILE`: {"path": ..., "error": ...}."""
        return json.dumps({"path": self.path, "error": self.reason}, ensure_ascii=False)


class _NotText(ValueError):
    """Bytes that are not article text; the message is the reason, without the path."""


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes written without a BOM (every other byte NUL), else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    for encoding, offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = sample[offset::2].count(0)
        if nuls >= _UTF16_NUL_RATIO * (len(sample) // 2) and sample[1 - offset :: 2].count(0) == 0:
            try:
                return data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode(data: bytes) -> str:
    if not data.strip():
        raise _NotText("empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise _NotText("not valid UTF-16 text") from err
    elif b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise _NotText("binary file, not text")
        text = found
    elif sum(b in _CONTROL_BYTES for b in data[:4096]) > _MAX_CONTROL_RATIO * min(len(data), 4096):
        raise _NotText("binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _NotText("empty input")
    return text


def decode(data: bytes, where: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16, else a detected legacy encoding.

    Raises InputError ('<where>: <reason>') for empty, binary or undecodable bytes.
    """
    try:
        return _decode(data)
    except _NotText as err:
        raise InputError(f"{where}: {err}") from None


def _decode_legacy(data: bytes) -> str:
    """Bytes in a single-byte legacy encoding, detected; Windows-1252 when it reads about as well.

    On short texts detectors hesitate between code pages that differ only in accented letters
    ('café' vs 'cafķ'); for English news Windows-1252 (a superset of Latin-1) is then the likely one.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _WESTERN_CHAOS_MARGIN):
        return str(western)
    if best is None:
        raise _NotText("cannot decode text (unknown encoding)")
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


def _matches(name: str, relative: str, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(relative if "/" in g else name, g) for g in globs)


def _walk(root: str, globs: tuple[str, ...], exclude: frozenset[str]) -> Iterator[str | Failure]:
    """The matching files under `root`, sorted, then the folders that could not be listed."""
    problems: list[Failure] = []
    seen: set[str] = set()

    def report(err: OSError) -> None:
        problems.append(Failure(str(err.filename), f"cannot list folder ({err.strerror or err})"))

    for folder, dirs, files in os.walk(root, onerror=report, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symbolic link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        yield from problems
        problems.clear()
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if _matches(name, relative, globs) and os.path.abspath(path) not in exclude:
                yield path
    yield from problems


def find_inputs(roots: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS,
                exclude: Iterable[str] = ()) -> Iterator[str | Failure]:
    """The input files named by `roots`, in order: files as given, folders walked recursively.

    In a folder only the files whose name matches one of `globs` are read ('*.txt'; a glob with a
    '/' matches the path relative to the folder). '-' stands for standard input. Paths in
    `exclude` (diplo's own output files) are skipped. A root that does not exist, or a folder that
    cannot be listed, is yielded as a Failure.
    """
    patterns = tuple(globs)
    skipped = frozenset(os.path.abspath(p) for p in exclude)
    for root in roots:
        if root == "-":
            yield root
        elif os.path.isdir(root):
            yield from _walk(root, patterns, skipped)
        elif os.path.lexists(root) and not os.path.exists(root):
            yield Failure(root, "broken symbolic link")
        elif not os.path.lexists(root):
            yield Failure(root, "no such file or directory")
        else:
            yield root


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _NotText("broken symbolic link" if os.path.islink(path) else "no such file") from None
    except OSError as err:
        raise _NotText(f"cannot read ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _NotText("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise _NotText("not a regular file")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise _NotText(f"cannot read ({err.strerror or err})") from None


def read_inputs(path: str) -> list[Article | Failure]:
    """The articles of one input file, by kind: text, HTML page, JSON or JSON Lines.

    Never raises for bad input: what cannot be read comes back as a Failure. An article inside a
    JSON or JSONL file is named `path#id` when it has an `id`, else `path:N` (line or item N).
    """
    from extractor import inputs

    try:
        text = _decode(_read_bytes(path))
    except _NotText as err:
        return [Failure(path, str(err))]
    kind = inputs.kind_of(path, text)
    try:
        if kind is inputs.InputKind.HTML:
            entry = inputs.html_article(text)
            return [Article(path, entry.text, entry.published)]
        if kind is inputs.InputKind.TEXT:
            return [Article(path, text)]
    except inputs.NotAnArticle as err:
        return [Failure(path, str(err))]
    entries = inputs.json_entries(text) if kind is inputs.InputKind.JSON else inputs.jsonl_entries(text)
    found: list[Article | Failure] = []
    for entry in entries:
        if isinstance(entry, inputs.Rejected):
            found.append(Failure(path + entry.locator, entry.reason))
        else:
            found.append(Article(path + entry.locator, entry.text, entry.published))
    if not found:
        found.append(Failure(path, "no articles in the file"))
    return found
