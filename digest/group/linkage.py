"""Average-linkage clustering over a sparse similarity graph.

Classic average linkage (UPGMA) merges the two clusters with the highest mean
pairwise similarity until none is above the threshold. Here only candidate pairs
carry a similarity; every other pair counts as 0, which is what blocking assumes
anyway. Merging keeps, per cluster, the *sum* of similarities to each neighbour,
so a merge touches only the merged clusters' neighbours, never all n clusters.

One merge is held to more than the threshold: an *undated* group meeting a dated one
(:class:`Unplaced`). Time keeps two events of one kind apart when both are dated (the
fade, window.py) and judges a dated story's later coverage (followups.py); a group of
reports with no date could be from any day, so there text is all the evidence, and it
is asked what follow-ups are asked: to be about as alike across as within.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Unplaced:
    """The test a merge of an undated group with a dated one must pass.

    ``dated`` and ``short`` say, per node, whether it has a date and whether it is a short
    report. A group none of whose reports is dated merges with a group with dated reports
    only when its mean similarity across is at least ``ratio`` times the mean similarity
    of the pairs within the two groups (pooled), as a follow-up must be
    (GroupOptions.follow_up_ratio): two events of one kind years apart, one reported
    with dates and one without, share their kind's words, names and places, but the
    reports of each share its particulars, so across they are far less alike than within
    (on ecb-dev's full texts, the merges refused were 0.35 to 0.59 times as alike), while
    the undated reports of a dated story are about as alike to its dated ones as these
    are to each other (those passed, 0.60 to 0.75).

    Only groups of at least ``min_size`` reports, mostly full articles, are tested: a
    lone report, or a pair, has too few pairs within to say how alike its event's
    reports are (it places itself by text, as before), and headlines are loose inside
    (one names a detail or two of its story: pooling.py groups them).
    """

    dated: np.ndarray
    short: np.ndarray
    ratio: float
    min_size: int = 3


def average_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, threshold: float,
                    unplaced: Unplaced | None = None) -> list[int]:
    """Cluster label per node (labels are representative node indexes).

    ``pairs`` are distinct (i, j) with i < j, as blocking makes them; ``unplaced``, when
    given, is the test an undated group meeting a dated one must pass (see Unplaced).
    """
    size = [1] * n
    test = unplaced is not None and unplaced.ratio > 0
    if test:
        dated = unplaced.dated.astype(int).tolist()
        short = unplaced.short.astype(int).tolist()
        within = [0.0] * n  # per cluster, the sum of the similarities of its pairs
    links = _adjacency(n, pairs, sims)
    version = [0] * n  # bumped at each merge: heap entries of an older version are stale
    strong = sims >= threshold
    i, j, s = pairs[strong, 0].tolist(), pairs[strong, 1].tolist(), (-sims[strong].astype(np.float64)).tolist()
    heap = list(zip(s, i, j, [0] * len(s), [0] * len(s)))
    heapq.heapify(heap)
    alive = [True] * n
    label = list(range(n))
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        if test and (dated[a] == 0) != (dated[b] == 0) and not _placed(
                -neg, size[a], size[b], within[a] + within[b], short[a], short[b], unplaced):
            continue
        if len(links[a]) < len(links[b]):
            a, b = b, a
        # merge b into a
        alive[b] = False
        label[b] = a
        la = links[a]
        between = la.pop(b, 0.0)
        for c, s in links[b].items():
            if c == a:
                continue
            la[c] = la.get(c, 0.0) + s
            lc = links[c]
            lc[a] = lc.get(a, 0.0) + lc.pop(b)
        links[b] = {}
        size[a] += size[b]
        if test:
            within[a] += within[b] + between
            dated[a] += dated[b]
            short[a] += short[b]
        version[a] += 1
        for c, s in la.items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-avg, x, y, version[x], version[y]))
    for i in range(n):  # follow merges to the surviving cluster, compressing the path
        root = i
        while label[root] != root:
            root = label[root]
        while label[i] != root:
            label[i], i = root, label[i]
    return label


def _placed(mean: float, size_a: int, size_b: int, within: float, short_a: int, short_b: int,
            unplaced: Unplaced) -> bool:
    """Whether an undated group and a dated one may merge at ``mean`` (see Unplaced)."""
    if min(size_a, size_b) < unplaced.min_size or 2 * short_a >= size_a or 2 * short_b >= size_b:
        return True
    pairs_within = (size_a * (size_a - 1) + size_b * (size_b - 1)) / 2
    return mean >= unplaced.ratio * within / pairs_within


def _adjacency(n: int, pairs: np.ndarray, sims: np.ndarray) -> list[dict[int, float]]:
    """Per node, its neighbours and similarities (positive ones), built by one sort, not a loop per pair."""
    positive = sims > 0
    rows = np.concatenate([pairs[positive, 0], pairs[positive, 1]])
    cols = np.concatenate([pairs[positive, 1], pairs[positive, 0]])
    vals = np.concatenate([sims[positive], sims[positive]]).astype(np.float64)
    order = np.argsort(rows, kind="stable")
    bounds = np.searchsorted(rows[order], np.arange(n + 1)).tolist()
    cols, vals = cols[order].tolist(), vals[order].tolist()
    return [dict(zip(cols[a:b], vals[a:b])) for a, b in zip(bounds, bounds[1:])]
