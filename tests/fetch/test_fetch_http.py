"""The HTTP client against a real server on 127.0.0.1: politeness, limits, failures."""
from __future__ import annotations

import gzip
import socket
import threading

import pytest

from digest.fetch.http import USER_AGENT, FetchError, HttpOptions
from digest.fetch.http import HttpClient as _HttpClient

FAST = HttpOptions(timeout=1.0, retries=2, backoff=0.01, max_backoff=0.05)


class HttpClient(_HttpClient):
    """The client as fetch uses it for a feed: the address asked for is trusted, as a feed's own origin is."""

    def get(self, url, headers=None, trusted=()):
        return super().get(url, headers, trusted or [url])


def test_sends_a_user_agent_naming_the_project(server):
    url = server.route("/feed", body=b"<rss/>")
    HttpClient(FAST).get(url)
    assert server.requests_to("/feed")[0]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("news-digest/")


def test_conditional_request_gets_304(server):
    url = server.route("/feed", body=b"<rss/>", etag='"v1"', last_modified="Sat, 12 Apr 2031 08:00:00 GMT")
    client = HttpClient(FAST)
    first = client.get(url)
    assert first.status == 200 and first.body == b"<rss/>"
    again = client.get(url, {"If-None-Match": first.headers["etag"]})
    assert again.status == 304 and again.body == b""
    by_date = client.get(url, {"If-Modified-Since": first.headers["last-modified"]})
    assert by_date.status == 304


def test_server_error_is_retried_a_bounded_number_of_times(server):
    url = server.route("/broken", status=500, body=b"oops")
    with pytest.raises(FetchError, match=r"HTTP 500.*3 attempts"):
        HttpClient(FAST).get(url)
    assert len(server.requests_to("/broken")) == 3


def test_a_long_retry_after_is_respected_by_not_retrying(server):
    url = server.route("/busy", status=503, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="retry after 3600s"):
        HttpClient(FAST).get(url)
    assert len(server.requests_to("/busy")) == 1


def test_addresses_with_spaces_and_accents_are_quoted(server):
    server.route("/news/caf%C3%A9%20story", body=b"ok")
    assert HttpClient(FAST).get(server.url("/news/café story")).body == b"ok"


def test_client_error_is_not_retried(server):
    url = server.route("/gone", status=404, body=b"no")
    with pytest.raises(FetchError, match="HTTP 404"):
        HttpClient(FAST).get(url)
    assert len(server.requests_to("/gone")) == 1


def test_a_server_that_never_answers_times_out_without_retries(server):
    url = server.route("/silent", hang=True)
    with pytest.raises(FetchError, match="timed out after 0.3s"):
        HttpClient(HttpOptions(timeout=0.3, retries=3, backoff=0.01)).get(url)
    assert len(server.requests_to("/silent")) == 1


def test_a_listener_that_never_accepts_times_out():
    """The TCP handshake completes (the kernel's backlog) but no HTTP answer ever comes."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        url = "http://127.0.0.1:%d/feed" % sock.getsockname()[1]
        with pytest.raises(FetchError, match="timed out"):
            HttpClient(HttpOptions(timeout=0.3, retries=0)).get(url)


def test_refused_connection_is_an_error_not_a_crash():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="ConnectionRefused"):
        HttpClient(FAST).get(f"http://127.0.0.1:{port}/feed")


def test_oversized_body_is_refused(server):
    url = server.route("/huge", body=b"x" * 5000)
    with pytest.raises(FetchError, match="too large"):
        HttpClient(HttpOptions(max_bytes=1000, retries=0)).get(url)


def test_gzip_is_decoded_and_a_gzip_bomb_refused(server):
    small = server.route("/small", body=gzip.compress(b"<rss>hello</rss>"), headers={"Content-Encoding": "gzip"})
    assert HttpClient(FAST).get(small).body == b"<rss>hello</rss>"
    bomb = gzip.compress(b"\0" * 2_000_000)
    assert len(bomb) < 10_000
    url = server.route("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="too large"):
        HttpClient(HttpOptions(max_bytes=100_000, retries=0)).get(url)


def test_redirects_are_followed_but_only_to_http(server):
    target = server.route("/new", body=b"moved here")
    server.route("/old", status=301, headers={"Location": "/new"})
    response = HttpClient(FAST).get(server.url("/old"))
    assert response.body == b"moved here" and response.url == target
    server.route("/sneaky", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http"):
        HttpClient(FAST).get(server.url("/sneaky"))


def test_requests_to_one_host_are_limited(server):
    for n in range(6):
        server.route(f"/page{n}", body=b"ok", delay=0.05)
    client = HttpClient(HttpOptions(per_host=2))
    threads = [threading.Thread(target=client.get, args=(server.url(f"/page{n}"),)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(server.log) == 7 and len(server.requests_to("/robots.txt")) == 1  # asked once, before the first page
    assert server.max_in_flight <= 2


def test_waiting_for_a_host_slot_does_not_count_against_the_timeout(server):
    """Twelve 0.1 s answers one at a time take longer than the 1 s timeout; none may time out."""
    for n in range(12):
        server.route(f"/slow{n}", body=b"ok", delay=0.1)
    client = HttpClient(HttpOptions(per_host=1, timeout=1.0, retries=0))
    errors: list[Exception] = []

    def get(n: int) -> None:
        try:
            client.get(server.url(f"/slow{n}"))
        except Exception as e:  # collected: an exception in a thread would be lost
            errors.append(e)

    threads = [threading.Thread(target=get, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(server.log) == 13
