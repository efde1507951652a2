"""Per-article grouping work, done once per article and cacheable: a Profile.

Everything grouping needs from one article alone (word counts of its headline and
text, entity counts, the shingles and MinHash signature of its copy text) is a pure
function of the article's content. Keeping it apart from the corpus-wide steps
(vocabulary, TF-IDF, blocking, linkage) is what lets a daily build reuse the work
of every article it has seen before (cache.py): the results are identical because
the cached and the computed Profile are the same values, fed to the same code.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..model import Article
from . import minhash
from .features import entities, tokens


@dataclass(frozen=True)
class Profile:
    """One article's grouping inputs: term strings with counts, in first-appearance order.

    ``title`` counts the headline's words (weighted later, by GroupOptions.title_weight);
    ``text`` the standfirst (when not already in the body) and the body; ``names`` the
    entities (see features.entities). ``shingles`` are the copy text's sorted distinct
    shingle hashes and ``signature`` their MinHash row (both uint64 holding 32-bit values).
    """

    title: dict[str, int]
    text: dict[str, int]
    names: dict[str, int]
    shingles: np.ndarray
    signature: np.ndarray


def content_key(article: Article) -> str:
    """Digest of exactly the fields a Profile reads: same key, same Profile."""
    data = json.dumps([article.title, article.summary, article.body, list(article.countries)], ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def profiles(articles: list[Article], shingle_size: int) -> list[Profile]:
    """The Profiles of the articles (signatures computed in one batch: MinHash is vectorised)."""
    hashes: dict[str, int] = {}  # token -> CRC-32, shared: most tokens recur across articles
    parts = [_counts_and_shingles(a, shingle_size, hashes) for a in articles]
    sigs = minhash.signatures([p[3] for p in parts])
    return [Profile(t, x, n, s, sig) for (t, x, n, s), sig in zip(parts, sigs)]


def _counts_and_shingles(article: Article, k: int, hashes: dict[str, int]
                         ) -> tuple[dict[str, int], dict[str, int], dict[str, int], np.ndarray]:
    has_body = bool(article.body.strip())
    body_tokens = tokens(article.body) if has_body else []
    text_tokens = body_tokens
    if article.summary and article.summary not in article.body:
        text_tokens = tokens(article.summary) + body_tokens
    title_tokens = tokens(article.title)
    copy_tokens = body_tokens if has_body else title_tokens  # copies.copy_text: the body, else the headline
    for t in set(copy_tokens).difference(hashes):
        hashes[t] = zlib.crc32(t.encode("utf-8"))
    shingles = minhash.shingles(np.fromiter(map(hashes.__getitem__, copy_tokens), dtype=np.uint64,
                                            count=len(copy_tokens)), k)
    return dict(Counter(title_tokens)), dict(Counter(text_tokens)), dict(Counter(entities(article))), shingles
