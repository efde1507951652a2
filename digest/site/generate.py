"""Every generated file of the site, as ``{source path: text}``, from SiteData and options.

Pure: the plugin hands the result to MkDocs as in-memory files; an exporter could write
the same mapping to a folder for any other static-site builder.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Article
from . import feeds, render, search, urls
from .context import SiteData

SEARCH_DIR = "search-data"


@dataclass(frozen=True)
class Options:
    """The rendering knobs of the plugin config (see config.py for their meaning)."""

    title: str = "Today's briefing"
    top_stories: int = 10
    home_list_limit: int = 6
    list_limit: int = 20
    feed_items: int = 50
    search: bool = True
    search_shard_bytes: int = 48_000


def pages(site: SiteData, opts: Options) -> dict[str, str]:
    """The Markdown pages: home, days and archive, regions, topics, stories, search."""
    out = {urls.HOME: render.home(site, opts.top_stories, opts.home_list_limit, opts.title), urls.ARCHIVE: render.archive(site)}
    for day in site.days:
        out[urls.day_uri(day.day)] = render.day_page(site, day, opts.top_stories, opts.home_list_limit)
    out[urls.REGIONS] = render.index_page(site, "Regions", site.by_region, site.labels.region, urls.region_uri, urls.REGIONS)
    out[urls.TOPICS] = render.index_page(site, "Topics", site.by_topic, site.labels.topic, urls.topic_uri, urls.TOPICS)
    for region in site.by_region:
        out[urls.region_uri(region)] = render.region_page(site, region, opts.list_limit)
    for topic in site.by_topic:
        out[urls.topic_uri(topic)] = render.topic_page(site, topic, opts.list_limit)
    for story in site.stories:
        if site.has_page(story):
            out[urls.story_uri(story)] = render.story_page(site, story)
    if opts.search:
        out[urls.SEARCH] = render.search_page()
    return out


def search_docs(site: SiteData) -> Iterator[search.SearchDoc]:
    """Every article (its page, or its original once the page is retired) and every story page.

    Oldest first, so a higher document number is newer: search.js breaks ties by it.
    """
    docs: list[tuple[str, search.SearchDoc]] = []
    for story in site.stories:
        for a in story.articles:
            url = _article_url(site, a)
            if url:
                docs.append((a.date or "", search.SearchDoc(url, a.title or a.id, a.summary, a.day or "", a.body)))
        if site.has_page(story):
            text = " ".join([*(a.title for a in story.articles), *story.shared_terms, *story.key_points])
            url = urls.page_url(urls.story_uri(story), site.use_directory_urls)
            docs.append((story.last_date or "", search.SearchDoc(url, render.story_title(story), story.summary, (story.last_date or "")[:10], text)))
    docs.sort(key=lambda d: d[0])
    return (d for _, d in docs)


def _article_url(site: SiteData, article: Article) -> str | None:
    if article.path and article.id in site.kept:
        return urls.page_url(article.path, site.use_directory_urls)
    return urls.safe_url(article.url)


def static_files(site: SiteData, opts: Options, meta: feeds.FeedSite) -> dict[str, str]:
    """Feeds and the search index (copied to the site as they are)."""
    out = feeds.all_feeds(site, meta, opts.feed_items)
    if opts.search:
        index = search.build(search_docs(site), max_shard=opts.search_shard_bytes)
        out.update({f"{SEARCH_DIR}/{path}": text for path, text in index.items()})
    return out
