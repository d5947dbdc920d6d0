"""Validate the vocabulary data files under extractor/data/.

These are pure data checks: schema, uniqueness, cross-references between
pattern files and gazetteers, code formats, and that the phrase patterns
load into a spaCy ``span_ruler`` and match the surface forms they are meant
to match.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest
import spacy
import srsly

DATA = Path(__file__).resolve().parents[2] / "extractor" / "data"
PATTERNS = DATA / "patterns"
GAZ = DATA / "gazetteers"

# pattern file -> (label, gazetteer file)
PATTERN_FILES = {
    "ranks.jsonl": ("RANK", "ranks.jsonl"),
    "titles.jsonl": ("TITLE", "titles.jsonl"),
    "honorifics.jsonl": ("HONORIFIC", "honorifics.jsonl"),
    "postnominals.jsonl": ("POSTNOMINAL", "postnominals.jsonl"),
    "institutions.jsonl": ("ORG", "institutions.jsonl"),
}

STR = str
OPT_STR = (str, type(None))
BOOL = bool

# gazetteer file -> {key: allowed types}
GAZ_SCHEMAS = {
    "ranks.jsonl": {"id": STR, "name": STR, "code": OPT_STR, "ambiguous": BOOL},
    "titles.jsonl": {"id": STR, "name": STR, "head": STR},
    "honorifics.jsonl": {"id": STR, "name": STR, "strip": BOOL, "country": OPT_STR},
    "postnominals.jsonl": {"id": STR, "name": STR, "kind": STR, "country": OPT_STR},
    "institutions.jsonl": {
        "id": STR,
        "name": STR,
        "acronym": OPT_STR,
        "country": OPT_STR,
        "kind": STR,
        "ambiguous_acronym": BOOL,
    },
    "outlets.jsonl": {"id": STR, "name": STR, "long": OPT_STR, "country": OPT_STR, "wire": BOOL},
    "place_aliases.jsonl": {"alias": STR, "name": STR, "iso3": OPT_STR, "kind": STR},
    "demonym_aliases.jsonl": {"demonym": STR, "iso3": OPT_STR},  # null: a region's adjective
    "portfolios.jsonl": {"word": STR, "stop": BOOL},
    "trips.jsonl": {"id": STR, "kind": STR, "lemma": STR, "family": OPT_STR, "preps": list, "object": BOOL},
}
# gazetteer file -> unique key field
GAZ_KEYS = {
    "place_aliases.jsonl": "alias",
    "demonym_aliases.jsonl": "demonym",
    "portfolios.jsonl": "word",
}

TITLE_HEADS = {"state", "government", "minister", "military", "diplomat", "royal", "other"}
INSTITUTION_KINDS = {
    "armed-forces", "service", "ministry", "staff", "press-wing", "party",
    "intergovernmental", "agency", "legislature", "platform", "other",
}
PLACE_KINDS = {"country", "region"}
NATO_CODE = re.compile(r"^(OF|OR|WO)-\d+$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXTRA_ISO3 = {"XKX"}  # Kosovo (user-assigned code)


def load(path: Path) -> list[dict]:
    return list(srsly.read_jsonl(path))


def valid_iso3(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


# ---------------------------------------------------------------- files ----

def test_all_files_present():
    for name in PATTERN_FILES:
        assert (PATTERNS / name).is_file(), name
    for name in GAZ_SCHEMAS:
        assert (GAZ / name).is_file(), name


@pytest.mark.parametrize(
    "path",
    [PATTERNS / n for n in PATTERN_FILES] + [GAZ / n for n in GAZ_SCHEMAS],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_one_object_per_line_utf8(path):
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    lines = text.splitlines()
    assert lines, "file is empty"
    assert all(line.strip() for line in lines), "blank line"
    assert len(load(path)) == len(lines)


# ------------------------------------------------------------- patterns ----

@pytest.mark.parametrize("fname", sorted(PATTERN_FILES))
def test_pattern_schema(fname):
    label, _ = PATTERN_FILES[fname]
    rows = load(PATTERNS / fname)
    for row in rows:
        assert set(row) == {"label", "pattern", "id"}, row
        assert row["label"] == label, row
        assert isinstance(row["pattern"], str) and row["pattern"].strip() == row["pattern"] != "", row
        assert "  " not in row["pattern"], row
        assert isinstance(row["id"], str) and ID_RE.match(row["id"]), row


@pytest.mark.parametrize("fname", sorted(PATTERN_FILES))
def test_pattern_sorted(fname):
    rows = load(PATTERNS / fname)
    keys = [(r["id"], r["pattern"]) for r in rows]
    assert keys == sorted(keys)


def test_no_duplicate_label_pattern_pairs():
    counts = Counter()
    for fname in PATTERN_FILES:
        for row in load(PATTERNS / fname):
            counts[(row["label"], row["pattern"].lower())] += 1
    dupes = [k for k, n in counts.items() if n > 1]
    assert not dupes, dupes[:20]


@pytest.mark.parametrize("fname", sorted(PATTERN_FILES))
def test_pattern_ids_resolve(fname):
    _, gname = PATTERN_FILES[fname]
    gaz_ids = {r["id"] for r in load(GAZ / gname)}
    missing = {r["id"] for r in load(PATTERNS / fname)} - gaz_ids
    assert not missing, sorted(missing)


@pytest.mark.parametrize("fname", ["ranks.jsonl", "titles.jsonl", "honorifics.jsonl"])
def test_every_gazetteer_entry_has_a_pattern(fname):
    used = {r["id"] for r in load(PATTERNS / fname)}
    unused = {r["id"] for r in load(GAZ / fname)} - used
    assert not unused, sorted(unused)


# ----------------------------------------------------------- gazetteers ----

@pytest.mark.parametrize("fname", sorted(GAZ_SCHEMAS))
def test_gazetteer_schema_and_uniqueness(fname):
    schema = GAZ_SCHEMAS[fname]
    rows = load(GAZ / fname)
    for row in rows:
        assert set(row) == set(schema), row
        for key, types in schema.items():
            assert isinstance(row[key], types), (key, row)
            if isinstance(row[key], str):
                assert row[key] and row[key].strip() == row[key], (key, row)
    key = GAZ_KEYS.get(fname, "id")
    values = [r[key] for r in rows]
    if key == "id":
        assert all(ID_RE.match(v) for v in values), [v for v in values if not ID_RE.match(v)]
        dupes = [v for v, n in Counter(values).items() if n > 1]
    else:
        dupes = [v for v, n in Counter(v.lower() for v in values).items() if n > 1]
    assert not dupes, dupes
    assert values == sorted(values), f"{fname} not sorted by {key}"


def test_rank_codes():
    rows = load(GAZ / "ranks.jsonl")
    for row in rows:
        assert row["code"] is None or NATO_CODE.match(row["code"]), row
    by_id = {r["id"]: r for r in rows}
    expected = {
        "field-marshal": "OF-10", "admiral-of-the-fleet": "OF-10", "marshal-of-the-air-force": "OF-10",
        "general": "OF-9", "admiral": "OF-9", "air-chief-marshal": "OF-9",
        "lieutenant-general": "OF-8", "vice-admiral": "OF-8", "air-marshal": "OF-8",
        "major-general": "OF-7", "rear-admiral": "OF-7", "air-vice-marshal": "OF-7",
        "brigadier": "OF-6", "brigadier-general": "OF-6", "commodore": "OF-6", "air-commodore": "OF-6",
        "colonel": "OF-5", "captain-navy": "OF-5", "group-captain": "OF-5",
        "lieutenant-colonel": "OF-4", "commander": "OF-4", "wing-commander": "OF-4",
        "major": "OF-3", "lieutenant-commander": "OF-3", "squadron-leader": "OF-3",
        "captain": "OF-2", "flight-lieutenant": "OF-2",
        "inspector-general-of-police": None, "deputy-inspector-general": None,
    }
    for rid, code in expected.items():
        assert by_id[rid]["code"] == code, rid
    for rid in ("captain", "commander", "major", "general", "lieutenant"):
        assert by_id[rid]["ambiguous"] is True, rid
    assert by_id["lieutenant-general"]["ambiguous"] is False


def test_title_heads():
    for row in load(GAZ / "titles.jsonl"):
        assert row["head"] in TITLE_HEADS, row


def test_institution_kinds_and_countries():
    rows = load(GAZ / "institutions.jsonl")
    for row in rows:
        assert row["kind"] in INSTITUTION_KINDS, row
        assert row["country"] is None or valid_iso3(row["country"]), row
    by_id = {r["id"]: r for r in rows}
    assert by_id["inter-services-public-relations"]["acronym"] == "ISPR"
    assert by_id["armed-forces-of-the-philippines"]["ambiguous_acronym"] is True


def test_acronym_collisions_are_flagged():
    """Institutions sharing an acronym with each other or with a news outlet
    (e.g. AFP, PTI) must be marked ``ambiguous_acronym``."""
    by_acr: dict[str, list[dict]] = {}
    for row in load(GAZ / "institutions.jsonl"):
        if row["acronym"]:
            by_acr.setdefault(row["acronym"].lower(), []).append(row)
    outlet_names = {r["name"].lower() for r in load(GAZ / "outlets.jsonl")}
    for acr, rows in by_acr.items():
        if len(rows) > 1 or acr in outlet_names:
            assert all(r["ambiguous_acronym"] for r in rows), (acr, [r["id"] for r in rows])


@pytest.mark.parametrize(
    "fname,field",
    [
        ("postnominals.jsonl", "country"),
        ("outlets.jsonl", "country"),
        ("place_aliases.jsonl", "iso3"),
        ("demonym_aliases.jsonl", "iso3"),
    ],
)
def test_iso3_codes_valid(fname, field):
    bad = [r for r in load(GAZ / fname) if r[field] is not None and not valid_iso3(r[field])]
    assert not bad, bad


def test_place_kinds():
    rows = load(GAZ / "place_aliases.jsonl")
    for row in rows:
        assert row["kind"] in PLACE_KINDS, row
    by_alias = {r["alias"]: r for r in rows}
    assert by_alias["UAE"]["iso3"] == "ARE"
    assert by_alias["Turkey"]["name"] == "Turkey"
    assert by_alias["Kosovo"]["iso3"] == "XKX"
    assert by_alias["the Atlantic"] == {"alias": "the Atlantic", "name": "Atlantic Ocean", "iso3": None, "kind": "region"}
    assert by_alias["Kashmir"]["iso3"] is None


def test_demonyms():
    by_dem = {r["demonym"]: r["iso3"] for r in load(GAZ / "demonym_aliases.jsonl")}
    assert by_dem["Emirati"] == "ARE"
    assert by_dem["Hellenic"] == "GRC"
    assert by_dem["Azeri"] == "AZE"
    assert by_dem["Filipino"] == "PHL"


def test_portfolios():
    rows = load(GAZ / "portfolios.jsonl")
    for row in rows:
        assert re.match(r"^[a-z&]+$", row["word"]), row
    stops = {r["word"] for r in rows if r["stop"]}
    assert {"and", "the", "of"} <= stops
    words = {r["word"] for r in rows}
    assert {"defence", "production", "foreign", "affairs", "maritime"} <= words


def test_outlets():
    by_id = {r["id"]: r for r in load(GAZ / "outlets.jsonl")}
    assert by_id["app"] == {"id": "app", "name": "APP", "long": "Associated Press of Pakistan", "country": "PAK",
                            "wire": False}
    assert by_id["xinhua"]["country"] == "CHN"


# ------------------------------------------------------------- spaCy -------

@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    for fname in PATTERN_FILES:
        ruler.add_patterns(load(PATTERNS / fname))
    return nlp


def _matches(doc):
    return {(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["ruler"]}


def test_every_pattern_matches_itself(nlp):
    """Each pattern, tokenized on its own, is matched whole with its id."""
    rows = [r for f in PATTERN_FILES for r in load(PATTERNS / f)]
    failures = []
    for row, doc in zip(rows, nlp.pipe(r["pattern"] for r in rows)):
        if (0, len(doc.text), row["label"], row["id"]) not in _matches(doc):
            failures.append(row)
    assert not failures, failures[:20]


SURFACE_FORMS = [
    ("Lt-Gen.", "RANK", "lieutenant-general"),
    ("Lt.-Gen.", "RANK", "lieutenant-general"),
    ("Lt Gen", "RANK", "lieutenant-general"),
    ("Lieutenant-General", "RANK", "lieutenant-general"),
    ("LtGen", "RANK", "lieutenant-general"),
    ("Maj. Gen.", "RANK", "major-general"),
    ("Maj-Gen", "RANK", "major-general"),
    ("Brig. Gen.", "RANK", "brigadier-general"),
    ("Staff Major General", "RANK", "major-general"),
    ("Brig", "RANK", "brigadier"),
    ("Lt.-Col.", "RANK", "lieutenant-colonel"),
    ("Col.", "RANK", "colonel"),
    ("Rear Admiral (Lower Half)", "RANK", "rear-admiral-lower-half"),
    ("Rear Admiral (Upper Half)", "RANK", "rear-admiral-upper-half"),
    ("Vice Adm", "RANK", "vice-admiral"),
    ("VAdm", "RANK", "vice-admiral"),
    ("RAdm", "RANK", "rear-admiral"),
    ("Cdre", "RANK", "commodore"),
    ("ACM", "RANK", "air-chief-marshal"),
    ("Air Vice-Marshal", "RANK", "air-vice-marshal"),
    ("AVM", "RANK", "air-vice-marshal"),
    ("Air Cdre", "RANK", "air-commodore"),
    ("Gp Capt", "RANK", "group-captain"),
    ("Wg Cdr", "RANK", "wing-commander"),
    ("Sqn Ldr", "RANK", "squadron-leader"),
    ("Flt Lt", "RANK", "flight-lieutenant"),
    ("Lt Cdr", "RANK", "lieutenant-commander"),
    ("Field Marshal", "RANK", "field-marshal"),
    ("Colonel General", "RANK", "colonel-general"),
    ("Naib Subedar", "RANK", "naib-subedar"),
    ("DIG", "RANK", "deputy-inspector-general"),
    ("PM", "TITLE", "prime-minister"),
    ("Premier", "TITLE", "prime-minister"),
    ("FM", "TITLE", "foreign-minister"),
    ("top diplomat", "TITLE", "foreign-minister"),
    ("COAS", "TITLE", "chief-of-army-staff"),
    ("Chief of the Army Staff", "TITLE", "chief-of-army-staff"),
    ("army chief", "TITLE", "chief-of-army-staff"),
    ("CNS", "TITLE", "chief-of-naval-staff"),
    ("Air Chief", "TITLE", "chief-of-air-staff"),
    ("CJCSC", "TITLE", "chairman-joint-chiefs-of-staff-committee"),
    ("CJCS", "TITLE", "chairman-of-the-joint-chiefs-of-staff"),
    ("C-in-C", "TITLE", "commander-in-chief"),
    ("Chargé d'Affaires", "TITLE", "charge-d-affaires"),
    ("Defence Attaché", "TITLE", "defence-attache"),
    ("Defense Attache", "TITLE", "defence-attache"),
    ("Naval Attaché", "TITLE", "naval-attache"),
    ("SAPM", "TITLE", "special-assistant-to-the-prime-minister"),
    ("Secretary-General", "TITLE", "secretary-general"),
    ("HRH", "HONORIFIC", "his-royal-highness"),
    ("His Highness", "HONORIFIC", "his-highness"),
    ("H.E.", "HONORIFIC", "his-excellency"),
    ("Dr.", "HONORIFIC", "dr"),
    ("Sheikh", "HONORIFIC", "sheikh"),
    ("NI (M)", "POSTNOMINAL", "ni-m"),
    ("NI(M)", "POSTNOMINAL", "ni-m"),
    ("(Retd)", "POSTNOMINAL", "retd"),
    ("ISPR", "ORG", "inter-services-public-relations"),
    ("Inter Services Public Relations", "ORG", "inter-services-public-relations"),
    ("U.S. Army", "ORG", "us-army"),
    ("PAF", "ORG", "pakistan-air-force"),
    ("Royal Saudi Land Forces", "ORG", "royal-saudi-land-forces"),
    ("People's Liberation Army", "ORG", "peoples-liberation-army"),
    ("Pentagon", "ORG", "pentagon"),
]


@pytest.mark.parametrize("form,label,expected", SURFACE_FORMS, ids=[f[0] for f in SURFACE_FORMS])
def test_surface_form_alone(nlp, form, label, expected):
    doc = nlp(form)
    assert (0, len(form), label, expected) in _matches(doc), _matches(doc)


@pytest.mark.parametrize("form,label,expected", SURFACE_FORMS, ids=[f[0] for f in SURFACE_FORMS])
def test_surface_form_in_sentence(nlp, form, label, expected):
    prefix = "Yesterday "
    doc = nlp(f"{prefix}{form} Ahmed Khan met the delegation in Rawalpindi.")
    start = len(prefix)
    assert (start, start + len(form), label, expected) in _matches(doc), [
        (s.text, s.label_, s.id_) for s in doc.spans["ruler"]
    ]
