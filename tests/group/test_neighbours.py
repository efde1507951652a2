"""Second-order similarity: neighbour lists, and why a weak neighbour is left out."""
import numpy as np

from digest.group.neighbours import second_order, top_k_graph


def test_list_keeps_self_and_neighbours_near_the_best():
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    sims = np.array([0.6, 0.2, 0.1], dtype=np.float32)
    graph = top_k_graph(3, pairs, sims, k=5, ratio=0.5).toarray()
    assert graph[0, 0] > 0 and graph[0, 1] > 0 and graph[0, 2] == 0  # 0.2 < half of 0.6
    assert graph[2, 0] > 0 and graph[2, 1] > 0  # 0.1 >= half of 0.2: both kept
    assert np.allclose(np.linalg.norm(graph, axis=1), 1)


def test_two_small_stories_of_one_kind_do_not_look_alike_through_their_neighbours():
    # stories {0, 1} and {2, 3}: strong inside, weak (0.2) across
    pairs = np.array([[0, 1], [2, 3], [0, 2], [1, 3], [0, 3], [1, 2]])
    sims = np.array([0.5, 0.5, 0.2, 0.2, 0.2, 0.2], dtype=np.float32)
    across_open = second_order(4, pairs, sims, k=5, ratio=0.0)[0][2:]
    across_strict = second_order(4, pairs, sims, k=5, ratio=0.5)[0][2:]
    assert (across_strict == 0).all() and (across_open > 0.3).all()


def test_lists_sharing_no_third_report_are_told_apart():
    # 0 and 1 are each other's only neighbour: their lists hold just the two of them, alike
    # whatever the reports say; 2, 3 and 4 share each other as neighbours
    pairs = np.array([[0, 1], [2, 3], [2, 4], [3, 4]])
    sims = np.array([0.1, 0.3, 0.3, 0.3], dtype=np.float32)
    cos, beyond = second_order(5, pairs, sims, k=5)
    assert cos[0] > 0.15  # about twice the pair's own cosine
    assert abs(beyond[0]) < 1e-6
    assert (beyond[1:] > 0.05).all()  # each pair: the third report in both lists


def test_each_list_holds_the_k_best_in_order_ties_by_position():
    # many equal similarities: the list keeps those np.lexsort((-sims, rows)) ranks first
    rng = np.random.default_rng(7)
    n = 60
    pairs = np.array([(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.3])
    sims = rng.choice(np.array([0.1, 0.25, 0.5, 0.75], dtype=np.float32), len(pairs))
    graph = top_k_graph(n, pairs, sims, k=3, ratio=0.0).toarray()
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    vals = np.concatenate([sims, sims])
    for r in range(n):
        mine = np.flatnonzero(rows == r)
        ranked = mine[np.lexsort((-vals[mine],))][:3]  # stable: equal ones keep their order
        assert set(np.flatnonzero(graph[r])) == {r, *cols[ranked].tolist()}
