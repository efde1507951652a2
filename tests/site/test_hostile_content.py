"""Hostile articles: whatever their text or HTML holds, the built site runs none of it.

Inputs go through the real path (digest ingest, a real mkdocs build) and the pages are
opened in headless Chromium, where any payload would set ``window.__pwned`` or open a dialog.
"""
from __future__ import annotations

import functools
import html.parser
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned='onerror'\">",
    "<svg onload=\"window.__pwned='svg'\"><circle r=4></circle></svg>",
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "<a href=\"javascript:window.__pwned='link'\" id=\"jslink\">read more</a>",
    "[click here](javascript:window.__pwned='mdlink')",
    "<body onload=\"window.__pwned='body'\">",
    "<details open ontoggle=\"window.__pwned='toggle'\">x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
]
HOSTILE_TEXT = (
    "Harbour board <script>window.__pwned='title'</script> dismissed\n\n"
    "LIMA: The board of the fictional Callao Harbour Authority was dismissed on Monday after a leak.\n\n"
    + "\n\n".join(f"Officials said {p} would follow." for p in PAYLOADS)
    + "\n\nThe ministry said a new board would be named within a week."
)
HOSTILE_MARKDOWN = (
    "---\nid: hostile-md\ntitle: \"Quay <img src=x onerror=\\\"window.__pwned='mdtitle'\\\"> reopens\"\n"
    "summary: \"<script>window.__pwned='summary'</script>\"\ndate: 2026-11-25\n"
    "url: \"javascript:window.__pwned='url'\"\nimage: \"<svg onload=\\\"window.__pwned='caption'\\\">\"\n---\n\n"
    "The fictional Callao quay reopened on Wednesday after repairs.\n\n" + "\n\n".join(PAYLOADS) + "\n"
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, kit) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    kit.write_config(root)
    src = root / "in"
    src.mkdir()
    (src / "page.txt").write_text(HOSTILE_TEXT)
    (src / "article.md").write_text(HOSTILE_MARKDOWN)
    (src / "record.jsonl").write_text(json.dumps({"id": "hostile-record", "title": "Pier <b onmouseover=alert(1)>fire</b>",
                                                  "text": HOSTILE_TEXT.replace("Harbour board", "Pier"), "date": "2026-11-25",
                                                  "url": "javascript:alert(1)"}) + "\n")
    r = subprocess.run([sys.executable, "-m", "digest", "ingest", str(src), "--out", str(root / "content" / "articles")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    kit.build(root)
    return root / "site"


def article_pages(site: Path) -> list[Path]:
    return sorted((site / "articles").rglob("index.html"))


class LiveMarkup(html.parser.HTMLParser):
    """Collects what a browser would run: script bodies, handler attributes, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or value.startswith(("javascript:", "data:text/html")):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "svg", "math"):
            self.live.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "__pwned" in data:
            self.live.append(f"<script>{data[:60]}")


def test_built_pages_hold_no_live_markup_from_content(hostile_site):
    pages = article_pages(hostile_site) + sorted((hostile_site / "stories").rglob("index.html")) + [hostile_site / "index.html"]
    assert len(article_pages(hostile_site)) == 3
    for page in pages:
        text = page.read_text()
        parser = LiveMarkup()
        parser.feed(text[text.index("<article"): text.index("</article>")])  # the content, not the theme's icons
        assert parser.live == [], page
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, re.S)  # anywhere on the page
        assert not any("__pwned" in body for body in scripts), page
    shown = " ".join(p.read_text() for p in article_pages(hostile_site))
    assert "&lt;script&gt;window.__pwned" in shown  # the text is shown as text, not dropped


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_no_script_runs_in_a_browser(hostile_site):
    browse(hostile_site)


def browse(hostile_site: Path) -> None:
    """Open the home page and every article page, hover every link, then search: nothing runs."""
    sync_api = pytest.importorskip("playwright.sync_api")
    handler = functools.partial(QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 844})
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            urls = [base] + [base + p.relative_to(hostile_site).parent.as_posix() + "/" for p in article_pages(hostile_site)]
            for url in urls:
                page.goto(url)
                page.wait_for_load_state("load")
                for link in page.query_selector_all("article a"):
                    link.hover() if link.is_visible() else link.dispatch_event("mouseover")
                page.wait_for_timeout(200)
                assert page.evaluate("window.__pwned") is None, url
                assert page.evaluate("document.querySelectorAll('article [onerror], article [onload], article [onclick]').length") == 0
            page.goto(base + "search/")  # search results show titles and summaries from content
            page.locator("#dg-q").fill("harbour board dismissed")
            page.locator("form.dg-search button").click()
            page.locator("#dg-results li a").first.wait_for()
            page.wait_for_timeout(200)
            assert page.evaluate("window.__pwned") is None
            assert dialogs == []
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def hostile_export(hostile_site, kit, tmp_path_factory) -> Path:
    """The hostile site exported (into project/docs) for another builder."""
    out = tmp_path_factory.mktemp("hostile-export") / "docs"
    kit.export(hostile_site.parent / "mkdocs.yml", out)
    return out


def test_exported_pages_hold_no_live_markup_from_content(hostile_export):
    pages = sorted(hostile_export.rglob("*.md"))
    articles = [p for p in pages if p.relative_to(hostile_export).parts[0] == "articles"]
    assert len(articles) == 3
    for page in pages:
        _, front, body = page.read_text().split("---\n", 2)
        meta = yaml.safe_load(front)  # other builders print these raw, as Material does: escaped, as on the site
        assert "<" not in meta["title"] and "<" not in meta.get("description", ""), page
        parser = LiveMarkup()
        parser.feed(body)
        assert parser.live == [], page
    assert "&lt;script&gt;window.__pwned" in " ".join(p.read_text() for p in articles)


@pytest.fixture(scope="module")
def hostile_zensical(hostile_export, kit) -> Path:
    return kit.zensical(hostile_export.parent)


def test_the_export_built_by_zensical_holds_no_live_markup_from_content(hostile_zensical):
    pages = sorted(hostile_zensical.rglob("*.html"))
    assert len(article_pages(hostile_zensical)) == 3
    for page in pages:
        parser = LiveMarkup()
        parser.feed(page.read_text())  # the whole page: Zensical's theme prints titles and descriptions
        assert [x for x in parser.live if "pwned" in x or "alert" in x] == [], page


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_no_script_runs_in_a_browser_on_the_export_built_by_zensical(hostile_zensical):
    browse(hostile_zensical)
