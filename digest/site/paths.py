"""Where each generated page and feed lives in the site's sources (paths as MkDocs' File.src_uri).

Only the source paths are chosen here: the URL of each page is MkDocs' own
(``File.url``), and templates link with MkDocs' ``url`` filter.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from ..model import Story
from ..store import slugify

HOME = "index.md"
ARCHIVE = "days/index.md"
REGIONS = "regions/index.md"
TOPICS = "topics/index.md"
SEARCH = "search.md"
FEEDS = "feeds"
FEED_STYLE = "assets/stylesheets/feed.css"
SEARCH_DATA = "search-data"


def nav_pages(search: bool = True) -> tuple[str, ...]:
    """The generated pages every site has (a navigation names them), whatever its stories."""
    return (HOME, ARCHIVE, REGIONS, TOPICS, SEARCH) if search else (HOME, ARCHIVE, REGIONS, TOPICS)


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """The slug of a region or topic in page paths, feed paths and search filters."""
    return slugify(name)


def day_uri(day: str) -> str:
    return f"days/{day}.md"


def region_uri(name: str) -> str:
    return f"regions/{slug(name)}.md"


def topic_uri(name: str) -> str:
    return f"topics/{slug(name)}.md"


def story_uri(story: Story) -> str:
    return _story_uri(story.id)


@lru_cache(maxsize=1 << 16)
def _story_uri(story_id: str) -> str:
    return f"stories/{slugify(story_id, 80)}.md"


def feed_uri(kind: str, name: str | None, ext: str) -> str:
    """feeds/all.xml, feeds/regions/europe.json, ... (ext: 'xml' for Atom, 'json' for JSON Feed)."""
    return f"{FEEDS}/all.{ext}" if name is None else f"{FEEDS}/{kind}/{slug(name)}.{ext}"


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: no javascript: or data: links."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
