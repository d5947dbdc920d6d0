"""Meeting links: two people joined in one sentence by a trigger verb ('X called on Y', 'Y received X',
'X held talks with Y', passive forms), oriented where the verb says who travelled.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.events.drafts import Link, Reference
from extractor.events.vocabulary import (
    ARRIVAL_LEMMAS,
    CALLED_OFF,
    FUTURE,
    HOST_NOUNS,
    HOST_VERBS,
    INVITATION,
    LIGHT_VERBS,
    MEET_VERBS,
    MEETING_NOUNS,
)
from extractor.lexicon import Lexicon
from extractor.people import PersonCluster


def _side_of(token: Token, verb: Token) -> str | None:
    """How a token hangs off a trigger verb: 'subj', 'obj' or 'agent'."""
    current = token
    path: list[Token] = []
    while current.head.i != current.i and current.i != verb.i:
        path.append(current)
        current = current.head
    if current.i != verb.i or not path:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl", "advcl", "ccomp") and not _leads(t)
           for t in path[1:]):
        return None  # inside an embedded clause: "talks, which were attended by X"
    top = path[-1]
    if top.dep_ == "dobj" and top.pos_ == "NOUN" and top.lemma_.lower() not in MEETING_NOUNS | _PEOPLE_NOUNS and \
            any(t.dep_ == "prep" and t.lower_ == "of" for t in path):
        return None  # "welcomed the goodwill message of X", "received the credentials of Y": a thing of theirs
    if top.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return "subj"
    if top.dep_ == "agent":
        return "agent"
    if top.dep_ in ("dobj", "prep", "pobj", "dative", "attr", "npadvmod", "prt", "advcl", "oprd", "xcomp", "ccomp"):
        return "obj"
    if top.dep_ in ("conj",):
        return None
    return None

_PEOPLE_NOUNS = {"delegation", "team", "mission", "group", "contingent", "leader", "head", "chief", "member"}


def _leads(verb: Token) -> bool:
    """'a delegation led by X called on Y': the head of the delegation stands on its side."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in ("lead", "head") and \
        any(c.dep_ == "agent" for c in verb.children)

def _references_under(doc: Doc, refs: dict[int, Reference], verb: Token, sent: Span) -> dict[str, list[PersonCluster]]:
    sides: dict[str, list[PersonCluster]] = {"subj": [], "obj": [], "agent": []}
    for token in sent:
        ref = refs.get(token.i)
        if ref is None or token.i != ref.end - 1:
            continue
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and refs.get(token.head.i) is not ref:
            continue  # "members of the Trump administration": the name modifies a body, not a person met
        side = _side_of(token, verb)
        if side is None:
            # "called on Chief of the Naval Staff, Admiral X": the parse may hang the name apart from the
            # office before it; the office's own head then says the person's side.
            heads = [t for t in sent.doc[sent.start : token.i] if refs.get(t.i) is ref and t.head.i != t.i
                     and refs.get(t.head.i) is not ref]
            side = next((found for t in heads if (found := _side_of(t, verb)) is not None), None)
        if side is None:
            continue
        if ref.person not in sides[side]:
            sides[side].append(ref.person)
    # "A and B called on C": the subject's conjuncts share its side.
    return sides

def _inherited_subjects(doc: Doc, refs: dict[int, Reference], verb: Token, sent: Span,
                        depth: int = 0) -> list[PersonCluster]:
    """The subject a verb shares with the verb governing it: a relative clause's head ('X, who
    ...'), a coordinated verb ('called on A and later held talks with B'), or a complement ('is
    scheduled to hold talks with B')."""
    person = _subject_of_relative(verb, refs)
    if person is not None:
        return [person]
    if depth > 3 or verb.dep_ not in ("conj", "xcomp") or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    head = verb.head
    return _references_under(doc, refs, head, sent)["subj"] or _inherited_subjects(doc, refs, head, sent, depth + 1)

def _last_reference_before(refs: dict[int, Reference], verb: Token, sent: Span) -> PersonCluster | None:
    """The person named before the verb when no verb precedes that name: the subject of a
    sentence the parse got wrong ('ISLAMABAD: Lt Gen X, Commander ..., called on Y')."""
    for i in range(verb.i - 1, sent.start - 1, -1):
        ref = refs.get(i)
        if ref is not None:
            clause_verbs = [t for t in sent.doc[sent.start : ref.start]
                            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")]
            return None if clause_verbs else ref.person
    return None

def _has_thing_object(verb: Token, refs: dict[int, Reference]) -> bool:
    """'visited the General Headquarters': the verb's object is a thing, not a person."""
    return any(c.dep_ == "dobj" and c.i not in refs and c.lower_ not in MEETING_NOUNS for c in verb.children)

def _first_reference_after(refs: dict[int, Reference], verb: Token, sent: Span,
                           window: int = 14) -> PersonCluster | None:
    for i in range(verb.i + 1, min(sent.end, verb.i + 1 + window)):
        token = sent.doc[i]
        ref = refs.get(i)
        if ref is not None and token.lower_ not in ("he", "she", "him", "her"):
            return ref.person
        if token.text in (",", ";", ":") or (token.pos_ == "VERB" and token.dep_ not in ("amod", "compound")):
            return None  # past the verb's clause ("... to 17, Spokesperson X announced")
        if token.lower_ == "of" and token.i > 0 and sent.doc[token.i - 1].pos_ == "NOUN" and \
                sent.doc[token.i - 1].lemma_.lower() not in MEETING_NOUNS | _PEOPLE_NOUNS:
            return None  # "welcomed the goodwill message of X": a thing of X's, not X
    return None

_REPORTING_OFFICES = {"spokesperson", "press-secretary"}


def _reports(person: PersonCluster) -> bool:
    """A spokesman quoted in the sentence tells of the meeting; he is not in it."""
    return bool(person.title_keys & _REPORTING_OFFICES)


def _pronoun_object(verb: Token, refs: dict[int, Reference], sent: Span,
                    subjects: list[PersonCluster]) -> PersonCluster | None:
    if not any(c.lower_ in ("him", "her") and c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return None
    for i in range(sent.start - 1, max(sent.start - 80, -1), -1):
        ref = refs.get(i)
        if ref is not None and ref.person not in subjects:
            return ref.person
    return None

def _subject_of_relative(verb: Token, refs: dict[int, Reference]) -> PersonCluster | None:
    """'X, who is on a visit to ...': the person a relative clause hangs from."""
    if verb.dep_ == "relcl":
        head = verb.head
        ref = refs.get(head.i)
        if ref:
            return ref.person
    return None

def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

def find_links(doc: Doc, refs: dict[int, Reference], lex: Lexicon) -> list[Link]:
    """Meeting links in every sentence, with the verb's own orientation where it has one."""
    negatives = {t.i for e in lex.all("NEGATIVE") for t in e.span}
    links: list[Link] = []
    for sent in doc.sents:
        if any(t.i in negatives for t in sent):
            continue
        future = bool(FUTURE.search(sent.text))
        for verb in sent:
            kind = _trigger_kind(verb)
            if kind is None:
                continue
            sides = _references_under(doc, refs, verb, sent)
            if not sides["obj"] and not sides["agent"] and not _has_thing_object(verb, refs):
                # The small parser often hangs a long object name elsewhere ("... Field Marshal
                # Asim Munir at General Headquarters, ISPR said"): take the first person after the verb.
                following = _first_reference_after(refs, verb, sent)
                if following is not None and following not in sides["subj"]:
                    sides["obj"].append(following)
            subjects = sides["subj"] or _inherited_subjects(doc, refs, verb, sent)
            group_subject = any(c.dep_ == "nsubj" and c.lower_ in ("they", "we") for c in verb.children)
            if not subjects and not group_subject:
                before = _last_reference_before(refs, verb, sent)  # "they" is a group, not the last person
                subjects = [before] if before is not None and before not in sides["obj"] else []
            if kind in ("host", "host_noun") and not sides["obj"] and not is_passive(verb):
                # "Y accorded him a warm welcome": him is the one told of last before
                told = _pronoun_object(verb, refs, sent, subjects)
                if told is not None:
                    sides["obj"].append(told)
            if kind == "host_noun":
                objects = [p for p in sides["obj"] if p not in subjects]
                pairs = [(o, s, True) for s in subjects for o in objects]
            elif is_passive(verb):
                agents = sides["agent"]
                if kind == "host":
                    pairs = [(s, a, True) for s in subjects for a in agents]
                else:
                    pairs = [(a, s, kind == "visit") for s in subjects for a in agents]
            else:
                objects = [p for p in sides["obj"] if p not in subjects]
                if kind == "host":
                    pairs = [(o, s, True) for s in subjects for o in objects]
                else:
                    pairs = [(s, o, kind == "visit") for s in subjects for o in objects]
                if kind == "meet" and not objects and len(sides["subj"]) > 1:
                    # "A and B will have a bilateral meeting", "A and B held talks"
                    pairs = [(sides["subj"][0], other, False) for other in sides["subj"][1:]]
            if verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.lemma_.lower() in INVITATION:
                continue  # "an invitation to the Amir to visit Pakistan": not a visit
            is_future = future or verb_future(verb)
            for visitor, host, oriented in pairs:
                if visitor is host or _reports(visitor) or _reports(host):
                    continue
                links.append(Link(visitor, host, sent, verb, oriented, is_future))
        links.extend(_counterpart_links(refs, sent, future, links))
        links.extend(_links_between(refs, sent, future, links))
    return links

def _links_between(refs: dict[int, Reference], sent: Span, future: bool, found: list[Link]) -> list[Link]:
    """'negotiations were held between A and B', 'the meeting between A and B': a meeting noun
    joins the two people it is between; which one travelled is left to their countries."""
    if CALLED_OFF.search(sent.text):
        return []  # "a planned meeting between A and B was cancelled"
    linked = {frozenset((id(link.visitor), id(link.host))) for link in found
              if link.sentence.start == sent.start}
    extra: list[Link] = []
    for between in sent:
        if between.lower_ != "between" or between.dep_ != "prep":
            continue
        head = between.head  # "the meeting between", "talks were held between", "held talks between"
        noun = head if head.lower_ in MEETING_NOUNS else next(
            (c for c in head.children
             if c.lower_ in MEETING_NOUNS and c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
        if noun is None or noun.pos_ != "NOUN":
            continue
        sides: list[PersonCluster] = []
        clause = {t.i for c in between.subtree if c.dep_ == "relcl" for t in c.subtree}  # "..., who is in X"
        for token in between.subtree:
            ref = refs.get(token.i)
            if ref is not None and token.i not in clause and ref.person not in sides:
                sides.append(ref.person)
        if len(sides) == 2 and frozenset(map(id, sides)) not in linked:
            linked.add(frozenset(map(id, sides)))
            extra.append(Link(sides[0], sides[1], sent, noun, False, future))
    return extra

def _counterpart_links(refs: dict[int, Reference], sent: Span, future: bool, found: list[Link]) -> list[Link]:
    """'X asked his Malaysian counterpart Y to ...', 'talks with his Indian counterpart Y': whatever
    the verb, Y is named as the one X meets."""
    subject = next((refs[t.i].person for t in sent if t.i in refs and t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    linked = {(id(link.visitor), id(link.host)) for link in found if link.sentence.start == sent.start}
    extra: list[Link] = []
    for token in sent:
        ref = refs.get(token.i)
        if ref is None or token.i != ref.end - 1 or ref.person is subject:
            continue
        mention = next((m for m in ref.person.mentions if m.end == ref.end), None)
        if mention is None or mention.chain.role is None or mention.chain.role.key != "counterpart":
            continue
        pair = (id(subject), id(ref.person))
        if pair in linked or pair[::-1] in linked:
            continue
        linked.add(pair)
        extra.append(Link(subject, ref.person, sent, token, False, future))
    return extra

def verb_future(verb: Token) -> bool:
    """'will meet', 'is scheduled to meet', and 'arrived in Pyongyang to hold talks with Y': what a
    traveller came to do is told before it is done."""
    return any(c.lower_ in ("will", "would", "shall") for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ in ("schedule", "expect", "plan", "set", "due")) or (
        verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ in ARRIVAL_LEMMAS and
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))

def _trigger_kind(verb: Token) -> str | None:
    """'visit', 'host', 'meet' or 'host_noun' for a trigger token, else None."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if lemma == "call":
        # "called on the President", not "called the Amir on Friday" (a telephone call).
        return "visit" if any(c.dep_ in ("prt", "prep") and c.lower_ == "on" and c.i == verb.i + 1
                              for c in verb.children) else None
    if lemma == "visit":
        return "visit"
    if lemma in HOST_VERBS:
        return "host"
    if lemma in ("confer", "discuss"):  # "discussed with Y", "discussed the ties with Y"
        return "meet" if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) else None
    if lemma in MEET_VERBS:
        return "meet"
    if lemma in LIGHT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj":
                noun = child.lower_
                if child.lemma_.lower() in ("visit", "call") and lemma == "pay":  # "paid courtesy calls on"
                    return "visit"
                if noun in MEETING_NOUNS:
                    return "meet"
                if noun in HOST_NOUNS or any(g.lower_ in HOST_NOUNS for g in child.subtree):
                    return "host_noun"
    if _for_talks_with(verb):
        return "meet"  # "will head to Washington for talks with Y"
    return None

def _for_talks_with(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lower_ in MEETING_NOUNS and any(w.lower_ == "with" for w in o.children)
        for o in c.children) for c in verb.children)
