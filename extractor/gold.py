"""Answer keys for `diplo evaluate`: the gold format, its JSON Schema, and reading keys from disk.

One key per article: `<id>.json` beside `<id>.txt` in a folder, or one key per line in a JSON Lines
file. The format is the dev set's (`id`, `text_file`, `published`, `dateline`, `kind`, `events`,
`people`, `organizations`, `places`), plus an optional free-text `note` and an optional inline `text`.
The pydantic models below are the single source of the format; `extractor/data/gold.schema.json`
is generated from them (`diplo evaluate --schema` prints it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from extractor.errors import InputError
from models.base import Record

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ISO3 = r"^[A-Z]{3}$"
Kind = Literal["international_visit", "domestic_call", "phone_or_virtual", "planned_visit", "not_a_visit"]
VISIT_KINDS = ("international_visit", "planned_visit")


class GoldError(InputError):
    """An answer key that cannot be read or does not follow the gold format."""


class GoldPerson(Record):
    """A person as the annotator reads them: name without rank, title or honorific."""

    name: str | None = Field(default=None, description="Full name at its most complete mention, without rank, "
                             "title or honorific. Null only for an unnamed visitor.")
    rank: str | None = Field(default=None, description="Military or police rank in full words; null for civilians.")
    title: str | None = Field(default=None, description="Office held, the most specific one stated.")
    organization: str | None = Field(default=None, description="Body the text ties the person to, long form.")
    country: str | None = Field(default=None, pattern=ISO3, description="ISO 3166-1 alpha-3 of the state served.")


class GoldEvent(Record):
    """One visit of one visitor (the delegation head) to one host country."""

    visitor: GoldPerson | None = Field(default=None, description="Head of the visiting side.")
    host_country: str | None = Field(default=None, pattern=ISO3, description="ISO3 of the country visited.")
    city: str | None = Field(default=None, description="City of the first reported meeting; null if not stated.")
    date: str | None = Field(default=None, pattern=ISO_DATE,
                             description="Date of the first reported meeting (planned start for a planned visit).")
    status: Literal["occurred", "planned"] = Field(default="occurred", description="Occurred or planned.")
    start_date: str | None = Field(default=None, pattern=ISO_DATE, description="Visit span start, where stated.")
    end_date: str | None = Field(default=None, pattern=ISO_DATE, description="Visit span end, where stated.")
    visit_type: Literal["state", "official", "working", "private"] | None = Field(
        default=None, description="The visit's style, only where the text states it.")
    counterparts: list[GoldPerson] = Field(default_factory=list, description="Named hosts the visitor met.")
    venues: list[str] = Field(default_factory=list, description="Named buildings where meetings took place.")
    topics: list[str] = Field(default_factory=list, description="Short paraphrases of the agenda (not scored).")


class GoldArticle(Record):
    """The answer key of one article."""

    id: str = Field(description="Article id; predictions are matched to it by file name.")
    note: str | None = Field(default=None, description="Free text for people (provenance, caveats); not scored.")
    text_file: str | None = Field(default=None, description="Article text, relative to the key's folder "
                                  "(default: '<id>.txt').")
    text: str | None = Field(default=None, description="The article text inline, instead of `text_file`.")
    published: str | None = Field(default=None, pattern=ISO_DATE, description="Publication date printed, else null.")
    dateline: str | None = Field(default=None, description="Dateline city as printed, else null.")
    kind: Kind = Field(description="What the article reports; only the two visit kinds carry events.")
    scope: Literal["all", "events_only"] = Field(
        default="all", description="'events_only' keys are not scored on people, organizations and places.")
    events: list[GoldEvent] = Field(default_factory=list, description="One per visitor per host country.")
    people: list[GoldPerson] = Field(default_factory=list, description="Every named person, one per real person.")
    organizations: list[str] = Field(default_factory=list, description="Named organizations, long canonical form.")
    places: list[str] = Field(default_factory=list, description="Named countries, cities and regions, canonical.")

    @property
    def is_visit(self) -> bool:
        """True when the article reports a visit (occurred or planned)."""
        return self.kind in VISIT_KINDS


@dataclass(frozen=True)
class GoldCase:
    """One answer key with where its article text lives (`text` inline or `text_path` on disk)."""

    key: GoldArticle
    text_path: Path | None
    text: str | None = None

    def read_text(self) -> str:
        """The article text, inline or read from `text_path`."""
        if self.text is not None:
            return self.text
        if self.text_path is None:
            raise GoldError(f"{self.key.id}: no article text (add 'text_file' or 'text')")
        from extractor.sources import read_article

        return read_article(str(self.text_path)).text


def gold_schema() -> dict[str, object]:
    """The JSON Schema of an answer key, as shipped in `extractor/data/gold.schema.json`."""
    schema = {k: v for k, v in GoldArticle.model_json_schema().items() if k != "title"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "diplo answer key", **schema}


def shipped_schema_text() -> str:
    """The packaged gold JSON Schema file's text."""
    return files("extractor").joinpath("data/gold.schema.json").read_text(encoding="utf-8")


def _parse(data: object, where: str) -> GoldArticle:
    try:
        return GoldArticle.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "key"
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise GoldError(f"{where}: {field}: {first['msg']}{more}") from None


def _case(key: GoldArticle, folder: Path) -> GoldCase:
    if key.text is not None:
        return GoldCase(key, None, key.text)
    return GoldCase(key, folder / (key.text_file or f"{key.id}.txt"))


def _is_key(data: object) -> bool:
    # A folder may also hold saved records (`*.expected.json`) or other JSON: only objects with an
    # `id` and a `kind` are answer keys, as the dev set's scorer assumes.
    return isinstance(data, dict) and "id" in data and "kind" in data


def _cases_in_file(content: str, where: Path) -> list[GoldCase]:
    """Keys in one file: a single key, a JSON array of keys, or JSON Lines (one key per line)."""
    try:
        whole = json.loads(content)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [_case(_parse(whole, str(where)), where.parent)]
    if isinstance(whole, list):
        return [_case(_parse(item, f"{where}[{n}]"), where.parent) for n, item in enumerate(whole)]
    cases: list[GoldCase] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{where}:{number}: not JSON ({err.msg})") from None
        cases.append(_case(_parse(data, f"{where}:{number}"), where.parent))
    return cases


def load_gold(path: str | Path) -> list[GoldCase]:
    """Read the answer keys in a folder (`*.json`) or in one file (a key, an array, JSON Lines), sorted by id."""
    where = Path(path)
    if not where.exists():
        raise GoldError(f"{where}: no such file or folder")
    cases: list[GoldCase] = []
    if where.is_dir():
        for file in sorted(where.glob("*.json")):
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
                raise GoldError(f"{file}: not a JSON answer key ({err})") from None
            if _is_key(data):
                cases.append(_case(_parse(data, str(file)), where))
    else:
        try:
            content = where.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GoldError(f"{where}: cannot read ({err})") from None
        cases.extend(_cases_in_file(content, where))
    if not cases:
        raise GoldError(f"{where}: no answer keys found (JSON objects with 'id' and 'kind')")
    ids = [c.key.id for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GoldError(f"{where}: duplicate ids: {', '.join(duplicates)}")
    return sorted(cases, key=lambda c: c.key.id)
