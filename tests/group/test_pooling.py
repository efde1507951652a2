"""Headlines of one big story share little pair by pair but much once pooled; full articles never pool;
Title Case headlines group with sentence-case ones."""
import numpy as np

from fixtures import corpus

from digest.group import GroupOptions, group_articles
from digest.group.features import entities
from digest.group.pooling import pool_short
from digest.model import Article

# A fictional story covered by many outlets over a week, each headline naming one or two of its details.
FERRY = [
    "Ferry Amsel Star sinks off Korvik with 200 aboard",
    "Korvik coastguard searches for missing ferry passengers",
    "Amsel Star captain arrested after Korvik sinking",
    "Divers reach wreck of the Amsel Star",
    "Families wait in Korvik harbour as ferry toll rises",
    "Ferry operator Nordlinje suspends sailings after sinking",
    "Nordlinje chief apologises for Amsel Star disaster",
    "Korvik mourns ferry victims at harbour vigil",
    "Amsel Star was overloaded, investigators say",
    "Prosecutors charge Nordlinje over ferry sinking",
    "Survivors of Amsel Star recall night in the water",
    "Nordlinje shares fall after Korvik ferry disaster",
]
# Another story of the same kind, a month later and elsewhere.
OTHER = [
    "Ferry Blue Tern runs aground near Salvik",
    "Blue Tern passengers rescued near Salvik",
    "Salvik ferry grounding blamed on fog",
]
# The rest of those days' news: other stories, whose words ("missing", "charge", "vigil") are
# common, as they are in any real day of headlines, so that what is rare is what tells.
BACKGROUND = [
    "Police search for missing climber on Mount Eskel", "Prosecutors charge former mayor of Tallin Bay",
    "Vigil held for victims of Dunmore bus crash", "Shares fall as Velmar Bank reports loss",
    "Captain of trawler Osprey arrested in fishing dispute", "Divers recover car from Lake Orren",
    "Operator suspends trains after Garvik derailment", "Families of missing miners wait at Brask pit",
    "Investigators say Hollin bridge was overloaded", "Survivors recall night of Ashcombe hotel fire",
    "Chief of Velmar Bank apologises to customers", "Coastguard rescues sailors off Cape Dorran",
    "Harbour workers strike in Tallin Bay", "Airline Skyvale suspends flights after engine fault",
    "Prosecutors charge two over Ashcombe hotel fire", "Miners rescued alive at Brask pit",
]


def _headlines(titles, prefix, start_day):
    return [Article(id=f"{prefix}{i}", title=t, summary=t, body=t, source=f"Outlet {i}",
                    date=f"2031-03-{start_day + i // 3:02d}T{6 + i % 3 * 5:02d}:00:00Z") for i, t in enumerate(titles)]


def _stories(options=None):
    articles = _headlines(FERRY, "f", 2) + _headlines(OTHER, "o", 28) + _headlines(BACKGROUND, "b", 1)
    return sorted(sorted(a.id[0] for a in s.articles) for s in group_articles(articles, options))


def test_pooled_pieces_of_a_big_story_of_headlines_come_out_whole():
    stories = _stories(GroupOptions(pool_threshold=0.2))
    assert ["f"] * len(FERRY) in stories
    assert ["o"] * len(OTHER) in stories  # the same kind of event a month later stays apart
    assert all(set(s) == {"b"} for s in stories if "b" in s)  # other stories stay apart


def test_without_pooling_the_same_headlines_come_out_in_pieces():
    pieces = [s for s in _stories(GroupOptions(pool_threshold=0)) if s[0] == "f"]
    assert len(pieces) > 1
    assert len([s for s in _stories() if s[0] == "f"]) <= len(pieces)


def test_groups_of_full_articles_never_pool():
    labels = np.arange(4)
    matrix = np.eye(4, dtype=np.float32)
    matrix[1] = matrix[0]
    import scipy.sparse as sp
    pairs = np.array([[0, 1], [2, 3]])
    stamps = np.full(4, np.nan)
    short = np.array([False, False, True, True])
    out = pool_short(labels, sp.csr_matrix(matrix), pairs, short, stamps, 0.4, 3.0)
    assert out[0] != out[1]  # identical centroids, but long reports: average linkage decides


def test_stories_of_full_articles_are_the_same_with_and_without_pooling():
    with_pool = group_articles(corpus())
    without = group_articles(corpus(), GroupOptions(pool_threshold=0))
    assert [[a.id for a in s.articles] for s in with_pool] == [[a.id for a in s.articles] for s in without]


def test_title_case_words_are_names_only_when_written_as_names_elsewhere():
    shouted = Article(id="t", title="Lindsay Lohan Checks Into Betty Ford Clinic Again")
    assert "n:checks" not in entities(shouted) and "t:checks" in entities(shouted)
    plain = Article(id="p", title="Lindsay Lohan checks into Betty Ford clinic", body="The actress checked in on Friday.")
    assert "n:lohan" in entities(plain)
    stories = group_articles([shouted, plain])
    assert len(stories) == 1
