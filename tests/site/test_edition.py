"""The rolling edition and the archive's day briefings, over hand-made stories (no HTML)."""
from __future__ import annotations

import datetime as dt

from digest.model import Article, Story
from digest.site import edition
from digest.site.dates import instant, moment


def art(id: str, date: str | None, title: str | None = None, summary: str = "") -> Article:
    return Article(id=id, title=title or f"{id} headline", summary=summary, date=date, region="europe", topics=["politics"])


def story(id: str, *articles: Article, copies=None, title=None) -> Story:
    return Story(id=id, title=title or articles[-1].title, summary="", articles=list(articles), copies=copies or {})


def ts(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


# -- dates ----------------------------------------------------------------------------------------

def test_three_kinds_of_date_one_format():
    zoned = moment("2026-11-23T11:40:00+01:00")
    assert (zoned.iso, zoned.text, zoned.zoned) == ("2026-11-23T10:40Z", "23 Nov 2026, 10:40 UTC", True)
    naive = moment("2026-11-23T11:40:00")  # zone unknown: shown as written, never called UTC
    assert (naive.iso, naive.text, naive.zoned) == ("2026-11-23T11:40", "23 Nov 2026, 11:40", False)
    day = moment("2026-11-23")
    assert (day.iso, day.text, day.zoned) == ("2026-11-23", "23 Nov 2026", False)
    assert moment("2026-11-23T09:00Z").text == "23 Nov 2026, 09:00 UTC"
    assert moment("not a date") is None and moment(None) is None


def test_instants_order_mixed_dates():
    assert instant("2026-11-23T11:40:00+01:00") == ts("2026-11-23T10:40:00+00:00")
    assert instant("2026-11-23T11:40:00") == ts("2026-11-23T11:40:00+00:00")  # naive read as UTC
    assert instant("2026-11-23") == ts("2026-11-23T12:00:00+00:00")  # a bare day stands for its midday
    assert instant("") is None and instant("garbage") is None


# -- the rolling edition ---------------------------------------------------------------------------

# Monday: a big story (3 reports), a wire story (1 report + 2 copies), two singles.
BIG = story("big", art("b1", "2030-01-06T08:00Z"), art("b2", "2030-01-06T09:00Z"), art("b3", "2030-01-06T20:00Z"))
WIRE = story("wire", art("w1", "2030-01-06T07:00Z"), art("w2", "2030-01-06T07:30Z"), art("w3", "2030-01-06T07:40Z"),
             copies={"w1": ["w2", "w3"]})
PAIR = story("pair", art("p1", "2030-01-06T10:00Z"), art("p2", "2030-01-06T22:00Z"))
SOLO = story("solo", art("s1", "2030-01-06T23:30Z"))
OLD = story("old", art("o1", "2030-01-03T12:00Z"), art("o2", "2030-01-03T13:00Z"), art("o3", "2030-01-03T14:00Z"),
            art("o4", "2030-01-03T15:00Z"))
MONDAY = [BIG, WIRE, PAIR, SOLO, OLD]


def whole(stories):
    return [edition.whole(s) for s in stories]


def test_the_edition_holds_the_last_24_hours_ranked_by_reports_then_recency():
    ed = edition.rolling(whole(MONDAY), hours=24, minimum=3, clock=ts("2031-01-01T00:00:00+00:00"))
    assert ed.now == ts("2030-01-06T23:30:00+00:00") and ed.hours == 24
    assert [s.id for s in ed.stories] == ["big", "pair", "solo", "wire"]  # 3, 2, 1 (23:30), 1 (07:40)
    counts = [s.reports for s in ed.stories]
    assert counts == sorted(counts, reverse=True)
    assert "old" not in {s.id for s in ed.stories}  # three days old, and the window is not thin


def test_a_thin_new_day_keeps_yesterdays_top_stories():
    """At 6 a.m. with one new article, the front page still holds yesterday's news."""
    early = story("early", art("e1", "2030-01-07T06:00Z"))
    ed = edition.rolling(whole(MONDAY + [early]), hours=24, minimum=3, clock=ts("2031-01-01T00:00:00+00:00"))
    ids = [s.id for s in ed.stories]
    assert ids[:2] == ["big", "pair"] and "early" in ids and "solo" in ids
    assert len(ids) == len(set(ids))  # each story once


def test_a_thin_window_reaches_back_by_whole_steps():
    late = story("late", art("l1", "2030-01-12T09:00Z"))  # nothing else for five days
    ed = edition.rolling(whole(MONDAY + [late]), hours=24, minimum=3, clock=ts("2031-01-01T00:00:00+00:00"))
    assert ed.hours == 6 * 24  # back to Monday: the first step that holds three stories
    assert [s.id for s in ed.stories] == ["big", "pair", "late", "solo"]  # wire ran before 09:00 on Monday
    assert edition.rolling(whole(MONDAY + [late]), hours=24, minimum=1).hours == 24


def test_a_date_beyond_the_clock_does_not_set_the_edition_time():
    future = story("future", art("f1", "2099-01-01T00:00Z"))
    ed = edition.rolling(whole(MONDAY + [future]), hours=24, minimum=1, clock=ts("2030-01-08T00:00:00+00:00"))
    assert ed.now == ts("2030-01-06T23:30:00+00:00")
    assert "future" not in {s.id for s in ed.stories}


def test_an_undated_site_still_has_an_edition():
    ed = edition.rolling(whole([story("u", art("u1", None))]), hours=24, minimum=5)
    assert ed.now is None and [s.id for s in ed.stories] == ["u"]


# -- the archive -------------------------------------------------------------------------------------

def test_a_day_page_keeps_its_stories_as_they_stood_whatever_arrived_later():
    first = art("q1", "2030-02-01T09:00Z", "Quake strikes coastal town", "A quake struck the town.")
    second = art("q2", "2030-02-01T15:00Z", "Quake toll rises to 4", "Four people died.")
    later = [art(f"q{i}", "2030-02-02T10:00Z", f"Quake toll rises to {i * 3}", f"Update {i}.") for i in range(3, 8)]
    quake = story("quake", first, second, *later)
    other = story("other", art("x1", "2030-02-01T12:00Z"))
    days = edition.days([quake, other])
    assert [d.day for d in days] == ["2030-02-02", "2030-02-01"]
    day1 = days[1]
    assert [s.id for s in day1.stories] == ["quake", "other"]
    then = day1.stories[0]
    assert then.reports == 2 and then.title == "Quake toll rises to 4" and then.summary == "Four people died."
    assert day1.articles == 3
    assert days[0].stories[0].reports == 7 and days[0].stories[0].title == "Quake toll rises to 21"
    assert edition.whole(quake).title == quake.title  # the whole story carries grouping's headline


def test_a_days_rank_counts_reports_up_to_that_day():
    a = story("a", art("a1", "2030-03-01T08:00Z"), art("a2", "2030-03-02T08:00Z"), art("a3", "2030-03-02T09:00Z"))
    b = story("b", art("b1", "2030-03-01T10:00Z"), art("b2", "2030-03-01T11:00Z"))
    day1 = edition.days([a, b])[1]
    assert [(s.id, s.reports) for s in day1.stories] == [("b", 2), ("a", 1)]


def test_copies_are_not_counted_as_reports():
    snap = edition.whole(WIRE)
    assert (snap.reports, snap.copies) == (1, 2)
