"""``run_fetch`` end to end against a real server on 127.0.0.1.

Feeds with new and already-seen items, a server error, a feed that never answers,
an entity-expansion document, a page that is not a feed, and news pages with chrome
around the story. Articles must come out as ``digest ingest`` writes them.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from digest.fetch import FeedSpec, FetchOptions, HttpOptions, run_fetch
from digest.fetch.run import apply_hints
from digest.model import Article
from digest.store import load_articles

FIXTURES = Path(__file__).parent / "fixtures"
OPTIONS = FetchOptions(http=HttpOptions(timeout=0.5, retries=1, backoff=0.01, max_backoff=0.02), workers=4)
HTML = {"Content-Type": "text/html; charset=utf-8"}
CHROME = ("cookies", "Subscribe", "Related stories", "All rights reserved", "Most read", "Share on", "Comments (12)")


def fixture(server, name: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{BASE}", server.base.encode())


def serve_news(server) -> dict[str, str]:
    """The three good feeds and the pages their items link to; returns the feed addresses."""
    for page in ("world/ferry-strike", "sport/lakeside-marathon", "asia/typhoon-lumen"):
        server.route(f"/{page}", body=fixture(server, f"pages/{page.split('/')[1]}.html"), headers=HTML)
    return {
        "world": server.route("/world.rss", body=fixture(server, "world.rss"), etag='"world-1"',
                              headers={"Content-Type": "application/rss+xml"}),
        "asia": server.route("/asia.atom", body=fixture(server, "regional.atom"),
                             last_modified="Sat, 12 Apr 2031 01:00:00 GMT", headers={"Content-Type": "application/atom+xml"}),
        "briefs": server.route("/briefs.json", body=fixture(server, "briefs.json"), headers={"Content-Type": "application/feed+json"}),
    }


def serve_bad(server) -> dict[str, str]:
    return {
        "broken": server.route("/broken.rss", status=500, body=b"Internal Server Error"),
        "silent": server.route("/silent.rss", hang=True),
        "bomb": server.route("/bomb.xml", body=fixture(server, "bomb.xml"), headers={"Content-Type": "application/xml"}),
        "html": server.route("/home", body=fixture(server, "pages/ferry-strike.html"), headers=HTML),
    }


def article_files(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.md"))}


def test_good_feeds_written_bad_feeds_reported(server, tmp_path):
    good, bad = serve_news(server), serve_bad(server)
    err = io.StringIO()
    report = run_fetch([*good.values(), *bad.values()], tmp_path, OPTIONS, err=err)

    assert (report.feeds_ok, report.feeds_failed, report.items_new, report.items_failed) == (3, 4, 5, 0)
    assert not report.ok
    assert report.summary() == "feeds: 3 ok, 4 failed; items: 5 new, 0 seen, 0 failed"
    lines = err.getvalue().splitlines()
    assert len(lines) == 4
    reasons = {"broken": "HTTP 500", "silent": "timed out", "bomb": "refused", "html": "not a feed"}
    for name, reason in reasons.items():
        (line,) = [l for l in lines if bad[name] in l]
        assert reason in line
    assert len(server.requests_to("/broken.rss")) == 2  # one retry, then given up

    articles = {a.id: a for a in load_articles(tmp_path)}
    assert set(articles) == {
        "courier-2031-0412-ferry", "courier-2031-0412-marathon", "courier-2031-0411-water",
        "urn:example:pacific-ledger:2031:typhoon-lumen", "hw-2031-04-12-lighthouse",
    }
    ferry = articles["courier-2031-0412-ferry"]
    assert ferry.title == "Ferry strike strands thousands on Norwegian islands"
    assert ferry.source == "The Meridian Courier: World" and ferry.url == server.url("/world/ferry-strike")
    assert ferry.date == "2031-04-12T05:30:00+00:00" and ferry.authors == ["Ingrid Falkvang"]
    assert ferry.path and "2031/04/12/" in ferry.path  # dated folder, as ingest writes
    assert "walked out at dawn in a dispute over new rosters" in ferry.body
    assert "emergency crossings for ambulances" in ferry.body
    for a in articles.values():
        assert not [c for c in CHROME if c in a.body], a.id
    assert "Ytterøy" in ferry.body  # the page's declared charset is honoured
    # Full content in the feed is used as is: its page is never downloaded.
    assert "90 kilometres inland" in articles["courier-2031-0411-water"].body
    assert "keeper's cottage" in articles["hw-2031-04-12-lighthouse"].body
    for full in (articles["courier-2031-0411-water"], articles["hw-2031-04-12-lighthouse"]):
        assert not full.body.startswith(full.title) and full.summary != full.title
    assert server.requests_to("/world/copper-town-water") == [] and server.requests_to("/briefs/lighthouse") == []


def test_a_rerun_asks_conditionally_and_writes_nothing(server, tmp_path):
    feeds = serve_news(server)
    first = run_fetch(feeds.values(), tmp_path, OPTIONS, err=io.StringIO())
    assert first.ok and first.items_new == 5
    before = article_files(tmp_path)
    server.log.clear()

    err = io.StringIO()
    second = run_fetch(feeds.values(), tmp_path, OPTIONS, err=err)
    assert second.ok and err.getvalue() == ""
    assert (second.items_new, second.items_seen, second.items_failed) == (0, 1, 0)  # world, asia: 304; briefs: seen
    assert [r.status for r in second.feeds] == ["not modified", "not modified", "ok"]
    assert server.requests_to("/world.rss")[0]["if-none-match"] == '"world-1"'
    assert server.requests_to("/asia.atom")[0]["if-modified-since"] == "Sat, 12 Apr 2031 01:00:00 GMT"
    assert sorted(path for path, _ in server.log) == ["/asia.atom", "/briefs.json", "/robots.txt", "/world.rss"]
    assert article_files(tmp_path) == before


def test_only_new_items_are_fetched_when_a_feed_changes(server, tmp_path):
    feeds = serve_news(server)
    run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    page = fixture(server, "pages/typhoon-lumen.html")
    server.route("/world/storm", body=page, headers=HTML)
    item = (f"<item><title>Typhoon Lumen weakens before reaching the Philippine coast</title>"
            f"<link>{server.base}/world/storm</link><guid isPermaLink=\"false\">courier-2031-0412-storm</guid>"
            f"<pubDate>Sat, 12 Apr 2031 12:00:00 +0000</pubDate></item>").encode()
    server.route("/world.rss", body=fixture(server, "world.rss").replace(b"<item>", item + b"<item>", 1), etag='"world-2"')
    server.log.clear()

    report = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    assert (report.items_new, report.items_seen) == (1, 3)
    assert sorted(path for path, _ in server.log) == ["/robots.txt", "/world.rss", "/world/storm"]
    assert "courier-2031-0412-storm" in {a.id for a in load_articles(tmp_path)}


def test_a_failed_item_is_retried_on_the_next_run(server, tmp_path):
    feeds = serve_news(server)
    server.route("/sport/lakeside-marathon", status=404, body=b"not here")
    err = io.StringIO()
    report = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=err)
    assert (report.items_new, report.items_failed, report.feeds_failed) == (2, 1, 0) and not report.ok
    (line,) = err.getvalue().splitlines()
    assert "/sport/lakeside-marathon" in line and "HTTP 404" in line and feeds["world"] in line

    server.route("/sport/lakeside-marathon", body=fixture(server, "pages/lakeside-marathon.html"), headers=HTML)
    server.log.clear()
    again = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    assert again.ok and (again.items_new, again.items_seen) == (1, 2)
    assert "if-none-match" not in server.requests_to("/world.rss")[0]  # validators were not kept
    assert sorted(path for path, _ in server.log) == ["/robots.txt", "/sport/lakeside-marathon", "/world.rss"]


def test_a_long_backlog_is_fetched_over_several_runs(server, tmp_path):
    feeds = serve_news(server)
    options = FetchOptions(http=OPTIONS.http, workers=2, max_new_items=2)
    first = run_fetch([feeds["world"]], tmp_path, options, err=io.StringIO())
    assert (first.items_new, first.items_later) == (2, 1) and first.ok
    assert first.summary().endswith("1 left for the next run")
    second = run_fetch([feeds["world"]], tmp_path, options, err=io.StringIO())
    assert (second.items_new, second.items_seen, second.items_later) == (1, 2, 0)
    assert "if-none-match" not in server.requests_to("/world.rss")[1]  # the backlog was not hidden behind a 304
    assert len(load_articles(tmp_path)) == 3


def test_items_already_in_the_archive_are_not_downloaded_again(server, tmp_path):
    feeds = serve_news(server)
    run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    (tmp_path / ".digest" / "fetch.json").unlink()  # the fetch state is lost; the archive is not
    server.log.clear()
    report = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    assert report.ok and (report.items_new, report.items_seen) == (0, 3)
    assert [path for path, _ in server.log] == ["/robots.txt", "/world.rss"]


def test_feed_name_names_the_source(server, tmp_path):
    feeds = serve_news(server)
    run_fetch([FeedSpec(feeds["asia"], name="Pacific Ledger")], tmp_path, OPTIONS, err=io.StringIO())
    (article,) = load_articles(tmp_path)
    assert article.source == "Pacific Ledger"
    assert "evacuation centres would stay open" in article.body


@pytest.mark.parametrize("found, expected_region, expected_topics", [
    (Article("a"), "Europe", ["politics"]),
    (Article("b", region="Asia", regions=["Asia"], topics=["sport"]), "Asia", ["sport"]),
])
def test_hints_fill_only_what_enrichment_left_empty(found, expected_region, expected_topics):
    article = apply_hints(found, FeedSpec("https://news.test/rss", region="Europe", topic="politics"))
    assert article.region == expected_region and article.topics == expected_topics
    assert article.regions == [expected_region]


def test_an_updated_page_replaces_its_article(server, tmp_path):
    """The outlet updates a story and re-issues it: a new guid on the same link, then a new link
    (the slug changed) with nearly the same text. One article throughout, in the same file."""
    feeds = serve_news(server)
    run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    before = {a.id: a for a in load_articles(tmp_path)}
    ferry = before["courier-2031-0412-ferry"]
    page = fixture(server, "pages/ferry-strike.html")
    update = b"<p>By evening the ferry company said it would meet the union on Monday, and two crossings were restored.</p>"
    updated_page = page.replace(b"</article>", update + b"</article>", 1)
    assert updated_page != page
    reissued = fixture(server, "world.rss").replace(b"courier-2031-0412-ferry", b"courier-2031-0412-ferry-update-1")
    server.route("/world/ferry-strike", body=updated_page, headers=HTML)
    server.route("/world.rss", body=reissued, etag='"world-2"', headers={"Content-Type": "application/rss+xml"})

    report = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    assert (report.items_new, report.items_updated) == (0, 1) and report.summary().endswith("1 updated")
    after = {a.id: a for a in load_articles(tmp_path)}
    assert set(after) == set(before) and after[ferry.id].path == ferry.path
    assert "two crossings were restored" in after[ferry.id].body

    moved = reissued.replace(b"courier-2031-0412-ferry-update-1", b"courier-2031-0412-ferry-update-2").replace(
        b"/world/ferry-strike", b"/world/ferry-strike-talks")
    server.route("/world/ferry-strike-talks", body=updated_page.replace(b"two crossings", b"three crossings"), headers=HTML)
    server.route("/world.rss", body=moved, etag='"world-3"', headers={"Content-Type": "application/rss+xml"})
    report = run_fetch([feeds["world"]], tmp_path, OPTIONS, err=io.StringIO())
    assert report.items_updated == 1
    final = {a.id: a for a in load_articles(tmp_path)}
    assert set(final) == set(before) and "three crossings were restored" in final[ferry.id].body
