"""Batch output: formats, the temporary file renamed into place, and resuming a cut-off file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from extractor.batch import Extracted
from extractor.writers import CSV_FIELDS, AtomicFile, LineSink, OutputFormat, Writer, resume_state


def _record(path: str, sha: str, events: list[dict[str, object]] | None = None) -> Extracted:
    document = {"source": {"path": path, "sha256": sha}, "events": events or []}
    return Extracted(path, sha, json.dumps(document), len(events or []))


EVENT = {
    "date": "2024-05-07", "visitor": {"name": "Kenji Morita", "rank": None, "title": "Defence Minister"},
    "visitor_country": "JPN", "host_country": "KEN", "city": "Nairobi", "confidence": 0.9,
    "meetings": [{"counterparts": [{"name": "William Ruto"}]}, {"counterparts": [{"name": "William Ruto"},
                                                                                 {"name": "Aden Duale"}]}],
}


def _written(fmt: OutputFormat, records: list[Extracted]) -> str:
    buffer = io.BytesIO()
    writer = Writer(LineSink(buffer), fmt)
    for record in records:
        writer.write(record)
    writer.finish()
    return buffer.getvalue().decode()


def test_jsonl_is_one_record_per_line() -> None:
    text = _written(OutputFormat.jsonl, [_record("a", "1"), _record("b", "2")])
    assert [json.loads(line)["source"]["path"] for line in text.splitlines()] == ["a", "b"]


def test_json_is_one_array_even_when_empty() -> None:
    assert json.loads(_written(OutputFormat.json, [])) == []
    assert len(json.loads(_written(OutputFormat.json, [_record("a", "1"), _record("b", "2")]))) == 2


def test_csv_has_one_row_per_event_with_the_flat_fields() -> None:
    text = _written(OutputFormat.csv, [_record("a.txt", "1", [EVENT]), _record("b.txt", "2")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows == [{"source": "a.txt", "date": "2024-05-07", "visitor": "Kenji Morita", "rank": "",
                     "title": "Defence Minister", "visitor_country": "JPN", "host_country": "KEN",
                     "city": "Nairobi", "counterparts": "William Ruto; Aden Duale", "confidence": "0.9"}]


def test_an_atomic_file_replaces_the_target_only_when_committed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    pending = AtomicFile(str(target))
    pending.stream.write(b"new\n")
    pending.discard()
    assert target.read_text() == "old\n" and list(tmp_path.iterdir()) == [target]
    done = AtomicFile(str(target))
    done.stream.write(b"new\n")
    done.commit()
    done.discard()
    assert target.read_text() == "new\n" and list(tmp_path.iterdir()) == [target]


def test_resume_state_drops_a_cut_off_last_line_and_lists_the_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(_record("a", "1").document + "\n" + "not a record\n" + _record("b", "2").document[:25])
    assert resume_state(str(out)) == {("a", "1")}
    assert out.read_text().endswith("not a record\n")
    assert resume_state(str(tmp_path / "missing.jsonl")) == set()
