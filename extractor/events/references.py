"""Who a token refers to: names, role descriptions ('the visiting minister') and pronouns, mapped to
the people of diplo_entities.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractor.events.drafts import Reference
from extractor.events.vocabulary import BACKGROUND, PAST_TRIP
from extractor.people import Chain, Mention, PersonCluster


def build_references(doc: Doc, people: list[PersonCluster], roles: list[Mention],
                     home: str | None = None) -> dict[int, Reference]:
    """Map every token of a person reference to the person: names, then role descriptions
    ('the Libyan commander', 'the premier'), then subject pronouns."""
    refs: dict[int, Reference] = {}
    for person in people:
        if person.credited_only:
            continue  # a photographer or an author takes no part in the story
        for mention in person.mentions:
            ref = Reference(person, mention.start, mention.end)
            chain = mention.chain
            first = chain.start if chain.office_start is None else min(chain.start, chain.office_start)
            for i in range(first, mention.end):
                refs[i] = ref
    mark_visiting(doc, refs)
    for role in roles:
        if _in_invitation(doc, role):
            continue  # "at the invitation of the chief of naval staff of Sri Lanka": the inviter
        person = resolve_role(role, people, home, travelling=_told_as_travelling(doc, role),
                              clause_subject=_clause_subject_of(doc, role, refs),
                              sentence_end=doc[role.start].sent.end)
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
    seen: dict[int, tuple[int, PersonCluster]] = {}  # sentences naming each person so far
    for sent in doc.sents:
        subject_here: PersonCluster | None = None
        for token in sent:
            if token.i in refs and token.dep_ in ("nsubj", "nsubjpass") and subject_here is None:
                subject_here = refs[token.i].person
            elif token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass") and token.i not in refs:
                earlier = [refs[k].person for k in range(sent.start, token.i) if k in refs]
                target = subject_here or (earlier[0] if earlier else None) or \
                    _salient(seen, last_subject, last_seen)
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
        for person in {id(p): p for p in named_here}.values():
            count, _ = seen.get(id(person), (0, person))
            seen[id(person)] = (count + 1, person)
        if named_here:
            last_seen = named_here[-1]
    return refs


def _salient(seen: dict[int, tuple[int, PersonCluster]], last_subject: PersonCluster | None,
             last_seen: PersonCluster | None) -> PersonCluster | None:
    """Whom a sentence-opening 'He' means: the article's protagonist (named in most sentences so far,
    a traveller first) unless the last sentence's subject is about as prominent ('Foreign Secretary X
    welcomed Wang at the airport. He visited ...' is still Wang)."""
    if not seen:
        return last_subject or last_seen

    def weight(person: PersonCluster, count: int) -> float:
        return count + (1.5 if person is last_subject else 0) + (0.5 if person is last_seen else 0) + \
            (1 if person.visiting else 0)

    count, best = max(seen.values(), key=lambda item: weight(item[1], item[0]))
    return best

def mark_visiting(doc: Doc, refs: dict[int, Reference]) -> None:
    """Flag the people the text calls visitors: 'X, who is on a state visit to ...', 'X, who arrived
    here on Sunday', 'X, who is visiting the country'."""
    for token in doc:
        if token.lower_ == "visiting" and _mark_the_one_described(doc, token, refs):
            continue
        if token.lemma_.lower() not in ("visit", "arrive") or token.i in refs:
            continue
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if token.pos_ == "NOUN" and not travelling_visit(token):
            continue
        if verb.dep_ == "relcl" and verb.head.i in refs:
            refs[verb.head.i].person.visiting = True
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in refs and child.lower_ not in ("he", "she"):
                if token.lemma_.lower() == "arrive" or token.pos_ == "NOUN" or _visits_a_state(token):
                    refs[child.i].person.visiting = True


def _mark_the_one_described(doc: Doc, visiting: Token, refs: dict[int, Reference]) -> bool:
    """'Visiting Army Chief General X met ...', 'the visiting Nepal Army Chief X': the person whose
    name follows the word (through capitalised words only)."""
    for t in doc[visiting.i : visiting.i + 4]:
        if t.i in refs:
            refs[t.i].person.visiting = True
            return True
        if t.i != visiting.i and not t.text[:1].isupper():
            return False
    return False


def _visits_a_state(verb: Token) -> bool:
    """'X visited India on Friday' (not 'visited the headquarters', nor a trip of years ago)."""
    if verb.pos_ != "VERB" or BACKGROUND.search(verb.sent.text) or PAST_TRIP.search(verb.sent.text):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "GPE" for c in verb.children)

def travelling_visit(noun: Token) -> bool:
    """'is on a state visit', 'paid an official visit': the subject is the one travelling
    (not 'received X in the first state visit by ...')."""
    head = noun.head
    if head.lower_ == "on" and head.dep_ == "prep":
        return True
    return noun.dep_ == "dobj" and head.lemma_ in ("pay", "make", "undertake", "begin", "start", "conclude")

def _in_invitation(doc: Doc, role: Mention) -> bool:
    """Whether a description names who invited ('at the invitation of A, and the B of C'): the phrase
    runs from 'invitation of' to the description without a verb."""
    sent = doc[role.start].sent
    for i in range(role.start - 1, max(sent.start, role.start - 25) - 1, -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":"):
            return False
        if token.lower_ == "of" and i > 0 and doc[i - 1].lemma_.lower() == "invitation":
            return True
    return False


def _clause_subject_of(doc: Doc, role: Mention, refs: dict[int, Reference]) -> PersonCluster | None:
    """The named subject of the clause a description is the object of: 'X welcomed the German
    president' - the president is not X."""
    head = doc[role.end - 1]
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ in ("nsubj", "nsubjpass"):
            return None
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i in refs:
            return refs[child.i].person
    return None


def _told_as_travelling(doc: Doc, role: Mention) -> bool:
    """'During his visit, the prime minister called on ...', 'the minister paid a call on ...': the
    description is the subject of a sentence told from the traveller's side."""
    head = doc[role.end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    if verb.lemma_.lower() in ("visit", "arrive", "call", "pay", "tour", "travel", "fly", "leave"):
        return True
    return any(t.lemma_.lower() in ("visit", "trip", "tour") and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                                    for c in t.children)
               for t in head.sent)


def resolve_role(role: Mention, people: list[PersonCluster], home: str | None = None,
                 travelling: bool = False, clause_subject: PersonCluster | None = None,
                 sentence_end: int = 0) -> PersonCluster | None:
    """The person a role description refers to: the latest named one before it with the same office
    (or, for 'the visiting dignitary', the visiting side), of a compatible country. Between two holders
    of the office, a description told as travelling (`travelling`) is the visitor. A description is
    never the subject of its own clause (`clause_subject`); one that states a country may also point
    ahead to a name later in its sentence ('X welcomed the German president ... a visit by Y')."""
    chain = role.chain
    words = " ".join(chain.title_parts).lower() or (chain.role.span.text.lower() if chain.role else "") or (
        chain.rank.span.text.lower() if chain.rank else "")
    candidates: list[tuple[int, PersonCluster]] = []
    for person in people:
        if chain.country and person.country and person.country != chain.country or person is clause_subject:
            continue
        before = [m.start for m in person.mentions if m.is_name and m.start < role.start]
        if not before and chain.country and person.country == chain.country:
            # Pointing ahead ranks below any earlier holder of the office.
            before = [-1 for m in person.mentions if m.is_name and role.start < m.start < sentence_end]
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
        if travelling and person.visiting:
            score += 1
        elif not chain.country and not chain.visiting and home and person.country == home and not travelling:
            score += 1  # a bare 'the President' in the home press is the home president
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
