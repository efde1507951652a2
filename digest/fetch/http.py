"""A small, polite HTTP client for feeds and pages.

Why not urllib's opener: we need a deadline on the whole request (a server that
trickles one byte a second must not hold a run for minutes), a size cap enforced
while reading (and while un-gzipping), conditional requests, per-host limits and
http(s)-only redirects. ``http.client`` gives that control in a few lines.
"""
from __future__ import annotations

import http.client
import importlib.metadata
import random
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Mapping
from urllib.parse import quote, urljoin, urlsplit

# Characters left as they are when a path is quoted: the reserved ones and '%' (already quoted).
_PATH_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _version() -> str:
    try:
        return importlib.metadata.version("news-digest")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = f"news-digest/{_version()} (daily news briefing; feed reader)"
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that gave no usable answer; the message is one line for the user."""


@dataclass(frozen=True)
class HttpOptions:
    """Politeness and safety limits; the defaults suit a daily run over a few dozen feeds."""

    timeout: float = 10.0  # seconds for one whole request: connect, headers and body
    retries: int = 2  # further attempts after a connection error, 5xx, 408 or 429
    backoff: float = 1.0  # first pause between attempts, doubled each time
    max_backoff: float = 30.0  # cap on any pause, Retry-After included
    per_host: int = 2  # requests in flight to one host at once
    max_bytes: int = 5 * 1024 * 1024  # refuse bodies larger than this (after decompression)
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # the final address, after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class _Retry(Exception):
    """An answer worth asking again for, after ``delay`` seconds when the server said so."""

    def __init__(self, message: str, delay: float | None = None) -> None:
        super().__init__(message)
        self.delay = delay


class HttpClient:
    """Thread-safe GETs with timeouts, bounded retries and a per-host concurrency limit."""

    def __init__(self, options: HttpOptions | None = None) -> None:
        self.options = options or HttpOptions()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self._ssl = ssl.create_default_context()

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(max(1, self.options.per_host))
            return self._hosts[host]

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET url; 2xx and 304 come back, anything else raises FetchError.

        Timeouts are not retried: a server that did not answer within the deadline
        rarely answers a second later, and retrying would multiply what it costs.
        """
        attempt = 0
        while True:
            try:
                return self._follow(url, dict(headers or {}))
            except _Retry as e:
                if e.delay is not None and e.delay > self.options.max_backoff:
                    # Asking again sooner than the server said would be rude, and waiting that long stalls the run.
                    raise FetchError(f"{e} (the server asks to retry after {e.delay:.0f}s)") from None
                if attempt >= self.options.retries:
                    raise FetchError(f"{e} (after {attempt + 1} attempts)") from None
                time.sleep(self._pause(attempt, e.delay))
                attempt += 1

    def _pause(self, attempt: int, server_delay: float | None) -> float:
        wait = self.options.backoff * (2**attempt) * (1 + random.random() / 4)
        if server_delay is not None:
            wait = max(wait, server_delay)
        return min(wait, self.options.max_backoff)

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self._once(url, headers)
            if response.status not in REDIRECT_STATUSES:
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status} redirect without a Location")
            url = urljoin(url, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        """One request; the timeout runs from when the host's slot is free, not while queued for it."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) address: {url[:200]}")
        path = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_PATH_SAFE)
        send = {"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip", **headers}
        with self._slot(parts.netloc.lower()):
            timeout = self.options.timeout
            deadline = time.monotonic() + timeout
            if parts.scheme == "https":
                conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                    parts.hostname, parts.port, timeout=timeout, context=self._ssl
                )
            else:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
            try:
                conn.request("GET", path, headers=send)
                resp = conn.getresponse()
                status = resp.status
                got = {k.lower(): v for k, v in resp.getheaders()}
                if status in RETRY_STATUSES:
                    raise _Retry(f"HTTP {status} {resp.reason}".strip(), _retry_after(got.get("retry-after")))
                if status in REDIRECT_STATUSES or status == 304:
                    return Response(url, status, got)
                if not 200 <= status < 300:
                    raise FetchError(f"HTTP {status} {resp.reason}".strip())
                body = _read_body(conn, resp, got, self.options.max_bytes, deadline)
                return Response(url, status, got, body)
            except (socket.timeout, TimeoutError):
                raise FetchError(f"timed out after {self.options.timeout:g}s") from None
            except (ssl.SSLCertVerificationError, http.client.InvalidURL, UnicodeError) as e:
                raise FetchError(_describe(e)) from None  # a bad certificate or address does not mend in a second
            except (ConnectionError, http.client.HTTPException, ssl.SSLError) as e:
                raise _Retry(_describe(e)) from None
            except OSError as e:  # DNS failure, unreachable network: a retry rarely helps
                raise FetchError(_describe(e)) from None
            finally:
                conn.close()


def _read_body(conn: http.client.HTTPConnection, resp: http.client.HTTPResponse, headers: dict[str, str],
               max_bytes: int, deadline: float) -> bytes:
    """Read the body within the deadline and the size cap, un-gzipping as it comes."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes and "gzip" not in headers.get("content-encoding", ""):
        raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    gzipped = "gzip" in headers.get("content-encoding", "").lower()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    out = bytearray()
    raw_read = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout()
        if conn.sock is not None:
            conn.sock.settimeout(remaining)
        chunk = resp.read(CHUNK)
        if not chunk:
            break
        raw_read += len(chunk)
        if inflate is not None:
            chunk = inflate.decompress(chunk, max_bytes + 1 - len(out))
        out += chunk
        if len(out) > max_bytes or raw_read > max_bytes:
            raise FetchError(f"too large: over {max_bytes:,} bytes")
    if inflate is not None:
        out += inflate.flush()
        if len(out) > max_bytes:
            raise FetchError(f"too large: over {max_bytes:,} bytes")
    return bytes(out)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _describe(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
