"""Component "diplo_line_breaks": sentence boundaries a newswire prints, set before the parser runs.

Headlines, datelines and paragraphs carry no final full stop, so every printed line starts a
sentence; inside a line, a sentence can only start after closing punctuation. The small parser
otherwise runs a headline into the body, or splits "called on Chief of Army Staff (COAS) Field
Marshal ..." in two.
"""

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor.dateline import find_dateline

_CLOSERS = {".", "!", "?", "…"}
_TRAILERS = {'"', "”", "’", "'", ")", "]"}  # noqa: RUF001 (the typographic closing quote)


def _closes(word: str) -> bool:
    return word in _CLOSERS or word.endswith((".", "?", "!"))


@Language.component("diplo_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set `is_sent_start` True after a line break and after the dateline ('ISLAMABAD (APP):'),
    False where no closing punctuation precedes."""
    if doc.has_annotation("DEP"):
        return doc  # already parsed: sentence starts can no longer be changed
    text = doc.text
    dateline = find_dateline(text)
    body_start = None
    if dateline is not None:
        span = doc.char_span(dateline.end, len(text), alignment_mode="expand")
        body_start = span.start if span is not None and len(span) else None
    # One pass over the tokens' strings: a Token object per look-up costs more than the rule.
    tokens = list(doc)
    words = [token.text for token in tokens]
    spaces = [token.is_space for token in tokens]
    breaks = ["\n" in word or "\n" in token.whitespace_ for word, token in zip(words, tokens, strict=True)]
    # Written at once: each `token.is_sent_start = ...` checks the whole doc for a parse.
    starts = doc.to_array([SENT_START]).astype(numpy.int32).reshape(-1)  # 1 start, -1 not, 0 not known
    # The last token before i that is neither a closing quote or bracket nor space (token 0 at least).
    last = 0
    for i in range(1, len(tokens)):
        previous = i - 1
        if previous == 0 or not (words[previous] in _TRAILERS or spaces[previous]):
            last = previous
        if i == body_start:
            starts[i] = 1
        elif spaces[i]:
            continue
        elif breaks[previous]:
            starts[i] = 1
        elif not _closes(words[last]):
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc
