"""Feed documents to items: RSS and Atom through feedparser, JSON Feed by hand.

A feed is untrusted input. XML is checked with defusedxml before feedparser sees it,
because feedparser expands entities declared in a DOCTYPE (a "billion laughs" document
would expand in memory); JSON Feed is plain ``json``. Everything here is pure: bytes
in, items out, so it is tested without a network.
"""
from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from ..model import parse_iso

# An entity declaration anywhere: the fallback check for documents too broken for an XML parser.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<!DOCTYPE\s+html|\s*<html", re.IGNORECASE | re.DOTALL)
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"


class FeedError(ValueError):
    """The document is not a feed we read; the message is one line for the user."""


class HostileDocument(FeedError):
    """The document tries to expand entities or reach outside itself."""


@dataclass
class FeedItem:
    """One entry of a feed, as the feed gives it (HTML left as HTML)."""

    key: str  # what identifies the item between runs: guid, else link, else title and date
    title: str = ""
    link: str | None = None
    date: str | None = None  # ISO 8601, UTC
    authors: list[str] = field(default_factory=list)
    summary: str = ""  # HTML or text
    content: str = ""  # the full story as HTML, when the feed carries one
    categories: list[str] = field(default_factory=list)
    source: str = ""  # the outlet an aggregator's item names (RSS <source>, Atom <source><title>)


@dataclass
class Feed:
    title: str = ""
    lang: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """Parse an RSS, Atom or JSON Feed document fetched from url."""
    head = body[:64].lstrip(b" \t\r\n\xef\xbb\xbf")[:1]  # whitespace and a UTF-8 byte order mark
    if "json" in content_type or head == b"{":
        return parse_json_feed(body, url)
    return parse_xml_feed(body, url, content_type)


def check_xml(body: bytes) -> None:
    """Refuse XML that declares entities or external references; tolerate malformed XML.

    A document too broken for defusedxml is still read by feedparser's lenient parser,
    so it gets the plain-text check for entity declarations instead.
    """
    try:
        defused_fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise HostileDocument(f"refused: the document declares entities or external references ({type(e).__name__})") from None
    except (ParseError, ValueError):
        if _ENTITY_DECL.search(body):
            raise HostileDocument("refused: the document declares entities") from None


def parse_xml_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    check_xml(body)
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        if content_type in ("text/html", "application/xhtml+xml") or _HTML_START.match(body):
            raise FeedError("not a feed: an HTML page (a site's feed address is in its <link rel=\"alternate\">)")
        reason = parsed.get("bozo_exception")
        detail = f": {' '.join(str(reason).split())[:120]}" if reason else ""
        raise FeedError(f"not a feed (no RSS, Atom or JSON Feed found){detail}")
    info = parsed.feed
    feed = Feed(title=_text(info.get("title")), lang=info.get("language") or None)
    for entry in parsed.entries:
        link = entry.get("link")
        link = urljoin(url, link) if link else None
        date = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        title = _text(entry.get("title"))
        content = max((c.get("value", "") for c in entry.get("content") or []), key=len, default="")
        if not (link or content):
            continue  # nothing to fetch and nothing to read: not an article
        authors = [a.get("name", "") for a in entry.get("authors") or [] if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        feed.items.append(FeedItem(
            key=str(entry.get("id") or link or f"{title}|{date}"),
            title=title,
            link=link,
            date=date,
            authors=authors,
            summary=entry.get("summary", "") or "",
            content=content,
            categories=[t.get("term") for t in entry.get("tags") or [] if t.get("term")],
            source=_text((entry.get("source") or {}).get("title")),
        ))
    return feed


def parse_json_feed(body: bytes, url: str) -> Feed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise FeedError(f"not a feed (malformed JSON: {e})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(_JSON_FEED_VERSION):
        raise FeedError("not a feed (JSON without a jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("not a feed (JSON Feed without an items list)")
    feed = Feed(title=_str(data.get("title")), lang=_str(data.get("language")) or None)
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _str(item.get("url")) or _str(item.get("external_url"))
        link = urljoin(url, link) if link else None
        title = _str(item.get("title"))
        date = _json_date(item.get("date_published") or item.get("date_modified"))
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        content = _str(item.get("content_html")) or _paragraphs(_str(item.get("content_text")))
        if not (link or content):
            continue
        feed.items.append(FeedItem(
            key=_str(item.get("id")) or link or f"{title}|{date}",
            title=title,
            link=link,
            date=date,
            authors=[_str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")],
            summary=_str(item.get("summary")),
            content=content,
            categories=[_str(t) for t in item.get("tags") or [] if isinstance(t, str)],
        ))
    return feed


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as an ISO 8601 date-time."""
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _json_date(value: Any) -> str | None:
    """JSON Feed dates are RFC 3339; normalised to UTC like the XML ones."""
    d = parse_iso(value) if isinstance(value, str) else None
    return d.astimezone(dt.timezone.utc).isoformat() if d else None


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _paragraphs(text: str) -> str:
    """Plain text content as HTML paragraphs, escaped, so both content kinds take one path."""
    from html import escape

    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paras)
