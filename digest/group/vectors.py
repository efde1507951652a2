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
    entity_columns = np.arange(len(names)) + int(mask.sum())
    n = len(feats)
    word_block = _tfidf([word_columns[f.words] for f in feats], int(mask.sum()))
    entity_block = _tfidf([f.entities for f in feats], len(names))
    blocks = []
    for (matrix, _), weight in ((word_block, 1.0 - entity_weight), (entity_block, entity_weight)):
        blocks.append(matrix * np.float32(np.sqrt(max(weight, 0.0))))
    terms = [t for t, keep in zip(words.terms, mask) if keep] + names.terms
    matrix = sp.hstack(blocks, format="csr") if n else sp.csr_matrix((0, len(terms)), dtype=np.float32)
    matrix.eliminate_zeros()
    return Vectors(matrix, terms, np.concatenate([word_block[1], entity_block[1]]), word_columns, entity_columns)


def _tfidf(rows: list[np.ndarray], width: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF of id lists (ids < 0 are skipped), and the IDF per column."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    cols = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
    row_of = np.repeat(np.arange(len(rows)), lengths)
    keep = cols >= 0
    counts = sp.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32), (row_of[keep], cols[keep])),
                           shape=(len(rows), width))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=width)
    idf = (np.log((1 + len(rows)) / (1 + df)) + 1).astype(np.float32)
    counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    return sp.diags((1 / np.maximum(norms, 1e-12)).astype(np.float32)) @ counts, idf


def pair_similarity(matrix: sp.csr_matrix, pairs: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Dot products of the given row pairs, computed in chunks (never an n x n matrix)."""
    out = np.empty(len(pairs), dtype=np.float32)
    for start in range(0, len(pairs), chunk):
        p = pairs[start:start + chunk]
        out[start:start + len(p)] = np.asarray(matrix[p[:, 0]].multiply(matrix[p[:, 1]]).sum(axis=1)).ravel()
    return out
