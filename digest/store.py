"""The content/ layout: where article files live, atomic writes, hand edits kept.

Articles are written to ``YYYY/MM/DD/<slug>.md`` under the output folder (by default
``articles/`` in the docs_dir).
A small state file (``.digest/state.json``, a dotfile MkDocs ignores) remembers, for
each article id, the path it was first written to and the front matter ingest
generated. On re-ingest, a value in the file that differs from what ingest generated
last time was edited by a person, and it wins. Every write goes to a temporary file
that is renamed over the target, so a killed ingest leaves old or new, never partial.
"""
from __future__ import annotations

import contextlib
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

STATE_DIR = ".digest"
STATE_FILE = "state.json"
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
    duplicate_of: str | None = None


STATE_INDEXES = ("articles", "urls", "texts", "inputs")


def value_digest(value: Any) -> str:
    """A short digest of a front-matter value, to tell later whether a person changed it."""
    return short_hash(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str), 12)


@dataclass
class ContentStore:
    """The articles folder of one site (the ``--out`` folder of ingest).

    The state holds, per article id, its path and digests of the values ingest wrote
    (not the values: the state stays small as the archive grows); and three indexes:
    URL and text digests to recognise the same article under another id, and input
    digests so that a re-run skips inputs it has already turned into an article.
    """

    root: Path
    state: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self._reload()

    # -- state ---------------------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self.root / STATE_DIR / STATE_FILE

    def _reload(self) -> None:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        self.state = data if isinstance(data, dict) else {}
        for key in STATE_INDEXES:
            if not isinstance(self.state.get(key), dict):
                self.state[key] = {}
        self._dirty = False

    def save(self) -> None:
        """Persist the state (atomically); a no-op when nothing changed."""
        if self._dirty:
            atomic_write(self.state_path, json.dumps(self.state, ensure_ascii=False, sort_keys=True, separators=(",", ":")), durable=True)
            self._dirty = False

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder's lock: two ingests at once wait for each other, never interleave."""
        import fcntl

        path = self.root / STATE_DIR / "lock"
        path.parent.mkdir(parents=True, exist_ok=True)
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

    # -- inputs already seen -------------------------------------------------------------
    def seen_input(self, input_key: str) -> str | None:
        """The path of the article an identical input gave last time, if its file is still there."""
        article_id = self.state["inputs"].get(input_key)
        entry = self.state["articles"].get(article_id) if article_id else None
        if entry and (self.root / entry["path"]).exists():
            return entry["path"]
        return None

    def remember_input(self, input_key: str, article_id: str) -> None:
        if self.state["inputs"].get(input_key) != article_id:
            self.state["inputs"][input_key] = article_id
            self._dirty = True

    # -- writing -------------------------------------------------------------------------
    def write(self, article: Article) -> WriteResult:
        """Write one article, keeping hand edits and recognising duplicates.

        The same text or the same URL arriving under another id stays one article.
        """
        articles = self.state["articles"]
        # Same headline and same text: the same article. A new headline over the same text
        # is a republished copy, which grouping folds under its original instead.
        text_key = short_hash(" ".join(f"{article.title}\n{article.body}".lower().split()), 16) if article.body.strip() else None
        url_key = article.url.strip() if article.url else None
        if article.id not in articles:
            for key, index in ((url_key, "urls"), (text_key, "texts")):
                other = self.state[index].get(key) if key else None
                if other and other != article.id and other in articles:
                    return WriteResult("duplicate", articles[other]["path"], duplicate_of=other)

        entry = articles.get(article.id)
        rel = entry["path"] if entry else relative_path_for(article)
        target = self._resolve(rel)
        generated = {key: value_digest(value) for key, value in article.front_matter().items()}
        final, old_text = article, None
        if target.exists():
            old_text = target.read_text(encoding="utf-8", errors="replace")
            try:
                existing = parse_article(old_text, rel)
            except ValueError:
                existing = None
            if existing is not None:
                final = merge_edits(article, existing, entry.get("fm") if entry else None, entry.get("body") if entry else None)
        text = render_markdown(final)
        status = "new" if old_text is None else "unchanged" if old_text == text else "updated"
        if status != "unchanged":
            atomic_write(target, text)
        new_entry = {"path": rel, "fm": generated, "body": body_digest(article.body)}
        if entry != new_entry:
            articles[article.id] = new_entry
            self._dirty = True
        for key, index in ((url_key, "urls"), (text_key, "texts")):
            if key and self.state[index].get(key) != article.id:
                self.state[index][key] = article.id
                self._dirty = True
        return WriteResult(status, rel)


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
    Files that are not articles (no front matter id) are skipped.
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
    return out
