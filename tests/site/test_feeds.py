"""Atom and JSON Feed 1.1 documents, checked against the required parts of each spec."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from digest.model import Article, Story
from digest.site import feeds
from digest.site.context import Labels, SiteData

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def make_site() -> SiteData:
    a1 = Article(id="a1", title="Dam <opens>", summary="A & B", date="2030-05-01T10:00:00Z", region="europe",
                 topics=["environment"], path="articles/2030/05/01/a1.md", url="https://x.example/a1")
    a2 = Article(id="a2", title="Dam opens", summary="", date="2030-05-02T09:00:00+02:00", region="africa",
                 topics=["environment"], path="articles/2030/05/02/a2.md")
    a3 = Article(id="a3", title="Old report", date="2020-01-01", url="javascript:alert(1)", region="europe")
    stories = [
        Story(id="dam", title="Dam <opens>", summary="A & B", articles=[a1, a2]),
        Story(id="old", title="Old report", summary="", articles=[a3]),
    ]
    return SiteData(stories, Labels.load(), kept={"a1", "a2"})


META = feeds.FeedSite("Digest", "https://digest.example/", "en")


def test_atom_feed_has_the_required_elements():
    files = feeds.all_feeds(make_site(), META, limit=10)
    root = ET.fromstring(files["feeds/all.xml"].encode("utf-8"))
    assert root.tag == A + "feed"
    for tag in ("id", "title", "updated"):
        assert root.find(A + tag) is not None and root.find(A + tag).text
    assert RFC3339.match(root.find(A + "updated").text)
    assert root.find(f"{A}author/{A}name").text == "Digest"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://digest.example/feeds/all.xml"
    entries = root.findall(A + "entry")
    assert len(entries) == 2
    ids = [e.find(A + "id").text for e in entries]
    assert len(set(ids)) == 2 and all(i.startswith("urn:uuid:") for i in ids)
    first = entries[0]  # newest first
    assert first.find(A + "title").text == "Dam <opens>"  # text, escaped by the XML writer
    assert RFC3339.match(first.find(A + "updated").text)
    assert first.find(A + "link").get("href") == "https://digest.example/stories/dam/"
    assert {c.get("term") for c in first.findall(A + "category")} == {"europe", "africa", "environment"}
    # The old single report has no safe link: it still carries content, as the spec requires.
    assert entries[1].find(A + "link") is None and entries[1].find(A + "content") is not None


def test_json_feed_follows_version_1_1():
    files = feeds.all_feeds(make_site(), META, limit=10)
    doc = json.loads(files["feeds/regions/europe.json"])
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["title"] and doc["feed_url"] == "https://digest.example/feeds/regions/europe.json"
    assert doc["home_page_url"] == "https://digest.example/regions/europe/"
    assert doc["language"] == "en" and doc["authors"] == [{"name": "Digest"}]
    for item in doc["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        assert RFC3339.match(item["date_published"]) and RFC3339.match(item["date_modified"])
        assert "javascript:" not in json.dumps(item)
    assert doc["items"][0]["date_modified"] == "2030-05-02T07:00:00Z"  # normalised to UTC
    assert "&lt;opens&gt;" not in doc["items"][0]["title"]  # JSON titles are plain text


def test_a_feed_per_region_and_topic_and_the_limit_applies():
    files = feeds.all_feeds(make_site(), META, limit=1)
    assert {"feeds/all.xml", "feeds/all.json", "feeds/regions/europe.xml", "feeds/regions/africa.json",
            "feeds/topics/environment.xml"} <= set(files)
    assert len(json.loads(files["feeds/all.json"])["items"]) == 1


def test_links_are_relative_to_the_feed_without_site_url():
    meta = feeds.FeedSite("Digest", None, None)
    doc = json.loads(feeds.all_feeds(make_site(), meta, 10)["feeds/topics/environment.json"])
    assert doc["items"][0]["url"] == "../../stories/dam/"
    assert "language" not in doc
