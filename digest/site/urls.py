"""Where every generated page and feed lives, and how one page links to another.

Generated pages carry their cards as raw HTML (fast to render, exact markup), and
MkDocs does not rewrite links in raw HTML, so relative links are computed here, the
way MkDocs itself turns a source path into a URL.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ..model import Story
from ..store import slugify

HOME = "index.md"
ARCHIVE = "days/index.md"
REGIONS = "regions/index.md"
TOPICS = "topics/index.md"
SEARCH = "search.md"
FEEDS = "feeds"


def day_uri(day: str) -> str:
    return f"days/{day}.md"


def region_uri(slug: str) -> str:
    return f"regions/{slugify(slug)}.md"


def topic_uri(slug: str) -> str:
    return f"topics/{slugify(slug)}.md"


def story_uri(story: Story) -> str:
    return f"stories/{slugify(story.id, 80)}.md"


def feed_uri(kind: str, slug: str | None, ext: str) -> str:
    """feeds/all.xml, feeds/regions/europe.json, ... (ext: 'xml' for Atom, 'json' for JSON Feed)."""
    return f"{FEEDS}/all.{ext}" if slug is None else f"{FEEDS}/{kind}/{slugify(slug)}.{ext}"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives the file at src_uri."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(to_url: str, from_url: str) -> str:
    """The link from the page at from_url to to_url (both site-root relative URLs).

    Always up to the root and down again: not the shortest path, but one string
    operation per link, and links are the bulk of the generated pages.
    """
    return ("../" * from_url.count("/") + to_url) or "./"


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: no javascript: or data: links."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
