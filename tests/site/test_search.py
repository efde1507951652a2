"""The sharded search index: what a query finds, and what it has to download."""
from __future__ import annotations

import json
import random

from digest.site import search
from digest.site.search import SearchDoc


def doc(i: int, title: str, summary: str = "", text: str = "") -> SearchDoc:
    return SearchDoc(f"articles/{i}/", title, summary, f"2030-01-{i % 28 + 1:02d}", text)


DOCS = [
    doc(0, "Harbour strike ends", "Dock workers in Portavel return after a week", "The union voted to accept the offer."),
    doc(1, "Election date set", "The commission chose May", "Voters in Portavel will also elect a mayor."),
    doc(2, "Café reopens", "Crème brûlée is back", "The owners thanked the elections board for nothing."),
    doc(3, "Harbour dredging begins", "", "Dredgers arrived at the harbour on Monday."),
]


def titles(files, query, **filters):
    return [group[0][1] for group in search.search(files, query, **filters).groups]


def test_finds_by_headline_summary_and_full_text():
    files = search.build(DOCS)
    assert titles(files, "strike") == ["Harbour strike ends"]
    assert titles(files, "dock workers") == ["Harbour strike ends"]
    assert titles(files, "union offer") == ["Harbour strike ends"]  # body words


def test_every_word_must_match_and_words_match_as_prefixes():
    files = search.build(DOCS)
    assert titles(files, "portavel mayor") == ["Election date set"]
    assert set(titles(files, "elect")) == {"Election date set", "Café reopens"}


def test_headline_matches_rank_above_body_matches():
    files = search.build(DOCS)
    assert titles(files, "harbour")[:2] == ["Harbour dredging begins", "Harbour strike ends"]
    assert titles(files, "election")[0] == "Election date set"


def test_accents_and_case_fold_and_stopwords_are_ignored():
    files = search.build(DOCS)
    assert titles(files, "CREME brulee") == ["Café reopens"]
    assert titles(files, "the harbour")[:1] == ["Harbour dredging begins"]
    assert search.search(files, "the").groups == []


def test_records_carry_url_title_summary_and_day():
    files = search.build(DOCS)
    assert search.search(files, "dredging").groups == [[["articles/3/", "Harbour dredging begins", "", "2030-01-04", ""]]]


def test_shards_stay_under_the_cap_when_words_share_prefixes():
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefgh") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    docs = [doc(i, " ".join(rng.sample(words, 5)), "", " ".join(rng.sample(words, 60))) for i in range(400)]
    files = search.build(docs, max_shard=8_000, chunk=16)
    shards = [v for k, v in files.items() if k.startswith("s/")]
    assert len(shards) > 10
    # A shard holding a single term cannot split; every other one respects the cap.
    assert all(len(s.encode()) <= 8_000 or len(json.loads(s)) == 1 for s in shards)
    # Every word is still found after the splits.
    for w in rng.sample(words, 30):
        hits = {g[0][0] for g in search.search(files, w, limit=1000).groups}
        expected = {d.url for d in docs if any(t.startswith(w) for t in search.terms(d.title + " " + d.text))}
        assert hits == expected, w


# A story page and its two articles (one run, the story first), then a lone article.
STORY_DOCS = [
    SearchDoc("stories/ferry/", "Ferry capsizes on Lake Tarnova", "41 rescued", "2030-02-02", "ferry tarnova squall inquiry",
              3, True, ("europe",), ("disaster",), ("2030-02-01", "2030-02-02")),
    SearchDoc("articles/f1/", "Ferry capsizes on Lake Tarnova", "41 rescued after a squall", "2030-02-01",
              "The ferry capsized in a squall.", "Lakeside Gazette", False, ("europe",), ("disaster",), ("2030-02-01",)),
    SearchDoc("articles/f2/", "Minister orders ferry inquiry", "An inquiry", "2030-02-02", "The minister ordered an inquiry.",
              "Daily Meridian", False, ("europe",), ("politics",), ("2030-02-02",)),
    SearchDoc("articles/c1/", "Comet found over the Atacama", "A new comet", "2030-03-10", "Astronomers found a ferry-sized comet.",
              "Andes Times", True, ("south-america",), ("science",), ("2030-03-10",)),
]


def test_results_are_grouped_by_story_and_say_what_they_are():
    res = search.search(search.build(STORY_DOCS), "ferry")
    assert res.total == 2
    story, lone = res.groups
    assert [r[0] for r in story] == ["stories/ferry/", "articles/f2/", "articles/f1/"]  # equal scores: newer first
    assert story[0][4] == 3 and story[2][4] == "Lakeside Gazette"  # a story counts reports; an article names its outlet
    assert [r[0] for r in lone] == ["articles/c1/"]  # a body match ranks below headline matches


def test_filters_by_region_topic_and_date_range():
    files = search.build(STORY_DOCS)
    assert titles(files, "ferry", region="south-america") == ["Comet found over the Atacama"]
    assert titles(files, "ferry", topic="politics") == ["Ferry capsizes on Lake Tarnova"]
    assert [r[0] for r in search.search(files, "ferry", topic="politics").groups[0]] == ["stories/ferry/", "articles/f2/"]
    assert titles(files, "ferry", start="2030-03-01", end="2030-03-31") == ["Comet found over the Atacama"]
    assert titles(files, "ferry", start="2030-02-02", end="2030-02-02") == ["Ferry capsizes on Lake Tarnova"]
    assert titles(files, "", region="europe") == ["Ferry capsizes on Lake Tarnova"]  # a filter alone lists
    assert titles(files, "", start="2031-01-01") == []


def test_a_search_downloads_only_what_it_shows():
    docs = [SearchDoc(f"articles/{i}/", f"Report {i} on topic{i % 50}", "", "2030-01-01", f"body{i} words") for i in range(2000)]
    files = search.build(docs, max_shard=4_000)
    res = search.search(files, "topic7")
    assert res.total == 40
    assert len([f for f in res.fetched if f.startswith("s/")]) == 1
    assert len([f for f in res.fetched if f.startswith("d/")]) <= search.GROUPS_SHOWN
