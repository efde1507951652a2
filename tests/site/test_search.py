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


def titles(files, query):
    return [r[1] for r in search.search(files, query)]


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
    assert search.search(files, "the") == []


def test_records_carry_url_title_summary_and_day():
    files = search.build(DOCS)
    assert search.search(files, "dredging") == [["articles/3/", "Harbour dredging begins", "", "2030-01-04"]]


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
        hits = {r[0] for r in search.search(files, w, limit=1000)}
        expected = {d.url for d in docs if any(t.startswith(w) for t in search.terms(d.title + " " + d.text))}
        assert hits == expected, w
