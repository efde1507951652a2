"""Story assembly: order, id, the headline that follows the news, why grouped, key facts.

Pure functions over the clustering result; nothing here decides membership.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..model import Article, KeyFact, Story
from ..store import short_hash, slugify
from .copies import original_rank
from .explain import Explanation
from .sentences import lead

# (independent reports earliest first, their centrality, summary, headline) -> key facts
FactsMaker = Callable[[list[Article], list[float], str, str], list[KeyFact]]

# A report whose mean cosine to the story's other reports is under this share of the mean
# cosine among those others is a side piece (or a stray of another event that clustering let
# in): it does not name the story even when it is the latest.
CORE = 0.5


def story_id(earliest: Article) -> str:
    """URL-safe slug from the story's earliest report: its headline plus a hash of its id.

    New coverage arriving later never changes the earliest report, so the id (and
    the page address built on it) stays put.
    """
    return f"{slugify(earliest.title or earliest.id, 50)}-{short_hash(earliest.id, 8)}"


def core_reports(central: list[float]) -> list[int]:
    """Indexes of the story's core reports: each at least ``CORE`` as alike the rest as they are each other.

    ``central[i]`` is report i's mean cosine to the story's other reports, so the mean cosine
    among those others (leaving i out) is ``(sum(central) - 2 central[i]) / (n - 2)``. A report
    under ``CORE`` of that is attached to the story by less than its reports share: a side piece,
    or a report of another event of the same theme that clustering let in ("Beijing tariff
    demands..." in a story of Trump's impeachment hearings). Leaving the report out matters in
    small stories, where a stray drags the others' centrality down with its own. Two reports
    are alike each other, so both are core. Never empty while ``CORE`` <= 1: summed over all
    reports, the means to the rest equal the means among the rest.
    """
    n, total = len(central), sum(central)
    if n < 3:
        return list(range(n))
    return [i for i in range(n) if central[i] >= CORE * max(0.0, total - 2 * central[i]) / (n - 2)]


def headline_report(reports: list[Article], central: list[float]) -> int:
    """Index of the report whose headline and summary the story shows: its latest core report.

    News develops ("17 dead" in the morning, "23 dead" at night; an exchange "begins",
    then is "completed"), and the latest report says where it stands. Only core reports
    (core_reports) name the story, so a side piece or a stray filed last does not.
    Undated reports count only when none is dated; then, as among equals, the most central
    wins, then the earliest.
    """
    eligible = core_reports(central)
    dated = [i for i in eligible if reports[i].datetime is not None]
    if dated:
        return max(dated, key=lambda i: (reports[i].datetime, round(central[i], 6), -i))
    return max(eligible, key=lambda i: (round(central[i], 6), -i))


def build_story(articles: list[Article], report_ids: list[int], copies: dict[int, list[int]],
                central: dict[int, float], why: Explanation, facts: FactsMaker) -> Story:
    """One Story from its reports (indexes into ``articles``) and their copies.

    Headline and summary come from the latest independent report (headline_report), so
    they follow the news and a retitled copy never names the story; the id comes from the
    earliest, so it stays put as coverage arrives.
    """
    reports = sorted(report_ids, key=lambda i: original_rank(articles[i]))
    ordered = [articles[i] for i in reports]
    copy_map: dict[str, list[str]] = {}
    for i in reports:
        if copies.get(i):
            copy_map[articles[i].id] = [articles[c].id for c in copies[i]]
            ordered.extend(articles[c] for c in copies[i])
    independent = [articles[i] for i in reports]
    weights = [central.get(i, 0.0) for i in reports]
    head = independent[headline_report(independent, weights)]
    title = head.title or lead(head)
    summary = head.summary or lead(head)
    return Story(
        id=story_id(independent[0]),
        title=title,
        summary=summary,
        articles=ordered,
        copies=copy_map,
        shared_terms=why.labels,
        shared_names=why.names,
        headline_from=head.id,
        key_facts=facts(independent, weights, summary, title),
    )


def dedupe_ids(stories: list[Story]) -> None:
    """Make ids unique in place (a hash collision gets ``-2``, ``-3``... in story order)."""
    seen: Counter[str] = Counter()
    for s in stories:
        seen[s.id] += 1
        if seen[s.id] > 1:
            s.id = f"{s.id}-{seen[s.id]}"


