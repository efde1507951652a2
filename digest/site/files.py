"""The generated files that are not pages: the feeds and the search index, as ``{source path: text}``.

Pure, like pages.py: the plugin hands them to MkDocs as in-memory files; an exporter
can write the same mapping to a folder.
"""
from __future__ import annotations

from collections.abc import Iterator

from . import feeds, paths, search
from .context import SiteData
from .views import outlet


def static_files(site: SiteData, meta: feeds.FeedSite, feed_items: int, search_shard_bytes: int | None) -> dict[str, str]:
    """Feeds, and the search index unless ``search_shard_bytes`` is None (no search)."""
    out = feeds.all_feeds(site, meta, feed_items)
    if search_shard_bytes is not None:
        index = search.build(search_docs(site), max_shard=search_shard_bytes)
        out.update({f"{paths.SEARCH_DATA}/{path}": text for path, text in index.items()})
    return out


def search_docs(site: SiteData) -> Iterator[search.SearchDoc]:
    """Story by story, oldest story first: the story's page (when it has one), then its articles.

    An article is found at its page, or at its original once the page is retired; one
    with neither is left out.
    """
    for snap in reversed(site.newest):
        story = snap.story
        regions = tuple(paths.slug(r) for r in story.regions)
        topics = tuple(paths.slug(t) for t in story.topics)
        first = True
        if site.has_page(story):
            days = tuple(story.arrivals)
            text = " ".join([*(a.title for a in story.articles), *story.shared_terms, *(k.text for k in story.key_facts)])
            yield search.SearchDoc(site.url(paths.story_uri(story)), snap.title, snap.summary, days[-1] if days else "",
                                   text, snap.reports, True, regions, topics, days)
            first = False
        for a in sorted(story.articles, key=lambda a: (a.date or "", a.id)):
            url = site.article_url(a)
            if not url:
                continue
            a_regions = tuple(dict.fromkeys(paths.slug(r) for r in (a.regions or ([a.region] if a.region else []))))
            yield search.SearchDoc(url, a.title or a.id, a.summary, a.day or "", a.body, outlet(a) or "", first,
                                   a_regions, tuple(paths.slug(t) for t in a.topics), (a.day,) if a.day else ())
            first = False

