"""Undated headlines of two events of one kind stay apart when each keeps naming its own particulars;
headlines of one event that each pick a different detail still come out as one story."""
import numpy as np
import scipy.sparse as sp

from digest.group import GroupOptions, group_articles
from digest.group.particulars import Particulars
from digest.model import Article

# Two fictional fires at stores of one chain, in two towns, reported the same way; no dates
# (a headline list, an aggregator page): only the towns tell them apart.
FIRE_BANWICK = [
    "Fire destroys Hollins supermarket in Banwick",
    "Banwick supermarket blaze: police suspect arson",
    "Huge fire guts Hollins store on Banwick high street",
]
FIRE_CARROW = [
    "Hollins supermarket in Carrow badly damaged by fire",
    "Man charged with arson after Carrow Hollins fire",
    "Fire at Hollins store in Carrow town centre tackled",
]
# One fictional champion's two fights, against two opponents.
FIGHT_ORLOV = [
    "Dario Venkov stops Orlov in seventh round to keep heavyweight belts",
    "Venkov retains titles with win over Orlov",
    "Orlov no match for champion Venkov",
]
FIGHT_KESSLER = [
    "Dario Venkov knocks out Kessler to retain heavyweight titles",
    "Kessler falls to Venkov in sixth round",
    "Venkov beats Kessler, keeps world heavyweight belts",
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
# One event whose headlines each name a different detail: the town, the chain, the suspect.
ONE_FIRE = [
    "Fire destroys Hollins supermarket in Banwick",
    "Banwick supermarket blaze: police suspect arson",
    "Hollins store fire: man, 34, arrested",
    "Police arrest man after Hollins supermarket fire",
    "Banwick residents evacuated as supermarket burns",
]


def _headlines(groups: dict[str, list[str]], dated: bool = False) -> list[Article]:
    return [Article(id=f"{name}-{i}", title=t, summary="", body="", source=f"Outlet {i}",
                    date="2031-05-04T08:00:00Z" if dated else None)
            for name, titles in groups.items() for i, t in enumerate(titles)]


def _stories(articles: list[Article], options: GroupOptions | None = None) -> list[set[str]]:
    return [{a.id.rsplit("-", 1)[0] for a in s.articles} for s in group_articles(articles, options)]


def test_two_fires_of_one_chain_in_two_towns_stay_apart():
    stories = _stories(_headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW}))
    assert sorted(map(sorted, stories)) == [["banwick"], ["carrow"]]
    # every story holds all of its event's headlines
    assert sorted(len(s.articles) for s in group_articles(_headlines({"b": FIRE_BANWICK, "c": FIRE_CARROW}))) == [3, 3]


def test_without_the_evidence_against_the_two_fires_run_together():
    """What the rule is for: similarity alone weighs the chain and the fire, never the towns."""
    stories = _stories(_headlines({"banwick": FIRE_BANWICK, "carrow": FIRE_CARROW}), GroupOptions(apart_min_reports=0))
    assert {"banwick", "carrow"} in stories


def test_one_champions_two_fights_stay_apart():
    stories = _stories(_headlines({"orlov": FIGHT_ORLOV, "kessler": FIGHT_KESSLER}))
    assert sorted(map(sorted, stories)) == [["kessler"], ["orlov"]]


def test_same_kind_events_with_other_places_and_people_stay_apart():
    stories = _stories(_headlines({"korvik": QUAKE_KORVIK, "marenne": QUAKE_MARENNE,
                                   "venn": REHAB_VENN, "brell": REHAB_BRELL}))
    assert sorted(map(sorted, stories)) == [["brell"], ["korvik"], ["marenne"], ["venn"]]


def test_headlines_of_one_event_naming_different_details_join():
    """Some name the town, some the chain, some neither: no particular is named by all of a
    group, so nothing speaks against joining them. (Beside the Carrow fire the two that name
    no town could belong to either: that is left to similarity.)"""
    stories = _stories(_headlines({"fire": ONE_FIRE, "korvik": QUAKE_KORVIK, "venn": REHAB_VENN}))
    assert sorted(map(sorted, stories)) == [["fire"], ["korvik"], ["venn"]]


def test_headlines_of_each_event_join_however_they_are_ordered():
    articles = _headlines({"korvik": QUAKE_KORVIK, "marenne": QUAKE_MARENNE, "banwick": FIRE_BANWICK,
                           "carrow": FIRE_CARROW})
    assert sorted(map(sorted, _stories(articles))) == sorted(map(sorted, _stories(articles[::-1])))


def _particulars(rows: list[list[int]], terms: list[str], eligible: list[bool], min_reports: int = 2,
                 member_of: list[int] | None = None) -> Particulars:
    r = [i for i, row in enumerate(rows) for _ in row]
    c = [t for row in rows for t in row]
    m = sp.csr_matrix((np.ones(len(c), dtype=np.float32), (r, c)), shape=(len(rows), len(terms)))
    return Particulars(m, terms, np.array(eligible), min_reports, None if member_of is None else np.array(member_of))


TERMS = ["fire", "n:hollins", "n:banwick", "n:carrow", "#23", "#26", "n:greece", "n:greek", "d:5-4"]


def test_every_report_of_each_group_must_name_its_own_particular():
    # groups {0, 1} and {2, 3}: Banwick in both of the first, Carrow in both of the second
    p = _particulars([[0, 1, 2], [0, 2], [0, 1, 3], [0, 3]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert p.conflict(0, 1)
    # one report of the second group names Banwick too: no contradiction
    p = _particulars([[0, 1, 2], [0, 2], [0, 1, 3, 2], [0, 3]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert not p.conflict(0, 1)
    # only one of the second group's reports names Carrow: a detail, not a particular
    p = _particulars([[0, 1, 2], [0, 2], [0, 1, 3], [0, 1]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert not p.conflict(0, 1)


def test_a_name_against_a_number_is_no_contradiction_and_spellings_of_one_name_agree():
    p = _particulars([[0, 2], [0, 2], [0, 5], [0, 5]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert not p.conflict(0, 1)  # Banwick against 26
    p = _particulars([[0, 4], [0, 4], [0, 5], [0, 5]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert p.conflict(0, 1)  # 23 pirates against 26
    p = _particulars([[0, 6], [0, 6], [0, 7], [0, 7]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert not p.conflict(0, 1)  # Greece and Greek
    p = _particulars([[0, 8], [0, 8], [0], [0]], TERMS, [True] * 4, member_of=[0, 0, 1, 1])
    assert not p.conflict(0, 1)  # dates are not particulars


def test_small_groups_dated_or_full_reports_and_merged_groups():
    rows, groups = [[0, 2], [0, 2], [0, 3], [0, 3]], [0, 0, 1, 1]
    assert not _particulars(rows, TERMS, [True] * 4, min_reports=3, member_of=groups).conflict(0, 1)
    assert not _particulars(rows, TERMS, [True, True, True, False], member_of=groups).conflict(0, 1)
    p = _particulars(rows, TERMS, [True] * 4)  # each report its own group: too small to say
    assert not p.conflict(0, 2)
    p.merge(0, 1)
    p.merge(2, 3)
    assert p.conflict(0, 2) and p.size[0] == 2
