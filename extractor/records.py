"""Doc -> models.Document: the only place where spaCy objects meet the pydantic record."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from extractor.dateline import find_dateline, find_published
from extractor.events import MeetingDraft, VisitDraft
from extractor.events.places import reporting_country
from extractor.people import PersonCluster
from extractor.people.countries import serves_no_state
from extractor.people.partners import spouses
from models import Document, Meeting, Organization, Person, Place, Plover, Source, Span, VisitEvent

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NO_DATE_WARNING = "no publication date: relative dates unresolved"


def sha256(text: str) -> str:
    """SHA-256 hex digest of the text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def published_of(text: str, published: str | None) -> str | None:
    """The publication date to resolve against: the one given, else the one the article prints."""
    if published:
        return published
    found = find_published(text, find_dateline(text))
    return found.isoformat() if found else None


def prepare(nlp: Language, text: str, published: str | None) -> Doc:
    """A Doc ready for the pipeline, its publication date set for the event component."""
    doc = nlp.make_doc(text)
    doc._.diplo_published = published_of(text, published)
    return doc


def extract(text: str, *, published: str | None = None, source: Any = None,
            nlp: Language | None = None) -> Document:
    """Run the pipeline on one article and build its Document, as `diplo batch` does.

    A text longer than 50,000 characters runs in sentence-aligned parts whose records are merged;
    a text that does not look English is not run (its record says so).
    """
    from extractor.batch import extract_document
    from extractor.pipeline import load_pipeline

    if nlp is None:
        nlp = load_pipeline()
    return extract_document(nlp, text, published=published, source=source)


def _source_path(source: Any) -> str | None:
    if isinstance(source, dict):
        return source.get("path")
    if isinstance(source, str):
        return source
    return None


def empty_document(text: str, *, source: Any, published: str | None, warnings: list[str]) -> Document:
    """The record of a text the pipeline was not run on: its source and the warnings saying why."""
    return Document(source=Source(path=_source_path(source), sha256=sha256(text), published=published),
                    warnings=warnings + ([] if published else [NO_DATE_WARNING]))


def _text(doc: Doc) -> str:
    text = doc.user_data.get("diplo_text")
    if text is None:
        text = doc.user_data["diplo_text"] = doc.text  # Doc.text is rebuilt on every access
    return str(text)


def _span(doc: Doc, start_char: int, end_char: int) -> Span:
    return Span(start=start_char, end=end_char, text=_text(doc)[start_char:end_char])


def _token_span(doc: Doc, start: int, end: int) -> Span:
    piece = doc[start:end]
    return _span(doc, piece.start_char, piece.end_char)


class _PersonWriter:
    """Builds Person records once per cluster, so events and `people` agree."""

    def __init__(self, doc: Doc, default_country: str | None,
                 travellers: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.default_country = default_country
        self.travellers = travellers  # the visitors to the reporting side's country and their delegations
        self.cache: dict[int, Person] = {}
        self.partners = spouses(doc, doc._.diplo_people or [])

    def __call__(self, person: PersonCluster) -> Person:
        if id(person) in self.cache:
            return self.cache[id(person)]
        doc = self.doc
        rank = person.rank
        name = person.name
        aliases: list[str] = []
        mentions: list[Span] = []
        for mention in sorted(person.mentions, key=lambda m: m.start):
            start = mention.chain.start if mention.chain.has_role or not mention.is_name else mention.start
            surface = doc[start : mention.end].text
            if surface != name and surface not in aliases and not mention.pronoun:
                aliases.append(surface)
            mentions.append(_token_span(doc, mention.start if mention.is_name else start, mention.end))
        record = Person(
            name=name,
            aliases=aliases,
            rank=rank.canonical if rank else None,
            rank_abbr=rank.span.text if rank else None,
            rank_code=rank.row.get("code") if rank else None,
            retired=person.retired,
            title=person.title,
            honorifics=person.honorifics,
            organization=person.organization,
            country=person.country or self._partner_country(person) or (
                None if id(person) in self.travellers or serves_no_state(person) or person.credited_only
                else self.default_country),
            mentions=mentions,
        )
        self.cache[id(person)] = record
        return record


    def _partner_country(self, person: PersonCluster) -> str | None:
        partner = self.partners.get(id(person))
        return partner.country if partner is not None else None


def _meeting(doc: Doc, meeting: MeetingDraft, write: _PersonWriter) -> Meeting:
    return Meeting(
        counterparts=[write(p) for p in meeting.counterparts],
        attendees=[write(p) for p in meeting.attendees],
        venue=meeting.venue,
        city=meeting.city,
        date=meeting.date.isoformat() if meeting.date else None,
        date_text=meeting.date_text,
        topics=meeting.topics,
        outcomes=meeting.outcomes,
        evidence=[_span(doc, s.start_char, s.end_char) for s in meeting.sentences],
    )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _event(doc: Doc, draft: VisitDraft, write: _PersonWriter) -> VisitEvent:
    reported_by_visitor = draft.reporting_side is not None and draft.reporting_side == draft.visitor_country
    return VisitEvent(
        status=draft.status,  # type: ignore[arg-type]
        visitor=write(draft.visitor),
        visitor_country=draft.visitor_country,
        host_country=draft.host_country,
        city=draft.city,
        date=_iso(draft.date),
        date_text=draft.date_text,
        start_date=_iso(draft.start_date),
        end_date=_iso(draft.end_date),
        visit_type=draft.visit_type,  # type: ignore[arg-type]
        meetings=[_meeting(doc, m, write) for m in draft.meetings],
        delegation=[write(p) for p in draft.delegation],
        topics=draft.topics,
        outcomes=draft.outcomes,
        ceremonies=draft.ceremonies,
        cameo="042" if reported_by_visitor else "043",
        plover=Plover(mode="visit" if reported_by_visitor else "host"),
        confidence=draft.confidence,
        evidence=[_span(doc, s.start_char, s.end_char) for s in draft.sentences],
    )


def to_document(doc: Doc, *, source: Any = None) -> Document:
    """Build the Document of a processed Doc."""
    dateline = doc._.diplo_dateline
    places = doc._.diplo_places or []
    drafts = doc._.diplo_events or []
    default_country = reporting_country(doc, dateline, places)
    if default_country is None and len({d.host_country for d in drafts}) == 1:
        # No dateline or outlet: the article reports from where the visit took place.
        default_country = drafts[0].host_country
    named = {p.country for p in places if p.country}
    if default_country is None and not drafts and len(named) == 1:
        default_country = named.pop()  # a story told within one country: its officials are of it
    # A visitor to the reporting side's country is not of it (a home paper's own official abroad is).
    travellers = frozenset(id(p) for d in drafts if d.host_country == default_country
                           for p in (d.visitor, *d.delegation))
    write = _PersonWriter(doc, default_country, travellers)
    events = [_event(doc, d, write) for d in drafts]
    people = [write(p) for p in doc._.diplo_people or []]
    warnings = list(doc._.diplo_warnings or [])
    if not doc._.diplo_published:
        warnings.append(NO_DATE_WARNING)
    return Document(
        source=Source(
            path=_source_path(source),
            sha256=sha256(_text(doc)),
            published=doc._.diplo_published,
            dateline=dateline.city if dateline else None,
            outlet=dateline.outlet if dateline else None,
        ),
        events=events,
        people=people,
        organizations=[
            Organization(name=o.name, acronym=o.acronym, country=o.country,
                         mentions=[_span(doc, s, e) for s, e in o.spans])
            for o in doc._.diplo_organizations or []
        ],
        places=[
            Place(name=p.name, kind=p.kind, country=p.country,
                  mentions=[_span(doc, s, e) for s, e in p.spans])
            for p in places
        ],
        warnings=warnings,
    )
