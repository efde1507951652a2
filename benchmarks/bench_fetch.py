"""Fetch speed: items per second from a local server, the cost of a re-run, of a silent feed.

    .venv/bin/python benchmarks/bench_fetch.py [FEEDS] [ITEMS] [--latency SECONDS]

Serves FEEDS RSS feeds of ITEMS items each (fictional pages with chrome) from a server on
127.0.0.1 that waits --latency before every answer (a stand-in for a real network), then
runs `run_fetch` three times: the first run (every page downloaded and ingested), a re-run
(conditional requests: every feed answers 304), and a run with one more feed that never
answers (its cost is the request timeout, not minutes). The server speaks HTTP/1.1 with
keep-alive and counts the connections each run opens (pages of one host share them).
Prints one line per measurement and a JSON line.
"""
from __future__ import annotations

import argparse
import io
import json
import socket
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.fetch import FetchOptions, HttpOptions, run_fetch

PLACES = [("OSLO", "Norway"), ("LIMA", "Peru"), ("NAIROBI", "Kenya"), ("HANOI", "Vietnam"), ("CAIRO", "Egypt")]
SUBJECTS = ["port workers", "teachers", "rail operators", "nurses", "farmers"]


def page(n: int) -> bytes:
    city, country = PLACES[n % len(PLACES)]
    who = SUBJECTS[n % len(SUBJECTS)]
    paras = "".join(
        f"<p>{city} — Fictional {who} in {country} held meeting number {n}.{k} on Tuesday to discuss rosters, "
        f"pay and the new timetable, the invented union for this benchmark said in a statement.</p>"
        for k in range(6)
    )
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{who.title()} meet in {city.title()} "
            f"({n}) | Benchmark Gazette</title></head><body><nav>Home World Sport Subscribe Sign in</nav>"
            f"<div>We use cookies. Accept all</div><article><h1>{who.title()} meet in {city.title()} ({n})</h1>{paras}"
            f"</article><aside>Most read · Related stories</aside><footer>© 2031 Benchmark Gazette</footer></body></html>").encode()


def feed(base: str, f: int, items: int) -> bytes:
    start = datetime(2031, 4, 12, tzinfo=timezone.utc)
    entries = "".join(
        f"<item><title>Item {f}-{i}</title><link>{base}/p/{f}/{i}</link><guid isPermaLink='false'>b-{f}-{i}</guid>"
        f"<pubDate>{format_datetime(start - timedelta(minutes=f * items + i))}</pubDate></item>"
        for i in range(items)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {f}</title>{entries}</channel></rss>".encode()


def serve(feeds: int, items: int, latency: float) -> tuple[ThreadingHTTPServer, threading.Event, list[int]]:
    release = threading.Event()
    connections = [0]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 10

        def log_message(self, *args) -> None:
            pass

        def setup(self) -> None:
            super().setup()
            # Headers and body go out as two writes; without this, Nagle's algorithm holds the body
            # back until the client's delayed ACK (40 ms) on every kept-alive response.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connections[0] += 1

        def do_GET(self) -> None:
            if self.path == "/silent.rss":
                release.wait(60)
                return
            release.wait(latency)
            base = f"http://{self.headers['Host']}"
            if self.path == "/robots.txt":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path.startswith("/feed/"):
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body, ctype = feed(base, int(self.path.split("/")[2]), items), "application/rss+xml"
            else:
                body, ctype = page(hash(self.path) % 100_000), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return httpd, release, connections


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("feeds", nargs="?", type=int, default=10)
    ap.add_argument("items", nargs="?", type=int, default=20)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--timeout", type=float, default=2.0)
    args = ap.parse_args()
    httpd, release, connections = serve(args.feeds, args.items, args.latency)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    urls = [f"{base}/feed/{f}" for f in range(args.feeds)]
    options = FetchOptions(http=HttpOptions(timeout=args.timeout))
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        run_fetch([urls[0]], Path(tmp) / "warm", options, err=io.StringIO())  # load the extractors once
        for name, feeds in (("first", urls), ("rerun", urls), ("silent", [*urls, f"{base}/silent.rss"])):
            t = time.perf_counter()
            err = io.StringIO()
            connections[0] = 0
            report = run_fetch(feeds, Path(tmp) / "site", options, err=err)
            print(err.getvalue(), end="", file=sys.stderr)
            took = time.perf_counter() - t
            out[name] = {"seconds": round(took, 2), "new": report.items_new, "failed_feeds": report.feeds_failed,
                         "connections": connections[0]}
            rate = f", {report.items_new / took:.1f} items/s" if report.items_new else ""
            print(f"{name}: {len(feeds)} feeds in {took:.2f} s over {connections[0]} connections ({report.summary()}){rate}")
    release.set()
    httpd.shutdown()
    print(json.dumps({"bench": "fetch", "feeds": args.feeds, "items": args.items, "latency": args.latency, **out}))


if __name__ == "__main__":
    main()
