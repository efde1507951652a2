"""Story assembly: order, ids, representative headline, why-grouped terms, key points.

Pure functions over the clustering result; nothing here decides membership.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from ..model import Article, Story
from ..store import short_hash, slugify
from .copies import original_rank
from .features import entities, words

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def story_id(earliest: Article) -> str:
    """URL-safe slug from the story's earliest report: its headline plus a hash of its id.

    New coverage arriving later never changes the earliest report, so the id (and
    the page address built on it) stays put.
    """
    return f"{slugify(earliest.title or earliest.id, 50)}-{short_hash(earliest.id, 8)}"


def lead(article: Article) -> str:
    """The lead: the standfirst, else the first sentence of the body, else the headline."""
    if article.summary.strip():
        return article.summary.strip()
    for para in article.body.split("\n"):
        para = para.strip()
        if para and not para.startswith(("#", "!", "http")):
            return _SENTENCE.split(para, 1)[0].strip()
    return article.title.strip()


def shared_terms(reports: list[Article], idf: dict[str, float], limit: int) -> list[str]:
    """Words and entities found in at least two of the reports, most telling first.

    Ranked by how many reports share them times their IDF; a word already shown as
    part of a name is not repeated.
    """
    if len(reports) < 2:
        return []
    counts: Counter[str] = Counter()
    for a in reports:
        counts.update(set(words(f"{a.title}\n{a.summary}\n{a.body}")) | set(entities(a)))
    ranked = sorted((t for t, c in counts.items() if c >= 2),
                    key=lambda t: (-counts[t] * idf.get(t, 1.0), t))
    out: list[str] = []
    seen: set[str] = set()
    for term in ranked:
        label = display(term)
        key = label.lower()
        parts = set(key.split())
        if key in seen or (len(parts) == 1 and parts <= seen):
            continue
        out.append(label)
        seen.add(key)
        seen.update(parts)
        if len(out) >= limit:
            break
    return out


def display(term: str) -> str:
    """Readable form of a feature: ``n:lindsay_lohan`` -> ``Lindsay Lohan``, ``#6.1`` -> ``6.1``."""
    if term.startswith("n:"):
        return " ".join(w.capitalize() for w in term[2:].split("_"))
    if term.startswith("c:"):
        return term[2:]
    if term.startswith("#"):
        return term[1:]
    if term.startswith("d:"):
        return term[2:]
    return term


def build_story(articles: list[Article], report_ids: list[int], copies: dict[int, list[int]],
                central: dict[int, float], idf: dict[str, float], max_terms: int) -> Story:
    """One Story from its reports (indexes into ``articles``) and their copies."""
    reports = sorted(report_ids, key=lambda i: original_rank(articles[i]))
    best = max(reports, key=lambda i: (round(central.get(i, 0.0), 6), -reports.index(i)))
    ordered = [articles[i] for i in reports]
    copy_map: dict[str, list[str]] = {}
    for i in reports:
        if copies.get(i):
            copy_map[articles[i].id] = [articles[c].id for c in copies[i]]
            ordered.extend(articles[c] for c in copies[i])
    head = articles[best]
    basis = [articles[i] for i in reports] if len(reports) > 1 else ordered
    points = list(dict.fromkeys(p for p in (lead(articles[i]) for i in reports) if p))
    return Story(
        id=story_id(articles[reports[0]]),
        title=head.title or lead(head),
        summary=head.summary or lead(head),
        articles=ordered,
        copies=copy_map,
        shared_terms=shared_terms(basis, idf, max_terms),
        key_points=points,
    )


def dedupe_ids(stories: list[Story]) -> None:
    """Make ids unique in place (a hash collision gets ``-2``, ``-3``... in story order)."""
    seen: Counter[str] = Counter()
    for s in stories:
        seen[s.id] += 1
        if seen[s.id] > 1:
            s.id = f"{s.id}-{seen[s.id]}"


def idf_lookup(terms: np.ndarray, idf: np.ndarray) -> dict[str, float]:
    return dict(zip(terms.tolist(), idf.tolist()))
