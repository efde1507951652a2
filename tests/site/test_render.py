"""Page rendering: links, escaping and the URL scheme, without MkDocs."""
from __future__ import annotations

import pytest

from digest.model import Article, Story
from digest.site import render, urls
from digest.site.context import Labels, SiteData, kept_ids, retention_cutoff


@pytest.mark.parametrize(
    "to, frm, expected",
    [
        ("days/2030-01-01/", "", "days/2030-01-01/"),
        ("", "days/2030-01-01/", "../../"),
        ("feeds/all.xml", "regions/europe/", "../../feeds/all.xml"),
        ("stories/a/", "stories/b/", "../../stories/a/"),
        ("", "", "./"),
        ("stories/a.html", "days/x.html", "../stories/a.html"),
    ],
)
def test_relative_links(to, frm, expected):
    assert urls.relative(to, frm) == expected


def test_page_urls_follow_mkdocs():
    assert urls.page_url("index.md") == ""
    assert urls.page_url("days/index.md") == "days/"
    assert urls.page_url("days/2030-01-01.md") == "days/2030-01-01/"
    assert urls.page_url("days/2030-01-01.md", use_directory_urls=False) == "days/2030-01-01.html"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "ftp://x.example/", "", None])
def test_only_http_links_leave_the_site(url):
    assert urls.safe_url(url) is None


def test_cards_escape_everything_from_articles():
    a = Article(id="x", title='"><img src=x onerror=alert(1)>', summary="<script>x</script>", date="2030-01-01",
                url="javascript:alert(1)", region="<b>r</b>", topics=["politics"])
    s = Story(id="x", title=a.title, summary=a.summary, articles=[a])
    site = SiteData([s], Labels.load())
    html = render.card(site, s, "index.md")
    assert "<img" not in html and "<script>" not in html and "<b>" not in html
    assert "javascript:" not in html
    assert "&quot;&gt;&lt;img" in html


def test_front_matter_title_is_escaped_for_themes_that_print_it_raw():
    assert "title: '&lt;/title&gt;&lt;script&gt;'" in render.front("</title><script>")


def test_retention_counts_back_from_the_newest_day():
    arts = [Article(id=str(d), date=f"2030-01-{d:02d}") for d in (1, 5, 10)] + [Article(id="u")]
    assert retention_cutoff(arts, 0) is None
    cutoff = retention_cutoff(arts, 6)
    assert cutoff == "2030-01-05"
    assert kept_ids(arts, cutoff) == {"5", "10", "u"}


def test_stash_sets_html_aside_and_puts_it_back():
    import markdown

    from digest.site import stash

    text = "# T\n\n<ul>\n<li>a &amp; <b>b</b></li>\n</ul>\n\n## Sub\n\ntext\n\n<p>x</p>\n"
    marked, blocks = stash.stash(text)
    assert len(blocks) == 2 and "<ul>" not in marked
    html = stash.unstash(markdown.markdown(marked, extensions=["toc"]), blocks)
    assert html.split() == markdown.markdown(text, extensions=["toc"]).split()


def test_a_days_page_lists_every_story_even_without_region():
    from digest.group import briefing

    def story(i, region):
        a = Article(id=f"a{i}", title=f"Story number {i}", date="2030-01-01T10:00", region=region, topics=["sport"],
                    url=f"https://x.example/{i}")
        return Story(id=f"s{i}", title=a.title, summary="", articles=[a])

    stories = [story(i, "europe" if i % 3 else None) for i in range(30)]
    site = SiteData(stories, Labels.load())
    day = briefing.days(stories)[0]
    page = render.day_page(site, day, top=3, limit=2)
    assert all(f"Story number {i}<" in page for i in range(30))
    home = render.home(site, top=3, limit=2, title="Today")
    assert home.count("<li>") < 10 and "more in Europe" in home


def test_a_very_large_story_keeps_a_light_page():
    """Hundreds of articles: coverage, copies, timeline and key points are capped, the rest counted."""
    arts = [Article(id=f"r{i}", title=f"Dam inspectors report number {i} on the fictional Orvel reservoir",
                    summary="Inspectors found seepage below the fictional Orvel dam. " * 3, source=f"Outlet {i}",
                    date=f"2030-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T10:00:00Z", url=f"https://o{i}.example/dam",
                    region="europe", topics=["environment"]) for i in range(600)]
    copies = {"r0": [f"r{i}" for i in range(300, 600)]}
    story = Story(id="orvel", title="Orvel dam seepage", summary="Seepage below the Orvel dam.", articles=arts,
                  copies=copies, key_points=[f"Point {i}." for i in range(12)])
    page = render.story_page(SiteData([story], Labels.load()), story)
    assert len(page.encode()) < 60_000
    assert "Point 4." in page and "Point 5." not in page
    assert "and 292 more" in page  # copies named by outlet, eight of them
    assert "220 more reports" in page and "search/?q=Orvel%20dam%20seepage" in page
    assert page.count("<li><p>") <= 31 and "earlier days" in page
    assert "Dam inspectors report number 335 " in page  # on the latest day (28 Dec), so in the timeline


def test_a_story_of_one_day_has_no_timeline():
    arts = [Article(id=f"q{i}", title=f"Quarry blast report {i}", date=f"2030-05-0{d}T0{i}:00:00Z", url=f"https://q{i}.example/")
            for i, d in ((1, 1), (2, 1), (3, 2))]
    one_day = Story(id="q", title="Quarry blast", summary="", articles=arts[:2])
    two_days = Story(id="q2", title="Quarry blast", summary="", articles=arts)
    site = SiteData([one_day, two_days], Labels.load())
    assert "## Timeline" not in render.story_page(site, one_day)
    assert "## Timeline" in render.story_page(site, two_days)


def test_without_search_the_reports_left_out_are_counted_not_linked():
    arts = [Article(id=f"w{i}", title=f"Weir report {i}", date="2030-02-01", url=f"https://w{i}.example/") for i in range(90)]
    story = Story(id="w", title="Weir", summary="", articles=arts)
    page = render.story_page(SiteData([story], Labels.load(), search=False), story)
    assert "10 more reports" in page and "search/" not in page
