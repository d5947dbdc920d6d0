"""Who travels with whom: delegation members folded into their head's visit, and the attendees of meetings.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractor import geography
from extractor.events.drafts import Reference, VisitDraft
from extractor.events.links import is_passive
from extractor.events.vocabulary import ATTENDANCE, SPOUSES
from extractor.people import PersonCluster
from extractor.people.countries import country_in_name
from extractor.resources import gazetteer


def delegation_members(doc: Doc, refs: dict[int, Reference]) -> list[tuple[PersonCluster | None, PersonCluster, str | None]]:
    """Who travels with whom: 'A is accompanied by B', 'B accompanied A', 'The Turkish delegation
    included B'. Returns (head or None, member, the delegation's demonym country)."""
    found: list[tuple[PersonCluster | None, PersonCluster, str | None]] = []

    def people_under(token: Token) -> list[PersonCluster]:
        """People named under `token`, not inside a clause hanging from it ('..., who met X')."""
        seen: list[PersonCluster] = []
        stack = [token]
        while stack:
            t = stack.pop()
            ref = refs.get(t.i)
            if ref is not None and t.i == ref.end - 1 and ref.person not in seen:
                seen.append(ref.person)
            stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp"))
        return seen

    def people_listed_after(token: Token) -> list[PersonCluster]:
        """People of the list that runs from `token` to the end of its clause: the parser often hangs
        the later names of a long list ('by A, aide B and adviser C') off the wrong head."""
        seen: list[PersonCluster] = []
        for t in doc[token.i : token.sent.end]:
            if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.lower_ in ("who", "which", "where"):
                break
            ref = refs.get(t.i)
            if ref is not None and t.i == ref.end - 1 and ref.person not in seen:
                seen.append(ref.person)
        return seen

    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma == "accompany":
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            others = [c for c in verb.children if c.dep_ in ("agent", "dobj")]
            be = next((c for c in verb.children if c.lemma_ == "be" and c.i > verb.i), None)
            if not subjects and be is not None and be.i + 1 < len(doc):
                # "Also accompanying the Prime Minister are A, B and C"
                found.extend((head, member, None) for c in others for head in people_under(c)
                             for member in people_listed_after(doc[be.i + 1]) if member is not head)
                continue
            heads = [p for c in subjects for p in people_under(c)]
            members = [p for c in others for p in people_under(c)]
            members += [p for c in others[:1] if c.dep_ == "agent"
                        for p in people_listed_after(c) if p not in members]
            if is_passive(verb):
                pairs = [(h, m) for h in heads for m in members]
            else:
                pairs = [(m, h) for h in heads for m in members]
            found.extend((head, member, None) for head, member in pairs if head is not member)
        elif lemma in SPOUSES and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in verb.children):
            # "Harris and her husband, Douglas Emhoff, ...": the spouse travels with the one before.
            after = next((refs[t.i].person for t in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
                          if t.i in refs), None)
            before = next((refs[t.i].person for t in reversed(doc[verb.sent.start : verb.i]) if t.i in refs), None)
            if after is not None and before is not None and after is not before:
                found.append((before, after, None))
        elif lemma in ("include", "comprise"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "delegation"), None)
            if subject is None:
                continue
            owner = next((refs[c.i].person for c in subject.children if c.dep_ == "poss" and c.i in refs), None)
            demonym = next((geography.demonym(c.text) for c in subject.children
                            if c.dep_ in ("amod", "compound") and geography.demonym(c.text)), None)
            for child in verb.children:
                if child.dep_ == "dobj":
                    found.extend((owner, member, demonym) for member in people_under(child))
    return found

def fold_delegations(doc: Doc, refs: dict[int, Reference], drafts: dict) -> None:
    """A delegation member's own meetings are part of the head's visit, not a visit of their own
    (CONTRACT: one event per visitor, the head of the visiting side)."""
    for head, member, demonym in delegation_members(doc, refs):
        heads = [d for d in drafts.values() if d.visitor is head] if head is not None else [
            d for d in drafts.values() if demonym is None or d.visitor.country in (demonym, None)]
        if len(heads) > 1 and head is not None:
            # On a tour, the member joins the leg where both are told.
            member_hosts = {d.host_country for d in drafts.values() if d.visitor is member}
            heads = [d for d in heads if d.host_country in member_hosts] or heads[:1]
        if len(heads) != 1 or heads[0].visitor is member:
            continue
        owner = heads[0]
        if member not in owner.delegation:
            owner.delegation.append(member)
        for key, draft in list(drafts.items()):
            if draft.visitor is member and draft.host_country == owner.host_country:
                del drafts[key]

def add_attendees(doc: Doc, draft: VisitDraft, refs: dict[int, Reference]) -> None:
    involved = {id(draft.visitor)} | {id(c) for m in draft.meetings for c in m.counterparts}
    if not draft.meetings:
        return
    for sent in doc.sents:
        if not ATTENDANCE.search(sent.text):
            continue
        people = []
        for token in sent:
            ref = refs.get(token.i)
            if ref and id(ref.person) not in involved and ref.person not in people:
                people.append(ref.person)
        if not people:
            continue
        before = [m for m in draft.meetings if m.sentences[0].start <= sent.start]
        target = before[-1] if before else draft.meetings[0]
        visitor_side = [p for p in people if p.country and p.country == draft.visitor_country]
        for person in people:
            if person in visitor_side and re.search(r"\b(delegation|accompan|included|comprised)", sent.text):
                if person not in draft.delegation:
                    draft.delegation.append(person)
            if person not in target.attendees:
                target.attendees.append(person)


_GROUP_NOUNS = {"delegation", "team", "mission", "group", "contingent"}


def leaders_of_national_delegations(doc: Doc, refs: dict[int, Reference], places: list) -> None:
    """'a delegation from the National Assembly of Vietnam led by X', 'the Vietnamese delegation headed
    by X': the head of a delegation named for a country is of that country (when nothing else says)."""
    at_char = {start: place for place in places for start, _ in place.spans if place.kind == "country"}
    for token in doc:
        if token.lemma_.lower() not in ("lead", "head") or token.dep_ != "acl" or \
                token.head.lemma_.lower() not in _GROUP_NOUNS:
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        leader = next((refs[t.i].person for t in agent.subtree if t.i in refs), None) if agent else None
        if leader is None or leader.country:
            continue
        group = token.head
        told = [t for t in group.subtree if t.i < token.i or t.i not in {s.i for s in token.subtree}]
        countries = {at_char[t.idx].country for t in told if t.idx in at_char} | {
            iso3 for t in told if t.text[:1].isupper() and (iso3 := country_in_name(t.text))}
        if len(countries) == 1:
            leader.country = countries.pop()


_LEADING_HEADS = {"state", "government", "royal"}


def _leads_the_side(person: PersonCluster) -> bool:
    titles = gazetteer("titles")
    return any(titles.get(key, {}).get("head") in _LEADING_HEADS
               and not key.startswith(("vice", "first-vice"))
               for key in person.title_keys)


def fold_under_the_leader(events: list[VisitDraft]) -> list[VisitDraft]:
    """Two visitors from one country to one host, one of them the head of state or government: the
    other (a minister meeting "her Salvadoran counterpart") travels in the leader's delegation."""
    by_sides: dict[tuple[str, str | None], list[VisitDraft]] = {}
    for event in events:
        if event.visitor_country:
            by_sides.setdefault((event.visitor_country, event.host_country), []).append(event)
    folded: set[int] = set()
    for group in by_sides.values():
        leaders = [e for e in group if _leads_the_side(e.visitor)]
        if len(group) < 2 or len(leaders) != 1:
            continue
        leader = leaders[0]
        for event in group:
            # Only the same trip: an undated or differently dated leader's visit is another one.
            if event is not leader and not _leads_the_side(event.visitor) and leader.date is not None \
                    and event.date in (None, leader.date) and event.status == leader.status:
                if event.visitor not in leader.delegation:
                    leader.delegation.append(event.visitor)
                folded.add(id(event))
    return [e for e in events if id(e) not in folded]
