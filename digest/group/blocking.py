"""Candidate pairs for story clustering by blocking on shared distinctive terms.

Comparing every report with every other is quadratic. Instead each report is
indexed under its few highest-weighted terms (rare, specific ones: names, places,
numbers); only reports sharing at least two such terms are compared (one rare word
in common is often chance). A term found in more than
``max_df`` reports says nothing about the event and is not used to block, which keeps
the work near-linear in the number of reports.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp


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


def candidate_pairs(matrix: sp.csr_matrix, k: int, max_df: int, min_shared: int = 1,
                    short: np.ndarray | None = None) -> np.ndarray:
    """Pairs (i < j) of reports sharing at least ``min_shared`` of their top-k blocking terms.

    A pair with a ``short`` report (a headline, a one-line brief) needs only one: two
    headlines of one event rarely share two distinctive words.
    """
    blocks = top_terms(matrix, k, max_df)
    shared = sp.triu(blocks @ blocks.T, k=1).tocoo()
    need = min_shared
    if short is not None and short.any():
        need = np.where(short[shared.row] | short[shared.col], 1, min_shared)
    keep = shared.data >= need
    return np.stack([shared.row[keep], shared.col[keep]], axis=1).astype(np.int64)
