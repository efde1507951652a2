"""Grouping: wire copies and stories, pure functions over a list of Articles.

``group_articles`` is the entry point (the site plugin and ``digest group`` call it);
``story_record`` is a story as the JSON of ``digest group --json``.

The steps, each in its own module:
profile.py (per-article words, entities, shingles; stored.py keeps them with the articles,
cache.py finds them there or in a local cache) ->
copies.py (MinHash/LSH near-duplicates, folded into their original) ->
vectors.py (TF-IDF of words and entities) -> blocking.py (candidate pairs) ->
linkage.py (sparse average linkage) -> stories.py (ids, headline, why grouped).
"""
from __future__ import annotations

from typing import Any

from ..model import Story
from .options import GroupOptions

__all__ = ["GroupOptions", "group_articles", "story_record"]


def __getattr__(name: str) -> Any:
    """``group_articles`` is imported when first used: the pipeline needs numpy and scipy (0.2 s),
    which a site build's own process then never loads (its worker groups, site/background.py)."""
    if name == "group_articles":
        from .grouping import group_articles

        return group_articles
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def story_record(story: Story) -> dict[str, Any]:
    """A story as plain JSON data: what ``digest group --json`` prints for it.

    ``title_from`` is the report the headline and summary come from; ``arrivals`` the
    article ids that arrived each day; ``why_grouped`` the names and terms that linked
    the reports and the days they span; ``key_facts`` sentences with their article and outlet.
    """
    names = set(story.shared_names)
    days = list(story.arrivals)
    return {
        "id": story.id,
        "title": story.title,
        "articles": [a.id for a in story.articles],
        "summary": story.summary,
        "title_from": story.headline_from,
        "independent_reports": len(story.independent),
        "copies": story.copies,
        "shared_terms": story.shared_terms,
        "why_grouped": {
            "names": story.shared_names,
            "terms": [t for t in story.shared_terms if t not in names],
            "first_day": days[0] if days else None,
            "last_day": days[-1] if days else None,
        },
        "key_facts": [{"text": f.text, "article_id": f.article_id, "source": f.source} for f in story.key_facts],
        "arrivals": story.arrivals,
        "first_date": story.first_date,
        "last_date": story.last_date,
        "regions": story.regions,
        "topics": story.topics,
        "countries": story.countries,
    }
