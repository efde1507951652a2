"""The whole path: fixture inputs -> digest ingest -> digest group -> a real mkdocs build."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "e2e"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(list(args), capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """A site made from the fixtures with the project's own mkdocs.yml and theme."""
    work = tmp_path_factory.mktemp("e2e")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(work / "content")
    config["site_dir"] = str(work / "site")
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    shutil_copy_pages(work / "content")
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))

    ingest = run(sys.executable, "-m", "digest", "ingest", str(FIXTURES), "-f", str(work / "mkdocs.yml"), cwd=work)
    assert ingest.returncode == 0, ingest.stderr
    group = run(sys.executable, "-m", "digest", "group", "-f", str(work / "mkdocs.yml"), "--json", cwd=work)
    assert group.returncode == 0, group.stderr
    build = run(sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"), cwd=work)
    assert build.returncode == 0, build.stderr[-2000:]
    return {"work": work, "site": work / "site", "stories": json.loads(group.stdout)["stories"]}


def shutil_copy_pages(content: Path) -> None:
    """The hand-written pages of the project's content folder (not its articles)."""
    content.mkdir(parents=True)
    for page in (ROOT / "content").glob("*.md"):
        (content / page.name).write_text(page.read_text())


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_ingest_wrote_dated_article_files(built):
    files = sorted((built["work"] / "content" / "articles").rglob("*.md"))
    assert len(files) == 5
    assert {f.parent.relative_to(built["work"] / "content" / "articles").as_posix() for f in files} == {"2026/11/25", "2026/11/26"}


def test_the_ferry_coverage_is_one_story(built):
    by_article = {a: s for s in built["stories"] for a in s["articles"]}
    ferry = by_article["e2e-ferry-1"]
    assert sorted(ferry["articles"]) == ["e2e-ferry-1", "e2e-ferry-2", "e2e-ferry-3"]
    assert by_article["e2e-chess-1"]["id"] != ferry["id"] != by_article["e2e-budget-1"]["id"]


def test_story_page_lists_all_its_coverage(built):
    ferry = next(s for s in built["stories"] if "e2e-ferry-1" in s["articles"])
    pages = [p for p in (built["site"] / "stories").rglob("index.html") if ferry["id"] in p.as_posix()]
    assert pages, "no page for the multi-article story"
    text = text_of(pages[0].read_text())
    for title in ("Ferry carrying 212 passengers runs aground off Zanzibar", "All 212 rescued after Zanzibar ferry hits reef",
                  "Zanzibar ferry grounding: inquiry points to steering fault"):
        assert title in text


def test_home_page_is_the_latest_days_briefing(built):
    home = text_of((built["site"] / "index.html").read_text())
    assert "Oslo teenager wins Nordic chess title" in home
    assert "Chile" in home and "budget" in home


def test_article_pages_show_their_metadata_and_stay_out_of_the_nav(built):
    pages = list((built["site"] / "articles").rglob("index.html"))
    assert len(pages) == 5
    page = next(p for p in pages if "nordic-chess" in p.as_posix())
    html = page.read_text()
    assert "Northgate Herald" in html and "https://northgate.example/nordic-chess" in html
    home = (built["site"] / "index.html").read_text()
    nav = home.split('class="md-nav', 1)[1] if 'class="md-nav' in home else ""
    assert "nordic-chess" not in nav.split("</nav>")[0]


def test_nothing_written_into_content_by_the_build(built):
    content = built["work"] / "content"
    names = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file() and ".digest" not in p.parts}
    assert all(n.startswith("articles/") or "/" not in n for n in names)
