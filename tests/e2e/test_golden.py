"""Golden end to end: each samples/<id>.txt against its full record samples/<id>.expected.json.

A new case is just a new pair of files. `pytest --update-golden` rewrites every expected file from the
current output (and creates missing ones); review the diff before committing it, as black does for its
data cases.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from extractor import extract
from models import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def expected_path(case: str) -> Path:
    return SAMPLES / f"{case}.expected.json"


def all_cases(*, with_expected: bool) -> list[str]:
    """Sample ids, sorted: every `samples/*.txt`, or only those that have an expected file."""
    return sorted(p.stem for p in SAMPLES.glob("*.txt") if not with_expected or expected_path(p.stem).exists())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        updating = bool(metafunc.config.getoption("--update-golden"))
        cases = all_cases(with_expected=not updating)
        metafunc.parametrize("case", cases, ids=cases)


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _diff(expected: Any, actual: Any, case: str) -> str:
    lines = difflib.unified_diff(
        json.dumps(expected, indent=2, ensure_ascii=False, sort_keys=True).splitlines(),
        json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=True).splitlines(),
        fromfile=f"samples/{case}.expected.json",
        tofile="extract output",
        lineterm="",
        n=3,
    )
    return "\n".join(lines)


def test_sample_output_matches_its_golden_record(nlp: Language, update_golden: bool, case: str) -> None:
    text = (SAMPLES / f"{case}.txt").read_text(encoding="utf-8")
    source = {"path": f"samples/{case}.txt"}
    if update_golden:
        document = extract(text, source=source, nlp=nlp)
        expected_path(case).write_text(_dump(json.loads(document.model_dump_json())), encoding="utf-8")
        return
    expected = json.loads(expected_path(case).read_text(encoding="utf-8"))
    Document.model_validate(expected)
    document = extract(text, published=expected["source"]["published"], source=source, nlp=nlp)
    actual = json.loads(document.model_dump_json())
    if actual != expected:
        pytest.fail(
            f"samples/{case}.txt no longer gives its golden record (run `pytest --update-golden` if the change "
            f"is intended, then review the diff):\n{_diff(expected, actual, case)}",
            pytrace=False,
        )


def test_golden_records_point_at_their_sample() -> None:
    for case in all_cases(with_expected=True):
        expected = json.loads(expected_path(case).read_text(encoding="utf-8"))
        assert expected["source"]["path"] == f"samples/{case}.txt"


def test_every_golden_record_has_its_sample() -> None:
    orphans = [p.name for p in SAMPLES.glob("*.expected.json") if not (SAMPLES / f"{p.name[:-14]}.txt").exists()]
    assert orphans == []
