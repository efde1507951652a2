"""Stories: which independent reports describe the same real-world event.

Reports (wire copies already folded into their original) are vectorised, paired
by blocking, scored by cosine (faded with the time between them), and average
linkage forms the stories (a group of undated reports joins a dated one only when about
as alike across as within: linkage.Unplaced); a story's coverage weeks later then joins
it (followups.py),
groups of headlines pool their evidence (pooling.py), and a story of undated headlines naming
two sets of particulars splits in two (particulars.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Article
from .blocking import Mapper, candidate_pairs
from .features import Features
from .vocabulary import Vocabulary
from .linkage import Unplaced, average_linkage
from .neighbours import second_order
from .options import GroupOptions
from .vectors import Vectors, pair_similarity, vectorise
from .particulars import split_apart
from .pooling import pool_short
from .followups import join_follow_ups
from .window import fade, gaps, stamps


# Pairs scoring below this share of the threshold are dropped before linkage: they
# barely move an average, and there are many of them.
_FLOOR = 0.5
# Reports further apart than this many time windows are never compared (their
# faded similarity would be under 5%); a longer story holds through the reports between.
_HORIZON = 4


def short_scale(short: np.ndarray, pairs: np.ndarray, boost: float) -> np.ndarray:
    """Per-pair factor: ``boost`` for two short reports, else 1 (a headline beside a full article: 1).

    Two headlines of one event share a word or two, so their cosine runs lower than
    that of two full reports of it; scaling short pairs up is a lower threshold for
    them alone, leaving full texts as tuned.
    """
    both = short[pairs[:, 0]] & short[pairs[:, 1]] if len(pairs) else np.empty(0, dtype=bool)
    return np.where(both, np.float32(boost), np.float32(1))


def direct_share(short: np.ndarray, pairs: np.ndarray, direct: float, short_direct: float) -> np.ndarray:
    """Per pair, the share of its similarity that is its own cosine (the rest: its neighbour lists').

    ``short_direct`` for two short reports, whose neighbour lists rest on a word or two
    and say less than their own cosine does; ``direct`` for every other pair.
    """
    both = short[pairs[:, 0]] & short[pairs[:, 1]] if len(pairs) else np.empty(0, dtype=bool)
    return np.where(both, np.float32(short_direct), np.float32(direct))


@dataclass
class Clustering:
    """Labels per report plus what story assembly reuses: vectors and scored pairs."""

    labels: list[int]
    vectors: Vectors
    pairs: np.ndarray
    sims: np.ndarray


def cluster_reports(reports: list[Article], feats: list[Features], words: Vocabulary, names: Vocabulary,
                    options: GroupOptions, mapper: Mapper | None = None) -> Clustering:
    """Cluster reports into stories (label per report); ``feats`` are the reports' features
    (emptied once vectorised: their memory is wanted for what follows).

    ``mapper`` runs the pieces of the blocking join (see blocking.candidate_pairs).
    """
    vectors = vectorise(feats, words, names, options.entity_weight)
    feats.clear()  # the vectors hold all that is needed now; 100,000 reports' features are 0.2 GB
    short = np.diff(vectors.matrix.indptr) < options.short_terms
    pairs = candidate_pairs(vectors.matrix, options.block_terms, options.block_max_df, options.block_min_shared, short, mapper)
    linked = pairs  # for follow-ups (followups.py), whatever their time
    gap = gaps(reports, pairs)
    near = np.isnan(gap) | (gap <= _HORIZON * options.window_days)  # beyond, the fade leaves under 5%
    pairs, gap = pairs[near], gap[near]
    sims = pair_similarity(vectors.matrix, pairs) * fade(gap, options.window_days)
    if options.neighbours > 0:
        mix = direct_share(short, pairs, options.direct_weight, options.short_direct_weight)
        sims = mix * sims + (1 - mix) * second_order(len(reports), pairs, sims, options.neighbours, options.neighbour_ratio)
    sims = sims * short_scale(short, pairs, options.short_boost)
    candidates = pairs
    keep = sims >= _FLOOR * options.story_threshold
    pairs, sims = pairs[keep], sims[keep]
    times = stamps(reports)
    unplaced = Unplaced(~np.isnan(times), short, options.follow_up_ratio)
    labels = np.asarray(average_linkage(len(reports), pairs, sims, options.story_threshold, unplaced))
    if options.follow_up_ratio > 0:
        labels = join_follow_ups(labels, vectors.matrix, linked, short, times, options.window_days,
                                 options.follow_up_days, options.story_threshold, options.follow_up_ratio)
    if options.pool_threshold > 0:
        labels = pool_short(labels, vectors.matrix, candidates, short, times,
                            max(options.pool_threshold, options.story_threshold), options.window_days)
    if options.apart_min_reports > 0:
        labels = split_apart(labels, vectors.matrix, vectors.terms, np.isnan(times), short,
                             options.apart_min_reports, options.apart_cover)
    return Clustering(labels.tolist(), vectors, pairs, sims)
