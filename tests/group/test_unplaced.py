"""An undated group meeting a dated one is held to the follow-up test (fictional stories)."""
import dataclasses

import numpy as np

from fixtures import BUS_CRASH, article

from digest.group import GroupOptions, group_articles
from digest.group.linkage import Unplaced, average_linkage
from digest.model import Article

# An earlier crash of a bus of the same company into the same river, from an archive that
# gives no dates: its names and places are the 2031 crash's, its particulars are not.
EARLIER = [
    ("bus-e1", "Harbour Times", "Eleven killed as night bus falls into Serrano river",
     "A Cordillera Express night bus fell into the Serrano river below Ostrava Alta on Friday night, killing eleven "
     "passengers, police in Valdoria said.\n\n"
     "The driver had fallen asleep at the wheel after a fourteen-hour shift, police commander Tomas Verant said.\n\n"
     "Fishermen pulled four survivors from the water before dawn."),
    ("bus-e2", "Morning Courier", "Driver fell asleep before Serrano river bus fall, police say",
     "Police commander Tomas Verant said the driver of the Cordillera Express night bus that fell into the Serrano "
     "river on Friday had been at the wheel for fourteen hours.\n\n"
     "Eleven passengers died; four survivors were rescued by fishermen before dawn.\n\n"
     "The company said it would review its drivers' shifts."),
    ("bus-e3", "Northern Post", "Serrano river: fishermen rescued four from night bus",
     "Four survivors of the Cordillera Express night bus that fell into the Serrano river were pulled out by "
     "fishermen before dawn on Saturday, police commander Tomas Verant said.\n\n"
     "Eleven people died when the bus, whose driver had worked a fourteen-hour shift, left the road below Ostrava "
     "Alta.\n\nValdoria's transport ministry opened an inquiry into drivers' shifts."),
]

# Undated reports of the 2031 crash itself, from outlets whose pages give no date.
SAME = [
    ("bus-u1", "Valley Gazette", "Survivors describe bus plunge into Serrano river",
     "Passengers who survived the Cordillera Express bus plunge into the Serrano river said the driver was going too "
     "fast on the wet bend above Ostrava Alta.\n\n"
     "Police chief Marta Ilvesky said 23 people died and 12 were injured.\n\n"
     "Divers searched the river through Tuesday night."),
    ("bus-u2", "Coastal Daily", "Valdoria mourns 23 killed in Serrano river bus crash",
     "Flags flew at half mast in Ostrava Alta for the 23 people killed when a Cordillera Express bus plunged into the "
     "Serrano river.\n\n"
     "Police chief Marta Ilvesky said prosecutors were investigating whether the driver had been speeding in the "
     "rain.\n\nTwelve survivors remain in hospital."),
    ("bus-u3", "Evening Herald", "Cordillera Express under scrutiny after Serrano river plunge",
     "The Cordillera Express company faces questions over safety after one of its buses plunged into the Serrano "
     "river near Ostrava Alta, killing 23.\n\n"
     "Police chief Marta Ilvesky said the bus left the road on a sharp bend in heavy rain.\n\n"
     "The transport ministry has suspended the company's licence."),
]


def _stories(articles, options=None):
    return sorted(sorted(a.id for a in s.articles) for s in group_articles(articles, options))


def _undated(rows):
    return [Article(id=i, source=s, title=t, body=b) for i, s, t, b in rows]


def test_an_undated_earlier_crash_stays_apart_from_a_dated_crash_of_the_same_kind():
    news = [article(r) for r in BUS_CRASH] + _undated(EARLIER)
    assert _stories(news) == [["bus-1", "bus-2", "bus-3"], ["bus-e1", "bus-e2", "bus-e3"]]
    # on text alone (the test off) the two crashes run together
    assert _stories(news, GroupOptions(follow_up_ratio=0)) == [["bus-1", "bus-2", "bus-3", "bus-e1", "bus-e2", "bus-e3"]]
    story = next(s for s in group_articles(news) if s.articles[0].id == "bus-1")
    assert story.headline_from == "bus-3"  # the dated story still follows its latest report


def test_an_undated_report_of_a_dated_story_still_joins_it():
    news = [article(r) for r in BUS_CRASH]
    news[1] = dataclasses.replace(news[1], date=None)
    assert _stories(news + _undated(EARLIER)) == [["bus-1", "bus-2", "bus-3"], ["bus-e1", "bus-e2", "bus-e3"]]


def test_undated_reports_of_a_dated_story_join_it_and_the_earlier_crash_stays_apart():
    news = [article(r) for r in BUS_CRASH] + _undated(SAME) + _undated(EARLIER)
    crash = ["bus-1", "bus-2", "bus-3", "bus-u1", "bus-u2", "bus-u3"]
    assert _stories(news) == [crash, ["bus-e1", "bus-e2", "bus-e3"]]
    assert _stories(news, GroupOptions(follow_up_ratio=0)) == [sorted(crash + ["bus-e1", "bus-e2", "bus-e3"])]


def _two_trios(across: float) -> tuple[np.ndarray, np.ndarray]:
    """Reports 0-2 (dated) and 3-5 (undated), 0.5 alike within each trio, ``across`` between them."""
    pairs, sims = [], []
    for i in range(6):
        for j in range(i + 1, 6):
            pairs.append((i, j))
            sims.append(0.5 if (i < 3) == (j < 3) else across)
    return np.array(pairs), np.array(sims, dtype=np.float32)


def test_linkage_merges_an_undated_group_only_when_as_alike_across_as_within():
    dated = np.array([True] * 3 + [False] * 3)
    full = np.zeros(6, dtype=bool)
    test = Unplaced(dated, full, ratio=0.6)
    assert len(set(average_linkage(6, *_two_trios(0.35), 0.13, test))) == 1  # 0.35 >= 0.6 x 0.5
    assert len(set(average_linkage(6, *_two_trios(0.25), 0.13, test))) == 2  # 0.25 < 0.6 x 0.5
    assert len(set(average_linkage(6, *_two_trios(0.25), 0.13))) == 1  # no test: the threshold alone
    assert len(set(average_linkage(6, *_two_trios(0.25), 0.13, Unplaced(dated | True, full, 0.6)))) == 1  # all dated
    assert len(set(average_linkage(6, *_two_trios(0.25), 0.13, Unplaced(dated, full | True, 0.6)))) == 1  # headlines
    assert len(set(average_linkage(6, *_two_trios(0.25), 0.13, Unplaced(dated, full, 0.6, min_size=4)))) == 1
