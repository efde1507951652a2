"""Pooled evidence for short reports: stories of headlines merge on what their reports say together.

Average linkage asks that two groups of reports be alike *on average, pair by pair*. Full
articles of one event are: each pair shares dozens of words. Headlines are not: each
headline of a big story names one or two of its details ("Plosser", "taper", "weather"),
so most pairs of its headlines share nothing, their mean similarity falls under the
threshold, and a story of two hundred headlines comes out as twenty pieces. What the
pieces share is seen when their reports are pooled: the sum of a piece's rows (its
centroid) holds every detail its headlines name, and two pieces of one story have
centroids far more alike than any two of their headlines.

So after average linkage, groups made mostly of short reports (``GroupOptions.short_terms``)
are merged further by the cosine of their centroids, best first, each merge pooling the
two (centroid agglomeration, as topic detection and tracking systems cluster news
streams). Groups of full articles take no part: their average linkage is already right,
and pooling would join two events of one kind (two earthquakes) that differ in a few
names. Only groups linked by a candidate pair of reports are compared, and a gap in
time between two groups' coverage fades their similarity as it fades a pair's (see
window.py), so a story covered day after day pools on, while the same kind of event a
month later stays apart.
"""
from __future__ import annotations

import heapq

import numpy as np
import scipy.sparse as sp

from .pairs import unique_pairs
from .window import coverage_spans


def pool_short(labels: np.ndarray, matrix: sp.csr_matrix, pairs: np.ndarray, short: np.ndarray,
               stamps: np.ndarray, threshold: float, window_days: float, short_share: float = 0.5) -> np.ndarray:
    """Labels after merging groups of mostly short reports whose centroids are alike.

    ``labels`` per report (from average linkage), ``matrix`` the reports' TF-IDF rows,
    ``pairs`` the candidate pairs of reports, ``short`` which reports are short,
    ``stamps`` each report's time in seconds (NaN when undated).
    """
    labels = np.asarray(labels)
    groups, member_of = np.unique(labels, return_inverse=True)
    n = len(groups)
    size = np.bincount(member_of, minlength=n)
    pooled = np.bincount(member_of, weights=short.astype(np.float64), minlength=n) >= short_share * size
    if pooled.sum() < 2 or len(pairs) == 0:
        return labels
    a, b = member_of[pairs[:, 0]], member_of[pairs[:, 1]]
    keep = (a != b) & pooled[a] & pooled[b]
    links = unique_pairs(a[keep], b[keep], n)
    if len(links) == 0:
        return labels
    onehot = sp.csr_matrix((np.ones(len(member_of)), (member_of, np.arange(len(member_of)))), shape=(n, len(labels)))
    sums = (onehot @ matrix.astype(np.float64)).tocsr()
    centroid = [(sums.indices[sums.indptr[g]:sums.indptr[g + 1]], sums.data[sums.indptr[g]:sums.indptr[g + 1]])
                for g in range(n)]
    norm = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    first, last = coverage_spans(member_of, stamps, n)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for x, y in links.tolist():
        neighbours[x].add(y)
        neighbours[y].add(x)

    def similarity(x: int, y: int) -> float:
        (ix, vx), (iy, vy) = centroid[x], centroid[y]
        _, at_x, at_y = np.intersect1d(ix, iy, assume_unique=True, return_indices=True)
        cos = float(vx[at_x] @ vy[at_y]) / max(norm[x] * norm[y], 1e-12)
        return cos * _fade(first[x], last[x], first[y], last[y], window_days)

    version = [0] * n
    heap = []
    for x, y in links.tolist():
        s = similarity(x, y)
        if s >= threshold:
            heap.append((-s, x, y, 0, 0))
    heapq.heapify(heap)
    alive = np.ones(n, dtype=bool)
    parent = np.arange(n)
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if not (alive[x] and alive[y]) or version[x] != vx or version[y] != vy:
            continue
        if len(centroid[x][0]) < len(centroid[y][0]):
            x, y = y, x
        alive[y] = False  # merge y into x: pool the centroids, join the spans and the neighbours
        parent[y] = x
        idx = np.concatenate([centroid[x][0], centroid[y][0]])
        val = np.concatenate([centroid[x][1], centroid[y][1]])
        idx, at = np.unique(idx, return_inverse=True)
        centroid[x] = (idx, np.bincount(at, weights=val))
        norm[x] = float(np.sqrt(centroid[x][1] @ centroid[x][1]))
        first[x], last[x] = np.fmin(first[x], first[y]), np.fmax(last[x], last[y])
        neighbours[x] = (neighbours[x] | neighbours[y]) - {x, y}
        for z in neighbours[y]:
            neighbours[z].discard(y)
            if z != x:
                neighbours[z].add(x)
        neighbours[y] = set()
        centroid[y] = (np.empty(0, dtype=np.int32), np.empty(0))
        version[x] += 1
        for z in neighbours[x]:
            s = similarity(x, z)
            if s >= threshold:
                lo, hi = (x, z) if x < z else (z, x)
                heapq.heappush(heap, (-s, lo, hi, version[lo], version[hi]))
    for g in range(n):  # follow merges to the surviving group
        root = g
        while parent[root] != root:
            root = parent[root]
        parent[g] = root
    return groups[parent[member_of]]


def _fade(first_x: float, last_x: float, first_y: float, last_y: float, window_days: float) -> float:
    """1 when two groups' coverage is within ``window_days`` of overlapping, then e^-1 per window more."""
    if np.isnan(first_x) or np.isnan(first_y):
        return 1.0
    gap = max(first_x, first_y) - min(last_x, last_y)
    over = max(0.0, gap - window_days)
    return float(np.exp(-over / max(window_days, 1e-9)))
