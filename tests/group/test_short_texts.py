"""Short reports (headlines, one-line briefs): one shared distinctive term makes a candidate, and
their similarity is scaled up only when both reports of a pair are short."""
import numpy as np
import scipy.sparse as sp

from digest.group.blocking import candidate_pairs
from digest.group.clustering import direct_share, short_scale


def _matrix():
    # rows 0 and 1 share one term (column 0); rows 1 and 2 share two (columns 1, 2)
    rows = [0, 0, 1, 1, 1, 2, 2, 3]
    cols = [0, 3, 0, 1, 2, 1, 2, 4]
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(4, 5))


def test_one_shared_term_is_enough_only_for_a_short_report():
    m = _matrix()
    assert candidate_pairs(m, 20, 300, 2).tolist() == [[1, 2]]
    short = np.array([True, False, False, False])
    assert candidate_pairs(m, 20, 300, 2, short).tolist() == [[0, 1], [1, 2]]


def test_similarity_is_boosted_only_between_two_short_reports():
    short = np.array([True, True, False])
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    assert short_scale(short, pairs, 1.5).tolist() == [1.5, 1.0, 1.0]
    assert short_scale(short, np.empty((0, 2), dtype=np.int64), 1.5).tolist() == []


def test_two_short_reports_lean_on_their_own_cosine():
    short = np.array([True, True, False])
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    assert direct_share(short, pairs, 0.5, 0.75).tolist() == [0.75, 0.5, 0.5]
    assert direct_share(short, np.empty((0, 2), dtype=np.int64), 0.5, 0.75).tolist() == []
