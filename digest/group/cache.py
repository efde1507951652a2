"""A per-article cache of Profiles, so a daily build only profiles the day's new articles.

One file, ``<cache_dir>/group-profiles.npz`` (numpy arrays, no pickle), keyed by each
article's content digest (profile.content_key): an edited article gets a new key and
is profiled again. The file holds only the articles of the last run (older entries
are pruned), is written through a temporary file and a rename (a killed build leaves
the old cache or the new one), and carries a fingerprint of the code and word lists
that make Profiles, so a changed tokeniser or lexicon never serves stale features.
A cache that is missing, unreadable or stale is ignored, never an error.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from pathlib import Path

import numpy as np

from ..model import Article
from .profile import Profile, content_key, profiles

FILE_NAME = "group-profiles.npz"
_SOURCES = ("features.py", "lexicon.yml", "minhash.py", "profile.py", "cache.py")
_FIELDS = ("title", "text", "names")


def fingerprint(shingle_size: int) -> int:
    """CRC-32 of the Profile-making code and data plus the shingle size."""
    crc = zlib.crc32(str(shingle_size).encode())
    for name in _SOURCES:
        crc = zlib.crc32(Path(__file__).with_name(name).read_bytes(), crc)
    return crc


def cached_profiles(articles: list[Article], shingle_size: int, cache_dir: Path) -> list[Profile]:
    """The articles' Profiles, reading unchanged ones from the cache and writing it back."""
    path = Path(cache_dir) / FILE_NAME
    stamp = fingerprint(shingle_size)
    keys = [content_key(a) for a in articles]
    known = _load(path, stamp)
    missing = {k: a for k, a in zip(keys, articles) if k not in known}  # identical texts profiled once
    fresh = dict(zip(missing, profiles(list(missing.values()), shingle_size)))
    out = [known[k] if k in known else fresh[k] for k in keys]
    if fresh or len(known) != len(set(keys)):
        _save(path, stamp, dict(zip(keys, out)))
    return out


def _join(strings: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (terms never hold a newline)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _split(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n") if len(array) else []


def _save(path: Path, stamp: int, entries: dict[str, Profile]) -> None:
    """Write the entries as flat arrays: one term table, per-field (offsets, term ids, counts)."""
    keys = list(entries)
    table: dict[str, int] = {}
    arrays: dict[str, np.ndarray] = {"stamp": np.array([stamp], dtype=np.int64), "keys": _join(keys)}
    for field in _FIELDS:
        maps = [getattr(entries[k], field) for k in keys]
        arrays[f"{field}_ptr"] = np.cumsum([0] + [len(m) for m in maps], dtype=np.int64)
        arrays[f"{field}_ids"] = np.array([table.setdefault(t, len(table)) for m in maps for t in m], dtype=np.int32)
        arrays[f"{field}_counts"] = np.array([c for m in maps for c in m.values()], dtype=np.int32)
    shingles = [entries[k].shingles for k in keys]
    arrays["shingle_ptr"] = np.cumsum([0] + [len(s) for s in shingles], dtype=np.int64)
    arrays["shingles"] = (np.concatenate(shingles) if shingles else np.empty(0)).astype(np.uint32)
    arrays["signatures"] = np.array([entries[k].signature for k in keys], dtype=np.uint32).reshape(len(keys), -1)
    arrays["terms"] = _join(list(table))
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


def _load(path: Path, stamp: int) -> dict[str, Profile]:
    """Key -> Profile from the cache file; empty when it is missing, damaged or of other code."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["stamp"][0]) != stamp:
                return {}
            arrays = {name: data[name] for name in data.files}
        return _unpack(arrays)
    except (OSError, KeyError, ValueError, IndexError, UnicodeDecodeError, zlib.error):
        return {}


def _unpack(arrays: dict[str, np.ndarray]) -> dict[str, Profile]:
    keys, terms = _split(arrays["keys"]), _split(arrays["terms"])
    fields = []
    for field in _FIELDS:
        ptr = arrays[f"{field}_ptr"].tolist()
        words = [terms[i] for i in arrays[f"{field}_ids"].tolist()]
        counts = arrays[f"{field}_counts"].tolist()
        fields.append([dict(zip(words[a:b], counts[a:b])) for a, b in zip(ptr, ptr[1:])])
    ptr = arrays["shingle_ptr"].tolist()
    shingles = arrays["shingles"].astype(np.uint64)
    sigs = arrays["signatures"].astype(np.uint64)
    return {k: Profile(fields[0][i], fields[1][i], fields[2][i], shingles[ptr[i]:ptr[i + 1]], sigs[i])
            for i, k in enumerate(keys)}
