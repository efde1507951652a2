"""Geography: which countries an article is about, the main one first, and their regions.

Signals are weighed together, as an editor would: the dateline says where the reporter
was (strong, but a Seoul dateline on a North Korea story is still a North Korea story);
the headline and lead say what the story is about; mentions further down add up;
demonyms ("Emirati"), capitals standing for governments ("Pyongyang said") and towns
roll up to their country. Names that are usually something else ("Chad", "Nice") and
towns that share a name across countries count only for a country the article already
names some other way.

Evidence comes in two tiers. Confident evidence (above) ranks countries first. When
there is none, weak evidence still names the most probable country rather than none:
a town shared by several countries goes to its biggest namesake, a stop-listed word
used like a place ("flew to Jordan") to its country, a state abbreviation in running
text ("Fla. economist") to its country, and national cues ("Sheriff's Office",
"RCMP", see ``geo_cues``) to theirs. An article with no place and no cue at all
still gets no country.

Spanish, Portuguese, French, Italian and German write their nationality adjectives in lower
case ("el gobierno peruano", "die deutsche Regierung"), where no capital marks them: for an
article in one of them, those words count as English "Peruvian" does (``data/geo/demonyms.yml``),
but not as a language ("en español") nor beside money or food ("dólares estadounidenses").

Russian, Ukrainian, Greek and Polish decline names ("во Франции", "из Москвы", "της Ελλάδας"): for an
article in one of them the gazetteer also holds each country's and bigger town's name in that
script in its declined forms (``data/geo/inflections.yml``), and a declined form after a capital
("Мэр Москвы") is a genitive, not a surname.

Chinese, Japanese, Korean, Thai, Arabic, Persian, Urdu and Hebrew write no capitals, and some
no spaces: there the language's country names and the national capitals written in its script
are found by their letters alone, with the words those languages join to a name ("للسعودية",
"בגרמניה") and the names that are as often something else set apart (``data/geo/scripts.yml``).

Capitals prove little in a language that capitalises every noun: in German text a town
counts only after a locative word ("in Lage") or as a dateline, big capitals aside
(see ``data/geo/context.yml``). In any language a word written with an umlaut never
meets a town written without one ("Länder" is not Lander).

``locate`` is pure; the gazetteer and region scheme are loaded once per process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from digest.enrich.geo_cues import find_cues
from digest.enrich.geo_gazetteer import Gazetteer, Place, for_language, letter_names, lower_demonyms, name_key, unmarked
from digest.enrich.geo_match import WORD, Mention, find_by_letters, find_lower_demonyms, find_mentions, name_context
from digest.enrich.geo_regions import RegionScheme, load_region_scheme
from digest.group.features import function_words, stop_words  # the words grouping never takes for names

TOWN_KINDS = frozenset({"city", "capital"})
LOWER_WORD = re.compile(r"\b[a-z]+\b")
LOCAL_KINDS = frozenset({"city", "capital", "state", "county"})
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
    # A one-word town under LONE_TOWN_MIN_POPULATION: thousands of these are also
    # surnames or words ("Harrison", "Liberal"), so they count little, and only as a
    # last hint for which namesake another town name means.
    "small town": 0.3,
    "abbreviation": 1.0,  # weak tier only: "Miss." and "Ind." are words too
}
HEADLINE_WEIGHT = 2.5  # a mention in the headline counts this many times
LEAD_WEIGHT = 1.5  # ... in the standfirst or the first LEAD_CHARS of the body
LEAD_CHARS = 300
DATELINE_WEIGHT = 2.5  # the dateline country gets this much on top of its mentions
# A town named with no other sign of its country is only taken alone when it is big
# enough that most readers would think of it (Paris, not Paris, Texas).
LONE_TOWN_MIN_POPULATION = 100_000
TOWN_DOMINANCE = 3.0  # ... or this many times bigger than the next town of that name
MIN_HINTS = 1  # small towns (distinct names) that settle which namesake a bigger town name means
CUE_HINT = 2  # a national cue ("RCMP") is worth this many small towns as a namesake hint
FAINT_WEIGHT = 0.1  # weak-tier score of a town before a name ("Clemson Extension") or money
CUE_WEIGHT = 0.5  # weak-tier score of each distinct national cue
MIN_FOCUS_SCORE = 0.3  # below this, confident evidence is too thin and joins the weak tier
# Words before a stop-listed name that show it is used as a place ("flew to Jordan").
LOCATIVE = frozenset({"in", "to", "from", "at", "near", "across", "into", "visit", "visited", "visits", "via"})
# An AP- or local-paper dateline at the start of the body or after a repeated headline:
# "ROCKY HILL - ...", "COLUMBIA, Ky. (AP) — ...". Capitals only, so a headline is never one.
BODY_DATELINE = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)"
    r"\s*(?:\([A-Za-z ]+\)\s*)?[-—–]+\s"
)
BODY_DATELINE_CHARS = 400  # where in the body a dateline may stand
# What follows a town that opens a line as its dateline: "Düsseldorf: ...", "Wien (APA) – ...".
LINE_DATELINE = re.compile(r"(?::\s| ?\([^()\n]{1,40}\)\s*[-–—]\s| [-–—] )")
# In a language that capitalises nouns, capitals this big count without a locative word
# before them, as governments ("Berlin plant ..."); Malé does not ("zum ersten Male").
NOUN_CAPITAL_MIN_POPULATION = 500_000
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
    lang: str | None = None,
) -> Geo:
    """The countries and regions an article is about, from its text, dateline and language."""
    gazetteer = for_language(lang)  # English names, and in another language what it calls each country
    text = f"{title}\n\n{summary}\n\n{body}"
    headline_end = len(title)
    lead_end = len(title) + len(summary) + 4 + LEAD_CHARS
    mentions = find_mentions(text, gazetteer, headline_end)
    foreign = bool(lang) and lang != "en"
    # at a sentence start "Along", "Una", "Questa", "Cela" are capitalised like the towns of those names
    words = function_words(lang) if foreign else stop_words()
    mentions = [m for m in mentions if m.key not in words or not all(p.kind in TOWN_KINDS for p in m.places)]
    context = name_context()
    locatives = context.noun_capitalising.get(lang or "")
    if locatives is not None:
        mentions = _placed_towns(mentions, text, locatives)
    if foreign and locatives is None:  # German's capitalised nouns follow names everywhere
        mentions = _without_personal_names(mentions)
    articles = context.romance_articles.get(lang or "")
    if articles is not None:
        particles = context.name_particles.get(lang or "", frozenset())
        mentions = [m for m in mentions if not _common_noun(m, text, articles, particles) and not _name_head(m, text, particles)]
    if (demonyms := lower_demonyms(lang)) is not None:  # "el gobierno peruano": written in lower case there
        mentions = sorted(mentions + find_lower_demonyms(text, demonyms), key=lambda m: m.start)
    if (by_letters := letter_names(lang)) is not None:  # no capitals mark a name there
        mentions = sorted(mentions + find_by_letters(unmarked(text), by_letters), key=lambda m: m.start)
    mentions, faint = _usable(mentions, text, headline_end)
    home = _dateline_places(_body_dateline(body) or dateline, gazetteer)  # the body's keeps the region ("LONDON, Ky.")
    evidence = _score(mentions, home, headline_end, lead_end, find_cues(text), text)
    if not foreign:  # elsewhere a capital before a name is as often a word opening the sentence ("Ayer Marta ...")
        for m in faint:
            evidence.add_weak(m.places[0].country, FAINT_WEIGHT)
    countries = _rank(evidence)
    return _with_regions(countries, evidence.scores, scheme or load_region_scheme())


def _body_dateline(body: str) -> str | None:
    """A dateline printed inside the body ("HARTFORD - ..."), when none was parsed out."""
    m = BODY_DATELINE.search(body, 0, BODY_DATELINE_CHARS)
    return m.group(1) if m else None


def _usable(mentions: list[Mention], text: str, headline_end: int) -> tuple[list[Mention], list[Mention]]:
    """Set aside mentions that are probably not places: (usable, faint evidence).

    A town or an ambiguous name seen only at sentence starts or in the headline is
    likely a plain word ("Police said ..."); one right after another capitalised word
    is likely part of a name ("Michael Jordan"); a small town right before one is
    likely a given name or a brand ("Leo Smith", "Honda Accord"); a name before a
    currency word is money, not a place ("Canadian dollars"). A town before a name and
    money are still the faintest evidence ("Clemson Extension" is in the US); a word
    after a given name ("Chad Miller") or at a sentence start is not. A small town in the
    headline that the text never names mid-sentence is no evidence at all: a headline
    capitalises its first word, often every word ("Volcano erupts", "Hazard Lights").
    """
    named = {m.key for m in mentions if m.reliable and not m.after_name}
    kept, faint = [], []
    for m in mentions:
        if m.start < headline_end and m.key not in named and _small_town(m):
            continue
        if not _doubtful(m, named, text):
            kept.append(m)
        elif not m.ambiguous and not m.after_name and (m.attributive or m.before_name):
            faint.append(m)
    return kept, faint


def _placed_towns(mentions: list[Mention], text: str, locatives: frozenset[str]) -> list[Mention]:
    """In a language that capitalises nouns, drop the towns (but big capitals) that the
    article never writes after a locative word nor as a dateline ("Düsseldorf: ...",
    "Wien (APA) - ..."): German "Ende", "Lage", "Kinder" and "Mai" are towns somewhere,
    and in German text nearly always the nouns."""
    placed = set()
    for m in mentions:
        before = _words_before(text, m.start)
        if before and before[-1].casefold() in locatives:
            placed.add(m.key)
        elif (m.start == 0 or text[m.start - 1] == "\n") and LINE_DATELINE.match(text, WORD.match(text, m.start).end()):
            placed.add(m.key)
    return [m for m in mentions if m.key in placed or not _lesser_town(m)]


def _without_personal_names(mentions: list[Mention]) -> list[Mention]:
    """Outside English, a town's name that the article writes after a given name is a surname all
    through it ("Rodrigo Pacheco ... Pacheco disse", "Liz Duarte ... Duarte"): Spanish and Portuguese
    surnames are very often names of towns somewhere. So is a town's name written before a surname
    ("Nancy Duarte", "Florence Audier") a given name all through it; a capital is not dropped so.
    (In English text this cost more than it gave.)"""
    names = {m.key for m in mentions if (m.after_name or m.before_name) and all(p.kind == "city" for p in m.places)}
    return [m for m in mentions if m.key not in names] if names else mentions


def _common_noun(m: Mention, text: str, articles: frozenset[str], particles: frozenset[str]) -> bool:
    """In a Romance language, a one-word town right after a definite article ("la República",
    "del Sur") or ending a longer name after a particle ("Plaza de Mayo"): a noun, not the town."""
    if " " in m.key or not all(p.kind == "city" for p in m.places):
        return False
    before = _words_before(text, m.start)
    if not before:
        return False
    word = before[-1]
    return word in articles or (word in particles and len(before) >= 2 and before[-2][:1].isupper())


_HEAD_OF_NAME = re.compile(r"\s+(\w+)\s+[A-ZÀ-Ý]")


def _name_head(m: Mention, text: str, particles: frozenset[str]) -> bool:
    """In a Romance language, a town or state opening a longer name before a particle ("Puebla de
    Tarsis", "el Madrid de Ancelotti"): the head of another place's or a club's name. A country
    stays ("la Francia de Macron" is France)."""
    if not particles or not all(p.kind in LOCAL_KINDS for p in m.places):
        return False
    words = WORD.finditer(text, m.start)
    end = m.start
    for _ in range(m.key.count(" ") + 1):
        word = next(words, None)
        if word is None:
            return False
        end = word.end()
    after = _HEAD_OF_NAME.match(text, end)
    return after is not None and after.group(1) in particles


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before a mention: the locative, article or particle that says how it is used."""
    return text[max(0, start - 40) : start].split()


def _lesser_town(m: Mention) -> bool:
    """A one-word town, or a capital short of NOUN_CAPITAL_MIN_POPULATION: old and foreign
    names of big cities are German words too ("Hang", "Dabei")."""
    return (
        " " not in m.key
        and all(p.kind in TOWN_KINDS for p in m.places)
        and not (m.places[0].kind == "capital" and m.places[0].population >= NOUN_CAPITAL_MIN_POPULATION)
    )


def _doubtful(m: Mention, named: set[str], text: str) -> bool:
    """True when a mention is probably part of a name, a plain word, money or a cuisine."""
    if m.attributive:
        return True
    doubtful = m.ambiguous or all(p.kind in TOWN_KINDS for p in m.places)
    if doubtful and m.after_name:
        return True
    if doubtful and not m.reliable and m.key not in named and not _never_lower(m, _lower_words(text)):
        return True
    return m.before_name and _small_town(m)


@functools.lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The article's lower-case words, found once per article and only when needed."""
    return frozenset(LOWER_WORD.findall(text))


def _never_lower(m: Mention, lowered: frozenset[str]) -> bool:
    """A town never written in lower case in the article is a name even at a sentence
    start ("Decatur lights up downtown"), unlike "Police said ..." next to "the police"."""
    return not m.ambiguous and not any(word in lowered for word in m.key.split())


def _small_town(m: Mention) -> bool:
    """A one-word town below LONE_TOWN_MIN_POPULATION: thousands of these are also words or names."""
    return (
        " " not in m.key
        and all(p.kind == "city" for p in m.places)
        and m.places[0].population < LONE_TOWN_MIN_POPULATION
    )


@dataclass
class _Evidence:
    """Country scores as they build up, and the part of them that comes from places
    inside the country (towns, states, counties): what settles which "Lebanon" is meant."""

    scores: dict[str, float] = field(default_factory=dict)
    local: dict[str, float] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    weak: dict[str, float] = field(default_factory=dict)  # the low-confidence tier

    def add(self, place: Place, weight: float, position: int) -> None:
        self.scores[place.country] = self.scores.get(place.country, 0.0) + weight
        if place.kind in LOCAL_KINDS:
            self.local[place.country] = self.local.get(place.country, 0.0) + weight
        self.first_seen.setdefault(place.country, position)

    def add_weak(self, country: str, weight: float) -> None:
        self.weak[country] = self.weak.get(country, 0.0) + weight


def _score(
    mentions: list[Mention],
    home: tuple[Place, ...],
    headline_end: int,
    lead_end: int,
    cues: dict[str, int],
    text: str,
) -> _Evidence:
    """Country scores: sure mentions first, then the dateline and ambiguous names
    resolved towards them, then small towns; what cannot be resolved goes to the weak tier."""
    evidence = _Evidence()

    def zone(m: Mention) -> float:
        return HEADLINE_WEIGHT if m.start < headline_end else LEAD_WEIGHT if m.start < lead_end else 1.0

    def credit(m: Mention, place: Place) -> None:
        evidence.add(place, KIND_WEIGHT[place.kind] * zone(m), m.start)

    pending, small = [], []
    # Clues to pick a namesake: distinct small towns per country, and national cues.
    small_towns: dict[str, set[str]] = {}
    for m in mentions:
        if m.places[0].kind == "abbreviation":
            evidence.add_weak(m.places[0].country, KIND_WEIGHT["abbreviation"] * zone(m))
        elif m.ambiguous or len(m.places) > 1:
            pending.append(m)
        elif _small_town(m):
            small.append(m)
            small_towns.setdefault(m.places[0].country, set()).add(m.key)
        else:
            credit(m, m.places[0])
    hints = {code: len(keys) for code, keys in small_towns.items()}
    for code, count in cues.items():
        hints[code] = hints.get(code, 0) + CUE_HINT * count
        evidence.add_weak(code, CUE_WEIGHT * count)
    if home:
        place = _resolve(home, evidence, allow_lone=True, hints=hints)
        if place is not None:
            # The dateline is a place inside its country, and the strongest single clue.
            evidence.add(Place(place.country, "city"), DATELINE_WEIGHT, -1)
    sure = _Evidence(dict(evidence.scores), dict(evidence.local))
    for m in pending:
        place = _resolve(m.places, sure, allow_lone=not m.ambiguous, hints=hints)
        if place is not None:
            credit(m, place)
        elif not m.ambiguous or _used_as_place(m, text):
            best = _most_probable(m.places, hints)
            evidence.add_weak(best.country, KIND_WEIGHT[best.kind] * zone(m))
    for m in small:
        credit(m, Place(m.places[0].country, "small town"))
    return evidence


def _used_as_place(m: Mention, text: str) -> bool:
    """A stop-listed name right after a locative word ("flew to Jordan"), and big enough
    that a reader would take it for a place: a country, a state or a large town."""
    before = _words_before(text, m.start)
    if not before or before[-1].casefold() not in LOCATIVE:
        return False
    place = m.places[0]
    return place.kind not in TOWN_KINDS or place.population >= LONE_TOWN_MIN_POPULATION


def _most_probable(places: tuple[Place, ...], hints: dict[str, int]) -> Place:
    """The likeliest meaning of a name the evidence could not settle: the hinted
    country's, else the outright or most populous one (places come sorted so)."""
    hinted = [p for p in places if hints.get(p.country, 0) > 0]
    return max(hinted, key=lambda p: hints[p.country]) if hinted else places[0]


def _resolve(places: tuple[Place, ...], sure: _Evidence, allow_lone: bool, hints: dict[str, int]) -> Place | None:
    """Which of a name's meanings the article means, or None when it cannot tell.

    First the meaning in a country whose towns, states or counties the article names
    ("Lebanon" near "Boone County" is Lebanon, Indiana); then the meaning in a country
    the article names at all, though a town never beats a country's own name that way
    ("U.S. envoy visits Lebanon"). Failing both, an outright name (not on the ambiguous
    list) stands alone; a town goes to the country of the article's small towns, if
    any, else stands alone when it is big or far bigger than its namesakes.
    """
    backed = [p for p in places if sure.local.get(p.country, 0.0) > 0]
    if backed:
        return max(backed, key=lambda p: sure.local[p.country])
    outright = [p for p in places if p.kind not in TOWN_KINDS]
    backed = [p for p in (outright or places) if sure.scores.get(p.country, 0.0) > 0]
    if backed:
        return max(backed, key=lambda p: sure.scores[p.country])
    if not allow_lone:
        return None
    hinted = [p for p in places if p.kind in TOWN_KINDS and hints.get(p.country, 0) >= MIN_HINTS]
    if hinted and not outright:
        return max(hinted, key=lambda p: hints[p.country])
    if outright:
        # One outright meaning beats same-named towns; two are a tie we do not break by guessing.
        return outright[0] if len(outright) == 1 else None
    best = places[0]  # most populous first
    if best.kind == "capital" or best.population >= LONE_TOWN_MIN_POPULATION:
        return best
    if len(places) == 1 or best.population >= TOWN_DOMINANCE * places[1].population:
        return best
    return None


def _dateline_places(dateline: str | None, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The meanings of a dateline such as "SEOUL", "Charleston, W.Va." or "Lyon, France".

    The most specific part that names a place wins, read from the end: "Paris, Texas"
    is in the US.
    """
    if not dateline:
        return ()
    for part in reversed([p.strip() for p in dateline.split(",") if p.strip()]):
        abbrev = gazetteer.abbrevs.get(part)
        if abbrev is not None:
            return (abbrev,)
        places = gazetteer.names.get(name_key(part))
        if places:
            return places
    return ()


def _rank(evidence: _Evidence) -> list[str]:
    """Countries worth listing, the focus first.

    Ties go to the dateline country, then to the country named first. A focus below
    MIN_FOCUS_SCORE is not confident: its score joins the weak tier, whose best
    country is listed alone (or nothing, when there is no evidence at all).
    """
    scores, first_seen = evidence.scores, evidence.first_seen
    ranked = sorted(scores, key=lambda c: (-round(scores[c], 6), first_seen[c]))
    if ranked and scores[ranked[0]] >= MIN_FOCUS_SCORE:
        floor = OTHER_COUNTRY_SHARE * scores[ranked[0]]
        return [c for c in ranked if scores[c] >= floor]
    weak = dict(evidence.weak)
    for code, score in scores.items():
        weak[code] = weak.get(code, 0.0) + score
    if not weak:
        return []
    return [min(weak, key=lambda c: (-round(weak[c], 6), first_seen.get(c, len(first_seen) + 1), c))]


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
