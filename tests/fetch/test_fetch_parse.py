"""Feed documents to items, and hostile documents refused before feedparser sees them."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.fetch.parse import Feed, FeedError, HostileDocument, parse_feed
from digest.fetch.records import item_record
from digest.fetch.sources import FeedSpec

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "http://news.test"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{BASE}", BASE.encode())


def test_rss_items_with_dates_authors_and_full_content():
    feed = parse_feed(load("world.rss"), f"{BASE}/world.rss", "application/rss+xml")
    assert feed.title == "The Meridian Courier: World" and feed.lang == "en"
    keys = [i.key for i in feed.items]
    assert keys == ["courier-2031-0412-ferry", "courier-2031-0412-marathon", "courier-2031-0411-water"]
    ferry, _, water = feed.items
    assert ferry.link == f"{BASE}/world/ferry-strike"
    assert ferry.date == "2031-04-12T05:30:00+00:00"
    assert ferry.authors == ["Ingrid Falkvang"] and ferry.categories == ["Europe"]
    assert ferry.content == ""
    assert "desalination plant on the coast" in water.content


def test_atom_entry():
    feed = parse_feed(load("regional.atom"), f"{BASE}/asia.atom", "application/atom+xml")
    (entry,) = feed.items
    assert entry.key == "urn:example:pacific-ledger:2031:typhoon-lumen"
    assert entry.link == f"{BASE}/asia/typhoon-lumen"
    assert entry.date == "2031-04-11T22:15:00+00:00"
    assert entry.authors == ["Marisol Dizon"]


def test_json_feed_text_content_becomes_paragraphs():
    feed = parse_feed(load("briefs.json"), f"{BASE}/briefs.json", "application/feed+json")
    (item,) = feed.items
    assert item.key == "hw-2031-04-12-lighthouse" and item.authors == ["Callum Reid"]
    assert item.date == "2031-04-12T09:00:00+00:00"
    assert item.content.count("<p>") == 4


def test_json_feed_with_a_byte_order_mark_and_no_content_type():
    feed = parse_feed(b"\xef\xbb\xbf\n" + load("briefs.json"), f"{BASE}/briefs.json")
    assert [i.key for i in feed.items] == ["hw-2031-04-12-lighthouse"]


def test_relative_links_resolve_against_the_feed_address():
    rss = b'<rss version="2.0"><channel><title>T</title><item><title>A</title><link>/story/a</link></item></channel></rss>'
    (item,) = parse_feed(rss, f"{BASE}/feeds/main.xml").items
    assert item.link == f"{BASE}/story/a" and item.key == item.link


def test_an_aggregators_item_names_its_outlet():
    rss = (b'<rss version="2.0"><channel><title>Top stories - Harbour Aggregator</title><item>'
           b'<title>Ferry strike halts island crossings - The Harbour Ledger</title><link>/a</link>'
           b'<source url="https://ledger.example/rss">The Harbour Ledger</source></item></channel></rss>')
    (item,) = parse_feed(rss, f"{BASE}/top.rss").items
    assert item.source == "The Harbour Ledger"
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Aggregator</title><id>urn:agg</id>'
            b'<entry><title>Typhoon Lumen nears coast</title><id>urn:agg:1</id><link href="/b"/>'
            b'<source><title>Pacific Ledger</title><id>urn:pl</id></source></entry></feed>')
    (entry,) = parse_feed(atom, f"{BASE}/top.atom").items
    assert entry.source == "Pacific Ledger"
    record = item_record(item, Feed(title="Top stories - Harbour Aggregator"), FeedSpec(url=f"{BASE}/top.rss"), "<html></html>")
    assert record["source"] == "The Harbour Ledger"


@pytest.mark.parametrize("name", ["bomb.xml", "external.xml"])
def test_entity_declarations_are_refused(name):
    with pytest.raises(HostileDocument, match="refused"):
        parse_feed(load(name), f"{BASE}/{name}")


def test_entity_declaration_in_broken_xml_is_refused_too():
    broken = b'<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</item></rss>'
    with pytest.raises(HostileDocument):
        parse_feed(broken, f"{BASE}/broken.xml")


@pytest.mark.parametrize("body, content_type", [
    (b"<!DOCTYPE html><html><body><p>Welcome to our site</p></body></html>", "text/html"),
    (b"just some words", "text/plain"),
    (b'{"hello": "world"}', "application/json"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "application/feed+json"),
    (b"{not json", "application/json"),
])
def test_documents_that_are_not_feeds(body, content_type):
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(body, f"{BASE}/x", content_type)


def test_an_empty_feed_is_a_feed():
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet day</title></channel></rss>', f"{BASE}/q")
    assert feed.title == "Quiet day" and feed.items == []
