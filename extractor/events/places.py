"""Where: the reporting side's country, the host country of a meeting, and each meeting's venue and city.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor import geography
from extractor.events.drafts import Link, VisitDraft
from extractor.events.vocabulary import FUTURE
from extractor.lexicon import Lexicon
from extractor.resources import gazetteer


def sentence_places(sent: Span, places: list, kind: str, after: int = 0) -> list:
    found = []
    for place in places:
        for start, _ in place.spans:
            if max(sent.start_char, after) <= start < sent.end_char and place.kind == kind:
                found.append((start, place))
    return [p for _, p in sorted(found, key=lambda x: x[0])]

def meeting_place_country(link: Link, places: list) -> str | None:
    """The country of the place the meeting verb itself is set in: 'met Y in Bangkok', whether the
    parse hangs the place on the verb or on Y (not a place of another clause of the sentence, such
    as 'before arriving in Hanoi')."""
    doc = link.trigger.doc
    objects = [c for c in link.trigger.children if c.dep_ in ("dobj", "pobj")]
    for child in [c for head in [link.trigger, *objects] for c in head.children]:
        if child.dep_ != "prep" or child.lower_ not in ("in", "at"):
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            start, end = doc[obj.left_edge.i].idx, obj.idx + len(obj.text)
            for place in places:
                if place.country and place.kind in ("city", "country") and \
                        any(start <= s and e <= end for s, e in place.spans):
                    return place.country
    return None

def reporting_country(doc: Doc, dateline, places: list) -> str | None:
    """The reporting side: the credited outlet's country, else the dateline's. A world wire
    ('ANDREWS AIR FORCE BASE, UNITED STATES (AFP)') reports from where it stands, not from home."""
    if dateline and dateline.outlet:
        row = gazetteer("outlets", "name").get(dateline.outlet.lower())
        if row and row.get("country") and not row.get("wire"):
            return str(row["country"])
    return dateline_country(dateline, places)

def dateline_place(dateline, places: list):
    """The place the dateline prints, if it is one of the article's places."""
    if dateline is None:
        return None
    return next((p for p in places if any(start == dateline.start for start, _ in p.spans)), None)

def dateline_country(dateline, places: list) -> str | None:
    place = dateline_place(dateline, places)
    return place.country if place is not None else None

def link_host(link: Link, places: list, article_host: str | None, lex: Lexicon,
               dateline_end: int = 0) -> str | None:
    """The country a meeting took place in: a city named in its sentence, else the article's
    host; failing both, a venue's country ('at the Pentagon') or a diplomat's posting."""
    cities = sentence_places(link.sentence, places, "city", after=dateline_end)
    for city in cities:
        if city.country:
            return city.country if article_host is None or city.country == article_host or \
                not FUTURE.search(link.sentence.text) else article_host
    if article_host:
        return article_host
    for entry in lex.all("ORG"):
        if link.sentence.start <= entry.start < link.sentence.end and entry.row.get("country") and \
                entry.start > link.trigger.i:
            return str(entry.row["country"])
    for person in (link.visitor, link.host):
        posted = next((c.posted_to for c in person.chains() if c.posted_to), None)
        if posted:
            return posted
    return None

def place_meetings(doc: Doc, draft: VisitDraft, places: list, dateline) -> None:
    venues: list[Span] = doc._.diplo_venues or []
    dateline_city = None
    if dateline:
        for place in places:
            if place.kind == "city" and any(s == dateline.start for s, _ in place.spans):
                dateline_city = place
    for meeting in draft.meetings:
        for sent in meeting.sentences:
            if meeting.venue is None:
                here = [v for v in venues if sent.start <= v.start < sent.end]
                named_at = [m.end for m in meeting.counterparts[0].mentions if sent.start <= m.start < sent.end]
                after = [v for v in here if named_at and v.start >= named_at[0]]
                if after or here:
                    meeting.venue = (after or here)[0].text
            if meeting.city is None:
                cities = [c for c in sentence_places(sent, places, "city", after=dateline.end if dateline else 0)
                          if c.country in (draft.host_country, None)]
                if cities:
                    meeting.city = cities[0].name
        if meeting.city is None and meeting.venue:
            venue_city = geography.city(meeting.venue.split()[-1])
            if venue_city and venue_city.iso3 == draft.host_country:
                meeting.city = venue_city.name
    if dateline_city and dateline_city.country == draft.host_country:
        # "here": a meeting with no other city named took place in the dateline city.
        for meeting in draft.meetings:
            meeting.city = meeting.city or dateline_city.name
    first = draft.meetings[0] if draft.meetings else None
    if first and first.city:
        draft.city = first.city
    elif draft.stated_city:
        draft.city = draft.stated_city
    elif dateline_city and dateline_city.country == draft.host_country:
        draft.city = dateline_city.name
    else:
        draft.city = next((m.city for m in draft.meetings if m.city), None) or _only_host_city(draft, places)


def _only_host_city(draft: VisitDraft, places: list) -> str | None:
    """The one city of the host country the article names, where it names one only: the visit's meetings
    told without a place were held there."""
    here = {p.name for p in places if p.kind == "city" and p.country == draft.host_country}
    return here.pop() if len(here) == 1 else None


def other_side(doc: Doc, places: list, hosts: set[str | None], people: list | None = None) -> str | None:
    """The country the article names most after the host ('Prime Minister X left the island for an
    official visit to the Dominican Republic', in a Jamaican paper naming Jamaica throughout): where a
    visitor's own country is not printed, the other country of the story. A country printed as
    another person's own ('former US president Y') describes that person, not the story. A body
    named for a country counts for it."""
    others = {i for person in people or [] if person.country
              for m in person.mentions for i in range(m.chain.start, m.end)}
    counts: dict[str, int] = {}
    for place in places:
        if place.kind == "country" and place.country and place.country not in hosts:
            spans = [s for s in place.spans if not _starts_in(doc, s[0], others)]
            counts[place.country] = counts.get(place.country, 0) + len(spans)
    for body in doc._.diplo_organizations or []:
        if body.country and body.country not in hosts:  # "the Singapore International Foundation"
            counts[body.country] = counts.get(body.country, 0) + len(body.spans)
    for token in doc:
        if token.text[:1].isupper() and token.i not in others and (iso3 := geography.demonym(token.text)) \
                and iso3 not in hosts and not _in_region_phrase(token):
            counts[iso3] = counts.get(iso3, 0) + 1
    counts = {k: v for k, v in counts.items() if v}
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None  # no clear other side
    return ranked[0][0]


def _in_region_phrase(token) -> bool:
    """'American' of 'Latin American', 'African' of 'West African': a region's adjective."""
    return token.i > 0 and geography.names_a_region(f"{token.doc[token.i - 1].text} {token.text}")


def _starts_in(doc: Doc, char: int, tokens: set[int]) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in tokens
