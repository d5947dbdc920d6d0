"""Personal names: where a name behind its chain ends, and whether the words are a name at all."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor import geography
from extractor.lexicon import Lexicon
from extractor.people.words import PARTICLES, SUFFIXES, is_capitalised, name_key
from extractor.resources import gazetteer

_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

_NOT_NAME_WORDS = {"the", "a", "an", "and", "on", "in", "at", "of", "for", "to", "with", "during", "after",
                   "before", "both", "his", "her", "their", "its", "this", "that", "also", "later", "earlier",
                   "meanwhile", "according", "speaking", "mr", "mrs", "ms"}

_MAX_NAME_TOKENS = 8


def name_end(doc: Doc, lex: Lexicon, i: int) -> int:
    """Where a personal name starting at token `i` ends (== i when no name starts there)."""
    heads = gazetteer("name_heads", "word")
    j = i
    while j < len(doc) and j - i < _MAX_NAME_TOKENS:
        token = doc[j]
        word = token.lower_
        if j > i and lex.at(j, "RANK", "TITLE", "POSTNOMINAL", "ORG"):
            break
        honorific = lex.at(j, "HONORIFIC")
        if honorific and honorific.row.get("strip", True) is False:
            j = honorific.end
            continue
        if j > i and word in PARTICLES and j + 1 < len(doc) and is_capitalised(doc[j + 1]):
            j += 1
            continue
        if j > i and token.text in ("-", "'") and not doc[j - 1].whitespace_ and not token.whitespace_ \
                and j + 1 < len(doc) \
                and (is_capitalised(doc[j + 1]) or (doc[j + 1].is_alpha and token.text == "-")):
            j += 2  # "Al-Harbi", "Park Min-jun"
            continue
        if j > i and word.rstrip(".") in {s.rstrip(".") for s in SUFFIXES} and token.text[:1].isupper():
            j += 1
            continue
        if j == i and initials_before_name(doc, lex, j):
            j += 1
            continue
        if is_capitalised(token) and word not in _MONTHS_AND_DAYS and word not in _NOT_NAME_WORDS:
            if j > i and word in heads:
                return i  # "Prime Minister House", "State Council": a building or body, not a person
            j += 1
            continue
        break
    while j > i and (doc[j - 1].lower_ in PARTICLES or doc[j - 1].text in ("-", "'")):
        j -= 1
    if j > i and doc[i : j].text.lower() in heads:
        return i
    return j


def initials_before_name(doc: Doc, lex: Lexicon, i: int) -> bool:
    """'VR Chaudhari', 'KP Sharma Oli': two or three capitals at `i` before a name word are initials,
    not an acronym, unless the lexicon or the gazetteer knows them ('UN', 'US')."""
    token = doc[i]
    if not (token.is_alpha and token.is_upper and 2 <= len(token.text) <= 3) or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if not is_capitalised(nxt) or nxt.is_upper or lex.covers(i, "ORG", "TITLE", "RANK", "HONORIFIC") \
            or lex.at(i + 1, "ORG", "TITLE", "RANK"):
        return False
    place = geography.country(token.text)
    return (place is None or place.kind != "country") and not geography.cities(token.text)


def valid_name(doc: Doc, start: int, end: int) -> bool:
    """True when tokens `start:end` can be a person's name: not a portfolio, country, demonym or city."""
    span = doc[start:end]
    if not name_key([t.text for t in span]):
        return False
    portfolio = gazetteer("portfolios", "word")
    if all(t.lower_ in portfolio or not t.is_alpha for t in span):
        return False  # "Diaspora Affairs": a ministry's portfolio, not a person
    if geography.country(span.text) or geography.demonym(span.text):
        return False
    if end - start > 1 and any(geography.fold(c.name) == geography.fold(span.text)
                               for c in geography.cities(span.text)):
        return False  # "Ho Chi Minh City"
    region = geography.subdivision(span.text) if end - start > 1 else None
    if region is not None and geography.fold(region.name) == geography.fold(span.text):
        return False  # "the Minister of Forests, British Columbia"
    return not (end - start == 1 and geography.cities(span.text) and not _followed_by_verb(doc, end))


def _followed_by_verb(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX")


def name_words(doc: Doc, lex: Lexicon, start: int, end: int) -> list[str]:
    """The name as printed, hyphens and apostrophes rejoined ('Al-Harbi')."""
    words: list[str] = []
    glue = False
    for token in doc[start:end]:
        if token.text in ("-", "'") and words:
            words[-1] += token.text
            glue = True
            continue
        if glue and words:
            words[-1] += token.text
            glue = False
        else:
            words.append(token.text)
    if len(words) > 1 and re.fullmatch(r"[A-Z][a-z]{2,}\.", words[-1]):
        words[-1] = words[-1][:-1]  # "... met Ambassador Priya Sen.": the sentence's full stop
    return words


def looks_like_body(doc: Doc, start: int, end: int) -> bool:
    """A NER 'person' that names a body ('... Council') or holds a country's name."""
    heads = gazetteer("name_heads", "word")
    return doc[end - 1].lower_ in heads or any(geography.country(t.text) for t in doc[start:end])
