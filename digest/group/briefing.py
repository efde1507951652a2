"""Briefing assembly: which stories lead each day, and how they sort by region and topic.

Pure functions over :class:`~digest.model.Story` lists, so the site (and any other
exporter) gets the same briefing from the same stories. A story belongs to every day on
which it has coverage: a story that runs for three days shows on three daily briefings,
ranked on each by that day's coverage.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Article, Story


@dataclass(frozen=True)
class Day:
    """One daily briefing: the stories with coverage that day, most important first."""

    day: str
    stories: list[Story]

    @property
    def article_count(self) -> int:
        return sum(1 for s in self.stories for a in s.articles if a.day == self.day)


def independent_count(story: Story, day: str | None = None) -> int:
    """How many independent reports (wire copies left out) a story has, on one day or in all."""
    return sum(1 for a in story.independent if day is None or a.day == day)


def rank(stories: Iterable[Story], day: str | None = None) -> list[Story]:
    """Stories most important first.

    Importance is how many outlets reported the event independently (a wire story
    reprinted forty times is still one report), then how many regions it touches,
    then the most recent coverage first. Sorting is stable on the story id so a
    rebuild with the same input gives the same page.
    """
    def key(story: Story) -> tuple:
        latest = max((a.date or "" for a in story.articles if day is None or a.day == day), default="")
        return (-independent_count(story, day), -len(story.articles), -len(story.regions), _neg(latest), story.id)

    return sorted(stories, key=key)


def _neg(text: str) -> tuple[int, ...]:
    """A sort key that orders strings descending inside an ascending sort."""
    return tuple(-ord(c) for c in text)


def days(stories: Iterable[Story]) -> list[Day]:
    """The daily briefings, newest day first; undated articles belong to no day."""
    by_day: dict[str, list[Story]] = {}
    for story in stories:
        for d in sorted({a.day for a in story.articles if a.day}):
            by_day.setdefault(d, []).append(story)
    return [Day(d, rank(by_day[d], d)) for d in sorted(by_day, reverse=True)]


def group_by(stories: Iterable[Story], keys: Callable[[Story], list[str]]) -> dict[str, list[Story]]:
    """Stories under each of their keys (a story in two regions is listed in both).

    Keys come out with the most stories first, then alphabetically; the stories under
    a key keep the order they came in (rank them first).
    """
    out: dict[str, list[Story]] = {}
    for story in stories:
        for k in dict.fromkeys(keys(story)):
            out.setdefault(k, []).append(story)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def by_region(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Stories under each region any of their articles is mainly about."""
    return group_by(stories, lambda s: s.regions)


def by_topic(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Stories under each topic that leads any of their articles."""
    return group_by(stories, lambda s: s.topics)


def timeline(story: Story) -> list[tuple[str, list[Article]]]:
    """A story's coverage day by day, oldest first; undated articles come last under ''."""
    out: dict[str, list[Article]] = {}
    for a in sorted(story.articles, key=lambda a: a.date or "\uffff"):
        out.setdefault(a.day or "", []).append(a)
    return list(out.items())


def latest(story: Story) -> str:
    """The story's most recent publication date ('' when none is dated)."""
    return story.last_date or ""
