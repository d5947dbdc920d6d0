"""A token-indexed view of the lexicon ruler's matches, with canonical entries attached.

The `span_ruler` named `diplo_lexicon` matches phrase patterns case-insensitively; this module
keeps the matches that are printed as names (capitalised or acronyms) and resolves their pattern
ids against the gazetteers: 'Lt Gen' -> ('lieutenant-general', 'Lieutenant General', 'OF-8').
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from extractor.resources import gazetteer

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


class Lexicon:
    """Lexicon matches of one Doc, indexed by the token they start at (longest first)."""

    def __init__(self, doc: Doc, key: str = "diplo_lexicon") -> None:
        self.doc = doc
        self.by_start: dict[int, list[Entry]] = {}
        self.covering: dict[int, list[Entry]] = {}
        spans = doc.spans[key] if key in doc.spans else []
        for span in spans:
            label = span.label_
            if not _printed_as_name(span, label):
                continue
            table = _GAZETTEER_OF_LABEL.get(label)
            row = gazetteer(table).get(span.id_, {}) if table else {}
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
