"""`parse_chain`: the modifiers of a name read left to right (country, body, office with its
complement, rank, honorific), as in "Libyan Armed Forces Commander-in-Chief Lt Gen Saddam Khalifa Haftar"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.lexicon import Entry, Lexicon
from extractor.people.bodies import is_staff_body, org_at, org_country, org_is_name, reads_as_name
from extractor.people.countries import country_anaphor, country_at, demonym_at, region_at
from extractor.people.model import Chain
from extractor.people.offices import (
    RETIRED,
    complement_end,
    parenthetical_end,
    portfolio_end,
    portfolio_then_title,
    role_or_title,
    title_text,
)
from extractor.people.words import is_capitalised
from extractor.resources import gazetteer

# Words that qualify an office without changing it ("outgoing President", "then prime minister"), and
# those the office is held as, which stay in the title ("Acting Foreign Minister", "former President").
_OFFICE_QUALIFIERS = {"acting", "interim", "incumbent", "newly-appointed", "outgoing", "caretaker"}
_PAST_QUALIFIERS = {"former", "then", "late", "ex"}
TITLE_QUALIFIERS = {"acting": "Acting", "interim": "Interim", "caretaker": "Caretaker", "former": "former"}
_DIPLOMAT_TITLES = ("ambassador", "high commissioner", "envoy", "attache", "attaché", "charge", "chargé",
                    "consul", "representative")


def parse_chain(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span], person_starts: set[int],
                limit: int | None = None) -> Chain:
    """Read the modifiers of a name from token `i` up to where the name (or anything else) begins."""
    stop = len(doc) if limit is None else limit
    chain = Chain(start=i, end=i)
    j = i
    qualifier: str | None = None
    place: str | None = None  # a province printed before its office: "British Columbia Premier"
    while j < stop:
        token = doc[j]
        word = token.lower_
        if j == i and word in ("the", "his", "her", "their") and not lex.at(j, "HONORIFIC"):
            chain.definite = True
            j += 1
            continue
        if word == "visiting":
            chain.visiting = True
            j += 1
            continue
        if word in _OFFICE_QUALIFIERS or (word in _PAST_QUALIFIERS and j + 1 < stop) or \
                (token.text == "new" and lex.at(j + 1, "TITLE")):
            chain.past = chain.past or word in _PAST_QUALIFIERS
            qualifier = TITLE_QUALIFIERS.get(word, qualifier)
            j += 1
            continue
        rank, title = role_or_title(doc, lex, j)
        if rank:
            chain.rank = rank
            j = rank.end
            close = parenthetical_end(doc, j)
            if close and RETIRED.match(doc[j + 1 : close - 1].text.replace(" ", "")):
                chain.retired = True
                j = close
            continue
        if title:
            if _name_word_after_office(doc, lex, chain, title):
                break
            j = _read_office(doc, lex, chain, title, stop, ner_orgs, person_starts, qualifier, place)
            qualifier = place = None
            continue
        honorific = lex.at(j, "HONORIFIC")
        if honorific:
            if honorific.row.get("strip", True) is False:
                break
            # "Sheikh"/"Prince" inside a name ("Hassan Sheikh Mohamud") is a name word, not a style.
            chain.honorifics.append(honorific.span.text)
            # A style one state confers ('Tan Sri', 'Datuk Seri') names that state.
            chain.country = chain.country or honorific.row.get("country")
            j = honorific.end
            continue
        if lex.at(j, "POSTNOMINAL"):
            j = lex.at(j, "POSTNOMINAL").end  # type: ignore[union-attr]
            continue
        close = parenthetical_end(doc, j)
        if close and j > i:
            j = close
            continue
        if token.text[:1].isupper() and portfolio_then_title(doc, lex, j):
            end = portfolio_then_title(doc, lex, j)
            assert end is not None
            title = lex.at(end, "TITLE")
            assert title is not None
            chain.title_parts.append(f"{doc[j:end].text} {title_text(title)}")
            chain.title_keys.append(title.key)
            j = title.end
            continue
        org = org_at(doc, lex, j, ner_orgs)
        if org is not None and not org_is_name(org, doc, lex) and not (chain.has_role and reads_as_name(org)):
            chain.organization = chain.organization or org
            chain.country = chain.country or org_country(org)
            j = _office_inside(lex, org) or org.end
            if j < stop and doc[j].text in ("'s", "’s"):
                j += 1
            continue
        region = region_at(doc, j) if not lex.at(j, "ORG", "TITLE", "RANK") else None
        if region and lex.at(region[1], "TITLE"):
            chain.country = chain.country or region[0]
            place = doc[j : region[1]].text
            j = region[1]
            continue
        found = demonym_at(doc, j) or (country_anaphor(doc, j) if chain.definite and j == i + 1 else None) \
            or _country_before_qualified_office(doc, lex, j)
        if found and chain.title_parts and found[1] < len(doc) and is_capitalised(doc[found[1]]) \
                and not lex.at(found[1], "ORG", "TITLE", "RANK", "HONORIFIC"):
            break  # "Foreign Secretary Bharat Raj Paudyal": after the office, a country's name starts a name
        if found and not (j < len(doc) and lex.at(j, "ORG")):
            chain.country = chain.country or found[0]
            j = found[1]
            continue
        role = lex.at(j, "ROLE")
        if role is not None and role.key == "chief" and role.end == j + 1 and (chain.organization is not None
                                                                            or _complement_follows(
                                                                                doc, lex, j + 1, ner_orgs,
                                                                                person_starts)):
            # "CIA chief Gina Haspel", "Chief of Italian Navy, Admiral X": the body's chief.
            j = _read_office(doc, lex, chain, role, stop, ner_orgs, person_starts, qualifier, place)
            qualifier = place = None
            continue
        if role and (chain.definite or (role.key == "counterpart" and chain.country)):
            chain.role = role
            chain.visiting = chain.visiting or role.key == "guest"
            j = role.end
            continue
        break
    chain.end = j
    return chain


def _name_word_after_office(doc: Doc, lex: Lexicon, chain: Chain, title: Entry) -> bool:
    """'Foreign Minister Amir Khan Muttaqi': a one-word office printed straight after another, with no
    'and' between them and a name word after it, is the first word of the name."""
    k = title.start
    if not chain.title_parts or title.end - k != 1 or doc[k - 1].lower_ in ("and", "&", ",", "/"):
        return False
    return title.end < len(doc) and is_capitalised(doc[title.end]) and \
        not lex.at(title.end, "TITLE", "RANK", "ORG", "HONORIFIC")


def _country_before_qualified_office(doc: Doc, lex: Lexicon, j: int) -> tuple[str, int] | None:
    """'US new President Joe Biden': a country printed before a qualified office modifies it."""
    found = country_at(doc, j)
    if found is None or found[1] + 1 >= len(doc):
        return None
    word = doc[found[1]].lower_
    qualifies = word in _OFFICE_QUALIFIERS or word in TITLE_QUALIFIERS or word == "new"
    return found if qualifies and lex.at(found[1] + 1, "TITLE") else None


def _complement_follows(doc: Doc, lex: Lexicon, j: int, ner_orgs: dict[int, Span],
                        person_starts: set[int]) -> bool:
    """True when 'of' at `j` begins a country or a body ('chief of the Army')."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return False
    found = complement_end(doc, lex, j, ner_orgs, person_starts)
    return found is not None and found[0] != "portfolio"


def _office_inside(lex: Lexicon, org: Entry | Span) -> int | None:
    """'Nepal Army Chief', 'Bangladesh Air Force chief': where an office that begins inside the body's
    name and runs past it starts; the chain reads on from there. Where an office starts after the
    body ('Sri Lanka Navy Commander'), the body stays whole."""
    if lex.at(org.end, "TITLE"):
        return None
    for k in range(org.start + 1, org.end):
        title = lex.at(k, "TITLE")
        if title is not None and title.end > org.end:
            return k
    return None


def _read_office(doc: Doc, lex: Lexicon, chain: Chain, title: Entry, stop: int,
                 ner_orgs: dict[int, Span], person_starts: set[int], qualifier: str | None = None,
                 place: str | None = None) -> int:
    """Add the office at `title` to `chain`, with its complement ('of Defence', 'to Nepal'), a
    portfolio run on after it, and whether another office follows after 'and'; returns where it ends."""
    text = title_text(title)
    j = title.end
    chain.title_keys.append(title.key)
    while j < stop and doc[j].lower_ in ("of", "for", "to"):
        if doc[j].lower_ == "to":
            if not any(d in text.lower() for d in _DIPLOMAT_TITLES):
                break
            found = country_at(doc, j + 1) or (
                country_at(doc, j + 2) if j + 2 < len(doc) and doc[j + 1].lower_ == "the" else None)
            if not found:
                break
            text = f"{text} to {doc[j + 1 : found[1]].text.removeprefix('the ')}"
            chain.posted_to = found[0]
            j = found[1]
            continue
        comp = complement_end(doc, lex, j, ner_orgs, person_starts)
        if comp is None:
            break
        kind, end, value = comp
        if kind == "country-org":
            assert isinstance(value, tuple)
            chain.country = chain.country or value[0]
            kind, value = "org", value[1]
        if kind == "region":
            chain.country = chain.country or str(value)
            text = f"{text} {doc[j:end].text}"
        elif kind == "country":
            chain.country = chain.country or str(value)
        elif kind == "org":
            assert isinstance(value, (Entry, Span))
            if is_staff_body(value):
                text = f"{text} {doc[j:end].text}"
            else:
                chain.organization = chain.organization or value
        else:
            text = f"{text} {doc[j:end].text}"
        j = end
    if j + 1 < stop and doc[j].lower_ == "and" and re.search(r" (of|for) ", text):
        # "Minister for Foreign Affairs and East African Cooperation": the portfolio goes on.
        end = portfolio_end(doc, lex, j + 1, person_starts)
        if end > j + 1:
            text = f"{text} {doc[j:end].text}"
            j = end
    if j < stop and doc[j].text[:1].isupper() and doc[j].lower_ in gazetteer("portfolios", "word") \
            and not re.search(r" (of|for|to) ", text) and not lex.at(j, "TITLE", "RANK", "ORG"):
        # "Secretary Planning Awais ...": a portfolio printed straight after the office.
        end = portfolio_end(doc, lex, j, person_starts)
        if end < stop and is_capitalised(doc[end]):
            text = f"{text} {doc[j:end].text}"
            j = end
    chain.title_parts.append(" ".join(w for w in (qualifier, place, text) if w))
    if j < stop and doc[j].lower_ == "and" and j + 1 < stop:
        _, nxt_title = role_or_title(doc, lex, j + 1)
        if nxt_title or (doc[j + 1].text[:1].isupper() and portfolio_then_title(doc, lex, j + 1)):
            return j + 1
    return j
