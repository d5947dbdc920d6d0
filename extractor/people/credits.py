"""People a page names in its credits: the photographer of a picture ('Photo: Luca Bruno/AP',
'(Brian Fallon/PA)', 'AP Photo/Eraldo Nunes') and the author of a byline ('By Sana Qureshi').

They are people of the page with nothing more to say about them: no office, no country.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.credits import is_outlet
from extractor.people.words import is_line_break

# Words that open a credit: 'Photo: X', 'Picture by X', 'Source: Ministry / X'.
CREDIT_WORDS = frozenset({"photo", "photos", "photograph", "photographs", "picture", "pictures", "image",
                          "images", "credit", "credits", "source", "courtesy", "photographer", "file"})
# What may follow a credited name: the outlet after a slash, a closing bracket, the end of the line.
_AFTER_NAME = frozenset({"/", ")", "]", "|", ",", ";"})
_MIN_WORDS, _MAX_WORDS = 2, 3


def credited_names(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of the names credited as a photo's author or as a byline."""
    found: list[tuple[int, int]] = []
    i = 1
    while i < len(doc):
        if doc[i - 1].text in ("/", ":", "by", "By", "(", "[") and doc[i].text[:1].isupper():
            end = _name_end(doc, i)
            if end > i and _credits(doc, i, end):
                found.append((i, end))
                i = end
                continue
        i += 1
    return found


def _name_end(doc: Doc, i: int) -> int:
    """Where two or three capitalised words starting at `i` end ('Hamad AL-KAABI'), else `i`."""
    j, words = i, 0
    while j < len(doc) and words < _MAX_WORDS + 1 and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
        words += 1
        while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].is_alpha:
            j += 2  # a hyphenated word is one: 'Frank-Walter', 'AL-KAABI'
    if not _MIN_WORDS <= words <= _MAX_WORDS or is_outlet(doc[i:j].text):
        return i
    return j


def _credits(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at `start:end` stands where a credit puts one."""
    before = doc[start - 1]
    opener = doc[start - 2].lower_ if start >= 2 else ""
    closed = end == len(doc) or doc[end].text in _AFTER_NAME or is_line_break(doc[end])
    if before.text in (":", "by"):
        return opener in CREDIT_WORDS and closed  # 'Photo: X', 'Photo by X'
    if before.text == "By":
        return _starts_line(doc, start - 1) and closed  # a byline
    if before.text == "/":
        # 'AP Photo/X', 'Xinhua/X', 'Source: Ministry / X'
        return closed and (opener in CREDIT_WORDS or is_outlet(doc[start - 2].text)
                           or _line_opens_with_credit(doc, start))
    # '(X/PA)', '(X / UAE PRESIDENTIAL COURT / AFP)'
    return end + 1 < len(doc) and doc[end].text == "/" and (
        is_outlet(doc[end + 1].text) or doc[end + 1].is_upper)


def _starts_line(doc: Doc, i: int) -> bool:
    return i == 0 or is_line_break(doc[i - 1])


def _line_opens_with_credit(doc: Doc, i: int) -> bool:
    """'Source: Ministry of Defence / X': a credit word and its colon earlier on the line."""
    k = i - 1
    while k > 0 and not is_line_break(doc[k - 1]):
        k -= 1
        if doc[k].lower_ in CREDIT_WORDS and doc[k + 1].text == ":":
            return True
    return False
