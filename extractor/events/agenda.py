"""What: the topics discussed, the outcomes agreed and the ceremonies held.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.events.drafts import VisitDraft
from extractor.events.places import sentence_places
from extractor.events.vocabulary import BACKGROUND, OUTCOME_LEMMAS, TOPIC_LEMMAS
from extractor.lexicon import Lexicon
from extractor.resources import gazetteer


def topics_and_outcomes(draft: VisitDraft, places: list | tuple = (),
                        hosts: set[str | None] | frozenset[str | None] = frozenset()) -> None:
    """Topics and outcomes of each meeting from its sentences, and of the visit from the article;
    on a tour (`hosts`: every country the visitor goes to) only from this leg's own passage."""
    for meeting in draft.meetings:
        for sent in meeting.sentences:
            meeting.topics.extend(t for t in _phrases(sent, TOPIC_LEMMAS) if t not in meeting.topics)
            meeting.outcomes.extend(o for o in _phrases(sent, OUTCOME_LEMMAS) if o not in meeting.outcomes)
    doc = draft.sentences[0].doc if draft.sentences else None
    if doc is None:
        return
    for sent in _passage(doc, draft, places, set(hosts) - {draft.host_country, None}):
        for topic in _phrases(sent, TOPIC_LEMMAS):
            if topic not in draft.topics:
                draft.topics.append(topic)
        for outcome in _phrases(sent, OUTCOME_LEMMAS):
            if outcome not in draft.outcomes:
                draft.outcomes.append(outcome)


def _passage(doc: Doc, draft: VisitDraft, places: list, other_legs: set[str | None]) -> list[Span]:
    """The sentences that tell this visit: all of them, or on a tour the leg's own sentences and
    those that follow them until another leg is named."""
    sentences = list(doc.sents)
    if not other_legs:
        return sentences
    own = {s.start for s in draft.sentences} | {s.start for m in draft.meetings for s in m.sentences}
    kept: list[Span] = []
    following = False
    for sent in sentences:
        named = {p.country for kind in ("country", "city") for p in sentence_places(sent, places, kind)}
        if sent.start in own:
            following = True
        elif named & other_legs:
            following = False
        if following:
            kept.append(sent)
    return kept


def ceremonies(doc: Doc, lex: Lexicon, draft: VisitDraft) -> list[str]:
    found: list[str] = []
    names = gazetteer("ceremonies")
    for entry in lex.all("CEREMONY"):
        if BACKGROUND.search(entry.span.sent.text):
            continue
        name = str(names.get(entry.key, {}).get("name") or entry.span.text.lower())
        if entry.key == "wreath-laying":
            at = re.search(r"\bat (?:the )?([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*)", doc.text[entry.span.end_char:
                                                                                         entry.span.sent.end_char])
            if at:
                name = f"wreath laying at {at[1]}"
        if name not in found:
            found.append(name)
    return found

_PHRASE_CUTTERS = {"following", "after", "during", "amid", "upon", "while", "before", "since"}

def _phrases(sent: Span, lemmas: set[str]) -> list[str]:
    """Short object phrases of the given verbs: 'discussed X and Y' -> ['X', 'Y']."""
    found: list[str] = []
    for token in sent:
        if token.lemma_.lower() not in lemmas or token.pos_ not in ("VERB", "AUX"):
            continue
        for child in token.children:
            if child.dep_ in ("dobj", "xcomp", "prep", "nsubjpass") and child.i > token.i:
                target = child
                if child.dep_ == "prep":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if not objs:
                        continue
                    target = objs[0]
                words = list(target.subtree)
                end = words[-1].i + 1
                for word in words[1:]:
                    # Keep the agenda, not the circumstances: "... defence ties following the visit of ...".
                    if word.text == ";" or word.lower_ in _PHRASE_CUTTERS:
                        end = word.i
                        break
                text = sent.doc[words[0].i : end].text.strip(" ,.;")
                if 2 < len(text) <= 160:
                    found.append(text)
                break
    return found
