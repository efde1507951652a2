"""Recognising a later version of an article: the same page re-scraped after the outlet updated it.

Outlets correct a word, add a paragraph, move the time stamp; a scraper saves the page
again, often under a new id (a record's own id, or the hash of the new text). Such a
page must replace the article it updates, or the site shows the story twice, one copy
as the "wire copy" of the other. Two signals, both looked up in an index so that the
cost of a new article does not grow with the archive:

- the same address (``url_key``: scheme and host in lower case, no fragment, no
  tracking parameters; a site's front page is not an article's address);
- the same outlet and nearly the same text: every stored article keeps a small sketch
  (the ``SKETCH`` smallest hashes of its word 4-grams); a new article's 4-grams are
  looked up in the index of those sketches, and the few candidates found are compared
  in full (``same_story``). Another outlet carrying the same wire story is not a
  version: grouping shows it as a wire copy, as it should.

Pure functions: the store (store.py) keeps the index and reads the candidates' files.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zlib
from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .model import Article, parse_iso

SHINGLE = 4  # words per shingle: one changed word touches four of them
SKETCH = 8  # hashes kept per article in the index
MIN_SKETCH_FOUND = 0.5  # share of a stored sketch a new text must contain to be compared in full
MIN_CONTAINMENT = 0.8  # share of the shorter text's shingles the longer one must hold
MIN_SHINGLES = 20  # below this (a headline, a one-line brief) text alone never makes a version
MAX_DAYS_APART = 3  # versions of one story are published within days of each other
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)


def url_key(url: str | None) -> str | None:
    """The address that names an article, or None when there is none (or only a front page)."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc or parts.path in ("", "/"):
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def outlet_key(article: Article) -> str | None:
    """Who published the article: its source's name, else its address's host; None when unknown."""
    if article.source and article.source.strip():
        return " ".join(article.source.casefold().split())
    host = urlsplit(article.url or "").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def other_hosts(a: str | None, b: str | None) -> bool:
    """Do two addresses name different sites? (Then two pages are two outlets', whatever their source says.)"""
    host_a = (urlsplit(a or "").hostname or "").removeprefix("www.")
    host_b = (urlsplit(b or "").hostname or "").removeprefix("www.")
    return bool(host_a and host_b and host_a != host_b)


def shingles(text: str) -> set[int]:
    """Hashes of the text's word 4-grams (the whole text when it is shorter), case and accents folded.

    crc32, not ``hash``: the values are stored, so they must not change between runs.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return set()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode("utf-8"))}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8")) for i in range(len(words) - SHINGLE + 1)}


def sketch(hashes: Iterable[int]) -> list[int]:
    """The SKETCH smallest hashes: a sample of the text that any near-copy shares most of."""
    return sorted(set(hashes))[:SKETCH]


def sketch_found(stored: list[int], hashes: set[int]) -> bool:
    """Does a new text hold enough of a stored sketch to be worth a full comparison?"""
    return bool(stored) and sum(h in hashes for h in stored) >= MIN_SKETCH_FOUND * len(stored)


def same_story(old: set[int], new: set[int]) -> bool:
    """Nearly the same text: one holds nearly all of the other (a changed word, an added paragraph).

    A text of a few words says too little: one outlet's two headline-only items with the
    same words (an aggregator's entries, a live page's updates) are two items, not a page
    and its update; only the same address makes them one.
    """
    smaller = min(len(old), len(new))
    if smaller < MIN_SHINGLES:
        return False
    return len(old & new) >= MIN_CONTAINMENT * smaller


def days_apart(a: str | None, b: str | None) -> int | None:
    """Whole days between two ISO dates (their day parts); None when either is unknown."""
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def is_earlier(new: str | None, old: str | None) -> bool:
    """Is the new version dated before the stored one? (Then it is an older copy arriving late.)"""
    if not new or not old:
        return False
    if new[:10] != old[:10]:
        return new[:10] < old[:10]
    a, b = parse_iso(new), parse_iso(old)
    timed = len(new) > 10 and len(old) > 10
    return bool(timed and a and b and a < b)
