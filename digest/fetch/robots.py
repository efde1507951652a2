"""robots.txt, as RFC 9309 asks of an automatic client, parsed by protego.

One robots.txt per origin (scheme, host, port) and run, fetched before the first
request to that origin and kept for the rest of the run (a daily run is far shorter
than the day RFC 9309 lets a copy be cached). When robots.txt cannot be read:

- 4xx ("unavailable"): there are no rules, everything may be fetched;
- 5xx, 429, a timeout or no connection ("unreachable"): nothing may be fetched from
  the origin in this run.

Of a robots.txt that answers, the first 500 KiB are read (the least the RFC asks a
parser to read). Redirects are followed by the client (up to five); the rules found
apply to the origin asked for. Every request fetch makes is checked, feeds included:
the daily run is unattended, which is what robots.txt is for.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from protego import Protego

from .errors import Disallowed, FetchError
from .guard import origin

log = logging.getLogger("digest.fetch")

MAX_BYTES = 500 * 1024
PRODUCT_TOKEN = "news-digest"  # the name robots.txt addresses us by: "User-agent: news-digest"


@dataclass(frozen=True)
class RobotsFile:
    """What one origin's robots.txt says."""

    url: str
    parser: Protego | None = None  # None: no rules, everything may be fetched
    unreachable: str | None = None  # why it could not be read: then nothing may be fetched

    @classmethod
    def from_answer(cls, url: str, body: bytes) -> "RobotsFile":
        return cls(url, Protego.parse(body[:MAX_BYTES].decode("utf-8", errors="replace")))

    @classmethod
    def from_failure(cls, url: str, error: FetchError) -> "RobotsFile":
        if error.status is not None and 400 <= error.status < 500 and error.status != 429:
            return cls(url)
        return cls(url, unreachable=str(error))

    def check(self, url: str) -> None:
        """Raise Disallowed unless url may be fetched."""
        if self.unreachable is not None:
            raise Disallowed(f"not fetched: {self.url} could not be read ({self.unreachable}); "
                             "RFC 9309 then asks a crawler to fetch nothing from the site")
        if self.parser is not None and not self.parser.can_fetch(url, PRODUCT_TOKEN):
            raise Disallowed(f"disallowed by {self.url}")


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


class RobotsRules:
    """The robots.txt of every origin a run touches: thread-safe, each read once.

    ``load(robots_url, trusted)`` downloads one robots.txt and returns its RobotsFile;
    it may raise RefusedAddress, which reaches the caller of ``check`` unchanged.
    """

    def __init__(self, load: Callable[[str, frozenset[str]], RobotsFile]) -> None:
        self._load = load
        self._files: dict[str, RobotsFile] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str, trusted: frozenset[str] = frozenset()) -> None:
        """Raise Disallowed when robots.txt keeps us from url."""
        if urlsplit(url).path == "/robots.txt":
            return
        key = origin(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one download per origin: the other threads for it wait for its answer
            robots = self._files.get(key)
            if robots is None:
                robots = self._files[key] = self._load(robots_url(url), trusted)
                log.debug("%s: %s", robots.url, "unreachable" if robots.unreachable else "rules" if robots.parser else "no rules")
        robots.check(url)
