"""Every generated page: where it lives, its template, its title and description, its view.

Pure: the plugin hands MkDocs one in-memory file per page and renders the page's
template with its view when MkDocs builds it; an exporter can render the same
templates with the same views into plain files for any other builder.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..escaping import unescape_markdown
from . import paths
from .views import Card, Link, Views

DESCRIPTION = 200  # characters of a page's description (search results and link previews show about that)


@dataclass(frozen=True)
class PageSpec:
    """A generated page: its template under ``fragments/digest/`` and the view it renders."""

    uri: str
    template: str
    title: str
    description: str
    view: Callable[[], object]
    og_type: str = "website"
    feeds: list[Link] = field(default_factory=list)
    """Feeds of this page's own subject, advertised besides the site's (region and topic pages)."""


def pages(views: Views, search: bool = True) -> dict[str, PageSpec]:
    """Home, archive and days, regions, topics, stories and search, by source path."""
    site = views.site
    out: list[PageSpec] = []
    home = [views.card(s) for s in site.edition.stories[:3]]
    out.append(PageSpec(paths.HOME, "home.html", views.title, _headlines("Top stories", home), views.home))
    out.append(PageSpec(paths.ARCHIVE, "archive.html", "Archive", "Every day's briefing as it stood that day.", views.archive))
    for briefing in site.days:
        lead = [views.card(s) for s in briefing.stories[:3]]
        title = views.day_title(briefing.day)
        out.append(PageSpec(paths.day_uri(briefing.day), "day.html", title,
                            _headlines(f"{title}: {len(briefing.stories)} stories", lead), lambda b=briefing: views.day(b)))
    out.append(PageSpec(paths.REGIONS, "index.html", "Regions", "The news by region.", lambda: views.index("region")))
    out.append(PageSpec(paths.TOPICS, "index.html", "Topics", "The news by topic.", lambda: views.index("topic")))
    for kind, groups, label, uri, feed_kind in (
        ("region", site.by_region, site.labels.region, paths.region_uri, "regions"),
        ("topic", site.by_topic, site.labels.topic, paths.topic_uri, "topics"),
    ):
        for key, snaps in groups.items():
            name = label(key)
            feeds = [Link(f"{name} (Atom)", site.url(paths.feed_uri(feed_kind, key, "xml"))),
                     Link(f"{name} (JSON Feed)", site.url(paths.feed_uri(feed_kind, key, "json")))]
            latest = [views.card(s) for s in snaps[:3]]
            out.append(PageSpec(uri(key), "facet.html", name, _headlines(f"Latest in {name}", latest),
                                lambda k=kind, key=key: views.facet(k, key), feeds=feeds))
    for story in site.stories:
        if site.has_page(story):
            snap = site.whole[story.id]
            out.append(PageSpec(paths.story_uri(story), "story.html", snap.title, _clip(snap.summary or snap.title),
                                lambda s=story: views.story(s), og_type="article"))
    if search:
        out.append(PageSpec(paths.SEARCH, "search.html", "Search", "Search every story and article.", views.search))
    return {p.uri: p for p in out}


def _headlines(lead: str, cards: list[Card]) -> str:
    return _clip(f"{lead}: " + "; ".join(c.headline.text for c in cards)) if cards else lead


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION else text[: DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"


def article_description(summary: str, body: str) -> str:
    return _clip(summary or unescape_markdown(body[:400]))
