"""Topics: IPTC Media Topics (top level) for one article, from a weighted lexicon and a learned model.

The lexicon (``data/topics.yml``, format described there) is readable, extendable from
mkdocs.yml, and adds up evidence over the whole text; it knows hard news and the topics no
training data covers (labour, weather). The learned model (``topic_model.py``, weights in
``data/topic_model.json``, rebuilt by ``topic_build_model.py`` from labelled news) reads the
headline and lead and knows soft news the lexicon misreads. ``combine`` says how the two decide
together; ``learned: false`` in the settings tags with the lexicon alone. Both are plain data
shipped with the package: nothing is downloaded or unpickled at run time.

Scoring, in one pass over the tokens of each field:

* the headline counts more than the standfirst, which counts more than the body; inside the
  body, weight decays from the lead to the tail (news puts the subject first);
* the n-th repeat of the same term adds 1/n of its weight, so one word said ten times does
  not outvote five different words;
* the longest phrase wins ("labour party" is politics, so its "labour" is not counted again);
* the outlet's section label and the URL's folders ("/sport/") add a large bonus.

Framing then picks the lead among the topics with evidence. A story that touches a field (a drug
maker, a chip maker, an airline) is usually *told as* something: a company's results, a deal, a share
move (economy-business-finance), or a product, a finding, a launch (science-technology). ``frames:``
in the data file lists the words of each telling; they are counted over the headline and the lead
only, where a newsroom states what the story is. When a leading frame (business, technology) clearly
beats the frame of the best-scored topic there (``frame_margin``) and its topic has a fair share of
the best evidence (``frame_share``), that topic leads and the field topic follows it. The other
beats' frames (sport, politics...) never promote; they only keep a transfer fee or a budget debate
from being read as business. A topic marked ``holds`` (sport) is never overtaken when it is the best
scored: a contract, a club takeover or a stadium deal is still told to sport readers as sport.

Topics then have to clear a bar: the first needs ``min_score``; each further one needs
``secondary_min`` and a share ``secondary_ratio`` of the best, and, once combined with the model,
evidence from terms that name it (``further_named``), not only from words usual in it. Little
evidence gives fewer topics, never a guess. Text in another language is tagged from the terms that
name a topic alone (``classify``), the English ones (less the false friends: most English words found
there are) and that language's own (``languages:`` in the data file, read in that language only).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from digest.enrich.topic_model import load_model
from digest.model import TOPIC_SLUGS, load_yaml

DATA_FILE = Path(__file__).parent / "data" / "topics.yml"
TOKEN = re.compile(r"[^\W_]+")

# A term's hits: (topic index, weight) pairs. A term may point at several topics.
Hits = tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Settings:
    """The numbers that turn hits into topics. Their values are in ``settings:`` of the data file
    and nowhere else; a site changes them from mkdocs.yml (``topics: {settings: {...}}``)."""

    title_weight: float
    summary_weight: float
    lead_weight: float
    tail_weight: float
    decay_tokens: int
    section_bonus: float
    min_score: float
    secondary_min: float
    secondary_ratio: float
    max_topics: int
    frame_tokens: int
    frame_min: float
    frame_margin: float
    frame_share: float
    # Combining with the learned model (data/topic_model.json); see ``combine``.
    learned: bool
    model_weight: float
    lexicon_vote: float
    strong_evidence: float
    strong_vote: float
    strong_clear: float
    model_min: float
    further_min: float
    further_share: float
    # Named evidence: terms whose weight in the data file (before scale) is at least named_weight.
    named_weight: float
    further_named: float
    foreign_min: float


@dataclass(frozen=True)
class Lexicon:
    """A compiled lexicon: token lookup dicts, built once and shared.

    ``unigrams`` maps a token to its hits. ``phrases`` maps a phrase's first token to its
    continuations, longest first, so the scan tries the longest phrase and stops at the first
    that matches. ``sections`` maps the words of a section label ("rugby union") to topic
    indices; a label matches only as a whole run of words, so "us politics" never makes "us" a hint.
    """

    topics: tuple[str, ...]
    unigrams: Mapping[str, Hits]
    phrases: Mapping[str, tuple[tuple[list[str], Hits], ...]]
    sections: Mapping[tuple[str, ...], tuple[int, ...]]
    settings: Settings
    frames: "Lexicon | None" = None  # frame terms: "topics" are the frame topics, one per frame
    leads: frozenset[str] = frozenset()  # in a frames lexicon: the frames that may put their topic first
    holds: frozenset[str] = frozenset()  # in a frames lexicon: topics no frame overtakes when they score best
    off: frozenset[str] = frozenset()  # topics switched off (scale 0): the learned model may not give them either
    named: Mapping[str, frozenset[int]] = field(default_factory=dict)  # term -> topics it names (weight >= named_weight)
    foreign_named: Mapping[str, frozenset[int]] = field(default_factory=dict)  # the same without the false friends
    languages: Mapping[str, "Lexicon"] = field(default_factory=dict)  # language -> this lexicon plus its own terms
    prefixes: frozenset[str] = frozenset()  # in a language's lexicon: terms that also name words they begin ("streik*")
    suffixes: frozenset[str] = frozenset()  # ... and words they end ("*unfall")
    lookup: Mapping[str, tuple[tuple[tuple[list[str], Hits], ...], Hits]] = field(init=False, repr=False)
    stem_lengths: tuple[int, ...] = field(init=False, repr=False)  # of prefixes and suffixes, longest first
    compounds: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)  # word -> stem read

    def __post_init__(self) -> None:
        # The scan's one lookup per token: word -> (phrases starting with it, its own hits).
        lookup = {w: (self.phrases.get(w, ()), hits) for w, hits in self.unigrams.items()}
        lookup.update({w: (conts, self.unigrams.get(w, ())) for w, conts in self.phrases.items()})
        object.__setattr__(self, "lookup", lookup)
        object.__setattr__(self, "stem_lengths", tuple(sorted({len(w) for w in self.prefixes | self.suffixes},
                                                              reverse=True)))


def tokens(text: Any) -> list[str]:
    """Lowercase word tokens; punctuation, hyphens and apostrophes split words.

    "won't" becomes "wont", not "won" + "t", so a negation never reads as a sports result.
    Hand-edited front matter can hold a number or a boolean where text belongs: only text
    is read.
    """
    if not text or not isinstance(text, str):
        return []
    return TOKEN.findall(text.lower().replace("n't", "nt").replace("n\u2019t", "nt"))


def model_words(title: list[str], summary: list[str], body: list[str], lead_tokens: int) -> list[str]:
    """The words the learned model reads: headline, standfirst (unless the body starts with it), body lead.

    Ingest repeats a one-line item as headline, summary and body: each is read once. The model is
    trained on headlines with a one- or two-sentence description, so it reads no further.
    """
    words = list(title)
    if summary and summary != title and body[: len(summary)] != summary:
        words += summary
    if body and body != title:
        words += body[:lead_tokens]
    return words


def _variants(words: list[str]) -> list[tuple[str, ...]]:
    """The term and its plural forms, so the data file lists each word once, in both spellings of a "ß"."""
    swiss = [_ss(w) for w in words]
    return _plurals(words) + (_plurals(swiss) if swiss != words else [])


def _ss(word: str) -> str:
    """A German "ß" is also spelt "ss" (as in Switzerland, and in capitals: "FUSSBALL")."""
    return word.replace("ß", "ss")


def _plurals(words: list[str]) -> list[tuple[str, ...]]:
    *head, last = words
    forms = {last}
    if len(last) > 2 and last.isalpha():
        if last.endswith(("ss", "us", "x", "z", "ch", "sh")):
            forms.add(last + "es")
        elif last.endswith("y") and last[-2] not in "aeiou":
            forms.add(last[:-1] + "ies")
        elif not last.endswith("s"):
            forms.add(last + "s")
    return [tuple(head) + (f,) for f in forms]


def term_weights(spec: Any) -> dict[str, float]:
    """``terms:`` as {term: weight}; accepts {weight: [terms]} groups too (a list as value)."""
    out: dict[str, float] = {}
    for key, value in (spec or {}).items():
        if isinstance(value, (list, tuple)):
            for term in value:
                out[str(term)] = float(key)
        else:
            out[str(key)] = float(value)
    return out


def _merge(base: dict[str, Any], override: Mapping[str, Any] | None) -> dict[str, Any]:
    """Apply a mkdocs.yml override: settings and scales replace, terms add or re-weight
    (0 removes), sections add; ``replace: true`` under a topic drops its shipped terms.
    ``frames:`` terms add or re-weight like topic terms; a frame's ``leads`` and ``holds`` replace.
    ``languages:`` terms and sections add or re-weight like a topic's."""
    merged = {
        "settings": dict(base.get("settings") or {}),
        "topics": {
            slug: {"terms": term_weights(spec.get("terms")), "sections": list(spec.get("sections") or []),
                   "scale": float(spec.get("scale", 1.0))}
            for slug, spec in (base.get("topics") or {}).items()
        },
        "frames": {slug: {"terms": term_weights(spec.get("terms")), "leads": bool(spec.get("leads", True)),
                          "holds": bool(spec.get("holds", False))}
                   for slug, spec in (base.get("frames") or {}).items()},
        "false_friends": list(base.get("false_friends") or []),
        "languages": {},
    }
    for data in (base, override or {}):
        for lang, by_topic in (data.get("languages") or {}).items():
            for slug, spec in (by_topic or {}).items():
                topic = merged["languages"].setdefault(str(lang), {}).setdefault(slug, {"terms": {}, "sections": []})
                topic["terms"].update(term_weights((spec or {}).get("terms")))
                topic["sections"].extend((spec or {}).get("sections") or [])
    if not override:
        return merged
    merged["settings"].update(override.get("settings") or {})
    merged["false_friends"] += list(override.get("false_friends") or [])
    for slug, spec in (override.get("frames") or {}).items():
        frame = merged["frames"].setdefault(slug, {"terms": {}, "leads": True, "holds": False})
        frame["terms"].update(term_weights((spec or {}).get("terms")))
        frame.update({key: bool(spec[key]) for key in ("leads", "holds") if key in (spec or {})})
    for slug, spec in (override.get("topics") or {}).items():
        if slug not in TOPIC_SLUGS:
            raise ValueError(f"unknown topic {slug!r}: topics are the IPTC top-level slugs {TOPIC_SLUGS}")
        spec = spec or {}
        topic = merged["topics"].setdefault(slug, {"terms": {}, "sections": [], "scale": 1.0})
        if spec.get("replace"):
            topic["terms"], topic["sections"] = {}, []
        topic["scale"] = float(spec.get("scale", topic["scale"]))
        topic["terms"].update(term_weights(spec.get("terms")))
        topic["sections"].extend(spec.get("sections") or [])
    return merged


def _add_terms(table: dict[tuple[str, ...], dict[int, float]], t: int, terms: Mapping[str, float],
               scale: float = 1.0, named: dict[tuple[str, ...], set[int]] | None = None,
               named_weight: float = math.inf) -> None:
    """Every spelling of every term, with its weight for topic index ``t``; in ``named``, the
    spellings of the terms whose own weight (before ``scale``) is at least ``named_weight``."""
    for term, file_weight in terms.items():
        weight = file_weight * scale
        words = tokens(term)
        if not words:
            continue
        for form in _variants(words):
            hits = table.setdefault(form, {})
            # The spelling written in the data file wins over a generated plural.
            if weight == 0:
                hits.pop(t, None)
            elif form == tuple(words) or t not in hits:
                hits[t] = weight
            else:
                continue
            if named is not None:
                if weight and file_weight >= named_weight:
                    named.setdefault(form, set()).add(t)
                else:
                    named.get(form, set()).discard(t)


def _pack(table: Mapping[tuple[str, ...], Mapping[int, float]]) -> tuple[dict[str, Hits], dict[str, Any]]:
    """Unigram hits, and phrases grouped by first word (longest first, so the longest wins)."""
    unigrams: dict[str, Hits] = {}
    grouped: dict[str, list[tuple[list[str], Hits]]] = {}
    for words, hits in table.items():
        packed = tuple(sorted(hits.items()))
        if not packed:
            continue
        if len(words) == 1:
            unigrams[words[0]] = packed
        else:
            grouped.setdefault(words[0], []).append((list(words[1:]), packed))
    return unigrams, {first: tuple(sorted(rest, key=lambda r: -len(r[0]))) for first, rest in grouped.items()}


def _add_sections(sections: dict[tuple[str, ...], set[int]], t: int, labels: list[Any]) -> None:
    for label in labels:
        words = tuple(tokens(str(label)))
        if words:
            sections.setdefault(words, set()).add(t)


def _stems(terms: Mapping[str, float]) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word terms written "word*" (they also name the words they begin) and "*word" (... end),
    in both spellings of a "ß"."""
    one_word = {term.strip(): tokens(term)[0] for term, weight in terms.items() if weight and len(tokens(term)) == 1}
    prefixes = {word for term, word in one_word.items() if term.endswith("*")}
    suffixes = {word for term, word in one_word.items() if term.startswith("*")}
    return frozenset(prefixes | {_ss(w) for w in prefixes}), frozenset(suffixes | {_ss(w) for w in suffixes})


def compile_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Build the lookup dicts from the plain data (file, possibly merged with an override)."""
    topics = tuple(TOPIC_SLUGS)
    index = {slug: i for i, slug in enumerate(topics)}
    table: dict[tuple[str, ...], dict[int, float]] = {}
    named: dict[tuple[str, ...], set[int]] = {}
    sections: dict[tuple[str, ...], set[int]] = {}
    settings = settings_from(data.get("settings") or {})
    scales = {slug: float(spec.get("scale", 1.0)) for slug, spec in (data.get("topics") or {}).items()}
    for slug, spec in (data.get("topics") or {}).items():
        if slug not in index:
            raise ValueError(f"unknown topic {slug!r} in the topic lexicon")
        _add_terms(table, index[slug], spec["terms"], scales[slug], named, settings.named_weight)
        _add_sections(sections, index[slug], spec["sections"])
    frames = None
    if data.get("frames"):
        frame_table: dict[tuple[str, ...], dict[int, float]] = {}
        for i, (slug, spec) in enumerate(data["frames"].items()):
            if slug not in index:
                raise ValueError(f"unknown topic {slug!r} in the frames of the topic lexicon")
            _add_terms(frame_table, i, spec["terms"])
        specs = data["frames"].items()
        frames = Lexicon(tuple(data["frames"]), *_pack(frame_table), {}, settings,
                         leads=frozenset(slug for slug, spec in specs if spec.get("leads", True)),
                         holds=frozenset(slug for slug, spec in specs if spec.get("holds", False)))
    off = frozenset(slug for slug, scale in scales.items() if scale == 0)
    false_friends = {" ".join(tokens(str(term))) for term in data.get("false_friends") or ()}

    def build(table: Mapping[tuple[str, ...], Mapping[int, float]], named: Mapping[tuple[str, ...], set[int]],
              sections: Mapping[tuple[str, ...], set[int]], **extra: Any) -> Lexicon:
        names = {" ".join(w): frozenset(ts) for w, ts in named.items() if ts}
        return Lexicon(topics, *_pack(table), {w: tuple(sorted(ts)) for w, ts in sections.items()}, settings, frames,
                       off=off, named=names, foreign_named={w: ts for w, ts in names.items() if w not in false_friends},
                       **extra)

    # A language's own terms are added to a copy of the tables: they are read in text of that language only.
    languages = {}
    for lang, by_topic in (data.get("languages") or {}).items():
        lang_table = {w: dict(hits) for w, hits in table.items()}
        lang_named = {w: set(ts) for w, ts in named.items()}
        lang_sections = {w: set(ts) for w, ts in sections.items()}
        stems: dict[str, float] = {}
        for slug, spec in by_topic.items():
            if slug not in index:
                raise ValueError(f"unknown topic {slug!r} in the {lang!r} terms of the topic lexicon")
            _add_terms(lang_table, index[slug], spec["terms"], scales.get(slug, 1.0), lang_named, settings.named_weight)
            _add_sections(lang_sections, index[slug], spec["sections"])
            stems.update(spec["terms"])
        prefixes, suffixes = _stems(stems)
        languages[lang] = build(lang_table, lang_named, lang_sections, prefixes=prefixes, suffixes=suffixes)
    return build(table, named, sections, languages=languages)


def settings_from(values: Mapping[str, Any]) -> Settings:
    """Settings from a ``settings:`` mapping that names every field (the data file's, merged)."""
    kinds = {f.name: {"int": int, "bool": bool}.get(str(f.type), float) for f in fields(Settings)}
    missing = sorted(kinds.keys() - values.keys())
    if missing:
        raise ValueError(f"topic lexicon settings missing: {', '.join(missing)}")
    return Settings(**{name: kind(values[name]) for name, kind in kinds.items()})


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as f:
        return load_yaml(f)


@functools.lru_cache(maxsize=8)
def _load(override_key: str) -> Lexicon:
    override = json.loads(override_key) if override_key else None
    return compile_lexicon(_merge(_shipped(), override))


def load_lexicon(override: Mapping[str, Any] | None = None) -> Lexicon:
    """The shipped lexicon, extended or overridden by a mkdocs.yml ``topics:`` mapping.

    Compiled once per distinct override (the ingest pipeline calls this per article).
    The override has the data file's shape: ``{settings: {...}, topics: {slug: {terms:
    {term: weight}, sections: [...], replace: bool}}}``.
    """
    return _load(json.dumps(override, sort_keys=True, default=str) if override else "")


def _scan(words: list[str], lex: Lexicon, scores: list[float], seen: dict[str, int],
          start: float, end: float, span: int, named: list[float] | None = None,
          names: Mapping[str, frozenset[int]] | None = None, naming_terms: list[set[str]] | None = None) -> None:
    """Add the hits of one field to ``scores``; weight falls linearly from start to end over span tokens.

    One dict lookup per token (most tokens miss); phrases are tried only after a hit on their
    first word. ``seen`` counts each term across fields, for the 1/n repeat discount. ``named``,
    when given, gets the part of the evidence that comes from the terms in ``names`` (term -> topics it names),
    and ``naming_terms`` (when given) those terms, per topic.
    """
    lookup = lex.lookup
    names = names if named is not None and names is not None else {}
    slope = (start - end) / span if span else 0.0
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        entry = lookup.get(word)
        if entry is None:
            continue
        conts, hits = entry
        for rest, phrase_hits in conts:
            k = len(rest)
            if words[i + 1 : i + 1 + k] == rest:
                hits, skip = phrase_hits, k
                word = " ".join(words[i : i + k + 1])
                break
        if hits:
            count = seen.get(word, 0) + 1
            seen[word] = count
            w = (start - slope * i if i < span else end) / count
            naming = names.get(word)
            for t, weight in hits:
                scores[t] += w * weight
                if naming and t in naming:
                    named[t] += w * weight  # type: ignore[index]
                    if naming_terms is not None:
                        naming_terms[t].add(word)


def _hint_words(section: str | None, url: str | None) -> list[str]:
    """Words of the section label and of the URL's host and folders (not its slug)."""
    words = tokens(section)
    if isinstance(url, str) and url:
        parts = urlsplit(url if "//" in url else "//" + url)
        folders = parts.path.split("/")[:-1]  # the last segment is the article's own slug
        words += tokens(parts.hostname or "")[:-1] + tokens(" ".join(folders))
    return words


def _hinted(words: list[str], sections: Mapping[tuple[str, ...], tuple[int, ...]]) -> set[int]:
    """Topics whose section labels occur as runs of words in the hints (labels are short)."""
    longest = max(map(len, sections), default=0)
    return {t for n in range(1, longest + 1) for i in range(len(words) - n + 1)
            for t in sections.get(tuple(words[i : i + n]), ())}


Fields = tuple[list[str], list[str], list[str]]  # headline, standfirst and body tokens


COMPOUNDS_KEPT = 200_000  # words whose reading a language's lexicon remembers (a day's news holds far fewer)


def _compounds(words: list[str], lex: Lexicon) -> list[str]:
    """Each word the lexicon does not know, read as the longest stem it begins (``prefixes``) or
    ends (``suffixes``) with, if any: German and Dutch write one word where English writes two
    ("Feuerwehreinsatz", "Verkehrsunfall"), so the stem is what names the topic. Each word's
    reading is worked out once and remembered."""
    if not lex.stem_lengths:
        return words
    seen = lex.compounds
    out = []
    for word in words:
        read = seen.get(word)
        if read is None:
            read = _stem_of(word, lex)
            if len(seen) < COMPOUNDS_KEPT:
                seen[word] = read
        out.append(read)
    return out


def _stem_of(word: str, lex: Lexicon) -> str:
    if word in lex.lookup:
        return word
    for k in lex.stem_lengths:
        if k < len(word):
            if word[:k] in lex.prefixes:
                return word[:k]
            if word[-k:] in lex.suffixes:
                return word[-k:]
    return word


def _fields(title: Any, summary: Any, body: Any) -> Fields:
    return tokens(title), tokens(summary), tokens(body)


def _frame_scores(fields: Fields, frames: Lexicon) -> dict[str, float]:
    """Framing evidence per frame topic, from the headline, standfirst and lead only."""
    s = frames.settings
    scores = [0.0] * len(frames.topics)
    seen: dict[str, int] = {}
    _scan(fields[0], frames, scores, seen, s.title_weight, s.title_weight, 0)
    _scan(fields[1], frames, scores, seen, s.summary_weight, s.summary_weight, 0)
    _scan(fields[2][: s.frame_tokens], frames, scores, seen, s.lead_weight, s.lead_weight, 0)
    return {frames.topics[t]: v for t, v in enumerate(scores) if v > 0}


def _topic_scores(fields: Fields, section: str | None, url: str | None, lex: Lexicon,
                  named: dict[str, float] | None = None, foreign: bool = False,
                  corroborated: set[str] | None = None) -> dict[str, float]:
    """Evidence per topic; ``named`` (when given) is filled with the part that names its topic:
    terms of at least ``named_weight`` in the data file (in ``foreign`` text, not the false friends),
    and the section or URL hint. ``corroborated`` (when given, with ``named``) gets the topics named by
    the headline, the section or URL hint, or two different terms: one word said in passing is not enough."""
    s = lex.settings
    names = lex.foreign_named if foreign else lex.named
    scores = [0.0] * len(lex.topics)
    naming = [0.0] * len(lex.topics) if named is not None else None
    # The terms naming each topic, in the headline and elsewhere (only when ``corroborated`` is asked for).
    headline: list[set[str]] | None = [set() for _ in lex.topics] if corroborated is not None else None
    elsewhere: list[set[str]] | None = [set() for _ in lex.topics] if corroborated is not None else None
    seen: dict[str, int] = {}
    _scan(fields[0], lex, scores, seen, s.title_weight, s.title_weight, 0, naming, names, headline)
    _scan(fields[1], lex, scores, seen, s.summary_weight, s.summary_weight, 0, naming, names, elsewhere)
    _scan(fields[2], lex, scores, seen, s.lead_weight, s.tail_weight, s.decay_tokens, naming, names, elsewhere)
    hinted = _hinted(_hint_words(section, url), lex.sections)
    for t in hinted:
        scores[t] += s.section_bonus
        if naming is not None:
            naming[t] += s.section_bonus
    if named is not None and naming is not None:
        named.update((lex.topics[t], v) for t, v in enumerate(naming) if v > 0)
    if corroborated is not None and headline is not None and elsewhere is not None:
        corroborated.update(lex.topics[t] for t in range(len(lex.topics))
                            if t in hinted or headline[t] or len(elsewhere[t]) >= 2)
    return {lex.topics[t]: v for t, v in enumerate(scores) if v > 0}


def score(title: str, summary: str, body: str, section: str | None = None, url: str | None = None,
          lexicon: Lexicon | None = None) -> dict[str, float]:
    """Evidence per topic (only topics with any), before framing and the confidence bar."""
    return _topic_scores(_fields(title, summary, body), section, url, lexicon or load_lexicon())


def frame_scores(title: str, summary: str, body: str, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Framing evidence per frame topic (empty when the lexicon has no frames)."""
    lex = lexicon or load_lexicon()
    return _frame_scores(_fields(title, summary, body), lex.frames) if lex.frames else {}


def pick(scores: Mapping[str, float], settings: Settings, frames: Mapping[str, float] | None = None,
         leads: frozenset[str] | None = None, holds: frozenset[str] = frozenset()) -> list[str]:
    """The topics that clear the confidence bar, most relevant first.

    With ``frames`` (framing evidence per topic), the strongest frame's topic leads (if it is one of
    ``leads``; the other frames only hold their own topic's place) when the frame
    reaches ``frame_min``, beats the best topic's own frame ``frame_margin`` times, and its topic has
    ``frame_share`` of the best topic's evidence; a best topic in ``holds`` is never overtaken. The bar
    for further topics stays relative to the best evidence, so the topic it overtook follows it.
    """
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < settings.min_score:
        return []
    top, best = ranked[0]
    if frames and top not in holds:
        frame, strength = max(frames.items(), key=lambda kv: kv[1])
        if (frame != top and (leads is None or frame in leads) and strength >= settings.frame_min
                and strength >= settings.frame_margin * frames.get(top, 0.0)
                and scores.get(frame, 0.0) >= settings.frame_share * best):
            ranked = [(frame, scores[frame])] + [kv for kv in ranked if kv[0] != frame]
    bar = max(settings.secondary_min, settings.secondary_ratio * best)
    return [ranked[0][0]] + [t for t, v in ranked[1 : settings.max_topics] if v >= bar]


def combine(picked: list[str], scores: Mapping[str, float], probabilities: Mapping[str, float], hinted: bool,
            settings: Settings, named: Mapping[str, float] | None = None) -> list[str]:
    """The lexicon's choice and the learned model's probabilities as one list of topics, most relevant first.

    The two are good at different things. The model (learned from ~28,000 labelled items) reads a
    headline and its lead the way news desks file them, and knows soft news (parenting, travel,
    odd news) that the lexicon's words miss or mistake ("cup", "home", "star"); the lexicon adds up
    evidence over the whole text, knows hard news and the topics the training data lacks, and
    reads the outlet's own section. So every topic starts from the model's log-probability, times
    ``model_weight`` (below 1 the model's certainty counts for less against the lexicon's), and:

    * the lexicon's first topic gets ``lexicon_vote`` (it breaks near-ties on thin evidence);
    * when the lexicon's evidence is strong (a best score of ``strong_evidence``: a long article,
      or a short one dense in a beat's words) or the section or URL names a topic, the lexicon
      leads: every topic gets log(1 + its score), and its first topic ``strong_vote`` more when it is
      clearly first (its runner-up below ``strong_clear`` of its score; on a near-tie the model decides)
      or put first by its framing;
    * with no lexicon evidence at all, the model alone must reach ``model_min``, else no topic.

    Further topics come from the lexicon's own list (its bar is relative to the best evidence,
    so one stray word adds nothing): its first topic when the model overruled it, and the others
    when the model does not rule them out (``further_min``) or, on strong evidence, when the
    lexicon's own score for them is ``further_share`` of the best (the model, trained on one topic
    per item, gives a second topic little probability even where a story is about both; a long
    article's stray sport words, "home", "team", "record", stay out). With ``named`` (the evidence of
    terms that name their topic, see ``_topic_scores``), a further topic also needs ``further_named`` of
    it: evidence made only of words that are usual in a topic ("homes", "season", "away", "losses")
    adds up over a long story about something else, but does not make the story about that topic.
    """
    if not picked:
        best = max(probabilities.items(), key=lambda kv: kv[1], default=(None, 0.0))
        return [best[0]] if best[0] and best[1] >= settings.model_min else []
    strong = hinted or max(scores.values(), default=0.0) >= settings.strong_evidence
    votes = {t: settings.model_weight * math.log(max(p, 1e-9)) for t, p in probabilities.items()}
    votes[picked[0]] = votes.get(picked[0], math.log(1e-9)) + settings.lexicon_vote
    if strong:
        lead = scores.get(picked[0], 0.0)
        runner = max((v for t, v in scores.items() if t != picked[0]), default=0.0)
        if runner < settings.strong_clear * lead or runner > lead:  # clearly first, or put first by its framing
            votes[picked[0]] += settings.strong_vote
        for t, v in scores.items():
            votes[t] = votes.get(t, math.log(1e-9)) + math.log1p(v)
    first = max(votes, key=lambda t: votes[t])
    best = max(scores.values(), default=0.0)
    rest = [t for i, t in enumerate(picked)
            if t != first and (named is None or named.get(t, 0.0) >= settings.further_named)
            and (i == 0 or probabilities.get(t, 1.0) >= settings.further_min
                 or (strong and scores.get(t, 0.0) >= settings.further_share * best))]
    return [first] + rest[: settings.max_topics - 1]


def classify(title: str, summary: str, body: str, section: str | None = None, url: str | None = None,
             lexicon: Lexicon | None = None, lang: str | None = None) -> list[str]:
    """IPTC top-level topic slugs for an article, most relevant first (possibly none).

    ``lang`` is the article's language (primary subtag). The lexicon and the model are English: in
    another language most of the words they know are false friends ("Winter", "Start", "Team", "Test"),
    so there only the terms that name a topic count (names of leagues, diseases, institutions, the
    section or URL hint), except the data file's ``false_friends`` (German "war" is "was", French "un" is
    "a"), plus the terms the data file's ``languages:`` gives for that language (German "Streik",
    "Staatsanwaltschaft", and their compounds), with a bar of their own (``foreign_min``), and the model is
    not asked. Without the model to check them, a topic also needs its headline, the section or URL, or
    two different terms to name it: one such word in a long text ("Bürgermeister" at a park's opening,
    "Olympischen" in a story on deliveries) is said in passing.
    """
    lex = lexicon or load_lexicon()
    fields = _fields(title, summary, body)
    named: dict[str, float] = {}
    foreign = bool(lang) and lang != "en"
    if foreign:
        lex = lex.languages.get(str(lang).split("-")[0].lower(), lex)
        fields = (_compounds(fields[0], lex), _compounds(fields[1], lex), _compounds(fields[2], lex))
    corroborated: set[str] | None = set() if foreign else None
    scores = _topic_scores(fields, section, url, lex, named, foreign, corroborated)
    if foreign:
        bar = lex.settings.foreign_min
        named = {t: v for t, v in named.items() if corroborated is not None and t in corroborated}
        return pick(named, dataclasses.replace(lex.settings, min_score=bar, secondary_min=bar))
    if not lex.frames:
        picked = pick(scores, lex.settings)
    else:
        picked = pick(scores, lex.settings, _frame_scores(fields, lex.frames), lex.frames.leads, lex.frames.holds)
    if not lex.settings.learned:
        return picked
    model = load_model()
    words = model_words(*fields, model.lead_tokens)
    if not picked and not model.knows(words):
        return []
    hinted = bool(_hinted(_hint_words(section, url), lex.sections))
    probabilities = model.probabilities(words)
    # A topic the training data lacks (labour, weather) is the lexicon's to give: the model's view of it is neutral.
    neutral = 1.0 / len(probabilities)
    probabilities = {t: probabilities.get(t, neutral) for t in lex.topics if t not in lex.off}
    return combine(picked, scores, probabilities, hinted, lex.settings, named)
