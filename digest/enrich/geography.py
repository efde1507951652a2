"""Geography: which countries an article is about, the main one first, and their regions.

Signals are weighed together, as an editor would: the dateline says where the reporter
was (strong, but a Seoul dateline on a North Korea story is still a North Korea story);
the headline and lead say what the story is about; mentions further down add up;
demonyms ("Emirati"), capitals standing for governments ("Pyongyang said") and towns
roll up to their country. Names that are usually something else ("Chad", "Nice") and
towns that share a name across countries count only for a country the article already
names some other way. No place means no country: we never guess.

``locate`` is pure; the gazetteer and region scheme are loaded once per process.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from digest.enrich.geo_gazetteer import Gazetteer, Place, load_gazetteer, name_key
from digest.enrich.geo_match import TOWN_KINDS, Mention, find_mentions
from digest.enrich.geo_regions import RegionScheme, load_region_scheme

__all__ = ["Geo", "RegionScheme", "load_region_scheme", "locate"]

# How much one mention says about the country, by how it names it.
KIND_WEIGHT = {
    "country": 1.0,
    "state": 1.0,
    "county": 1.0,
    "metonym": 0.8,
    "capital": 0.8,
    "demonym": 0.7,
    "city": 0.6,
}
HEADLINE_WEIGHT = 2.5  # a mention in the headline counts this many times
LEAD_WEIGHT = 1.5  # ... in the standfirst or the first LEAD_CHARS of the body
LEAD_CHARS = 300
DATELINE_WEIGHT = 2.5  # the dateline country gets this much on top of its mentions
# A town named with no other sign of its country is only taken alone when it is big
# enough that most readers would think of it (Paris, not Paris, Texas).
LONE_TOWN_MIN_POPULATION = 100_000
MIN_FOCUS_SCORE = 1.0  # below this, the evidence is too weak to name a country
OTHER_COUNTRY_SHARE = 0.35  # other countries listed need this share of the focus score
REGION_SHARE = 0.25  # regions listed need this share of the strongest region's score


@dataclass
class Geo:
    """Where an article is: ISO alpha-2 countries (focus first), its region, all regions touched."""

    countries: list[str] = field(default_factory=list)
    region: str | None = None
    regions: list[str] = field(default_factory=list)


def locate(
    title: str,
    summary: str,
    body: str,
    dateline: str | None = None,
    scheme: RegionScheme | None = None,
) -> Geo:
    """The countries and regions an article is about, from its text and dateline."""
    gazetteer = load_gazetteer()
    text = f"{title}\n\n{summary}\n\n{body}"
    headline_end = len(title)
    lead_end = len(title) + len(summary) + 4 + LEAD_CHARS
    mentions = _usable(find_mentions(text, gazetteer, headline_end))
    scores, first_seen = _score(mentions, headline_end, lead_end)
    home = _dateline_country(dateline, gazetteer, scores)
    if home:
        scores[home] = scores.get(home, 0.0) + DATELINE_WEIGHT
        first_seen[home] = -1
    countries = _rank(scores, first_seen)
    return _with_regions(countries, scores, scheme or load_region_scheme())


def _usable(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that are probably not places.

    A town or an ambiguous name seen only at sentence starts or in the headline is
    likely a plain word ("Police said ..."); one right after another capitalised
    word is likely part of a name ("Michael Jordan").
    """
    named = {m.key for m in mentions if m.reliable and not m.embedded}
    kept = []
    for m in mentions:
        if m.embedded:
            continue
        doubtful = m.ambiguous or all(p.kind in TOWN_KINDS for p in m.places)
        if doubtful and not m.reliable and m.key not in named:
            continue
        kept.append(m)
    return kept


def _score(mentions: list[Mention], headline_end: int, lead_end: int) -> tuple[dict[str, float], dict[str, int]]:
    """Country scores: sure mentions first, then ambiguous ones resolved towards them."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}

    def credit(m: Mention, place: Place) -> None:
        zone = HEADLINE_WEIGHT if m.start < headline_end else LEAD_WEIGHT if m.start < lead_end else 1.0
        scores[place.country] = scores.get(place.country, 0.0) + KIND_WEIGHT[place.kind] * zone
        first_seen.setdefault(place.country, m.start)

    pending = []
    for m in mentions:
        if len(m.places) == 1 and not m.ambiguous:
            credit(m, m.places[0])
        else:
            pending.append(m)
    sure = dict(scores)
    for m in pending:
        place = _resolve(m.places, sure, allow_lone=not m.ambiguous)
        if place is not None:
            credit(m, place)
    return scores, first_seen


def _resolve(places: tuple[Place, ...], sure: dict[str, float], allow_lone: bool) -> Place | None:
    """Which of a name's meanings the article means, or None when it cannot tell.

    The meaning whose country the article already names wins; failing that, a big town
    or an outright name stands alone unless the name is on the ambiguous list.
    """
    backed = [p for p in places if sure.get(p.country, 0.0) > 0]
    if backed:
        return max(backed, key=lambda p: sure[p.country])
    if not allow_lone:
        return None
    best = places[0]  # most populous first
    if best.kind in TOWN_KINDS and best.population < LONE_TOWN_MIN_POPULATION and best.kind != "capital":
        return None
    if len(places) > 1 and best.kind not in TOWN_KINDS:
        return None  # two outright meanings and no other clue: a tie we do not break by guessing
    return best


def _dateline_country(dateline: str | None, gazetteer: Gazetteer, scores: dict[str, float]) -> str | None:
    """The country of a dateline such as "SEOUL", "Charleston, W.Va." or "Lyon, France".

    The most specific part that resolves wins, read from the end: "Paris, Texas" is in the US.
    """
    if not dateline:
        return None
    for part in reversed([p.strip() for p in dateline.split(",") if p.strip()]):
        abbrev = gazetteer.abbrevs.get(part)
        if abbrev is not None:
            return abbrev.country
        places = gazetteer.names.get(name_key(part))
        if places:
            place = _resolve(places, scores, allow_lone=True)
            if place is not None:
                return place.country
    return None


def _rank(scores: dict[str, float], first_seen: dict[str, int]) -> list[str]:
    """Countries worth listing, the focus first.

    Ties go to the dateline country, then to the country named first; a focus below
    MIN_FOCUS_SCORE is weak evidence and yields no country at all.
    """
    ranked = sorted(scores, key=lambda c: (-round(scores[c], 6), first_seen[c]))
    if not ranked or scores[ranked[0]] < MIN_FOCUS_SCORE:
        return []
    floor = OTHER_COUNTRY_SHARE * scores[ranked[0]]
    return [c for c in ranked if scores[c] >= floor]


def _with_regions(countries: list[str], scores: dict[str, float], scheme: RegionScheme) -> Geo:
    """Attach the focus country's region and every region with a substantial share."""
    if not countries:
        return Geo()
    totals: dict[str, float] = {}
    for code, score in scores.items():
        region = scheme.region_of(code)
        if region:
            totals[region] = totals.get(region, 0.0) + score
    region = scheme.region_of(countries[0])
    regions = [region] if region else []
    if totals:
        floor = REGION_SHARE * max(totals.values())
        regions += [r for r in sorted(totals, key=lambda r: -totals[r]) if totals[r] >= floor and r != region]
    return Geo(countries=countries, region=region, regions=regions)
