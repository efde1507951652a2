"""``group_articles``: the grouping pipeline, step by step (see the package docstring and README.md)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..model import Article, Story
from .blocking import Mapper
from .clustering import cluster_reports
from .cache import cached_profiles
from .copies import find_copies
from .features import report_features
from .options import GroupOptions
from .profile import profiles
from .explain import linking_weights, why_grouped
from .keyfacts import key_facts
from .stories import build_story, dedupe_ids
from .vectors import Vectors, group_sums, pair_similarity, row_sums
from .vocabulary import Vocabulary


def group_articles(articles: list[Article], options: GroupOptions | None = None,
                   cache_dir: Path | None = None, mapper: Mapper | None = None,
                   archive: Path | None = None) -> list[Story]:
    """Every article in exactly one Story; stories earliest first (undated last).

    Wire copies are found first and stand aside; only independent reports are
    clustered (a copy adds no evidence, and twenty copies of one dispatch would
    otherwise outvote the rest), then each copy joins its original's story.
    ``cache_dir``, when given, keeps each article's Profile (its words, entities
    and shingles) between runs, so a rebuild profiles only new or edited articles;
    the stories are the same with or without it. ``archive``, the articles folder, is
    where ingest stored their Profiles (stored.py): read first, so even a build without
    a cache profiles only articles edited since or stored by other code. ``mapper`` (a
    ``map``, e.g. a Dask cluster's from ``digest.cluster.dask_mapper``) runs the blocking
    join's pieces; the stories are the same wherever they ran.
    """
    options = options or GroupOptions()
    if not articles:
        return []
    words, names = Vocabulary(), Vocabulary()
    if cache_dir is None and archive is None:
        prepared = profiles(articles, options.copy_shingle, words, names)
    else:
        prepared = cached_profiles(articles, options.copy_shingle, cache_dir, words, names, archive)
    copies = find_copies(articles, options.copy_threshold, options.copy_shingle, options.window_days, prepared)
    copied = {c for cs in copies.values() for c in cs}
    report_idx = [i for i in range(len(articles)) if i not in copied]
    reports = [articles[i] for i in report_idx]
    feats = [report_features(prepared[i], options.title_weight) for i in report_idx]
    del prepared
    result = cluster_reports(reports, feats, words, names, options, mapper)  # frees feats once vectorised

    labels = np.asarray(result.labels)
    central = _centrality(labels, result.vectors.matrix)
    members: dict[int, list[int]] = {}
    for local, label in enumerate(result.labels):
        members.setdefault(label, []).append(local)
    idf = _idf_lookup(words, names, result.vectors)

    def facts(reports, weights, summary, title):
        return key_facts(reports, weights, summary, title, idf)

    groups = [np.asarray(m) for m in members.values()]
    links = linking_weights(groups, result.vectors.matrix)
    stories = []
    for k, local_ids in enumerate(members.values()):
        ids = [report_idx[i] for i in local_ids]
        central_global = {report_idx[i]: central[i] for i in local_ids}
        row = slice(links.indptr[k], links.indptr[k + 1])
        why = why_grouped(links.indices[row], links.data[row], result.vectors.terms, (reports[i] for i in local_ids),
                      options.shared_terms, words.ids)
        stories.append(build_story(articles, ids, copies, central_global, why, facts))
    stories.sort(key=lambda s: (s.first_date is None, s.first_date or "", s.id))
    dedupe_ids(stories)
    return stories


def _centrality(labels: np.ndarray, matrix: sp.csr_matrix) -> np.ndarray:
    """Mean cosine of each report's row to the other reports of its story (0 for a lone report).

    From the story's centroid c (the sum of its rows): ``(x . c - |x|^2) / (n - 1)``, so
    every pair counts and none is enumerated. Text alone, not time: a story's later
    coverage (its trial, weeks after the crash) is as central as what it says, so it can
    name the story (stories.headline_report); the time-faded pair similarities that
    clustering used would have made every follow-up a side piece.
    """
    groups, member_of = np.unique(labels, return_inverse=True)
    n = len(labels)
    if n == 0:
        return np.zeros(0)
    sums = group_sums(member_of, len(groups), matrix)
    both = sp.vstack([matrix, sums], format="csr")
    pairs = np.stack([np.arange(n), n + member_of], axis=1)
    dots = pair_similarity(both, pairs).astype(np.float64)
    del both
    own = row_sums(matrix, matrix.data.astype(np.float64) ** 2)
    size = np.bincount(member_of)[member_of]
    return np.where(size > 1, (dots - own) / np.maximum(1, size - 1), 0.0)


def _idf_lookup(words: Vocabulary, names: Vocabulary, vectors: Vectors) -> Callable[[str], float]:
    """IDF of a lower-case word or number in this run (the rarest weight for one never seen)."""
    rare = float(vectors.idf.max()) if len(vectors.idf) else 1.0

    def idf(term: str) -> float:
        if term[0].isdigit():
            k = names.ids.get("#" + term)
            col = vectors.entity_columns[k] if k is not None else -1
        else:
            k = words.ids.get(term)
            col = vectors.word_columns[k] if k is not None else -1
        return float(vectors.idf[col]) if col >= 0 else rare

    return idf
