"""Sparse TF-IDF vectors of reports: words and entities side by side.

One matrix, two blocks: word TF-IDF (headline weighted) scaled by sqrt(1 - w) and
entity TF-IDF scaled by sqrt(w), both L2-normalised first, so the dot product of
two rows is ``(1 - w) * cos(words) + w * cos(entities)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .features import Features, is_content_word
from .vocabulary import Vocabulary


@dataclass
class Vectors:
    """Row i describes report i.

    ``terms`` names the columns (content words, then ``n:``/``#``/``d:``/``c:``
    entities); ``word_columns`` and ``entity_columns`` map vocabulary ids to columns
    (-1: not a column).
    """

    matrix: sp.csr_matrix
    terms: list[str]
    idf: np.ndarray
    word_columns: np.ndarray
    entity_columns: np.ndarray


def vectorise(feats: list[Features], words: Vocabulary, names: Vocabulary, entity_weight: float) -> Vectors:
    """TF-IDF rows for the reports: sublinear term frequency, smoothed IDF, L2 rows.

    Built for 100,000 reports in little memory: 32-bit ids and weights, the CSR arrays
    assembled directly (no COO triplets), scaled in place.
    """
    mask = words.mask(is_content_word)
    word_columns = np.where(mask, np.cumsum(mask) - 1, -1).astype(np.int32)
    width = int(mask.sum())
    entity_ids = _entity_ids(names)
    entity_columns = np.where(entity_ids >= 0, entity_ids + width, -1)
    n = len(feats)
    word_block, word_idf = _tfidf([f.words for f in feats], [f.word_counts for f in feats], word_columns, width)
    entity_block, entity_idf = _tfidf([f.entities for f in feats], [f.entity_counts for f in feats], entity_ids,
                                      len(names))
    # Each block gets its weight, but a report with no entities (a headline in Title Case
    # naming nobody known) puts its whole weight on its words, and vice versa: a missing
    # block is no evidence of a different event.
    has_words = np.diff(word_block.indptr) > 0
    has_names = np.diff(entity_block.indptr) > 0
    w = max(min(entity_weight, 1.0), 0.0)
    _scale_rows(word_block, np.where(has_names, np.sqrt(1.0 - w), 1.0))
    _scale_rows(entity_block, np.where(has_words, np.sqrt(w), 1.0))
    terms = [t for t, keep in zip(words.terms, mask) if keep] + names.terms
    matrix = sp.hstack([word_block, entity_block], format="csr") if n else sp.csr_matrix((0, len(terms)), dtype=np.float32)
    del word_block, entity_block
    matrix.eliminate_zeros()
    return Vectors(matrix, terms, np.concatenate([word_idf, entity_idf]), word_columns, entity_columns)


def row_sums(matrix: sp.csr_matrix, values: np.ndarray) -> np.ndarray:
    """Per row of ``matrix``, the sum of ``values`` (one per stored entry, in its order)."""
    sums = np.zeros(matrix.shape[0], dtype=np.float64)
    if len(values):
        filled = np.diff(matrix.indptr) > 0
        sums[filled] = np.add.reduceat(values, matrix.indptr[:-1][filled])
    return sums


def group_sums(member_of: np.ndarray, n: int, matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Row g: the sum of the rows of ``matrix`` whose ``member_of`` is g (a group's centroid, unscaled)."""
    onehot = sp.csr_matrix((np.ones(len(member_of), dtype=matrix.dtype), (member_of, np.arange(len(member_of)))),
                           shape=(n, matrix.shape[0]))
    sums = (onehot @ matrix).tocsr()
    sums.sort_indices()
    return sums


def _scale_rows(matrix: sp.csr_matrix, factor: np.ndarray) -> None:
    """Multiply each row of ``matrix`` by its factor, in place."""
    matrix.data *= np.repeat(factor.astype(np.float32), np.diff(matrix.indptr))


def _entity_ids(names: Vocabulary) -> np.ndarray:
    """Column of each entity: its own, or for a possible name from a Title Case line (``t:x``)
    that of the name ``n:x`` when some report writes it as a name, else -1 (dropped)."""
    ids = np.arange(len(names))
    for i, term in enumerate(names.terms):
        if term.startswith("t:"):
            ids[i] = names.ids.get("n:" + term[2:], -1)
    return ids


def _tfidf(rows: list[np.ndarray], weights: list[np.ndarray], columns: np.ndarray,
           width: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows of id lists with their counts, and the IDF per column.

    ``columns`` maps an id to its column (-1: not a column, skipped); an id listed twice
    in a row (headline and text) adds up.
    """
    n = len(rows)
    ends = np.cumsum(np.fromiter((len(r) for r in rows), dtype=np.int64, count=n))
    cols = columns[np.concatenate(rows)] if n else np.empty(0, dtype=np.int32)
    keep = cols >= 0
    kept = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
    indptr = kept[np.concatenate([[0], ends])]
    tf = (np.concatenate(weights).astype(np.float32) if n else np.empty(0, dtype=np.float32))[keep]
    counts = sp.csr_matrix((tf, cols[keep].astype(np.int32), indptr), shape=(n, width))
    del cols, keep, tf
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=width)
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    np.log(counts.data, out=counts.data)
    counts.data += 1
    counts.data *= idf[counts.indices]
    norms = np.sqrt(row_sums(counts, counts.data * counts.data))
    _scale_rows(counts, 1 / np.maximum(norms, 1e-12))
    return counts, idf


def pair_similarity(matrix: sp.csr_matrix, pairs: np.ndarray, cells: int = 1 << 22, work: int = 1 << 19) -> np.ndarray:
    """Dot products of the given row pairs (never an n x n matrix, nor two row-indexed copies).

    Of each pair, the shorter row is walked entry by entry and the longer one looked
    up in a dense buffer holding a block of consecutive rows (``cells`` floats at
    most): the work is the sum over pairs of the *shorter* row's length, and the
    per-entry temporaries are those of one block (about ``work`` entries: small
    blocks reuse memory instead of faulting in fresh pages, which is slow here). Indexing the matrix by both
    rows of every pair (the plain scipy way) copied every row twice per pair and was
    three quarters of grouping's time; the walked rows alone are gathered by scipy's row
    indexing (one pass in C, half the time of numpy index arithmetic entry by entry).
    """
    out = np.zeros(len(pairs), dtype=np.float32)
    if len(pairs) == 0:
        return out
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    nnz = np.diff(indptr)
    a, b = pairs[:, 0], pairs[:, 1]
    short = nnz[a] <= nnz[b]
    look, walk = np.where(short, b, a), np.where(short, a, b)
    # rows below 2**16 sort as uint16: numpy's stable sort of 16-bit keys is a radix sort (same order, a tenth of the time)
    order = np.argsort(look.astype(np.uint16) if matrix.shape[0] <= 1 << 16 else look, kind="stable")
    look, walk = look[order], walk[order]
    width = matrix.shape[1]
    rows_per_block = max(1, cells // max(width, 1))
    dense = np.zeros(rows_per_block * width, dtype=np.float32)
    by_rows = np.searchsorted(look, np.arange(0, matrix.shape[0] + rows_per_block, rows_per_block))
    by_work = np.searchsorted(np.cumsum(nnz[walk]), np.arange(work, int(nnz[walk].sum()), work))
    edges = np.union1d(by_rows, by_work)
    result = np.zeros(len(pairs), dtype=np.float32)
    for lo, hi in zip(edges[:-1].tolist(), edges[1:].tolist()):
        if lo == hi:
            continue
        first, last = int(look[lo]), int(look[hi - 1])
        span = slice(indptr[first], indptr[last + 1])
        cells_used = np.repeat(np.arange(last - first + 1) * width, nnz[first:last + 1]) + indices[span]
        dense[cells_used] = data[span]
        walked = matrix[walk[lo:hi]]  # the pairs' shorter rows, one after another
        lens = np.diff(walked.indptr)
        at = np.repeat((look[lo:hi] - first) * width, lens)
        at += walked.indices
        products = dense[at] * walked.data
        some = lens > 0
        if some.any():
            result[lo:hi][some] = np.add.reduceat(products, walked.indptr[:-1][some])
        dense[cells_used] = 0.0
    out[order] = result
    return out
