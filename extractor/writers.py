"""Batch output that survives interruptions: JSON Lines, a JSON array or CSV, never half a line.

`-o FILE` is written to a temporary file beside it and renamed over FILE at the end, so FILE is
either the old file or a complete new one. With resume, FILE is appended one whole line at a time,
and `resume_state` first drops a line cut short by a crash and lists the articles already there.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from enum import Enum
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.batch import Extracted

# The flat fields an analyst sorts by, one CSV row per event.
CSV_FIELDS = ("source", "date", "visitor", "rank", "title", "visitor_country", "host_country", "city",
              "counterparts", "confidence")


class OutputFormat(str, Enum):
    """What `diplo batch` writes."""

    jsonl = "jsonl"
    json = "json"
    csv = "csv"


def csv_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per event of a dumped Document; counterparts are names joined by '; '."""
    rows = []
    path = (document.get("source") or {}).get("path")
    for event in document.get("events", []):
        visitor = event.get("visitor") or {}
        counterparts: list[str] = []
        for meeting in event.get("meetings", []):
            for person in meeting.get("counterparts", []):
                if person.get("name") and person["name"] not in counterparts:
                    counterparts.append(person["name"])
        rows.append({
            "source": path,
            "date": event.get("date"),
            "visitor": visitor.get("name"),
            "rank": visitor.get("rank"),
            "title": visitor.get("title"),
            "visitor_country": event.get("visitor_country"),
            "host_country": event.get("host_country"),
            "city": event.get("city"),
            "counterparts": "; ".join(counterparts),
            "confidence": event.get("confidence"),
        })
    return rows


class LineSink:
    """Whole lines to a binary file descriptor: each line is one `write` call, then flushed."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        """Write `text` (whole lines) at once."""
        data = text.encode("utf-8")
        view = memoryview(data)
        fd = self.stream.fileno() if _has_fileno(self.stream) else None
        if fd is None:
            self.stream.write(data)
            self.stream.flush()
            return
        self.stream.flush()
        while view:
            view = view[os.write(fd, view):]


def _has_fileno(stream: IO[bytes]) -> bool:
    try:
        stream.fileno()
    except (OSError, AttributeError, io.UnsupportedOperation):
        return False
    return True


class Writer:
    """Formats outcomes for one output: header and footer of the format, one record at a time."""

    def __init__(self, sink: LineSink, fmt: OutputFormat) -> None:
        self.sink = sink
        self.format = fmt
        self.count = 0
        if fmt is OutputFormat.csv:
            self._csv(dict(zip(CSV_FIELDS, CSV_FIELDS, strict=True)))
        elif fmt is OutputFormat.json:
            self.sink.write("[\n")

    def _csv(self, row: dict[str, Any]) -> None:
        buffer = io.StringIO()
        csv.DictWriter(buffer, CSV_FIELDS, lineterminator="\n").writerow(row)
        self.sink.write(buffer.getvalue())

    def write(self, extracted: Extracted) -> None:
        """Write one article's record (CSV: its events' rows)."""
        if self.format is OutputFormat.jsonl:
            self.sink.write(extracted.document + "\n")
        elif self.format is OutputFormat.json:
            self.sink.write(("" if self.count == 0 else ",\n") + extracted.document)
        else:
            for row in csv_rows(json.loads(extracted.document)):
                self._csv(row)
        self.count += 1

    def finish(self) -> None:
        """Close the format (the JSON array's bracket)."""
        if self.format is OutputFormat.json:
            self.sink.write("\n]\n" if self.count else "]\n")


class AtomicFile:
    """A file written under a temporary name beside `path`, renamed over it by `commit`."""

    def __init__(self, path: str) -> None:
        self.path = path
        folder, name = os.path.split(os.path.abspath(path))
        fd, self.temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        self.stream: IO[bytes] = os.fdopen(fd, "wb")
        self.committed = False
        os.chmod(self.temporary, _mode_for(path))

    def commit(self) -> None:
        """Flush to disk and move the file into place."""
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self.temporary, self.path)
        self.committed = True

    def discard(self) -> None:
        """Remove the temporary file, unless committed; `path` is left as it was."""
        self.stream.close()
        if self.committed:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)


def _mode_for(path: str) -> int:
    """The permissions a new file would get (mkstemp makes it private), or those of the file replaced."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def resume_state(path: str) -> set[tuple[str, str]]:
    """The (path, sha256) of each record in the JSON Lines file `path`, after repairing its end.

    A last line without its newline (a run killed while writing) is cut off, so appending goes on
    from a clean line. Lines that are not records are left alone and ignored.
    """
    done: set[tuple[str, str]] = set()
    if not os.path.exists(path):
        return done
    with open(path, "rb+") as handle:
        data = handle.read()
        end = len(data)
        if data and not data.endswith(b"\n"):
            end = data.rfind(b"\n") + 1
            handle.truncate(end)
    for line in data[:end].splitlines():
        try:
            source = json.loads(line).get("source") or {}
        except (ValueError, AttributeError):
            continue
        if isinstance(source, dict) and source.get("path") and source.get("sha256"):
            done.add((source["path"], source["sha256"]))
    return done
