"""Feed items to ingest records: the contract's keys (DESIGN.md, "Input records").

Pure functions: what the feed says about an item, plus the page downloaded for it
when the feed does not carry the whole story, become one record for the ingest
pipeline, which then treats it exactly like a JSON record given to ``digest ingest``.
"""
from __future__ import annotations

import re
from html import escape
from typing import Any

import lxml.html
from lxml.etree import ParserError

from ..ingest.readers import BadInput, decode
from .http import Response
from .parse import Feed, FeedItem
from .sources import FeedSpec

# A feed summary longer than this is the story itself, not a standfirst.
SUMMARY_MAX_CHARS = 400
HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_text(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    if not fragment.strip():
        return ""
    try:
        text = lxml.html.fragment_fromstring(fragment, create_parent="div").text_content()
    except (ParserError, ValueError):
        text = re.sub(r"<[^>]*>", " ", fragment)
    return " ".join(text.split())


def full_content(item: FeedItem, min_chars: int) -> str | None:
    """The story as HTML when the feed carries it (content, or a summary that is the whole story)."""
    for candidate in (item.content, item.summary):
        if candidate and len(html_text(candidate)) >= min_chars:
            return candidate
    return None


def fallback_content(item: FeedItem) -> str | None:
    """The feed's own text of an item, for when its page cannot be fetched: better than nothing.

    The item's content (content:encoded, Atom content, JSON Feed content_html or
    content_text) of any length; else a summary too long to be a standfirst.
    """
    if html_text(item.content):
        return item.content
    if len(html_text(item.summary)) > SUMMARY_MAX_CHARS:
        return item.summary
    return None


def content_page(item: FeedItem, content: str, lang: str | None) -> str:
    """Feed content as an HTML page, so it takes the same HTML path as a downloaded page.

    The headline goes in <title> only: inside the <article> it would be read as the story's
    first paragraph (and its standfirst).
    """
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    return (
        f'<!DOCTYPE html><html{lang_attr}><head><meta charset="utf-8"><title>{escape(item.title)}</title></head>'
        f"<body><article>\n{content}\n</article></body></html>"
    )


def decode_page(response: Response) -> str:
    """A downloaded page as text: the declared charset, else the page's own, else detection."""
    if response.content_type not in HTML_TYPES:
        raise BadInput(f"not an HTML page ({response.content_type})")
    declared = response.charset
    if not declared:
        m = _META_CHARSET.search(response.body[:4096])
        declared = m.group(1).decode("ascii") if m else None
    if declared:
        try:
            return response.body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(response.body)


def item_record(item: FeedItem, feed: Feed, spec: FeedSpec, html: str, url: str | None = None) -> dict[str, Any]:
    """The ingest record of one item; ``html`` is its page (downloaded, or built from the feed)."""
    record: dict[str, Any] = {
        "id": item.key,
        "title": item.title,
        "html": html,
        "url": url or item.link,
        "date": item.date,
        "source": item.source or spec.name or feed.title or None,  # an aggregator's item names its outlet
        "authors": list(item.authors),
        "lang": feed.lang,
        "section": item.categories[0] if item.categories else None,
        "summary": _standfirst(item.summary),
    }
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _standfirst(summary: str) -> str | None:
    """A short feed summary is the standfirst; a long one is the story, not a summary."""
    text = html_text(summary)
    return text if text and len(text) <= SUMMARY_MAX_CHARS else None
