"""Score diplo's records against answer keys, field by field (precision, recall, F1).

Reads `extractor.gold` keys and `models.Document` predictions; imports neither Typer nor Rich. The
counting follows the dev set's reference scorer, so the figures agree with it:

- list fields (visit detection, events, counterparts, people, organizations, places) count true
  positives, false positives and false negatives, matching gold items to predictions greedily in
  key order;
- per-value fields (countries, city, date, span, visit type, status, and each matched person's rank,
  title and country) are scored only where the key states a value and the visit or person was found:
  a right value is a true positive and a wrong or missing one a false negative, so their recall is
  the accuracy and their precision is 1;
- the headline is the mean F1 over the fields that had something to score.

Names are compared by words, ignoring case, accents, honorifics ("Dr.", "His Highness"), name
particles ("bin", "Al") and a leading rank ("Lt Gen Haftar" is "Saddam Khalifa Haftar"); a different
person ("Nawaz Sharif" for "Shehbaz Sharif") never matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from extractor.gold import GoldArticle, GoldCase, GoldError, GoldEvent, GoldPerson
from models import Document, Person, VisitEvent

if TYPE_CHECKING:
    from spacy.language import Language

G = TypeVar("G")
P = TypeVar("P")

# Styles and honorifics that never tell two people apart ("Dr.", "His Highness Sheikh"); the same
# list the dev set's scorer drops, so both agree on who is who.
HONORIFICS = frozenset({
    "dr", "mr", "mrs", "ms", "miss", "sir", "syed", "sayyid", "engr", "eng", "prof", "professor",
    "his", "her", "highness", "excellency", "he", "hh", "hrh", "royal", "majesty", "sheikh", "shaikh",
    "lady", "lord", "dame", "madam", "mme", "m", "hon", "honourable", "honorable", "haji", "hajji",
    "mian", "chaudhry", "ch", "rana", "malik", "makhdoom",
})
# Particles and suffixes are shared by many different people, so they never make a match.
PARTICLES = frozenset({
    "bin", "bint", "ibn", "binti", "al", "el", "abu", "jr", "sr", "ii", "iii", "iv",
    "de", "da", "di", "del", "van", "von", "der", "la", "le",
})
# Rank words, in full and as printed; dropped only before a name ("Lt Gen Haftar"), so that a
# surname such as "Major" still counts.
RANK_WORDS = frozenset({
    "general", "gen", "lieutenant", "lt", "lieut", "major", "maj", "colonel", "col", "brigadier", "brig",
    "captain", "capt", "commander", "cdr", "cmdr", "commodore", "cdre", "admiral", "adm", "vice", "rear",
    "air", "chief", "marshal", "field", "flight", "squadron", "sqn", "wing", "group", "officer", "ldr",
    "sergeant", "sgt", "corporal", "cpl", "subedar", "retd", "retired", "staff",
})
LABEL_STOPWORDS = frozenset({"the", "of", "and"})
LABEL_OVERLAP = 0.6

FieldKind = Literal["list", "value"]


@dataclass(frozen=True)
class FieldSpec:
    """A scored field: its name (as in the reference scorer's output), kind and meaning."""

    name: str
    kind: FieldKind
    description: str


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("visit_detection", "list", "article reports a visit"),
    FieldSpec("events", "list", "visits, matched by visitor (and host)"),
    FieldSpec("visitor_country", "value", "visitor's country"),
    FieldSpec("host_country", "value", "host country"),
    FieldSpec("city", "value", "city of the first meeting"),
    FieldSpec("date", "value", "date of the first meeting"),
    FieldSpec("span", "value", "start and end dates"),
    FieldSpec("visit_type", "value", "state / official / working / private"),
    FieldSpec("status", "value", "occurred / planned"),
    FieldSpec("counterparts", "list", "hosts the visitor met"),
    FieldSpec("people", "list", "named people"),
    FieldSpec("person_rank", "value", "rank of each person found"),
    FieldSpec("person_title", "value", "title of each person found"),
    FieldSpec("person_country", "value", "country of each person found"),
    FieldSpec("organizations", "list", "named organizations"),
    FieldSpec("places", "list", "named places"),
)


def fold(text: str | None) -> str:
    """Lower-case ASCII letters, digits and apostrophes, accents dropped: 'Türkiye' -> 'turkiye'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").lower()
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


def name_words(name: str | None) -> list[str]:
    """The words that identify a person: no honorific, particle, initial or leading rank."""
    words = [w.strip("'") for w in fold(name).replace("-", " ").split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w for w in words if len(w) > 1 and w not in HONORIFICS and w not in PARTICLES]
    while len(words) > 1 and words[0] in RANK_WORDS:
        words.pop(0)
    return words if words and words[0] not in RANK_WORDS else []


def same_person(gold: str | None, predicted: str | None) -> bool:
    """True when two names can be the same person.

    One name's words contain the other's, in any order ("Haftar" ~ "Saddam Khalifa Haftar"), or
    both share their first and last word ("Asim Munir" ~ "Syed Asim Munir Ahmed").
    """
    g, p = name_words(gold), name_words(predicted)
    if not g or not p:
        return False
    if set(g) <= set(p) or set(p) <= set(g):
        return True
    return g[0] == p[0] and g[-1] == p[-1]


def closest_person(name: str | None, people: Sequence[Person]) -> Person | None:
    """Among the predicted people who can be `name`, the one sharing most words with it."""
    wanted = set(name_words(name))
    best: Person | None = None
    best_overlap = -1.0
    for person in people:
        if not same_person(name, person.name):
            continue
        words = set(name_words(person.name))
        overlap = len(wanted & words) / len(wanted | words)
        if overlap > best_overlap:
            best, best_overlap = person, overlap
    return best


def same_label(gold: str | None, predicted: str | None) -> bool:
    """True when two labels (title, city, organization) name the same thing.

    Equal after folding and dropping parentheses, or sharing at least 60% of their words
    (ignoring 'the', 'of', 'and'): "Chief of the Army Staff" ~ "Chief of Army Staff".
    """
    g = fold(re.sub(r"\([^)]*\)", " ", gold or ""))
    p = fold(re.sub(r"\([^)]*\)", " ", predicted or ""))
    if not g or not p:
        return False
    if g == p:
        return True
    g_words, p_words = set(g.split()) - LABEL_STOPWORDS, set(p.split()) - LABEL_STOPWORDS
    if not g_words or not p_words:
        return False
    return len(g_words & p_words) / len(g_words | p_words) >= LABEL_OVERLAP


@dataclass
class Tally:
    """True positive, false positive and false negative counts of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def match(self, gold: Sequence[G], predicted: Sequence[P], same: Callable[[G, P], bool]) -> tuple[list[G], list[P]]:
        """Pair each gold item with the first unused prediction it matches; return the unpaired of each side."""
        used: set[int] = set()
        missed: list[G] = []
        for item in gold:
            hit = next((i for i, p in enumerate(predicted) if i not in used and same(item, p)), None)
            if hit is None:
                missed.append(item)
            else:
                used.add(hit)
        self.tp += len(gold) - len(missed)
        self.fn += len(missed)
        self.fp += len(predicted) - len(used)
        return missed, [p for i, p in enumerate(predicted) if i not in used]

    def check(self, right: bool) -> None:
        """Count one stated value: right is a true positive, wrong or missing a false negative."""
        if right:
            self.tp += 1
        else:
            self.fn += 1

    @property
    def total(self) -> int:
        """Every count: zero when the field had nothing to score."""
        return self.tp + self.fp + self.fn

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), or None when nothing was predicted or expected."""
        if not self.total:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), or None when nothing was predicted or expected."""
        if not self.total:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when there was nothing to score."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """One wrong field of one article: what the key says and what was predicted (None: absent)."""

    article: str
    field: str
    gold: str | None
    predicted: str | None


@dataclass
class Scores:
    """Tallies per field, the misses, and how many articles were scored."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {spec.name: Tally() for spec in FIELDS})
    misses: list[Miss] = field(default_factory=list)
    articles: int = 0

    @property
    def headline(self) -> float:
        """Mean F1 over the fields that had something to score."""
        scored = [f for f in (t.f1 for t in self.tallies.values()) if f is not None]
        return sum(scored) / len(scored) if scored else 0.0

    def to_dict(self) -> dict[str, object]:
        """A JSON-able summary: per-field counts and figures, the headline and the misses."""
        return {
            "articles": self.articles,
            "headline": self.headline,
            "fields": {
                spec.name: {
                    "kind": spec.kind,
                    "description": spec.description,
                    "precision": self.tallies[spec.name].precision,
                    "recall": self.tallies[spec.name].recall,
                    "f1": self.tallies[spec.name].f1,
                    "tp": self.tallies[spec.name].tp,
                    "fp": self.tallies[spec.name].fp,
                    "fn": self.tallies[spec.name].fn,
                }
                for spec in FIELDS
            },
            "misses": [vars(m) for m in self.misses],
        }


def _people_met(event: VisitEvent, roles: tuple[str, ...]) -> list[Person]:
    """Distinct people of the event's meetings under the given roles ('counterparts', 'attendees')."""
    seen: list[Person] = []
    for meeting in event.meetings:
        for role in roles:
            for person in getattr(meeting, role):
                if not any(same_person(person.name, s.name) for s in seen):
                    seen.append(person)
    return seen


def _same_visit(gold: GoldEvent, predicted: VisitEvent) -> bool:
    """Same visitor by name; where the key names no visitor, the same pair of countries."""
    visitor = gold.visitor or GoldPerson()
    if visitor.name:
        return same_person(visitor.name, predicted.visitor.name)
    return (visitor.country, gold.host_country) == (predicted.visitor_country, predicted.host_country)


def _pair_events(gold: Sequence[GoldEvent], predicted: Sequence[VisitEvent]) -> tuple[
        list[tuple[GoldEvent, VisitEvent]], list[GoldEvent], list[VisitEvent]]:
    """Pair visits on visitor and host first (the legs of a tour), then on the visitor alone."""
    pairs: list[tuple[GoldEvent, VisitEvent]] = []
    used: set[int] = set()
    unpaired = list(gold)
    for same_host in (True, False):
        for event in list(unpaired):
            hit = next((i for i, p in enumerate(predicted) if i not in used and _same_visit(event, p)
                        and (not same_host or event.host_country == p.host_country)), None)
            if hit is not None:
                used.add(hit)
                unpaired.remove(event)
                pairs.append((event, predicted[hit]))
    return pairs, unpaired, [p for i, p in enumerate(predicted) if i not in used]


class _ArticleScorer:
    """Adds one article's counts and misses to a Scores."""

    def __init__(self, scores: Scores, key: GoldArticle) -> None:
        self.scores = scores
        self.key = key

    def miss(self, name: str, gold: object, predicted: object) -> None:
        self.scores.misses.append(Miss(self.key.id, name, _show(gold), _show(predicted)))

    def value(self, name: str, gold: object, predicted: object, right: bool, about: str = "") -> None:
        self.scores.tallies[name].check(right)
        if not right:
            self.miss(name, f"{about}{_show(gold)}" if about else gold, predicted)

    def listing(self, name: str, gold: Sequence[G], predicted: Sequence[P], same: Callable[[G, P], bool],
                show_gold: Callable[[G], str], show_predicted: Callable[[P], str]) -> None:
        missed, extra = self.scores.tallies[name].match(gold, predicted, same)
        for item in missed:
            self.miss(name, show_gold(item), None)
        for other in extra:
            self.miss(name, None, show_predicted(other))

    def score(self, document: Document | None) -> None:
        key = self.key
        events = document.events if document else []
        detection = self.scores.tallies["visit_detection"]
        detection.match([key.kind] if key.is_visit else [], events[:1], lambda _g, _p: True)
        if key.is_visit != bool(events):
            self.miss("visit_detection", key.kind, "visit" if events else "no visit")
        pairs, missed, extra = _pair_events(key.events, events)
        tally = self.scores.tallies["events"]
        tally.tp += len(pairs)
        tally.fn += len(missed)
        tally.fp += len(extra)
        for event in missed:
            self.miss("events", _visit_label((event.visitor or GoldPerson()).name, event.host_country), None)
        for other in extra:
            self.miss("events", None, _visit_label(other.visitor.name, other.host_country))
        for gold_event, event in pairs:
            self.event(gold_event, event)
        if key.scope == "events_only":
            return
        self.entities(document)

    def event(self, gold: GoldEvent, event: VisitEvent) -> None:
        visitor = gold.visitor or GoldPerson()
        who = f"{visitor.name or 'visit'}: "
        self.value("visitor_country", visitor.country, event.visitor_country,
                   visitor.country == event.visitor_country, who)
        self.value("host_country", gold.host_country, event.host_country,
                   gold.host_country == event.host_country, who)
        if gold.city:
            self.value("city", gold.city, event.city, same_label(gold.city, event.city), who)
        if gold.date:
            self.value("date", gold.date, event.date, gold.date == event.date, who)
        if gold.start_date or gold.end_date:
            self.value("span", f"{gold.start_date} – {gold.end_date}", f"{event.start_date} – {event.end_date}",
                       (gold.start_date, gold.end_date) == (event.start_date, event.end_date), who)
        if gold.visit_type:
            self.value("visit_type", gold.visit_type, event.visit_type, gold.visit_type == event.visit_type, who)
        self.value("status", gold.status, event.status, gold.status == event.status, who)
        self.counterparts(gold.counterparts, event)

    def counterparts(self, gold: Sequence[GoldPerson], event: VisitEvent) -> None:
        """Recall accepts a host-side attendee (some keys list those as counterparts); precision is
        judged on the predicted counterparts alone."""
        named = _people_met(event, ("counterparts",))
        present = _people_met(event, ("counterparts", "attendees"))
        tally = self.scores.tallies["counterparts"]
        for person in gold:
            if any(same_person(person.name, p.name) for p in present):
                tally.tp += 1
            else:
                tally.fn += 1
                self.miss("counterparts", person.name, None)
        for other in named:
            if not any(same_person(g.name, other.name) for g in gold):
                tally.fp += 1
                self.miss("counterparts", None, other.name)

    def entities(self, document: Document | None) -> None:
        key = self.key
        people = document.people if document else []
        self.listing("people", key.people, people, lambda g, p: same_person(g.name, p.name),
                     lambda g: g.name or "?", lambda p: p.name)
        for person in key.people:
            found = closest_person(person.name, people)
            if found is None:
                continue
            who = f"{person.name}: "
            if person.rank:
                self.value("person_rank", person.rank, found.rank, same_label(person.rank, found.rank), who)
            if person.title:
                self.value("person_title", person.title, found.title, same_label(person.title, found.title), who)
            if person.country:
                self.value("person_country", person.country, found.country, person.country == found.country, who)
        self.listing("organizations", key.organizations, document.organizations if document else [],
                     lambda g, o: same_label(g, o.name) or (bool(o.acronym) and fold(g) == fold(o.acronym)),
                     str, lambda o: o.name + (f" ({o.acronym})" if o.acronym else ""))
        self.listing("places", key.places, document.places if document else [],
                     lambda g, p: same_label(g, p.name), str, lambda p: p.name)


def _show(value: object) -> str | None:
    return None if value is None else str(value)


def _visit_label(visitor: str | None, host: str | None) -> str:
    return f"{visitor or '?'} -> {host or '?'}"


def score(keys: Iterable[GoldArticle], predictions: Mapping[str, Document]) -> Scores:
    """Score the predictions (keyed by article id; a missing one counts as an empty record)."""
    scores = Scores()
    for key in keys:
        _ArticleScorer(scores, key).score(predictions.get(key.id))
        scores.articles += 1
    return scores


def predict(cases: Iterable[GoldCase], nlp: Language) -> dict[str, Document]:
    """Run the extractor on each key's article, resolving dates against the key's publication date."""
    from extractor.records import extract

    out: dict[str, Document] = {}
    for case in cases:
        source = {"path": str(case.text_path)} if case.text_path else None
        out[case.key.id] = extract(case.read_text(), published=case.key.published, source=source, nlp=nlp)
    return out


def read_predictions(path: str | Path, cases: Sequence[GoldCase]) -> dict[str, Document]:
    """Documents from a JSON Lines file, matched to the keys by the file name of `source.path`."""
    from pydantic import ValidationError

    where = Path(path)
    try:
        lines = where.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{where}: cannot read predictions ({err})") from None
    by_name: dict[str, Document] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            document = Document.model_validate_json(line)
        except ValidationError as err:
            raise GoldError(f"{where}:{number}: not a diplo record ({err.error_count()} errors)") from None
        name = Path(document.source.path or "").name
        by_name.setdefault(name, document)
        by_name.setdefault(Path(name).stem, document)
    out: dict[str, Document] = {}
    for case in cases:
        names = [case.text_path.name] if case.text_path else []
        names.append(case.key.id)
        found = next((by_name[n] for n in names if n in by_name), None)
        if found is not None:
            out[case.key.id] = found
    return out
