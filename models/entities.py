"""People, organizations and places named in an article."""

from typing import Literal

from pydantic import Field

from models.base import Record
from models.spans import Span

PlaceKind = Literal["country", "city", "region", "venue", "other"]


class Person(Record):
    """One real person, with every surface form that refers to them merged in."""

    name: str | None = Field(description="Full name without rank, title or honorific, e.g. 'Saddam Khalifa Haftar'; "
                             "null only for an event's unnamed visitor ('a Chinese military delegation').")
    aliases: list[str] = Field(default_factory=list, description="Other surface forms seen, e.g. 'Lt Gen Haftar'.")
    rank: str | None = Field(default=None, description="Military or police rank in full words, e.g. 'Lieutenant General'.")
    rank_abbr: str | None = Field(default=None, description="The rank as printed, e.g. 'Lt Gen'.")
    rank_code: str | None = Field(default=None, description="NATO STANAG 2116 grade of the rank, e.g. 'OF-8'.")
    retired: bool = Field(default=False, description="True when the rank is printed as retired, e.g. '(Retd)'.")
    title: str | None = Field(default=None, description="Office held, e.g. 'Commander-in-Chief'.")
    honorifics: list[str] = Field(default_factory=list, description="Styles printed before the name, e.g. 'Dr.'.")
    organization: str | None = Field(default=None, description="Canonical name of the body the person serves.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code of the state the person serves.")
    mentions: list[Span] = Field(default_factory=list, description="Where the person is mentioned in the text.")


class Organization(Record):
    """A named organization, its acronym folded in."""

    name: str = Field(description="Canonical long name, e.g. 'Inter-Services Public Relations'.")
    acronym: str | None = Field(default=None, description="Acronym, e.g. 'ISPR'.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code of the state it belongs to.")
    mentions: list[Span] = Field(default_factory=list, description="Where it is mentioned in the text.")


class Place(Record):
    """A named place: a country, city, region or venue."""

    name: str = Field(description="Canonical name, e.g. 'United Arab Emirates' for 'UAE'.")
    kind: PlaceKind = Field(description="What sort of place it is.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code of the country it lies in.")
    mentions: list[Span] = Field(default_factory=list, description="Where it is mentioned in the text.")
