"""The record for one article: its source, visit events and named entities."""

from typing import Literal

from pydantic import Field

from models.base import Record
from models.entities import Organization, Person, Place
from models.events import VisitEvent

# 1.1: an event's visitor may be unnamed (Person.name null).
SCHEMA_VERSION = "1.1"


class Source(Record):
    """Where the article came from."""

    path: str | None = Field(default=None, description="Input path, '-' for standard input, null for library calls.")
    sha256: str = Field(description="SHA-256 of the article text (UTF-8).")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    dateline: str | None = Field(default=None, description="Dateline city as printed, e.g. 'ISLAMABAD'.")
    outlet: str | None = Field(default=None, description="Agency or outlet credited in the dateline, e.g. 'APP'.")


class Document(Record):
    """Everything extracted from one article."""

    schema_version: Literal["1.0", "1.1"] = Field(default=SCHEMA_VERSION, description="Version of this record's shape.")
    source: Source = Field(description="Where the article came from.")
    events: list[VisitEvent] = Field(default_factory=list, description="Visits reported; empty when none.")
    people: list[Person] = Field(default_factory=list, description="Every named person, one per real person.")
    organizations: list[Organization] = Field(default_factory=list, description="Every named organization.")
    places: list[Place] = Field(default_factory=list, description="Every named place.")
    warnings: list[str] = Field(default_factory=list, description="Problems met while reading the article.")
