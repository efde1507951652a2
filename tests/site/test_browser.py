"""The built site in a real browser (Chromium) on a phone (390x844) and a laptop (1366x900).

Skips when Chromium or Playwright is missing locally; CI installs both.
"""
from __future__ import annotations

import dataclasses
import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORTS = [(390, 844), (1366, 900)]

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def serve():
    """serve(site_dir) -> base URL of a local HTTP server for that folder (all stopped at the end)."""
    servers = []

    def start(directory: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture(scope="module")
def base_url(site, serve):
    return serve(site)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, viewport, base_url, **context):
    ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **context)
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("request", lambda r: r.url.startswith(base_url) or pg.problems.append("outside request: " + r.url))
    return ctx, pg


@pytest.fixture(params=VIEWPORTS, ids=["phone", "laptop"])
def page(request, browser, base_url):
    """A page that records console errors, page errors and requests leaving the site."""
    ctx, pg = open_page(browser, request.param, base_url)
    yield pg
    assert pg.problems == []
    ctx.close()


def no_sideways_scroll(pg) -> bool:
    return pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Links, buttons and fields under 44 px (a card's headline link covers its whole card).
SMALL_TARGETS = """() => [...document.querySelectorAll(
    '.dg-sections a, article a, article button, article summary, article input, article select')]
  .filter(e => !e.closest('.dg-body'))                       // links inside an article's own text
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => (e.matches('.dg-card__link') ? e.closest('.dg-card') : e).getBoundingClientRect().height < 44)
  .map(e => e.outerHTML.slice(0, 80))"""


def card_counts(pg) -> list[int]:
    """The independent reports each story on the page shows, in page order, read from the text."""
    counts = []
    for meta in pg.locator(".dg-card .dg-meta, .dg-item .dg-meta").all_inner_texts():
        m = re.search(r"(\d+) independent reports", meta)
        counts.append(int(m.group(1)) if m else 1)
    return counts


def test_home_shows_each_story_once_ranked_by_what_cards_show(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    links = page.locator(".dg-card__link, .dg-item__link").evaluate_all("els => els.map(e => e.href)")
    assert len(links) >= 3 and len(links) == len(set(links))
    counts = card_counts(page)
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    assert counts == [int(n) for n in page.locator("[data-reports]").evaluate_all("els => els.map(e => e.dataset.reports)")]
    assert page.locator(".md-sidebar").count() == 0  # no documentation rails
    assert page.locator(".dg-sections a", has_text="Archive").is_visible()
    assert no_sideways_scroll(page)
    assert page.evaluate(SMALL_TARGETS) == []


def test_every_page_kind_keeps_tap_targets_and_width(page, base_url):
    for path in ("stories/", "articles/2031/03/04/ferry-1/", "days/2031-03-05/", "regions/europe/", "topics/",
                 "days/", "search/?q=ferry"):
        if path == "stories/":
            page.goto(base_url, wait_until="networkidle")
            page.locator(".dg-card__link", has_text="Tarnova").first.click()
        else:
            page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_load_state("networkidle")
        assert no_sideways_scroll(page), path
        assert page.evaluate(SMALL_TARGETS) == [], path


def test_a_story_page_explains_the_story_and_repeats_no_sentence(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator(".dg-card__link", has_text="Tarnova").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".dg-report").count() == 3
    page.locator(".dg-coverage details summary").first.click()
    assert page.locator(".dg-coverage details a", has_text="Evening Courier").is_visible()
    prose = page.locator("article p").all_inner_texts()
    sentences = [s.strip() for p in prose for s in re.split(r"(?<=[.!?])\s+", p) if len(s.split()) > 3]
    assert len(sentences) == len(set(sentences)), [s for s in sentences if sentences.count(s) > 1]
    for heading in ("New since 4 Mar 2031", "Key facts", "Coverage", "Timeline", "Why grouped"):
        assert page.locator("h2", has_text=heading).count() == 1, heading


def test_article_page_reads_on_a_phone(page, base_url):
    page.goto(base_url + "articles/2031/03/04/ferry-1/", wait_until="networkidle")
    assert page.locator(".dg-article-head").is_visible()
    assert page.locator("h1").first.inner_text().startswith("Ferry capsizes")
    assert page.locator(".dg-article[lang=en]").count() == 1
    assert page.locator("a.dg-button", has_text="Briefing for 4 Mar 2031").is_visible()


def test_search_groups_labels_and_filters(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator("header a[aria-label='Search']").click()
    page.locator("#dg-q").fill("Swallowtail inquiry")
    page.locator("form.dg-search button").click()
    results = page.locator("#dg-results > li")
    results.first.wait_for()
    first = results.first
    assert first.locator(".dg-label").first.inner_text().lower() == "story"
    assert any("minister orders inquiry" in t for t in first.locator("a").all_inner_texts())
    assert first.locator(".dg-label", has_text=re.compile("article", re.I)).count() >= 1
    assert first.locator("mark").count() >= 1  # the matched words, marked in context
    # Filters: the comet is the only story in South America (headed by its latest report);
    # a date range before it finds nothing.
    page.locator("#dg-q").fill("")
    page.locator(".dg-search__more summary").click()
    page.select_option("select[name=region]", "south-america")
    page.locator("form.dg-search button").click()
    page.wait_for_function("document.getElementById('dg-status').textContent.includes('for')")
    # the story is headed by its latest report (issue 17)
    assert [t for t in page.locator("#dg-results > li > .dg-result__head a").all_inner_texts()] == [
        "New comet K-2031 found by Kestrel Peak astronomers may be visible next winter"]
    assert "region=south-america" in page.url
    page.fill("input[name=to]", "2031-03-04")
    page.locator("form.dg-search button").click()
    page.wait_for_function("document.getElementById('dg-status').textContent.startsWith('Nothing found')")
    assert no_sideways_scroll(page)


def test_dark_mode_toggles(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    assert {before, scheme()} == {"default", "slate"}


def test_times_show_in_the_readers_zone(browser, base_url):
    ctx, pg = open_page(browser, VIEWPORTS[0], base_url, timezone_id="Asia/Tokyo")
    pg.goto(base_url + "articles/2031/03/04/ferry-1/", wait_until="networkidle")
    shown = pg.locator(".dg-article-head time").first
    assert shown.get_attribute("datetime") == "2031-03-04T08:10Z"
    assert re.fullmatch(r"4 Mar 2031, 17:10 (GMT\+9|JST)", shown.inner_text())  # same format, the reader's zone
    assert pg.problems == []
    ctx.close()


# -- a site that grows: a thin new day, and Material's instant navigation --------------------------

@pytest.fixture(scope="module")
def grown(tmp_path_factory, kit, serve) -> dict:
    """The test site before and after a thin new day: one new ferry report and one brief."""
    root = tmp_path_factory.mktemp("grown")
    url = serve(root / "site")  # first: instant navigation only follows links under the site_url
    kit.write_config(root)
    text = (root / "mkdocs.yml").read_text().replace("    - navigation.top", "    - navigation.top\n    - navigation.instant")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", text))
    kit.write_articles(root / "content")
    kit.build(root)
    before = {p.relative_to(root / "site").as_posix(): p.read_text() for p in (root / "site" / "days").rglob("index.html")}
    ferry = dataclasses.replace(
        kit.ARTICLES[3], id="ferry-4", title="Swallowtail ferry operator suspended as Lake Tarnova inquiry widens",
        summary="The Swallowtail's operator was suspended on Thursday while the inquiry widens.",
        date="2031-03-06T05:10:00Z", source="Northern Post", url="https://north.example/ferry",
        body=("The operator of the Swallowtail, the ferry that capsized on Lake Tarnova near Velmora, was suspended "
              "on Thursday as the transport minister widened the inquiry into its safety certificates. Survivors "
              "of the squall met inquiry officials in Velmora."))
    brief = dataclasses.replace(
        kit.ARTICLES[4], id="brief-1", title="Quillon bakery wins regional bread prize", summary="A bakery won a prize.",
        date="2031-03-06T05:30:00Z", region="europe", regions=["europe"], countries=["FR"], topics=["lifestyle-leisure"],
        source="Quillon Courier", url="https://quillon.example/bread", body="The Quillon bakery won the regional bread prize.")
    kit.write_articles(root / "content", [ferry, brief])
    kit.build(root)
    return {"site": root / "site", "before": before, "url": url}


def test_a_day_page_after_a_new_day_keeps_its_stories(grown):
    site = grown["site"]
    for path, html in grown["before"].items():
        after = (site / path).read_text()
        cards = lambda h: re.findall(r'class="dg-(?:card|item)__link">([^<]+)<', h)  # noqa: E731
        counts = lambda h: re.findall(r'data-reports="(\d+)"', h)  # noqa: E731
        if path == "days/index.html":
            continue
        assert cards(after) == cards(html) and counts(after) == counts(html), path
    assert "Swallowtail ferry operator suspended" not in (site / "days/2031-03-05/index.html").read_text()


def test_the_home_page_after_a_thin_new_day_holds_yesterdays_top_stories(browser, grown):
    ctx, pg = open_page(browser, VIEWPORTS[0], grown["url"])
    pg.goto(grown["url"], wait_until="networkidle")
    titles = pg.locator(".dg-card__link, .dg-item__link").all_inner_texts()
    assert any("Kestrel Peak" in t for t in titles)  # yesterday's second story
    assert any("Quillon bakery" in t for t in titles)
    assert card_counts(pg)[0] == 4  # the ferry: four independent reports now, and ranked first
    assert pg.problems == []
    ctx.close()


def test_search_works_with_instant_navigation(browser, grown):
    ctx, pg = open_page(browser, VIEWPORTS[1], grown["url"])
    pg.goto(grown["url"], wait_until="networkidle")
    pg.evaluate("window.__stayed = true")  # gone if the browser loads a whole new page
    pg.locator(".dg-sections a", has_text="Search").click()
    pg.locator("#dg-q").wait_for()
    pg.wait_for_load_state("networkidle")
    pg.locator("#dg-q").fill("bread prize")
    pg.locator("form.dg-search button").click()
    pg.locator("#dg-results li a").first.wait_for()
    assert pg.evaluate("window.__stayed") is True
    assert "Quillon bakery" in pg.locator("#dg-results").inner_text()
    pg.locator(".dg-sections a", has_text="Today").click()  # and back: the times are restated again
    pg.locator(".dg-card").first.wait_for()
    assert pg.evaluate("window.__stayed") is True
    assert pg.locator("time[data-dg-zoned]").count() == 0
    assert pg.problems == []
    ctx.close()
