"""Lighthouse (mobile) performance and accessibility of the home, story, article, day and search pages.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/lighthouse.py [--site DIR]

Without --site, ingests samples/ into a temporary docs_dir and builds it with the
repository's mkdocs.yml. Serves the site on 127.0.0.1 (ephemeral port, gzip like any production host) and runs the
``lighthouse`` CLI (``$LIGHTHOUSE``, else ``lighthouse`` on PATH, else ``npx lighthouse``)
driving Chromium (``$CHROME_PATH``, default /usr/bin/chromium) with its default mobile
emulation and throttling. Targets: performance >= 0.95, accessibility 1.00. The story and
article audited are the largest of their kind; the day is the newest; search runs a query.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
TARGETS = {"performance": 0.95, "accessibility": 1.0}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed, as any production static host does (Lighthouse
    would otherwise time the uncompressed bytes that http.server sends)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # http.server redirects to the trailing slash
            path = path / "index.html"
        compressible = path.suffix in {".html", ".css", ".js", ".json", ".xml", ".svg"}
        if not compressible or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build_samples(root: Path) -> Path:
    """Ingest samples/ and build the site with the repository's config; returns site/."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    docs = root / "content"
    docs.mkdir(parents=True)
    shutil.copy(REPO / "content" / "about.md", docs / "about.md")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "digest", "ingest", str(REPO / "samples"), "-f", str(root / "mkdocs.yml")],
                   check=False, env=env, capture_output=True, cwd=root)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], check=True, env=env)
    return root / "site"


def largest(site: Path, folder: str) -> str:
    """The largest page under folder, as a URL path."""
    page = max((site / folder).rglob("index.html"), key=lambda p: p.stat().st_size)
    return page.parent.relative_to(site).as_posix() + "/"


def lighthouse_cmd() -> list[str]:
    if os.environ.get("LIGHTHOUSE"):
        return [os.environ["LIGHTHOUSE"]]
    if shutil.which("lighthouse"):
        return ["lighthouse"]
    return ["npx", "--yes", "lighthouse"]


def audit(url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [*lighthouse_cmd(), url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env=env,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    failed = [a["id"] for a in report["audits"].values() if a.get("score") == 0 and a.get("scoreDisplayMode") == "binary"]
    for name in failed:
        items = (report["audits"][name].get("details") or {}).get("items", [])
        nodes = "; ".join((i.get("node") or {}).get("snippet", "")[:100] for i in items[:3])
        print(f"  failing audit on {url}: {name}: {nodes}")
    return {k: report["categories"][k]["score"] for k in TARGETS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build samples/)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_samples(Path(tmp) / "build")
        story, article = largest(site, "stories"), largest(site, "articles")
        day = max(p.parent.name for p in (site / "days").glob("*/index.html")) + "/"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        ok = True
        try:
            pages = (("home", ""), ("story", story), ("article", article), ("day", "days/" + day), ("search", "search/?q=quake"))
            for name, path in pages:
                scores = audit(base + path, Path(tmp) / f"{name}.json")
                ok &= all(scores[k] >= v for k, v in TARGETS.items())
                print(f"{name:8} " + "  ".join(f"{k} {scores[k]:.2f} (target {v})" for k, v in TARGETS.items()))
        finally:
            server.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
