"""Per-article grouping work, done once per article and cacheable: a Profile.

Everything grouping needs from one article alone (word counts of its headline and
text, entity counts, the shingles and MinHash signature of its copy text) is a pure
function of the article's content. Keeping it apart from the corpus-wide steps
(TF-IDF, blocking, linkage) is what lets a daily build reuse the work of every
article it has seen before (cache.py). Terms are interned in the run's vocabularies
as each article is profiled, in article order, whether its terms come from the text
or from the cache: so the ids, and the stories, are the same either way, and a
Profile holds small id arrays rather than strings (100,000 articles fit in memory).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..model import Article
from . import minhash
from .features import entities, function_words, language, tokens
from .vocabulary import Vocabulary

# One article's terms as strings, the form the cache stores: (title terms, counts),
# (text terms, counts), (entity terms, counts), shingles, MinHash signature.
Terms = tuple[list[str], list[int]]
Stored = tuple[Terms, Terms, Terms, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Profile:
    """One article's grouping inputs: vocabulary ids with their counts, first appearance first.

    ``title`` counts the headline's words (weighted later, by GroupOptions.title_weight);
    ``text`` the standfirst (when not already in the body) and the body; ``names`` the
    entities (features.entities), in the entity vocabulary. ``shingles`` are the copy
    text's sorted distinct shingle hashes and ``signature`` their MinHash row (uint64
    holding 32-bit values).
    """

    title: np.ndarray
    title_counts: np.ndarray
    text: np.ndarray
    text_counts: np.ndarray
    names: np.ndarray
    name_counts: np.ndarray
    shingles: np.ndarray
    signature: np.ndarray


def content_key(article: Article) -> str:
    """Digest of exactly the fields a Profile reads: same key, same Profile."""
    data = json.dumps([article.title, article.summary, article.body, list(article.countries), language(article)],
                      ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def profiles(articles: list[Article], shingle_size: int, words: Vocabulary, names: Vocabulary,
             stored: Callable[[int], "Stored | Profile | None"] | None = None) -> list[Profile]:
    """The articles' Profiles; ``stored(i)`` gives article i's terms when a cache has them
    (or its Profile, its terms already interned in ``words`` and ``names`` in this order).

    Signatures of the articles profiled afresh are computed in one batch at the end
    (MinHash is vectorised over many shingle sets).
    """
    hashes: dict[str, int] = {}  # token -> CRC-32, shared: most tokens recur across articles
    out: list[Profile] = []
    fresh: list[int] = []
    for i, article in enumerate(articles):
        found = stored(i) if stored else None
        if found is None:
            found = _terms(article, shingle_size, hashes)
            fresh.append(i)
        out.append(found if isinstance(found, Profile) else _encode(found, words, names))
    sigs = minhash.signatures([out[i].shingles for i in fresh])
    for i, sig in zip(fresh, sigs):
        out[i] = dataclasses.replace(out[i], signature=sig)
    return out


def _encode(terms: Stored, words: Vocabulary, names: Vocabulary) -> Profile:
    (title, tc), (text, xc), (ents, ec), shingles, signature = terms
    return Profile(words.encode(title), np.array(tc, dtype=np.int32), words.encode(text), np.array(xc, dtype=np.int32),
                   names.encode(ents), np.array(ec, dtype=np.int32), shingles, signature)


def _terms(article: Article, k: int, hashes: dict[str, int]) -> Stored:
    """An article's terms and shingles computed from its text (the signature comes later)."""
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
    if drop := function_words(language(article)):  # "und", "les", "que": no event in them
        title_tokens = [t for t in title_tokens if t not in drop]
        text_tokens = [t for t in text_tokens if t not in drop]
    counted = [Counter(title_tokens), Counter(text_tokens), Counter(entities(article))]
    title, text, ents = ((list(c), list(c.values())) for c in counted)
    return title, text, ents, shingles, np.empty(0, dtype=np.uint64)
