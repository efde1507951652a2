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
    """TF-IDF rows for the reports: sublinear term frequency, smoothed IDF, L2 rows."""
    mask = words.mask(is_content_word)
    word_columns = np.where(mask, np.cumsum(mask) - 1, -1)
    width = int(mask.sum())
    entity_ids = _entity_ids(names)
    entity_columns = np.where(entity_ids >= 0, entity_ids + width, -1)
    n = len(feats)
    word_block = _tfidf([word_columns[f.words] for f in feats], [f.word_counts for f in feats], width)
    entity_block = _tfidf([entity_ids[f.entities] for f in feats], [f.entity_counts for f in feats], len(names))
    # Each block gets its weight, but a report with no entities (a headline in Title Case
    # naming nobody known) puts its whole weight on its words, and vice versa: a missing
    # block is no evidence of a different event.
    has_words = np.diff(word_block[0].indptr) > 0
    has_names = np.diff(entity_block[0].indptr) > 0
    w = max(min(entity_weight, 1.0), 0.0)
    word_scale = np.where(has_names, np.sqrt(1.0 - w), 1.0).astype(np.float32)
    name_scale = np.where(has_words, np.sqrt(w), 1.0).astype(np.float32)
    blocks = [sp.diags(word_scale) @ word_block[0], sp.diags(name_scale) @ entity_block[0]]
    terms = [t for t, keep in zip(words.terms, mask) if keep] + names.terms
    matrix = sp.hstack(blocks, format="csr") if n else sp.csr_matrix((0, len(terms)), dtype=np.float32)
    matrix.eliminate_zeros()
    return Vectors(matrix, terms, np.concatenate([word_block[1], entity_block[1]]), word_columns, entity_columns)


def _entity_ids(names: Vocabulary) -> np.ndarray:
    """Column of each entity: its own, or for a possible name from a Title Case line (``t:x``)
    that of the name ``n:x`` when some report writes it as a name, else -1 (dropped)."""
    ids = np.arange(len(names))
    for i, term in enumerate(names.terms):
        if term.startswith("t:"):
            ids[i] = names.ids.get("n:" + term[2:], -1)
    return ids


def _tfidf(rows: list[np.ndarray], weights: list[np.ndarray], width: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF of id lists with their counts (ids < 0 are skipped), and the IDF per column."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    cols = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
    tf = np.concatenate(weights).astype(np.float32) if rows else np.empty(0, dtype=np.float32)
    row_of = np.repeat(np.arange(len(rows)), lengths)
    keep = cols >= 0
    counts = sp.csr_matrix((tf[keep], (row_of[keep], cols[keep])), shape=(len(rows), width))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=width)
    idf = (np.log((1 + len(rows)) / (1 + df)) + 1).astype(np.float32)
    counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    return sp.diags((1 / np.maximum(norms, 1e-12)).astype(np.float32)) @ counts, idf


def pair_similarity(matrix: sp.csr_matrix, pairs: np.ndarray, cells: int = 1 << 22, work: int = 1 << 19) -> np.ndarray:
    """Dot products of the given row pairs (never an n x n matrix, nor two row-indexed copies).

    Of each pair, the shorter row is walked entry by entry and the longer one looked
    up in a dense buffer holding a block of consecutive rows (``cells`` floats at
    most): the work is the sum over pairs of the *shorter* row's length, and the
    per-entry temporaries are those of one block (about ``work`` entries: small
    blocks reuse memory instead of faulting in fresh pages, which is slow here). Indexing the matrix by both
    rows of every pair (the plain scipy way) copied every row twice per pair and was
    three quarters of grouping's time.
    """
    out = np.zeros(len(pairs), dtype=np.float32)
    if len(pairs) == 0:
        return out
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    nnz = np.diff(indptr)
    a, b = pairs[:, 0], pairs[:, 1]
    short = nnz[a] <= nnz[b]
    look, walk = np.where(short, b, a), np.where(short, a, b)
    order = np.argsort(look, kind="stable")
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
        w = walk[lo:hi]
        lens = nnz[w]
        ends = np.cumsum(lens)
        starts = ends - lens
        pair_of = np.repeat(np.arange(hi - lo), lens)
        entry = np.arange(int(ends[-1])) + (indptr[w] - starts)[pair_of]
        products = dense[((look[lo:hi] - first) * width)[pair_of] + indices[entry]] * data[entry]
        some = lens > 0
        if some.any():
            result[lo:hi][some] = np.add.reduceat(products, starts[some])
        dense[cells_used] = 0.0
    out[order] = result
    return out
