"""Pair similarities: the dot products of chosen row pairs, computed block by block."""
import numpy as np
import scipy.sparse as sp

from digest.group.vectors import pair_similarity


def _matrix(rng, n, width, dtype):
    m = sp.random(n, width, density=0.05, format="csr", random_state=rng, dtype=dtype)
    for r in rng.choice(n, 3, replace=False):  # some empty rows
        m.data[m.indptr[r]:m.indptr[r + 1]] = 0
    m.eliminate_zeros()
    return m


def test_pairs_get_their_rows_dot_product_whatever_the_blocks():
    rng = np.random.default_rng(3)
    for dtype in (np.float32, np.float64):
        m = _matrix(rng, 80, 300, dtype)
        pairs = rng.integers(0, 80, size=(500, 2))
        expected = (m[pairs[:, 0]].multiply(m[pairs[:, 1]])).sum(axis=1).A.ravel()
        for cells, work in ((1 << 22, 1 << 19), (600, 50), (300, 1)):  # one block; many small ones
            got = pair_similarity(m, pairs, cells=cells, work=work)
            assert got.dtype == np.float32 and np.allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_no_pairs_and_empty_rows():
    m = sp.csr_matrix((4, 5), dtype=np.float32)
    assert len(pair_similarity(m, np.empty((0, 2), dtype=np.int64))) == 0
    assert (pair_similarity(m, np.array([[0, 1], [2, 3]])) == 0).all()
