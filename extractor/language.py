"""Is an article written in English? A stop-word test, run before the pipeline.

diplo's rules and the trained pipeline are English: on a German or French text they would invent
people and places from capitalised words. The test counts the words of the text's opening that are
stop words of English (spaCy's list), and only when few are asks the stop-word lists of other
languages that spaCy ships which one explains the text better, so that an English article costs
one set look-up per word and no import.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

# Languages a newswire text is likely to be in, besides English; spaCy has stop words for each.
CANDIDATES = ("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu", "tr",
              "id", "ru", "uk", "ar", "fa", "hi", "vi")
_SAMPLE_CHARS = 5_000
_MIN_WORDS = 25
# English news prose is 35-50% stop words; headlines, lists of names and page menus less so.
_ENGLISH_ENOUGH = 0.18
_FOREIGN_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@cache
def _stop_words(code: str) -> frozenset[str]:
    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    return frozenset(word.lower() for word in module.STOP_WORDS)


def _share(words: list[str], code: str) -> float:
    stops = _stop_words(code)
    return sum(word in stops for word in words) / len(words)


def foreign_language(text: str) -> str | None:
    """The code of the language `text` is written in when it does not look English, else None.

    Short texts (fewer than 25 words) are taken as English: too few words to tell.
    'Der Minister traf am Montag ...' -> 'de'.
    """
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    if len(words) < _MIN_WORDS:
        return None
    english = _share(words, "en")
    if english >= _ENGLISH_ENOUGH:
        return None
    best, share = max(((code, _share(words, code)) for code in CANDIDATES), key=lambda pair: pair[1])
    if share >= _FOREIGN_SHARE and share > 2 * english:
        return best
    return None


def warning(code: str) -> str:
    """The record's warning for a text in language `code`."""
    return f"text does not look English ({code})"
