"""Briefing assembly: days, ranking, regions and topics over hand-made stories."""
from __future__ import annotations

from digest.group import briefing
from digest.model import Article, Story


def art(id: str, date: str | None, region: str | None = "europe", topics=("politics",)) -> Article:
    return Article(id=id, title=id, date=date, region=region, topics=list(topics))


def story(id: str, *articles: Article, copies=None) -> Story:
    return Story(id=id, title=id, summary="", articles=list(articles), copies=copies or {})


WIDE = story("wide", art("w1", "2030-01-02T10:00"), art("w2", "2030-01-02T11:00", "africa"), art("w3", "2030-01-01T09:00"))
WIRE = story(
    "wire", art("c1", "2030-01-02T08:00"), art("c2", "2030-01-02T08:05"), art("c3", "2030-01-02T08:10"),
    copies={"c1": ["c2", "c3"]},
)
SOLO = story("solo", art("s1", "2030-01-02T23:00", "asia", ("sport",)))
UNDATED = story("undated", art("u1", None))


def test_a_story_shows_on_every_day_it_has_coverage():
    days = briefing.days([WIDE, WIRE, SOLO, UNDATED])
    assert [d.day for d in days] == ["2030-01-02", "2030-01-01"]
    assert [s.id for s in days[1].stories] == ["wide"]
    assert "undated" not in {s.id for d in days for s in d.stories}


def test_wire_copies_do_not_count_as_reports():
    assert briefing.independent_count(WIRE) == 1
    assert briefing.independent_count(WIDE) == 3
    assert briefing.independent_count(WIDE, "2030-01-02") == 2


def test_rank_puts_independent_coverage_first_then_recent():
    ranked = briefing.rank([SOLO, WIRE, WIDE], "2030-01-02")
    assert [s.id for s in ranked] == ["wide", "wire", "solo"]
    # Two single reports: the later one leads.
    early = story("early", art("e1", "2030-01-02T01:00"))
    assert [s.id for s in briefing.rank([early, SOLO], "2030-01-02")] == ["solo", "early"]


def test_by_region_and_topic_list_a_story_under_each_of_its_keys():
    regions = briefing.by_region([WIDE, SOLO])
    assert set(regions) == {"europe", "africa", "asia"}
    assert [s.id for s in regions["africa"]] == ["wide"]
    topics = briefing.by_topic([WIDE, SOLO, WIRE])
    assert list(topics) == ["politics", "sport"]  # most stories first
    assert [s.id for s in topics["politics"]] == ["wide", "wire"]  # order kept


def test_timeline_is_oldest_first_by_day():
    days = briefing.timeline(WIDE)
    assert [d for d, _ in days] == ["2030-01-01", "2030-01-02"]
    assert [a.id for a in days[1][1]] == ["w1", "w2"]
