"""Rebuild ``data/geo/country_names.tsv``: what each country is called in the languages ingest recognises.

    .venv/bin/python -m digest.enrich.geo_build_names [--check]

The gazetteer's country names are English ones (GeoNames' and ``countries.yml``'s), so a German
page about "Deutschland", "Frankreich" or "Polen" named no country, and its story fell in no
region. The names come from the Unicode CLDR's territory names as the ``babel`` package ships them
(installed with mkdocs-material); only those the English gazetteer does not already give that
place are kept. Geography reads a language's names only for articles in that language: in
German "Island" is Iceland, in English it is a word (``geo_gazetteer.for_language``).
The file records babel's version: another version may name a country otherwise, so ``--check``
(and its test) compare only with the version that built it.
"""
from __future__ import annotations

import json
import sys

from digest.enrich.data_file import write_or_check
from digest.enrich.geo_gazetteer import COUNTRY_NAMES, GEONAMES_DATA, load_gazetteer, name_key
from digest.ingest.language import known_languages, script_languages

OUT = COUNTRY_NAMES


TOWN_KEEPS_NAME = 100_000  # a town this big, of exactly the country's name, keeps it ("Granada")


def build() -> list[tuple[str, str, str]]:
    """(language, country, name) rows, sorted. Left out: names the gazetteer gives that country
    already, or another country, state or people; the name of a big town spelled exactly so
    (Spanish "Granada" is the city, not Grenada); and CLDR's long administrative forms ("RAE de
    Hong Kong (China)"), which no writer uses. A small town's name, or one that only meets the
    country's once accents are dropped, gives way: in Dutch "Nederland" is the Netherlands, not
    Nederland, Colorado; in Portuguese "França" is France, not Franca, São Paulo."""
    from babel import Locale

    with (GEONAMES_DATA / "countries.json").open(encoding="utf-8") as f:
        countries = json.load(f)
    with (GEONAMES_DATA / "cities15000.json").open(encoding="utf-8") as f:
        big_towns = {city["name"].casefold() for city in json.load(f).values()
                     if int(city.get("population") or 0) >= TOWN_KEEPS_NAME}
    known = load_gazetteer().names
    rows = set()
    for lang in sorted((known_languages() | script_languages()) - {"en"}):
        # Chinese pages are written in simplified or traditional characters, told apart by no one
        locales = [Locale.parse(lang)] + ([Locale.parse("zh_Hant")] if lang == "zh" else [])
        for code in countries:
            for name in {locale.territories.get(code) for locale in locales}:
                if not name or "(" in name or "," in name:
                    continue
                places = known.get(name_key(name), ())
                if any(p.kind != "city" and p.kind != "capital" or p.country == code for p in places):
                    continue  # that country's already, or another country's, state's or people's
                if places and name.casefold() in big_towns:
                    continue  # "Granada" stays the Spanish city
                rows.add((lang, code, name))
    return sorted(rows)


def render(rows: list[tuple[str, str, str]]) -> str:
    import babel

    header = ("# Country names in the languages ingest recognises, from the Unicode CLDR (Unicode License v3,\n"
              f"# https://www.unicode.org/license.txt) as babel {babel.__version__} ships them; selected by\n"
              "# digest/enrich/geo_build_names.py (see data/ATTRIBUTION.md). Only for articles in that language.\n"
              "# language\tcountry\tname\n")
    return header + "".join(f"{lang}\t{code}\t{name}\n" for lang, code, name in rows)


def built_with() -> str | None:
    """The babel version the shipped file was built with (from its header)."""
    for line in OUT.read_text(encoding="utf-8").splitlines()[:3]:
        if " as babel " in line:
            return line.split(" as babel ", 1)[1].split()[0]
    return None


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with --check only say whether the shipped one is what this script gives."""
    rows = build()
    return write_or_check(OUT, render(rows), f"{len(rows)} names", argv)


if __name__ == "__main__":
    sys.exit(main())
