"""Page views as plain data (no HTML), and their templates rendered outside MkDocs."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.utils import normalize_url

from digest.model import Article, KeyFact, Story
from digest.site import paths, views
from digest.site.context import Labels, SiteData, kept_ids, retention_cutoff
from digest.site.pages import pages
from digest.site.views import Views, sentences

THEME = Path(__file__).resolve().parents[2] / "theme"


def art(id: str, date: str, title: str, summary: str = "", source: str | None = None, **kw) -> Article:
    return Article(id=id, title=title, summary=summary, date=date, source=source, region="europe", regions=["europe"],
                   topics=["disaster-accident-emergency"], countries=["HR"], path=f"articles/{date[:10].replace('-', '/')}/{id}.md",
                   url=f"https://{id}.example/story", **kw)


LEAD = "A passenger ferry capsized on Lake Tarnova on Tuesday. Rescuers pulled 41 survivors from the water."
FERRY = [
    art("f1", "2031-03-04T08:10:00Z", "Ferry capsizes on Lake Tarnova", LEAD, "Lakeside Gazette", agency="AFP"),
    art("f1c", "2031-03-04T09:00:00Z", "Ferry capsizes on Lake Tarnova, dozens rescued", LEAD, "Evening Courier", agency="AFP"),
    art("f2", "2031-03-05T06:30:00Z", "Coastguard ends night search on Lake Tarnova",
        "Divers found no more survivors. Rescuers pulled 41 survivors from the water.", "Adriatic Wire"),
    art("f3", "2031-03-05T11:45:00Z", "Minister orders inquiry into ferry operator",
        "The transport minister ordered an inquiry into the ferry operator.", "Daily Meridian"),
]
STORY = Story("ferry", FERRY[3].title, FERRY[3].summary, FERRY, copies={"f1": ["f1c"]},
              shared_terms=["Tarnova", "Velmora", "ferry"], shared_names=["Tarnova", "Velmora"])
SOLO = Story("solo", "Lantern festival draws crowds", "Crowds came.", [art("s1", "2031-03-03T20:00:00+07:00", "Lantern festival draws crowds", "Crowds came.", "Mekong Weekly")])


def site(*stories: Story, **kw) -> SiteData:
    return SiteData(list(stories) or [STORY, SOLO], Labels.load(), clock=0.0, **kw)


def shown_text(view) -> list[str]:
    """Every sentence of prose a view puts on its page (headline, summary, facts, leads)."""
    texts = [view.headline, view.summary]
    if view.new:
        texts += [f.text for f in view.new.leads]
    texts += [f.text for f in view.facts]
    return [s for t in texts for s in sentences(t)]


def test_a_story_page_never_shows_a_sentence_twice():
    v = Views(site()).story(STORY)
    said = shown_text(v)
    assert said and len(said) == len(set(said))
    # The first report's lead shares a sentence with the second's: only one of them is shown.
    assert sum("Rescuers pulled 41 survivors" in s for s in said) == 1


def test_key_facts_from_grouping_are_attributed_and_deduplicated():
    facts = [KeyFact("Rescuers pulled 41 survivors from the water.", "f1", "Lakeside Gazette"),
             KeyFact("The transport minister ordered an inquiry into the ferry operator.", "f3", "Daily Meridian"),  # = summary
             KeyFact("Divers found no more survivors.", "f2", None)]
    story = dataclasses.replace(STORY, key_facts=facts)
    v = Views(site(story, SOLO)).story(story)
    # The minister's sentence is the summary: not repeated. The latest day's fact shows as new.
    assert [(f.text, f.source.text) for f in v.new.leads] == [("Divers found no more survivors.", "Adriatic Wire")]
    assert [(f.text, f.source.text) for f in v.facts] == [("Rescuers pulled 41 survivors from the water.", "Lakeside Gazette")]
    assert v.facts[0].source.href == "articles/2031/03/04/f1/"
    assert len(shown_text(v)) == len(set(shown_text(v)))


def test_new_since_the_previous_day_and_the_timeline():
    v = Views(site()).story(STORY)
    assert v.new is not None and v.new.since.text == "4 Mar 2031" and v.new.day.text == "5 Mar 2031"
    assert v.new.reports == 2 and [o.text for o in v.new.outlets] == ["Adriatic Wire", "Daily Meridian"]
    assert [d.day.text for d in v.timeline] == ["4 Mar 2031", "5 Mar 2031"]
    assert [o.text for o in v.timeline[0].outlets] == ["Lakeside Gazette", "Evening Courier"]
    one_day = Story("one", "x", "", FERRY[:2], copies={"f1": ["f1c"]})
    v1 = Views(site(one_day)).story(one_day)
    assert v1.new is None and v1.timeline == []


def test_coverage_is_by_outlet_with_wire_copies_under_their_original():
    v = Views(site()).story(STORY)
    assert [o.name for o in v.coverage] == ["Daily Meridian", "Adriatic Wire", "Lakeside Gazette"]  # newest first
    gazette = v.coverage[-1].reports[0]
    assert [c.text for c in gazette.copies] == ["Evening Courier"] and not gazette.new
    assert v.coverage[0].reports[0].new
    assert (v.reports, v.copies) == (3, 1)
    assert (v.why.names, v.why.words) == (["Tarnova", "Velmora"], ["ferry"]) and v.why.first.text == "4 Mar 2031, 08:10 UTC"
    assert v.countries == ["Croatia"] and [r.text for r in v.regions] == ["Europe"]


def test_cards_count_what_the_rank_counts():
    s = site()
    home = Views(s).home()
    cards = [home.lead, *home.top, *home.more]
    assert [c.headline.text for c in cards] == ["Minister orders inquiry into ferry operator", "Lantern festival draws crowds"]
    assert [c.reports for c in cards] == [3, 1]
    assert cards[0].copies == 1 and cards[0].source is None and cards[1].source == "Mekong Weekly"
    assert cards[0].headline.href == "stories/ferry/" and cards[1].headline.href == "articles/2031/03/03/s1/"
    assert cards[1].time.text == "3 Mar 2031, 13:00 UTC"


def test_a_day_view_links_its_neighbours():
    v = Views(site())
    days = [v.day(d) for d in v.site.days]
    assert [d.title for d in days] == ["Briefing for 5 Mar 2031", "Briefing for 4 Mar 2031", "Briefing for 3 Mar 2031"]
    assert days[1].newer.href == "days/2031-03-05/" and days[1].older.href == "days/2031-03-03/"
    assert days[0].newer is None and days[-1].older is None
    assert days[1].lead.headline.text == "Ferry capsizes on Lake Tarnova"  # the headline of 4 March, not today's
    assert days[1].lead.reports == 1 and days[1].lead.copies == 1


def test_an_article_view():
    v = Views(site())
    a = dataclasses.replace(FERRY[0], lang="PT", body=LEAD + "\n\nMore text.", image="The hull (Photo: J. Doe)")
    view = v.article(a)
    assert view.lang == "pt" and view.standfirst == ""  # the body opens with the summary
    assert view.outlet == "Lakeside Gazette" and view.agency == "AFP" and view.caption == "The hull (Photo: J. Doe)"
    assert not view.caption_labelled  # shown as "Photo: The hull (Photo: J. Doe)"
    assert v.article(dataclasses.replace(a, image="Foto: J. Doe")).caption_labelled  # "Foto: J. Doe", not "Photo: Foto: ..."
    assert view.original.href == "https://f1.example/story" and view.day.href == "days/2031-03-04/"
    assert [r.headline.text for r in view.story.others] == [FERRY[3].title, FERRY[2].title]  # not itself
    assert view.story.link.href == "stories/ferry/"
    assert views.language('en" onload="x') is None and views.language("pt-BR") == "pt-br"
    datelined = dataclasses.replace(a, body=f"TARNOVA (AFP) - {LEAD}\n\nMore text.")
    assert v.article(datelined).standfirst == ""  # the lede after its dateline is the summary: shown once
    other = dataclasses.replace(a, body="Divers resumed the search at dawn on Tuesday.\n\n" + LEAD)
    assert v.article(other).standfirst == a.summary  # a standfirst the body does not open with stays


def test_an_article_names_its_regions_and_topics_and_links_only_those_with_a_page():
    a = dataclasses.replace(FERRY[0], regions=["europe", "oceania"], topics=["disaster-accident-emergency", "labour"])
    view = Views(site()).article(a)  # no story is about labour or Oceania: they have no page
    assert [(link.text, link.href) for link in view.regions + view.topics] == [
        ("Europe", "regions/europe/"), ("Oceania", None),
        ("Disasters and accidents", "topics/disaster-accident-emergency/"), ("Labour", None)]
    html = render("article.html", "articles/2031/03/04/f1/", view=view, body="<p>Text.</p>")
    assert '<a class="dg-chip" href="../../../../../regions/europe/">Europe</a>' in html
    assert '<span class="dg-chip">Labour</span>' in html and "None" not in html


def test_a_busy_day_and_a_huge_story_stay_bounded():
    base = FERRY[0]
    busy = [Story(f"b{i}", f"Busy day report {i}", "", [dataclasses.replace(base, id=f"b{i}", title=f"Busy day report {i}")])
            for i in range(400)]
    v = Views(site(*busy))
    day = v.day(v.site.days[0])
    assert len(day.top) + len(day.more) + 1 == 10 + views.DAY_LIST
    assert day.left is not None and "from=2031-03-04" in day.left.href and "290 more stories" in day.left.text
    huge = [dataclasses.replace(base, id=f"h{i}", title=f"Dam report {i}", source=f"Outlet {i}",
                                date=f"2031-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T10:00:00Z") for i in range(600)]
    story = Story("dam", "Dam report", "", huge, copies={"h299": [f"h{i}" for i in range(300, 600)]})  # h299: the newest report
    sv = Views(site(story)).story(story)
    assert sum(len(o.reports) for o in sv.coverage) == views.REPORTS_SHOWN and sv.left == 240
    assert sv.find_left.href.startswith("search/?q=Dam+report")
    assert len(sv.timeline) == views.TIMELINE_DAYS and sv.earlier_days > 0
    copies = next(r for o in sv.coverage for r in o.reports if r.copies)
    assert len(copies.copies) == views.COPIES_NAMED and copies.more_copies == 292
    nosearch = Views(site(story, search=False)).story(story)
    assert nosearch.left == 240 and nosearch.find_left is None


def test_retention_counts_back_from_the_newest_day():
    arts = [Article(id=str(d), date=f"2030-01-{d:02d}") for d in (1, 5, 10)] + [Article(id="u")]
    assert retention_cutoff(arts, 0) is None
    cutoff = retention_cutoff(arts, 6)
    assert cutoff == "2030-01-05"
    assert kept_ids(arts, cutoff) == {"5", "10", "u"}
    s = SiteData([STORY], Labels.load(), kept={"f2"})
    assert s.article_url(FERRY[2]) == "articles/2031/03/05/f2/" and s.article_url(FERRY[3]) == "https://f3.example/story"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "ftp://x.example/", "", None])
def test_only_http_links_leave_the_site(url):
    assert paths.safe_url(url) is None


# -- the templates, rendered by a plain Jinja environment (as an export to other builders would) ----

def render(name: str, page_url: str, **values) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME)), autoescape=True)
    env.filters["url"] = jinja2.pass_context(lambda ctx, value: normalize_url(str(value), page=ctx["page"]))
    return env.get_template(f"fragments/digest/{name}").render(page=SimpleNamespace(url=page_url), **values)


HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def test_templates_escape_everything_from_articles():
    bad = art("x", "2031-03-04T08:00:00Z", HOSTILE, HOSTILE, HOSTILE, agency=HOSTILE, dateline=HOSTILE, image=HOSTILE,
              lang='en"><script>', authors=[HOSTILE])
    bad = dataclasses.replace(bad, url="javascript:alert(1)", section=HOSTILE)
    other = dataclasses.replace(bad, id="y", source="Other")
    story = Story("x", HOSTILE, HOSTILE, [bad, other], shared_terms=[HOSTILE, "w" + HOSTILE], shared_names=[HOSTILE], key_facts=[KeyFact(HOSTILE + " said.", "x", HOSTILE)])
    s = site(story)
    v = Views(s)
    out = [render(spec.template, s.url(uri), view=spec.view()) for uri, spec in pages(v).items()]
    out.append(render("article.html", "articles/2031/03/04/x/", view=v.article(bad), body="<p>clean</p>"))
    for html in out:
        assert "<script>" not in html and "<img" not in html and "javascript:" not in html
    assert any("&lt;script&gt;alert(2)&lt;/script&gt;" in html for html in out)


def test_links_are_relative_to_the_page_through_the_url_filter():
    s = site()
    v = Views(s)
    home = render("home.html", "", view=v.home())
    assert 'href="stories/ferry/"' in home and 'href="articles/2031/03/03/s1/"' in home
    story = render("story.html", "stories/ferry/", view=v.story(STORY))
    assert 'href="../../articles/2031/03/05/f3/"' in story and 'href="../../regions/europe/"' in story
    assert len(re.findall(r"<h1>", story)) == 1
