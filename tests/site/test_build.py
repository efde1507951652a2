"""End to end: fictional articles in a tmp docs_dir, a real ``mkdocs build``, checks on the pages."""
from __future__ import annotations

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


def test_home_is_the_rolling_edition(site):
    home = read(site, "")
    top = home.split('id="top-stories"', 1)[1]
    # The last 24 hours hold the ferry (reports on the 5th) and the comet; the festival of the
    # 3rd is topped up (fewer than top_stories in the window), last: it has one report.
    titles = re.findall(r'class="dg-card__link">([^<]+)<', top)
    assert "Tarnova" in titles[0] and "Kestrel Peak" in titles[1] and "Lantern festival" in titles[2]
    assert [int(n) for n in re.findall(r'data-reports="(\d+)"', top)] == [3, 2, 1]
    assert home.count("dg-card__link") == 3  # each story once: no repeated lists by region or topic


def test_story_pages_hold_their_articles(site, kit):
    pages = story_pages(site)
    ferry = [p for p in pages.values() if "Velmora" in p]
    comet = [p for p in pages.values() if "Kestrel Peak" in p]
    assert len(ferry) == 1 and len(comet) == 1
    coverage = ferry[0].split('class="dg-coverage"', 1)[1].split("</section>", 1)[0]
    for a in kit.ARTICLES[:4]:
        assert html.escape(a.title, quote=True) in ferry[0]
    # The copy is folded under its original, not listed as an independent report.
    assert "3 independent reports</strong>, 1 wire copy" in ferry[0]
    assert coverage.count('class="dg-report"') == 3
    assert "Evening Courier" in coverage.split("<details", 1)[1]
    assert "Why grouped" in ferry[0] and "New since 4 Mar 2031" in ferry[0]
    assert "Kestrel Peak observatory spots" in comet[0] and "Velmora" not in comet[0]


def test_article_page_has_header_and_more_on_story(site):
    page = read(site, "articles/2031/03/04/ferry-1/")
    assert page.count("<h1") == 1 and "<h1>Ferry capsizes on Lake Tarnova, dozens rescued near Velmora</h1>" in page
    head = page.split('class="dg-article-head"', 1)[1].split("</header>", 1)[0]
    assert "Lakeside Gazette" in head and "AFP" in head and "VELMORA" in head
    assert "The hull of the Swallowtail" in head
    assert 'href="https://lakeside.example/ferry"' in head
    more = page.split('id="more-on-this-story"', 1)[1]
    assert "Daily Meridian" in more and 'href="../../../../../stories/' in more
    assert 'href="../../../../../days/2031-03-04/"' in page  # back to the day's briefing


def test_pages_describe_themselves_for_sharing(site):
    article = read(site, "articles/2031/03/04/ferry-1/")
    assert '<meta name="description" content="Rescuers pulled 41 survivors from Lake Tarnova' in article
    assert '<meta property="og:title" content="Ferry capsizes on Lake Tarnova, dozens rescued near Velmora">' in article
    assert '<meta property="og:type" content="article">' in article
    assert '<meta property="article:published_time" content="2031-03-04T08:10Z">' in article
    story = next(p for p in story_pages(site).values() if "Velmora" in p)
    summary = re.search(r'<p class="dg-standfirst">([^<]+)</p>', story).group(1)
    assert f'<meta property="og:description" content="{summary[:100]}' in story
    home = read(site, "")
    lead = re.search(r'class="dg-card__link">([^<]+)<', home).group(1)
    assert f'<meta name="description" content="Top stories: {lead}' in home
    assert '<meta property="og:url" content="https://digest.example.org/">' in home


def test_region_and_topic_pages_advertise_their_own_feeds(site):
    region = read(site, "regions/europe/")
    assert 'href="../../feeds/regions/europe.xml"' in region and 'href="../../feeds/regions/europe.json"' in region
    assert region.count('rel="alternate feed"') == 4  # its own two, and the site's two
    assert read(site, "").count('rel="alternate feed"') == 2


def test_days_show_the_briefing_as_it_stood(site):
    day = read(site, "days/2031-03-04/")
    assert "Ferry capsizes on Lake Tarnova, dozens rescued near Velmora" in day  # 4 March's headline, not today's
    assert "minister orders inquiry" not in day  # arrived on the 5th
    assert 'data-reports="1"' in day and 'data-reports="3"' not in day
    assert 'rel="prev" href="../2031-03-03/"' in day and 'rel="next" href="../2031-03-05/"' in day


def test_hostile_text_is_escaped_and_bad_links_dropped(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "javascript:alert" not in text, path
        assert "<b>record</b>" not in text, path
    assert "&lt;script&gt;" in read(site, "days/2031-03-03/")


def test_no_documentation_rails_and_a_sections_bar(site):
    home = read(site, "")
    assert "md-sidebar" not in home and 'for="__drawer"' not in home.split("md-header", 1)[1].split("</header>", 1)[0]
    bar = home.split('class="dg-sections"', 1)[1].split("</nav>", 1)[0]
    assert "articles/" not in bar and "stories/" not in bar
    assert "Archive" in bar and "Regions" in bar and "Topics" in bar and 'aria-current="page"' in bar


def test_region_topic_day_and_archive_pages(site):
    region = read(site, "regions/europe/")
    assert "Lake Tarnova" in region
    assert "Disasters and accidents" in region and "Politics" in region  # its topics
    topic = read(site, "topics/science-technology/")
    assert "South America" in topic and "K-2031" in topic  # its regions
    archive = read(site, "days/")
    assert archive.index("5 Mar 2031") < archive.index("3 Mar 2031")
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


def test_feeds_read_in_a_browser_and_carry_no_stray_lines(site):
    atom = read(site, "feeds/regions/europe.xml")
    assert '<?xml-stylesheet type="text/css" href="../../assets/stylesheets/feed.css"?>' in atom
    assert (site / "assets/stylesheets/feed.css").is_file()
    assert "1 independent report" not in read(site, "feeds/all.xml") + read(site, "feeds/all.json")


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
    kit.write_config(tmp_path, "grouping: {story_threshold: 2.0, copy_threshold: 1.0, pool_threshold: 0}")  # no pair is that similar
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


def test_a_sites_custom_dir_overrides_a_template(tmp_path, kit):
    """The digest's templates sit behind the site's own custom_dir, as Material's plugins' do."""
    kit.write_config(tmp_path)
    own = tmp_path / "overrides" / "fragments" / "digest"
    own.mkdir(parents=True)
    (own / "index.html").write_text('<h1 class="my-index">{{ view.title }}: {{ view.tags | length }}</h1>\n')
    text = (tmp_path / "mkdocs.yml").read_text()
    (tmp_path / "mkdocs.yml").write_text(re.sub(r"(?m)^  custom_dir: .*$", "  custom_dir: overrides", text))
    kit.write_articles(tmp_path / "content")
    kit.build(tmp_path)
    site = tmp_path / "site"
    assert '<h1 class="my-index">Regions: 3</h1>' in read(site, "regions/")
    assert 'class="dg-card' in read(site, "")  # the digest's own templates fill in the rest
    assert (site / "assets/stylesheets/digest.css").is_file()


def test_a_page_written_by_hand_links_to_the_briefings_pages_and_feeds(tmp_path, kit):
    """The briefing's pages and feeds are made beside MkDocs' reading of the articles
    (site/background.py); a page written by hand is read after them, so its links resolve."""
    kit.write_config(tmp_path)
    kit.write_articles(tmp_path / "content")
    (tmp_path / "content" / "about.md").write_text(
        "# About\n\n[Atom](feeds/all.xml), [archive](days/index.md), [4 March](days/2031-03-04.md).\n", encoding="utf-8")
    kit.build(tmp_path)  # --strict: a link MkDocs cannot resolve fails the build
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    for href in ("../feeds/all.xml", "../days/", "../days/2031-03-04/"):
        assert f'href="{href}"' in about
    assert (tmp_path / "site" / "days" / "2031-03-04" / "index.html").is_file()
