"""Undated headlines of two events of one kind come apart when each event's headlines keep naming
their own particulars; headlines of one event that each pick a different detail stay one story."""
import numpy as np
import scipy.sparse as sp

from digest.group import GroupOptions, group_articles
from digest.group.particulars import split_apart
from digest.model import Article

# Two fictional fires at stores of one chain, in two towns, reported alike; no dates (a
# headline list, an aggregator page): only the towns tell them apart.
FIRE_BANWICK = [
    "Fire destroys Hollins supermarket in Banwick",
    "Banwick supermarket blaze: police suspect arson",
    "Huge fire guts Hollins store on Banwick high street",
    "Banwick Hollins store fire treated as arson",
]
FIRE_CARROW = [
    "Hollins supermarket in Carrow badly damaged by fire",
    "Man charged with arson after Carrow Hollins fire",
    "Fire at Hollins store in Carrow town centre tackled",
    "Carrow supermarket fire: police arrest man",
]
# One fictional champion's two fights, against two opponents.
FIGHT_ORLOV = [
    "Dario Venkov stops Orlov in seventh round to keep heavyweight belts",
    "Venkov retains titles with win over Orlov",
    "Orlov no match for champion Venkov",
    "Champion Venkov too strong for Orlov",
]
FIGHT_KESSLER = [
    "Dario Venkov knocks out Kessler to retain heavyweight titles",
    "Kessler falls to Venkov in sixth round",
    "Venkov beats Kessler, keeps world heavyweight belts",
    "Champion Venkov stops Kessler",
]
# Two fictional quakes and two fictional rehab check-ins: different places and people.
QUAKE_KORVIK = [
    "Magnitude 6.1 quake strikes Korvik province, 14 dead",
    "Korvik earthquake death toll climbs as rescuers dig through rubble",
    "Strong quake jolts Korvik; villages in Tessaly valley flattened",
    "Rescuers search Tessaly valley villages after Korvik quake",
]
QUAKE_MARENNE = [
    "Magnitude 5.4 quake hits Marenne coast, 3 injured",
    "Earthquake shakes Marenne, damaging harbour homes",
    "Marenne coast quake: residents sleep outdoors after tremor",
    "Aftershocks rattle Marenne a day after quake",
]
REHAB_VENN = [
    "Singer Dalia Venn checks into rehab",
    "Dalia Venn enters treatment centre, publicist says",
    "Publicist: Dalia Venn seeking help at Oakridge clinic",
]
REHAB_BRELL = [
    "Actor Tomas Brell checks into rehab",
    "Tomas Brell enters rehab after court order",
    "Brell begins 90-day stay at Pinecrest rehab centre",
]
# One event whose headlines each name some of its details: the town, the chain, the suspect.
ONE_FIRE = [
    "Fire destroys Hollins supermarket in Banwick",
    "Banwick supermarket blaze: police suspect arson",
    "Hollins store fire: man, 34, arrested",
    "Police arrest man after Hollins supermarket fire",
    "Banwick residents evacuated as supermarket burns",
    "Hollins says Banwick store will reopen",
]
# One coach called two ways: "Anders Kolbe" and "Andy Kolbe" are one man, not two particulars.
ONE_COACH = [
    "Rovers fire coach Anders Kolbe after losing run",
    "Anders Kolbe sacked by Rovers",
    "Rovers part ways with Anders Kolbe",
    "Anders Kolbe out as Rovers coach",
    "Andy Kolbe fired by Rovers",
    "Rovers dismiss Andy Kolbe",
    "Andy Kolbe leaves Rovers after six defeats",
    "Fans react as Andy Kolbe is fired",
]


def _headlines(groups: dict[str, list[str]], date: str | None = None) -> list[Article]:
    return [Article(id=f"{name}-{i}", title=t, summary="", body="", source=f"Outlet {i}", date=date)
            for name, titles in groups.items() for i, t in enumerate(titles)]


def _stories(articles: list[Article], options: GroupOptions | None = None) -> list[list[str]]:
    """Each story as the sorted events its headlines come from (``banwick`` for ``banwick-2``)."""
    return sorted(sorted({a.id.rsplit("-", 1)[0] for a in s.articles}) for s in group_articles(articles, options))


def test_two_fires_of_one_chain_in_two_towns_come_apart():
    articles = _headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW})
    assert _stories(articles) == [["banwick"], ["carrow"]]
    assert sorted(len(s.articles) for s in group_articles(articles)) == [4, 4]


def test_without_the_evidence_against_the_two_fires_run_together():
    """What the step is for: similarity alone weighs the chain and the fire, never the towns."""
    articles = _headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW})
    assert _stories(articles, GroupOptions(apart_min_reports=0)) == [["banwick", "carrow"]]


def test_one_champions_two_fights_come_apart():
    assert _stories(_headlines({"orlov": FIGHT_ORLOV, "kessler": FIGHT_KESSLER})) == [["kessler"], ["orlov"]]


def test_same_kind_events_with_other_places_and_people_stay_apart():
    stories = _stories(_headlines({"korvik": QUAKE_KORVIK, "marenne": QUAKE_MARENNE,
                                   "venn": REHAB_VENN, "brell": REHAB_BRELL}))
    assert stories == [["brell"], ["korvik"], ["marenne"], ["venn"]]


def test_headlines_of_one_event_naming_different_details_stay_one_story():
    assert _stories(_headlines({"fire": ONE_FIRE, "korvik": QUAKE_KORVIK})) == [["fire"], ["korvik"]]
    assert len(group_articles(_headlines({"fire": ONE_FIRE}))) == 1


def test_two_names_of_one_person_are_no_contradiction():
    assert len(group_articles(_headlines({"coach": ONE_COACH}))) == 1


def test_dated_headlines_are_left_to_time():
    """Dated, the same two fires on one day are not split: time is the evidence there (window.py)."""
    articles = _headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW}, date="2031-05-04T08:00:00Z")
    assert _stories(articles) == _stories(articles, GroupOptions(apart_min_reports=0))


TERMS = ["fire", "n:hollins", "n:banwick", "n:carrow", "#23", "#26", "n:greece", "n:greek", "d:5-4",
         "n:anders", "n:andy", "n:anders_kolbe", "n:andy_kolbe"]


COVER = GroupOptions().apart_cover


def _split(rows: list[list[int]], undated=True, short=True, min_reports=2, cover=COVER) -> list[int]:
    r = [i for i, row in enumerate(rows) for _ in row]
    c = [t for row in rows for t in row]
    m = sp.csr_matrix((np.ones(len(c), dtype=np.float32), (r, c)), shape=(len(rows), len(TERMS)))
    n = len(rows)
    labels = split_apart(np.zeros(n, dtype=np.int64), m, TERMS, np.full(n, undated), np.full(n, short),
                         min_reports, cover)
    return [int(x == labels[0]) for x in labels]  # 1: on the first report's side


def test_two_particulars_never_named_together_split_a_story():
    assert _split([[0, 1, 2], [0, 2], [0, 1, 3], [0, 3]]) == [1, 1, 0, 0]
    assert _split([[0, 4], [0, 4], [0, 5], [0, 5]]) == [1, 1, 0, 0]  # 23 pirates against 26


def test_a_report_naming_neither_joins_the_side_it_is_more_alike():
    assert _split([[0, 1, 2], [0, 1, 2], [0, 3], [0, 3], [1]]) == [1, 1, 0, 0, 1]


def test_no_split_without_a_clear_contradiction():
    assert _split([[0, 1, 2], [0, 2], [0, 1, 3, 2], [0, 3]]) == [1] * 4  # named together once
    assert _split([[0, 2], [0, 2], [0, 5], [0, 5]]) == [1] * 4  # a name against a number
    assert _split([[0, 6], [0, 6], [0, 7], [0, 7]]) == [1] * 4  # Greece and Greek: one particular
    assert _split([[0, 8], [0, 8], [0, 1], [0, 1]]) == [1] * 4  # dates are not particulars
    assert _split([[0, 9, 11], [0, 9, 11], [0, 10, 12], [0, 10, 12]]) == [1] * 4  # Anders and Andy Kolbe
    assert _split([[0, 2], [0, 2], [0, 3], [0, 3], [0], [0], [0]]) == [1] * 7  # most name neither
    # two thirds name one or the other: enough (the Mount Cook climbers of ecb-dev's headline + first sentence)
    assert _split([[0, 2], [0, 2], [0, 2], [0, 3], [0, 3], [0, 3], [0], [0], [0]])[:6] == [1, 1, 1, 0, 0, 0]


def test_only_stories_of_undated_mostly_short_reports_big_enough_are_split():
    rows = [[0, 2], [0, 2], [0, 3], [0, 3]]
    assert _split(rows, undated=False) == [1] * 4
    assert _split(rows, short=False) == [1] * 4
    assert _split(rows, min_reports=3) == [1] * 4
    assert _split(rows, min_reports=0) == [1] * 4


def test_the_stories_do_not_depend_on_the_order_of_the_headlines():
    articles = _headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW, "orlov": FIGHT_ORLOV,
                           "kessler": FIGHT_KESSLER, "fire": ONE_FIRE, "coach": ONE_COACH})
    expected = [sorted(a.id for a in s.articles) for s in group_articles(articles)]
    for k in (3, 7, 11):
        shuffled = articles[k:] + articles[:k]
        assert sorted(sorted(a.id for a in s.articles) for s in group_articles(shuffled[::-1])) == sorted(expected)
