"""Profiles as flat numpy arrays in one file: the format of the cache and of the stored profiles.

A file holds one entry per content key (profile.content_key), keys sorted: per field
(headline words, text words, entities) the entries' term ids and counts laid end to
end with their offsets, the ids indexing the file's own sorted term tables; the
shingles end to end with their offsets; the MinHash signatures as one matrix. Each
array takes the smallest unsigned type its values need. The file is a ZIP of ``.npy``
members (numpy's ``.npz``, read with ``allow_pickle=False``: no pickle either way),
stored uncompressed with fixed member dates, so the same profiles always give the same
bytes, on any machine: a file kept in git changes only when its profiles do.

``stamp`` (``fingerprint``) names the code that made the profiles: a file made by other
code, or one that is damaged, truncated or unreadable, loads as empty, never as an error.
"""
from __future__ import annotations

import contextlib
import functools
import io
import os
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .features import noun_capitalising
from .profile import Profile
from .vocabulary import Vocabulary

FORMAT = 2  # raise when the layout below changes: files of the old layout are then ignored
# What makes a Profile: the code and data beside it, with the function word lists language
# detection keeps (features.function_words reads them too).
_SOURCES = ("features.py", "lexicon.yml", "minhash.py", "profile.py", "../ingest/data/stopwords.yaml")
_FIELDS = (("title", "title_counts", "words"), ("text", "text_counts", "words"), ("names", "name_counts", "names"))
_SIGNATURE = 32  # MinHash values per signature (minhash.signatures' num_perm)
_DATE = (1980, 1, 1, 0, 0, 0)  # ZIP's earliest date, for every member: no build time in the bytes


def fingerprint(shingle_size: int) -> int:
    """CRC-32 of the Profile-making code and data, the file layout and the shingle size."""
    capitalising = " ".join(sorted(noun_capitalising()))  # geography's list, of which a Profile reads the keys
    crc = zlib.crc32(f"{FORMAT} {shingle_size} {capitalising}".encode())
    for name in _SOURCES:
        crc = zlib.crc32((Path(__file__).parent / name).read_bytes(), crc)
    return crc


def encode(stamp: int, keys: list[str], rows: list[Profile], words: Vocabulary, names: Vocabulary) -> bytes:
    """The file's bytes for distinct ``keys`` and their Profiles (ids of ``words`` and ``names``).

    Entries go in key order and terms in sorted order, so the bytes depend only on the
    profiles, not on the order they were made in or on the rest of the run's vocabulary.
    """
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rows = [rows[i] for i in order]
    arrays: dict[str, np.ndarray] = {"stamp": np.array([stamp], dtype="<i8"), "keys": _join([keys[i] for i in order])}
    for table, vocab in (("words", words), ("names", names)):
        fields = [(f, c) for f, c, t in _FIELDS if t == table]
        used = np.unique(_concat([getattr(p, f) for p in rows for f, _ in fields], np.int64))
        terms = [vocab.terms[i] for i in used.tolist()]
        rank = sorted(range(len(terms)), key=terms.__getitem__)
        arrays[table] = _join([terms[i] for i in rank])
        position = np.zeros(len(vocab), dtype=np.int64)  # run id -> place in the file's table
        position[used[rank]] = np.arange(len(rank))
        for field, count in fields:
            arrays[f"{field}_ptr"] = _offsets([getattr(p, field) for p in rows])
            arrays[f"{field}_ids"] = _small(position[_concat([getattr(p, field) for p in rows], np.int64)])
            arrays[f"{field}_counts"] = _small(_concat([getattr(p, count) for p in rows], np.int64))
    arrays["shingle_ptr"] = _offsets([p.shingles for p in rows])
    arrays["shingles"] = _concat([p.shingles for p in rows], np.int64).astype("<u4")
    arrays["signatures"] = (np.stack([p.signature for p in rows]) if rows else np.empty((0, 0))).astype("<u4")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, array, version=(1, 0), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_DATE)
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue())
    return out.getvalue()


def write(path: Path, data: bytes) -> bool:
    """Write data at path through a temporary file and a rename, unless the file holds it already.

    True when written. A killed process leaves the old file or the new one.
    """
    with contextlib.suppress(OSError):
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return True


class ProfileFile:
    """A file's entries, decoded one at a time by key into the run's vocabularies."""

    def __init__(self, arrays: dict[str, np.ndarray] | None = None) -> None:
        a = self.arrays = arrays or {}
        self.index = {k: i for i, k in enumerate(_split(a["keys"]))} if a else {}
        self.tables = {"words": _split(a["words"]), "names": _split(a["names"])} if a else {}
        self._ids: dict[str, tuple[Vocabulary, np.ndarray]] = {}  # table -> (run vocabulary, its id per term or -1)

    @classmethod
    def load(cls, path: Path, stamp: int) -> "ProfileFile":
        """The file at path; empty when it is missing, damaged, inconsistent or made by other code."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if int(data["stamp"][0]) != stamp:
                    return cls()
                found = cls({name: data[name] for name in data.files})
            found._check()
            return found
        except (OSError, KeyError, ValueError, IndexError, TypeError, UnicodeDecodeError, EOFError,
                zipfile.BadZipFile, zlib.error):
            return cls()

    def _check(self) -> None:
        """Raise ValueError unless every offset and id points inside the file's arrays."""
        a, n = self.arrays, len(self.index)
        if any(x.dtype.kind not in "ui" for x in a.values()) or len(_split(a["keys"])) != n:
            raise ValueError("not integer arrays, or keys repeated")
        for field, _, table in (*_FIELDS, ("shingle", "", "")):
            ptr = a[f"{field}_ptr"]
            values = a[f"{field}_counts"] if table else a["shingles"]
            if len(ptr) != n + 1 or ptr[0] != 0 or np.any(np.diff(ptr) < 0) or ptr[-1] != len(values):
                raise ValueError(f"bad offsets of {field}")
            if table and (len(a[f"{field}_ids"]) != len(values)
                          or (len(values) and int(a[f"{field}_ids"].max()) >= len(self.tables[table]))):
                raise ValueError(f"bad ids of {field}")
        if a["signatures"].ndim != 2 or a["signatures"].shape[0] != n or (n and a["signatures"].shape[1] != _SIGNATURE):
            raise ValueError("bad signatures")

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def profile(self, key: str, words: Vocabulary, names: Vocabulary) -> Profile | None:
        """One entry as a Profile of the run's vocabularies, or None.

        What profile.profiles does with an article's term strings (new terms interned in
        sorted order, field by field), done on the file's ids: a term's run id is looked
        up once per file, not once per article (the file's table is sorted, so its order
        is the strings' order).
        """
        i = self.index.get(key)
        if i is None:
            return None
        a = self.arrays
        fields = []
        for (table, ids, counts), ptr in zip(self._columns, self._ptrs):
            lo, hi = ptr[i], ptr[i + 1]
            fields.append(self._run_ids(table, words if table == "words" else names, ids[lo:hi]))
            fields.append(counts[lo:hi].astype(np.int32))
        lo, hi = self._ptrs[-1][i], self._ptrs[-1][i + 1]
        return Profile(*fields, a["shingles"][lo:hi].astype(np.uint64), a["signatures"][i].astype(np.uint64))

    @functools.cached_property
    def _columns(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """Each field's vocabulary table, ids and counts."""
        return [(table, self.arrays[f"{field}_ids"], self.arrays[f"{field}_counts"]) for field, _, table in _FIELDS]

    @functools.cached_property
    def _ptrs(self) -> list[list[int]]:
        """The offsets of each field, then of the shingles, as Python ints (read once per file, not per entry)."""
        return [self.arrays[f"{field}_ptr"].tolist() for field, _, _ in _FIELDS] + [self.arrays["shingle_ptr"].tolist()]

    def _run_ids(self, table: str, vocab: Vocabulary, ids: np.ndarray) -> np.ndarray:
        known = self._ids.get(table)
        if known is None or known[0] is not vocab:
            known = self._ids[table] = (vocab, np.full(len(self.tables[table]), -1, dtype=np.int32))
        run = known[1]
        out = run[ids]
        missing = out < 0
        if missing.any():
            terms = self.tables[table]
            for t in np.unique(ids[missing]).tolist():
                k = run[t] = vocab.ids.setdefault(terms[t], len(vocab.terms))
                if k == len(vocab.terms):
                    vocab.terms.append(terms[t])
            out = run[ids]
        return out  # int32: a fresh array (fancy indexing copies)


def _join(strings: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (keys and terms never hold a newline)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _split(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n") if len(array) else []


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.empty(0, dtype=dtype)


def _offsets(parts: list[np.ndarray]) -> np.ndarray:
    return np.cumsum([0] + [len(x) for x in parts], dtype=np.int64).astype("<i8")


def _small(values: np.ndarray) -> np.ndarray:
    """Non-negative integers in the smallest little-endian unsigned type that holds them."""
    top = int(values.max()) if len(values) else 0
    return values.astype("<u1" if top < 1 << 8 else "<u2" if top < 1 << 16 else "<u4")
