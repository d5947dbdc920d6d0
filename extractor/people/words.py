"""Word-level tests shared by every stage: name particles, folding, capitalisation."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractor import geography

PARTICLES = {"bin", "bint", "ibn", "al", "el", "da", "de", "dos", "das", "do", "van", "von", "der", "den",
             "la", "le", "di", "du", "ben", "abu", "y"}

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def fold_word(word: str) -> str:
    """A name word folded for comparison: 'Al-Harbi' -> 'al-harbi', 'Güler' -> 'guler'."""
    return geography.fold(word).replace(" ", "-").strip(".'")


def name_key(words: list[str]) -> set[str]:
    """The words that identify a person: no particles, suffixes or initials."""
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in re.split(r"[-\s]", fold_word(word)) if p)
    return {p for p in parts if len(p) > 1 and p not in PARTICLES and p not in SUFFIXES}


def is_capitalised(token: Token) -> bool:
    """A word that may be part of a name: capitalised letters, not an acronym (unless the whole
    text is printed in capitals)."""
    text = token.text
    if not text[:1].isupper():
        return False
    letters = text.replace("'", "").replace("’", "").replace(".", "").replace("-", "")
    if not letters.isalpha():
        return False
    return not (len(letters) > 1 and letters.isupper() and not _all_caps_text(token.doc))


def _all_caps_text(doc: Doc) -> bool:
    """True for a text printed all in capitals, where acronyms cannot be told from names."""
    flag = doc.user_data.get("diplo_all_caps")
    if flag is None:
        flag = doc.user_data["diplo_all_caps"] = doc.text.isupper()
    return bool(flag)


def is_line_break(token: Token) -> bool:
    """A whitespace token holding a line break: the end of a line of the page."""
    return token.is_space and "\n" in token.text


def starts_line(doc: Doc, i: int) -> bool:
    """True when token `i` is the first of its line."""
    return i == 0 or is_line_break(doc[i - 1])
