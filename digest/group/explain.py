"""Why grouped: the names and distinctive terms that actually linked a story's reports.

Average linkage joins reports on the mean cosine of their TF-IDF rows, and a cosine is
a sum over terms. So the share of each term in the links of a story is exact:
summed over every pair of the story's reports, term t contributes ``w_it * w_jt``, and
over all pairs that is ``((sum_i w_it)^2 - sum_i w_it^2) / 2``, one pass over the
story's rows whatever its size. The terms that contributed most are what linked the
reports; what a reader sees is then cleaned: numbers, dates and bare codes left out
(a country code shows as the country's name), generic words (words.yml) and adverbs
dropped, one form per word ("park" or "parks", not both), a word shown inside a
name not repeated, names written as the reports write them.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..model import Article, load_yaml


@dataclass
class Explanation:
    """Why a story's reports are together: the names, then the distinctive words, that linked them."""

    names: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        """Names first, then terms: the short list a page shows."""
        return self.names + self.terms


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    with open(Path(__file__).with_name("words.yml"), encoding="utf-8") as fh:
        data = load_yaml(fh)
    data["generic"] = frozenset(data["generic"])
    return data


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the country's short name (GeoNames, as enrich uses it)."""
    from ..enrich.geo_gazetteer import GEONAMES_DATA

    with open(GEONAMES_DATA / "countries.json", encoding="utf-8") as fh:
        return {code: info["name"] for code, info in json.load(fh).items()}


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """One key for the forms of a word that say the same: "parks"/"park", "rescued"/"rescue"."""
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            if suffix == "ies":
                return stem + "y"
            if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                return stem + "e"
            return stem.rstrip("e") if suffix in ("ing", "ed") else stem
    return word.rstrip("e") if len(word) > 4 else word


# Reports per piece of linking_weights: its float64 copies stay small (100,000 reports: 0.1 GB a piece).
_PIECE = 20_000


def linking_weights(groups: list[np.ndarray], matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Row k: each term's part in the links between the reports of ``groups[k]`` (rows of ``matrix``).

    All stories at once, by two sparse products (sums and sums of squares per story), in
    float64 so that a term only one report has weighs exactly 0, done for a piece of the
    stories at a time to bound memory. A story of one report is its own explanation: its
    terms weigh their squared weight.
    """
    out = []
    for lo, hi in _pieces(groups):
        rows = np.concatenate(groups[lo:hi]) if hi > lo else np.empty(0, dtype=np.int64)
        owner = np.repeat(np.arange(hi - lo), [len(g) for g in groups[lo:hi]])
        onehot = sp.csr_matrix((np.ones(len(rows)), (owner, np.arange(len(rows)))), shape=(hi - lo, len(rows)))
        part = matrix[rows].astype(np.float64)
        total = (onehot @ part).tocsr()
        part.data *= part.data
        squares = (onehot @ part).tocsr()
        single = np.array([len(g) == 1 for g in groups[lo:hi]], dtype=np.float64)
        links = sp.csr_matrix(total.multiply(total) - squares) / 2
        out.append((sp.diags(1.0 - single) @ links + sp.diags(single) @ squares).astype(np.float32).tocsr())
    return sp.vstack(out, format="csr") if out else sp.csr_matrix((0, matrix.shape[1]), dtype=np.float32)


def _pieces(groups: list[np.ndarray]) -> list[tuple[int, int]]:
    """Consecutive ranges of groups holding about _PIECE reports each."""
    ends = np.cumsum([len(g) for g in groups])
    cuts = np.searchsorted(ends, np.arange(_PIECE, int(ends[-1]) if len(ends) else 0, _PIECE), side="right")
    bounds = [0, *sorted(set(cuts.tolist()) - {0, len(groups)}), len(groups)]
    return list(zip(bounds, bounds[1:]))


def why_grouped(cols: np.ndarray, weights: np.ndarray, terms: list[str], articles: Iterable[Article], limit: int,
            known_words: frozenset[str] | dict[str, int] = frozenset()) -> Explanation:
    """The names and terms that linked a story's reports, at most ``limit`` in all.

    ``cols``/``weights`` are the story's row of :func:`linking_weights`, ``terms`` names
    the columns. ``articles`` are the reports themselves, read only to write each name as
    they do ("GSLV", "Nairobi"); ``known_words`` is the run's vocabulary (an adverb is a
    word whose stem without "ly" is a word too: "quickly").
    """
    keep = weights > 1e-9
    cols, weights = cols[keep], weights[keep]
    cols = cols[np.lexsort((cols, -weights))]
    generic = _data()["generic"]
    countries = country_names()
    names: list[tuple[str, frozenset[str]]] = []  # (label, its words)
    words: list[str] = []
    for col in cols[: 20 * limit].tolist():
        term = terms[col]
        if term.startswith(("#", "d:")):
            continue  # numbers and dates link reports but tell a reader nothing alone
        if term.startswith("c:"):
            label = countries.get(term[2:], "")
            parts = frozenset(label.lower().split())
        elif term.startswith("n:"):
            label, parts = "", frozenset(term[2:].split("_"))
            if len(parts) > 4 or parts <= generic:
                continue  # a whole Title Case headline, or a capitalised generic word
        else:
            if term not in generic and len(term) > 2 and not _adverb(term, known_words):
                words.append(term)  # not a piece of a word the tokeniser split ("Wi-Fi", "O'Brien")
            continue
        parts = frozenset(word_key(p) for p in parts)
        if not parts or any(parts <= other for _, other in names):
            continue  # part of a name already shown ("Socialist" after "Socialists")
        names = [(n, other) for n, other in names if not other <= parts]  # a longer name replaces its parts
        names.append((label or term[2:].replace("_", " "), parts))
    taken = {p for _, parts in names for p in parts}
    terms: list[str] = []
    for w in words:
        if word_key(w) not in taken:
            terms.append(w)
            taken.add(word_key(w))
    # names first, but leave room for two terms: "quake" says what the names are about
    names = names[: max(limit - min(2, len(terms)), 0)]
    texts = [(t, t.lower()) for a in articles for t in (a.title, a.summary, a.body) if t] if names else []
    shown = [n if n[:1].isupper() else _as_written(n, texts) for n, _ in names]
    # "EU", "TV"; not "Al" or "Je" cut from a longer name, nor a capitalised contraction ("I'd")
    shown = [n for n in shown if (len(n) > 2 or n.isupper()) and not _CONTRACTION.search(n)]
    return Explanation(names=shown, terms=terms[: max(0, limit - len(shown))])


_CONTRACTION = re.compile(r"['’](?:d|m|ll|re|ve|t)$", re.I)  # not 's: "Macy's"
_ADVERB_ENDINGS = ("ally", "ously", "ively", "fully", "edly", "ingly", "ably", "ibly", "ently", "antly")


def _adverb(word: str, known: frozenset[str] | dict[str, int]) -> bool:
    """An adverb: an adverb's ending ("critically"), or "-ly" after a word of its own ("quickly")."""
    if not word.endswith("ly") or len(word) < 6:
        return False
    return word.endswith(_ADVERB_ENDINGS) or word[:-2] in known


def _as_written(name: str, texts: list[tuple[str, str]]) -> str:
    """A lower-case name as the reports spell it ("gslv" -> "GSLV"), else capitalised word by word.

    ``texts`` are the reports' headlines, standfirsts and bodies in order, each with its
    lower-case form (made once per story, not once per name). A spelling in capitals is
    taken only for a short name (an acronym): "NAIROBI" opening a dateline is written "Nairobi".
    """
    n = len(name)
    for text, lower in texts:
        at = lower.find(name)
        while at >= 0:
            found = text[at:at + n]
            whole = (at == 0 or not lower[at - 1].isalnum()) and (at + n == len(lower) or not lower[at + n].isalnum())
            if whole and found[:1].isupper() and (not found.isupper() or n <= 5):
                return found
            at = lower.find(name, at + 1)
    return " ".join(w.capitalize() for w in name.split())
