"""One status line for long commands, shown on a terminal only (never in logs or pipes)."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A line redrawn in place at most ten times a second; ``clear`` removes it.

    Off unless ``err`` is a terminal (or ``enabled`` says otherwise), so CI logs and
    redirected output get only the real messages.
    """

    def __init__(self, err: TextIO | None = None, enabled: bool | None = None) -> None:
        self.err = err or sys.stderr
        self.enabled = self.err.isatty() if enabled is None else enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.done, self.total = 0, None

    def counting(self, total: int | None = None) -> None:
        """Start a new count (of ``total`` things, when known) for ``advance``."""
        self.start, self.done, self.total = time.monotonic(), 0, total

    def advance(self, what: str, unit: str = "") -> None:
        """One more done."""
        self.done += 1
        self.count(what, self.done, self.total, unit)

    def show(self, text: str, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        self.err.write(f"\r\033[K{text}")
        self.err.flush()
        self.shown = True

    def count(self, what: str, n: int, total: int | None = None, unit: str = "") -> None:
        """``what: n of total unit, rate/s``."""
        rate = n / max(time.monotonic() - self.start, 1e-6)
        of = f" of {total:,}" if total is not None else ""
        self.show(f"{what}: {n:,}{of}{' ' * bool(unit)}{unit}, {rate:,.0f}/s", force=n == total)

    def clear(self) -> None:
        """Remove the line (before an error line is printed, and at the end)."""
        if self.shown:
            self.err.write("\r\033[K")
            self.err.flush()
            self.shown = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.clear()
