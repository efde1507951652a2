"""National cues: words that are not places but say which country a local story is in.

"Sheriff's Office", "RCMP", "council tax", "Garda": a county paper rarely names its
own country, but its institutions do. ``data/geo/cues.yml`` lists them per country;
geography counts them as weak evidence (only when no place is named with confidence)
and as a hint for which namesake a town name means.

One compiled alternation per case mode, built once: matching is linear in the text.
Phrases are matched in a lower-cased copy with a plain ``\b`` start, which lets the
regex engine skip ahead on first letters (a look-behind or IGNORECASE is twice as slow).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from digest.model import load_yaml

CUES = Path(__file__).parent / "data" / "geo" / "cues.yml"


@dataclass(frozen=True)
class CueLexicon:
    """Compiled cue patterns and the country of each cue (keyed lower-cased, apostrophes straight)."""

    phrases: re.Pattern[str] | None
    acronyms: re.Pattern[str] | None
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (house-style pattern, its country)
    country: dict[str, str]


def _alternation(cues: list[str]) -> re.Pattern[str] | None:
    """One whole-word pattern for all cues, longest first so "sheriff's office" beats "sheriff"."""
    if not cues:
        return None
    parts = [re.escape(c) for c in sorted(set(cues), key=len, reverse=True)]
    return re.compile(rf"\b(?:{'|'.join(parts)})(?![\w'])")


def _key(cue: str) -> str:
    """Cues and text meet lower-cased, with straight apostrophes."""
    return cue.replace("’", "'").lower()


@functools.lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    """The cue lexicon, loaded once per process."""
    with CUES.open(encoding="utf-8") as f:
        data = load_yaml(f)
    phrases: list[str] = []
    acronyms: list[str] = []
    patterns: list[tuple[re.Pattern[str], str]] = []
    country: dict[str, str] = {}
    for code, lists in data.items():
        code = "NO" if code is False else str(code)
        for cue in lists.get("phrases") or ():
            phrases.append(_key(cue))
            country[_key(cue)] = code
        for cue in lists.get("acronyms") or ():
            acronyms.append(cue)
            country[_key(cue)] = code
        patterns += [(re.compile(pattern), code) for pattern in lists.get("patterns") or ()]
    return CueLexicon(_alternation(phrases), _alternation(acronyms), tuple(patterns), country)


def find_cues(text: str, lexicon: CueLexicon | None = None) -> dict[str, int]:
    """Distinct cues per country found in ``text``: {"US": 2} for "sheriff's office ... varsity"."""
    lexicon = lexicon or load_cues()
    lowered = _key(text)
    seen: set[str] = set()
    if lexicon.phrases is not None:
        seen.update(lexicon.phrases.findall(lowered))
    if lexicon.acronyms is not None:
        seen.update(_key(cue) for cue in lexicon.acronyms.findall(text))
    counts: dict[str, int] = {}
    for cue in seen:
        code = lexicon.country[cue]
        counts[code] = counts.get(code, 0) + 1
    for pattern, code in lexicon.patterns:
        if pattern.search(lowered):
            counts[code] = counts.get(code, 0) + 1
    return counts
