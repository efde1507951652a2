"""Profiles stored with the articles: made once at ingest, read by every build, even a cold one.

A build on a fresh clone of a site, or on a CI runner without its cache, would otherwise
profile the whole archive again (a third of the grouping's work). So ingest (and fetch)
make the Profiles of the articles they write, the same way a build does (profile.profiles),
and keep them in the archive beside the store's state: ``<articles>/.digest/profiles/``,
one **shard per folder of articles** (``2026/11/27.npz`` for ``2026/11/27/``;
``.digest/profiles.npz`` for articles at the top), committed with the articles. The build
reads every shard, looks each article up by its content key, and profiles only what it
does not find (cache.py).

What holds, and why:

* **Same stories.** An entry is found by the digest of exactly what a Profile reads
  (profile.content_key) and holds exactly what profiling would compute; terms are interned
  in the build's vocabularies in article order either way. Stories are byte-identical with
  stored profiles, with the cache, and with neither.
* **History grows with the news, not faster.** One file for the whole archive would be
  rewritten every day, and git would keep every version: history quadratic in the archive.
  A shard covers one folder (one day), and a run rewrites only the shards of the folders
  it wrote articles to (new, updated, or unchanged but read again), and only when their
  content changed: the day's change in git is about the size of the day's articles.
* **Deterministic bytes** (profilefile.py): the same articles give the same shard on any
  machine, so ingesting unchanged inputs again, on a fresh clone too, leaves git clean.
* **Never an error.** A missing, stale (other code: the fingerprint), damaged or unreadable
  shard, or an article edited by hand since, is profiled at build time as if nothing had
  been stored (and kept in the build's local cache). A shard made by older code is brought
  up to date the next time ingest writes to its folder.
* **No pickle**: numpy arrays, read with ``allow_pickle=False``.
"""
from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..model import Article, parse_article
from ..store import STATE_DIR, ContentStore
from .profile import Profile, content_key, profiles
from .profilefile import ProfileFile, encode, fingerprint, write
from .vocabulary import Vocabulary

PROFILES = "profiles"  # in the store's state folder


def shard_path(root: Path, folder: str) -> Path:
    """The shard of the articles directly in ``folder`` (a posix path relative to root, '' for root)."""
    base = Path(root) / STATE_DIR / PROFILES
    return base / f"{folder}.npz" if folder else base.with_suffix(".npz")


def keep_profiles(store: ContentStore, shingle_size: int | None, err: TextIO) -> None:
    """After an ingest or a fetch: the shards of the folders it wrote to up to date.

    An input skipped as already read (the store's cache of inputs) touches nothing, so a
    re-run costs no more; one read again (a fresh clone, changed ingest code) refreshes the
    shard of its folder when that is stale.

    ``shingle_size`` is the site's grouping ``copy_shingle`` (None: the default). A
    failure costs one line on err and speed at the next build, never the batch.
    """
    if not store.touched:
        return
    if shingle_size is None:
        from .options import GroupOptions

        shingle_size = GroupOptions().copy_shingle
    try:
        store_profiles(store.root, store.touched, shingle_size)
    except OSError as e:
        print(f"digest: cannot store the grouping profiles in {store.root / STATE_DIR / PROFILES}: {e}", file=err)


def store_profiles(root: Path, paths: Iterable[str], shingle_size: int) -> int:
    """Bring the shards of the folders holding ``paths`` (article files, relative to root) up to date.

    A folder's shard holds the Profiles of the articles now in it: entries still current
    are kept, the missing ones made, those of files gone or changed dropped. Returns the
    number of shards written (none when they were current).
    """
    root = Path(root)
    stamp = fingerprint(shingle_size)
    written = 0
    for folder in sorted({posixpath.dirname(p) for p in paths}):
        path = shard_path(root, folder)
        articles = _articles_in(root, folder)
        if not articles:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        written += _update(path, articles, shingle_size, stamp)
    return written


def _update(path: Path, articles: list[Article], shingle_size: int, stamp: int) -> bool:
    """Write the shard of these articles unless the file holds exactly their current profiles."""
    first: dict[str, Article] = {}  # key -> its first article (identical texts are stored once)
    for a in articles:
        first.setdefault(content_key(a), a)
    keys = list(first)
    old = ProfileFile.load(path, stamp)
    if set(old.index) == set(keys):
        return False
    words, names = Vocabulary(), Vocabulary()
    rows = profiles(list(first.values()), shingle_size, words, names, lambda i: old.profile(keys[i], words, names))
    return write(path, encode(stamp, keys, rows, words, names))


def _articles_in(root: Path, folder: str) -> list[Article]:
    """The articles directly in a folder, read as a build reads them (store.load_articles)."""
    out = []
    for p in sorted((root / folder).glob("*.md")):
        if p.name.startswith("."):
            continue
        try:
            article = parse_article(p.read_text(encoding="utf-8"), p.relative_to(root).as_posix())
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if article.id:
            out.append(article)
    return out


class Shards:
    """Every shard of an archive, looked up by content key."""

    def __init__(self, files: Iterable[ProfileFile] = ()) -> None:
        self.where: dict[str, ProfileFile] = {}
        for f in files:
            self.where.update(dict.fromkeys(f.index, f))

    @classmethod
    def load(cls, root: Path, shingle_size: int) -> "Shards":
        """The shards under root made by this code for this shingle size (others load as empty)."""
        stamp = fingerprint(shingle_size)
        base = Path(root) / STATE_DIR / PROFILES
        paths = [base.with_suffix(".npz"), *sorted(base.rglob("*.npz"))]
        return cls(ProfileFile.load(p, stamp) for p in paths)

    def __contains__(self, key: str) -> bool:
        return key in self.where

    def profile(self, key: str, words: Vocabulary, names: Vocabulary) -> Profile | None:
        found = self.where.get(key)
        return found.profile(key, words, names) if found is not None else None
