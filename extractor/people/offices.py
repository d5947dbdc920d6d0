"""Offices: a rank or title at a token, the complement after 'of'/'for', portfolio words around it."""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc, Span

from extractor import geography
from extractor.lexicon import Entry, Lexicon
from extractor.people.bodies import org_at
from extractor.people.countries import country_anaphor, country_at, region_at
from extractor.people.words import is_capitalised
from extractor.resources import gazetteer

RETIRED = re.compile(r"^\(?\s*(retd|retired|r)\s*\.?\s*\)?$", re.I)


def parenthetical_end(doc: Doc, i: int) -> int | None:
    """The end of a short parenthesis at `i` holding an acronym or retired mark: '(COAS)', '(Retd)'."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + 6, len(doc))):
        if doc[j].text == ")":
            inner = doc[i + 1 : j].text.replace(" ", "")
            if inner and (inner.replace("-", "").replace("&", "").isupper() or RETIRED.match(inner)):
                return j + 1
            return None
    return None


def complement_end(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span],
                   person_starts: set[int]) -> tuple[str, int, object] | None:
    """What follows 'of'/'for' after an office: ('country'|'region'|'org'|'country-org'|'portfolio',
    end, value)."""
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc):
        return None
    anaphor = country_anaphor(doc, j)
    if anaphor is not None:
        # "chief of the country's National Defence Forces": the body, and the country it refers to.
        org = org_at(doc, lex, anaphor[1], ner_orgs) if anaphor[1] > j + 1 else None
        if org is not None:
            return "country-org", org.end, (anaphor[0], org)
        return "country", j + 1, anaphor[0]
    found = country_at(doc, j)
    org = org_at(doc, lex, j, ner_orgs)
    if found and not (org is not None and org.end > found[1]):
        return "country", found[1], found[0]
    if doc[j].lower_ == "republic" and j + 2 < len(doc) and doc[j + 1].lower_ == "of":
        found = country_at(doc, j + 2)
        if found:
            return "country", found[1], found[0]
    iso3 = geography.demonym(doc[j].text) if doc[j].text[:1].isupper() else None
    if iso3 and j + 1 < len(doc) and doc[j + 1].lower_ == "republic":
        return "country", j + 2, iso3
    region = region_at(doc, j)
    after = doc[region[1]] if region and region[1] < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.is_alpha and after.ent_type_ != "PERSON":
        region = None  # "of the Ho Chi Minh City People's Committee": a longer name goes on
    if region and not (org is not None and org.end > region[1]):
        return "region", region[1], region[0]  # "Premier of Ontario", "Lord Mayor of Dublin"
    if org is not None and not (isinstance(org, Entry) and org.label != "ORG"):
        return "org", org.end, org
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and k not in person_starts:
        token = doc[k]
        word = token.lower_
        capitalised = token.text[:1].isupper()
        if (capitalised and (word in portfolio or lex.at(k, "TITLE")) and not lex.at(k, "RANK")) \
                or _links_portfolio(doc, k, portfolio, person_starts):
            k += 1
        elif token.text == "(":
            close = next((m for m in range(k + 1, min(k + 5, len(doc))) if doc[m].text == ")"), None)
            if close is None or not all(doc[m].lower_ in portfolio for m in range(k + 1, close)):
                break
            k = close + 1
        else:
            break
    if k > j:
        return "portfolio", k, doc[i:k].text
    return None


def role_or_title(doc: Doc, lex: Lexicon, i: int) -> tuple[Entry | None, Entry | None]:
    """The rank and the office starting at `i`; for a word that is both (Commander, Captain), the
    reading that fits what follows: a name after it makes it a rank."""
    rank = lex.at(i, "RANK")
    title = lex.at(i, "TITLE")
    if rank and title and rank.end == title.end:
        nxt = doc[rank.end] if rank.end < len(doc) else None
        if nxt is not None and is_capitalised(nxt) and not lex.at(rank.end, "ORG", "TITLE", "RANK"):
            return rank, None
        return None, title
    if rank and title:
        return (rank, None) if rank.end > title.end else (None, title)
    return rank, title


_MINOR_WORDS = {"of", "for", "the", "and", "to", "in", "on", "at"}


def title_text(entry: Entry) -> str:
    """An office as the record writes it: abbreviations and lower-case forms expanded."""
    printed = entry.span.text
    letters = printed.replace(".", "").replace("-", "").replace(" ", "")
    if entry.row.get("name") and letters.isupper() and len(letters) <= 6:
        return str(entry.row["name"])
    if printed[:1].islower():
        # "the defence minister", "Pentagon spokesman": the words as printed, capitalised as an office;
        # a description that names no word of the office ("top diplomat") is written as the office.
        words = printed.split(" ")
        name = str(entry.row.get("name") or printed)
        if len(words) > 1 and not {w.lower() for w in words} & set(name.lower().split()):
            return name
        return " ".join(w if w in _MINOR_WORDS else w[:1].upper() + w[1:] for w in words)
    return printed


def portfolio_then_title(doc: Doc, lex: Lexicon, j: int) -> int | None:
    """Where an office starts after capitalised portfolio words ('Energy and Natural Resources Minister')."""
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and doc[k].lower_ in portfolio and \
            (doc[k].text[:1].isupper() or doc[k].lower_ == "and"):
        if lex.at(k, "TITLE"):
            break
        k += 1
    if k > j and k < len(doc) and lex.at(k, "TITLE") and doc[k - 1].lower_ != "and":
        return k
    return None


def portfolio_end(doc: Doc, lex: Lexicon, j: int, person_starts: set[int]) -> int:
    """Where capitalised portfolio words from `j` end (joined by 'and' or commas)."""
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and k not in person_starts:
        token = doc[k]
        if (token.text[:1].isupper() and token.lower_ in portfolio and not lex.at(k, "RANK", "TITLE")) \
                or (k > j and _links_portfolio(doc, k, portfolio, person_starts)):
            k += 1
        else:
            break
    return k


def portfolio_start(doc: Doc, i: int) -> int:
    """Where capitalised portfolio words before an office begin ('Energy and Natural Resources Minister')."""
    portfolio = gazetteer("portfolios", "word")
    k = i
    while k > 0:
        prev = doc[k - 1]
        joined = prev.lower_ == "and" and k >= 2 and doc[k - 2].text[:1].isupper() \
            and doc[k - 2].lower_ in portfolio
        if (prev.text[:1].isupper() and prev.lower_ in portfolio) or joined:
            k -= 1
        else:
            break
    return k


def _links_portfolio(doc: Doc, k: int, portfolio: Container[str], person_starts: set[int]) -> bool:
    """'and', '&' or a comma at `k` before a capitalised portfolio word that starts no name."""
    nxt = k + 1
    return doc[k].lower_ in ("and", "&", ",") and nxt < len(doc) and doc[nxt].text[:1].isupper() \
        and doc[nxt].lower_ in portfolio and nxt not in person_starts
