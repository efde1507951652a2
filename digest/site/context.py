"""Everything the page renderers need, computed once per build from articles and stories.

The plugin builds one :class:`SiteData`; every renderer is a pure function of it, so
pages can be rendered (and tested) without MkDocs.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import yaml

from ..group import briefing
from ..model import Article, Story
from . import urls

LABELS_FILE = Path(__file__).with_name("labels.yml")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
T = TypeVar("T")


@dataclass(frozen=True)
class Labels:
    """Display names of topic and region slugs."""

    topics: dict[str, str]
    regions: dict[str, str]

    @classmethod
    def load(cls) -> "Labels":
        data = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
        return cls(dict(data["topics"]), dict(data["regions"]))

    def topic(self, slug: str) -> str:
        return self.topics.get(slug) or _humanize(slug)

    def region(self, slug: str) -> str:
        return self.regions.get(slug) or _humanize(slug)


def _humanize(slug: str) -> str:
    text = slug.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else slug


@dataclass
class SiteData:
    """The stories of a site and where each article and story is published."""

    stories: list[Story]
    labels: Labels
    kept: set[str] = field(default_factory=set)
    use_directory_urls: bool = True
    search: bool = True
    """Whether the site has the search page (pages may link to it with a query)."""
    fragments: dict[tuple, object] = field(default_factory=dict, repr=False, compare=False)
    """Rendered pieces shared by many pages (see :meth:`fragment`)."""

    def fragment(self, key: tuple, make: Callable[[], T]) -> T:
        """The piece under key, made on first use.

        A story's tags and 'more on this story' list are the same on each of its
        articles' pages (all at one folder depth, so with the same relative links):
        made once per story and depth, not once per article.
        """
        if key not in self.fragments:
            self.fragments[key] = make()
        return self.fragments[key]  # type: ignore[return-value]

    def depth(self, uri: str) -> int:
        """How many folders down the page at uri is: pages at one depth share relative links."""
        return urls.page_url(uri, self.use_directory_urls).count("/")

    @cached_property
    def days(self) -> list[briefing.Day]:
        return briefing.days(self.stories)

    @cached_property
    def story_of(self) -> dict[str, Story]:
        return {a.id: s for s in self.stories for a in s.articles}

    @cached_property
    def ranked(self) -> list[Story]:
        """Every story, newest coverage first (for region/topic pages and feeds)."""
        return sorted(self.stories, key=lambda s: (briefing.latest(s), s.id), reverse=True)

    @cached_property
    def by_region(self) -> dict[str, list[Story]]:
        return briefing.by_region(self.ranked)

    @cached_property
    def by_topic(self) -> dict[str, list[Story]]:
        return briefing.by_topic(self.ranked)

    # -- links ----------------------------------------------------------------------------
    def href(self, to_uri: str, from_uri: str) -> str:
        """Relative link between two files of the site (source paths)."""
        return urls.relative(urls.page_url(to_uri, self.use_directory_urls), urls.page_url(from_uri, self.use_directory_urls))

    def has_page(self, story: Story) -> bool:
        """Stories of two or more articles get a page; a single report links to itself."""
        return len(story.articles) > 1

    def article_href(self, article: Article, from_uri: str) -> str | None:
        """The article's page on this site when it is kept, else the original (http/https only)."""
        if article.path and article.id in self.kept:
            return self.href(article.path, from_uri)
        return urls.safe_url(article.url)

    def story_href(self, story: Story, from_uri: str) -> str | None:
        if self.has_page(story):
            return self.href(urls.story_uri(story), from_uri)
        return self.article_href(story.articles[0], from_uri)


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
