"""A small, polite HTTP client for feeds and pages, on urllib3's connection pools.

urllib3 keeps one pool of connections per host, so the pages of one site share a few
kept-alive (TLS) connections instead of opening one each, and speaks to proxies. The
rest is ours, because a crawler that runs unattended needs it: a deadline on the
whole request (a server that trickles one byte a second must not hold a run for
minutes), a size cap enforced while reading and while un-gzipping, per-host limits,
retries with growing pauses, robots.txt (robots.py) and, on every hop of a redirect,
the rule that untrusted links reach only public addresses (guard.py).

Proxies come from the environment as everywhere else: ``HTTP_PROXY``, ``HTTPS_PROXY``
and ``NO_PROXY`` (either case).
"""
from __future__ import annotations

import importlib.metadata
import logging
import random
import socket
import ssl
import threading
import time
import urllib.request
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Iterable, Mapping
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from urllib3 import PoolManager, ProxyManager, Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationValueError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.response import BaseHTTPResponse
from urllib3.util import make_headers

from .errors import FetchError, RefusedAddress
from .guard import GUARDED_POOLS, check_name, origin, trusted_origins
from .robots import RobotsFile, RobotsRules
from .robots import MAX_BYTES as ROBOTS_MAX_BYTES

__all__ = ["FetchError", "HttpClient", "HttpOptions", "Response", "USER_AGENT"]

log = logging.getLogger("digest.fetch")

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
MAX_HOSTS = 200  # hosts whose connection pools are kept open at once (the least recently used close)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class HttpOptions:
    """Politeness and safety limits; the defaults suit a daily run over a few dozen feeds."""

    timeout: float = 10.0  # seconds for one whole request: connect, headers and body
    retries: int = 2  # further attempts after a connection error, 5xx, 408 or 429
    backoff: float = 1.0  # first pause between attempts, doubled each time
    max_backoff: float = 30.0  # cap on any pause, Retry-After included
    per_host: int = 2  # requests in flight to one host at once (and connections kept open to it)
    max_bytes: int = 5 * 1024 * 1024  # refuse bodies larger than this (after decompression)
    user_agent: str = USER_AGENT
    robots: bool = True  # honour robots.txt; False only for sites you run yourself


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

    def __init__(self, message: str, delay: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.delay = delay
        self.status = status


class HttpClient:
    """Thread-safe GETs with timeouts, bounded retries, a per-host limit, robots.txt and the address rule.

    ``get(url, trusted=[feed_url])``: addresses on the origins (scheme, host, port) of
    ``trusted`` may be private, normally the feed's own; every other address, on every
    redirect, must be public. Close the client (or use it in a ``with``) to close its connections.
    """

    def __init__(self, options: HttpOptions | None = None, proxies: Mapping[str, str] | None = None) -> None:
        self.options = options or HttpOptions()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self._pool_kw = {"num_pools": MAX_HOSTS, "maxsize": max(1, self.options.per_host), "block": False,
                         "retries": False, "ssl_context": ssl.create_default_context()}
        self._direct = PoolManager(**self._pool_kw)  # trusted origins: whatever their address
        self._guarded = PoolManager(**self._pool_kw)  # everything else: public addresses only
        self._guarded.pool_classes_by_scheme = GUARDED_POOLS  # type: ignore[assignment]
        self._proxies = dict(urllib.request.getproxies_environment() if proxies is None else proxies)
        self._proxy_managers: dict[str, ProxyManager] = {}
        self.robots = RobotsRules(self._load_robots) if self.options.robots else None

    def __enter__(self) -> "HttpClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for manager in (self._direct, self._guarded, *self._proxy_managers.values()):
            manager.clear()

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(max(1, self.options.per_host))
            return self._hosts[host]

    def get(self, url: str, headers: Mapping[str, str] | None = None, trusted: Iterable[str] = ()) -> Response:
        """GET url; 2xx and 304 come back, anything else raises FetchError (Refused when declined).

        Timeouts are not retried: a server that did not answer within the deadline
        rarely answers a second later, and retrying would multiply what it costs.
        """
        return self._get(url, dict(headers or {}), trusted_origins(trusted), self.options.max_bytes, robots=True)

    def _get(self, url: str, headers: dict[str, str], trusted: frozenset[str], max_bytes: int,
             robots: bool, cut: bool = False) -> Response:
        attempt = 0
        while True:
            try:
                return self._follow(url, headers, trusted, max_bytes, robots, cut)
            except _Retry as e:
                if e.delay is not None and e.delay > self.options.max_backoff:
                    # Asking again sooner than the server said would be rude, and waiting that long stalls the run.
                    raise FetchError(f"{e} (the server asks to retry after {e.delay:.0f}s)", e.status) from None
                if attempt >= self.options.retries:
                    raise FetchError(f"{e} (after {attempt + 1} attempts)", e.status) from None
                time.sleep(self._pause(attempt, e.delay))
                attempt += 1

    def _pause(self, attempt: int, server_delay: float | None) -> float:
        wait = self.options.backoff * (2**attempt) * (1 + random.random() / 4)
        if server_delay is not None:
            wait = max(wait, server_delay)
        return min(wait, self.options.max_backoff)

    def _follow(self, url: str, headers: dict[str, str], trusted: frozenset[str], max_bytes: int,
                robots: bool, cut: bool) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) address: {url[:200]}")
            if robots and self.robots is not None:
                self.robots.check(url, trusted)
            response = self._once(url, headers, trusted, max_bytes, cut)
            if response.status not in REDIRECT_STATUSES:
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status} redirect without a Location", response.status)
            url = urljoin(url, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _load_robots(self, url: str, trusted: frozenset[str]) -> RobotsFile:
        try:
            return RobotsFile.from_answer(url, self._get(url, {}, trusted, ROBOTS_MAX_BYTES, robots=False, cut=True).body)
        except RefusedAddress:
            raise
        except FetchError as e:
            return RobotsFile.from_failure(url, e)

    def _manager(self, url: str, trusted: frozenset[str]) -> PoolManager:
        """The pools a request goes through: a proxy's, the guarded ones, or (trusted origins) the direct ones."""
        parts = urlsplit(url)
        untrusted = origin(url) not in trusted
        proxy = self._proxies.get(parts.scheme)
        if proxy and not urllib.request.proxy_bypass_environment(parts.netloc, self._proxies):
            if untrusted:
                check_name(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
            return self._proxy_manager(proxy)
        return self._guarded if untrusted else self._direct

    def _proxy_manager(self, proxy: str) -> ProxyManager:
        with self._hosts_lock:
            manager = self._proxy_managers.get(proxy)
            if manager is None:
                parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
                if parts.scheme not in ("http", "https"):
                    raise FetchError(f"unsupported proxy {parts.scheme}://{parts.hostname} (only http and https proxies)")
                auth = f"{parts.username or ''}:{parts.password or ''}" if parts.username else None
                bare = urlunsplit((parts.scheme, parts.hostname + (f":{parts.port}" if parts.port else ""), "", "", ""))
                manager = self._proxy_managers[proxy] = ProxyManager(
                    bare, proxy_headers=make_headers(proxy_basic_auth=auth) if auth else None, **self._pool_kw)
            return manager

    def _once(self, url: str, headers: dict[str, str], trusted: frozenset[str], max_bytes: int, cut: bool) -> Response:
        """One request; the timeout runs from when the host's slot is free, not while queued for it."""
        parts = urlsplit(url)
        path = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_PATH_SAFE)
        target = f"{parts.scheme}://{parts.netloc}{path}"
        send = {"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip", **headers}
        manager = self._manager(url, trusted)
        with self._slot(parts.netloc.lower()):
            timeout = self.options.timeout
            deadline = time.monotonic() + timeout
            resp: BaseHTTPResponse | None = None
            done = False
            try:
                resp = manager.urlopen("GET", target, headers=send, redirect=False, retries=False,
                                       timeout=Timeout(connect=timeout, read=timeout),
                                       preload_content=False, decode_content=False)
                status = resp.status
                got = {k.lower(): v for k, v in resp.headers.items()}
                log.debug("GET %s: %s", url, status)
                if not 200 <= status < 300:
                    done = _drain(resp)  # a small body read away keeps the connection for the next request
                if status in RETRY_STATUSES:
                    raise _Retry(f"HTTP {status} {resp.reason or ''}".strip(), _retry_after(got.get("retry-after")), status)
                if status in REDIRECT_STATUSES or status == 304:
                    return Response(url, status, got)
                if not 200 <= status < 300:
                    raise FetchError(f"HTTP {status} {resp.reason or ''}".strip(), status)
                body = _read_body(resp, got, max_bytes, deadline, cut)
                done = True
                return Response(url, status, got, body)
            except (FetchError, _Retry):
                raise
            except (socket.timeout, TimeoutError, ReadTimeoutError):
                raise FetchError(f"timed out after {timeout:g}s") from None
            except NameResolutionError as e:
                raise FetchError(f"cannot resolve {parts.hostname}: {_describe(e.__cause__ or e)}") from None
            except NewConnectionError as e:
                raise _Retry(_describe(e.__cause__ or e)) from None
            except ConnectTimeoutError:
                raise FetchError(f"timed out after {timeout:g}s") from None
            except SSLError as e:
                cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
                if isinstance(cause, ssl.SSLCertVerificationError):
                    raise FetchError(_describe(cause)) from None  # a bad certificate does not mend in a second
                raise _Retry(_describe(cause)) from None
            except (ProtocolError, ProxyError, ConnectionError) as e:
                raise _Retry(_describe(e)) from None
            except (LocationValueError, UnicodeError) as e:
                raise FetchError(_describe(e)) from None
            except (HTTPError, OSError) as e:  # unreachable network and the like: a retry rarely helps
                raise FetchError(_describe(e)) from None
            finally:
                if resp is not None:
                    if not done:
                        resp.close()  # a half-read connection is not reused
                    resp.release_conn()


def _drain(resp: BaseHTTPResponse, limit: int = 64 * 1024) -> bool:
    """Read away a small declared body (a redirect's, an error page) so the connection can be reused.

    False when the body is not declared small: then the connection is closed instead.
    """
    declared = resp.headers.get("content-length", "")
    if resp.status == 304 or (declared.isdigit() and int(declared) <= limit):
        resp.read(decode_content=False)
        return True
    return False


def _read_body(resp: BaseHTTPResponse, headers: dict[str, str], max_bytes: int, deadline: float, cut: bool) -> bytes:
    """Read the body within the deadline and the size cap, un-gzipping as it comes.

    ``cut``: a body over the cap is cut there instead of refused (robots.txt).
    """
    gzipped = "gzip" in headers.get("content-encoding", "").lower()
    declared = headers.get("content-length", "")
    if not cut and declared.isdigit() and int(declared) > max_bytes and not gzipped:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    connection = resp.connection  # type: ignore[attr-defined]
    sock = getattr(connection, "sock", None)
    out = bytearray()
    raw_read = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout()
        if sock is not None:
            sock.settimeout(remaining)
        chunk = resp.read1(CHUNK, decode_content=False)
        if not chunk:
            break
        raw_read += len(chunk)
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error as e:
                raise FetchError(f"bad gzip body: {e}") from None
        out += chunk
        if len(out) > max_bytes or raw_read > max_bytes:
            if cut:
                resp.close()  # the rest is never read: this connection is not reused
                return bytes(out[:max_bytes])
            raise FetchError(f"too large: over {max_bytes:,} bytes")
    if inflate is not None:
        out += inflate.flush()
        if len(out) > max_bytes:
            if cut:
                return bytes(out[:max_bytes])
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
