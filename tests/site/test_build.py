"""End to end: fictional articles in a tmp docs_dir, a real ``mkdocs build``, checks on the pages."""
from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest


def read(site: Path, url: str) -> str:
    path = site / url
    return (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")


def story_pages(site: Path) -> dict[str, str]:
    return {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "stories").glob("*/index.html")}


def test_home_is_the_latest_days_briefing(site):
    home = read(site, "")
    assert "Briefing for" in home and "5 Mar 2031" in home
    top = home.split('id="top-stories"', 1)[1].split('id="by-region"', 1)[0]
    assert top.count('class="dg-card"') == 2  # ferry and comet both ran on the 5th
    assert "Lake Tarnova" in top and "K-2031" in top
    assert "Lantern festival" not in top  # the 3rd is not the latest day


def test_story_pages_hold_their_articles(site, kit):
    pages = story_pages(site)
    ferry = [p for p in pages.values() if "Velmora" in p]
    comet = [p for p in pages.values() if "Kestrel Peak" in p]
    assert len(ferry) == 1 and len(comet) == 1
    coverage = ferry[0].split('class="dg-coverage"', 1)[1].split("</ol>", 1)[0]
    for a in kit.ARTICLES[:4]:
        assert html.escape(a.title, quote=True) in ferry[0]
    # The copy is folded under its original, not listed as an independent report.
    assert "3 independent reports, 1 wire copy" in ferry[0]
    assert "<details><summary>1 wire copy</summary>" in coverage
    assert "Evening Courier" in coverage.split("<details>", 1)[1]
    assert "Why grouped" in ferry[0]
    assert "Kestrel Peak observatory spots" in comet[0] and "Velmora" not in comet[0]


def test_article_page_has_header_and_more_on_story(site):
    page = read(site, "articles/2031/03/04/ferry-1/")
    assert page.count("<h1") == 1 and "<h1>Ferry capsizes on Lake Tarnova, dozens rescued near Velmora</h1>" in page
    head = page.split('class="dg-article-head"', 1)[1].split("</div>", 1)[0]
    assert "Lakeside Gazette" in head and "AFP" in head and "VELMORA" in head
    assert "The hull of the Swallowtail" in head
    assert 'href="https://lakeside.example/ferry"' in head
    more = page.split('id="more-on-this-story"', 1)[1]
    assert "Daily Meridian" in more and "../../../../../stories/" in more


def test_hostile_text_is_escaped_and_bad_links_dropped(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "javascript:alert" not in text, path
        assert "<b>record</b>" not in text, path
    assert "&lt;script&gt;" in read(site, "days/2031-03-03/")


def test_articles_are_out_of_the_navigation(site):
    home = read(site, "")
    nav = home.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    assert "articles/" not in nav and "stories/" not in nav
    assert "Archive" in nav and "Regions" in nav and "Topics" in nav


def test_region_topic_day_and_archive_pages(site):
    assert "Lake Tarnova" in read(site, "regions/europe/")
    region = read(site, "regions/europe/")
    assert "Disasters and accidents" in region and "Politics" in region  # its topics
    topic = read(site, "topics/science-technology/")
    assert "South America" in topic and "K-2031" in topic  # its regions
    archive = read(site, "days/")
    assert archive.index("2031-03-05") < archive.index("2031-03-03")
    assert "Lantern festival" in read(site, "days/2031-03-03/")


def test_internal_links_resolve(site):
    """Generated pages carry raw HTML links MkDocs does not check: every one must exist."""
    broken = []
    for path in site.rglob("*.html"):
        page_url = "http://x/" + path.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"#]+)', path.read_text(encoding="utf-8")):
            target = urlsplit(urljoin(page_url, html.unescape(href)))
            if target.netloc != "x":
                continue
            local = site / target.path.lstrip("/")
            if not (local.is_file() or (local / "index.html").is_file()):
                broken.append((path.relative_to(site).as_posix(), href))
    assert not broken, broken[:10]


def test_feeds_and_search_data_are_built(site, kit):
    feed = json.loads(read(site, "feeds/all.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["items"]
    assert (site / "feeds/regions/europe.xml").is_file() and (site / "feeds/topics/science-technology.json").is_file()
    assert json.loads(read(site, "search-data/manifest.json"))["n"] == len(kit.ARTICLES) + 2


def test_search_script_only_on_the_search_page(site):
    assert "digest-search.js" in read(site, "search/")
    assert "digest-search.js" not in read(site, "")
    assert "search_index" not in read(site, "")


def test_retention_retires_old_article_pages(tmp_path, kit):
    kit.write_config(tmp_path, "keep_days: 2")
    kit.write_articles(tmp_path / "content")
    kit.build(tmp_path)
    site = tmp_path / "site"
    assert not (site / "articles/2031/03/03").exists()
    assert (site / "articles/2031/03/04/ferry-1/index.html").is_file()
    old_day = read(site, "days/2031-03-03/")
    assert "Lantern festival" in old_day  # the briefing stays in the archive


def test_grouping_options_reach_the_grouping(tmp_path, kit):
    kit.write_config(tmp_path, "grouping: {story_threshold: 2.0, copy_threshold: 1.0}")  # no pair is that similar
    kit.write_articles(tmp_path / "content")
    kit.build(tmp_path)
    pages = story_pages(tmp_path / "site")
    assert not any("Kestrel Peak" in p for p in pages.values())


def test_unknown_grouping_option_fails_the_build(tmp_path, kit):
    kit.write_config(tmp_path, "grouping: {story_treshold: 0.5}")
    kit.write_articles(tmp_path / "content")
    with pytest.raises(AssertionError, match="story_treshold"):
        kit.build(tmp_path)


def test_region_changes_in_mkdocs_yml_apply_at_build(tmp_path, kit):
    """The `regions` option moves countries between regions without re-ingesting."""
    kit.write_config(tmp_path, "regions: {Adriatic: [HR]}")
    kit.write_articles(tmp_path / "content")
    kit.build(tmp_path)
    site = tmp_path / "site"
    assert "Lake Tarnova" in read(site, "regions/adriatic/")
    assert "Adriatic" in read(site, "articles/2031/03/04/ferry-1/")


def test_a_busy_days_page_stays_light(kit):
    """A day of 400 stories lists a bounded number under its regions, with links to the rest."""
    from digest.model import Story
    from digest.site import render
    from digest.site.context import Labels, SiteData

    base = kit.ARTICLES[0]
    stories = []
    for i in range(400):
        a = dataclasses.replace(base, id=f"busy-{i}", title=f"Busy day report {i}", region=["Europe", "Africa"][i % 2],
                                regions=[["Europe", "Africa"][i % 2]], path=None)
        stories.append(Story(id=f"busy-{i}", title=a.title, summary=a.summary, articles=[a]))
    site = SiteData(stories, Labels.load(), set(), True)
    (day,) = site.days
    page = render.day_page(site, day, top=10, limit=6)
    assert page.count("Busy day report") < 200
    assert "more in Europe" in page and "more in Africa" in page
    assert len(page.encode()) < 75_000
