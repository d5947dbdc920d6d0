"""Assembly: the stages of the event layer run in order over one Doc, their findings grouped into one
VisitDraft per visitor and host country.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from extractor import dates
from extractor.events.agenda import ceremonies, topics_and_outcomes
from extractor.events.anaphora import refer_back_to_unnamed
from extractor.events.delegations import (
    add_attendees,
    fold_delegations,
    fold_under_the_leader,
    leaders_of_national_delegations,
)
from extractor.events.drafts import Link, MeetingDraft, Reference, VisitDraft, VisitStatement
from extractor.events.links import find_links
from extractor.events.orientation import orient
from extractor.events.places import (
    dateline_country,
    link_host,
    meeting_place_country,
    other_side,
    place_meetings,
    reporting_country,
    sentence_places,
)
from extractor.events.references import build_references
from extractor.events.sides import settle_sides
from extractor.events.timing import date_meetings, visit_span
from extractor.events.trips import (
    current_leg,
    drop_called_off,
    drop_described_twice,
    drop_told_by_phone,
    visit_destination,
    visit_statements,
)
from extractor.events.vocabulary import BACKGROUND
from extractor.extensions import register_extensions
from extractor.lexicon import Lexicon
from extractor.people import Mention, PersonCluster
from extractor.people.countries import serves_no_state


class VisitAssembler:
    """Turn meeting links and trip statements into visit events, one per visitor and host country."""

    def __init__(self, nlp: Language, name: str, *, min_confidence: float = 0.0) -> None:
        self.name = name
        self.min_confidence = min_confidence
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        people: list[PersonCluster] = doc._.diplo_people or []
        roles: list[Mention] = doc._.diplo_roles or []
        places = doc._.diplo_places or []
        dateline = doc._.diplo_dateline
        lex = Lexicon.of(doc)
        default = reporting_country(doc, dateline, places)
        refs = build_references(doc, people, roles, default)
        leaders_of_national_delegations(doc, refs, places)
        statements = visit_statements(doc, refs, places, lex)
        refer_back_to_unnamed(doc, refs, statements)
        links = find_links(doc, refs, lex)
        destination = visit_destination(doc, places)
        datelined = dateline_country(dateline, places)
        article_host = destination or datelined or default
        dateline_end = dateline.end if dateline else 0
        if article_host is None and links:
            # No destination, dateline or outlet: the first meeting's place stands for the article.
            article_host = link_host(links[0], places, None, lex, dateline_end)
        published = dates.parse_iso(doc._.diplo_published)
        drafts: dict[tuple[int, str | None], VisitDraft] = {}
        # "X will visit South Korea on Wednesday, where he is scheduled to meet Y": that sentence's host.
        stated_hosts = {(s.sentence.start, id(s.visitor)): s.host_country for s in statements}
        legs_of: dict[int, set[str]] = {}
        for statement in statements:
            legs_of.setdefault(id(statement.visitor), set()).add(statement.host_country)
        kept: list[tuple[Link, PersonCluster, PersonCluster, str | None]] = []
        unsettled: list[tuple[Link, str | None]] = []
        for link in links:
            if BACKGROUND.search(link.sentence.text) and not link.future:
                continue
            own_place = meeting_place_country(link, places)
            if own_place is None or own_place not in (link.visitor.country, link.host.country):
                own_place = None  # 'met Y in Bangkok' sets the meeting where one side is at home
            host_country = own_place or stated_hosts.get((link.sentence.start, id(link.visitor))) or \
                stated_hosts.get((link.sentence.start, id(link.host))) or \
                self._leg_named_in(link, places, legs_of) or \
                link_host(link, places, current_leg(link, statements) or article_host, lex, dateline_end)
            oriented = orient(link, host_country, default)
            if oriented is None:
                unsettled.append((link, host_country))
                continue
            visitor, counterpart = oriented
            if counterpart.country and counterpart.country != host_country and \
                    counterpart.country in legs_of.get(id(visitor), set()):
                host_country = counterpart.country  # on a tour, meeting "Kyrgyz President X" is the Kyrgyz leg
            if host_country is None and visitor.visiting and counterpart.country not in (None, visitor.country):
                host_country = counterpart.country  # the visitor went to the country of the one who met him
            if counterpart.country is None:
                counterpart.country = host_country
            kept.append((link, visitor, counterpart, host_country))
        # Travellers are known from the kept links and from the trips the article tells.
        known_visitors = {id(v) for _, v, _, _ in kept} | {id(s.visitor) for s in statements}
        for link, host_country in unsettled:
            # A meeting of someone already known as the visitor ("Later, the Prime Minister also met X").
            for visitor, counterpart in ((link.visitor, link.host), (link.host, link.visitor)):
                if id(visitor) in known_visitors and id(counterpart) not in known_visitors and \
                        counterpart.country in (None, host_country) and visitor.country != host_country:
                    if counterpart.country is None:
                        counterpart.country = host_country
                    kept.append((link, visitor, counterpart, host_country))
                    break
        kept.sort(key=lambda k: k[0].sentence.start)
        visitors = {id(v) for _, v, _, _ in kept}
        for link, visitor, counterpart, host_country in kept:
            if id(counterpart) in visitors and not visitor.visiting and counterpart.visiting:
                continue
            key = (id(visitor), host_country)
            draft = drafts.get(key)
            if draft is None:
                draft = VisitDraft(visitor, None, host_country, "occurred", [])
                drafts[key] = draft
            self._add_meeting(draft, link, counterpart)
        counterparts = {id(c) for d in drafts.values() for m in d.meetings for c in m.counterparts}
        for statement in statements:
            self._add_statement(drafts, statement, counterparts, dateline.start if dateline else 0)
        drop_described_twice(drafts)
        drop_told_by_phone(drafts, lex)
        drop_called_off(doc, drafts, places)
        fold_delegations(doc, refs, drafts)
        legs: dict[int, set[str | None]] = {}
        for draft in drafts.values():
            legs.setdefault(id(draft.visitor), set()).add(draft.host_country)
        events = [self._finish(doc, d, refs, lex, places, dateline, published, default, legs[id(d.visitor)])
                  for d in drafts.values()]
        doc._.diplo_events = fold_under_the_leader(
            [e for e in events if e is not None and e.confidence >= self.min_confidence])
        settle_sides(doc._.diplo_events)
        return doc

    @staticmethod
    def _leg_named_in(link: Link, places: list, legs_of: dict[int, set[str]]) -> str | None:
        """'In Uruguay, the High Representative will meet X': on a tour, a leg's country or city
        named in the meeting's sentence is where the meeting is."""
        legs = legs_of.get(id(link.visitor), set()) | legs_of.get(id(link.host), set())
        if len(legs) < 2:
            return None
        named = [p.country for kind in ("country", "city") for p in sentence_places(link.sentence, places, kind)
                 if p.country in legs]
        return named[0] if len(set(named)) == 1 else None

    @staticmethod
    def _add_statement(drafts: dict, statement: VisitStatement, counterparts: set[int], body_start: int) -> None:
        """A trip joins the visitor's visit to that country, or starts one (a leg with no meeting).
        A headline's present tense ('X leaves Hanoi for Phnom Penh') does not say the leg has begun."""
        visitor = statement.visitor
        if id(visitor) in counterparts or visitor.country == statement.host_country:
            return  # a host official's own trip, or a trip at home
        key = (id(visitor), statement.host_country)
        draft = drafts.get(key)
        headline = statement.sentence.end_char <= body_start
        if draft is None:
            draft = drafts[key] = VisitDraft(visitor, None, statement.host_country,
                                             "planned" if statement.future or headline else "occurred", [])
        elif draft.status == "planned" and not statement.future and not headline:
            draft.status = "occurred"
        draft.trip_occurred = draft.trip_occurred or not (statement.future or headline)
        if statement.sentence not in draft.sentences:
            draft.sentences.append(statement.sentence)
        draft.stated_city = draft.stated_city or statement.city
        draft.leg_day = draft.leg_day or statement.day
        if statement.family != "arrival" and (statement.future or statement.family == "visit"):
            # A planned leg is dated by its announced day; an arrival alone dates nothing.
            draft.dated_sentences.append(statement.sentence)

    @staticmethod
    def _add_meeting(draft: VisitDraft, link: Link, counterpart: PersonCluster) -> None:
        for meeting in draft.meetings:
            if counterpart in meeting.counterparts:
                if link.sentence not in meeting.sentences:
                    meeting.sentences.append(link.sentence)
                return
        meeting = MeetingDraft([counterpart], sentences=[link.sentence])
        meeting.future = link.future  # type: ignore[attr-defined]
        draft.meetings.append(meeting)

    def _finish(self, doc: Doc, draft: VisitDraft, refs: dict[int, Reference], lex: Lexicon, places: list,
                dateline, published: dt.date | None, default: str | None,
                hosts: set[str | None]) -> VisitDraft | None:
        """Settle a draft's countries, places, dates and agenda; None when it is no visit after all.
        `hosts`: every country this visitor goes to in the article."""
        occurred = [m for m in draft.meetings if not getattr(m, "future", False)]
        if occurred:
            draft.meetings = occurred
        elif draft.meetings and not draft.trip_occurred:
            draft.status = "planned"
        draft.meetings.sort(key=lambda m: m.sentences[0].start)
        visitor = draft.visitor
        inferred = False
        draft.visitor_country = visitor.country or self._role_country(visitor)
        if draft.visitor_country is None and default and default not in hosts:
            draft.visitor_country = default  # the outlet's country, unless the visitor goes there
        travelled = visitor.visiting or draft.trip_occurred or bool(draft.dated_sentences) or \
            draft.status == "planned"
        if draft.visitor_country is None and travelled:
            draft.visitor_country = other_side(doc, places, hosts, [p for p in doc._.diplo_people if p is not visitor])
            inferred = len(hosts) > 1  # on a tour, one leg's guess must not become every leg's fact
        if draft.host_country is None or (draft.visitor_country and draft.visitor_country == draft.host_country):
            return None
        if draft.visitor_country is None and not travelled and \
                not _names_another_country(places, draft.host_country):
            return None  # a meeting in a story of one country: a prime minister and a provincial premier
        if draft.visitor_country and visitor.country is None and not inferred:
            visitor.country = draft.visitor_country
        for member in draft.delegation:
            if member.country is None and draft.visitor_country and not inferred:
                member.country = draft.visitor_country  # the delegation travels from the visitor's country
        if draft.visitor_country is None and default == draft.host_country and not visitor.visiting and \
                not serves_no_state(visitor):
            return None  # a home agency's official of no stated country meeting another: a domestic call
        place_meetings(doc, draft, places, dateline)
        date_meetings(doc, draft, published)
        add_attendees(doc, draft, refs)
        sentences = sorted({s.start: s for m in draft.meetings for s in m.sentences + draft.sentences}.values(),
                           key=lambda s: s.start) if draft.meetings else draft.sentences
        draft.sentences = sentences
        visit_span(doc, draft, published, places, hosts)
        if draft.status == "occurred" and published and draft.start_date and draft.start_date > published:
            draft.status = "planned"  # "is visiting India from Wednesday", printed on the Saturday before
        scheduled = all(getattr(m, "future", False) for m in draft.meetings)
        if draft.status == "occurred" and draft.meetings and scheduled:
            draft.meetings = []  # "arrived in X to hold talks with Y": the talks are not held yet
        if draft.leg_day and not any(m.date for m in draft.meetings):
            draft.date = draft.leg_day  # "visited Oman on Monday, Qatar on Thursday": each leg its day
        topics_and_outcomes(draft, places, hosts)
        draft.ceremonies = ceremonies(doc, lex, draft)
        draft.reporting_side = default
        draft.confidence = self._confidence(draft)
        return draft

    @staticmethod
    def _role_country(visitor: PersonCluster) -> str | None:
        for mention in visitor.mentions:
            if mention.chain.country:
                return mention.chain.country
        return None

    @staticmethod
    def _confidence(draft: VisitDraft) -> float:
        score = 0.45
        if draft.visitor_country:
            score += 0.15
        if draft.host_country:
            score += 0.1
        if draft.date:
            score += 0.1
        if draft.city:
            score += 0.05
        if draft.visitor.country and all(c.country for m in draft.meetings for c in m.counterparts):
            score += 0.1
        return round(min(score, 0.95), 2)


def _names_another_country(places: list, host: str | None) -> bool:
    """Whether the article names any country but the host, by a place of it or a city."""
    return any(p.country and p.country != host for p in places)
