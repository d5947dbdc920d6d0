"""Countries printed in a chain: a country name, a demonym or possessive, a country inside a body's name."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from extractor import geography
from extractor.people.words import is_capitalised

_ANAPHORS = ("country", "nation")


def country_at(doc: Doc, i: int, max_len: int = 6) -> tuple[str, int] | None:
    """A country printed at token `i` ('Sri Lanka', "People's Republic of China"): (ISO3, end)."""
    if not geography.may_start_country(doc[i].text):
        return None
    for length in range(min(max_len, len(doc) - i), 0, -1):
        span = doc[i : i + length]
        if not span.text[:1].isupper() or span[-1].is_space:
            continue  # a line break ends the name: "Kenya\nHis Excellency ..." is not one phrase
        entry = geography.country(span.text)
        if entry and entry.iso3 and entry.kind == "country":
            return entry.iso3, i + length
    return None


def demonym_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """A demonym ('Libyan', 'Sri Lankan') or a possessive country ("Nepal's") at token `i`."""
    if geography.may_start_demonym(doc[i].text):
        for length in (3, 2, 1):
            if i + length > len(doc):
                continue
            span = doc[i : i + length]
            if span.text[:1].isupper():
                iso3 = geography.demonym(span.text)
                if iso3:
                    return iso3, i + length
    found = country_at(doc, i)
    if found and found[1] < len(doc) and doc[found[1]].text in ("'s", "’s", "'"):
        return found[0], found[1] + 1
    if found and found[1] < len(doc) and is_capitalised(doc[found[1]]):
        # A country used as an adjective: "Pakistan Prime Minister", "Nepal Army".
        return found
    return None


def country_anaphor(doc: Doc, i: int) -> tuple[str, int] | None:
    """"the country's Prime Minister", "commander ... of the country": at `i` ('country' after 'the'),
    the country named last before it, within its sentence and the two before: (ISO3, end)."""
    if doc[i].lower_ not in _ANAPHORS or i == 0 or doc[i - 1].lower_ != "the":
        return None
    end = i + 1
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        end += 1
    sentence = doc[i].sent
    for _ in range(2):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    for k in range(i - 2, sentence.start - 1, -1):
        if doc[k].text[:1].isupper():
            found = country_at(doc, k)
            if found and found[1] <= i - 1:
                return found[0], end
    return None


def region_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """A province or state named at token `i` ('British Columbia', 'Sindh') whose name belongs to one
    country only, and is not a compass word ('Eastern'): (ISO3, end)."""
    for length in (3, 2, 1):
        span = doc[i : i + length]
        if len(span) < length or not all(t.text[:1].isupper() and t.is_alpha for t in span):
            continue
        key = geography.fold(span.text)
        if geography.is_generic(key):
            return None  # subdivision names that are also plain words of direction or landform
        entry = geography.country(span.text)
        if (entry is not None and entry.kind == "country") or geography.demonym(span.text):
            return None  # a country, or a people's name ('Somali'), before a region's
        iso3 = _regions().get(key) or (entry.iso3 if entry is not None and entry.kind == "region" else None)
        if iso3:
            return iso3, i + length
    return None


def region_before(doc: Doc, i: int) -> int | None:
    """Where a province named straight before token `i` starts ('Sindh' in 'Sindh Chief Minister')."""
    for length in (3, 2, 1):
        found = region_at(doc, i - length) if i - length >= 0 else None
        if found and found[1] == i:
            return i - length
    return None


@cache
def _regions() -> dict[str, str]:
    """ISO 3166-2 subdivision names held by a single country, folded: 'british columbia' -> CAN."""
    held: dict[str, set[str]] = {}
    for unit in geography.subdivision_rows():
        held.setdefault(unit.key, set()).add(unit.iso3)
    return {name: iso3 for name, codes in held.items() if len(codes) == 1 and (iso3 := next(iter(codes)))}


def country_in_name(text: str) -> str | None:
    """The country a body's name carries: 'Pakistan Army' -> PAK, 'Royal Saudi Land Forces' -> SAU."""
    words = text.replace("’s", "").replace("'s", "").split()
    regional: set[int] = set()  # words of 'Latin America', 'South American': no country in them
    for length in (3, 2, 1):
        for k in range(len(words) - length + 1):
            phrase = " ".join(words[k : k + length])
            if not phrase[:1].isupper() or regional & set(range(k, k + length)):
                continue
            if geography.names_a_region(phrase):
                regional.update(range(k, k + length))
                continue
            entry = geography.country(phrase)
            if entry and entry.iso3 and entry.kind == "country":
                return entry.iso3
            iso3 = geography.demonym(phrase)
            if iso3:
                return iso3
    return None


def serves_no_state(person) -> bool:
    """True for an official of an international body named as his organization ('Secretary
    General of NATO', 'High Representative of the EU'): he takes no reporting side's country
    (realdev README: officials of the EU, NATO and UN have no country)."""
    from extractor.resources import gazetteer

    if person.country is not None or not person.organization or person.organization_country:
        return False
    row = gazetteer("institutions", "name").get(person.organization.lower())
    return bool(row) and row.get("kind") == "intergovernmental"
