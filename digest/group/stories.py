"""Story assembly: order, ids, representative headline, why-grouped terms, key points.

Pure functions over the clustering result; nothing here decides membership.
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..model import Article, Story
from ..store import short_hash, slugify
from .copies import original_rank
from .features import Features
from .vectors import Vectors

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


def shared_terms(feats: list[Features], vectors: Vectors, limit: int) -> list[str]:
    """Words and entities that the story's reports share, most telling first: "why grouped".

    A term counts when at least two reports use it (with one report, the story is
    that report and its copies, which share all of it), ranked by how many reports
    use it times its IDF. A word already shown inside a longer name is not repeated.
    """
    columns = [np.unique(np.concatenate([vectors.word_columns[f.words], vectors.entity_columns[f.entities]]))
               for f in feats]
    cols, counts = np.unique(np.concatenate(columns), return_counts=True)
    keep = (cols >= 0) & (counts >= (2 if len(feats) > 1 else 1))
    cols, counts = cols[keep], counts[keep]
    score = counts * vectors.idf[cols]
    ranked = [vectors.terms[c] for c in cols[np.lexsort((cols, -score))]]
    names = {t[2:] for t in ranked if t.startswith("n:")}
    covered = {part for n in names if "_" in n for part in n.split("_")}
    out: list[str] = []
    seen: set[str] = set()
    for term in ranked:
        bare = term[2:] if term.startswith("n:") else term
        if bare in covered or (bare in names and not term.startswith("n:")):
            continue  # shown as part of a longer name, or as the name itself
        label = display(term)
        if label.lower() in seen:
            continue
        out.append(label)
        seen.add(label.lower())
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
                central: dict[int, float], terms: list[str]) -> Story:
    """One Story from its reports (indexes into ``articles``) and their copies.

    Headline and summary come from the most central independent report, so a
    retitled copy never names the story; key points are the leads of all
    independent reports, earliest first, repeated leads dropped.
    """
    reports = sorted(report_ids, key=lambda i: original_rank(articles[i]))
    # the most central report; among equals the earliest (copies are never candidates)
    best = reports[max(range(len(reports)), key=lambda r: (round(central.get(reports[r], 0.0), 6), -r))]
    ordered = [articles[i] for i in reports]
    copy_map: dict[str, list[str]] = {}
    for i in reports:
        if copies.get(i):
            copy_map[articles[i].id] = [articles[c].id for c in copies[i]]
            ordered.extend(articles[c] for c in copies[i])
    head = articles[best]
    points = list(dict.fromkeys(p for p in (lead(articles[i]) for i in reports) if p))
    return Story(
        id=story_id(articles[reports[0]]),
        title=head.title or lead(head),
        summary=head.summary or lead(head),
        articles=ordered,
        copies=copy_map,
        shared_terms=terms,
        key_points=points,
    )


def dedupe_ids(stories: list[Story]) -> None:
    """Make ids unique in place (a hash collision gets ``-2``, ``-3``... in story order)."""
    seen: Counter[str] = Counter()
    for s in stories:
        seen[s.id] += 1
        if seen[s.id] > 1:
            s.id = f"{s.id}-{seen[s.id]}"


