"""Second-order similarity: two reports are alike when their nearest neighbours are.

Two articles about different earthquakes in one country share much vocabulary, so
their direct cosine can be as high as that of two articles about the same quake.
But each one's closest neighbours are reports of *its own* event: comparing the
neighbour lists (shared-nearest-neighbour similarity) separates the two events far
better (on ecb-dev, the pair AUC within a topic goes from 0.93 to 0.97). Everything
is sparse: each report keeps its k best neighbours among the candidate pairs.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .vectors import pair_similarity


def top_k_graph(n: int, pairs: np.ndarray, sims: np.ndarray, k: int, ratio: float = 0.0) -> sp.csr_matrix:
    """Each row: the report itself (weight 1) and its k most similar candidates, L2-normalised.

    A neighbour less than ``ratio`` times as similar as the report's best one is left
    out: a story of two reports must not fill its list with the next story of the
    same kind, or the two stories' lists would overlap and look alike.
    """
    rows = np.concatenate([pairs[:, 0], pairs[:, 1], np.arange(n)])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0], np.arange(n)])
    vals = np.concatenate([sims, sims, np.ones(n, dtype=sims.dtype)]).astype(np.float32)
    keep = vals > 0
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.argsort(_row_then_descending(rows, vals), kind="stable")
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, np.arange(n))
    rank = np.arange(len(rows)) - starts[rows]
    best = np.zeros(n, dtype=np.float32)
    np.maximum.at(best, rows[rank == 1], vals[rank == 1])
    # the report itself ranks first (weight 1), then up to k neighbours near the best
    keep = (rank == 0) | ((rank <= k) & (vals >= ratio * best[rows]))
    graph = sp.csr_matrix((vals[keep], (rows[keep], cols[keep])), shape=(n, n))
    norms = np.sqrt(np.asarray(graph.multiply(graph).sum(axis=1)).ravel())
    return sp.diags(1.0 / np.maximum(norms, 1e-12)).dot(graph).tocsr()


def _row_then_descending(rows: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """One int64 key per entry ordering by row, then by value high to low (``vals`` positive
    float32): the order of ``np.lexsort((-vals, rows))`` in one stable sort, a quarter of its time.

    A positive float32's bits, read as an integer, grow with it, so 2**31 - 1 less them falls.
    """
    return (rows.astype(np.int64) << 31) | (np.int64(0x7FFFFFFF) - vals.view(np.int32))


def second_order(n: int, pairs: np.ndarray, sims: np.ndarray, k: int,
                 ratio: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of the pairs' neighbour lists, for the same pairs, and the part of it that
    neighbours other than the two reports make (0: the lists share no third report)."""
    if len(pairs) == 0:
        return sims, sims
    graph = top_k_graph(n, pairs, sims, k, ratio)
    cos = pair_similarity(graph, pairs)
    a, b = pairs[:, 0], pairs[:, 1]
    own = graph.diagonal()
    mutual = own[a] * np.asarray(graph[b, a]).ravel() + np.asarray(graph[a, b]).ravel() * own[b]
    return cos, cos - mutual
