"""A counter line on a terminal while fetch works: feeds read, pages downloaded.

Only on a terminal (or when asked): a log or a CI transcript gets the summary line
and the failures, not a hundred carriage returns. Futures report themselves done, so
the counts move while the main thread waits.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from typing import TextIO, TypeVar

T = TypeVar("T")


class Progress:
    """``track(future, "pages")`` counts a download; ``clear()`` before printing anything else."""

    def __init__(self, err: TextIO, enabled: bool | None = None, every: float = 0.1) -> None:
        self.err = err
        self.enabled = enabled if enabled is not None else bool(getattr(err, "isatty", lambda: False)())
        self.every = every
        self.total: dict[str, int] = {}
        self.done: dict[str, int] = {}
        self._lock = threading.Lock()
        self._last = 0.0
        self._drawn = False

    def track(self, future: "Future[T]", what: str) -> "Future[T]":
        if self.enabled:
            with self._lock:
                self.total[what] = self.total.get(what, 0) + 1
            future.add_done_callback(lambda _: self._step(what))
        return future

    def _step(self, what: str) -> None:
        with self._lock:
            self.done[what] = self.done.get(what, 0) + 1
            now = time.monotonic()
            if now - self._last < self.every and self.done[what] < self.total[what]:
                return
            self._last = now
            line = ", ".join(f"{self.done.get(w, 0)}/{n} {w}" for w, n in self.total.items())
            self.err.write(f"\r\033[Kfetching: {line}")
            self.err.flush()
            self._drawn = True

    def clear(self) -> None:
        with self._lock:
            if self._drawn:
                self.err.write("\r\033[K")
                self.err.flush()
                self._drawn = False
