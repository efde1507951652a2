"""A static search index sharded by word prefix, fetched piece by piece by digest-search.js.

Why not Material's search: its single index holds every page's full text (about 30 MB
for 10,000 articles) and is loaded on every page view. Here a search downloads only
the small manifest, one shard per query word (and per filter), and the records of the
results it shows, and nothing at all is loaded until the reader searches.

Documents are stories (their page) and articles, laid out **story by story**: a story's
own document first, then its articles, stories oldest first. So a higher number is
newer coverage, the results of one story sit in one or two record chunks, and the
manifest marks where each story's run starts with one bit per document.

Layout (under ``search-data/``):

* ``manifest.json``: ``{"n": docs, "chunk": records per chunk, "leaves": {prefix: shard},
  "stop": [words], "groups": base64 bitmap (bit i set: document i starts a story)}``
* ``s/<shard>.json``: ``{term: [code, ...]}``: for each document holding the term, in
  ascending order, ``code = (gap << 1) | in_headline_or_summary``. Besides words, the
  filters are terms: ``~r<region>``, ``~t<topic>``, ``~d<YYYY-MM-DD>`` (no word starts with ``~``).
* ``d/<chunk>.json``: ``[[url, title, summary, day, about], ...]`` for ``chunk`` documents;
  ``about`` is a story's number of independent reports, or an article's outlet (a string).

Shards are leaves of a prefix trie: terms are grouped by their first two characters and
a group larger than ``max_shard`` bytes splits by one more character. A query word is
looked up in the leaf with the longest prefix of it and matched as a prefix there, so
"elect" finds "elections"; a date range reads the ``~d`` leaves that can hold its days.
"""
from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from json.encoder import encode_basestring
from pathlib import Path

# Words of two or more characters (shorter ones are not indexed); ASCII text, most of
# it, matches the same words with the ASCII pattern, which is faster.
_WORD = re.compile(r"\w\w+")
_ASCII_WORD = re.compile(r"\w\w+", re.ASCII)
STOPWORDS_FILE = Path(__file__).with_name("stopwords.txt")
MAX_SUMMARY = 200
REGION, TOPIC, DAY = "~r", "~t", "~d"
GROUPS_SHOWN = 10  # stories (or lone articles) on a page of results
ARTICLES_PER_STORY = 3  # matching articles shown under a story


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: where it is, what the result shows, the text to index, its filters.

    ``about`` is a story's number of independent reports (an int) or an article's outlet.
    ``starts_story``: the first document of a story's run (its own page, or a lone article).
    """

    url: str
    title: str
    summary: str
    day: str
    text: str
    about: int | str = ""
    starts_story: bool = True
    regions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    days: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def fold(text: str) -> str:
    """Lower-case, strip accents and soft hyphens (an article written by hand may keep them:
    "Deutsch\xadland" is one word), exactly as search.js does with the query."""
    text = text.lower().replace("\xad", "")
    if text.isascii():  # most text: nothing to fold, and per-character work is slow
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(text: str) -> set[str]:
    """Distinct index terms of a text: folded words of two or more characters, no stopwords."""
    folded = fold(text)
    # Filter the distinct words, not every occurrence: a body repeats most of its words.
    words = set((_ASCII_WORD if folded.isascii() else _WORD).findall(folded)) - stopwords()
    return {w for w in words if w[0] != "_"} if "_" in folded else words


def facet_terms(doc: SearchDoc) -> set[str]:
    return {REGION + r for r in doc.regions} | {TOPIC + t for t in doc.topics} | {DAY + d for d in doc.days}


def postings(docs: list[SearchDoc]) -> dict[str, list[int]]:
    """term -> codes (gap << 1 | head flag), documents in ascending order.

    Each term first collects its documents as ``index << 1 | head flag`` (one append per
    term and document, the hot loop of the index), then turns them into gaps.
    """
    collected: defaultdict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        head = terms(doc.title + " " + doc.summary)
        rest = terms(doc.text)  # a new set: updated in place
        rest |= facet_terms(doc)
        rest -= head
        for code, group in ((i << 1 | 1, head), (i << 1, rest)):
            for term in group:
                collected[term].append(code)
    # each code less the previous one's index << 1 (p & -2); the first one's previous is document -1 (-2)
    return {term: [codes[0] + 2] + [c - (p & -2) for p, c in pairwise(codes)] for term, codes in collected.items()}


def shard_entries(index: dict[str, list[int]]) -> dict[str, str]:
    """Each term's entry in its shard's JSON text, ``"term":[code,...]`` (as json.dumps writes
    it): made once, both to size the shards and to write them."""
    return {t: f"{encode_basestring(t)}:[{','.join(map(str, codes))}]" for t, codes in index.items()}


def leaves(entries: dict[str, str], max_shard: int) -> dict[str, list[str]]:
    """Split the sorted terms into prefix-trie leaves of at most max_shard bytes each.

    A term shorter than the prefix length of its group is a leaf on its own key; a
    group of one over-sized term cannot split and stays as it is.
    """
    sizes = {t: len(entry) + 1 for t, entry in entries.items()}  # and its comma
    out: dict[str, list[str]] = {}
    todo: list[tuple[int, list[str]]] = [(2, sorted(entries))]
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


def build(docs: Iterable[SearchDoc], max_shard: int = 48_000, chunk: int = 16) -> dict[str, str]:
    """Every file of the index: path under search-data/ -> JSON text."""
    docs = list(docs)
    terms_json = shard_entries(postings(docs))
    files: dict[str, str] = {}
    manifest_leaves: dict[str, int] = {}
    for n, (key, members) in enumerate(sorted(leaves(terms_json, max_shard).items())):
        manifest_leaves[key] = n
        files[f"s/{n}.json"] = "{" + ",".join(terms_json[t] for t in members) + "}"
    for start in range(0, len(docs), chunk):
        records = [[d.url, d.title, _trim(d.summary), d.day, d.about] for d in docs[start : start + chunk]]
        files[f"d/{start // chunk}.json"] = _dumps(records)
    bits = bytearray((len(docs) + 7) // 8)
    for i, d in enumerate(docs):
        if d.starts_story:
            bits[i >> 3] |= 1 << (i & 7)
    files["manifest.json"] = _dumps({"n": len(docs), "chunk": chunk, "leaves": manifest_leaves, "stop": sorted(stopwords()),
                                     "groups": base64.b64encode(bytes(bits)).decode("ascii")})
    return files


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- the reference implementation of digest-search.js (used by tests and benchmarks) -------------

@dataclass
class Results:
    """Matching stories, best first: each a list of records (the story's own first, then its
    matching articles); ``total`` stories matched; ``fetched`` the files a browser downloads."""

    groups: list[list[list]] = field(default_factory=list)
    total: int = 0
    fetched: set[str] = field(default_factory=set)


def search(files: dict[str, str], query: str = "", *, region: str = "", topic: str = "", start: str = "",
           end: str = "", limit: int = GROUPS_SHOWN) -> Results:
    """Every query word must match (as a prefix); a match in a headline or summary counts
    three times one in the body, rarer words count more. Filters keep only documents with
    that region, topic, or a day in [start, end]. Documents score per story (its best
    document); ties go to newer stories."""
    out = Results()
    manifest = json.loads(files["manifest.json"])
    out.fetched.add("manifest.json")
    leaves_ = manifest["leaves"]

    def shard(key: str) -> dict[str, list[int]]:
        name = f"s/{leaves_[key]}.json"
        out.fetched.add(name)
        return json.loads(files[name])

    def docs_of(codes: list[int]) -> Iterable[tuple[int, int]]:
        doc = -1
        for code in codes:
            doc += code >> 1
            yield doc, code & 1

    scores: dict[int, float] | None = None
    for word in sorted(terms(query))[:8]:
        key = _leaf(word, leaves_)
        found: dict[int, float] = {}
        if key is not None:
            for term, codes in shard(key).items():
                if term.startswith(word):
                    idf = math.log(1 + manifest["n"] / len(codes))
                    for doc, head in docs_of(codes):
                        found[doc] = max(found.get(doc, 0.0), idf * (3 if head else 1))
        scores = found if scores is None else {d: s + found[d] for d, s in scores.items() if d in found}

    filters: list[set[int]] = []
    for prefix, value in ((REGION, region), (TOPIC, topic)):
        if value:
            key = _leaf(prefix + value, leaves_)
            codes = shard(key).get(prefix + value, []) if key is not None else []
            filters.append({d for d, _ in docs_of(codes)})
    if start or end:
        lo, hi = start or "0000-00-00", end or "9999-99-99"
        allowed: set[int] = set()
        for key in leaves_:
            if key.startswith(DAY) and key[2:] >= lo[: len(key) - 2] and key[2:] <= hi[: len(key) - 2]:
                for term, codes in shard(key).items():
                    if term.startswith(DAY) and lo <= term[2:] <= hi:
                        allowed.update(d for d, _ in docs_of(codes))
        filters.append(allowed)
    if scores is None:
        if not filters:
            return out
        scores = {d: 0.0 for d in set.intersection(*filters)}
    for allowed in filters:
        scores = {d: s for d, s in scores.items() if d in allowed}

    starts = _group_starts(manifest)
    best: dict[int, list] = {}  # story's first document -> [best score, matching documents]
    for doc, score in scores.items():
        entry = best.setdefault(starts[doc], [0.0, []])
        entry[0] = max(entry[0], score)
        entry[1].append(doc)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], -kv[0]))
    out.total = len(ranked)
    chunk = manifest["chunk"]
    for g, (_, members) in ranked[:limit]:
        shown = [g] + [d for d in sorted(members, key=lambda d: (-scores[d], -d)) if d != g][:ARTICLES_PER_STORY]
        records = []
        for d in shown:
            name = f"d/{d // chunk}.json"
            out.fetched.add(name)
            records.append(json.loads(files[name])[d % chunk])
        out.groups.append(records)
    return out


def _leaf(term: str, leaves_: dict[str, int]) -> str | None:
    return max((k for k in leaves_ if term.startswith(k)), key=len, default=None)


def _group_starts(manifest: dict) -> list[int]:
    bits = base64.b64decode(manifest["groups"])
    starts, g = [], 0
    for i in range(manifest["n"]):
        if bits[i >> 3] >> (i & 7) & 1:
            g = i
        starts.append(g)
    return starts
