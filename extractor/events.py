"""Factory "diplo_visit_events": who visited whom, where and when.

Reads the people, places and dateline set by "diplo_entities" and the dependency parse; sets
`doc._.diplo_events` to a list of `VisitDraft`. A visit is found from meeting links between two
people ("X called on Y", "Y received X", "X held talks with Y", "Y was received by X"), oriented by
the verb and by each side's country against the host country, then grouped per visitor and host.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import dates, geography
from extractor.extensions import register_extensions
from extractor.lexicon import Lexicon, require_pipes
from extractor.people import Chain, Mention, PersonCluster
from extractor.resources import gazetteer

# Verb families (by lemma). The visitor is the subject of a VISIT verb and the object of a HOST verb;
# MEET verbs are oriented by the two sides' countries.
VISIT_VERBS = {"call": "on", "visit": None}
HOST_VERBS = {"receive", "host", "welcome", "greet"}
MEET_VERBS = {"meet"}
LIGHT_VERBS = {"hold", "have", "pay", "conduct", "chair"}
MEETING_NOUNS = {"talks", "talk", "meeting", "meetings", "discussions", "discussion", "consultations",
                 "dialogue", "call", "visit", "session"}
HOST_NOUNS = {"ceremony", "reception", "luncheon", "banquet", "dinner", "lunch", "iftar"}
_FUTURE = re.compile(r"\b(will|would|shall|is (?:scheduled|expected|due|set) to|are (?:scheduled|expected|due) to|"
                     r"scheduled to|expected to|plans? to|is to|are to|to be held|upcoming|next week|next month)\b",
                     re.I)
_BACKGROUND = re.compile(r"\b(last (?:year|month|week)|previous(?:ly)?|earlier visit|in the past|recalled|"
                         r"then prime minister|then president|former)\b", re.I)
# A trip told in the pluperfect or dated to a month is background ("had travelled to Rome in May").
_PAST_TRIP = re.compile(r"\bhad (?:\w+ )?(?:travell?ed|visited|been|flown|gone)\b|\bin (?:january|february|march|"
                        r"april|may|june|july|august|september|october|november|december)\b(?! \d{1,2}\b)", re.I)
_INVITATION = {"invitation", "invite", "urge", "hope", "wish", "look", "welcome"}
_VISIT_TYPE = re.compile(r"\b(state|official|working|private)\s+visits?\b", re.I)
_ARRIVAL_LEMMAS = {"arrive", "reach", "land"}
_SAME_DAY = re.compile(r"\b(later (?:in )?the same day|earlier (?:in )?the day|later in the day|the same day|"
                       r"in the evening|later that day|in the afternoon)\b", re.I)
_DAY_BEFORE = re.compile(r"\b(a day earlier|the previous day|the day before)\b", re.I)
_DAY_AFTER = re.compile(r"\b(the next day|the following day|a day later)\b", re.I)
_DATE_TEXT = re.compile(
    r"\b(?:on |this |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?: \(\d{1,2}\))?"
    r"|\b(?:today|yesterday|tomorrow|tonight)\b"
    r"|\b(?:on |from )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:,? \d{4})?\b"
    r"|\b(?:on |from )?(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?\b"
    r"|\b(?:a day earlier|the previous day|the day before|the next day|the following day|a day later|"
    r"later (?:in )?the same day|earlier (?:in )?the day|earlier this week|last week|this week)\b",
    re.I,
)
_ATTENDANCE = re.compile(r"\b(attended|present|assisted|accompanied|included|comprised|took part|also present|"
                         r"side by|joined)\b", re.I)
_TOPIC_LEMMAS = {"discuss", "review", "focus", "explore", "cover", "touch", "exchange", "underscore"}
_OUTCOME_LEMMAS = {"agree", "sign", "pledge", "commit", "ink", "adopt", "reaffirm", "decide"}


@dataclass
class Reference:
    """A person referred to at a token: by name, role description or pronoun."""

    person: PersonCluster
    start: int
    end: int


@dataclass
class Link:
    """Two sides of a meeting found in one sentence, oriented when the verb says who travelled."""

    visitor: PersonCluster
    host: PersonCluster
    sentence: Span
    trigger: Token
    oriented: bool
    future: bool
    host_side_country: str | None = None


@dataclass
class MeetingDraft:
    """A meeting of the visitor with one or more counterparts."""

    counterparts: list[PersonCluster]
    attendees: list[PersonCluster] = field(default_factory=list)
    venue: str | None = None
    city: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


@dataclass
class VisitDraft:
    """A visit event before it becomes a record."""

    visitor: PersonCluster
    visitor_country: str | None
    host_country: str | None
    status: str
    meetings: list[MeetingDraft]
    city: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    visit_type: str | None = None
    delegation: list[PersonCluster] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    ceremonies: list[str] = field(default_factory=list)
    confidence: float = 0.5
    sentences: list[Span] = field(default_factory=list)
    reporting_side: str | None = None


# References ---------------------------------------------------------------------------------------

def build_references(doc: Doc, people: list[PersonCluster], roles: list[Mention],
                     home: str | None = None) -> dict[int, Reference]:
    """Map every token of a person reference to the person: names, then role descriptions
    ('the Libyan commander', 'the premier'), then subject pronouns."""
    refs: dict[int, Reference] = {}
    for person in people:
        for mention in person.mentions:
            ref = Reference(person, mention.start, mention.end)
            for i in range(mention.chain.start, mention.end):
                refs[i] = ref
    mark_visiting(doc, refs)
    for role in roles:
        person = resolve_role(role, people, home)
        if person is None:
            continue
        if person.country is None and role.chain.country:
            person.country = role.chain.country  # "the Egyptian minister" says where he is from
        person.mentions.append(role)
        ref = Reference(person, role.start, role.end)
        for i in range(role.start, role.end):
            refs.setdefault(i, ref)
    last_subject: PersonCluster | None = None
    last_seen: PersonCluster | None = None
    for sent in doc.sents:
        subject_here: PersonCluster | None = None
        for token in sent:
            if token.i in refs and token.dep_ in ("nsubj", "nsubjpass") and subject_here is None:
                subject_here = refs[token.i].person
            elif token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass") and token.i not in refs:
                earlier = [refs[k].person for k in range(sent.start, token.i) if k in refs]
                target = subject_here or (earlier[0] if earlier else None) or last_subject or last_seen
                if target is not None:
                    refs[token.i] = Reference(target, token.i, token.i + 1)
                    target.mentions.append(Mention(token.i, token.i + 1, [], Chain(start=token.i, end=token.i),
                                                   is_name=False, pronoun=True))
                    subject_here = subject_here or target
        for token in sent:
            if token.i in refs and token.dep_ in ("nsubj", "nsubjpass"):
                last_subject = refs[token.i].person
                break
        named_here = [refs[t.i].person for t in sent if t.i in refs]
        if named_here:
            last_seen = named_here[-1]
    return refs


def mark_visiting(doc: Doc, refs: dict[int, Reference]) -> None:
    """Flag the people the text calls visitors: 'X, who is on a state visit to ...', 'X, who arrived
    here on Sunday', 'X, who is visiting the country'."""
    for token in doc:
        if token.lemma_.lower() not in ("visit", "arrive") or token.i in refs:
            continue
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if token.pos_ == "NOUN" and not _travelling_visit(token):
            continue
        if verb.dep_ == "relcl" and verb.head.i in refs:
            refs[verb.head.i].person.visiting = True
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in refs and child.lower_ not in ("he", "she"):
                if token.lemma_.lower() == "arrive" or token.pos_ == "NOUN":
                    refs[child.i].person.visiting = True


def _travelling_visit(noun: Token) -> bool:
    """'is on a state visit', 'paid an official visit': the subject is the one travelling
    (not 'received X in the first state visit by ...')."""
    head = noun.head
    if head.lower_ == "on" and head.dep_ == "prep":
        return True
    return noun.dep_ == "dobj" and head.lemma_ in ("pay", "make", "undertake", "begin", "start", "conclude")


def resolve_role(role: Mention, people: list[PersonCluster], home: str | None = None) -> PersonCluster | None:
    """The person a role description refers to: the latest named one before it with the same office
    (or, for 'the visiting dignitary', the visiting side), of a compatible country."""
    chain = role.chain
    words = " ".join(chain.title_parts).lower() or (chain.role.span.text.lower() if chain.role else "") or (
        chain.rank.span.text.lower() if chain.rank else "")
    candidates: list[tuple[int, PersonCluster]] = []
    for person in people:
        if chain.country and person.country and person.country != chain.country:
            continue
        before = [m.start for m in person.mentions if m.is_name and m.start < role.start]
        if not before:
            continue
        score = 0
        head = _head_word(words)
        if head in _HIGH_OFFICES and person.title and chain.title_parts and head not in person.title.lower() and \
                not (person.title_keys & set(chain.title_keys)):
            continue  # 'the Uruguayan president' is not the Uruguayan foreign minister
        if chain.title_keys and person.title_keys & set(chain.title_keys):
            score += 3
            if person.title and person.title.lower() == words:
                score += 1  # 'the Prime Minister' is the one printed as Prime Minister, not the Premier
        elif words and person.title and _head_word(words) in person.title.lower() or words and person.rank and _head_word(words) in person.rank.canonical.lower() or chain.rank and person.rank and chain.rank.key == person.rank.key:
            score += 2
        if chain.country and person.country == chain.country:
            score += 2
        if chain.visiting and person.visiting:
            score += 2
        if chain.visiting and home and person.country:
            # 'the visiting naval chief' is not the host's naval chief.
            if person.country == home:
                continue
            score += 2
        if score == 0:
            continue
        candidates.append((score * 10_000 + max(before), person))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]


# Offices a description names precisely: 'the president' is never the foreign minister, while
# 'the envoy' or 'the minister' may describe any official.
_HIGH_OFFICES = {"president", "premier", "king", "queen", "amir", "emir", "chancellor", "prince", "sultan"}


def _head_word(words: str) -> str:
    return words.split()[-1] if words.split() else words


# Links ----------------------------------------------------------------------------------------------

def _side_of(token: Token, verb: Token) -> str | None:
    """How a token hangs off a trigger verb: 'subj', 'obj' or 'agent'."""
    current = token
    path: list[Token] = []
    while current.head.i != current.i and current.i != verb.i:
        path.append(current)
        current = current.head
    if current.i != verb.i or not path:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in path[1:]):
        return None  # inside an embedded clause: "talks, which were attended by X"
    top = path[-1]
    if top.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return "subj"
    if top.dep_ == "agent":
        return "agent"
    if top.dep_ in ("dobj", "prep", "pobj", "dative", "attr", "npadvmod", "prt", "advcl", "oprd", "xcomp", "ccomp"):
        return "obj"
    if top.dep_ in ("conj",):
        return None
    return None


def _references_under(doc: Doc, refs: dict[int, Reference], verb: Token, sent: Span) -> dict[str, list[PersonCluster]]:
    sides: dict[str, list[PersonCluster]] = {"subj": [], "obj": [], "agent": []}
    for token in sent:
        ref = refs.get(token.i)
        if ref is None or token.i != ref.end - 1:
            continue
        side = _side_of(token, verb)
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
    return None


def _subject_of_relative(verb: Token, refs: dict[int, Reference]) -> PersonCluster | None:
    """'X, who is on a visit to ...': the person a relative clause hangs from."""
    if verb.dep_ == "relcl":
        head = verb.head
        ref = refs.get(head.i)
        if ref:
            return ref.person
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def find_links(doc: Doc, refs: dict[int, Reference], lex: Lexicon) -> list[Link]:
    """Meeting links in every sentence, with the verb's own orientation where it has one."""
    negatives = {t.i for e in lex.all("NEGATIVE") for t in e.span}
    links: list[Link] = []
    for sent in doc.sents:
        if any(t.i in negatives for t in sent):
            continue
        future = bool(_FUTURE.search(sent.text))
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
            if not subjects:
                before = _last_reference_before(refs, verb, sent)
                subjects = [before] if before is not None and before not in sides["obj"] else []
            if kind == "host_noun":
                objects = [p for p in sides["obj"] if p not in subjects]
                pairs = [(o, s, True) for s in subjects for o in objects]
            elif _is_passive(verb):
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
            if verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.lemma_.lower() in _INVITATION:
                continue  # "an invitation to the Amir to visit Pakistan": not a visit
            verb_future = future or _verb_future(verb)
            for visitor, host, oriented in pairs:
                if visitor is host:
                    continue
                links.append(Link(visitor, host, sent, verb, oriented, verb_future))
    return links


def _verb_future(verb: Token) -> bool:
    return any(c.lower_ in ("will", "would", "shall") for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ in ("schedule", "expect", "plan", "set", "due"))


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
    if lemma == "confer":
        return "meet" if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) else None
    if lemma in MEET_VERBS:
        return "meet"
    if lemma in LIGHT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj":
                noun = child.lower_
                if noun in ("visit", "call") and lemma == "pay":
                    return "visit"
                if noun in MEETING_NOUNS:
                    return "meet"
                if noun in HOST_NOUNS or any(g.lower_ in HOST_NOUNS for g in child.subtree):
                    return "host_noun"
    return None


# Orientation and grouping -----------------------------------------------------------------------------

def person_country(person: PersonCluster, default: str | None) -> str | None:
    return person.country or default


def orient(link: Link, host_country: str | None, default: str | None) -> tuple[PersonCluster, PersonCluster] | None:
    """(visitor, counterpart) of a link, or None for a meeting within one state."""
    a, b = link.visitor, link.host
    ca, cb = a.country, b.country
    if host_country:
        if ca and cb:
            if ca == cb:
                return None
            if ca == host_country:
                return b, a
            if cb == host_country:
                return a, b
        if ca == host_country and not cb:
            return (b, a) if not link.oriented or b.visiting else (a, b) if a.visiting else (b, a)
        if cb == host_country and not ca:
            return a, b
    if a.visiting and not b.visiting:
        return a, b
    if b.visiting and not a.visiting:
        return b, a
    if host_country:
        # One side known to be foreign, the other unknown: the foreign side travelled.
        if ca and ca != host_country and not cb:
            return a, b
        if cb and cb != host_country and not ca:
            return b, a
    da, db = person_country(a, default), person_country(b, default)
    if da and db and da == db:
        return None
    if host_country and da == host_country and db != host_country:
        return b, a
    if host_country and db == host_country and da != host_country:
        return a, b
    if link.oriented:
        return a, b
    return None


def _sentence_places(sent: Span, places: list, kind: str, after: int = 0) -> list:
    found = []
    for place in places:
        for start, _ in place.spans:
            if max(sent.start_char, after) <= start < sent.end_char and place.kind == kind:
                found.append((start, place))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


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
        if sentence is not None and (_BACKGROUND.search(sentence.sent.text) or _PAST_TRIP.search(sentence.sent.text)):
            continue
        if place.kind == "country":
            return place.country
        if place.kind == "city" and place.country:
            return place.country
    return None


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

    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma == "accompany":
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            others = [c for c in verb.children if c.dep_ in ("agent", "dobj")]
            heads = [p for c in subjects for p in people_under(c)]
            members = [p for c in others for p in people_under(c)]
            if _is_passive(verb):
                pairs = [(h, m) for h in heads for m in members]
            else:
                pairs = [(m, h) for h in heads for m in members]
            found.extend((head, member, None) for head, member in pairs if head is not member)
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


@dataclass
class VisitStatement:
    """'X will pay an official visit to Pakistan', 'X arrived in Islamabad': a visit told without a meeting."""

    visitor: PersonCluster
    host_country: str
    sentence: Span
    future: bool


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
        if token.pos_ == "NOUN" and not _travelling_visit(token):
            continue
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.lemma_.lower() in _INVITATION and lemma == "visit" \
                and token.pos_ == "VERB":
            continue
        place = _destination_of(token, at_char)
        if place is None or not place.country:
            continue
        visitor = _subject_person(verb, refs)
        sentence = token.sent
        if visitor is None or _BACKGROUND.search(sentence.text) or _PAST_TRIP.search(sentence.text):
            continue
        future = bool(_FUTURE.search(sentence.text)) or _verb_future(verb)
        found.append(VisitStatement(visitor, place.country, sentence, future))
    return found


def _destination_of(token: Token, at_char: dict) -> object | None:
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


class VisitAssembler:
    """Turn meeting links into visit events, one per visitor and host country."""

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
        default = self._default_country(doc, dateline, places)
        refs = build_references(doc, people, roles, default)
        links = find_links(doc, refs, lex)
        destination = visit_destination(doc, places)
        dateline_country = self._dateline_country(dateline, places)
        article_host = destination or dateline_country or default
        dateline_end = dateline.end if dateline else 0
        if article_host is None and links:
            # No destination, dateline or outlet: the first meeting's place stands for the article.
            article_host = self._link_host(links[0], places, None, lex, dateline_end)
        published = dates.parse_iso(doc._.diplo_published)
        drafts: dict[tuple[int, str | None], VisitDraft] = {}
        statements = visit_statements(doc, refs, places)
        # "X will visit South Korea on Wednesday, where he is scheduled to meet Y": that sentence's host.
        stated_hosts = {(s.sentence.start, id(s.visitor)): s.host_country for s in statements}
        kept: list[tuple[Link, PersonCluster, PersonCluster, str | None]] = []
        unsettled: list[tuple[Link, str | None]] = []
        for link in links:
            if _BACKGROUND.search(link.sentence.text) and not link.future:
                continue
            host_country = stated_hosts.get((link.sentence.start, id(link.visitor))) or \
                stated_hosts.get((link.sentence.start, id(link.host))) or \
                self._link_host(link, places, article_host, lex, dateline_end)
            oriented = orient(link, host_country, default)
            if oriented is None:
                unsettled.append((link, host_country))
                continue
            visitor, counterpart = oriented
            if counterpart.country is None:
                counterpart.country = host_country
            kept.append((link, visitor, counterpart, host_country))
        known_visitors = {id(v) for _, v, _, _ in kept}
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
            key = (id(statement.visitor), statement.host_country)
            if key in drafts or id(statement.visitor) in counterparts or \
                    statement.visitor.country == statement.host_country:
                continue
            drafts[key] = VisitDraft(statement.visitor, None, statement.host_country,
                                     "planned" if statement.future else "occurred", [], sentences=[statement.sentence])
        self._fold_delegations(doc, refs, drafts)
        events = [self._finish(doc, d, refs, lex, places, dateline, published, default) for d in drafts.values()]
        doc._.diplo_events = [e for e in events if e is not None and e.confidence >= self.min_confidence]
        return doc

    @staticmethod
    def _fold_delegations(doc: Doc, refs: dict[int, Reference], drafts: dict) -> None:
        """A delegation member's own meetings are part of the head's visit, not a visit of their own
        (CONTRACT: one event per visitor, the head of the visiting side)."""
        for head, member, demonym in delegation_members(doc, refs):
            heads = [d for d in drafts.values() if d.visitor is head] if head is not None else [
                d for d in drafts.values() if demonym is None or d.visitor.country in (demonym, None)]
            if len(heads) != 1 or heads[0].visitor is member:
                continue
            owner = heads[0]
            if member not in owner.delegation:
                owner.delegation.append(member)
            for key, draft in list(drafts.items()):
                if draft.visitor is member and draft.host_country == owner.host_country:
                    del drafts[key]

    @staticmethod
    def _default_country(doc: Doc, dateline, places: list) -> str | None:
        """The reporting side: the credited outlet's country, else the dateline's."""
        if dateline and dateline.outlet:
            row = gazetteer("outlets", "name").get(dateline.outlet.lower())
            if row and row.get("country"):
                return str(row["country"])
        return VisitAssembler._dateline_country(dateline, places)

    @staticmethod
    def _dateline_country(dateline, places: list) -> str | None:
        if dateline is None:
            return None
        for place in places:
            if any(start == dateline.start for start, _ in place.spans):
                return place.country
        return None

    @staticmethod
    def _link_host(link: Link, places: list, article_host: str | None, lex: Lexicon,
                   dateline_end: int = 0) -> str | None:
        """The country a meeting took place in: a city named in its sentence, else the article's
        host; failing both, a venue's country ('at the Pentagon') or a diplomat's posting."""
        cities = _sentence_places(link.sentence, places, "city", after=dateline_end)
        for city in cities:
            if city.country:
                return city.country if article_host is None or city.country == article_host or \
                    not _FUTURE.search(link.sentence.text) else article_host
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
                dateline, published: dt.date | None, default: str | None) -> VisitDraft | None:
        occurred = [m for m in draft.meetings if not getattr(m, "future", False)]
        if occurred:
            draft.meetings = occurred
        elif draft.meetings:
            draft.status = "planned"
        draft.meetings.sort(key=lambda m: m.sentences[0].start)
        visitor = draft.visitor
        draft.visitor_country = visitor.country or self._role_country(visitor)
        if draft.visitor_country is None and default and default != draft.host_country:
            draft.visitor_country = default
        if draft.visitor_country and visitor.country is None:
            visitor.country = draft.visitor_country
        if draft.visitor_country and draft.visitor_country == draft.host_country:
            return None
        self._place_meetings(doc, draft, places, dateline)
        self._date_meetings(doc, draft, published)
        self._attendees(doc, draft, refs)
        sentences = sorted({s.start: s for m in draft.meetings for s in m.sentences + draft.sentences}.values(),
                           key=lambda s: s.start) if draft.meetings else draft.sentences
        draft.sentences = sentences
        self._visit_span(doc, draft, published, places)
        self._topics_and_outcomes(draft)
        draft.ceremonies = self._ceremonies(doc, lex, draft)
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
    def _place_meetings(doc: Doc, draft: VisitDraft, places: list, dateline) -> None:
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
                    cities = [c for c in _sentence_places(sent, places, "city", after=dateline.end if dateline else 0)
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
        elif dateline_city and dateline_city.country == draft.host_country:
            draft.city = dateline_city.name
        else:
            draft.city = next((m.city for m in draft.meetings if m.city), None)

    @staticmethod
    def _date_meetings(doc: Doc, draft: VisitDraft, published: dt.date | None) -> None:
        """Date each meeting from its sentences; relative phrases follow the last date read."""
        last: dt.date | None = None
        resolved: dict[int, tuple[dt.date | None, str | None]] = {}
        for sent in doc.sents:
            found, text = _sentence_date(sent, published, last, future=bool(_FUTURE.search(sent.text)))
            if found is not None:
                last = found
            resolved[sent.start] = (found, text)
        for meeting in draft.meetings:
            for sent in meeting.sentences:
                found, text = resolved.get(sent.start, (None, None))
                if found is not None:
                    meeting.date, meeting.date_text = found, text
                    break
                if text and meeting.date_text is None:
                    meeting.date_text = text
        dated = [m for m in draft.meetings if m.date]
        if dated:
            first = min(dated, key=lambda m: m.date)  # type: ignore[arg-type, return-value]
            draft.date, draft.date_text = first.date, first.date_text
        elif draft.meetings:
            draft.date_text = draft.meetings[0].date_text

    @staticmethod
    def _attendees(doc: Doc, draft: VisitDraft, refs: dict[int, Reference]) -> None:
        involved = {id(draft.visitor)} | {id(c) for m in draft.meetings for c in m.counterparts}
        if not draft.meetings:
            return
        for sent in doc.sents:
            if not _ATTENDANCE.search(sent.text):
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

    @staticmethod
    def _visit_span(doc: Doc, draft: VisitDraft, published: dt.date | None, places: list) -> None:
        for sent in doc.sents:
            text = sent.text
            if not re.search(r"\bvisit", text, re.I):
                continue
            if not any(m.start >= sent.start and m.end <= sent.end for m in draft.visitor.mentions) and \
                    sent not in draft.sentences:
                continue
            if _BACKGROUND.search(text):
                continue
            future = draft.status == "planned"
            start, end = dates.resolve_range(text, published, future=future)
            if start and draft.start_date is None:
                draft.start_date, draft.end_date = start, end
            began = re.search(r"\b(?:began|begun|started|starting|beginning|commenced)\s+(?:on\s+)?(.{3,20})", text)
            if began and draft.start_date is None:
                draft.start_date = dates.resolve(began[1], published)
            if draft.start_date is None and re.search(r"\bat the (?:start|beginning|outset) of an? [\w-]+ ", text):
                draft.start_date = draft.date
            kind = _VISIT_TYPE.search(text)
            if kind and draft.visit_type is None:
                draft.visit_type = kind[1].lower()
        at_char = {start: place for place in places for start, _ in place.spans}
        for sent in doc.sents:
            for token in sent:
                if token.lemma_ in _ARRIVAL_LEMMAS and any(
                        m.start >= sent.start and m.end <= sent.end for m in draft.visitor.mentions):
                    where = _destination_of(token, at_char)
                    if where is not None and getattr(where, "country", None) not in (None, draft.host_country):
                        continue  # arrived at an earlier stop of the tour
                    found = _governed_date(token, published)
                    if found and draft.start_date is None:
                        draft.start_date = found
        if draft.start_date and draft.end_date is None:
            draft.end_date = _end_from_length(doc, draft)
        if draft.status == "planned" and draft.start_date:
            # A planned visit is dated by its announced start, not by the day it was announced.
            draft.date = draft.start_date

    @staticmethod
    def _topics_and_outcomes(draft: VisitDraft) -> None:
        for meeting in draft.meetings:
            for sent in meeting.sentences:
                meeting.topics.extend(t for t in _phrases(sent, _TOPIC_LEMMAS) if t not in meeting.topics)
                meeting.outcomes.extend(o for o in _phrases(sent, _OUTCOME_LEMMAS) if o not in meeting.outcomes)
        doc = draft.sentences[0].doc if draft.sentences else None
        if doc is None:
            return
        for sent in doc.sents:
            for topic in _phrases(sent, _TOPIC_LEMMAS):
                if topic not in draft.topics:
                    draft.topics.append(topic)
            for outcome in _phrases(sent, _OUTCOME_LEMMAS):
                if outcome not in draft.outcomes:
                    draft.outcomes.append(outcome)

    @staticmethod
    def _ceremonies(doc: Doc, lex: Lexicon, draft: VisitDraft) -> list[str]:
        found: list[str] = []
        names = gazetteer("ceremonies")
        for entry in lex.all("CEREMONY"):
            if _BACKGROUND.search(entry.span.sent.text):
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


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


def _end_from_length(doc: Doc, draft: VisitDraft) -> dt.date | None:
    """'a four-day official visit' that began on the start date ends on day four."""
    for sent in doc.sents:
        if not any(sent.start <= m.start < sent.end for m in draft.visitor.mentions) and \
                sent not in draft.sentences:
            continue
        match = re.search(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\b[^.]{0,40}?\bvisit",
                          sent.text, re.I)
        if match and draft.start_date:
            days = _NUMBER_WORDS.get(match[1].lower()) or int(match[1])
            return draft.start_date + dt.timedelta(days=days - 1)
    return None


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


def _sentence_date(sent: Span, published: dt.date | None, last: dt.date | None,
                   future: bool) -> tuple[dt.date | None, str | None]:
    """The day a sentence reports, with the phrase that says it (the phrase alone when it cannot
    be resolved)."""
    printed: str | None = None
    for match in _DATE_TEXT.finditer(sent.text):
        text = match.group(0)
        if re.match(r"\s*(?:to|-|–|until|through)\s*\d", sent.text[match.end():match.end() + 12]) or \
                text.lower().startswith("from "):
            continue
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is not None and _governed_by_arrival(span):
            continue
        if _SAME_DAY.search(text):
            return last, text
        if _DAY_BEFORE.search(text):
            return (last - dt.timedelta(days=1) if last else None), text
        if _DAY_AFTER.search(text):
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
        if token.lemma_ in _ARRIVAL_LEMMAS:
            return True
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ == "VERB":
            return token.lemma_ in _ARRIVAL_LEMMAS
    return False


def _governed_date(verb: Token, published: dt.date | None) -> dt.date | None:
    for child in verb.subtree:
        if child.ent_type_ == "DATE" or child.lower_ in dates.WEEKDAYS:
            text = " ".join(t.text for t in verb.subtree if t.ent_type_ == "DATE" or t.lower_ in dates.WEEKDAYS)
            return dates.resolve(text, published)
    return None


@Language.factory("diplo_visit_events", assigns=["doc._.diplo_events"],
                  requires=["doc.sents", "doc.ents", "doc._.diplo_people"],
                  default_config={"min_confidence": 0.0})
def make_visit_events(nlp: Language, name: str, *, min_confidence: float) -> VisitAssembler:
    """Build the visit-event component."""
    require_pipes(nlp, "diplo_visit_events", "diplo_entities")
    return VisitAssembler(nlp, name, min_confidence=min_confidence)
