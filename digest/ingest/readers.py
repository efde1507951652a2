"""Inputs to raw records: one reader per kind of file, chosen by extension.

A reader never raises for bad input: it yields an ``InputError`` naming the input and
the reason, so one broken file never stops a batch. Records come out with the
contract's keys (see DESIGN.md, "Input records"), whatever scraper spelled them.
"""
from __future__ import annotations

import gzip
import html
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

KINDS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
}
# "&amp;", "&#39;", "&#x2019;": a record's text fields copied from a feed or an API still escaped.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PLAIN_FIELDS = ("title", "text", "summary", "source", "section")
# Files in an input folder that describe the folder rather than hold an article.
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt", "license.txt", "notice.txt"})

# Scraper spellings mapped onto the contract (news-please, newspaper, trafilatura JSON, feeds).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "guid", "uuid", "article_id"),
    "title": ("title", "headline"),
    "text": ("text", "maintext", "raw_text", "content_text", "body", "article_text"),
    "html": ("html", "raw_html", "content_html"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "date": ("date", "date_publish", "publish_date", "published", "published_at", "pubdate", "datePublished"),
    "source": ("source", "source_domain", "sitename", "site_name", "hostname", "publisher", "outlet"),
    "authors": ("authors", "author", "byline"),
    "lang": ("lang", "language"),
    "section": ("section", "category", "categories"),
    "summary": ("summary", "description", "excerpt", "standfirst"),
}


@dataclass
class RawInput:
    """One article as read, before extraction: ``kind`` says which extractor applies."""

    origin: str  # file path, with ":LINE" for a JSON Lines record
    kind: str  # "text", "html", "record" or "markdown"
    record: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # digest of the input, set by the batch to skip inputs already ingested


@dataclass
class InputError:
    """An input that could not be read; ``reason`` is one line for the user."""

    origin: str
    reason: str


class BadInput(ValueError):
    """Raised inside a reader; turned into an InputError for the batch."""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every input file under the given paths, in a stable order.

    Folders are read recursively; links are not followed out of the folder given, so a
    hostile input tree cannot make ingest read elsewhere. Dotfiles are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputError(str(path), "no such file or folder")
        elif path.is_dir():
            root = path.resolve()
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or name.lower() in SKIPPED_NAMES:
                        continue
                    p = Path(dirpath) / name
                    if kind_of(p) is None:
                        continue
                    if p.is_symlink() and root not in p.resolve().parents:
                        yield InputError(str(p), "symbolic link out of the input folder, not followed")
                        continue
                    yield p
        elif kind_of(path) is None:
            yield InputError(str(path), f"unknown kind of input {path.suffix or '(no extension)'!r}; expected one of {', '.join(sorted(KINDS))} (optionally .gz)")
        else:
            yield path


def read_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput | InputError]:
    """Raw records from files and folders, errors as values."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from read_file(item, max_bytes)
        except BadInput as e:
            yield InputError(str(item), str(e))
        except (EOFError, zlib.error) as e:
            yield InputError(str(item), f"broken gzip data: {e or 'truncated'}")
        except OSError as e:
            yield InputError(str(item), f"cannot read: {e.strerror or e}")


def kind_of(path: Path) -> str | None:
    """The kind of input a file holds, by extension; ``x.jsonl.gz`` is JSON Lines, compressed."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return KINDS.get(suffixes[-1]) if suffixes else None


def _open(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly for .gz (never all at once)."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """At most max_bytes of the (decompressed) content; more is refused, not read."""
    if path.suffix.lower() != ".gz" and path.stat().st_size > max_bytes:
        raise BadInput(f"too large ({path.stat().st_size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
    try:
        with _open(path) as f:
            data = f.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        raise BadInput(f"broken gzip data: {e}") from None
    if len(data) > max_bytes:
        raise BadInput(f"too large once decompressed (over {max_bytes:,} bytes, see --max-bytes)")
    return data


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput | InputError]:
    """The records in one file. JSON Lines stream line by line (the limit is per record)."""
    kind = kind_of(path)
    origin = str(path)
    if kind == "jsonl":
        yield from read_json_lines(path, max_bytes)
        return
    text = decode(_read_limited(path, max_bytes))
    if kind == "text":
        yield RawInput(origin, "text", {"text": text})
    elif kind == "html":
        yield RawInput(origin, "html", {"html": text})
    elif kind == "markdown":
        yield RawInput(origin, "markdown", {"markdown": text})
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise BadInput(f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        items = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise BadInput("JSON is neither a record nor a list of records")
        for i, item in enumerate(items, 1):
            yield record_input(item, f"{origin}#{i}" if len(items) > 1 else origin)


def read_json_lines(path: Path, max_bytes: int) -> Iterator[RawInput | InputError]:
    """One record per line, read as a stream: memory holds one line, whatever the file's size."""
    origin = str(path)
    blank = True
    with _open(path) as f:
        for lineno, raw in enumerate(iter(lambda: f.readline(max_bytes + 1), b""), 1):
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                yield InputError(f"{origin}:{lineno}", f"record too large (over {max_bytes:,} bytes, see --max-bytes)")
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = f.readline(1 << 20)
                continue
            if not raw.strip():
                continue
            blank = False
            try:
                item = json.loads(decode(raw))
            except BadInput as e:
                yield InputError(f"{origin}:{lineno}", str(e))
                continue
            except json.JSONDecodeError as e:
                yield InputError(f"{origin}:{lineno}", f"malformed JSON line: {e.msg} (column {e.colno})")
                continue
            yield record_input(item, f"{origin}:{lineno}")
    if blank:
        raise BadInput("empty input: no records")


def record_input(item: Any, origin: str) -> RawInput | InputError:
    """A JSON record mapped onto the contract; records need text, html or a headline to be articles.

    A headline alone (a headline list, an aggregator's item, a feed entry whose page
    could not be fetched) is an article too: its standfirst, when given, is its text.
    """
    if not isinstance(item, dict):
        return InputError(origin, f"record is a JSON {type(item).__name__}, not an object")
    record = normalise_record(item)
    if not (str(record.get("text") or "").strip() or str(record.get("html") or "").strip()):
        brief = str(record.get("summary") or "").strip() or str(record.get("title") or "").strip()
        if not brief:
            return InputError(origin, "record has no text, html or title")
        record["text"] = brief
    return RawInput(origin, "record", record)


def normalise_record(item: dict[str, Any]) -> dict[str, Any]:
    """Map a scraper's keys onto the contract's; the first spelling present wins."""
    out: dict[str, Any] = {}
    for key, spellings in ALIASES.items():
        for spelling in spellings:
            value = item.get(spelling)
            if value not in (None, "", []):
                out[key] = value
                break
    if "id" in out:
        out["id"] = str(out["id"])
    if isinstance(out.get("source"), str):
        out["source"] = out["source"].removeprefix("www.")  # news-please's source_domain "www.example.org"
    authors = out.get("authors")
    if isinstance(authors, str):
        out["authors"] = [authors]
    elif isinstance(authors, list):
        out["authors"] = [str(a.get("name", "")) if isinstance(a, dict) else str(a) for a in authors if a]
    elif authors is not None:
        out["authors"] = [str(authors)]
    section = out.get("section")
    if isinstance(section, list):
        out["section"] = str(section[0]) if section else None
    for key in ("title", "text", "html", "url", "source", "lang", "summary", "date", "section"):
        value = out.get(key)
        if value is not None and not isinstance(value, str):
            # A scraper's odd value (a number, a flag, an object) becomes text, never a YAML type.
            out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list, bool)) else str(value)
    for key in _PLAIN_FIELDS:  # plain text, so an entity is an escape left in, never meant to show
        if key in out and _ENTITY.search(out[key]):
            out[key] = html.unescape(out[key])
    return out


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the detected encoding.

    Empty, whitespace-only and binary inputs are refused with a reason.
    """
    if not data.strip():
        raise BadInput("empty input" if not data else "input holds only whitespace")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInput("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise BadInput("cannot tell the text encoding (not UTF-8, and no other encoding fits)") from None
        text = str(best)
    if not text.strip():
        raise BadInput("input holds only whitespace")
    return text
