"""Find place names in text: one pass over the words, one dict lookup per candidate span.

A loop over 50,000 names (or one regex alternation of them) is far too slow for a
batch of articles. Instead one compiled pattern finds the runs of capitalised words
(joined by "of", "de", "and" ...), and at each word of a run that starts some name we
try the longest span first, so "New York City" beats "New York" beats "York". The
cost is linear in the text, whatever the size of the gazetteer.

Each mention also records how sure we are that the word is a name at all: a town
called "Police" or "Most" shows up at sentence starts and in headline case, and a
person called "Jordan" follows a first name. Weighing that is geography's job.
A name followed by a street word ("Cleveland Drive") is a street and is skipped.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from digest.enrich.geo_gazetteer import Gazetteer, LetterNames, LowerDemonyms, Place, has_umlaut, name_key, umlaut_key
from digest.model import load_yaml

WORD = re.compile(r"[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?")
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-žА-ЯЁЂ-ЏҐΑ-ΩΆ-Ώ][^\W\d_]*(?:[.'’\-][^\W\d_]+)*\.?"  # Latin, Cyrillic, Greek
_JOINERS = r"(?:of|de|da|do|dos|das|del|della|di|du|des|la|le|les|and|the|upon|on|am|an|der|den|el|al|y|au|aux|sur|en|im)"
# A run of capitalised words, single-spaced, possibly joined by lower-case particles.
RUN = re.compile(rf"(?<![^\W_]){_CAPITALISED}(?: (?:{_JOINERS} )*{_CAPITALISED})*")
NEXT_WORD = re.compile(r"\s*([^\W\d_]+\.?)")
POSSESSIVE = re.compile(r"['’]s?$")
_CASE_SUFFIX = re.compile(r"['’][a-zçğıöşü]{1,6}$")  # Turkish writes a name's case ending after an apostrophe
# What may come between a sentence end and the next word: spaces, quotes, brackets.
OPENERS = " \t\"'“‘([«"
SENTENCE_ENDS = ".!?:;\n|•–—-"


@dataclass(frozen=True)
class Mention:
    """One place name found in the text.

    ``reliable``: capitalised in the middle of a sentence, outside the headline, so it is
    surely a proper noun. ``after_name`` / ``before_name``: right after or before another
    capitalised word, so perhaps part of a person's or organisation's name ("Michael
    Jordan", "Leo Smith", "Honda Accord"). ``ambiguous``: the name is on the list of names
    that are usually something else. ``attributive``: followed by a currency word ("Canadian
    dollars", "U.S. dlrs") or, for a country or its people, a cuisine word ("Mexican fare"),
    which says nothing about where the story is.
    A state abbreviation outside a dateline ("Fla. economist") is one place of kind
    "abbreviation": likely, but "Miss." and "Ind." are words too, so it counts as weak.
    """

    start: int
    key: str
    places: tuple[Place, ...]
    reliable: bool
    after_name: bool
    before_name: bool
    ambiguous: bool
    attributive: bool


@dataclass(frozen=True)
class NameContext:
    """Words around a name that change what it means (``data/geo/context.yml``)."""

    lead_ins: frozenset[str]
    titles: frozenset[str]
    currency_words: frozenset[str]
    cuisine_words: frozenset[str]
    street_words: frozenset[str]
    noun_capitalising: dict[str, frozenset[str]]  # language -> its locative words
    romance_articles: dict[str, frozenset[str]]  # language -> its definite articles
    name_particles: dict[str, frozenset[str]]  # language -> the particles inside names ("de")


@functools.lru_cache(maxsize=1)
def name_context() -> NameContext:
    """The context lexicon, loaded once."""
    path = Path(__file__).parent / "data" / "geo" / "context.yml"
    with path.open(encoding="utf-8") as f:
        data = load_yaml(f)
    return NameContext(
        lead_ins=frozenset(data["lead_in_words"]),
        titles=frozenset(data["titles"]),
        currency_words=frozenset(w.casefold() for w in data["currency_words"]),
        cuisine_words=frozenset(w.casefold() for w in data["cuisine_words"]),
        street_words=frozenset(data["street_words"]),
        noun_capitalising={lang: frozenset(words) for lang, words in data["noun_capitalising"].items()},
        romance_articles={lang: frozenset(words) for lang, words in data["romance_articles"].items()},
        name_particles={lang: frozenset(words) for lang, words in data["name_particles"].items()},
    )


def find_mentions(text: str, gazetteer: Gazetteer, headline_end: int = 0) -> list[Mention]:
    """All place names in ``text``, left to right, longest match first.

    Words before ``headline_end`` are in headline case, so no capital there proves a name.
    """
    context = name_context()
    mentions: list[Mention] = []
    for run in RUN.finditer(text):
        words = [(m.start(), m.end(), _bare(m.group(), gazetteer)) for m in WORD.finditer(text, run.start(), run.end())]
        mentions += _run_mentions(text, words, gazetteer, context, headline_end)
    return mentions


def find_lower_demonyms(text: str, demonyms: LowerDemonyms) -> list[Mention]:
    """The nationality adjectives a language writes in lower case ("el gobierno peruano", "die
    deutsche Regierung"), left to right. A lower-case word is never a sentence's first word nor a
    person's name, so each is reliable; a form that also names the language is the language after
    one of its markers ("en español", and "en español e inglés"); one beside money or food
    ("dólares estadounidenses", "cocina mexicana") is attributive."""
    found = demonyms.country.keys() & set(_LOWER_WORDS.findall(text))  # C speed; most texts name few
    if not found:
        return []
    mentions: list[Mention] = []
    language_end = -1  # where the last form read as the language ends
    for start, word in sorted(_whole_words(text, found)):
        end = start + len(word)
        before = _LAST_WORD.search(text, max(0, start - 40), start)
        previous = before.group(1).casefold() if before else ""
        if word in demonyms.language_forms and (
                previous in demonyms.language_markers or (language_end >= 0 and _AND.fullmatch(text, language_end, start))):
            language_end = end
            continue
        following = NEXT_WORD.match(text, end)
        beside = {previous, following.group(1).rstrip(".").casefold() if following else ""}
        mentions.append(Mention(start, word, (Place(demonyms.country[word], "demonym"),), True, False, False, False,
                                not beside.isdisjoint(demonyms.attributive)))
    return mentions


def find_by_letters(text: str, names: LetterNames) -> list[Mention]:
    """The places named in text of a language written without capitals (Chinese, Japanese, Korean,
    Thai, Arabic, Persian, Urdu, Hebrew), left to right: no capital says which words are names, so
    each found name is taken as one; a doubtful one ("عمان": Oman or Amman) counts only where the
    country is named otherwise too."""
    mentions: list[Mention] = []
    bounded = names.bounded
    for m in names.pattern.finditer(text):
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        if bounded is not None and (
                (start > 0 and bounded.match(name) and bounded.match(text, start - 1))
                or (end < len(text) and bounded.match(name[-1]) and bounded.match(text, end))):
            continue  # チャド inside リチャード
        mentions.append(Mention(start, name_key(name), (names.places[name],), True, False, False,
                                name in names.doubtful, False))
    return mentions


def _whole_words(text: str, words: set[str]):
    """Where each of ``words`` stands in ``text`` as a whole word (not inside "latinoamericano")."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
                    end == len(text) or not (text[end].isalnum() or text[end] == "-")):
                yield at, word
            at = text.find(word, end)


_LOWER_WORDS = re.compile(r"[^\W\d_A-ZÀ-Þ][\w-]*")  # words written in lower case, hyphenated ones whole
_LAST_WORD = re.compile(r"([^\W\d_]+['’]?)[^\w'’]*$")  # the word before a place in a text, "l'" with its apostrophe
_AND = re.compile(r"\s*,?\s*(?:y|e|o|u|ou|et|ed|und|oder)?\s*,?\s*")  # "en español e inglés", "en inglés, francés"


def _run_mentions(text: str, words, gazetteer: Gazetteer, context: NameContext, headline_end: int) -> list[Mention]:
    """The place names in one run of capitalised words, longest match first."""
    mentions: list[Mention] = []
    i, n = 0, len(words)
    while i < n:
        start, end, word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        abbrev = gazetteer.abbrevs.get(text[start:end])
        if abbrev is not None and text[max(0, start - 2) : start] == ", ":
            # "Dayton, Ohio" style: after a comma a state abbreviation beats any town ("Pa.").
            mentions.append(Mention(start, text[start:end], (abbrev,), True, False, False, False, False))
            i += 1
            continue
        if abbrev is not None and "." in text[start:end] and not _before_capital(text, end):
            place = Place(abbrev.country, "abbreviation")
            mentions.append(Mention(start, text[start:end], (place,), True, False, False, False, False))
            i += 1
            continue
        found = _longest_name(text, words, i, gazetteer)
        if found is None:
            i += 1
            continue
        key, places, width = found
        reliable = start >= headline_end and not _sentence_initial(text, start)
        after = _after_name(text, words, i, context) and key not in gazetteer.declined
        before = _before_name(text, words, i + width)
        following = NEXT_WORD.match(text, words[i + width - 1][1])
        next_word = following.group(1) if following is not None else ""
        if next_word in context.street_words:
            i += width
            continue
        word_after = next_word.rstrip(".").casefold()
        # money ("Canadian dollars") or a cuisine ("Mexican fare") of a country or its people
        attributive = word_after in context.currency_words or (
            word_after in context.cuisine_words and places[0].kind in ("demonym", "country"))
        mentions.append(Mention(start, key, places, reliable, after, before, key in gazetteer.ambiguous, attributive))
        i += width
    return mentions


def _bare(word: str, gazetteer: Gazetteer) -> str:
    """A word without its possessive ending ("Korea's" -> "Korea"), or without an elided article
    opening a sentence (French, Italian: "L'Allemagne", "L'Italia"; mid-sentence "l'" starts no run)
    unless the whole is a name ("L'Aquila")."""
    if "'" not in word and "’" not in word:
        return word
    if word[:1] == "L" and word[1:2] in "'’" and word[2:3].isupper() and name_key(word) not in gazetteer.span_words:
        word = word[2:]
    suffixed = _CASE_SUFFIX.search(word)
    if suffixed and name_key(word[: suffixed.start()]) in gazetteer.names:
        return word[: suffixed.start()]  # Turkish "Türkiye'nin", "Ankara'da": a name and its case ending
    return POSSESSIVE.sub("", word)


def _longest_name(text: str, words, i: int, gazetteer: Gazetteer):
    """The longest gazetteer name starting at word ``i``: (key, places, word count) or None.

    A span written with an umlaut only meets a name written with it ("Länder" is not Lander).
    """
    first = name_key(words[i][2])
    most = gazetteer.span_words.get(first, 0)
    if not most:
        return None
    # Extend over words separated by single spaces only (names do not cross lines or commas).
    last = i
    while last + 1 < len(words) and last - i + 1 < most and text[words[last][1] : words[last + 1][0]] == " ":
        last += 1
    for j in range(last, i - 1, -1):
        if not words[j][2][:1].isupper():
            continue
        span = " ".join(w for _, _, w in words[i : j + 1])
        key = first if j == i else name_key(span)
        places = gazetteer.names.get(key)
        if places and (not has_umlaut(span) or umlaut_key(span) in gazetteer.umlauted):
            return key, places, j - i + 1
    return None


def _before_capital(text: str, end: int) -> bool:
    """True when the next word after ``end`` on the same line is capitalised ("Miss. Smith")."""
    following = NEXT_WORD.match(text, end)
    if following is None or "\n" in text[end : following.start(1)]:
        return False
    return following.group(1)[:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, a line or the text."""
    k = start - 1
    while k >= 0 and text[k] in OPENERS:
        k -= 1
    return k < 0 or text[k] in SENTENCE_ENDS


def _before_name(text: str, words, j: int) -> bool:
    """True when word ``j`` is capitalised and follows the previous word in the same sentence."""
    return (
        j < len(words)
        and words[j][2][:1].isupper()
        and text[words[j - 1][1] : words[j][0]] == " "
        and not text[words[j - 1][1] - 1] == "."
    )


def _after_name(text: str, words, i: int, context: "NameContext") -> bool:
    """True when word ``i`` directly follows a capitalised word of the same name.

    Not after a lead-in ("In Paris"), a possessive ("Smith's Paris office") nor a
    sentence end ("... Day. Paris"), but after a title ("Dr. Jordan").
    """
    if i == 0:
        return False
    start, end, prev = words[i - 1]
    if text[end : words[i][0]] != " " or not prev[:1].isupper() or prev in context.lead_ins:
        return False
    if len(prev) < end - start and POSSESSIVE.search(text, start, end):
        return False
    return not prev.endswith(".") or prev in context.titles
