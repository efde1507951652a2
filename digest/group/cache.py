"""A per-article cache of Profiles, so a daily build only profiles the day's new articles.

One file, ``<cache_dir>/group-profiles.npz`` (numpy arrays, no pickle), keyed by each
article's content digest (profile.content_key): an edited article gets a new key and
is profiled again. The file holds only the articles of the last run (older entries
are pruned), is written through a temporary file and a rename (a killed build leaves
the old cache or the new one), and carries a fingerprint of the code and word lists
that make Profiles, so a changed tokeniser or lexicon never serves stale features.
A cache that is missing, unreadable, stale or unwritable is ignored, never an error.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from pathlib import Path

import numpy as np

from ..model import Article
from .profile import Profile, Stored, content_key, profiles
from .vocabulary import Vocabulary

FILE_NAME = "group-profiles.npz"
_SOURCES = ("features.py", "lexicon.yml", "minhash.py", "profile.py", "cache.py")
_FIELDS = (("title", "title_counts"), ("text", "text_counts"), ("names", "name_counts"))


def fingerprint(shingle_size: int) -> int:
    """CRC-32 of the Profile-making code and data plus the shingle size."""
    crc = zlib.crc32(str(shingle_size).encode())
    for name in _SOURCES:
        crc = zlib.crc32(Path(__file__).with_name(name).read_bytes(), crc)
    return crc


def cached_profiles(articles: list[Article], shingle_size: int, cache_dir: Path,
                    words: Vocabulary, names: Vocabulary) -> list[Profile]:
    """The articles' Profiles, reading unchanged ones from the cache and writing it back."""
    path = Path(cache_dir) / FILE_NAME
    stamp = fingerprint(shingle_size)
    keys = [content_key(a) for a in articles]
    store = _Store.load(path, stamp)
    out = profiles(articles, shingle_size, words, names, lambda i: store.get(keys[i]))
    if store.misses or len(store.index) != len(set(keys)):
        with contextlib.suppress(OSError):  # a read-only or full disk costs speed next time, not the build
            _save(path, stamp, keys, out, words, names)
    return out


def _join(strings: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (terms never hold a newline)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _split(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n") if len(array) else []


def _save(path: Path, stamp: int, keys: list[str], found: list[Profile], words: Vocabulary, names: Vocabulary) -> None:
    """Write one entry per distinct key as flat arrays: per field (offsets, vocabulary ids, counts).

    Ids index the run's vocabularies, stored alongside as term tables.
    """
    first: dict[str, int] = {}  # key -> its first article (identical texts are stored once)
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    rows = [found[i] for i in first.values()]
    arrays: dict[str, np.ndarray] = {"stamp": np.array([stamp], dtype=np.int64), "keys": _join(list(first)),
                                     "words": _join(words.terms), "names": _join(names.terms)}
    for field, count in _FIELDS:
        parts = [getattr(p, field) for p in rows]
        arrays[f"{field}_ptr"] = np.cumsum([0] + [len(x) for x in parts], dtype=np.int64)
        arrays[f"{field}_ids"] = _concat(parts, np.int32)
        arrays[f"{field}_counts"] = _concat([getattr(p, count) for p in rows], np.int32)
    arrays["shingle_ptr"] = np.cumsum([0] + [len(p.shingles) for p in rows], dtype=np.int64)
    arrays["shingles"] = _concat([p.shingles for p in rows], np.uint32)
    arrays["signatures"] = np.array([p.signature for p in rows], dtype=np.uint32).reshape(len(rows), -1)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.empty(0, dtype=dtype)


class _Store:
    """The cache file's entries, decoded one article at a time (strings only while it is encoded)."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.arrays = arrays
        self.index = {k: i for i, k in enumerate(_split(arrays["keys"]))} if arrays else {}
        self.tables = {"words": _split(arrays["words"]), "names": _split(arrays["names"])} if arrays else {}
        self.misses = 0

    @classmethod
    def load(cls, path: Path, stamp: int) -> "_Store":
        """The cache at path; empty when it is missing, damaged or made by other code."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if int(data["stamp"][0]) != stamp:
                    return cls({})
                return cls({name: data[name] for name in data.files})
        except (OSError, KeyError, ValueError, IndexError, UnicodeDecodeError, zlib.error):
            return cls({})

    def get(self, key: str) -> Stored | None:
        """One entry's terms as strings, or None (counted as a miss)."""
        i = self.index.get(key)
        if i is None:
            self.misses += 1
            return None
        a = self.arrays
        fields = []
        for field, _ in _FIELDS:
            lo, hi = a[f"{field}_ptr"][i:i + 2]
            table = self.tables["names" if field == "names" else "words"]
            fields.append(([table[t] for t in a[f"{field}_ids"][lo:hi].tolist()], a[f"{field}_counts"][lo:hi].tolist()))
        lo, hi = a["shingle_ptr"][i:i + 2]
        return (fields[0], fields[1], fields[2], a["shingles"][lo:hi].astype(np.uint64),
                a["signatures"][i].astype(np.uint64))
