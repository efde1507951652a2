"""Follow-ups: a story's later coverage joins it, though it comes weeks later.

Average linkage fades a pair's similarity with the time between the two reports (window.py),
so that two events of one kind weeks apart (two rate decisions, two quakes in one country)
stay apart. But one event's coverage also runs for weeks: a trial follows an arrest, a star
checks out of the clinic she checked into. Time alone cannot tell the two apart. Two things
about the text can:

- *As alike across as within.* The reports of one rate decision share its figures, its
  quotes and its day; the next month's decision shares only the bank, the governor and the
  vocabulary of rates, so across the two months the reports are far less alike than within
  either (on fictional monthly decisions, half as alike). A follow-up is about as close to
  its story as the story's reports are to each other (on ecb-dev's dated follow-ups, most
  0.7 to 1 times).
- *One clear match.* A trial three weeks after a crash matches that crash and no other
  story; where many stories of one kind are alike (a bank's decisions month after month, a
  season of matches), a later group matches several about equally and cannot be placed.

So after average linkage, two groups of full articles whose coverage together spans more
than the window (so the fade may have split them: their coverage may be weeks apart, or one
may be a late piece whose story ran on past it), with at most ``horizon_days`` between
them, join when the mean similarity of their reports across is at least the story
threshold and at least ``ratio`` times the mean similarity of the pairs within the two
groups (pooled: a story of three close reports does not hold its follow-up of seventeen
to its own tightness; two lone reports have no "within" and are left as average linkage
left them), and when, for one of the
two, the other is its closest group by far (the runner-up, of any time or none, is at
most ``_RUNNER_UP`` as alike). Both means come from the groups' centroids (the sums of their
reports' unit rows): across, ``c_x . c_y / (n_x n_y)``; within, ``(|c|^2 - n) / (n (n - 1))``
per group, the sums of the two added before dividing;
every pair of reports counts, compared or not, and none is enumerated.

Groups of headlines take no part: a headline names one or two details of its story, so
headline groups are loose inside and the ratio says little (pooling.py groups them, in
time). Groups further apart than ``horizon_days`` never join: months on, the same names and
vocabulary are more often a new event of the same kind than the old one's sequel.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .pairs import unique_pairs
from .unionfind import UnionFind
from .vectors import group_sums, pair_similarity, row_sums
from .window import coverage_spans

# A follow-up's story must be its closest by far: the next closest group at most this share as alike.
_RUNNER_UP = 0.6


def join_follow_ups(labels: np.ndarray, matrix: sp.csr_matrix, pairs: np.ndarray, short: np.ndarray,
                    stamps: np.ndarray, window_days: float, horizon_days: float, threshold: float,
                    ratio: float) -> np.ndarray:
    """Labels after joining groups of full articles to their follow-ups (see the module docstring).

    ``matrix`` holds the reports' L2-normalised rows; ``pairs`` are candidate pairs of
    reports, however far apart in time (the groups they link are the ones compared);
    ``short`` says which reports are short; ``stamps`` are their times in seconds (NaN when undated).
    """
    groups, member_of = np.unique(labels, return_inverse=True)
    n = len(groups)
    if len(pairs) == 0 or n < 2:
        return labels
    size = np.bincount(member_of, minlength=n).astype(np.float64)
    full = np.bincount(member_of, weights=short.astype(np.float64), minlength=n) < 0.5 * size
    a, b = member_of[pairs[:, 0]], member_of[pairs[:, 1]]
    keep = (a != b) & full[a] & full[b]
    links = unique_pairs(a[keep], b[keep], n)
    first, last = coverage_spans(member_of, stamps, n)
    x, y = links[:, 0], links[:, 1]
    gap = np.maximum(first[x], first[y]) - np.minimum(last[x], last[y])
    span = np.maximum(last[x], last[y]) - np.minimum(first[x], first[y])
    with np.errstate(invalid="ignore"):  # NaN: a group with no date, compared (as a runner-up) but never joined
        far = (span > window_days) & (gap <= horizon_days)
    if not far.any():
        return labels
    sums = group_sums(member_of, n, matrix)
    squares = np.bincount(member_of, weights=row_sums(matrix, matrix.data * matrix.data), minlength=n)
    within = row_sums(sums, sums.data * sums.data) - squares  # twice the sum of each group's pairs' similarities
    pairs_within = size * (size - 1)
    across = pair_similarity(sums, links) / (size[x] * size[y])
    with np.errstate(invalid="ignore", divide="ignore"):  # 0 / 0 (two lone reports) is NaN: no
        ok = far & (across >= threshold) & (
            across >= ratio * (within[x] + within[y]) / (pairs_within[x] + pairs_within[y]))
    ok &= _clear_best(x, y, across, n)
    if not ok.any():
        return labels
    sets = UnionFind(n)
    for i, j in links[ok].tolist():
        sets.union(i, j)
    root = np.array([sets.find(g) for g in range(n)])
    return groups[root[member_of]]


def _clear_best(x: np.ndarray, y: np.ndarray, across: np.ndarray, n: int) -> np.ndarray:
    """Per link (x, y), whether it is the closest link of x or of y, the next closest at most _RUNNER_UP as alike."""
    ends = np.concatenate([x, y])
    values = np.concatenate([across, across])
    link = np.concatenate([np.arange(len(x)), np.arange(len(x))])
    order = np.lexsort((-values, ends))
    ends, values, link = ends[order], values[order], link[order]
    rank = np.arange(len(ends)) - np.searchsorted(ends, ends)
    runner_up = np.zeros(n)
    runner_up[ends[rank == 1]] = values[rank == 1]
    best = (rank == 0) & (runner_up[ends] <= _RUNNER_UP * values)
    clear = np.zeros(len(x), dtype=bool)
    clear[link[best]] = True
    return clear
