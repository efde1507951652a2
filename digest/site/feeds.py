"""Atom (RFC 4287) and JSON Feed 1.1 documents of stories: pure functions returning text.

One entry per story, newest coverage first. Entry ids are UUIDs derived from the story
id, so they are valid IRIs whether or not the site has a ``site_url``; links are
absolute when ``site_url`` is set and relative to the feed file otherwise.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..group import briefing
from ..model import Story, parse_iso
from . import render, urls
from .context import SiteData

ATOM_NS = "http://www.w3.org/2005/Atom"
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
_ID_NAMESPACE = uuid.UUID("6f1d2b8e-8f0c-4f39-9a64-8f3c1b7e2d10")


@dataclass(frozen=True)
class Feed:
    """What one feed is about: its title, its page on the site, and its file (source paths)."""

    title: str
    page_uri: str
    atom_uri: str
    json_uri: str


@dataclass(frozen=True)
class FeedSite:
    """Site-wide values every feed repeats."""

    name: str
    site_url: str | None
    language: str | None


def entry_id(story: Story) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, story.id)}"


def rfc3339(date: str | None) -> str:
    d = parse_iso(date) or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _absolute(site: SiteData, meta: FeedSite, target: str | None, feed_uri: str) -> str | None:
    """A link to target (a source path, or an outside URL) as seen from the feed file."""
    if target is None:
        return None
    if urls.safe_url(target):
        return target
    url = urls.page_url(target, site.use_directory_urls)
    if meta.site_url:
        return meta.site_url.rstrip("/") + "/" + url
    return urls.relative(url, feed_uri)


def _story_target(site: SiteData, story: Story) -> str | None:
    """Where a story entry links: its page, its single article's page, or the original."""
    if site.has_page(story):
        return urls.story_uri(story)
    article = story.articles[0]
    if article.path and article.id in site.kept:
        return article.path
    return urls.safe_url(article.url)


def _content_html(story: Story) -> str:
    parts = [f"<p>{render.e(story.summary)}</p>" if story.summary else "", f"<p>{render.coverage(story)}</p>"]
    return "".join(parts)


def _categories(site: SiteData, story: Story) -> list[tuple[str, str]]:
    return [(r, site.labels.region(r)) for r in story.regions] + [(t, site.labels.topic(t)) for t in story.topics]


def atom(site: SiteData, meta: FeedSite, feed: Feed, stories: list[Story]) -> str:
    """An Atom 1.0 feed document."""
    ET.register_namespace("", ATOM_NS)
    q = lambda tag: f"{{{ATOM_NS}}}{tag}"  # noqa: E731 - a local shorthand for namespaced tags
    root = ET.Element(q("feed"))
    if meta.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", meta.language)
    ET.SubElement(root, q("id")).text = f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + feed.atom_uri)}"
    ET.SubElement(root, q("title")).text = f"{meta.name}: {feed.title}"
    ET.SubElement(root, q("updated")).text = rfc3339(max((briefing.latest(s) for s in stories), default=None))
    ET.SubElement(ET.SubElement(root, q("author")), q("name")).text = meta.name
    ET.SubElement(root, q("link"), rel="self", type="application/atom+xml", href=_absolute(site, meta, feed.atom_uri, feed.atom_uri) or "")
    ET.SubElement(root, q("link"), rel="alternate", type="text/html", href=_absolute(site, meta, feed.page_uri, feed.atom_uri) or "")
    ET.SubElement(root, q("generator")).text = "news-digest"
    for story in stories:
        entry = ET.SubElement(root, q("entry"))
        ET.SubElement(entry, q("id")).text = entry_id(story)
        ET.SubElement(entry, q("title"), type="text").text = render.story_title(story)
        ET.SubElement(entry, q("updated")).text = rfc3339(story.last_date)
        ET.SubElement(entry, q("published")).text = rfc3339(story.first_date)
        href = _absolute(site, meta, _story_target(site, story), feed.atom_uri)
        if href:
            ET.SubElement(entry, q("link"), rel="alternate", type="text/html", href=href)
        if story.summary:
            ET.SubElement(entry, q("summary"), type="text").text = story.summary
        ET.SubElement(entry, q("content"), type="html").text = _content_html(story)
        for term, label in _categories(site, story):
            ET.SubElement(entry, q("category"), term=term, label=label)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(site: SiteData, meta: FeedSite, feed: Feed, stories: list[Story]) -> str:
    """A JSON Feed 1.1 document."""
    doc: dict = {"version": JSONFEED_VERSION, "title": f"{meta.name}: {feed.title}"}
    home = _absolute(site, meta, feed.page_uri, feed.json_uri)
    if home:
        doc["home_page_url"] = home
    doc["feed_url"] = _absolute(site, meta, feed.json_uri, feed.json_uri)
    if meta.language:
        doc["language"] = meta.language
    doc["authors"] = [{"name": meta.name}]
    items = []
    for story in stories:
        item = {"id": entry_id(story), "title": render.story_title(story), "content_html": _content_html(story)}
        url = _absolute(site, meta, _story_target(site, story), feed.json_uri)
        if url:
            item["url"] = url
        if story.summary:
            item["summary"] = story.summary
        item["date_published"] = rfc3339(story.first_date)
        item["date_modified"] = rfc3339(story.last_date)
        item["tags"] = [label for _, label in _categories(site, story)]
        items.append(item)
    doc["items"] = items
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def all_feeds(site: SiteData, meta: FeedSite, limit: int) -> dict[str, str]:
    """Every feed file of the site: source path -> text (everything, each region, each topic)."""
    groups: list[tuple[Feed, list[Story]]] = [
        (Feed("all stories", urls.HOME, urls.feed_uri("all", None, "xml"), urls.feed_uri("all", None, "json")), site.ranked)
    ]
    for kind, grouped, label, page in (
        ("regions", site.by_region, site.labels.region, urls.region_uri),
        ("topics", site.by_topic, site.labels.topic, urls.topic_uri),
    ):
        for key, stories in grouped.items():
            groups.append((Feed(label(key), page(key), urls.feed_uri(kind, key, "xml"), urls.feed_uri(kind, key, "json")), stories))
    out: dict[str, str] = {}
    for feed, stories in groups:
        out[feed.atom_uri] = atom(site, meta, feed, stories[:limit])
        out[feed.json_uri] = json_feed(site, meta, feed, stories[:limit])
    return out
