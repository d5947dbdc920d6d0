"""Visits stated without a meeting: 'X arrived in Lima', 'X will visit Peru', 'during his visit to Chile',
and the destination the article's visit goes to.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractor.events.drafts import Reference, VisitStatement
from extractor.events.links import verb_future
from extractor.events.references import travelling_visit
from extractor.events.vocabulary import BACKGROUND, FUTURE, INVITATION, PAST_TRIP
from extractor.people import PersonCluster


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

def visit_statements(doc: Doc, refs: dict[int, Reference], places: list) -> list[VisitStatement]:
    """Visits stated with their destination: a travelling 'visit' noun with 'to <country>', the verb
    'visit <country>', or 'arrive in <city>' with a person as subject."""
    at_char = {start: place for place in places for start, _ in place.spans}
    found: list[VisitStatement] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in ("visit", "arrive", "travel"):
            continue
        if lemma == "travel" and not any(c.dep_ == "prep" and c.lower_ == "for" and
                                         any(g.lemma_ == "visit" for g in c.subtree) for c in token.children):
            continue  # only "travel to X for a (state) visit": a mere trip is no visit
        if token.pos_ == "NOUN" and not travelling_visit(token):
            continue
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.lemma_.lower() in INVITATION and lemma == "visit" \
                and token.pos_ == "VERB":
            continue
        place = destination_of(token, at_char)
        if place is None or not place.country:
            continue
        visitor = _subject_person(verb, refs)
        sentence = token.sent
        if visitor is None or BACKGROUND.search(sentence.text) or PAST_TRIP.search(sentence.text):
            continue
        future = bool(FUTURE.search(sentence.text)) or verb_future(verb)
        found.append(VisitStatement(visitor, place.country, sentence, future))
    return found

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

def _subject_person(verb: Token, refs: dict[int, Reference]) -> PersonCluster | None:
    if verb.dep_ == "relcl" and verb.head.i in refs:
        return refs[verb.head.i].person
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for token in child.subtree:
                if token.i in refs:
                    return refs[token.i].person
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _subject_person(verb.head, refs)
    return None
