"""The content/ layout: where article files live, atomic writes, hand edits kept.

Articles are written to ``YYYY/MM/DD/<slug>.md`` under the output folder (by default
``articles/`` in the docs_dir).
A small state file (``.digest/state.json``, a dotfile MkDocs ignores) remembers, for
each article id, the path it was first written to and the front matter ingest
generated. On re-ingest, a value in the file that differs from what ingest generated
last time was edited by a person, and it wins. A page scraped again after its outlet
updated it replaces its article in place (versions.py tells it apart from a new story
or another outlet's copy). Every write goes to a temporary file that is renamed over
the target, so a killed ingest leaves old or new, never partial.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .model import Article, parse_article, render_markdown
from .outlets import name_domains
from .versions import (
    MAX_DAYS_APART, days_apart, is_earlier, other_hosts, outlet_key, same_story, shingles, sketch, sketch_found, url_key,
)

STATE_DIR = ".digest"
STATE_FILE = "state.json"  # part of the archive: commit it with the articles
INPUTS_FILE = "inputs.json"  # a cache for this machine and this code: not committed
STATE_VERSION = 2
MIN_INPUTS_KEPT = 10_000  # inputs remembered at least (3 per article in a large archive)
MAX_CANDIDATES = 20  # articles compared in full with a new one, most similar sketch first
MAX_HOLDERS = 64  # a sketch hash held by more articles of one outlet than this is a stock phrase: not looked at
LOCAL_GITIGNORE = "# Written by digest: this machine's lock and cache of inputs already read; not part of the archive.\nlock\ninputs.json\n*.tmp\n"
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII, lower-case, hyphenated; cut at a word boundary. Never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_STRIP.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "article"


def short_hash(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def relative_path_for(article: Article) -> str:
    """The stable place of a new article in the articles folder: YYYY/MM/DD/<slug>-<hash>.md.

    The slug comes from the title; the short hash of the id keeps two articles with the
    same headline apart; the date comes only from a well-formed ISO date, so no field
    can steer the path out of the folder.
    """
    day = article.day
    if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        folder = day.replace("-", "/")
    else:
        folder = "undated"
    return f"{folder}/{slugify(article.title or article.id)}-{short_hash(article.id)}.md"


def body_digest(body: str) -> str:
    """A digest of a body as it is written to the file (surrounding blank lines aside)."""
    return short_hash(body.strip("\n"), 16)


def atomic_write(path: Path, text: str, durable: bool = False) -> None:
    """Write text to path through a temporary file in the same folder and a rename.

    The rename makes a killed process leave the old file or the new one, never a part.
    ``durable`` also waits for the disk (fsync), which guards against power loss at a
    cost of milliseconds per file: used for the state file, not for every article.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@dataclass
class WriteResult:
    status: str  # "new", "updated", "unchanged", "duplicate"
    path: str
    duplicate_of: str | None = None  # "duplicate": the article it is (a copy, or an earlier version of it)
    replaced: str | None = None  # a later version under another id: the article it replaced (whose id is kept)


def value_digest(value: Any) -> str:
    """A short digest of a front-matter value, to tell later whether a person changed it."""
    return short_hash(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str), 12)


def text_key(article: Article) -> str | None:
    """Same headline and same text: the same article. (A new headline over the same text is a
    republished copy, which grouping folds under its original instead.)"""
    if not article.body.strip():
        return None
    return short_hash(" ".join(f"{article.title}\n{article.body}".lower().split()), 16)


@dataclass
class _Index:
    """What finds an article by its address, its exact text, or a sketch of its text (versions.py)."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    anchors: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def add(self, article_id: str, entry: dict[str, Any]) -> None:
        if entry.get("url"):
            self.urls[entry["url"]] = article_id
        if entry.get("text"):
            self.texts[entry["text"]] = article_id
        for h in entry.get("sketch") or []:
            self.anchors.setdefault((entry["outlet"], h), []).append(article_id)

    def remove(self, article_id: str, entry: dict[str, Any]) -> None:
        for key, index in ((entry.get("url"), self.urls), (entry.get("text"), self.texts)):
            if key and index.get(key) == article_id:
                del index[key]
        for h in entry.get("sketch") or []:
            ids = self.anchors.get((entry["outlet"], h), [])
            if article_id in ids:
                ids.remove(article_id)


@dataclass
class ContentStore:
    """The articles folder of one site (the ``--out`` folder of ingest).

    ``.digest/state.json`` is part of the archive (commit it with the articles): per
    article id, its path, digests of the values ingest wrote (to tell a person's edits
    from ingest's), and what finds it again: its address, a digest of its text, its
    outlet and a sketch of its text; and ``aliases``, the ids of later versions that
    replaced an article (``versions.py``). It is written one article per line, sorted,
    and only when an article changes, so ingesting unchanged inputs with changed code
    leaves it as it is. ``.digest/inputs.json`` (a cache of the inputs already turned
    into articles by this very code) and the lock belong to one machine and are ignored
    by git (``.digest/.gitignore``).
    """

    root: Path
    state: dict[str, Any] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # paths of the articles written (or found unchanged) by this store

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self._reload()

    # -- state ---------------------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self.root / STATE_DIR / STATE_FILE

    @property
    def inputs_path(self) -> Path:
        return self.root / STATE_DIR / INPUTS_FILE

    def _reload(self) -> None:
        data = _read_json(self.state_path)
        articles = data.get("articles") if isinstance(data.get("articles"), dict) else {}
        aliases = data.get("aliases") if isinstance(data.get("aliases"), dict) else {}
        self.state = {"articles": articles, "aliases": aliases}
        inputs = _read_json(self.inputs_path)
        self.inputs: dict[str, str] = inputs if all(isinstance(v, str) for v in inputs.values()) else {}
        self._old_format = data.get("version") != STATE_VERSION and bool(articles)
        if self._old_format:  # the first state format: indexes beside the articles, inputs inside
            for index, name in (("urls", "url"), ("texts", "text")):
                for key, article_id in (data.get(index) or {}).items():
                    if article_id in articles:
                        articles[article_id][name] = url_key(key) if name == "url" else key
            if isinstance(data.get("inputs"), dict):
                self.inputs = {**data["inputs"], **self.inputs}
        self._index: _Index | None = None
        self._dirty = self._inputs_dirty = False

    def save(self) -> None:
        """Persist what changed (atomically): the state when an article changed, the inputs cache."""
        if self._dirty:
            if self._old_format:
                self._idx()  # the first format lacks what finds articles again: add it before writing the new one
            atomic_write(self.state_path, _state_text(self.state), durable=True)
            self._dirty = False
        if self._inputs_dirty:
            cap = max(MIN_INPUTS_KEPT, 3 * len(self.state["articles"]))
            kept = dict(list(self.inputs.items())[-cap:])  # the least recently used go first
            atomic_write(self.inputs_path, json.dumps(kept, separators=(",", ":")))
            self._inputs_dirty = False
        if self.state_path.parent.is_dir():
            self._ignore_local_files()

    def _ignore_local_files(self) -> None:
        path = self.root / STATE_DIR / ".gitignore"
        if not path.exists():
            atomic_write(path, LOCAL_GITIGNORE)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder's lock: two ingests at once wait for each other, never interleave."""
        import fcntl

        path = self.root / STATE_DIR / "lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._ignore_local_files()
        with open(path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                self._reload()  # another ingest may have written while we waited
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _resolve(self, rel: str) -> Path:
        """The absolute path of rel, refusing anything that would leave the root."""
        root = self.root.resolve()
        target = (root / rel).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write outside {root}: {rel}")
        return target

    def _current(self, article_id: str) -> str | None:
        """The article an id stands for: itself, or the article a later version of it replaced."""
        if article_id in self.state["articles"]:
            return article_id
        target = self.state["aliases"].get(article_id)
        return target if target in self.state["articles"] else None

    def knows(self, article_id: str) -> bool:
        """Was an input with this id written (as an article, or as a version of one)?"""
        return self._current(article_id) is not None

    # -- inputs already seen -------------------------------------------------------------
    def seen_input(self, input_key: str) -> str | None:
        """The path of the article an identical input gave last time, if its file is still there."""
        article_id = self.inputs.get(input_key)
        current = self._current(article_id) if article_id else None
        entry = self.state["articles"].get(current) if current else None
        if entry and (self.root / entry["path"]).exists():
            self.inputs[input_key] = self.inputs.pop(input_key)  # recently used: kept longest
            self._inputs_dirty = True
            return entry["path"]
        return None

    def remember_input(self, input_key: str, article_id: str) -> None:
        if self.inputs.get(input_key) != article_id:
            self.inputs[input_key] = article_id
            self._inputs_dirty = True

    # -- finding an article again ----------------------------------------------------------
    def _idx(self) -> _Index:
        """The in-memory index, built on first use from the state (linear in the archive)."""
        if self._index is None:
            if self._old_format:
                self._add_sketches()
            self._index = _Index()
            for article_id, entry in self.state["articles"].items():
                self._index.add(article_id, entry)
        return self._index

    def _add_sketches(self) -> None:
        """Outlet and sketch of every article of an archive written before they were kept (once)."""
        for entry in self.state["articles"].values():
            existing = self._read(entry["path"])
            if existing is not None:
                entry.update(_finding_keys(existing, existing.body, entry.get("text")))
        self._old_format = False
        self._dirty = True

    def _read(self, rel: str) -> Article | None:
        try:
            return parse_article(self._resolve(rel).read_text(encoding="utf-8", errors="replace"), rel)
        except (OSError, ValueError):
            return None

    def _same_story(self, article: Article) -> str | None:
        """An article of the same outlet that this one is a later (or earlier) version of."""
        outlet = outlet_key(article)
        if not outlet:
            return None
        hashes = shingles(article.body)
        votes: dict[str, int] = {}
        anchors = self._idx().anchors
        for h in hashes:
            holders = anchors.get((outlet, h), ())
            if len(holders) <= MAX_HOLDERS:  # a phrase the outlet uses everywhere says nothing about one story
                for other in holders:
                    votes[other] = votes.get(other, 0) + 1
        entries = self.state["articles"]
        for other, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]:
            entry = entries[other]
            if not sketch_found(entry.get("sketch") or [], hashes):
                continue
            existing = self._read(entry["path"])
            if existing is None or other_hosts(article.url, existing.url):
                continue
            apart = days_apart(article.date, existing.date)
            if (apart is None or apart <= MAX_DAYS_APART) and same_story(shingles(existing.body), hashes):
                return other
        return None

    # -- writing -------------------------------------------------------------------------
    def write(self, article: Article) -> WriteResult:
        """Write one article, keeping hand edits; a later version replaces its article.

        The same text arriving under another id is a duplicate and is not written. The
        same address, or the same outlet with nearly the same text, is a later version:
        it replaces the article (the file keeps its path and id, a person's edits stay),
        unless it is dated before it, or is a version already replaced (then it is a
        duplicate of it).
        """
        articles = self.state["articles"]
        current = self._current(article.id)
        if current is not None:
            entry = articles[current]
            if entry.get("version", current) != article.id:  # a version that was replaced since
                return WriteResult("duplicate", entry["path"], duplicate_of=current)
            return self._put(current, article, entry)
        index = self._idx()
        address = url_key(article.url)
        other = index.urls.get(address) if address else None
        if other is None:
            copy = index.texts.get(text_key(article) or "")
            if copy is not None:
                return WriteResult("duplicate", articles[copy]["path"], duplicate_of=copy)
            other = self._same_story(article)
        if other is None:
            return self._put(article.id, article, None)
        entry = articles[other]
        self.state["aliases"][article.id] = other
        self._dirty = True
        existing = self._read(entry["path"])
        if existing is not None and is_earlier(article.date, existing.date):
            return WriteResult("duplicate", entry["path"], duplicate_of=other)
        return self._put(other, article, entry)

    def _put(self, article_id: str, article: Article, entry: dict[str, Any] | None) -> WriteResult:
        """Write article as the article article_id (a later version keeps the id and path it replaces)."""
        fresh = article if article.id == article_id else dataclasses.replace(article, id=article_id)
        rel = entry["path"] if entry else relative_path_for(fresh)
        target = self._resolve(rel)
        old_text = target.read_text(encoding="utf-8", errors="replace") if target.exists() else None
        try:
            existing = parse_article(old_text, rel) if old_text is not None else None
        except ValueError:
            existing = None
        if existing is not None and entry and fresh is not article:
            fresh = _carry_over(fresh, existing, entry["fm"])
        generated = {key: value_digest(value) for key, value in fresh.front_matter().items()}
        final = fresh
        if existing is not None:
            final = merge_edits(fresh, existing, entry.get("fm") if entry else None, entry.get("body") if entry else None)
        text = render_markdown(final)
        status = "new" if old_text is None else "unchanged" if old_text == text else "updated"
        if status != "unchanged":
            atomic_write(target, text)
        self.touched.add(rel)
        new_entry = {"path": rel, "fm": generated, "body": body_digest(fresh.body),
                     **_finding_keys(fresh, final.body, text_key(fresh))}
        if article.id != article_id:
            new_entry["version"] = article.id
        if entry != new_entry:
            index = self._idx()
            if entry:
                index.remove(article_id, entry)
            index.add(article_id, new_entry)
            self.state["articles"][article_id] = new_entry
            self._dirty = True
        return WriteResult(status, rel, replaced=article_id if article.id != article_id else None)


def _carry_over(later: Article, earlier: Article, generated: dict[str, str]) -> Article:
    """A later version with what ingest found in the earlier one and not in it (its address, say).

    Only values ingest wrote and nobody changed: a person's values are merge_edits' business.
    """
    meta = later.front_matter()
    for key, value in earlier.front_matter().items():
        if key not in meta and generated.get(key) == value_digest(value):
            meta[key] = value
    return Article.from_front_matter(meta, later.body)


def _finding_keys(article: Article, body: str, text: str | None) -> dict[str, Any]:
    """What finds an article again: its address, its exact text, its outlet and a sketch of its body."""
    keys: dict[str, Any] = {}
    address = url_key(article.url)
    if address:
        keys["url"] = address
    if text:
        keys["text"] = text
    outlet = outlet_key(article)
    hashes = sketch(shingles(body))
    if outlet and hashes:
        keys["outlet"], keys["sketch"] = outlet, hashes
    return keys


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _state_text(state: dict[str, Any]) -> str:
    """The state as JSON, one article (and one alias) per line, sorted: small diffs in git."""

    def section(name: str) -> str:
        rows = [f"{json.dumps(k, ensure_ascii=False)}:{json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':'))}"
                for k, v in sorted(state[name].items())]
        return f'"{name}":{{' + ("\n" + ",\n".join(rows) + "\n" if rows else "") + "}"

    return f'{{"version":{STATE_VERSION},\n{section("aliases")},\n{section("articles")}}}\n'


def merge_edits(fresh: Article, existing: Article, generated: dict[str, str] | None, body_hash: str | None) -> Article:
    """Combine a fresh ingest with the file on disk: what a person changed wins.

    A value in the file whose digest differs from what ingest wrote last time was
    edited by a person. Without such a record every value in the file is taken as the
    person's: nothing they wrote is ever lost.
    """
    merged = fresh.front_matter()
    for key, value in existing.front_matter().items():
        if generated is None or generated.get(key) != value_digest(value):
            merged[key] = value
    for key in list(merged):  # a value the person deleted stays deleted
        if generated and key in generated and key not in existing.front_matter():
            del merged[key]
    edited_body = body_hash is None or body_digest(existing.body) != body_hash
    result = Article.from_front_matter(merged, existing.body if edited_body else fresh.body, existing.path)
    result.id = result.id or fresh.id
    return result


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every Markdown file under root, skipping dotfolders (state, temporary files)."""
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith(".md") and not name.startswith("."):
                yield Path(dirpath) / name


def load_articles(root: Path, base: Path | None = None) -> list[Article]:
    """Read every article (a Markdown file with an ``id`` in its front matter) under root.

    ``path`` is set relative to ``base`` (the docs_dir) when given, else to root.
    Files that are not articles (no front matter id) are skipped. An outlet named only by
    its domain takes the name the archive prints for it elsewhere (``outlets.py``).
    """
    root = Path(root)
    base = Path(base) if base else root
    out: list[Article] = []
    for p in sorted(iter_article_files(root)):
        try:
            article = parse_article(p.read_text(encoding="utf-8"), p.relative_to(base).as_posix())
        except (ValueError, UnicodeDecodeError):
            continue
        if article.id:
            out.append(article)
    name_domains(out)
    return out
