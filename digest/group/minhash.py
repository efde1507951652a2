"""MinHash signatures and LSH banding: candidate near-duplicate pairs in near-linear time.

A small numpy implementation (no extra dependency): shingles are hashed to 32-bit
integers, each of ``num_perm`` universal hash functions keeps its minimum, and
signatures are cut into bands; two texts whose rows agree in any band are a
candidate pair. With 32 hashes in 16 bands of 2 rows, a pair of Jaccard 0.5 (a copy
trimmed to half) is found with probability 0.99, one of Jaccard 0.4 with 0.94;
candidates are then checked exactly, so a loose band setting costs little.
Hashing is multiply-shift (Dietzfelbinger) in 64-bit integers: no modulo, fast.
"""
from __future__ import annotations

import numpy as np

from .pairs import unique_pairs

_SHIFT = np.uint64(32)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio), for mixing shingle words
_MAX32 = np.uint64(0xFFFFFFFF)
_CHUNK = 8_000  # shingles hashed at once: a 2 MB temporary, reused (fresh large ones page-fault: 3x slower)


def shingles(ids: np.ndarray, k: int) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the k-token shingles of a text given as token hashes.

    A shingle's hash mixes its k token hashes with a multiply-xor chain in numpy. A
    text shorter than k tokens is one shingle.
    """
    if len(ids) == 0:
        return np.empty(0, dtype=np.uint64)
    ids = ids.astype(np.uint64, copy=False)
    width = min(k, len(ids))
    h = np.zeros(len(ids) - width + 1, dtype=np.uint64)
    for offset in range(width):
        h = (h ^ ids[offset:offset + len(h)]) * _MIX
    return np.unique(h >> _SHIFT)


def signatures(sets: list[np.ndarray], num_perm: int = 32, seed: int = 7) -> np.ndarray:
    """One row of ``num_perm`` minimum hashes per shingle set (empty sets: all max).

    All shingles are laid end to end and hashed in chunks; ``np.minimum.reduceat``
    takes each set's minimum, so there is no Python loop over hash functions.
    """
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    out = np.full((len(sets), num_perm), _MAX32, dtype=np.uint64)
    rows = [i for i, s in enumerate(sets) if len(s)]
    start = 0
    while start < len(rows):
        stop, size = start, 0
        while stop < len(rows) and (size == 0 or size + len(sets[rows[stop]]) <= _CHUNK):
            size += len(sets[rows[stop]])
            stop += 1
        chunk = rows[start:stop]
        lengths = np.fromiter((len(sets[i]) for i in chunk), dtype=np.int64, count=len(chunk))
        x = np.concatenate([sets[i] for i in chunk])
        hashed = (x[:, None] * a[None, :] + b[None, :]) >> _SHIFT  # multiply-shift hashing
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        out[chunk] = np.minimum.reduceat(hashed, offsets, axis=0)
        start = stop
    return out


def candidate_pairs(sigs: np.ndarray, bands: int = 16, skip: np.ndarray | None = None) -> np.ndarray:
    """Index pairs (i, j), i < j, whose signatures agree on every row of some band.

    Members of one bucket are paired with the bucket's first member only (a star,
    not a clique): copies are later joined transitively, and a bucket of a thousand
    identical texts costs a thousand pairs, not half a million. ``skip`` marks rows
    (empty texts) that must pair with nothing.
    """
    n, num_perm = sigs.shape
    rows = num_perm // bands
    keep = np.ones(n, dtype=bool) if skip is None else ~skip
    idx = np.flatnonzero(keep)
    if len(idx) < 2:
        return np.empty((0, 2), dtype=np.int64)
    mult = np.random.default_rng(11).integers(1, 1 << 62, size=rows, dtype=np.uint64) | np.uint64(1)
    found = []
    for band in range(bands):
        key = (sigs[idx, band * rows:(band + 1) * rows] * mult).sum(axis=1)
        order = np.argsort(key, kind="stable")
        sk = key[order]
        new_run = np.concatenate(([True], sk[1:] != sk[:-1]))
        head = order[np.maximum.accumulate(np.where(new_run, np.arange(len(sk)), 0))]
        member = ~new_run
        found.append(np.stack([idx[head[member]], idx[order[member]]], axis=1))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    return unique_pairs(pairs[:, 0], pairs[:, 1], n) if len(pairs) else pairs.reshape(0, 2)
