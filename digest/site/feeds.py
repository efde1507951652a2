"""Atom (RFC 4287) and JSON Feed 1.1 documents of stories: pure functions returning text.

One entry per story, newest coverage first. Entry ids are UUIDs derived from the story
id, so they are valid IRIs whether or not the site has a ``site_url``; links are
absolute when ``site_url`` is set and relative to the feed file otherwise (MkDocs'
``get_relative_url``). An Atom feed names a CSS stylesheet, so a browser shows it as a
readable list rather than an XML tree (CSS, not XSLT: Chromium is removing XSLT and
already shows a warning banner over XSLT-styled pages).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from ..model import parse_iso
from . import paths
from .context import SiteData
from .edition import Snapshot
from .views import outlet

ATOM_NS = "http://www.w3.org/2005/Atom"
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
_ID_NAMESPACE = uuid.UUID("6f1d2b8e-8f0c-4f39-9a64-8f3c1b7e2d10")
OUTLETS_NAMED = 5


@dataclass(frozen=True)
class Feed:
    """What one feed is about: its title, its page on the site, and its files (source paths)."""

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


def entry_id(snap: Snapshot) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, snap.id)}"


def rfc3339(date: str | None) -> str:
    d = parse_iso(date) or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(site: SiteData, meta: FeedSite, target: str | None, feed_uri: str) -> str | None:
    """A link to target (a site URL, or an outside URL) as seen from the feed file."""
    if target is None or paths.safe_url(target):
        return target
    if meta.site_url:
        return meta.site_url.rstrip("/") + "/" + target.removeprefix("./")
    return get_relative_url(target or ".", site.url(feed_uri))


def content_html(snap: Snapshot) -> str:
    """The entry's body: its summary, and who reported it when more than one outlet did."""
    parts = [f"<p>{html.escape(snap.summary)}</p>"] if snap.summary else []
    if snap.reports > 1:
        names = list(dict.fromkeys(n for a in snap.independent if (n := outlet(a))))
        shown = ", ".join(html.escape(n) for n in names[:OUTLETS_NAMED])
        rest = f" and {len(names) - OUTLETS_NAMED} more" if len(names) > OUTLETS_NAMED else ""
        parts.append(f"<p>{snap.reports} independent reports" + (f": {shown}{rest}.</p>" if names else ".</p>"))
    return "".join(parts)


def _categories(site: SiteData, snap: Snapshot) -> list[tuple[str, str]]:
    s = snap.story
    return [(r, site.labels.region(r)) for r in s.regions] + [(t, site.labels.topic(t)) for t in s.topics]


def _sort_key(date: str) -> dt.datetime:
    return parse_iso(date) or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _dates(snap: Snapshot) -> tuple[str | None, str | None]:
    """The story's first and latest publication dates as written."""
    dates = [a.date for a in snap.articles if a.date]
    return (min(dates, key=_sort_key), max(dates, key=_sort_key)) if dates else (None, None)


def atom(site: SiteData, meta: FeedSite, feed: Feed, snaps: list[Snapshot]) -> str:
    """An Atom 1.0 feed document, styled for browsers by the site's feed stylesheet."""
    ET.register_namespace("", ATOM_NS)
    q = lambda tag: f"{{{ATOM_NS}}}{tag}"  # noqa: E731 - a local shorthand for namespaced tags
    root = ET.Element(q("feed"))
    if meta.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", meta.language)
    ET.SubElement(root, q("id")).text = f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + feed.atom_uri)}"
    ET.SubElement(root, q("title")).text = f"{meta.name}: {feed.title}"
    ET.SubElement(root, q("subtitle")).text = "A news feed: copy this page's address into a feed reader to follow it."
    ET.SubElement(root, q("updated")).text = rfc3339(max((d for s in snaps if (d := _dates(s)[1])), key=_sort_key, default=None))
    ET.SubElement(ET.SubElement(root, q("author")), q("name")).text = meta.name
    ET.SubElement(root, q("link"), rel="self", type="application/atom+xml", href=_link(site, meta, site.url(feed.atom_uri), feed.atom_uri) or "")
    ET.SubElement(root, q("link"), rel="alternate", type="text/html", href=_link(site, meta, site.url(feed.page_uri), feed.atom_uri) or "")
    ET.SubElement(root, q("generator")).text = "news-digest"
    for snap in snaps:
        first, last = _dates(snap)
        entry = ET.SubElement(root, q("entry"))
        ET.SubElement(entry, q("id")).text = entry_id(snap)
        ET.SubElement(entry, q("title"), type="text").text = snap.title
        ET.SubElement(entry, q("updated")).text = rfc3339(last)
        ET.SubElement(entry, q("published")).text = rfc3339(first)
        href = _link(site, meta, site.story_url(snap.story), feed.atom_uri)
        if href:
            ET.SubElement(entry, q("link"), rel="alternate", type="text/html", href=href)
        if snap.summary:
            ET.SubElement(entry, q("summary"), type="text").text = snap.summary
        ET.SubElement(entry, q("content"), type="html").text = content_html(snap)
        for term, label in _categories(site, snap):
            ET.SubElement(entry, q("category"), term=term, label=label)
    style = get_relative_url(site.url(paths.FEED_STYLE), site.url(feed.atom_uri))
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<?xml-stylesheet type="text/css" href="{html.escape(style)}"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def json_feed(site: SiteData, meta: FeedSite, feed: Feed, snaps: list[Snapshot]) -> str:
    """A JSON Feed 1.1 document."""
    doc: dict = {"version": JSONFEED_VERSION, "title": f"{meta.name}: {feed.title}"}
    home = _link(site, meta, site.url(feed.page_uri), feed.json_uri)
    if home:
        doc["home_page_url"] = home
    doc["feed_url"] = _link(site, meta, site.url(feed.json_uri), feed.json_uri)
    if meta.language:
        doc["language"] = meta.language
    doc["authors"] = [{"name": meta.name}]
    items = []
    for snap in snaps:
        first, last = _dates(snap)
        item = {"id": entry_id(snap), "title": snap.title, "content_html": content_html(snap)}
        url = _link(site, meta, site.story_url(snap.story), feed.json_uri)
        if url:
            item["url"] = url
        if snap.summary:
            item["summary"] = snap.summary
        item["date_published"] = rfc3339(first)
        item["date_modified"] = rfc3339(last)
        item["tags"] = [label for _, label in _categories(site, snap)]
        items.append(item)
    doc["items"] = items
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def all_feeds(site: SiteData, meta: FeedSite, limit: int) -> dict[str, str]:
    """Every feed file of the site: source path -> text (everything, each region, each topic)."""
    groups: list[tuple[Feed, list[Snapshot]]] = [
        (Feed("all stories", paths.HOME, paths.feed_uri("all", None, "xml"), paths.feed_uri("all", None, "json")), site.newest)
    ]
    for kind, grouped, label, page in (
        ("regions", site.by_region, site.labels.region, paths.region_uri),
        ("topics", site.by_topic, site.labels.topic, paths.topic_uri),
    ):
        for key, snaps in grouped.items():
            groups.append((Feed(label(key), page(key), paths.feed_uri(kind, key, "xml"), paths.feed_uri(kind, key, "json")), snaps))
    out: dict[str, str] = {}
    for feed, snaps in groups:
        out[feed.atom_uri] = atom(site, meta, feed, snaps[:limit])
        out[feed.json_uri] = json_feed(site, meta, feed, snaps[:limit])
    return out
