"""Sparse TF-IDF vectors of reports: words and entities side by side.

One matrix, two blocks: word TF-IDF (headline weighted) scaled by sqrt(1 - w) and
entity TF-IDF scaled by sqrt(w), both L2-normalised first, so the dot product of
two rows is ``(1 - w) * cos(words) + w * cos(entities)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .features import Features


@dataclass
class Vectors:
    """Row i describes report i. ``terms`` names the columns (words, then ``n:``/``#``/``d:``/``c:`` entities)."""

    matrix: sp.csr_matrix
    terms: np.ndarray
    idf: np.ndarray


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def vectorise(feats: list[Features], entity_weight: float) -> Vectors:
    """TF-IDF rows for the reports (sublinear term frequency, smoothed IDF)."""
    word_lists = [f.words for f in feats]
    entity_lists = [f.entities for f in feats]
    blocks, names, idfs = [], [], []
    for lists, weight in ((word_lists, 1.0 - entity_weight), (entity_lists, entity_weight)):
        if weight <= 0 or not any(lists):
            continue
        vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
        blocks.append(vec.fit_transform(lists) * np.float32(np.sqrt(weight)))
        names.append(vec.get_feature_names_out())
        idfs.append(vec.idf_)
    if not blocks:
        return Vectors(sp.csr_matrix((len(feats), 0), dtype=np.float32), np.array([]), np.array([]))
    return Vectors(sp.hstack(blocks, format="csr"), np.concatenate(names), np.concatenate(idfs))


def pair_similarity(matrix: sp.csr_matrix, pairs: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Dot products of the given row pairs, computed in chunks (never an n x n matrix)."""
    out = np.empty(len(pairs), dtype=np.float32)
    for start in range(0, len(pairs), chunk):
        p = pairs[start:start + chunk]
        out[start:start + len(p)] = np.asarray(matrix[p[:, 0]].multiply(matrix[p[:, 1]]).sum(axis=1)).ravel()
    return out
