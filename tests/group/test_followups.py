"""A story's coverage weeks later joins it; the next event of the same kind does not (fictional stories)."""
import dataclasses

import numpy as np
import scipy.sparse as sp

from fixtures import BUS_CHARGE, BUS_CRASH, EXCHANGE, OTHER_CRASH, article, corpus, monthly_decisions

from digest.group import GroupOptions, group_articles
from digest.group.followups import join_follow_ups


def _stories(articles, options=None):
    return sorted(sorted(a.id for a in s.articles) for s in group_articles(articles, options))


def _news():
    return [article(r) for r in BUS_CRASH + [BUS_CHARGE] + OTHER_CRASH + EXCHANGE] + corpus()


def test_a_charge_three_weeks_after_the_crash_joins_its_story_and_another_crash_stays_apart():
    stories = _stories(_news())
    assert ["bus-1", "bus-2", "bus-3", "bus-4"] in stories
    assert ["bus-b1", "bus-b2"] in stories
    assert _stories(_news(), GroupOptions(follow_up_ratio=0)).count(["bus-4"]) == 1  # the fade alone splits it


def test_monthly_decisions_of_one_bank_stay_five_stories():
    stories = _stories(monthly_decisions())
    assert stories == [[f"cb{m}-{x}" for x in "abc"] for m in range(5)]
    undated = [dataclasses.replace(a, date=None) for a in monthly_decisions()]
    assert len(_stories(undated)) < 5  # on text alone they run together: the dates keep them apart


def test_no_follow_up_beyond_the_horizon():
    late = article(BUS_CHARGE)
    late.date = "2031-08-28T09:30:00Z"  # four months on
    stories = _stories([article(r) for r in BUS_CRASH] + [late])
    assert ["bus-4"] in stories
    assert ["bus-1", "bus-2", "bus-3", "bus-4"] in _stories([article(r) for r in BUS_CRASH] + [late],
                                                            GroupOptions(follow_up_days=150))


def test_means_across_and_within_come_from_centroids():
    # group 0: reports 0, 1 (cosine 0.6); group 1: report 2, 30 days later, cosine 0.5 to both
    rows = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.5, 0.25, np.sqrt(1 - 0.25 - 0.0625)]])
    matrix = sp.csr_matrix(rows)
    labels = np.array([0, 0, 2])
    pairs = np.array([[0, 2], [1, 2]])
    short = np.zeros(3, dtype=bool)
    stamps = np.array([0.0, 3600.0, 30 * 86400.0])
    across = (0.5 + (0.6 * 0.5 + 0.8 * 0.25)) / 2  # 0.5
    assert join_follow_ups(labels, matrix, pairs, short, stamps, 3.0, 60.0, 0.13, across / 0.6 - 1e-6).tolist() == [0, 0, 0]
    assert join_follow_ups(labels, matrix, pairs, short, stamps, 3.0, 60.0, 0.13, across / 0.6 + 0.01).tolist() == [0, 0, 2]
    assert join_follow_ups(labels, matrix, pairs, short, stamps, 3.0, 20.0, 0.13, 0.5).tolist() == [0, 0, 2]
    assert join_follow_ups(labels, matrix, pairs, short | True, stamps, 3.0, 60.0, 0.13, 0.5).tolist() == [0, 0, 2]


def test_a_late_piece_inside_its_storys_span_is_compared_too():
    # group 0 spans days 0 to 40 (the fade would split its ends from a report between);
    # report 2, on day 20, lies inside that span, 0.5 alike to both
    rows = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.5, 0.25, np.sqrt(1 - 0.25 - 0.0625)]])
    labels = np.array([0, 0, 2])
    stamps = np.array([0.0, 40 * 86400.0, 20 * 86400.0])
    joined = join_follow_ups(labels, sp.csr_matrix(rows), np.array([[0, 2], [1, 2]]), np.zeros(3, dtype=bool),
                             stamps, 3.0, 60.0, 0.13, 0.6)
    assert joined.tolist() == [0, 0, 0]
    near = np.array([0.0, 3600.0, 7200.0])  # all within the window: average linkage decided, no second look
    assert join_follow_ups(labels, sp.csr_matrix(rows), np.array([[0, 2], [1, 2]]), np.zeros(3, dtype=bool),
                           near, 3.0, 60.0, 0.13, 0.6).tolist() == [0, 0, 2]


def test_a_tight_pair_is_held_to_the_pooled_within_not_its_own():
    # group 0: two near-identical reports (0.9); group 1, 30 days on: two looser ones (0.3); 0.4 across.
    # Held to the tighter group, 0.4 < 0.6 x 0.9; pooled, the pairs within average 0.6 and 0.4 >= 0.36.
    gram = np.full((4, 4), 0.4)
    gram[0, 1] = gram[1, 0] = 0.9
    gram[2, 3] = gram[3, 2] = 0.3
    np.fill_diagonal(gram, 1.0)
    rows = np.linalg.cholesky(gram)
    labels = np.array([0, 0, 2, 2])
    stamps = np.array([0.0, 3600.0, 30 * 86400.0, 30 * 86400.0 + 3600.0])
    pairs = np.array([[0, 2], [1, 3]])
    args = (sp.csr_matrix(rows), pairs, np.zeros(4, dtype=bool), stamps, 3.0, 60.0, 0.13)
    assert join_follow_ups(labels, *args, 0.6).tolist() == [0, 0, 0, 0]
    assert join_follow_ups(labels, *args, 0.7).tolist() == [0, 0, 2, 2]  # 0.4 < 0.7 x 0.6


def test_a_follow_up_names_its_story_when_it_is_the_latest_report():
    # three weeks on, the driver is charged: the story says so, though the time that passed
    # left the charge no pair similarity within the story's window
    story = next(s for s in group_articles(_news()) if "bus-4" in [a.id for a in s.articles])
    assert story.headline_from == "bus-4"
    assert story.title == BUS_CHARGE[3]
    assert story.id == next(s.id for s in group_articles([article(r) for r in BUS_CRASH]))  # the id stays put
