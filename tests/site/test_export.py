"""``digest export DIR``: the briefing as plain files that another builder turns into the same site.

The sample is exported with the real command; one export is built with Zensical (skipped
when it is not installed) and read back: its pages carry the briefing, its links lead
somewhere, and the search page finds stories in Chromium.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import markdown
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
_BLANK = re.compile(r"\n[ \t]*(?=\n)")
_LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def front_and_body(page: Path) -> tuple[dict, str]:
    _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body.strip()


def inner(body: str) -> str:
    """An exported page's HTML without the export's wrapper."""
    assert body.startswith('<div class="dg-page">\n') and body.endswith("\n</div>")
    return body.removeprefix('<div class="dg-page">\n').removesuffix("\n</div>")


def folder_of(page: str) -> str:
    """The URL folder of an exported page (``stories/x/index.md`` -> ``stories/x/``)."""
    return page.removesuffix("index.md")


def target(folder: str, href: str, index: str) -> str | None:
    """The file a relative link from a page at ``folder`` leads to (None for outside links)."""
    if href.startswith(("http://", "https://", "mailto:", "#")):
        return None
    path = unquote(urlsplit(urljoin("http://site/" + folder, href)).path).lstrip("/")
    return path + index if path == "" or path.endswith("/") else path


def dead_links(root: Path, pages: dict[str, str], index: str) -> list[tuple[str, str]]:
    """Relative links in the pages' HTML whose target is not a file under root."""
    dead = []
    for folder, text in pages.items():
        for href in _LINK.findall(text):
            path = target(folder, href, index)
            if path is not None and not (root / path).is_file():
                dead.append((folder, href))
    return dead


@pytest.fixture(scope="module")
def sample(tmp_path_factory, kit) -> Path:
    """The repository's sample site, exported into project/docs."""
    out = tmp_path_factory.mktemp("export") / "docs"
    kit.export(ROOT / "mkdocs.yml", out)
    return out


@pytest.fixture(scope="module")
def pages(sample) -> dict[str, Path]:
    return {p.relative_to(sample).as_posix(): p for p in sorted(sample.rglob("*.md"))}


def test_every_page_feed_search_file_and_asset_is_exported(sample, pages):
    articles = [p for p in (ROOT / "content" / "articles").rglob("*.md") if ".digest" not in p.parts]
    assert {"index.md", "days/index.md", "regions/index.md", "topics/index.md", "search/index.md", "about/index.md"} <= set(pages)
    assert sum(p.startswith("articles/") for p in pages) == len(articles) > 40
    for kind in ("stories", "days", "regions", "topics"):
        assert sum(p.startswith(kind + "/") and p != kind + "/index.md" for p in pages) >= 3, kind
    assert all(p.endswith("/index.md") or p == "index.md" for p in pages)  # each page in its URL's folder
    files = {p.relative_to(sample).as_posix() for p in sample.rglob("*") if p.is_file()}
    assert {"feeds/all.xml", "feeds/all.json", "search-data/manifest.json", "assets/stylesheets/digest.css",
            "assets/stylesheets/feed.css", "assets/javascripts/digest-search.js", "assets/javascripts/digest-time.js"} <= files
    assert any(p.startswith("feeds/regions/") for p in files) and any(p.startswith("feeds/topics/") for p in files)
    assert not any(p.startswith("articles/") and not p.endswith(".md") for p in files)  # no state file, no lock
    listed = json.loads((sample / ".digest-export").read_text())["files"]
    assert set(listed) == files - {".digest-export"}


def test_each_page_is_a_title_and_one_html_block_that_markdown_passes_through(pages):
    for name, page in pages.items():
        front, body = front_and_body(page)
        assert isinstance(front["title"], str) and front["title"], name
        assert "\n\n" not in body, name  # CommonMark would end the HTML block there
        assert markdown.markdown(body, extensions=["toc", "tables"]) == body, name
    front, body = front_and_body(pages["index.md"])
    assert front["title"] == "Today&#x27;s briefing" and front["description"].startswith("Top stories: ")
    assert "<h1>Today&#39;s briefing</h1>" in body


def test_pages_link_to_each_other_and_to_the_feeds(sample, pages):
    bodies = {folder_of(name): front_and_body(page)[1] for name, page in pages.items()}
    assert dead_links(sample, bodies, "index.md") == []
    stories = [name for name in pages if name.startswith("stories/")]
    assert any(f'href="{folder_of(story)}"' in bodies[""] for story in stories)  # the home page links stories
    story = stories[0]
    assert re.search(r'href="\.\./\.\./articles/\d{4}/\d\d/\d\d/[^"]+/"', bodies[folder_of(story)])  # the story its reports
    region = next(name for name in pages if name.startswith("regions/") and name != "regions/index.md")
    assert re.search(r'href="\.\./\.\./feeds/regions/[^"]+\.xml"', bodies[folder_of(region)])


def test_the_export_shows_what_the_site_shows(site, kit, tmp_path):
    """Nothing is made twice: each exported page is the content of the MkDocs-built page."""
    out = tmp_path / "docs"
    kit.export(site.parent / "mkdocs.yml", out)
    exported = sorted(out.rglob("*.md"))
    assert len(exported) > 20
    for page in exported:
        built = site / page.relative_to(out).with_name("index.html")
        assert inner(front_and_body(page)[1]) in _BLANK.sub("", built.read_text(encoding="utf-8")), page
    for feed in ("feeds/all.xml", "feeds/all.json"):
        assert (out / feed).read_bytes() == (site / feed).read_bytes()


def run_export(config: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", "export", str(out), "-f", str(config)], capture_output=True, text=True)


def test_a_new_export_replaces_its_own_files_and_nothing_else(tmp_path, kit):
    config = kit.write_config(tmp_path)
    articles = kit.write_articles(tmp_path / "content")
    out = tmp_path / "export"
    out.mkdir()
    (out / "zensical.toml").write_text("[project]\n")  # the user's own files in the folder
    kit.export(config, out)
    comet = next(out.glob("articles/**/comet-2/index.md"))
    stories = sorted(p.parent.name for p in out.glob("stories/*/index.md"))
    again = kit.export(config, out)
    assert re.search(r"\(0 written, \d+ unchanged, 0 removed\)", again.stderr)  # nothing changed, nothing written

    (out / "notes.md").write_text("mine\n")
    next(p for p in articles if p.name == "comet-2.md").unlink()  # the comet story is now a single report
    done = kit.export(config, out)
    assert not comet.exists() and not comet.parent.exists()  # its page and its emptied folder are gone
    assert len(sorted(out.glob("stories/*/index.md"))) == len(stories) - 1
    assert re.search(r"[1-9]\d* removed\)", done.stderr)
    assert (out / "notes.md").read_text() == "mine\n" and (out / "zensical.toml").read_text() == "[project]\n"


def test_a_file_in_the_way_stops_the_export_before_it_writes(tmp_path, kit):
    config = kit.write_config(tmp_path)
    kit.write_articles(tmp_path / "content")
    out = tmp_path / "export"
    (out / "days").mkdir(parents=True)
    (out / "days" / "index.md").write_text("my own archive\n")
    done = run_export(config, out)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"digest: error: {out / 'days' / 'index.md'}: already there and not written by digest export; "
        "move it away or export into another folder"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["days", "days/index.md"]
    inside = run_export(config, tmp_path / "content" / "export")
    assert inside.returncode == 1 and len(inside.stderr.strip().splitlines()) == 1
    assert "inside the docs_dir" in inside.stderr and not (tmp_path / "content" / "export").exists()


# -- built by Zensical --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zensical_site(sample, kit) -> Path:
    return kit.zensical(sample.parent)


def test_zensical_builds_the_briefing_from_the_export(sample, pages, zensical_site):
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    lead = re.search(r'class="dg-card__link">([^<]+)<', front_and_body(pages["index.md"])[1]).group(1)
    text = html.unescape(lead)
    assert "<title>Today&#x27;s briefing" in home and "<h1>Today&#39;s briefing</h1>" in home and lead in home
    story = next(name for name in pages if name.startswith("stories/"))
    headline = re.search(r"<h1>([^<]+)</h1>", front_and_body(pages[story])[1]).group(1)
    assert f"<h1>{headline}</h1>" in (zensical_site / folder_of(story) / "index.html").read_text(encoding="utf-8")
    atom = (zensical_site / "feeds" / "all.xml").read_bytes()
    assert atom == (sample / "feeds" / "all.xml").read_bytes()
    entries = ET.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert text in [e.text for e in entries]
    items = json.loads((zensical_site / "feeds" / "all.json").read_text(encoding="utf-8"))["items"]
    assert text in [i["title"] for i in items]
    assert (zensical_site / "assets" / "stylesheets" / "feed.css").is_file()
    assert 'href="./assets/stylesheets/digest.css"' in home and 'src="./assets/javascripts/digest-time.js"' in home


def test_zensical_keeps_every_page_whole_and_every_link_working(pages, zensical_site):
    built = {}
    for name, page in pages.items():
        body = front_and_body(page)[1]
        page_html = (zensical_site / folder_of(name) / "index.html").read_text(encoding="utf-8")
        assert body in page_html, name  # not a character changed, links included
        built[folder_of(name)] = body
    assert dead_links(zensical_site, built, "index.html") == []


PLAIN_MKDOCS_YML = """\
site_name: News Digest
docs_dir: docs
site_dir: plain-site
theme: {name: material}
extra_css: [assets/stylesheets/digest.css]
extra_javascript: [assets/javascripts/digest-time.js]
nav: [index.md, days/index.md, regions/index.md, topics/index.md, search/index.md]
"""


def test_properdocs_without_the_plugin_builds_the_same_pages(sample, pages):
    """The other way off MkDocs' end of life: ProperDocs (or MkDocs) and Material, no digest plugin."""
    pytest.importorskip("properdocs")
    project = sample.parent
    (project / "properdocs.yml").write_text(PLAIN_MKDOCS_YML, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(project / "properdocs.yml")],
                          cwd=project, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    built = {}
    for name, page in pages.items():
        body = front_and_body(page)[1]
        assert body in (project / "plain-site" / folder_of(name) / "index.html").read_text(encoding="utf-8"), name
        built[folder_of(name)] = body
    assert dead_links(project / "plain-site", built, "index.html") == []
    assert (project / "plain-site" / "feeds" / "all.json").read_bytes() == (sample / "feeds" / "all.json").read_bytes()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_search_works_on_the_zensical_site(zensical_site):
    sync_api = pytest.importorskip("playwright.sync_api")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(zensical_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 390, "height": 844})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "search/?q=Bank+of+Korea")
            first = page.locator("#dg-results > li a").first
            first.wait_for()
            assert "Korea" in first.inner_text()
            first.click()
            page.wait_for_load_state("load")
            assert page.url.startswith(base + "stories/") or page.url.startswith(base + "articles/")
            assert "Korea" in page.locator("h1").first.inner_text() and errors == []
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
