"""A real HTTP server on 127.0.0.1 for the fetch tests, with a route table per test.

Routes are set by the test: a fixed answer (status, headers, body), an answer that
honours ETag / Last-Modified, or one that never comes. The server speaks HTTP/1.1 with
keep-alive, like real servers, and logs every request (path and headers), the most
requests it ever had in flight at once, and how many connections were opened to it.
"""
from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxy_from_the_environment(monkeypatch):
    """Tests talk to 127.0.0.1 directly unless they set a proxy themselves."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # when set, If-None-Match with this value gets 304
    last_modified: str | None = None  # when set, If-Modified-Since with this value gets 304
    hang: bool = False  # accept the request and never answer
    delay: float = 0.0  # seconds to hold the request before answering


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self.release = threading.Event()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, **kwargs) -> str:
        self.routes[path] = Route(**kwargs)
        return self.url(path)

    def requests_to(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.log if p == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: a client may send many requests on one connection
            timeout = 5  # an idle kept-alive connection is closed after this long

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def setup(self) -> None:  # one handler per connection
                super().setup()
                # Headers and body are two writes: without this, Nagle's algorithm holds the body back
                # until the client's delayed ACK (40 ms) on every kept-alive response.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with server._lock:
                    server.connections += 1

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.log.append((self.path, headers))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer(server.routes.get(self.path), headers)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, route: Route | None, headers: dict[str, str]) -> None:
                if route is None:
                    route = Route(404, b"not found", {"Content-Type": "text/plain"})
                if route.hang:
                    server.release.wait(30)
                    return
                if route.delay:
                    server.release.wait(route.delay)
                not_modified = (route.etag and headers.get("if-none-match") == route.etag) or (
                    route.last_modified and headers.get("if-modified-since") == route.last_modified
                )
                self.send_response(304 if not_modified else route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                body = b"" if not_modified else route.body
                if not not_modified:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def start(self) -> "FeedServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer().start()
    try:
        yield srv
    finally:
        srv.stop()
