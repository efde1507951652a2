"""Where a build finds each article's Profile: stored with the articles, in its cache, or made now.

First the archive's stored profiles (stored.py: made at ingest, committed with the
articles, so a cold build on a fresh clone reads them), then this machine's cache,
``<cache_dir>/group-profiles.npz`` (profilefile.py's format), for what the archive does
not hold: articles edited by hand, or profiled by other code than today's. What neither
holds is profiled now. Both are keyed by each article's content digest
(profile.content_key), so an edited article is profiled again, and stamped with a
fingerprint of the code that makes Profiles, so a changed tokeniser or lexicon never
serves stale features. The cache holds only the current articles the archive lacks
(older entries are pruned), and is rewritten only when that set changed. A store or
cache that is missing, unreadable, stale or unwritable is ignored, never an error.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from ..model import Article
from .profile import Profile, content_key, profiles
from .profilefile import ProfileFile, encode, fingerprint, write
from .stored import Shards
from .vocabulary import Vocabulary

FILE_NAME = "group-profiles.npz"


def cached_profiles(articles: list[Article], shingle_size: int, cache_dir: Path | None,
                    words: Vocabulary, names: Vocabulary, archive: Path | None = None) -> list[Profile]:
    """The articles' Profiles, read from the archive's stored ones and the cache where they are current.

    ``archive`` is the articles folder (ingest's ``--out``); ``cache_dir`` None: no cache.
    """
    stamp = fingerprint(shingle_size)
    keys = [content_key(a) for a in articles]
    shards = Shards.load(archive, shingle_size) if archive is not None else Shards()
    path = Path(cache_dir) / FILE_NAME if cache_dir is not None else None
    cache = ProfileFile.load(path, stamp) if path is not None else ProfileFile()
    def found(i: int) -> Profile | None:
        return shards.profile(keys[i], words, names) or cache.profile(keys[i], words, names)

    out = profiles(articles, shingle_size, words, names, found)
    if path is not None:
        first: dict[str, int] = {}  # key -> its first article, for the keys the archive lacks
        for i, key in enumerate(keys):
            if key not in shards:
                first.setdefault(key, i)
        if set(first) != set(cache.index):
            with contextlib.suppress(OSError):  # a read-only or full disk costs speed next time, not the build
                write(path, encode(stamp, list(first), [out[i] for i in first.values()], words, names))
    return out
