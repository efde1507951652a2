"""Untrusted links stay outside: only public addresses, or the feed's own origin.

Against real servers on 127.0.0.1 (the feed's, and a second one on another port playing
an internal service), with every spelling of a private address we know of.
"""
from __future__ import annotations

import io
import ipaddress
import re
import socket

import pytest

from digest.fetch import FetchOptions, HttpOptions, run_fetch
from digest.fetch import guard
from digest.fetch.errors import FetchError, RefusedAddress
from digest.fetch.http import HttpClient
from digest.store import load_articles

from .conftest import FeedServer

OPTIONS = FetchOptions(http=HttpOptions(timeout=1.0, retries=1, backoff=0.01, max_backoff=0.02), workers=4)
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
PAGE = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
        "<h1>{title}</h1><p>Workers at the fictional Ostrava Valley dairy began a strike on Monday over a pay offer that "
        "the union called an insult, halting deliveries to shops across the region.</p><p>The company said it would "
        "return to talks on Wednesday and that stocks would last until the weekend.</p></article></body></html>")


@pytest.fixture
def internal():
    """Another service on this machine, on another port: nothing may reach it from a feed's links."""
    srv = FeedServer().start()
    srv.route("/secret", body=b"<html><body><article><p>internal only: the staff payroll</p></article></body></html>", headers=HTML)
    try:
        yield srv
    finally:
        srv.stop()


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("100.64.0.1", "reserved"), ("192.0.2.10", "private"), ("240.0.0.1", "private"),
    ("::ffff:127.0.0.1", "loopback, inside an IPv6 address"), ("::ffff:169.254.169.254", "link-local, inside an IPv6 address"),
    ("64:ff9b::a9fe:a9fe", "link-local, inside an IPv6 address"), ("2002:7f00:1::", "loopback, inside an IPv6 address"),
])
def test_non_public_addresses_are_named(address, reason):
    assert guard.why_not_public(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"])
def test_public_addresses_pass(address):
    assert guard.why_not_public(ipaddress.ip_address(address)) is None


def test_origin_is_scheme_host_and_port():
    assert guard.origin("http://127.0.0.1:8080/feed.rss") == "http://127.0.0.1:8080"
    assert guard.origin("HTTPS://News.Example.org/a") == "https://news.example.org:443"
    assert guard.origin("http://[::1]/x") == "http://[::1]:80"
    assert guard.origin("http://127.0.0.1:8080/feed") != guard.origin("http://127.0.0.1:8081/feed")


@pytest.mark.parametrize("host", [
    "127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]",
])
def test_every_spelling_of_loopback_is_refused_before_connecting(internal, host):
    """The internal server would answer if anything reached it; nothing does."""
    url = f"http://{host}:{internal.port}/secret"
    with pytest.raises(RefusedAddress, match="loopback"):
        HttpClient(OPTIONS.http).get(url, trusted=["http://127.0.0.1:1/feed.rss"])
    assert internal.log == [] and internal.connections == 0


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/", "http://0xa9fea9fe/latest/meta-data/", "http://0251.0376.0251.0376/",
    "http://[::ffff:a9fe:a9fe]/", "http://10.0.0.1/", "http://[fd00::1]/", "http://0.0.0.0/",
])
def test_metadata_and_private_addresses_are_refused(url):
    with pytest.raises(RefusedAddress, match="refused: .* address, not a public one"):
        HttpClient(OPTIONS.http).get(url)


def test_a_feed_links_to_its_own_origin_only(server, internal, tmp_path):
    """One feed on 127.0.0.1:PORT: its own pages are fetched; another port, a redirect to it,
    cloud metadata and a private address are refused, one line each, and the batch goes on."""
    server.route("/news/strike", body=PAGE.format(title="Ostrava Valley dairy workers strike").encode(), headers=HTML)
    server.route("/news/moved", status=302, headers={"Location": internal.url("/secret"), "Content-Length": "0"})
    server.route("/news/meta", status=301, headers={"Location": "http://169.254.169.254/latest/meta-data/", "Content-Length": "0"})
    links = {
        "Ostrava Valley dairy workers strike": server.url("/news/strike"),
        "Payroll for all staff": internal.url("/secret"),
        "Dairy moves its offices": server.url("/news/moved"),
        "Dairy metadata": server.url("/news/meta"),
        "Router admin page": "http://192.168.0.1/admin",
        "Same server by another name": f"http://localhost:{server.port}/news/strike",
    }
    items = "".join(f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>g{n}</guid></item>"
                    for n, (title, link) in enumerate(links.items()))
    feed = server.route("/feed.rss", headers=RSS, body=(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Ostrava Courier</title>{items}</channel></rss>").encode())
    err = io.StringIO()

    report = run_fetch([feed], tmp_path, OPTIONS, err=err)

    assert internal.log == [] and internal.connections == 0
    assert [a.title for a in load_articles(tmp_path)] == ["Ostrava Valley dairy workers strike"]
    lines = err.getvalue().splitlines()
    assert len(lines) == 5 and all(line.startswith("digest: fetch ") and "refused: " in line for line in lines)
    by_link = {link: [line for line in lines if line.startswith(f"digest: fetch {link}:")] for link in links.values()}
    assert "127.0.0.1 is a loopback address" in by_link[internal.url("/secret")][0]
    assert "127.0.0.1 is a loopback address" in by_link[server.url("/news/moved")][0]  # refused on the redirect
    assert "169.254.169.254 is a link-local address" in by_link[server.url("/news/meta")][0]
    assert "192.168.0.1 is a private address" in by_link["http://192.168.0.1/admin"][0]
    assert re.search(r"localhost \((127.0.0.1|::1)\) is a loopback address", by_link[f"http://localhost:{server.port}/news/strike"][0])
    assert (report.items_new, report.items_refused, report.items_failed) == (1, 5, 0) and not report.ok

    # Refused for good: the next run neither asks again nor repeats the lines.
    err = io.StringIO()
    again = run_fetch([feed], tmp_path, OPTIONS, err=err)
    assert again.ok and err.getvalue() == "" and internal.log == []


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: a name that answers a public address, then a private one. The check and
    the connection use one answer: the socket is opened to the very address that was checked,
    and a new connection asks again (and is refused once the answer is private)."""
    answers = iter(["93.184.216.34", "127.0.0.1"])
    lookups: list[str] = []
    connects: list[tuple] = []

    def getaddrinfo(host, port, family=0, type=0, *args):
        lookups.append(host)
        if host != "news.rebind.test":
            return socket_getaddrinfo(host, port, family, type, *args)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def create_connection(address, *args, **kwargs):
        connects.append(address)
        raise ConnectionRefusedError(111, "Connection refused")

    socket_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(guard.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(guard.u3connection, "create_connection", create_connection)
    client = HttpClient(HttpOptions(timeout=1.0, retries=1, backoff=0.01, robots=False))
    with pytest.raises(RefusedAddress, match=r"news.rebind.test \(127.0.0.1\) is a loopback address"):
        client.get("http://news.rebind.test/story")
    assert connects == [("93.184.216.34", 80)]  # the first attempt, to the checked address; never to 127.0.0.1
    assert lookups.count("news.rebind.test") == 2


def test_a_name_with_one_private_answer_among_public_ones_is_refused(monkeypatch):
    def getaddrinfo(host, port, *args):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("93.184.216.34", "10.0.0.7")]

    monkeypatch.setattr(guard.socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(RefusedAddress, match=r"mixed.test \(10.0.0.7\) is a private address"):
        guard.public_addresses("mixed.test", 80)


def test_a_proxy_does_not_carry_links_to_private_addresses(server, monkeypatch):
    """Through a proxy the check is made on what this machine can tell: an address literal, a name it resolves."""
    monkeypatch.setenv("HTTP_PROXY", server.base)
    for url in ("http://10.0.0.1/", f"http://127.0.0.1:{server.port + 1}/", "http://localhost/"):
        with pytest.raises(RefusedAddress):
            HttpClient(OPTIONS.http).get(url, trusted=["http://news.example.test/feed.rss"])
    assert server.log == []


@pytest.fixture
def tls_server(tmp_path):
    """A FeedServer behind TLS with a certificate for the name 'localhost' only (no IP address in it)."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    srv = FeedServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.httpd.socket = context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.start()
    try:
        yield srv, cert
    finally:
        srv.stop()


def test_tls_is_verified_against_the_name_while_connecting_to_the_checked_address(tls_server, monkeypatch):
    """The guarded connection opens its socket to the address it checked, and TLS still checks
    the certificate against the host name (a certificate for 'localhost' only, no IP in it)."""
    import ssl

    srv, cert = tls_server
    url = srv.route("/story", body=b"over tls").replace("http://127.0.0.1", "https://localhost")
    make_context = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda *a, **kw: make_context(cafile=str(cert)))
    monkeypatch.setattr(guard, "why_not_public", lambda ip: None)  # let this one loopback address count as public
    connects: list[tuple] = []
    connect = guard.u3connection.create_connection
    monkeypatch.setattr(guard.u3connection, "create_connection", lambda address, *a, **kw: connects.append(address) or connect(address, *a, **kw))

    client = HttpClient(HttpOptions(timeout=2.0, retries=0, robots=False))
    assert client.get(url).body == b"over tls"  # not trusted: through the guarded pool
    assert connects and all(host in ("127.0.0.1", "::1") for host, *_ in connects)
    with pytest.raises(FetchError, match="SSLCertVerificationError: .*IP address mismatch"):
        HttpClient(HttpOptions(timeout=2.0, retries=0, robots=False)).get(url.replace("localhost", "127.0.0.1"))
