"""The diplo record: pure pydantic models with no spaCy import."""

from models.base import Record
from models.document import SCHEMA_VERSION, Document, Source
from models.entities import Organization, Person, Place
from models.events import Meeting, Plover, VisitEvent
from models.spans import Span

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "Meeting",
    "Organization",
    "Person",
    "Place",
    "Plover",
    "Record",
    "Source",
    "Span",
    "VisitEvent",
]
