"""pairs.py: integer-keyed pair sorting gives exactly what the two-column numpy sorts gave."""
import numpy as np

from digest.group.pairs import sort_pairs, unique_pairs


def test_unique_pairs_matches_row_unique_of_sorted_rows():
    rng = np.random.default_rng(5)
    a, b = rng.integers(0, 300, 5000), rng.integers(0, 300, 5000)
    expected = np.unique(np.sort(np.stack([a, b], axis=1), axis=1), axis=0)
    got = unique_pairs(a, b, 300)
    assert got.dtype == expected.dtype
    assert np.array_equal(got, expected)


def test_unique_pairs_of_nothing_is_empty():
    assert unique_pairs(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), 10).shape == (0, 2)


def test_sort_pairs_orders_by_first_then_second():
    pairs = np.array([[3, 9], [0, 7], [3, 4], [0, 2], [12, 13]])
    assert sort_pairs(pairs, 14).tolist() == [[0, 2], [0, 7], [3, 4], [3, 9], [12, 13]]
