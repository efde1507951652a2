"""The fetch state file: validators and seen items survive a run, old items are forgotten."""
from __future__ import annotations

import datetime as dt

from digest.fetch.state import KEEP_DAYS, FeedState, FetchState


def test_round_trip(tmp_path):
    state = FetchState.load(tmp_path)
    feed = state.feed("http://news.test/rss")
    feed.etag, feed.last_modified = '"abc"', "Sat, 12 Apr 2031 08:00:00 GMT"
    feed.seen["item-1"] = "2031-04-12"
    state.save()
    again = FetchState.load(tmp_path).feed("http://news.test/rss")
    assert again.request_headers() == {"If-None-Match": '"abc"', "If-Modified-Since": "Sat, 12 Apr 2031 08:00:00 GMT"}
    assert again.seen == {"item-1": "2031-04-12"}


def test_unreadable_state_starts_afresh(tmp_path):
    path = tmp_path / ".digest" / "fetch.json"
    path.parent.mkdir()
    path.write_text("{not json")
    assert FetchState.load(tmp_path).feeds == {}
    path.write_text('{"feeds": {"http://x/": {"seen": [1, 2], "etag": 5}}}')
    feed = FetchState.load(tmp_path).feed("http://x/")
    assert feed.seen == {} and feed.etag is None


def test_prune_keeps_listed_items_and_forgets_old_ones():
    today = dt.date(2031, 4, 12)
    old = (today - dt.timedelta(days=KEEP_DAYS + 1)).isoformat()
    feed = FeedState(seen={"still-listed": old, "gone-long-ago": old, "gone-yesterday": "2031-04-11"})
    feed.prune(["still-listed", "never-seen"], today)
    assert feed.seen == {"still-listed": "2031-04-12", "gone-yesterday": "2031-04-11"}
