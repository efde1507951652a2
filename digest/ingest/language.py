"""The language of an article's text, when neither the record nor the page says it.

Function words ("the", "und", "которые") fill every text of a language whatever its
subject, so counting them over the first hundred or so words tells the common
languages apart at a glance: a dictionary look-up per word, no model to load. Words
shared by several languages ("de", "en", "a") count for each in part. Texts that give
too little evidence, or nearly as much for two close languages (Danish and Norwegian),
get None: a wrong language is worse than none. Scripts used by one language only
(Hangul, Greek, Thai...) are told by their letters; Arabic script is Arabic, Urdu or
Persian by the letters only the latter two write, and Cyrillic script Russian or
Ukrainian by the letters only one of them writes (their function words overlap, and the
commonest, "в", "и", "у", are one letter long).
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .wordlists import load_data

if TYPE_CHECKING:
    from .parts import Page

WORDS_READ = 120  # enough for a confident vote; the rest of a long article adds nothing
LONG_READ = 4  # ... unless those words say nothing clearly: then this many times as many
MIN_HITS = 3.0  # weighted function words the winner needs
MIN_SHARE = 0.1  # ... as a share of the words read: running text, not a list of names
MARGIN = 1.6  # the winner's score over the runner-up's (Danish over Norwegian scores about 2)

# Words of two letters or more: one-letter words ("a", "i", "v", the "s" of "U.S.") are
# in too many languages, and in abbreviations, to say anything.
_WORD = re.compile(r"[^\W\d_]{2,}")
# Scripts one language writes; CJK text is Japanese when kana are among the characters.
_SCRIPTS = (
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
)
_KANA = re.compile(r"[\u3040-\u30ff]")
# Arabic script: Arabic unless the letters only Urdu or only Persian add are there.
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_URDU = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc]")  # پ چ ژ ک گ ی
# Cyrillic script: letters only Russian writes (ы, э, ё; Bulgarian writes ъ too), only Ukrainian (і, ї, є, ґ), and
# those of the other languages written in it (Belarusian ў; Serbian and Macedonian ј, љ, њ, џ;
# Kazakh, Kyrgyz, Mongolian ә, ғ, қ, ң, ө, ұ, ү, һ), which make the text neither.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RUSSIAN = re.compile(r"[ыэё]")
_UKRAINIAN = re.compile(r"[іїєґ]")
_OTHER_CYRILLIC = re.compile(r"[ўјљњџәғқңөұүһ]")
LETTER_SHARE = 0.005  # share of the sample's letters that marks it as one of the two
SCRIPT_SHARE = 0.3  # share of the sample's characters in the script
KANA_SHARE = 0.05  # share of kana that makes CJK text Japanese


def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each listed word with the languages it belongs to and its weight in each."""
    langs: dict[str, list[str]] = {}
    for code, words in load_data("stopwords.yaml").items():  # type: ignore[union-attr]
        for word in set(words):
            langs.setdefault(str(word).casefold(), []).append(str(code))
    return {word: tuple((code, 1.0 / len(codes)) for code in codes) for word, codes in langs.items()}


_WEIGHTS = _weights()


def known_languages() -> frozenset[str]:
    """The languages told by their function words (those with a list)."""
    return frozenset(code for langs in _WEIGHTS.values() for code, _ in langs)


def script_languages() -> frozenset[str]:
    """The languages told by their script's letters (Korean, Chinese, Japanese, Greek, Hebrew,
    Thai, Arabic, Persian, Urdu)."""
    return frozenset(code for _, code in _SCRIPTS) | {"ja", "ar", "fa", "ur"}


@functools.lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """The listed function words of a language (casefolded), empty for one not listed:
    geography uses them to tell a word from a town ("Una", "Como"), grouping to leave them out."""
    return frozenset(word for word, langs in _WEIGHTS.items() if any(code == lang for code, _ in langs))


def detect(text: str) -> str | None:
    """The BCP 47 code of the text's language, or None when the evidence is thin or split."""
    sample = text[: WORDS_READ * 8]
    if not sample.isascii():
        for pattern, code in _SCRIPTS:
            if len(pattern.findall(sample)) >= SCRIPT_SHARE * len(sample):
                return "ja" if code == "zh" and len(_KANA.findall(sample)) >= KANA_SHARE * len(sample) else code
        if len(_ARABIC.findall(sample)) >= SCRIPT_SHARE * len(sample):
            return _arabic_script(sample)
        if len(_CYRILLIC.findall(sample)) >= SCRIPT_SHARE * len(sample) and (found := _cyrillic_script(sample)):
            return found
        if len(_DEVANAGARI.findall(sample)) >= SCRIPT_SHARE * len(sample):
            return _devanagari_script(sample)
    found = _vote(_WORD.findall(sample.casefold())[:WORDS_READ])
    if found is None and len(text) > len(sample):
        # split or thin at the start (an opening quote in another language, a list of names): read on
        found = _vote(_WORD.findall(text[: WORDS_READ * LONG_READ * 8].casefold())[: WORDS_READ * LONG_READ])
    return found or (_latin_letters(sample) if not sample.isascii() else None)


def _vote(words: list[str]) -> str | None:
    """The language whose function words these words are, clearly; else None."""
    scores: dict[str, float] = {}
    for word in words:
        for code, weight in _WEIGHTS.get(word, ()):
            scores[code] = scores.get(code, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < MIN_HITS or score < MIN_SHARE * len(words) or score < MARGIN * second:
        return None
    return best


def _arabic_script(sample: str) -> str:
    """Arabic, Urdu or Persian, by the letters Arabic does not write (a 1% share is plenty)."""
    if len(_URDU.findall(sample)) >= 0.01 * len(sample):
        return "ur"
    return "fa" if len(_PERSIAN.findall(sample)) >= 0.01 * len(sample) else "ar"


# Devanagari: Hindi, Marathi or Nepali by their commonest words, read between spaces (the vowel
# signs inside a word are no word characters for a regex)
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# Latin letters one language writes far more than any other, for text whose function words are
# few or one letter long (Polish "w", "z", "i"; Turkish suffixes): read when the vote says nothing.
_LETTERS = (
    (re.compile(r"[ơưđăạ-ỹ]"), None, "vi"),  # Vietnamese: horned vowels, đ, the tone-marked vowels
    (re.compile(r"[ığ]"), re.compile(r"[əәñ]"), "tr"),  # Turkish dotless ı and ğ, not Azerbaijani ə
    (re.compile(r"[łżśćńźąę]"), re.compile(r"[řěůťďėįųū]"), "pl"),  # Polish, not Czech, Slovak or Lithuanian
)


def _devanagari_script(sample: str) -> str | None:
    """Hindi, Marathi or Nepali by the function words listed for them, clearly; else None."""
    words = [w.strip(".,;:!?\"'()।॥-–—") for w in sample.split()][:WORDS_READ]
    return _vote([w for w in words if w])


LATIN_SHARE = 0.015  # share of the letters ...
LATIN_MIN = 5  # ... and count that make a text Polish, Turkish or Vietnamese: running text, not a name in
# an English headline ("Erdoğan", "Wałęsa")


def _latin_letters(sample: str) -> str | None:
    """A language told by letters only it writes often."""
    low = sample.casefold()
    letters = sum(ch.isalpha() for ch in low) or 1
    for marks, others, code in _LETTERS:
        found = len(marks.findall(low))
        if found >= LATIN_MIN and found >= LATIN_SHARE * letters and not (others and others.search(low)):
            return code
    return None


def _cyrillic_script(sample: str) -> str | None:
    """Russian or Ukrainian by the letters the other does not write; None when both or neither
    show, or another Cyrillic language's letters do (then the function words decide)."""
    low = sample.casefold()
    if _OTHER_CYRILLIC.search(low):
        return None
    ru, uk = len(_RUSSIAN.findall(low)), len(_UKRAINIAN.findall(low))
    if ru >= LETTER_SHARE * len(low) and not uk:
        return "ru"
    if uk >= LETTER_SHARE * len(low) and not ru:
        return "uk"
    return None


_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def primary(tag: object) -> str | None:
    """The primary subtag of a language tag, lower case ("en-US" -> "en", "pt_BR" -> "pt"):
    the contract's form for ``lang``. None for a value that is not a language tag."""
    m = _TAG.match(str(tag)) if tag else None
    return m[1].lower() if m else None


def of_page(page: "Page", title: str, body: str) -> str | None:
    """The story's language: what its words say when they say it clearly, else what the page
    declares (an <html lang> is often a CMS default, so the text wins when they differ)."""
    return detect(f"{title}\n\n{body}") or primary(page.declared.lang)
