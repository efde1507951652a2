"""Wire copies: the same dispatch republished, perhaps under a new headline, trimmed or extended.

Headlines are rewritten by every outlet, so only the body is compared (the headline
when there is no body). MinHash/LSH proposes pairs; each is then checked exactly by
*containment*, the share of the smaller text's shingles found in the larger, so a
copy that drops the last paragraphs or adds one of its own still matches. Copies
are joined transitively; the earliest report of each group is its original.
"""
from __future__ import annotations

import numpy as np

from ..model import Article
from . import minhash
from .profile import Profile, profiles
from .unionfind import UnionFind
from .vocabulary import Vocabulary
from .window import within_window

_MIN_SIZE_RATIO = 0.2  # a 3-line brief inside a long feature is a quote, not a copy


def copy_text(article: Article) -> str:
    """The text a copy keeps: the body, or the headline when the body is empty."""
    return article.body if article.body.strip() else article.title


def find_copies(articles: list[Article], threshold: float = 0.8, k: int = 4,
                window_days: float = float("inf"), prepared: list[Profile] | None = None) -> dict[int, list[int]]:
    """Original index -> indexes of its copies, for every group of near-duplicates.

    Articles in no group do not appear. ``threshold`` is the containment needed;
    ``prepared`` are the articles' Profiles (shingles of size ``k``), when already known.
    Dated articles more than ``window_days`` apart are not copies (the same short
    headline, "Markets close higher", recurs on other days about other events).
    """
    if prepared is None:
        prepared = profiles(articles, k, Vocabulary(), Vocabulary())
    sets = [p.shingles for p in prepared]
    empty = np.array([len(s) == 0 for s in sets], dtype=bool)
    sigs = np.stack([p.signature for p in prepared]) if prepared else np.empty((0, 32), dtype=np.uint64)
    uf = UnionFind(len(articles))
    pairs = minhash.candidate_pairs(sigs, skip=empty)
    for i, j in pairs[within_window(articles, pairs, window_days)].tolist():
        if _is_copy(sets[i], sets[j], threshold):
            uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for members in uf.groups():
        if len(members) > 1:
            first, *rest = sorted(members, key=lambda i: original_rank(articles[i]))
            groups[first] = sorted(rest, key=lambda i: original_rank(articles[i]))
    return groups


def _is_copy(a: np.ndarray, b: np.ndarray, threshold: float) -> bool:
    """Containment of the smaller shingle set in the larger (both sorted and distinct)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < _MIN_SIZE_RATIO * len(large):
        return False
    common = len(np.intersect1d(small, large, assume_unique=True))
    return common >= threshold * len(small)


def original_rank(article: Article) -> tuple:
    """Sort key: the original comes first. Earliest date; then the agency's own
    release (source is the agency, or no agency credited), then the longer text."""
    dated = article.datetime
    own = not article.agency or (article.source or "").lower() == article.agency.lower()
    return (dated is None, dated.timestamp() if dated else 0.0, not own, -len(copy_text(article)), article.id)
