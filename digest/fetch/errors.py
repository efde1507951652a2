"""Why a request gave nothing usable: each message is one line for the user."""
from __future__ import annotations


class FetchError(Exception):
    """A request that gave no usable answer; ``status`` is the HTTP status when the server gave one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Refused(FetchError):
    """A request fetch declines to make: asking again tomorrow gives the same answer."""


class RefusedAddress(Refused):
    """The address is not a public one (loopback, private, link-local, ...) nor the feed's own origin."""


class Disallowed(Refused):
    """The site's robots.txt asks us not to fetch the address."""
