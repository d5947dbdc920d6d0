"""Visits told by a trip, with or without a meeting: 'X arrived in Lima', 'X will visit Peru', 'during
his visit to Chile', 'a tour that will also take her to A, B and C', 'having visited Laos and Cambodia'.

The trip words and the prepositions that introduce their destinations are data
(`data/gazetteers/trips.jsonl`); each destination named (a list gives one leg each) becomes a
`VisitStatement` for the trip's traveller, who may be named or only described ('a Chinese military
delegation', "Norway's deputy defence minister").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from extractor import dates, geography
from extractor.events.drafts import Reference, VisitStatement
from extractor.events.links import verb_future
from extractor.events.places import dateline_place
from extractor.events.vocabulary import (
    BACKGROUND,
    CALLED_OFF,
    FUTURE,
    INVITATION,
    PAST_TRIP,
    PLACE_HEADS,
    PLANNED_LEG,
)
from extractor.lexicon import Lexicon
from extractor.people import Chain, Mention, PersonCluster, country_at, title_text
from extractor.resources import gazetteer


@cache
def _trip_words() -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, lemma) -> row: kind 'verb' or 'noun' for trip words, 'visitor' for nouns naming a traveller."""
    return {(row["kind"], row["lemma"]): row for row in gazetteer("trips").values()}


def trip_row(token: Token) -> dict[str, Any] | None:
    """The trip word a token is, if any: a verb ('arrive', 'head') or a noun ('visit', 'trip')."""
    kind = "verb" if token.pos_ in ("VERB", "AUX") else "noun" if token.pos_ in ("NOUN", "PROPN") else None
    if kind is None:
        return None
    return _trip_words().get((kind, token.lemma_.lower()))


def is_visitor_noun(token: Token) -> bool:
    return ("visitor", token.lemma_.lower()) in _trip_words()


def place_index(doc: Doc, places: list) -> dict[int, Any]:
    """Token index -> the place whose printed name covers it."""
    index: dict[int, Any] = {}
    for place in places:
        for start, end in place.spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    index.setdefault(token.i, place)
    return index


def _places_from(token: Token, at_token: dict[int, Any]) -> list[Any]:
    """The place a noun phrase names, and those of its conjuncts ('Gabon, Angola and Benin')."""
    found: list[Any] = []
    for head in (token, *token.conjuncts):
        place = at_token.get(head.i)
        if place is None:
            place = _place_inside(head, at_token)
        if place is not None and place not in found:
            found.append(place)
    return found


def _place_inside(head: Token, at_token: dict[int, Any], depth: int = 0) -> Any | None:
    """'the Republic of Korea', 'the capital Hanoi', 'the Maldivian capital, Male': the place a phrase
    names, not one in a clause or aside hanging from it ('Andrews Air Force Base (1am Singapore time)')."""
    for child in head.children:
        if child.dep_ in ("compound", "appos") and child.i in at_token:
            return at_token[child.i]
        if child.dep_ == "prep" and child.lower_ == "of" and depth < 2 and \
                (head.pos_ == "PROPN" or head.lemma_.lower() in PLACE_HEADS):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return at_token.get(obj.i) or _place_inside(obj, at_token, depth + 1)
        if child.dep_ == "appos" and depth < 2:
            found = _place_inside(child, at_token, depth + 1)
            if found is not None:
                return found
    return None


def destinations(token: Token, row: dict[str, Any], at_token: dict[int, Any], here: Any = None) -> list[Any]:
    """Where a trip word goes: its object ('visit Peru', 'reached Lima') or the objects of its
    destination prepositions ('arrived in', 'headed to', 'left for', 'trip to'); 'arrived here' goes to
    the dateline's place (`here`)."""
    found: list[Any] = []
    for child in token.children:
        if child.lower_ == "here" and child.dep_ == "advmod" and here is not None and row["preps"]:
            found.append(here)
        if child.dep_ == "dobj" and row["object"]:
            found.extend(p for p in _places_from(child, at_token) if p not in found)
        if child.dep_ == "prep" and child.lower_ in row["preps"]:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ == "at" and obj.i in at_token and at_token[obj.i].kind == "city":
                    continue  # "arrived at <Name>" is a venue's name more often than a city's
                found.extend(p for p in _places_from(obj, at_token) if p not in found)
        if child.dep_ == "compound" and token.pos_ == "NOUN" and child.i in at_token:
            found.append(at_token[child.i])  # "a three-day Nepal visit"
    if found and row["object"]:
        found.extend(p for p in _gapped_legs(token, at_token) if p not in found)
    return found


def _gapped_legs(verb: Token, at_token: dict[int, Any]) -> list[Any]:
    """'visited Oman on Monday, the UAE on Tuesday, Qatar on Thursday': the places the parse hangs
    from the days of a list of legs that shares one verb."""
    found: list[Any] = []
    if not any(c.dep_ == "prep" and any(d.ent_type_ == "DATE" for d in c.children) for c in verb.children):
        return found
    for child in verb.children:
        if child.dep_ in ("npadvmod", "appos", "conj") and child.i in at_token and at_token[child.i] not in found:
            found.append(at_token[child.i])
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for day in prep.children:
            if day.dep_ != "pobj" or day.ent_type_ != "DATE":
                continue
            for leg in day.subtree:
                if leg.dep_ in ("appos", "conj") and leg.i in at_token and at_token[leg.i] not in found:
                    found.append(at_token[leg.i])
    return found


def leg_day(doc: Doc, place: Any, trigger: Token, published: dt.date | None, future: bool) -> dt.date | None:
    """The day printed right after a leg's place ('Oman on Monday', 'in Kuwait on Friday')."""
    sentence = trigger.sent
    for start, end in place.spans:
        if not sentence.start_char <= start < sentence.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end : min(span.end + 4, sentence.end)]
        if len(after) > 1 and after[0].lower_ == "on" and after[1].ent_type_ == "DATE":
            words = [t.text for t in after[1:] if t.ent_type_ == "DATE"]
            return dates.resolve(" ".join(words), published, future=future)
    return None


def _ref_under(token: Token, refs: dict[int, Reference]) -> PersonCluster | None:
    for t in token.subtree:
        if t.i in refs:
            return refs[t.i].person
    return None


def _clause_subject(verb: Token, refs: dict[int, Reference], depth: int = 0) -> tuple[PersonCluster | None, Token | None]:
    """The traveller of a verb: its subject (a person, or the noun phrase when it names none), the
    head of a relative clause ('X, who arrived ...'), or the subject it shares with the verb it
    depends on ('called on A and then flew to B', 'having visited Laos, X ...')."""
    if verb.dep_ == "relcl" and verb.head.i in refs:
        return refs[verb.head.i].person, None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in subjects:
        person = refs[child.i].person if child.i in refs else _ref_under(child, refs)
        if person is not None:
            return person, None
    described = [c for c in subjects if c.pos_ in ("NOUN", "PROPN")]
    if described:
        # A traveller described, not named; the parse may give two subjects ("13th Mar, 2024) A delegation").
        return None, described[-1] if is_visitor_noun(described[-1]) else described[0]
    if subjects:
        return None, None
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return _clause_subject(head, refs, depth + 1)
    return None, None


def _owner_of_noun(noun: Token, refs: dict[int, Reference]) -> tuple[PersonCluster | None, Token | None]:
    """Whose visit a noun tells: 'X's trip', 'the visit of X', 'his visit' (the clause's subject),
    'during her visit to Chile, X met ...', 'X is on a visit to', 'X paid a visit to'."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.i in refs:
                return refs[child.i].person, None
            if child.lower_ not in ("his", "her", "their"):
                return None, child
            if noun.dep_ in ("nsubj", "nsubjpass"):
                # "His three-day trip included ...": the trip is the clause's subject, so 'his' is
                # the person the text last made a subject.
                return _last_subject_before(noun, refs), None
        if child.dep_ == "prep" and child.lower_ in ("of", "by"):
            for obj in child.children:
                if obj.dep_ == "pobj" and not _places_from(obj, {}) and obj.i in refs:
                    return refs[obj.i].person, None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("include", "comprise"):
        # "His three-day trip ... included a visit to the Philippines": the trip's traveller.
        verb = noun.head.head if noun.head.dep_ == "conj" else noun.head  # "began Friday and included"
        trip = next((c for c in verb.children if c.dep_ == "nsubj" and trip_row(c) is not None), None)
        if trip is not None:
            return _owner_of_noun(trip, refs)
    verb = noun.head
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
        verb = verb.head
        hops += 1
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    if not _travelling_context(noun, verb):
        return None, None
    return _clause_subject(verb, refs)


_OWNING_VERBS = {"pay", "make", "undertake", "begin", "start", "conclude", "end", "wrap", "complete", "embark",
                 "kick", "be", "continue", "finish", "cut"}
_OWNING_PREPS = {"on", "upon", "during", "after", "before", "ahead", "at", "for", "throughout", "following", "since"}


def _travelling_context(noun: Token, verb: Token) -> bool:
    """'is on a visit', 'paid a visit', 'during his visit', 'began a tour': the clause's subject is
    the traveller (not 'received X in the first state visit by ...')."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _OWNING_VERBS:
        return True
    head = noun.head
    return head.dep_ == "prep" and head.lower_ in _OWNING_PREPS


def describe_visitor(np: Token, lex: Lexicon) -> PersonCluster | None:
    """A traveller the text describes without naming: "Norway's deputy defence minister", 'a Chinese
    military delegation', 'the US delegation led by its deputy head': country, office and body as stated."""
    title_entry = lex.covers(np.i, "TITLE") or lex.covers(np.i, "ROLE")
    if title_entry is None and not is_visitor_noun(np):
        return None
    doc = np.doc
    left = np.left_edge.i
    words = doc[left : np.i + 1]
    country: str | None = None
    organization: str | None = None
    start = left
    for token in words:
        if token.text[:1].isupper():
            iso3 = geography.demonym(token.text)
            found = country_at(doc, token.i, max_len=3)
            if iso3 or found:
                country = country or iso3 or (found[0] if found else None)
                start = max(start, (found[1] if found else token.i + 1))
        org = lex.covers(token.i, "ORG")
        if org is not None and organization is None:
            organization = org.canonical
            country = country or org.row.get("country")
    for child in np.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                found = country_at(doc, obj.left_edge.i) or country_at(doc, obj.i)
                if found:
                    country = country or found[0]
    if country is None:
        return None
    while start < np.i and doc[start].text in ("'s", "’s", "'"):
        start += 1
    title = None
    if title_entry is not None:
        printed = doc[max(start, title_entry.start) : max(title_entry.end, np.i + 1)]
        title = title_text(title_entry) if len(printed) <= len(title_entry.span) else printed.text
    chain = Chain(start=left, end=np.i + 1, country=country, title_parts=[title] if title else [])
    mention = Mention(left, np.i + 1, [], chain, is_name=False)
    person = PersonCluster([mention], country=country, organization=organization)
    person.visiting = True
    return person


def _unnamed(cache_: dict[tuple, PersonCluster], np: Token, lex: Lexicon) -> PersonCluster | None:
    person = describe_visitor(np, lex)
    if person is None:
        return None
    title = person.title.lower() if person.title else np.lemma_.lower()
    key = (person.country, title)
    known = cache_.get(key)
    if known is not None:
        known.mentions.extend(person.mentions)
        return known
    cache_[key] = person
    return person


def _own_clause(verb: Token) -> str:
    """The words of a verb's own clause, without the clauses hanging from it ('..., the first stop of a
    tour that will also take her to B': 'will' is the tour's, not the arrival's)."""
    skip: set[int] = set()
    for token in verb.subtree:
        if token.i != verb.i and token.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") and token.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in token.subtree)
    return " ".join(t.text for t in verb.subtree if t.i not in skip)


def _leg_is_planned(sentence: Span, token: Token, verb: Token) -> bool:
    """A leg still to come: 'will visit', 'is due to travel', 'next travels to', 'a tour that will
    also take her to ...', 'the tour ends in D'."""
    clause = _own_clause(verb)
    if verb_future(verb) or FUTURE.search(clause) or PLANNED_LEG.search(clause):
        return True
    if verb.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("next", "then", "later") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return True  # "X is to travel to Georgia"
    if token is verb and verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and \
            verb.head.tag_ not in ("VBD", "VBN"):
        return True  # "plans are underway for X to visit Washington" (not "flew in to visit the troops")
    head = verb
    while head.tag_ == "VBG" and head.dep_ in ("advcl", "conj", "xcomp") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
        if verb_future(head):
            return True  # "X will travel to the region, starting in A and continuing to B"
    return token.lemma_.lower() in ("take", "end") and verb.tag_ in ("VBZ", "VBP")


def _recalled(token: Token, verb: Token) -> bool:
    """A trip of the past told in its own words: 'had travelled to Rome in May', 'his previous visit'.
    Only the trip's own clause counts: 'X's trip comes weeks after Y's visit in June' is X's trip now."""
    own = " ".join(t.text for t in token.subtree) if token.pos_ == "NOUN" else _own_clause(verb)
    if token.pos_ == "NOUN" and verb.i != token.i:
        own += " " + " ".join(t.text for t in verb.children if t.dep_ in ("aux", "auxpass", "advmod", "neg"))
        own += " " + verb.text
    if verb.dep_ == "relcl":
        # "... in February, when X travelled to Washington": the clause is dated by what it hangs from.
        head = verb.head
        own += " " + (head.head.text + " " if head.head.dep_ == "prep" else "") + head.text
    return bool(BACKGROUND.search(own) or PAST_TRIP.search(own))


def visit_statements(doc: Doc, refs: dict[int, Reference], places: list, lex: Lexicon) -> list[VisitStatement]:
    """Every trip the article reports, one statement per destination named."""
    at_token = place_index(doc, places)
    here = dateline_place(doc._.diplo_dateline, places)
    published = dates.parse_iso(doc._.diplo_published)
    negatives = {t.i for e in lex.all("NEGATIVE") for t in e.span}
    unnamed: dict[tuple, PersonCluster] = {}
    found: list[VisitStatement] = []
    for token in doc:
        row = trip_row(token)
        if row is None:
            continue
        sentence = token.sent
        if any(t.i in negatives for t in sentence) or CALLED_OFF.search(sentence.text):
            continue  # phone calls, summits, cancelled or postponed trips
        if row["family"] == "presence" and not re.search(r"\b(visit|talks|tour|trip)\b", sentence.text, re.I):
            continue  # "X is in Ghana" tells a visit only with its purpose
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() in INVITATION or (verb.dep_ in ("xcomp", "acl", "relcl", "ccomp")
                                                 and verb.head.lemma_.lower() in INVITATION):
            continue  # "invited X to visit Pakistan": not a visit
        legs = destinations(token, row, at_token, here)
        if not legs:
            continue
        future = _leg_is_planned(sentence, token, verb)
        if future and re.search(r"\bconversation\b", sentence.text, re.I):
            continue  # a visit discussed on a call is not yet reported as a visit
        if not future and _recalled(token, verb):
            continue
        if token.pos_ in ("VERB", "AUX") and row["family"] != "tour":
            visitor, np = _clause_subject(token, refs)
        elif row["family"] == "tour":
            visitor, np = _tour_owner(token, refs)
        else:
            visitor, np = _owner_of_noun(token, refs)
        if visitor is None and np is not None:
            visitor = _unnamed(unnamed, np, lex)
        if visitor is None:
            continue
        if row["family"] == "return" and any(c.lower_ == "from" for c in token.children):
            future = False  # "returned from Laos": an earlier leg
        for place in legs:
            if not place.country:
                continue
            city = place.name if place.kind == "city" else None
            day = leg_day(doc, place, token, published, future)
            found.append(VisitStatement(visitor, place.country, sentence, future, row["family"], city, token.i, day))
    # A trip at home ("visited UK troops" by a Briton, "returned to Beijing") is no visit.
    return [s for s in found if s.host_country != s.visitor.country and not (s.family == "return" and _home_return(s))]


def _home_return(statement: VisitStatement) -> bool:
    """'returned to Beijing': the traveller going home is no visit."""
    return statement.visitor.country == statement.host_country or statement.visitor.country is None


def _tour_owner(token: Token, refs: dict[int, Reference]) -> tuple[PersonCluster | None, Token | None]:
    """'a tour that will also take her to A': the tour's traveller; 'the tour ends in D': its owner."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.dep_ == "relcl":
        subject = token.head
    if subject is None or trip_row(subject) is None:
        if token.lemma_.lower() == "take":
            return None, None
        return _clause_subject(token, refs)
    for child in token.children:
        if child.dep_ == "dobj" and child.i in refs:
            return refs[child.i].person, None
    owner, np = _owner_of_noun(subject, refs)
    if owner is not None or np is not None:
        return owner, np
    return _last_subject_before(token, refs), None


def _last_subject_before(token: Token, refs: dict[int, Reference]) -> PersonCluster | None:
    """'her': the last person the text made a subject before `token`."""
    for i in range(token.i - 1, -1, -1):
        ref = refs.get(i)
        if ref is not None and token.doc[i].dep_ in ("nsubj", "nsubjpass"):
            return ref.person
    return None


def visit_destination(doc: Doc, places: list) -> str | None:
    """A country named as a visit's destination: 'on an official visit to India', 'trip to China'."""
    by_start = {}
    for place in places:
        for start, _ in place.spans:
            by_start[start] = place
    for match in re.finditer(r"\b(?:visits?|trip|tour|travel(?:led|ed)?|arrived|arrives?)\s+(?:to|of|in)\s+"
                             r"(?:the\s+)?", doc.text, re.I):
        place = by_start.get(match.end())
        if place is None:
            continue
        sentence = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if sentence is not None and (BACKGROUND.search(sentence.sent.text) or PAST_TRIP.search(sentence.sent.text)):
            continue
        if place.kind == "country":
            return place.country
        if place.kind == "city" and place.country:
            return place.country
    return None


def destination_of(token: Token, at_char: dict) -> object | None:
    """The place a visit goes to: 'visit to X', 'visit X', 'arrived in X'."""
    for child in token.children:
        if child.dep_ == "dobj":
            edge = child.left_edge.nbor() if child.left_edge.lower_ == "the" and child.left_edge.i < child.i \
                else child.left_edge
            for start in (edge.idx, child.idx):
                if start in at_char:
                    return at_char[start]
        if child.dep_ == "prep" and child.lower_ in ("to", "in", "at"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    start = obj.left_edge.idx if obj.left_edge.lower_ != "the" else obj.left_edge.nbor().idx
                    if start in at_char:
                        return at_char[start]
                    if obj.idx in at_char:
                        return at_char[obj.idx]
    return None


def current_leg(link: Any, statements: list[VisitStatement]) -> str | None:
    """The country of the last leg either side of a meeting reached before it: on a tour, a meeting
    told without a place took place where the traveller last arrived."""
    legs = [s for s in statements if (link.future or not s.future) and s.sentence.start <= link.sentence.start
            and (s.visitor is link.visitor or s.visitor is link.host)
            and s.host_country != s.visitor.country]  # "visited UK troops": no leg for a Briton
    return legs[-1].host_country if legs else None


def drop_described_twice(drafts: dict) -> None:
    """An unnamed traveller ('the Chinese delegation') whose visit is also told with the head's name
    is that visit, not another."""
    named = [d for d in drafts.values() if d.visitor.name]
    for key, draft in list(drafts.items()):
        if draft.visitor.name:
            continue
        same = next((d for d in named if d.host_country == draft.host_country
                     and d.visitor.country in (None, draft.visitor.country)), None)
        if same is not None:
            if same.visitor.country is None and draft.visitor.country:
                same.visitor.country = draft.visitor.country  # "Uzbekistan's foreign minister arrived ..."
            if same.trip_occurred is False and draft.trip_occurred:
                same.trip_occurred = True
            del drafts[key]


_TRIP_NOUNS = re.compile(r"\b(visits?|trips?|tours?|travel|journey|meetings?)\b", re.I)


def called_off_hosts(doc: Doc, places: list) -> set[str]:
    """Countries of trips the article says were cancelled, postponed or delayed ('Pompeo cancels
    Berlin trip', 'agreed to postpone the delegation's visit to China')."""
    hosts: set[str] = set()
    at_token = place_index(doc, places)
    for sent in doc.sents:
        if CALLED_OFF.search(sent.text) and _TRIP_NOUNS.search(sent.text):
            hosts.update(at_token[t.i].country for t in sent if t.i in at_token and at_token[t.i].country)
    return hosts


def drop_called_off(doc: Doc, drafts: dict, places: list) -> None:
    """A visit to a country whose trip was called off is no visit, unless a meeting there is told
    as having happened."""
    hosts = called_off_hosts(doc, places)
    if not hosts:
        return
    for key, draft in list(drafts.items()):
        if draft.host_country in hosts and not any(not getattr(m, "future", False) for m in draft.meetings):
            del drafts[key]


def drop_told_by_phone(drafts: dict, lex: Lexicon) -> None:
    """In an article about calls ('held phone talks with ...'), a meeting told with no trip at all
    ('Following this conversation, X conferred with Y') is another call, not a visit."""
    if not any(e.key == "phone-call" for e in lex.all("NEGATIVE")):
        return
    for key, draft in list(drafts.items()):
        if not draft.sentences and not draft.trip_occurred and not draft.visitor.visiting:
            del drafts[key]
