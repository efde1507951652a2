"""Which stories a briefing shows, in which order, as they stood when it was made.

* The **rolling edition** (the home page): every story with coverage in the last
  ``hours`` before the newest article, the window reaching back by whole steps when it
  holds too few stories, so a reader at 6 a.m. never finds a near-empty page.
* A **day's briefing** (the archive): the stories with coverage that day, each as it
  stood at the end of that day: only that day's and earlier articles, so its headline
  and counts are what the briefing said then, whatever arrived later.

Both rank by what a card shows: independent reports, then the most recent coverage.
Pure functions over stories; ``Story.arrivals`` says which articles came when.
"""
from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass

from ..group.sentences import lead
from ..model import Article, Story
from .dates import instant

# The newest article sets the edition's time, unless it is dated beyond the build's
# clock by more than this (a bad date must not hide the real news).
CLOCK_SLACK = 86_400.0


@dataclass(frozen=True)
class Snapshot:
    """A story as it stood at some time: the articles that had arrived by then, in story order.

    The whole story carries the headline and summary grouping gave it. A story as of a
    day carries those of its latest independent report by the end of that day (a story's
    headline follows its latest report), chosen from that day's and earlier reports only,
    so an archive page reads the same before and after later coverage arrives. (Grouping
    also passes over reports far off the story's centre; centrality depends on later
    reports too, so the archive does not use it.)
    """

    story: Story
    articles: tuple[Article, ...]
    independent: tuple[Article, ...]
    title: str
    summary: str
    latest: float
    """Instant of the newest article (-inf when none is dated)."""

    @property
    def reports(self) -> int:
        """Independent reports: what a card counts and the rank's first key."""
        return len(self.independent)

    @property
    def copies(self) -> int:
        return len(self.articles) - len(self.independent)

    @property
    def id(self) -> str:
        return self.story.id


def whole(story: Story) -> Snapshot:
    """The story with all its coverage."""
    return _snapshot(story, tuple(story.articles), own_head=True)


def as_of(story: Story, day: str) -> Snapshot | None:
    """The story at the end of ``day`` (YYYY-MM-DD): its articles of that day and before."""
    kept = tuple(a for a in story.articles if a.day and a.day <= day)
    return _snapshot(story, kept, own_head=False) if kept else None


def _snapshot(story: Story, articles: tuple[Article, ...], own_head: bool) -> Snapshot:
    copied = {c for cs in story.copies.values() for c in cs}
    independent = tuple(a for a in articles if a.id not in copied) or articles
    latest = max((t for a in articles if (t := instant(a.date)) is not None), default=-math.inf)
    if own_head:
        title, summary = story.title, story.summary
    else:
        # The latest report by then (ties: the later in story order).
        _, head = max(enumerate(independent), key=lambda ia: (instant(ia[1].date) or -math.inf, ia[0]))
        title, summary = head.title or story.title, head.summary or lead(head)
    return Snapshot(story, articles, independent, title or story.id, summary or "", latest)


def rank(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    """Most independent reports first, then the most recent coverage; stable on the story id."""
    return sorted(snapshots, key=lambda s: (-s.reports, -s.latest, s.id))


def newest_first(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    return sorted(snapshots, key=lambda s: (-s.latest, s.id))


@dataclass(frozen=True)
class Edition:
    """The rolling edition: its time (None when no article is dated), the hours it spans, and
    its stories, ranked."""

    now: float | None
    hours: int
    stories: list[Snapshot]


def edition_time(snapshots: Iterable[Snapshot], clock: float | None = None) -> float | None:
    """The newest coverage not dated beyond the clock (plus slack); the newest of all otherwise.

    Counted from the articles, not from the clock alone, so a site rebuilt from an old
    archive shows the edition it had.
    """
    latest = [s.latest for s in snapshots if s.latest > -math.inf]
    if not latest:
        return None
    limit = (time.time() if clock is None else clock) + CLOCK_SLACK
    return max((t for t in latest if t <= limit), default=max(latest))


def rolling(snapshots: list[Snapshot], hours: int, minimum: int, clock: float | None = None) -> Edition:
    """The stories with coverage in the ``hours`` before the edition's time, ranked; each once,
    as it stands now.

    When fewer than ``minimum`` stories had coverage then, the window reaches back by
    whole steps of ``hours`` until it holds that many: after a thin night the front page
    still carries the previous day's top stories.
    """
    now = edition_time(snapshots, clock)
    if now is None:
        return Edition(None, hours, rank(snapshots)[:minimum])
    last: dict[str, float] = {}  # each story's latest coverage up to the edition's time
    for s in snapshots:
        t = max((t for a in s.articles if (t := instant(a.date)) is not None and t <= now), default=None)
        if t is not None:
            last[s.id] = t
    step = max(1, hours) * 3600
    span = step
    ordered = sorted(last.values(), reverse=True)
    if len(ordered) >= minimum > 0 and now - ordered[minimum - 1] >= span:
        span = (math.floor((now - ordered[minimum - 1]) / step) + 1) * step
    elif 0 < len(ordered) < minimum:
        span = (math.floor((now - ordered[-1]) / step) + 1) * step
    inside = [s for s in snapshots if s.id in last and last[s.id] > now - span]
    return Edition(now, int(span // 3600), rank(inside))


@dataclass(frozen=True)
class DayBriefing:
    """One day's briefing as it stood at the end of that day."""

    day: str
    stories: list[Snapshot]
    articles: int
    """Articles that arrived that day."""


def days(stories: Iterable[Story]) -> list[DayBriefing]:
    """Every day's briefing, newest day first; undated articles belong to no day."""
    by_day: dict[str, list[Snapshot]] = {}
    counts: dict[str, int] = {}
    for story in stories:
        for day, ids in story.arrivals.items():
            counts[day] = counts.get(day, 0) + len(ids)
            snap = as_of(story, day)
            if snap is not None:
                by_day.setdefault(day, []).append(snap)
    return [DayBriefing(d, rank(by_day[d]), counts[d]) for d in sorted(by_day, reverse=True)]
