"""Candidate pairs for story clustering by blocking on shared distinctive terms.

Comparing every report with every other is quadratic. Instead each report is
indexed under its few highest-weighted terms (rare, specific ones: names, places,
numbers); only reports sharing at least two such terms are compared (one rare word
in common is often chance). A term found in more than
``max_df`` reports says nothing about the event and is not used to block, which keeps
the work near-linear in the number of reports.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import numpy as np
import scipy.sparse as sp

from .pairs import sort_pairs


def top_terms(matrix: sp.csr_matrix, k: int, max_df: int) -> sp.csr_matrix:
    """A 0/1 matrix keeping, per row, its k highest-weighted terms of document frequency 2..max_df."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    usable = (df >= 2) & (df <= max_df)
    rows, cols = [], []
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for r in range(matrix.shape[0]):
        lo, hi = indptr[r], indptr[r + 1]
        c, d = indices[lo:hi], data[lo:hi]
        ok = usable[c]
        c, d = c[ok], d[ok]
        if len(c) > k:
            c = c[np.argpartition(-d, k)[:k]]
        rows.append(np.full(len(c), r, dtype=np.int64))
        cols.append(c)
    r = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.empty(0, dtype=np.int64)
    return sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=matrix.shape)


# Reports per piece of the blocking join: bounds the memory of one piece's product.
JOIN_CHUNK = 4096

Mapper = Callable[[Callable[[tuple[int, int]], np.ndarray], list[tuple[int, int]]], Iterable[np.ndarray]]


def candidate_pairs(matrix: sp.csr_matrix, k: int, max_df: int, min_shared: int = 1,
                    short: np.ndarray | None = None, mapper: Mapper | None = None) -> np.ndarray:
    """Pairs (i < j) of reports sharing at least ``min_shared`` of their top-k blocking terms.

    A pair with a ``short`` report (a headline, a one-line brief) needs only one: two
    headlines of one event rarely share two distinctive words.

    The pairs come from a join on blocking terms done in pieces of JOIN_CHUNK reports,
    each joined against the whole term index: the pieces are independent, so ``mapper``
    (like the built-in ``map``, or a Dask client's) can run them anywhere; pairs come
    back sorted, the same however they were computed.
    """
    blocks = top_terms(matrix, k, max_df)
    index = blocks.T.tocsr()
    need_short = short if short is not None and short.any() else None
    piece = functools.partial(_join_piece, blocks, index, min_shared, need_short)
    bounds = [(lo, min(lo + JOIN_CHUNK, blocks.shape[0])) for lo in range(0, blocks.shape[0], JOIN_CHUNK)]
    parts = [p for p in (mapper or map)(piece, bounds) if len(p)]
    if not parts:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(parts)
    return sort_pairs(pairs, matrix.shape[0])


def _join_piece(blocks: sp.csr_matrix, index: sp.csr_matrix, min_shared: int, short: np.ndarray | None,
                bounds: tuple[int, int]) -> np.ndarray:
    """Pairs (i < j) with i in rows lo..hi, from those rows' blocking terms against the index."""
    lo, hi = bounds
    shared = (blocks[lo:hi] @ index).tocoo()
    rows = shared.row.astype(np.int64) + lo
    cols = shared.col.astype(np.int64)
    need = min_shared if short is None else np.where(short[rows] | short[cols], 1, min_shared)
    keep = (cols > rows) & (shared.data >= need)
    return np.stack([rows[keep], cols[keep]], axis=1)
