"""Fetch as a well-behaved crawler, against a real server on 127.0.0.1.

robots.txt (RFC 9309: per-agent groups, wildcards, an unreachable robots.txt), kept-alive
connections, proxies from the environment, and the feed's own text when a page cannot
be had.
"""
from __future__ import annotations

import io
import json
import random

from digest.fetch import FetchOptions, HttpOptions, run_fetch
from digest.fetch.http import HttpClient
from digest.store import load_articles

OPTIONS = FetchOptions(http=HttpOptions(timeout=1.0, retries=1, backoff=0.01, max_backoff=0.02), workers=4)
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}

STORY = [
    "Harbour pilots in the fictional port of Valdmark began a two-day stoppage on Monday over night-shift rosters, "
    "leaving eleven container ships waiting at anchor outside the breakwater.",
    "The pilots' association said talks with the port authority had broken down after the authority proposed "
    "longer shifts during the winter months, when fog often closes the channel.",
    "The authority said it regretted the action and that tugs and emergency crossings for the island ferry "
    "would not be affected.",
]


def other_story(n: int) -> list[str]:
    """Three paragraphs of a fictional story of its own (different words for each n)."""
    rng = random.Random(n)
    who = ["dock workers", "bus drivers", "nurses", "teachers", "farmers", "miners", "pilots", "bakers"]
    where = ["Valdmark", "Ostrel", "Kappa Bay", "Lindholm", "Sorrento Hill", "Marrow Creek", "Tessin", "Ullafjord"]
    what = ["a pay offer", "new rosters", "a pension reform", "a plant closure", "longer shifts", "a merger", "a fuel levy"]
    did = ["voted to strike over", "marched against", "accepted", "rejected", "asked for talks on", "went to court over"]
    return [f"{rng.choice(who).capitalize()} in {rng.choice(where)} {rng.choice(did)} {rng.choice(what)} on "
            f"{rng.choice(['Monday', 'Tuesday', 'Friday'])}, story {n} of this fictional test, after {rng.randint(2, 90)} "
            f"days of {rng.choice(['talks', 'silence', 'protests', 'meetings'])} with the {rng.choice(where)} council."
            for _ in range(3)]


def news_page(title: str, paragraphs: list[str]) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | Valdmark Post</title></head>"
            f"<body><nav>Home News Sport Subscribe</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>© 2031 Valdmark Post</footer></body></html>").encode()


def rss(base: str, items: list[dict]) -> bytes:
    entries = ""
    for n, item in enumerate(items):
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content") else ""
        entries += (f"<item><title>{item['title']}</title><link>{base}{item['path']}</link>"
                    f"<guid isPermaLink='false'>vp-{n}-{item['path']}</guid>"
                    f"<pubDate>Mon, 14 Apr 2031 0{n}:00:00 +0000</pubDate>"
                    f"<description>{item.get('summary', 'A short standfirst.')}</description>{content}</item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>Valdmark Post</title><language>en</language>{entries}</channel></rss>").encode()


def titles(out) -> set[str]:
    return {a.title for a in load_articles(out)}


ROBOTS = b"""# The Valdmark Post's robots.txt (fictional)
User-agent: *
Disallow: /

User-agent: news-digest
User-agent: otherreader
Disallow: /members/
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /members/free-*

User-agent: somebot
Allow: /
"""


def test_robots_txt_groups_and_wildcards_are_honoured(server, tmp_path):
    """Our group overrides '*'; prefixes, '*' and '$' patterns and a longer Allow all apply."""
    server.route("/robots.txt", body=ROBOTS, headers={"Content-Type": "text/plain"})
    paths = {"/news/pilots-strike": True, "/members/pilots-pay": False, "/news/pilots-strike-2?print=1": False,
             "/members/free-pilots-guide": True, "/docs/pilots.pdf": False, "/docs/pilots.pdf.html": True}
    for n, path in enumerate(paths):
        server.route(path, body=news_page(f"Valdmark pilots story number {n}", other_story(n)), headers=HTML)
    feed = server.route("/feed.rss", headers=RSS, body=rss(server.base, [
        {"title": f"Valdmark pilots story number {n}", "path": path} for n, path in enumerate(paths)]))
    err = io.StringIO()

    report = run_fetch([feed], tmp_path, OPTIONS, err=err)

    allowed = [p for p, ok in paths.items() if ok]
    disallowed = [p for p, ok in paths.items() if not ok]
    for path in allowed:
        assert len(server.requests_to(path)) == 1, path
    for path in disallowed:
        assert server.requests_to(path) == [], path
    assert len(server.requests_to("/robots.txt")) == 1
    # A disallowed page is never fetched; its feed's headline is published alone, linking to it.
    assert err.getvalue() == ""
    assert (report.items_new, report.items_refused, report.items_failed) == (len(paths), 0, 0) and report.ok
    articles = {a.url: a for a in load_articles(tmp_path)}
    for n, path in enumerate(paths):
        if not paths[path]:
            headline_only = articles[server.url(path)]
            assert headline_only.title == f"Valdmark pilots story number {n}" and headline_only.body.strip() == ""

    # Tomorrow's run does not ask again, and says nothing.
    server.log.clear()
    err = io.StringIO()
    again = run_fetch([feed], tmp_path, OPTIONS, err=err)
    assert again.ok and err.getvalue() == "" and again.items_seen == len(paths)
    assert sorted(path for path, _ in server.log) == ["/feed.rss", "/robots.txt"]


def test_a_disallowed_page_is_made_from_the_feed_text(server, tmp_path):
    server.route("/robots.txt", body=b"User-agent: news-digest\nDisallow: /members/\n")
    content = "".join(f"<p>{p}</p>" for p in STORY)
    feed = server.route("/feed.rss", headers=RSS, body=rss(server.base, [
        {"title": "Valdmark harbour pilots strike over rosters", "path": "/members/pilots", "content": content}]))
    report = run_fetch([feed], tmp_path, OPTIONS, err=io.StringIO())
    assert report.ok and report.items_new == 1
    assert server.requests_to("/members/pilots") == []
    (article,) = load_articles(tmp_path)
    assert "eleven container ships" in article.body and article.url == server.url("/members/pilots")


def test_an_unreachable_robots_txt_means_nothing_is_fetched(server, tmp_path):
    """RFC 9309: a robots.txt answering 5xx is 'unreachable': assume everything is disallowed."""
    server.route("/robots.txt", status=503, body=b"down for maintenance")
    feed = server.route("/feed.rss", headers=RSS, body=rss(server.base, [{"title": "Pilots", "path": "/news/pilots"}]))
    err = io.StringIO()
    report = run_fetch([feed], tmp_path, OPTIONS, err=err)
    assert report.feeds_failed == 1 and server.requests_to("/feed.rss") == []
    (line,) = err.getvalue().splitlines()
    assert feed in line and "robots.txt could not be read (HTTP 503" in line


def test_robots_txt_that_is_missing_or_forbidden_allows_everything(server):
    for status in (404, 403):
        server.route("/robots.txt", status=status, body=b"no")
        url = server.route("/page", body=b"ok")
        assert HttpClient(OPTIONS.http).get(url, trusted=[url]).body == b"ok"


def test_pages_of_one_host_share_kept_alive_connections(server, tmp_path):
    """robots.txt, the feed and eight pages: ten requests over at most two connections (2 per host)."""
    items = []
    for n in range(8):
        title = f"Valdmark pilots strike enters day {n + 1}"
        server.route(f"/news/day-{n}", body=news_page(title, other_story(n)), headers=HTML)
        items.append({"title": title, "path": f"/news/day-{n}"})
    feed = server.route("/feed.rss", headers=RSS, body=rss(server.base, items))

    report = run_fetch([feed], tmp_path, OPTIONS, err=io.StringIO())

    assert report.ok and report.items_new == 8
    assert len(server.log) == 10
    assert 1 <= server.connections <= 2, server.connections


def test_the_feed_text_stands_in_for_a_page_that_is_gone(server, tmp_path):
    """RSS content:encoded, Atom content and JSON Feed content_html / content_text, each shorter
    than the length at which it would replace the page, each linking to a 404."""
    short = STORY[0]
    assert len(short) < OPTIONS.full_content_chars
    feeds = [
        server.route("/feed.rss", headers=RSS, body=rss(server.base, [
            {"title": "Valdmark pilots walk out over night shifts", "path": "/gone/rss", "content": f"<p>{short}</p>"}])),
        server.route("/feed.atom", headers={"Content-Type": "application/atom+xml"}, body=(
            "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xml:lang='en'>"
            "<title>Valdmark Post: Atom</title><id>urn:vp:atom</id><updated>2031-04-14T06:00:00Z</updated>"
            "<entry><title>Ships wait off Valdmark as pilots strike</title><id>urn:vp:atom:1</id>"
            f"<link rel='alternate' href='{server.base}/gone/atom'/><updated>2031-04-14T06:00:00Z</updated>"
            f"<content type='html'>&lt;p&gt;{STORY[1]}&lt;/p&gt;</content></entry></feed>").encode()),
        server.route("/feed.json", headers={"Content-Type": "application/feed+json"}, body=json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": "Valdmark Post: JSON", "language": "en",
            "items": [
                {"id": "vp-json-1", "url": f"{server.base}/gone/json-html", "title": "Valdmark port authority regrets pilots' action",
                 "date_published": "2031-04-14T07:00:00Z", "content_html": f"<p>{STORY[2]}</p>"},
                {"id": "vp-json-2", "url": f"{server.base}/gone/json-text", "title": "Island ferry keeps running during Valdmark strike",
                 "date_published": "2031-04-14T08:00:00Z", "content_text": "The island ferry sailed on time on Monday despite the pilots' stoppage in Valdmark, its operator said."
                                 "\n\nThe ferry timetable is unchanged."},
                {"id": "vp-json-3", "url": f"{server.base}/gone/json-none", "title": "Valdmark pilots: what we know",
                 "date_published": "2031-04-14T09:00:00Z", "summary": "A teaser only."},
            ]}).encode()),
    ]
    err = io.StringIO()
    report = run_fetch(feeds, tmp_path, OPTIONS, err=err)

    for path in ("/gone/rss", "/gone/atom", "/gone/json-html", "/gone/json-text", "/gone/json-none"):
        assert len(server.requests_to(path)) == 1, path  # the page was tried first
    articles = {a.title: a for a in load_articles(tmp_path)}
    assert set(articles) == {"Valdmark pilots walk out over night shifts", "Ships wait off Valdmark as pilots strike",
                             "Valdmark port authority regrets pilots' action", "Island ferry keeps running during Valdmark strike"}
    assert "eleven container ships" in articles["Valdmark pilots walk out over night shifts"].body
    assert "fog often closes the channel" in articles["Ships wait off Valdmark as pilots strike"].body
    assert "timetable is unchanged" in articles["Island ferry keeps running during Valdmark strike"].body
    assert articles["Ships wait off Valdmark as pilots strike"].url == server.url("/gone/atom")
    # Only the item with no text of its own fails, with the page's error.
    (line,) = err.getvalue().splitlines()
    assert "/gone/json-none" in line and "HTTP 404" in line
    assert (report.items_new, report.items_failed) == (4, 1)


def test_requests_go_through_the_proxy_named_in_the_environment(server, tmp_path, monkeypatch):
    """HTTP_PROXY points at our server, which sees the absolute address a proxy is asked for.

    news.valdmark.test does not resolve here; the proxy resolves it, as proxies do.
    """
    monkeypatch.setenv("HTTP_PROXY", server.base)
    origin = "http://news.valdmark.test"
    server.route(f"{origin}/robots.txt", status=404)
    server.route(f"{origin}/news/pilots", body=news_page("Valdmark pilots strike over rosters", STORY), headers=HTML)
    server.route(f"{origin}/feed.rss", headers=RSS, body=rss(origin, [{"title": "Valdmark pilots strike over rosters", "path": "/news/pilots"}]))
    report = run_fetch([f"{origin}/feed.rss"], tmp_path, OPTIONS, err=io.StringIO())
    assert report.ok and report.items_new == 1
    assert [path for path, _ in server.log] == [f"{origin}/robots.txt", f"{origin}/feed.rss", f"{origin}/news/pilots"]
    assert {headers["host"] for _, headers in server.log} == {"news.valdmark.test"}

    # NO_PROXY sends the listed hosts direct.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    url = server.route("/direct", body=b"direct")
    server.log.clear()
    assert HttpClient(OPTIONS.http).get(url, trusted=[url]).body == b"direct"
    assert [path for path, _ in server.log] == ["/robots.txt", "/direct"]
