"""Component "diplo_line_breaks": sentence boundaries a newswire prints, set before the parser runs.

Headlines, datelines and paragraphs carry no final full stop, so every printed line starts a
sentence; inside a line, a sentence can only start after closing punctuation. The small parser
otherwise runs a headline into the body, or splits "called on Chief of Army Staff (COAS) Field
Marshal ..." in two.
"""

from spacy.language import Language
from spacy.tokens import Doc

_CLOSERS = {".", "!", "?", "…"}
_TRAILERS = {'"', "”", "’", "'", ")", "]"}


@Language.component("diplo_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set `is_sent_start` True after a line break, False where no closing punctuation precedes."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
            continue
        k = token.i - 1
        while k > 0 and (doc[k].text in _TRAILERS or doc[k].is_space):
            k -= 1
        last = doc[k].text
        if not (last in _CLOSERS or last.endswith(".") or last.endswith("?") or last.endswith("!")):
            token.is_sent_start = False
    return doc
