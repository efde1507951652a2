"""A static search index sharded by word prefix, fetched piece by piece by search.js.

Why not Material's search: its single index holds every page's full text (about 30 MB
for 10,000 articles) and is loaded on every page view. Here a search downloads only
the small manifest, one shard per query word, and the few result records it shows,
and nothing at all is loaded until the reader searches.

Layout (under ``search-data/``):

* ``manifest.json``: ``{"n": docs, "chunk": records per chunk, "leaves": {prefix: shard}, "stop": [words]}``
* ``s/<shard>.json``: ``{term: [code, ...]}``: for each document holding the term, in
  ascending document order, ``code = (gap << 1) | in_headline_or_summary``
* ``d/<chunk>.json``: ``[[url, title, summary, day], ...]`` for ``chunk`` documents

Shards are leaves of a prefix trie: words are grouped by their first two letters and
a group larger than ``max_shard`` bytes splits by one more letter. A query word is
looked up in the leaf with the longest prefix of it and matched as a prefix there,
so "elect" finds "elections".
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Words of two or more characters (shorter ones are not indexed); ASCII text, most of
# it, matches the same words with the ASCII pattern, which is faster.
_WORD = re.compile(r"\w\w+")
_ASCII_WORD = re.compile(r"\w\w+", re.ASCII)
STOPWORDS_FILE = Path(__file__).with_name("stopwords.txt")
MAX_SUMMARY = 200


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: where it is, what the result shows, and the text to index."""

    url: str
    title: str
    summary: str
    day: str
    text: str


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def fold(text: str) -> str:
    """Lower-case and strip accents, exactly as search.js does with the query."""
    text = text.lower()
    if text.isascii():  # most text: nothing to fold, and per-character work is slow
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(text: str) -> set[str]:
    """Distinct index terms of a text: folded words of two or more characters, no stopwords."""
    folded = fold(text)
    # Filter the distinct words, not every occurrence: a body repeats most of its words.
    words = set((_ASCII_WORD if folded.isascii() else _WORD).findall(folded)) - stopwords()
    return {w for w in words if w[0] != "_"}


def postings(docs: list[SearchDoc]) -> dict[str, list[int]]:
    """term -> codes (gap << 1 | head flag), documents in ascending order."""
    last: dict[str, int] = {}
    out: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        head = terms(doc.title + " " + doc.summary)
        for term in head | terms(doc.text):
            codes = out.get(term)
            if codes is None:
                out[term] = [((i + 1) << 1) | (term in head)]
            else:
                codes.append(((i - last[term]) << 1) | (term in head))
            last[term] = i
    return out


def _size(term: str, codes: list[int]) -> int:
    """Bytes of one term's entry in a shard's JSON."""
    return len(term) + 6 + len(",".join(map(str, codes)))


def leaves(index: dict[str, list[int]], max_shard: int) -> dict[str, list[str]]:
    """Split the sorted terms into prefix-trie leaves of at most max_shard bytes each.

    A term shorter than the prefix length of its group is a leaf on its own key; a
    group of one over-sized term cannot split and stays as it is.
    """
    sizes = {t: _size(t, codes) for t, codes in index.items()}
    out: dict[str, list[str]] = {}
    todo: list[tuple[int, list[str]]] = [(2, sorted(index))]
    while todo:
        depth, group = todo.pop()
        buckets: dict[str, list[str]] = {}
        for term in group:
            buckets.setdefault(term[:depth], []).append(term)
        for key, members in buckets.items():
            size = sum(sizes[t] for t in members)
            if size > max_shard and len(members) > 1 and any(len(t) > depth for t in members):
                todo.append((depth + 1, members))
            else:
                out[key] = members
    return out


def build(docs: Iterable[SearchDoc], max_shard: int = 48_000, chunk: int = 32) -> dict[str, str]:
    """Every file of the index: path under search-data/ -> JSON text."""
    docs = list(docs)
    index = postings(docs)
    files: dict[str, str] = {}
    manifest_leaves: dict[str, int] = {}
    for n, (key, members) in enumerate(sorted(leaves(index, max_shard).items())):
        manifest_leaves[key] = n
        files[f"s/{n}.json"] = _dumps({t: index[t] for t in members})
    for start in range(0, len(docs), chunk):
        records = [[d.url, d.title, _trim(d.summary), d.day] for d in docs[start : start + chunk]]
        files[f"d/{start // chunk}.json"] = _dumps(records)
    files["manifest.json"] = _dumps({"n": len(docs), "chunk": chunk, "leaves": manifest_leaves, "stop": sorted(stopwords())})
    return files


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def search(files: dict[str, str], query: str, limit: int = 20) -> list[list[str]]:
    """The reference implementation of search.js over the built files (used by tests).

    Every query word must match (as a prefix); a match in a headline or summary counts
    three times one in the body, rarer words count more; ties go to newer documents.
    """
    manifest = json.loads(files["manifest.json"])
    scores: dict[int, float] | None = None
    for word in sorted(terms(query))[:8]:
        key = max((k for k in manifest["leaves"] if word.startswith(k)), key=len, default=None)
        found: dict[int, float] = {}
        if key is not None:
            shard = json.loads(files[f"s/{manifest['leaves'][key]}.json"])
            for term, codes in shard.items():
                if not term.startswith(word):
                    continue
                idf = math.log(1 + manifest["n"] / len(codes))
                doc = -1
                for code in codes:
                    doc += code >> 1
                    found[doc] = max(found.get(doc, 0.0), idf * (3 if code & 1 else 1))
        scores = found if scores is None else {d: s + found[d] for d, s in scores.items() if d in found}
    ranked = sorted((scores or {}).items(), key=lambda kv: (-kv[1], -kv[0]))[:limit]
    chunk = manifest["chunk"]
    return [json.loads(files[f"d/{d // chunk}.json"])[d % chunk] for d, _ in ranked]
