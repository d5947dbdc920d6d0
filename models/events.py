"""Visit events and the meetings held during them."""

from typing import Literal

from pydantic import Field

from models.base import Record
from models.entities import Person
from models.spans import Span

VisitStatus = Literal["occurred", "planned"]
VisitType = Literal["state", "official", "working", "private"]


class Plover(Record):
    """The event's PLOVER coding (CONSULT, with the visit/host mode)."""

    event_type: Literal["CONSULT"] = Field(default="CONSULT", description="PLOVER event type.")
    mode: Literal["visit", "host"] = Field(description="'visit' from the visitor's side, 'host' from the host's.")


class Meeting(Record):
    """One meeting of the visitor with one or more host-side counterparts."""

    counterparts: list[Person] = Field(default_factory=list, description="The hosts the visitor met.")
    attendees: list[Person] = Field(default_factory=list, description="Others present at the meeting.")
    venue: str | None = Field(default=None, description="Named building where it took place.")
    city: str | None = Field(default=None, description="City where it took place.")
    date: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) of the meeting.")
    date_text: str | None = Field(default=None, description="The date as printed, e.g. 'on Friday'.")
    topics: list[str] = Field(default_factory=list, description="What was discussed.")
    outcomes: list[str] = Field(default_factory=list, description="Agreements and commitments stated.")
    evidence: list[Span] = Field(default_factory=list, description="Sentences the meeting was built from.")


class VisitEvent(Record):
    """One visit of one visitor to one host country."""

    status: VisitStatus = Field(description="'occurred', or 'planned' for a visit announced for the future.")
    visitor: Person = Field(description="The head of the visiting side.")
    visitor_country: str | None = Field(default=None, description="ISO3 code of the visiting side.")
    host_country: str | None = Field(default=None, description="ISO3 code of the country visited.")
    city: str | None = Field(default=None, description="City where the visit's (first) meetings took place.")
    date: str | None = Field(default=None, description="ISO date of the first reported day of the visit.")
    date_text: str | None = Field(default=None, description="The date as printed, e.g. 'on Friday'.")
    start_date: str | None = Field(default=None, description="First day of the visit's span, where the text states it.")
    end_date: str | None = Field(default=None, description="Last day of the visit's span, where the text states it.")
    visit_type: VisitType | None = Field(default=None, description="The visit's style, where the text states it.")
    meetings: list[Meeting] = Field(default_factory=list, description="One per counterpart meeting, in text order.")
    delegation: list[Person] = Field(default_factory=list, description="The visitor's accompanying officials.")
    topics: list[str] = Field(default_factory=list, description="What was discussed during the visit.")
    outcomes: list[str] = Field(default_factory=list, description="Agreements and commitments stated.")
    ceremonies: list[str] = Field(default_factory=list, description="E.g. 'guard of honour', 'wreath laying'.")
    cameo: Literal["042", "043"] = Field(description="CAMEO code: 042 make a visit, 043 host a visit.")
    plover: Plover = Field(description="PLOVER coding of the event.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the extractor is, 0 to 1.")
    evidence: list[Span] = Field(default_factory=list, description="The sentences the event was built from.")
