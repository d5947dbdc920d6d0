"""Coreference: mentions grouped into one cluster per real person, lone name words added, and
which clusters the text names well enough to report."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import geography
from extractor.lexicon import Lexicon
from extractor.people.model import Chain, Mention, PersonCluster
from extractor.people.words import fold_word, is_capitalised


def cluster_mentions(named: list[Mention]) -> list[PersonCluster]:
    """Group named mentions by person: fuller names first, then every mention whose name words are
    all in exactly one cluster's names ('Lt Gen Haftar' -> 'Saddam Khalifa Haftar')."""
    clusters: list[PersonCluster] = []
    order = sorted(named, key=lambda m: (-len(m.key()), m.start))
    for mention in order:
        key = mention.key()
        if not key:
            continue
        fits = [c for c in clusters if key <= c.key() and _compatible(c, mention)]
        if not fits:
            clusters.append(PersonCluster([mention]))
            continue
        best = min(fits, key=lambda c: _distance(c, mention))
        best.mentions.append(mention)
    clusters.sort(key=lambda c: c.first_start)
    for found in clusters:
        chains = found.chains()
        found.country = next((c.country for c in chains if c.country), None)
        found.visiting = any(c.visiting for c in chains)
    return clusters


def _compatible(found: PersonCluster, mention: Mention) -> bool:
    """A mention with its own country cannot join a person of another country."""
    own = mention.chain.country
    return not (own and any(c.country and c.country != own for c in found.chains()))


def _distance(found: PersonCluster, mention: Mention) -> int:
    before = [m.start for m in found.mentions if m.start <= mention.start]
    return mention.start - max(before) if before else 10_000 + min(m.start for m in found.mentions)


def add_name_word_mentions(doc: Doc, clusters: list[PersonCluster], lex: Lexicon) -> None:
    """'Fuentes paid a courtesy call on ...': a lone word of one person's full name is that person.

    Only words that belong to a single person and are not places, bodies or offices count.
    """
    owners: dict[str, list[PersonCluster]] = {}
    for found in clusters:
        if len(found.key()) < 2:
            continue
        for word in found.key():
            owners.setdefault(word, []).append(found)
    covered = {i for found in clusters for m in found.mentions for i in range(m.chain.start, m.end)}
    entity_of = {t.i: e for e in doc.ents for t in e}
    for token in doc:
        if token.i in covered or not is_capitalised(token) or len(token.text) < 3:
            continue
        word = fold_word(token.text)
        holders = owners.get(word)
        if holders and len(holders) > 1 and len({frozenset(h.key()) for h in holders}) == 1:
            # One name the text gave two people (their countries disagreed): the one named last before.
            here = Mention(token.i, token.i + 1, [token.text], Chain(start=token.i, end=token.i))
            holders = [min(holders, key=lambda h: _distance(h, here))]
        if not holders or len(holders) != 1:
            continue
        entity = entity_of.get(token.i)
        if entity is not None and len(entity) > 1 and entity.label_ != "PERSON":
            continue  # a word inside a longer place or body name
        if lex.covers(token.i, "RANK", "TITLE", "ORG", "HONORIFIC") or geography.country(token.text) or \
                geography.demonym(token.text) or _is_city_name(token.text):
            continue
        neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
        if any(is_capitalised(n) and n.i not in covered and not n.is_sent_start for n in neighbours):
            continue  # part of another name
        alone = Mention(token.i, token.i + 1, [token.text], Chain(start=token.i, end=token.i))
        holders[0].mentions.append(alone)


_KNOWN_CITY = 250_000  # a city big enough that its name alone reads as the city, not as a surname


def _is_city_name(text: str) -> bool:
    """True when a well-known gazetteer city has exactly this name ('Tripoli'), not merely as a variant:
    a surname that is also a small town's name ('Torres', 'Castro') stays a name."""
    return any(geography.fold(c.name) == geography.fold(text) and c.population >= _KNOWN_CITY
               for c in geography.cities(text))


def keep_person(found: PersonCluster) -> bool:
    """Report a person only when the text names them: two name words, or one with an office or
    rank ('President Xi' alone is kept; a stray capitalised word is not)."""
    if len(found.key()) >= 2:
        return True
    return any(c.has_role for c in found.chains()) and len(found.mentions) > 0 and _has_long_word(found)


def _has_long_word(found: PersonCluster) -> bool:
    return any(len(word) > 2 for word in found.key())
