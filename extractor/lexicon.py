"""Component "diplo_lexicon" and a token-indexed view of its matches, with canonical entries attached.

The `diplo_lexicon` ruler (a spaCy `SpanRuler` loaded with the packaged patterns) matches phrase
patterns case-insensitively; `Lexicon` keeps the matches that are printed as names (capitalised or
acronyms) and resolves their pattern ids against the gazetteers:
'Lt Gen' -> ('lieutenant-general', 'Lieutenant General', 'OF-8').
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from extractor.errors import PipelineError
from extractor.resources import gazetteer, pattern_names, read_rows

LEXICON_KEY = "diplo_lexicon"
# Token attributes the tokenizer alone sets: phrase patterns matched on them need no other pipe.
_LEXICAL_ATTRS = {None, "ORTH", "TEXT", "LOWER", "NORM", "SHAPE"}


def require_pipes(nlp: Language, component: str, *needed: str) -> None:
    """Raise `PipelineError` unless every pipe of `needed` is already in `nlp`.

    Called by the factories of components that read what an earlier pipe sets, so that
    `nlp.add_pipe("diplo_entities")` on a pipeline without the lexicon fails at once instead of
    finding nothing.
    """
    missing = [name for name in needed if name not in nlp.pipe_names]
    if missing:
        adds = "; ".join(f"nlp.add_pipe({name!r})" for name in missing)
        raise PipelineError(f"{component} needs {', '.join(missing)} earlier in the pipeline: {adds} first")


def shipped_patterns() -> list[dict[str, Any]]:
    """Every packaged phrase pattern (ranks, titles, honorifics, institutions, triggers...)."""
    patterns: list[dict[str, Any]] = []
    for name in pattern_names():
        patterns.extend(read_rows("patterns", name))
    return patterns


class LexiconRuler(SpanRuler):
    """A `SpanRuler` that starts with diplo's packaged patterns and makes pattern docs cheaply.

    Sets `doc.spans["diplo_lexicon"]`. The packaged patterns are read on first use (the first
    Doc, `patterns`, `add_patterns`), not when the pipe is built, so that `spacy.load` of a saved
    pipeline, whose patterns come from disk, reads them once. Phrase patterns matched on a
    lexical attribute (LOWER here) are made by the tokenizer alone: spaCy's `SpanRuler` runs every
    earlier pipe, the parser included, over each of its 3,000-odd pattern strings. And a packaged
    phrase whose first word is plain letters is tokenized only once a Doc has that word: making a
    pattern's Doc (its new lexemes) is what the first article waited for, and most phrases never
    occur in a given batch.
    """

    def __init__(self, nlp: Language, name: str = LEXICON_KEY, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self._shipped_pending = True
        # Packaged phrases not tokenized yet, by their first word lower-cased: (label key, phrase).
        self._deferred: dict[str, list[tuple[str, str]]] = {}

    def clear(self) -> None:
        """Remove every pattern, the packaged ones included."""
        super().clear()
        self._shipped_pending = False
        self._deferred = {}

    def remove(self, label: str) -> None:
        self._load_all()
        super().remove(label)

    def remove_by_id(self, pattern_id: str) -> None:
        self._load_all()
        super().remove_by_id(pattern_id)

    def __contains__(self, label: str) -> bool:
        self._load_shipped()
        return super().__contains__(label)

    @property
    def labels(self) -> tuple[str, ...]:
        self._load_shipped()
        return super().labels

    @property
    def ids(self) -> tuple[str, ...]:
        self._load_shipped()
        return super().ids

    def _load_all(self) -> None:
        self._load_shipped()
        self._add_deferred(list(self._deferred))

    def _load_shipped(self) -> None:
        if self._shipped_pending:
            self._shipped_pending = False
            self._add(shipped_patterns(), defer=True)

    def __call__(self, doc: Doc) -> Doc:
        self._load_shipped()
        if self._deferred:
            self._add_deferred({token.lower_ for token in doc}.intersection(self._deferred))
        return super().__call__(doc)

    def _add_deferred(self, words: Iterable[str]) -> None:
        phrases: dict[str, list[Doc]] = {}
        for word in words:
            for label, pattern in self._deferred.pop(word, ()):
                phrases.setdefault(label, []).append(self.nlp.make_doc(pattern))
        for label, docs in phrases.items():
            self.phrase_matcher.add(label, docs)

    def __len__(self) -> int:
        self._load_shipped()
        return super().__len__()

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """Every pattern of the ruler, the packaged ones first."""
        self._load_shipped()
        return self._patterns

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   patterns: Iterable[dict[str, Any]] | None = None) -> None:
        """Reset the ruler to `patterns`, by default the packaged ones."""
        self.clear()
        self._add(list(patterns) if patterns is not None else shipped_patterns())

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:  # type: ignore[override]
        """Add patterns to the packaged ones (or to those loaded from disk)."""
        self._load_shipped()
        self._add(list(patterns))

    def _add(self, patterns: list[dict[str, Any]], *, defer: bool = False) -> None:
        attr = self.phrase_matcher_attr
        attr_name = self.nlp.vocab.strings[attr] if isinstance(attr, int) else attr
        if attr_name is not None and attr_name.upper() not in _LEXICAL_ATTRS:
            super().add_patterns(patterns)  # tags or lemmas: the earlier pipes must run
            return
        # Only on LOWER is a phrase's first token known without tokenizing it (see `deferrable_word`).
        defer = defer and (attr_name or "ORTH").upper() == "LOWER"
        exceptions = self.nlp.tokenizer.rules if defer else {}
        phrases: dict[str, list[Doc]] = {}
        for entry in patterns:
            label = repr((str(entry["label"]), str(entry.get("id", ""))))
            self._match_label_id_map[self.nlp.vocab.strings.as_int(label)] = {
                "label": str(entry["label"]), "id": str(entry.get("id", ""))}
            pattern = entry["pattern"]
            if isinstance(pattern, str) and defer and (word := deferrable_word(pattern, exceptions)):
                self._deferred.setdefault(word, []).append((label, pattern))
            elif isinstance(pattern, str):
                phrases.setdefault(label, []).append(self.nlp.make_doc(pattern))
            elif isinstance(pattern, list):
                self.matcher.add(label, [pattern])
            else:
                raise ValueError(f"a lexicon pattern is a string or a list of token patterns: {pattern!r}")
            self._patterns.append(entry)
        for label, docs in phrases.items():
            self.phrase_matcher.add(label, docs)


def deferrable_word(phrase: str, exceptions: Mapping[str, Any]) -> str | None:
    """The lower-cased first token of `phrase` when it is plain to see: a first word of letters only
    that is none of the tokenizer's `exceptions` ('cannot') is a token of its own. None otherwise
    ('Lt.', 'al-Qaeda')."""
    words = phrase.split(maxsplit=1)
    first = words[0] if words else ""
    if not first.isalpha() or first in exceptions:
        return None
    return first.lower()


@Language.factory(
    LEXICON_KEY,
    assigns=["doc.spans"],
    default_config={"spans_key": LEXICON_KEY, "phrase_matcher_attr": "LOWER", "validate": False,
                    "overwrite": True},
)
def make_lexicon(nlp: Language, name: str, *, spans_key: str, phrase_matcher_attr: str | None,
                 validate: bool, overwrite: bool) -> LexiconRuler:
    """Build the lexicon ruler; its packaged patterns are read when it first runs."""
    return LexiconRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr,
                        validate=validate, overwrite=overwrite,
                        scorer=None)

_GAZETTEER_OF_LABEL = {"RANK": "ranks", "TITLE": "titles", "HONORIFIC": "honorifics",
                       "POSTNOMINAL": "postnominals", "ORG": "institutions"}
# Lower-case forms that are role words in running text ("the premier", "the army chief").
_LOWERCASE_LABELS = {"TITLE", "TRIGGER", "CEREMONY", "NEGATIVE", "ROLE"}


@dataclass(frozen=True)
class Entry:
    """One lexicon match: where it is, what it is, and its gazetteer row."""

    span: Span
    label: str
    key: str
    row: dict[str, Any]

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def canonical(self) -> str:
        return str(self.row.get("name") or self.span.text)

    @property
    def printed_lowercase(self) -> bool:
        return self.span.text[:1].islower()


_NAME_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "al", "el", "&", "-", "'s", "on", "in"}


def _printed_as_name(span: Span, label: str) -> bool:
    if label in _LOWERCASE_LABELS:
        return True
    if label == "ORG":
        # A body's name is printed in capitals throughout: not "Philippine armed forces".
        return all(t.text[:1].isupper() or not t.is_alpha or t.lower_ in _NAME_FUNCTION_WORDS for t in span)
    return span.text[:1].isupper()


_CASELESS_ACRONYM = 4  # "Nato" is NATO in British print; "Rao" is a surname, not the RAO


def _short_acronym_in_lowercase(span: Span, row: dict[str, Any]) -> bool:
    acronym = str(row.get("acronym") or "")
    return len(span) == 1 and span.text != acronym and span.text.lower() == acronym.lower() \
        and len(acronym) < _CASELESS_ACRONYM


def _abbreviation_before_no_name(span: Span, label: str) -> bool:
    """'Sen.', 'Gen.' abbreviate an office only before a name: 'Prime Minister Vikram Sen.' ends with one."""
    if label not in ("TITLE", "RANK", "HONORIFIC") or not span.text.endswith(".") or len(span) != 1:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is None or not after.text[:1].isupper()


class Lexicon:
    """Lexicon matches of one Doc, indexed by the token they start at (longest first)."""

    def __init__(self, doc: Doc, key: str = LEXICON_KEY) -> None:
        self.doc = doc
        self.by_start: dict[int, list[Entry]] = {}
        self.covering: dict[int, list[Entry]] = {}
        if key not in doc.spans:
            raise PipelineError(f"the Doc has no {key!r} spans: add the {key} pipe before diplo's "
                                f"components (nlp.add_pipe({key!r}))")
        spans = doc.spans[key]
        for span in spans:
            label = span.label_
            if not _printed_as_name(span, label):
                continue
            table = _GAZETTEER_OF_LABEL.get(label)
            row = gazetteer(table).get(span.id_, {}) if table else {}
            if _short_acronym_in_lowercase(span, row) or _abbreviation_before_no_name(span, label):
                continue
            entry = Entry(span, label, span.id_, row)
            self.by_start.setdefault(span.start, []).append(entry)
            for i in range(span.start, span.end):
                self.covering.setdefault(i, []).append(entry)
        for entries in self.by_start.values():
            entries.sort(key=lambda e: -(e.end - e.start))

    @classmethod
    def of(cls, doc: Doc) -> Lexicon:
        """The view of `doc`, built once and shared by the components that follow the ruler."""
        view = doc.user_data.get("diplo_lexicon_view")
        if not isinstance(view, cls):
            view = doc.user_data["diplo_lexicon_view"] = cls(doc)
        return view

    def at(self, i: int, *labels: str) -> Entry | None:
        """The longest match of one of `labels` starting at token `i`."""
        for entry in self.by_start.get(i, []):
            if entry.label in labels:
                return entry
        return None

    def covers(self, i: int, *labels: str) -> Entry | None:
        """A match of one of `labels` that covers token `i`."""
        for entry in self.covering.get(i, []):
            if entry.label in labels:
                return entry
        return None

    def all(self, *labels: str) -> list[Entry]:
        """Every match with one of `labels`, in text order."""
        seen: list[Entry] = []
        for start in sorted(self.by_start):
            seen.extend(e for e in self.by_start[start] if e.label in labels)
        return seen
