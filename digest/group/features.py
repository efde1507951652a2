"""What grouping compares: word tokens and entities (names, numbers, dates, countries).

Words say what kind of event an article reports; entities say which one. Two
earthquakes share "magnitude", "quake", "epicentre" but not the place names, the
magnitude or the date, so entities get their own vector (see vectors.py).

Everything here is regular expressions run over whole texts (C speed): grouping
100,000 articles leaves about a millisecond per article for all of its work.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import yaml

from ..enrich.geo_match import name_context
from ..ingest.language import function_words as detected_function_words
from ..ingest.language import primary
from ..model import Article

if TYPE_CHECKING:
    from .profile import Profile

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_NAME_WORD = rf"[{_UPPER}][^\W_]*(?:['’.-][^\W\d_]+)*"
# No look-behind in these two: it would be tried at every character (5x slower);
# the character before a match is checked in Python instead.
_CAP_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*")
_POSSESSIVE = ("'s", "’s")  # "Peru's" names Peru
_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_MONTH_BEFORE = re.compile(r"([A-Za-z]{3,9})\.?[ \t]+$")  # "May 3": the word before a day number
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SOFT_HYPHEN = "\u00ad"  # a hyphenation hint inside a word, invisible on the page
_OPENING_MARKS = " \t\"'“‘(„«»‹›¿¡”’–—"  # between a sentence's end and its first word


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists in lexicon.yml (months, capitalised non-names)."""
    with open(Path(__file__).with_name("lexicon.yml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["not_names"] = frozenset(data["not_names"])
    data["function_words"] = {str(lang): frozenset(map(str, ws)) for lang, ws in data["function_words"].items()}
    return data


@functools.lru_cache(maxsize=None)
def function_words(lang: str | None) -> frozenset[str]:
    """The function words of an article in ``lang``: left out of its words, never names.

    Those language detection lists, with lexicon.yml's ``function_words``. Empty for
    English, whose words stopwords.txt and ``not_names`` already cover (for every
    article), and for an unknown language: another language's list never applies
    ("die", "war", "son" and "come" are English words).
    """
    if not lang or lang == "en":
        return frozenset()
    return detected_function_words(lang) | lexicon()["function_words"].get(lang, frozenset())


@functools.lru_cache(maxsize=None)
def _not_names(lang: str | None) -> frozenset[str]:
    return lexicon()["not_names"] | function_words(lang)


@functools.lru_cache(maxsize=1)
def noun_capitalising() -> frozenset[str]:
    """Languages that capitalise every noun (German): there a lone capital proves no name
    (enrich's ``noun_capitalising``, which geography reads for the same reason)."""
    return frozenset(name_context().noun_capitalising)


def language(article: Article) -> str | None:
    """The article's language as its primary subtag ("de"), None when not known."""
    return primary(article.lang)


@dataclass(frozen=True)
class Features:
    """One report's terms as vocabulary ids with their counts (headline counts already weighted).

    ``words`` holds every token id, content or not (vectors.py keeps the content
    words); ``entities`` are ids in the entity vocabulary. An id may appear twice
    (once from the headline, once from the text): counts add up.
    """

    words: np.ndarray
    word_counts: np.ndarray
    entities: np.ndarray
    entity_counts: np.ndarray


def report_features(profile: "Profile", title_weight: int = 1) -> Features:
    """A report's Features from its Profile, the headline counted ``title_weight`` times."""
    counts = np.concatenate([profile.title_counts * max(1, title_weight), profile.text_counts]).astype(np.float32)
    return Features(np.concatenate([profile.title, profile.text]), counts,
                    profile.names, profile.name_counts.astype(np.float32))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits), web addresses left out."""
    return _TOKEN.findall(_readable(text).lower())


def _readable(text: str) -> str:
    """The text as a reader sees its words: no soft hyphens ("poli\xadtik" is one word), no web addresses."""
    if _SOFT_HYPHEN in text:
        text = text.replace(_SOFT_HYPHEN, "")
    if "://" in text or "www." in text:
        text = _URL.sub(" ", text)
    return text


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """stopwords.txt: a data file, so grouping does not import scikit-learn (0.6 s) for a word list."""
    lines = Path(__file__).with_name("stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def is_content_word(token: str) -> bool:
    """Letters only, two or more, not a stop word."""
    return len(token) > 1 and token.isalpha() and token not in stop_words()


def entities(article: Article) -> list[str]:
    """Names, numbers, dates and countries of an article, as prefixed tokens.

    ``n:lohan`` (a capitalised word; a multi-word name also joined, ``n:lindsay_lohan``),
    ``#6.1`` (a number), ``d:5-3`` (month-day), ``c:US`` (a country ingest found).
    Capitalisation is the only name detector: cheap, language-light, and good enough
    to tell two events apart. A capitalised word opening a sentence is a name if the
    article also capitalises it mid-sentence (so "Officials" is not a name); in a brief
    (a headline, a one-line item) it is else a possible name, ``t:korvik``; so are the words of a line written in Title Case or in
    capitals, where every word is capitalised. vectors.py counts a possible name as the
    name ``n:korvik`` when another report writes it so mid-sentence, and drops it otherwise.
    A function word of the article's language is never a name ("Il", "Die", the "El" of
    "El Nacional"); in a language that capitalises every noun (German) a capitalised word
    alone is a name only when the article also writes it within a longer name ("Scholz"
    after "Olaf Scholz"), not "Regierung", "Woche" or "Kinder".
    """
    lex = lexicon()
    months = lex["months"]
    lang = language(article)
    not_names = _not_names(lang)
    text = _readable("\n".join(b for b in (article.title, article.summary, article.body) if b))
    brief = len(article.body) < _BRIEF  # a headline or a one-line item: no other sentence to confirm a name
    shouted = _title_case_lines(text if brief else article.title)  # spans where capitals say nothing
    runs: list[tuple[list[str], bool]] = []
    mid: set[str] = set()  # words capitalised somewhere other than a sentence's start
    out = [f"c:{c.upper()}" for c in article.countries]
    for start, run in [(m.start(), m.group()) for m in _CAP_RUN.finditer(text)]:
        if shouted and any(lo <= start < hi for lo, hi in shouted):
            # "Lindsay Lohan Checks Into Rehab": each word may be a name; vectors.py keeps
            # those some other report writes as one mid-sentence
            out.extend("t:" + w for w in _words_of(run) if len(w) > 1 and w not in not_names)
            continue
        ws = run.lower().split()
        if "'" in run or "’" in run:
            ws = [w[:-2] if w.endswith(_POSSESSIVE) else w for w in ws]
        prev = text[start - 1] if start else "\n"
        if prev.isalnum() or prev in "_'’-":
            del ws[0]  # its first word is the tail of another ("ex-President Obama")
            opens = False
        else:
            before = text[max(0, start - 4):start].rstrip(_OPENING_MARKS)
            opens = not before or before[-1] in ".!?:\n…"
        mid.update(ws[1:] if opens else ws)
        runs.append((ws, opens))
    names: list[list[str]] = []
    for ws, opens in runs:
        if opens and ws and ws[0] not in mid:
            # "Korvik coastguard searches ...": a headline's first word is often its name, but
            # "Officials said ..." is not; vectors.py decides, as for Title Case words
            if brief and len(ws[0]) > 1 and ws[0] not in not_names:
                out.append("t:" + ws[0])
            del ws[0]
        name: list[str] = []
        for w in ws:
            if len(w) > 1 and w not in not_names:
                name.append(w)
            elif name:
                names.append(name)
                name = []
        if name:
            names.append(name)
    if lang in noun_capitalising():
        in_long = {w for name in names if len(name) > 1 for w in name}
        names = [name for name in names if len(name) > 1 or name[0] in in_long]
    for name in names:
        _add_name(out, name)
    for m in _NUMBER.finditer(text):
        number, start = m.group(), m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_.,"):
            continue  # the tail of a code or of a longer number
        out.append("#" + number.replace(",", ""))
        if len(number) <= 2 and (month := _MONTH_BEFORE.search(text, max(0, start - 11), start)):
            if (word := month.group(1).lower()) in months:
                out.append(f"d:{months[word]}-{int(number)}")
    return out


_BRIEF = 400  # characters of body: under this, a sentence's first word may be a name (see entities)
_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines written in Title Case or in capitals, where a capital marks no name.

    A line counts when it has three or more words of four letters or more and four in
    five of them start with a capital ("Fed Official Says Weak Data Caused By Weather").
    Only lines of a headline's length are looked at, and in a long article only its
    headline (at the start of ``text``): prose is not written so.
    """
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        if len(line) > 300 or line.count(" ") < 2:
            continue  # a paragraph of prose, or a word or two
        words = _LONG_WORD.findall(line)
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            spans.append((m.start(), m.end()))
    return spans


def _words_of(run: str) -> list[str]:
    ws = run.lower().split()
    return [w[:-2] if w.endswith(_POSSESSIVE) else w for w in ws]


def _add_name(out: list[str], name: list[str]) -> None:
    """Each word of a name, and the whole name when it has several words."""
    out.extend("n:" + w for w in name)
    if len(name) > 1:
        out.append("n:" + "_".join(name))
