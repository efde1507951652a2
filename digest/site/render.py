"""The generated pages as Markdown strings: pure functions of :class:`SiteData`.

Cards and lists are raw HTML inside the Markdown (exact markup, cheap to render).
Every value that comes from an article is escaped here, and links to the outside
are http/https only (``urls.safe_url``): scraped text never runs script in a reader's
browser. Headings stay Markdown so MkDocs builds the table of contents from them.
"""
from __future__ import annotations

import datetime as dt
import html
from functools import lru_cache
from urllib.parse import quote

from ..group import briefing
from ..model import Article, Story, dump_front_matter, parse_iso
from . import urls
from .context import SiteData


def e(text: object) -> str:
    """HTML-escape any value (quotes too: values also land in attributes)."""
    return html.escape("" if text is None else str(text), quote=True)


def front(title: str, **meta: object) -> str:
    """Front matter of a generated page; the title is escaped because themes print it raw."""
    return f"---\n{dump_front_matter({'title': e(title), **meta})}---\n\n"


@lru_cache(maxsize=65536)
def when(date: str | None, with_time: bool = True) -> str:
    """A ``<time>`` element in UTC, or '' when the date is unknown. A time printed without its
    zone (a naive ISO time) is shown as printed, never called UTC."""
    d = parse_iso(date)
    if d is None:
        return ""
    has_time = with_time and date is not None and len(date) > 10
    if has_time and _naive(date):
        text = d.strftime("%-d %b %Y, %H:%M")
    else:
        text = d.astimezone(dt.timezone.utc).strftime("%-d %b %Y, %H:%M UTC" if has_time else "%-d %b %Y")
    return f'<time datetime="{e(date)}">{text}</time>'


def _naive(date: str) -> bool:
    try:
        return dt.datetime.fromisoformat(date.replace("Z", "+00:00")).tzinfo is None
    except ValueError:
        return False


def link(href: str | None, text: str, cls: str = "") -> str:
    """An anchor when there is somewhere to go, the bare (escaped) text otherwise."""
    attr = f' class="{cls}"' if cls else ""
    if not href:
        return f"<span{attr}>{e(text)}</span>"
    external = ' rel="noopener nofollow"' if href.startswith(("http://", "https://")) else ""
    return f'<a href="{e(href)}"{attr}{external}>{e(text)}</a>'


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def story_title(story: Story) -> str:
    return story.title or (story.articles[0].title if story.articles else story.id)


def coverage(story: Story) -> str:
    """'3 independent reports, 2 wire copies'."""
    n = briefing.independent_count(story)
    copies = len(story.articles) - n
    text = plural(n, "independent report", "independent reports")
    return text + (", " + plural(copies, "wire copy", "wire copies") if copies else "")


def tags(site: SiteData, story: Story, here: str) -> str:
    """Links to the story's region and topic pages (made once per story and folder depth)."""
    return site.fragment(("tags", story.id, site.depth(here)), lambda: _tags(site, story, here))


def _tags(site: SiteData, story: Story, here: str) -> str:
    items = [link(site.href(urls.region_uri(r), here), site.labels.region(r), "dg-tag") for r in story.regions]
    items += [link(site.href(urls.topic_uri(t), here), site.labels.topic(t), "dg-tag dg-tag--topic") for t in story.topics]
    return f'<p class="dg-tags">{" ".join(items)}</p>' if items else ""


def card(site: SiteData, story: Story, here: str) -> str:
    """A story card: headline, summary, independent-report count, regions and topics, time."""
    title = link(site.story_href(story, here), story_title(story))
    parts = [
        '<article class="dg-card">',
        f'<h3 class="dg-card__title">{title}</h3>',
        f'<p class="dg-card__summary">{e(story.summary)}</p>' if story.summary else "",
        f'<p class="dg-meta"><span class="dg-count">{coverage(story)}</span> {when(story.last_date)}</p>',
        tags(site, story, here),
        "</article>",
    ]
    return "\n".join(p for p in parts if p)


def item(site: SiteData, story: Story, here: str, dated: bool = True) -> str:
    """A one-line story entry for lists (undated on a day's own page, where the day is known)."""
    n = briefing.independent_count(story)
    date = " " + when(story.last_date, False) if dated else ""
    return (
        f"<li>{link(site.story_href(story, here), story_title(story))} "
        f'<span class="dg-meta">{plural(n, "report", "reports")}{date}</span></li>'
    )


def items(site: SiteData, stories: list[Story], here: str, more: tuple[str, str] | None = None, dated: bool = True) -> str:
    """A list of one-line entries; ``more`` = (href, text) of a link to the rest."""
    rows = [item(site, s, here, dated) for s in stories]
    if more:
        rows.append(f'<li class="dg-more">{link(more[0], more[1])}</li>')
    return '<ul class="dg-list">\n' + "\n".join(rows) + "\n</ul>"


def cards(site: SiteData, stories: list[Story], here: str) -> str:
    return '<div class="dg-cards">\n' + "\n".join(card(site, s, here) for s in stories) + "\n</div>"


def _sections(site: SiteData, groups: dict[str, list[Story]], label, page_uri, here: str, limit: int | None) -> list[str]:
    """One ``###`` section per group, capped at ``limit`` entries with a link to the group's page."""
    out = []
    for key, stories in groups.items():
        shown = stories if limit is None else stories[:limit]
        page = site.href(page_uri(key), here)
        more = (page, f"{len(stories) - len(shown)} more in {label(key)}") if len(stories) > len(shown) else None
        out += [f"### {link(page, label(key))}", "", items(site, shown, here, more, dated=False), ""]
    return out


# Stories listed by region on a day's own page: about 30 KB of HTML on a phone, whatever the day.
DAY_REGION_ITEMS = 120


def day_body(site: SiteData, day: briefing.Day, here: str, top: int, limit: int, complete: bool) -> str:
    """A daily briefing: top stories as cards, then the day's stories by region and by topic.

    A day's own page (``complete``) lists the day's stories under their regions up to a
    budget of DAY_REGION_ITEMS shared among the regions (a page view stays light however
    busy the day), then "N more" links; topic lists are capped at ``limit``, as on the
    home page, which caps both.
    """
    lines = [
        f'<p class="dg-meta">{plural(len(day.stories), "story", "stories")} from '
        f"{plural(day.article_count, 'article', 'articles')}</p>",
        "",
        "## Top stories",
        "",
        cards(site, day.stories[:top], here),
        "",
    ]
    lines += ["## By region", ""]
    regions = briefing.by_region(day.stories)
    region_limit = max(limit, DAY_REGION_ITEMS // max(1, len(regions))) if complete else limit
    lines += _sections(site, regions, site.labels.region, urls.region_uri, here, region_limit)
    placeless = [s for s in day.stories if not s.regions]
    if complete and placeless:
        lines += ["### No region", "", items(site, placeless, here, dated=False), ""]
    lines += ["## By topic", ""]
    lines += _sections(site, briefing.by_topic(day.stories), site.labels.topic, urls.topic_uri, here, limit)
    return "\n".join(lines) + "\n"


def home(site: SiteData, top: int, limit: int, title: str) -> str:
    """The home page: the latest day's briefing, its long lists cut short to keep the page light."""
    here = urls.HOME
    if not site.days:
        return front(title) + f"# {e(title)}\n\nNo articles yet.\n"
    day = site.days[0]
    full = site.href(urls.day_uri(day.day), here)
    head = f"# {e(title)}\n\n" f'<p class="dg-dateline">Briefing for {when(day.day, False)} · {link(full, "full briefing")} · {link(site.href(urls.ARCHIVE, here), "earlier days")}</p>\n\n'
    return front(title) + head + day_body(site, day, here, top, limit, complete=False)


def day_page(site: SiteData, day: briefing.Day, top: int, limit: int) -> str:
    here = urls.day_uri(day.day)
    title = f"Briefing for {day.day}"
    return front(title) + f"# {e(title)}\n\n" + day_body(site, day, here, top, limit, complete=True)


def archive(site: SiteData) -> str:
    """Every day with its story count and lead headline, grouped by month."""
    here = urls.ARCHIVE
    lines = [front("Archive") + "# Archive", ""]
    month = None
    for day in site.days:
        if day.day[:7] != month:
            if month is not None:
                lines += ["</ul>", ""]
            month = day.day[:7]
            lines += [f"## {e(month)}", "", '<ul class="dg-list">']
        lead = story_title(day.stories[0]) if day.stories else ""
        lines.append(
            f"<li>{link(site.href(urls.day_uri(day.day), here), day.day)} "
            f'<span class="dg-meta">{plural(len(day.stories), "story", "stories")}: {e(lead)}</span></li>'
        )
    if month is not None:
        lines.append("</ul>")
    return "\n".join(lines) + "\n"


def index_page(site: SiteData, title: str, groups: dict[str, list[Story]], label, page_uri, here: str) -> str:
    """The list of regions (or topics) with their story counts."""
    rows = [
        f"<li>{link(site.href(page_uri(k), here), label(k))} <span class=\"dg-meta\">{plural(len(v), 'story', 'stories')}</span></li>"
        for k, v in sorted(groups.items(), key=lambda kv: label(kv[0]))
    ]
    return front(title) + f"# {e(title)}\n\n" + '<ul class="dg-list">\n' + "\n".join(rows) + "\n</ul>\n"


def facet_page(
    site: SiteData, key: str, stories: list[Story], title: str, here: str, feed_kind: str,
    by, label, other_uri, limit: int,
) -> str:
    """A region's page (its stories by topic) or a topic's page (its stories by region)."""
    feeds = (
        f'<p class="dg-feeds">Follow: {link(site.href(urls.feed_uri(feed_kind, key, "xml"), here), "Atom feed")} · '
        f'{link(site.href(urls.feed_uri(feed_kind, key, "json"), here), "JSON feed")}</p>'
    )
    lines = [front(title) + f"# {e(title)}", "", f'<p class="dg-meta">{plural(len(stories), "story", "stories")}</p>', feeds, ""]
    lines += ["## Latest", "", cards(site, stories[: min(limit, 5)], here), ""]
    for key2, group in by(stories).items():
        shown = group[:limit]
        more = None
        if len(group) > len(shown):
            more = (site.href(urls.ARCHIVE, here), f"{len(group) - len(shown)} older in the archive")
        lines += [f"## {link(site.href(other_uri(key2), here), label(key2))}", "", items(site, shown, here, more), ""]
    return "\n".join(lines) + "\n"


def region_page(site: SiteData, region: str, limit: int) -> str:
    return facet_page(
        site, region, site.by_region[region], site.labels.region(region), urls.region_uri(region), "regions",
        briefing.by_topic, site.labels.topic, urls.topic_uri, limit,
    )


def topic_page(site: SiteData, topic: str, limit: int) -> str:
    return facet_page(
        site, topic, site.by_topic[topic], site.labels.topic(topic), urls.topic_uri(topic), "topics",
        briefing.by_region, site.labels.region, urls.region_uri, limit,
    )


def byline(article: Article) -> str:
    """'Source · AFP · SEOUL · 12 May 2024, 09:00 UTC' (what is known of it)."""
    parts = [e(p) for p in (article.source, article.agency, article.dateline) if p]
    if article.date:
        parts.append(when(article.date))
    return " · ".join(parts)


# Caps that keep a story page light however large the story (a story of hundreds of
# articles stays well under the 350 KB page budget): the rest is counted, and linked.
KEY_POINTS = 5  # the grouping keeps every key point; a page shows the first few
FULL_REPORTS = 20  # independent reports shown with byline and summary
BRIEF_REPORTS = 60  # after those, reports shown as one line each
COPIES = 8  # wire copies named under a report
TIMELINE_DAYS = 30  # the latest days of coverage in the timeline
TIMELINE_PER_DAY = 3  # articles named under a day


def report(site: SiteData, article: Article, here: str, copies: list[Article]) -> str:
    """One independent report in a story's coverage, its wire copies folded under it (named by outlet)."""
    parts = [
        '<li class="dg-report">',
        f'<p class="dg-report__title">{link(site.article_href(article, here), article.title or article.id)}</p>',
        f'<p class="dg-meta">{byline(article)}</p>',
        f"<p>{e(article.summary)}</p>" if article.summary else "",
    ]
    if copies:
        names = ", ".join(link(site.article_href(c, here), c.source or c.title or c.id) for c in copies[:COPIES])
        rest = f" and {len(copies) - COPIES} more" if len(copies) > COPIES else ""
        parts.append(f"<details><summary>{plural(len(copies), 'wire copy', 'wire copies')}</summary>\n<p>{names}{rest}</p>\n</details>")
    parts.append("</li>")
    return "\n".join(p for p in parts if p)


def brief(site: SiteData, article: Article, here: str) -> str:
    """A one-line entry: headline and outlet."""
    source = f' <span class="dg-meta">{e(article.source)}</span>' if article.source else ""
    return f"<li>{link(site.article_href(article, here), article.title or article.id)}{source}</li>"


def story_page(site: SiteData, story: Story) -> str:
    """All coverage of one story: independent reports first with copies folded, a timeline
    (when the coverage spans more than one day), why grouped.

    Large stories are capped (see the constants above); the reports left out are counted
    and the search page, asked for the story's headline, finds them.
    """
    here = urls.story_uri(story)
    title = story_title(story)
    by_id = {a.id: a for a in story.articles}
    lines = [
        front(title) + f"# {e(title)}",
        "",
        f'<p class="dg-lede">{e(story.summary)}</p>' if story.summary else "",
        f'<p class="dg-meta">{coverage(story)} · {when(story.first_date)} – {when(story.last_date)}</p>',
        tags(site, story, here),
        "",
    ]
    if story.key_points:
        lines += ["## Key points", "", "<ul>", *(f"<li>{e(p)}</li>" for p in story.key_points[:KEY_POINTS]), "</ul>", ""]
    independent = story.independent
    rows = [report(site, a, here, [by_id[c] for c in story.copies.get(a.id, []) if c in by_id]) for a in independent[:FULL_REPORTS]]
    rows += [brief(site, a, here) for a in independent[FULL_REPORTS : FULL_REPORTS + BRIEF_REPORTS]]
    left = len(independent) - len(rows)
    if left > 0:
        find = site.href(urls.SEARCH, here) + "?q=" + quote(title) if site.search else None
        rows.append(f'<li class="dg-more">{link(find, plural(left, "more report", "more reports") + (": search for them" if find else ""))}</li>')
    lines += ["## Coverage", "", '<ol class="dg-coverage">', *rows, "</ol>", ""]
    days = briefing.timeline(story)
    if len(days) > 1:  # coverage of a single day is all in the list above
        lines += ["## Timeline", "", '<ol class="dg-timeline">']
        if len(days) > TIMELINE_DAYS:
            earlier = sum(len(arts) for _, arts in days[:-TIMELINE_DAYS])
            lines.append(f"<li><p>{plural(len(days) - TIMELINE_DAYS, 'earlier day', 'earlier days')}: "
                         f"{plural(earlier, 'article', 'articles')}</p></li>")
            days = days[-TIMELINE_DAYS:]
        for day, articles in days:
            named = "\n".join(brief(site, a, here) for a in articles[:TIMELINE_PER_DAY])
            more = f'\n<li class="dg-meta">and {len(articles) - TIMELINE_PER_DAY} more</li>' if len(articles) > TIMELINE_PER_DAY else ""
            lines.append(f"<li><p>{when(day, False) or 'Undated'}</p>\n<ul>\n{named}{more}\n</ul></li>")
        lines += ["</ol>", ""]
    if story.shared_terms:
        terms = " ".join(f'<span class="dg-term">{e(t)}</span>' for t in story.shared_terms)
        lines += ["## Why grouped", "", f'<p class="dg-why">These reports share: {terms}</p>', ""]
    return "\n".join(lines) + "\n"


def article_head(site: SiteData, article: Article) -> str:
    """The HTML block put under an article's title: byline, authors, photo caption, original link, tags."""
    here = article.path or ""
    original = urls.safe_url(article.url)
    parts = ['<div class="dg-article-head">', f'<p class="dg-meta">{byline(article)}</p>']
    if article.authors:
        parts.append(f'<p class="dg-meta">By {e(", ".join(article.authors))}</p>')
    if article.image:
        parts.append(f'<p class="dg-caption">Photo: {e(article.image)}</p>')
    if original:
        parts.append(f"<p>{link(original, 'Read the original' + (' at ' + article.source if article.source else ''))}</p>")
    story = site.story_of.get(article.id)
    if story is not None and story.regions + story.topics:
        parts.append(tags(site, story, here))
    parts.append("</div>")
    return "\n".join(parts)


def more_on_story(site: SiteData, article: Article, limit: int = 10) -> str:
    """The HTML below an article: the rest of its story's coverage, with a link to the story page.

    Its heading is HTML too, like the article's title: Markdown headings would cost the
    toc extension's work on every article page for a table of contents of one entry.

    The list is made once per story (and folder depth) with one report more than shown,
    so each article's page leaves itself out by a filter, not by rendering it all again.
    """
    story = site.story_of.get(article.id)
    if story is None or not site.has_page(story):
        return ""
    here = article.path or ""
    lead, rows = site.fragment(("more", story.id, site.depth(here), limit), lambda: _more_rows(site, story, here, limit))
    shown = [row for aid, row in rows if aid != article.id][:limit]
    head = '<h2 id="more-on-this-story">More on this story</h2>\n'
    return head + lead + (f'\n<ul class="dg-list">\n{"".join(shown)}</ul>' if shown else "")


def _more_rows(site: SiteData, story: Story, here: str, limit: int) -> tuple[str, list[tuple[str, str]]]:
    story_link = link(site.href(urls.story_uri(story), here), story_title(story))
    lead = f'<p class="dg-more-story">{story_link} <span class="dg-meta">{coverage(story)}</span></p>'
    rows = [(a.id, f'<li>{link(site.article_href(a, here), a.title or a.id)} <span class="dg-meta">{byline(a)}</span></li>\n')
            for a in story.independent[: limit + 1]]
    return lead, rows


def search_page(title: str = "Search") -> str:
    """The search page: a plain form (works without script) that search.js enhances."""
    return front(title) + (
        f"# {e(title)}\n\n"
        '<form class="dg-search" role="search" action="." method="get">\n'
        '<label for="dg-q">Search headlines, summaries and full text</label>\n'
        '<input id="dg-q" name="q" type="search" autocomplete="off" required>\n'
        '<button type="submit">Search</button>\n'
        "</form>\n"
        '<p id="dg-status" class="dg-meta" aria-live="polite"></p>\n'
        '<ol id="dg-results" class="dg-list"></ol>\n'
    )
