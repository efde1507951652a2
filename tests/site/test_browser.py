"""The built site in a real browser (Chromium, phone-sized): cards, search, story, dark mode.

Skips when Chromium or Playwright is missing locally; CI installs both.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    """A 390x844 page that records console errors, page errors and requests leaving the site."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("request", lambda r: r.url.startswith(base_url) or pg.problems.append("outside request: " + r.url))
    yield pg
    assert pg.problems == []
    context.close()


def no_sideways_scroll(pg) -> bool:
    return pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_home_shows_story_cards_without_sideways_scroll(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    cards = page.locator(".dg-card")
    assert cards.count() >= 2
    assert cards.first.is_visible()
    assert "Lake Tarnova" in page.locator("#top-stories ~ .dg-cards").first.inner_text()
    assert no_sideways_scroll(page)


def test_search_finds_a_known_article(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator("header a[aria-label='Search']").click()
    page.locator("#dg-q").fill("Swallowtail inquiry")
    page.locator("form.dg-search button").click()
    results = page.locator("#dg-results li a")
    results.first.wait_for()
    assert any("minister orders inquiry" in t for t in results.all_inner_texts())
    assert no_sideways_scroll(page)


def test_story_page_lists_its_coverage(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator(".dg-card a", has_text="Lake Tarnova").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".dg-coverage > li.dg-report").count() == 3
    page.locator(".dg-coverage details summary").first.click()
    assert page.locator(".dg-coverage details a").first.is_visible()
    assert no_sideways_scroll(page)


def test_dark_mode_toggles(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    assert {before, scheme()} == {"default", "slate"}


def test_article_page_reads_on_a_phone(page, base_url):
    page.goto(base_url + "articles/2031/03/04/ferry-1/", wait_until="networkidle")
    assert page.locator(".dg-article-head").is_visible()
    assert page.locator("h1").first.inner_text().startswith("Ferry capsizes")
    assert no_sideways_scroll(page)
