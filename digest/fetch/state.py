"""What fetch remembers between runs: validators for conditional requests, items seen.

The file sits beside the store's state (``<out>/.digest/fetch.json``), so CI commits
it with the articles and tomorrow's run asks only for what changed. Seen items are
kept while the feed still lists them, and for ``KEEP_DAYS`` after, so the file
does not grow for ever and an item that reappears days later is still not new.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..store import STATE_DIR, atomic_write

FETCH_STATE_FILE = "fetch.json"
KEEP_DAYS = 90


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, str] = field(default_factory=dict)  # item key -> day it was last listed

    def request_headers(self) -> dict[str, str]:
        """Conditional request headers: the server may answer 304 Not Modified."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def prune(self, listed: Iterable[str], today: dt.date) -> None:
        """Refresh the day of every item still listed; forget the ones gone for KEEP_DAYS."""
        stamp = today.isoformat()
        for key in listed:
            if key in self.seen:
                self.seen[key] = stamp
        cutoff = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        self.seen = {k: d for k, d in self.seen.items() if d >= cutoff}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seen": dict(sorted(self.seen.items()))}
        if self.etag:
            out["etag"] = self.etag
        if self.last_modified:
            out["last_modified"] = self.last_modified
        return out

    @classmethod
    def from_json(cls, data: Any) -> "FeedState":
        if not isinstance(data, dict):
            return cls()
        seen = data.get("seen")
        return cls(
            etag=data.get("etag") if isinstance(data.get("etag"), str) else None,
            last_modified=data.get("last_modified") if isinstance(data.get("last_modified"), str) else None,
            seen={str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {},
        )


@dataclass
class FetchState:
    path: Path
    feeds: dict[str, FeedState] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> "FetchState":
        """Read the state of out_dir; a missing or unreadable file starts afresh."""
        path = Path(out_dir) / STATE_DIR / FETCH_STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        feeds = data.get("feeds") if isinstance(data, dict) else None
        if not isinstance(feeds, dict):
            feeds = {}
        return cls(path, {str(url): FeedState.from_json(v) for url, v in feeds.items()})

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        data = {"feeds": {url: s.to_json() for url, s in sorted(self.feeds.items())}}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        try:
            if self.path.read_text(encoding="utf-8") == text:
                return
        except FileNotFoundError:
            pass
        atomic_write(self.path, text)
