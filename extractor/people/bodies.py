"""Institutions printed in a chain: the lexicon's bodies, and NER organizations cut back to the body."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor.lexicon import Entry, Lexicon
from extractor.people.countries import country_in_name
from extractor.resources import gazetteer


def org_at(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span]) -> Entry | Span | None:
    """An institution starting at token `i`: a lexicon match, else a NER organization."""
    entry = lex.at(i, "ORG")
    ner = ner_orgs.get(i)
    if ner is not None:
        # The small NER often runs a body into the rank and name after it: "Bangladesh Navy Admiral M ...".
        cut = next((k for k in range(ner.start + 1, ner.end) if lex.at(k, "RANK", "TITLE", "HONORIFIC")),
                   None)
        if cut is not None:
            ner = doc[ner.start : cut]
        heads = gazetteer("name_heads", "word")
        # ... or into the name after its head noun: "People's Committee Le Thanh Hai".
        after_head = next((k + 1 for k in range(ner.start, ner.end - 1) if doc[k].lower_ in heads
                           and doc[k + 1].lower_ not in ("of", "for", "and", "&", "(", "-")), None)
        if after_head is not None:
            ner = doc[ner.start : after_head]
    if entry and (ner is None or entry.end >= ner.end):
        return entry
    return ner


def is_staff_body(org: Entry | Span) -> bool:
    """A staff body named inside an office stays in the title ('Chief of the General Staff')."""
    return isinstance(org, Entry) and org.row.get("kind") == "staff"


def org_is_name(org: Entry | Span, doc: Doc, lex: Lexicon) -> bool:
    """A NER 'organization' that is really a rank+name run ('Field Marshal Asim Munir')."""
    if isinstance(org, Entry):
        return False
    return any(lex.at(k, "RANK", "TITLE", "HONORIFIC") for k in range(org.start, org.end))


def reads_as_name(org: Entry | Span) -> bool:
    """A NER 'organization' after an office that is a personal name ('President Kassym-Jomart Tokayev'):
    capitalised words with no head word of a body ('Council', 'Army') and no country in them."""
    if isinstance(org, Entry):
        return False
    heads = gazetteer("name_heads", "word")
    words = [t for t in org if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() and t.lower_ not in heads for t in words) and \
        country_in_name(org.text) is None


def org_country(org: Entry | Span) -> str | None:
    """The country an institution belongs to: its gazetteer row's, else the one its name carries."""
    if isinstance(org, Entry):
        return org.row.get("country")
    return country_in_name(org.text)
