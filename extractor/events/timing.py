"""When: each meeting's day from its sentence, relative phrases ('the next day') from the last day
read, and the visit's span ('a three-day visit from 3 to 5 May').
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from extractor import dates
from extractor.events.drafts import VisitDraft
from extractor.events.places import sentence_places
from extractor.events.trips import destination_of
from extractor.events.vocabulary import (
    ARRIVAL_LEMMAS,
    BACKGROUND,
    DATE_TEXT,
    DAY_AFTER,
    DAY_BEFORE,
    FUTURE,
    SAME_DAY,
    VISIT_TYPE,
)


def date_meetings(doc: Doc, draft: VisitDraft, published: dt.date | None) -> None:
    """Date each meeting from its sentences; relative phrases follow the last date read."""
    resolved, printed = _sentence_dates(doc, published)
    for meeting in draft.meetings:
        for sent in meeting.sentences:
            found, text = resolved.get(sent.start, (None, None))
            if found is not None:
                meeting.date, meeting.date_text = found, text
                break
            if text and meeting.date_text is None:
                meeting.date_text = text
    dated = [m for m in draft.meetings if m.date]
    if not dated and draft.meetings:
        # A lead that dates the visit once ("On April 18, X arrived ...") dates the meetings told after it.
        first = draft.meetings[0]
        first.date = _last_date_before(first.sentences[0].start, printed) or next(
            (printed[s.start] for s in draft.sentences if printed.get(s.start)), None)
        dated = [first] if first.date else []
    if dated:
        first = min(dated, key=lambda m: m.date)  # type: ignore[arg-type, return-value]
        draft.date, draft.date_text = first.date, first.date_text
    elif draft.meetings:
        draft.date_text = draft.meetings[0].date_text
    else:
        for sent in draft.dated_sentences:
            found, text = resolved.get(sent.start, (None, None))
            if found is not None:
                draft.date, draft.date_text = found, text
                break

_SentenceDates = tuple[dict[int, tuple[dt.date | None, str | None]], dict[int, dt.date | None]]


def _sentence_dates(doc: Doc, published: dt.date | None) -> _SentenceDates:
    """By sentence start: the day each sentence reports, with its phrase; and the first day it prints,
    arrivals' days too (they date what follows when nothing else does). The same for every visit of
    the article, so read once per Doc."""
    key = ("diplo_sentence_dates", published)
    if key in doc.user_data:
        return doc.user_data[key]
    last: dt.date | None = None
    resolved: dict[int, tuple[dt.date | None, str | None]] = {}
    printed: dict[int, dt.date | None] = {}
    for sent in doc.sents:
        found, text = _sentence_date(sent, published, last, future=bool(FUTURE.search(sent.text)))
        if found is not None:
            last = found
        resolved[sent.start] = (found, text)
        printed[sent.start] = found or _printed_date(sent, published)
    doc.user_data[key] = (resolved, printed)
    return resolved, printed


def _printed_date(sent: Span, published: dt.date | None) -> dt.date | None:
    """The first day a sentence prints, arrivals included ('On April 18, X arrived in ...')."""
    for match in DATE_TEXT.finditer(sent.text):
        if dates.is_vague(match.group(0)):
            continue
        found = dates.resolve(match.group(0), published)
        if found is not None:
            return found
    return None


def _last_date_before(start: int, printed: dict[int, dt.date | None]) -> dt.date | None:
    earlier = [found for sent_start, found in printed.items() if sent_start < start and found is not None]
    return earlier[-1] if earlier else None


def visit_span(doc: Doc, draft: VisitDraft, published: dt.date | None, places: list,
               hosts: set[str | None] = frozenset()) -> None:  # type: ignore[assignment]
    """The visit's span; `hosts`: every country this visitor goes to (a tour's other legs keep theirs)."""
    told = [sent for sent in doc.sents if not BACKGROUND.search(sent.text) and (
        sent in draft.sentences or _names_visitor(sent, draft))]
    future = draft.status == "planned"
    # A stated range first, wherever it is told: it beats a start read from a headline or an arrival.
    for sent in told:
        if re.search(r"\b(visit|tour|trip)", sent.text, re.I):
            start, end = _leg_range(sent, draft, places, published, future, hosts)
            if start:
                draft.start_date, draft.end_date = start, end
                break
    for sent in told:
        text = sent.text
        if not re.search(r"\bvisit", text, re.I):
            continue
        if draft.start_date is None:
            draft.start_date = _visit_begins(sent, published, future or bool(FUTURE.search(text)))
        began = re.search(r"\b(?:began|begun|started|starting|beginning|commenced)\s+(?:on\s+)?(.{3,20})", text)
        if began and draft.start_date is None:
            draft.start_date = dates.resolve(began[1], published, future=future or bool(FUTURE.search(text)))
        if draft.start_date is None and re.search(r"\bat the (?:start|beginning|outset) of an? [\w-]+ ", text):
            draft.start_date = draft.date
        kind = VISIT_TYPE.search(text)
        if kind and draft.visit_type is None and not _only_other_legs(sent, draft, places, hosts):
            draft.visit_type = kind[1].lower()
    at_char = {start: place for place in places for start, _ in place.spans}
    for sent in doc.sents:
        for token in sent:
            if token.lemma_ in ARRIVAL_LEMMAS and _names_visitor(sent, draft):
                where = destination_of(token, at_char)
                if where is not None and getattr(where, "country", None) not in (None, draft.host_country):
                    continue  # arrived at an earlier stop of the tour
                found = _governed_date(token, published)
                if found and draft.start_date is None:
                    draft.start_date = found
    if draft.start_date is None:
        _span_from_length(doc, draft, published)
    if draft.start_date and draft.end_date is None:
        draft.end_date = _stays_until(doc, draft, published) or _end_from_length(doc, draft)
    if draft.status == "planned" and draft.start_date:
        # A planned visit is dated by its announced start, not by the day it was announced.
        draft.date = draft.start_date

def _only_other_legs(sent: Span, draft: VisitDraft, places: list, hosts: set[str | None]) -> bool:
    """On a tour, 'his state visit to Vietnam' types the Vietnamese leg only."""
    other_legs = set(hosts) - {draft.host_country, None}
    named = {p.country for kind in ("country", "city") for p in sentence_places(sent, places, kind)}
    return bool(named & other_legs) and draft.host_country not in named


def _leg_range(sent: Span, draft: VisitDraft, places: list, published: dt.date | None,
               future: bool, hosts: set[str | None]) -> tuple[dt.date | None, dt.date | None]:
    """The span a sentence states for this visit: 'will visit Mongolia from September 5 to 7 while
    his tour of Japan will be from September 8-9' gives each leg the range printed after its name; a
    range printed after another leg's name is that leg's, any other belongs to the sentence."""
    named = sorted((start - sent.start_char, end - sent.start_char, place) for place in places
                   if place.country for start, end in place.spans
                   if sent.start_char <= start < sent.end_char)
    ends = [start for start, _, _ in named[1:]] + [len(sent.text)]
    other_legs = set(hosts) - {draft.host_country, None}
    kept = [sent.text[: named[0][0]] if named else sent.text]
    for (_, end, place), segment_end in zip(named, ends, strict=False):
        segment = sent.text[end:segment_end]
        if place.country == draft.host_country:
            found = dates.resolve_range(segment, published, future=future)
            if found[0]:
                return found
        if place.country not in other_legs:
            kept.append(segment)
    return dates.resolve_range(" | ".join(kept), published, future=future)


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}

_DAYS = r"\b(" + "|".join(_NUMBER_WORDS) + r"|\d{1,2})-day\b[^.]{0,40}?\b"
_LENGTH = re.compile(_DAYS + r"(?:visit|trip|tour)", re.I)
_VISIT_LENGTH = re.compile(_DAYS + r"visit", re.I)
_UNTIL = re.compile(r"\s*(?:till|until|through|to)\s+(.{3,25})", re.I)
_TRIP_START_LEMMAS = {"arrive", "travel", "embark", "begin", "start", "leave", "land", "reach", "fly", "head"}


def _span_from_length(doc: Doc, draft: VisitDraft, published: dt.date | None) -> None:
    """A stated length and one end: 'a three-day visit till August 11', 'will travel to India on
    Wednesday on a four-day official visit', 'arrived here on a three-day visit' (the arrival's day),
    'marking the start of a three-day visit'."""
    for sent in doc.sents:
        if not any(sent.start <= m.start < sent.end for m in draft.visitor.mentions) and \
                sent not in draft.sentences:
            continue
        if BACKGROUND.search(sent.text):
            continue
        match = _LENGTH.search(sent.text)
        if match is None:
            continue
        days = _NUMBER_WORDS.get(match[1].lower()) or int(match[1])
        future = draft.status == "planned" or bool(FUTURE.search(sent.text))
        until = _UNTIL.match(sent.text[match.end():])
        end = dates.resolve_absolute(until[1], published, future=future) if until else None
        if end is not None:
            draft.start_date, draft.end_date = end - dt.timedelta(days=days - 1), end
            return
        trip_days = (_governed_date(t, published, future) for t in sent
                     if t.lemma_ in _TRIP_START_LEMMAS and t.pos_ == "VERB")
        start = next((day for day in trip_days if day), None)
        if start is None and re.search(r"\b(start|beginning|outset) of\b|\barrived\b", sent.text, re.I):
            start = draft.date
        if start is not None:
            draft.start_date = start
            return


_BEGIN_LEMMAS = {"begin", "start", "commence", "kick"}
_VISIT_NOUNS = {"visit", "tour", "trip"}
_STAY_LEMMAS = {"be", "stay", "remain"}


def _visit_begins(sent: Span, published: dt.date | None, future: bool) -> dt.date | None:
    """'commenced his eight-day visit to India on May 4', 'a visit beginning Monday', 'the tour
    started on Friday': the day a verb of beginning dates, when what begins is the visit."""
    for token in sent:
        if token.lemma_.lower() not in _BEGIN_LEMMAS or token.pos_ not in ("VERB", "AUX"):
            continue
        begun = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if token.dep_ == "acl":
            begun.append(token.head)  # "a five-day visit beginning Monday"
        if not any(t.lemma_.lower() in _VISIT_NOUNS for t in begun):
            continue
        found = _day_told_by(token, published, future, skip={t.i for t in begun for t in t.subtree})
        if found is not None:
            return found
    return None


def _stays_until(doc: Doc, draft: VisitDraft, published: dt.date | None) -> dt.date | None:
    """'The President will be in India till May 9', 'she stays until Friday': the visit's last day."""
    for sent in doc.sents:
        if not _names_visitor(sent, draft) or BACKGROUND.search(sent.text):
            continue
        for token in sent:
            if token.lemma_.lower() not in _STAY_LEMMAS or token.pos_ not in ("VERB", "AUX"):
                continue
            # "will be in India till May 9", "is in Laos for a state visit until Saturday (Jan 14)"
            until = next((c for c in token.subtree if c.dep_ == "prep" and c.lower_ in ("till", "until")),
                         None)
            if until is None:
                continue
            found = _day_told_by(until, published, future=draft.status == "planned")
            if found is not None and (draft.start_date is None or found >= draft.start_date):
                return found
    return None


def _names_visitor(sent: Span, draft: VisitDraft) -> bool:
    return any(m.start >= sent.start and m.end <= sent.end for m in draft.visitor.mentions)


def _day_told_by(head: Token, published: dt.date | None, future: bool,
                 skip: frozenset[int] | set[int] = frozenset()) -> dt.date | None:
    """The day printed in `head`'s subtree, outside the tokens in `skip` ('eight-day' is no day)."""
    words = [t for t in head.subtree if t.i not in skip
             and (t.ent_type_ == "DATE" or t.lower_ in dates.WEEKDAYS)
             and not re.fullmatch(r"\w+-day|day|days|-", t.lower_)]
    if not words:
        return None
    # "on": a bare "May 4" could be the modal verb to the date reader.
    return dates.resolve("on " + " ".join(t.text for t in words), published, future=future)


def _end_from_length(doc: Doc, draft: VisitDraft) -> dt.date | None:
    """'a four-day official visit' that began on the start date ends on day four."""
    for sent in doc.sents:
        if not any(sent.start <= m.start < sent.end for m in draft.visitor.mentions) and \
                sent not in draft.sentences:
            continue
        match = _VISIT_LENGTH.search(sent.text)
        if match and draft.start_date:
            days = _NUMBER_WORDS.get(match[1].lower()) or int(match[1])
            return draft.start_date + dt.timedelta(days=days - 1)
    return None

def _sentence_date(sent: Span, published: dt.date | None, last: dt.date | None,
                   future: bool) -> tuple[dt.date | None, str | None]:
    """The day a sentence reports, with the phrase that says it (the phrase alone when it cannot
    be resolved)."""
    printed: str | None = None
    for match in DATE_TEXT.finditer(sent.text):
        text = match.group(0)
        if re.match(r"\s*(?:to|-|–|until|through)\s*\d", sent.text[match.end():match.end() + 12]) or \
                text.lower().startswith("from "):
            continue
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is not None and _governed_by_arrival(span):
            continue
        if SAME_DAY.search(text):
            return last, text
        if DAY_BEFORE.search(text):
            return (last - dt.timedelta(days=1) if last else None), text
        if DAY_AFTER.search(text):
            return (last + dt.timedelta(days=1) if last else None), text
        if dates.is_vague(text):
            return None, text
        found = dates.resolve(text, published, future=future)
        if found is not None:
            return found, text
        printed = printed or text
    opener = re.match(r"\s*(Later|Subsequently|Afterwards|Thereafter)\b", sent.text)
    if printed is None and opener and last is not None:
        return last, opener[1]  # "Later, X called on Y": later the same day, unless a day is named
    return None, printed

def _governed_by_arrival(span: Span) -> bool:
    token = span[0]
    for _ in range(4):
        if token.lemma_ in ARRIVAL_LEMMAS:
            return True
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ == "VERB":
            return token.lemma_ in ARRIVAL_LEMMAS
    return False

def _governed_date(verb: Token, published: dt.date | None, future: bool = False) -> dt.date | None:
    for child in verb.subtree:
        if child.ent_type_ == "DATE" or child.lower_ in dates.WEEKDAYS:
            text = " ".join(t.text for t in verb.subtree if t.ent_type_ == "DATE" or t.lower_ in dates.WEEKDAYS)
            return dates.resolve(text, published, future=future)
    return None
