"""Component "diplo_line_breaks": sentence boundaries a newswire prints, set before the parser runs.

Headlines, datelines and paragraphs carry no final full stop, so every printed line starts a
sentence; inside a line, a sentence can only start after closing punctuation. The small parser
otherwise runs a headline into the body, or splits "called on Chief of Army Staff (COAS) Field
Marshal ..." in two.
"""

from spacy.language import Language
from spacy.tokens import Doc

from extractor.dateline import find_dateline

_CLOSERS = {".", "!", "?", "…"}
_TRAILERS = {'"', "”", "’", "'", ")", "]"}


@Language.component("diplo_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set `is_sent_start` True after a line break and after the dateline ('ISLAMABAD (APP):'),
    False where no closing punctuation precedes."""
    if doc.has_annotation("DEP"):
        return doc  # already parsed: sentence starts can no longer be changed
    dateline = find_dateline(doc.text)
    body_start = None
    if dateline is not None:
        span = doc.char_span(dateline.end, len(doc.text), alignment_mode="expand")
        body_start = span.start if span is not None and len(span) else None
    for token in doc[1:]:
        if token.i == body_start:
            token.is_sent_start = True
            continue
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
