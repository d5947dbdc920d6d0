"""The event layer's working records: references, meeting links, trip statements, meetings and visits
before they become pydantic records (records.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractor.people import PersonCluster


@dataclass
class Reference:
    """A person referred to at a token: by name, role description or pronoun."""

    person: PersonCluster
    start: int
    end: int

@dataclass
class Link:
    """Two sides of a meeting found in one sentence, oriented when the verb says who travelled."""

    visitor: PersonCluster
    host: PersonCluster
    sentence: Span
    trigger: Token
    oriented: bool
    future: bool
    host_side_country: str | None = None

@dataclass
class MeetingDraft:
    """A meeting of the visitor with one or more counterparts."""

    counterparts: list[PersonCluster]
    attendees: list[PersonCluster] = field(default_factory=list)
    venue: str | None = None
    city: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

@dataclass
class VisitDraft:
    """A visit event before it becomes a record."""

    visitor: PersonCluster
    visitor_country: str | None
    host_country: str | None
    status: str
    meetings: list[MeetingDraft]
    city: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    visit_type: str | None = None
    delegation: list[PersonCluster] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    ceremonies: list[str] = field(default_factory=list)
    confidence: float = 0.5
    sentences: list[Span] = field(default_factory=list)
    reporting_side: str | None = None
    stated_city: str | None = None  # the city a trip went to ("arrived in Lima")
    dated_sentences: list[Span] = field(default_factory=list)
    leg_day: dt.date | None = None  # the day a list of tour legs gives this one
    trip_occurred: bool = False  # a trip sentence says the visit is under way ("arrived in ...")  # trip sentences whose day is the visit's

@dataclass
class VisitStatement:
    """'X will pay an official visit to Pakistan', 'X arrived in Islamabad', 'a tour that will also take
    her to A and B': a visit (or a tour leg) told by a trip, with or without a meeting."""

    visitor: PersonCluster
    host_country: str
    sentence: Span
    future: bool
    family: str = "visit"
    city: str | None = None
    trigger: int | None = None
    day: dt.date | None = None  # a leg's own day: "visited Oman on Monday, Qatar on Thursday"
