"""Average-linkage clustering over a sparse similarity graph.

Classic average linkage (UPGMA) merges the two clusters with the highest mean
pairwise similarity until none is above the threshold. Here only candidate pairs
carry a similarity; every other pair counts as 0, which is what blocking assumes
anyway. Merging keeps, per cluster, the *sum* of similarities to each neighbour,
so a merge touches only the merged clusters' neighbours, never all n clusters.
"""
from __future__ import annotations

import heapq

import numpy as np


def average_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, threshold: float) -> list[int]:
    """Cluster label per node (labels are representative node indexes).

    ``pairs`` are distinct (i, j) with i < j, as blocking makes them.
    """
    size = [1] * n
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
        if len(links[a]) < len(links[b]):
            a, b = b, a
        # merge b into a
        alive[b] = False
        label[b] = a
        la = links[a]
        la.pop(b, None)
        for c, s in links[b].items():
            if c == a:
                continue
            la[c] = la.get(c, 0.0) + s
            lc = links[c]
            lc[a] = lc.get(a, 0.0) + lc.pop(b)
        links[b] = {}
        size[a] += size[b]
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
