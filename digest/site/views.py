"""The view data of every page: plain dataclasses, made from SiteData, rendered by templates.

Python decides what a page says (which stories, in which order, which sentences, which
links); the Jinja templates in ``theme/fragments/digest/`` decide how it looks. Views
hold text exactly as it came (templates escape it) and links as site URLs (MkDocs'
``File.url``, relative to the site root) or outside http(s) URLs; templates turn both
into links with MkDocs' ``url`` filter. Nothing here is HTML, so views are tested as
data and can be rendered by any Jinja environment (for an export to other builders).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from ..ingest import caption
from ..model import Article, Story
from . import edition, paths
from .context import SiteData
from .dates import Moment, day_moment, instant, moment
from .edition import DayBriefing, Snapshot

# Caps that keep every page light however large the site (a page view stays well under
# 350 KB at 10,000 articles); what is left out is counted, and linked where it can be.
KEY_FACTS = 5
REPORTS_SHOWN = 60  # independent reports in a story's coverage
COPIES_NAMED = 8  # wire copies named under their original
TIMELINE_DAYS = 30
TIMELINE_OUTLETS = 6
MORE_ON_STORY = 10  # other reports under an article
DAY_LIST = 100  # stories listed on a day's page after its top stories (a page view stays under 350 KB)
FACET_TAGS = 12  # regions or topics linked from a region or topic page


@dataclass(frozen=True)
class Link:
    """Text and where it leads: a site URL, an outside http(s) URL, or nowhere (None)."""

    text: str
    href: str | None = None

    @property
    def external(self) -> bool:
        return bool(self.href) and self.href.startswith(("http://", "https://"))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Tag:
    """A region, topic or day linked to its page, with how many stories it holds."""

    link: Link
    count: int = 0


@dataclass(frozen=True)
class Card:
    """A story as a card or a line of a list shows it; ``reports`` is what the rank counts."""

    headline: Link
    summary: str
    reports: int
    copies: int
    source: str | None
    """The outlet, when the story is a single report (None when it has several, or the outlet is unknown)."""
    time: Moment | None
    kicker: str
    """The story's main region and topic, as words."""


@dataclass(frozen=True)
class HomeView:
    title: str
    updated: Moment | None
    hours: int
    stories: int
    lead: Card | None
    top: list[Card]
    more: list[Card]
    left: int
    regions: list[Tag]
    topics: list[Tag]
    latest_day: Link | None
    archive: Link


@dataclass(frozen=True)
class DayView:
    title: str
    day: Moment | None
    stories: int
    articles: int
    lead: Card | None
    top: list[Card]
    more: list[Card]
    left: Link | None
    """The day's stories not listed, found by a search of that day (None when all are listed)."""
    newer: Link | None
    older: Link | None
    archive: Link


@dataclass(frozen=True)
class Fact:
    """A sentence a reporter wrote, and the outlet that wrote it (linked to its report)."""

    text: str
    source: Link


@dataclass(frozen=True)
class Report:
    """One independent report in a story's coverage; its wire copies are named by outlet."""

    headline: Link
    outlet: str
    time: Moment | None
    new: bool = False
    copies: list[Link] = field(default_factory=list)
    more_copies: int = 0


@dataclass(frozen=True)
class Outlet:
    name: str
    reports: list[Report]


@dataclass(frozen=True)
class NewSince:
    """What arrived on a story's latest day, against the day before it had coverage."""

    since: Moment | None
    day: Moment | None
    reports: int
    copies: int
    outlets: list[Link]
    leads: list[Fact]


@dataclass(frozen=True)
class TimelineDay:
    day: Moment | None
    articles: int
    outlets: list[Link]
    more_outlets: int


@dataclass(frozen=True)
class Why:
    """Why these reports are one story, as plain facts for a sentence."""

    reports: int
    copies: int
    first: Moment | None
    last: Moment | None
    names: list[str]
    words: list[str]


@dataclass(frozen=True)
class StoryView:
    headline: str
    summary: str
    kicker: str
    reports: int
    copies: int
    first: Moment | None
    last: Moment | None
    new: NewSince | None
    facts: list[Fact]
    coverage: list[Outlet]
    left: int
    find_left: Link | None
    timeline: list[TimelineDay]
    earlier_days: int
    regions: list[Link]
    countries: list[str]
    topics: list[Link]
    why: Why


@dataclass(frozen=True)
class StoryBox:
    """The story an article belongs to, under the article: its page and its other reports."""

    link: Link
    reports: int
    copies: int
    others: list[Report]


@dataclass(frozen=True)
class ArticleView:
    title: str
    lang: str | None
    kicker: str
    standfirst: str
    outlet: str | None
    agency: str | None
    dateline: str | None
    authors: list[str]
    time: Moment | None
    caption: str | None
    caption_labelled: bool  # the caption opens with the page's own label ("Foto: Jane Roe"): no "Photo:" before it
    original: Link | None
    day: Link | None
    regions: list[Link]
    countries: list[str]
    topics: list[Link]
    story: StoryBox | None


@dataclass(frozen=True)
class FacetView:
    """A region's or a topic's page."""

    kind: str
    title: str
    feeds: list[Link]
    top: list[Card]
    earlier: list[Card]
    total: int
    search: Link | None
    related: list[Tag]


@dataclass(frozen=True)
class IndexView:
    title: str
    kind: str
    tags: list[Tag]


@dataclass(frozen=True)
class ArchiveDay:
    link: Link
    stories: int
    articles: int
    lead: str


@dataclass(frozen=True)
class ArchiveMonth:
    label: str
    days: list[ArchiveDay]


@dataclass(frozen=True)
class ArchiveView:
    title: str
    months: list[ArchiveMonth]


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class SearchView:
    title: str
    regions: list[Option]
    topics: list[Option]
    first: str | None
    last: str | None


class Views:
    """Every page's view, made on demand from one SiteData (cards made once and shared)."""

    def __init__(self, site: SiteData, *, title: str = "Today's briefing", list_limit: int = 20) -> None:
        self.site = site
        self.title = title
        self.list_limit = list_limit
        self._cards: dict[tuple, Card] = {}
        self._reports: dict[str, list[tuple[str, Report]]] = {}

    # -- pieces ------------------------------------------------------------------------------
    def card(self, snap: Snapshot) -> Card:
        key = (snap.id, len(snap.articles), snap.title, snap.summary)
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = Card(
                headline=Link(snap.title, self.site.story_url(snap.story)),
                summary=snap.summary,
                reports=snap.reports,
                copies=snap.copies,
                source=outlet(snap.independent[0]) if snap.reports == 1 else None,
                time=moment(_latest_date(snap)),
                kicker=self.kicker(snap.story.regions[:1], snap.story.topics[:1]),
            )
        return card

    def kicker(self, regions: list[str], topics: list[str]) -> str:
        labels = [self.site.labels.region(r) for r in regions] + [self.site.labels.topic(t) for t in topics]
        return " · ".join(dict.fromkeys(labels))

    def region_link(self, slug: str) -> Link:
        """The region's page; only its name when it has none (an article's region that no story has)."""
        return Link(self.site.labels.region(slug), self.site.url(paths.region_uri(slug)) if slug in self.site.by_region else None)

    def topic_link(self, slug: str) -> Link:
        """The topic's page; only its name when it has none (an article's topic that no story has)."""
        return Link(self.site.labels.topic(slug), self.site.url(paths.topic_uri(slug)) if slug in self.site.by_topic else None)

    def day_link(self, day: str, text: str | None = None) -> Link | None:
        if day not in self.site.day_index:
            return None
        m = day_moment(day)
        return Link(text or (m.text if m else day), self.site.url(paths.day_uri(day)))

    @staticmethod
    def day_title(day: str) -> str:
        m = day_moment(day)
        return f"Briefing for {m.text if m else day}"

    def search_link(self, text: str, **query: str) -> Link | None:
        if not self.site.search:
            return None
        return Link(text, self.site.url(paths.SEARCH) + "?" + urlencode({k: v for k, v in query.items() if v}))

    def report(self, article: Article, new: bool = False, copies: list[Article] | None = None) -> Report:
        copies = copies or []
        carriers = [Link(named(c), self.site.article_url(c)) for c in copies[:COPIES_NAMED]]
        return Report(Link(article.title or article.id, self.site.article_url(article)), named(article),
                      moment(article.date), new, carriers, max(0, len(copies) - COPIES_NAMED))

    # -- pages -------------------------------------------------------------------------------
    def home(self) -> HomeView:
        ed = self.site.edition
        cards = [self.card(s) for s in ed.stories]
        top_n = self.site.top_stories
        shown = top_n + self.list_limit
        regions, topics = self._facets(ed.stories)
        latest = self.site.days[0].day if self.site.days else None
        return HomeView(
            title=self.title,
            updated=moment(_newest_date(ed.stories, ed.now)),
            hours=ed.hours,
            stories=len(ed.stories),
            lead=cards[0] if cards else None,
            top=cards[1:top_n],
            more=cards[top_n:shown],
            left=max(0, len(cards) - shown),
            regions=regions,
            topics=topics,
            latest_day=self.day_link(latest, self.day_title(latest)) if latest else None,
            archive=Link("Archive", self.site.url(paths.ARCHIVE)),
        )

    def _facets(self, snaps: list[Snapshot]) -> tuple[list[Tag], list[Tag]]:
        """The regions and topics of these stories, most stories first, linked to their pages."""
        regions: dict[str, int] = {}
        topics: dict[str, int] = {}
        for s in snaps:
            for r in s.story.regions[:1]:
                regions[r] = regions.get(r, 0) + 1
            for t in s.story.topics[:1]:
                topics[t] = topics.get(t, 0) + 1
        order = lambda d: sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))  # noqa: E731
        return ([Tag(self.region_link(k), n) for k, n in order(regions)],
                [Tag(self.topic_link(k), n) for k, n in order(topics)])

    def day(self, briefing: DayBriefing) -> DayView:
        i = self.site.day_index[briefing.day]
        days = self.site.days
        cards = [self.card(s) for s in briefing.stories]
        top_n = self.site.top_stories
        listed = top_n + DAY_LIST
        left = None
        if len(cards) > listed:
            left = self.search_link(f"{len(cards) - listed} more stories of this day: search them",
                                    **{"from": briefing.day, "to": briefing.day})
        return DayView(
            title=self.day_title(briefing.day),
            day=day_moment(briefing.day),
            stories=len(cards),
            articles=briefing.articles,
            lead=cards[0] if cards else None,
            top=cards[1:top_n],
            more=cards[top_n:listed],
            left=left,
            newer=self.day_link(days[i - 1].day) if i > 0 else None,
            older=self.day_link(days[i + 1].day) if i + 1 < len(days) else None,
            archive=Link("Archive", self.site.url(paths.ARCHIVE)),
        )

    def story(self, story: Story) -> StoryView:
        snap = self.site.whole[story.id]
        shown = Shown()
        shown.take(snap.title)
        summary = snap.summary if shown.take(snap.summary) else ""
        new, facts = self._new_and_facts(story, snap, shown)
        new_ids = set(list(story.arrivals.values())[-1]) if new else set()
        coverage, left = self._coverage(story, snap, new_ids)
        timeline, earlier = self._timeline(story)
        first, last = moment(story.first_date), moment(story.last_date)
        return StoryView(
            headline=snap.title,
            summary=summary,
            kicker=self.kicker(story.regions[:1], story.topics[:1]),
            reports=snap.reports,
            copies=snap.copies,
            first=first,
            last=last,
            new=new,
            facts=facts,
            coverage=coverage,
            left=left,
            find_left=self.search_link(f"Search for the other {left} reports", q=snap.title) if left else None,
            timeline=timeline,
            earlier_days=earlier,
            regions=[self.region_link(r) for r in story.regions],
            countries=[self.site.labels.country(c) for c in story.countries],
            topics=[self.topic_link(t) for t in story.topics],
            why=Why(snap.reports, snap.copies, first, last, list(story.shared_names),
                    [t for t in story.shared_terms if t not in story.shared_names]),
        )

    def _new_and_facts(self, story: Story, snap: Snapshot, shown: Shown) -> tuple[NewSince | None, list[Fact]]:
        """What the latest day brought (when the story spans days), and the key facts, no
        sentence twice. Key facts are grouping's (sentences chosen across reports); without
        them the reports' leads stand in. Those from the latest day's reports show as new."""
        by_id = {a.id: a for a in story.articles}
        if story.key_facts:
            candidates = [(k.article_id, k.text, self._fact_source(k.source, by_id.get(k.article_id))) for k in story.key_facts]
        else:
            candidates = [(a.id, a.summary, self._source(a)) for a in snap.independent if a.summary]
        arrivals = story.arrivals
        new = None
        new_ids: set[str] = set()
        if len(arrivals) > 1:
            (prev, _), (last, ids) = list(arrivals.items())[-2:]
            new_ids = set(ids)
            fresh = [a for a in snap.independent if a.id in new_ids]
            leads = [Fact(text, source) for aid, text, source in candidates if aid in new_ids and shown.take(text)]
            outlets = list({named(a): self._source(a) for a in fresh}.values())
            new = NewSince(day_moment(prev), day_moment(last), len(fresh), len(new_ids) - len(fresh), outlets, leads[:KEY_FACTS])
        facts = [Fact(text, source) for aid, text, source in candidates if aid not in new_ids and shown.take(text)]
        return new, facts[:KEY_FACTS]

    def _coverage(self, story: Story, snap: Snapshot, new_ids: set[str]) -> tuple[list[Outlet], int]:
        """The newest independent reports by outlet, wire copies under their original; and how
        many reports are left out."""
        by_id = {a.id: a for a in story.articles}
        copies = {orig: [by_id[c] for c in cs if c in by_id] for orig, cs in story.copies.items()}
        outlets: dict[str, list[Report]] = {}
        for a in sorted(snap.independent, key=_newest_key)[:REPORTS_SHOWN]:
            outlets.setdefault(named(a), []).append(self.report(a, a.id in new_ids, copies.get(a.id)))
        return [Outlet(name, reports) for name, reports in outlets.items()], max(0, len(snap.independent) - REPORTS_SHOWN)

    def _timeline(self, story: Story) -> tuple[list[TimelineDay], int]:
        """Each day of coverage (when there is more than one) with the outlets that reported;
        and how many earlier days are left out."""
        days = list(story.arrivals.items())
        if len(days) < 2:
            return [], 0
        by_id = {a.id: a for a in story.articles}
        timeline = []
        for day, ids in days[-TIMELINE_DAYS:]:
            names: dict[str, Link] = {}
            for aid in ids:
                names.setdefault(named(by_id[aid]), self._source(by_id[aid]))
            links = list(names.values())
            timeline.append(TimelineDay(day_moment(day), len(ids), links[:TIMELINE_OUTLETS], max(0, len(links) - TIMELINE_OUTLETS)))
        return timeline, max(0, len(days) - TIMELINE_DAYS)

    def _source(self, article: Article) -> Link:
        return Link(named(article), self.site.article_url(article))

    def _fact_source(self, source: str | None, article: Article | None) -> Link:
        if article is None:
            return Link(source or UNNAMED)
        return Link(source or named(article), self.site.article_url(article))

    def article(self, article: Article) -> ArticleView:
        story = self.site.story_of.get(article.id)
        box = None
        if story is not None and self.site.has_page(story):
            snap = self.site.whole[story.id]
            others = [r for aid, r in self._story_reports(story) if aid != article.id][:MORE_ON_STORY]
            box = StoryBox(Link(snap.title, self.site.story_url(story)), snap.reports, snap.copies, others)
        source = article.source
        original = paths.safe_url(article.url)
        return ArticleView(
            title=article.title or article.id,
            lang=language(article.lang),
            kicker=article.section or self.kicker(article.regions[:1] or ([article.region] if article.region else []), []),
            standfirst="" if _opens(article.body, article.summary) else article.summary,
            outlet=source,
            agency=article.agency if article.agency != source else None,
            dateline=article.dateline,
            authors=list(article.authors),
            time=moment(article.date),
            caption=article.image,
            caption_labelled=bool(article.image) and caption.is_labelled(article.image),
            original=Link(f"Read the original at {source}" if source else "Read the original", original) if original else None,
            day=self.day_link(article.day, self.day_title(article.day)) if article.day else None,
            regions=[self.region_link(r) for r in dict.fromkeys(article.regions or ([article.region] if article.region else []))],
            countries=[self.site.labels.country(c) for c in article.countries],
            topics=[self.topic_link(t) for t in article.topics],
            story=box,
        )

    def _story_reports(self, story: Story) -> list[tuple[str, Report]]:
        """The first reports of a story, once per story: each of its articles' pages leaves itself out."""
        rows = self._reports.get(story.id)
        if rows is None:
            indep = sorted(self.site.whole[story.id].independent, key=_newest_key)[: MORE_ON_STORY + 1]
            rows = self._reports[story.id] = [(a.id, self.report(a)) for a in indep]
        return rows

    def facet(self, kind: str, slug: str) -> FacetView:
        site = self.site
        if kind == "region":
            snaps, label, feed_kind = site.by_region[slug], site.labels.region(slug), "regions"
            related_of, link_of = (lambda s: s.story.topics), self.topic_link
        else:
            snaps, label, feed_kind = site.by_topic[slug], site.labels.topic(slug), "topics"
            related_of, link_of = (lambda s: s.story.regions), self.region_link
        in_edition = {s.id for s in site.edition.stories}
        now = edition.rank(s for s in snaps if s.id in in_edition)[: site.top_stories]
        shown_now = {s.id for s in now}
        # On a region's page a card's kicker names its topic only, and the other way round.
        kicker = (lambda s: self.kicker([], s.story.topics[:1])) if kind == "region" else (lambda s: self.kicker(s.story.regions[:1], []))
        card = lambda s: dataclasses.replace(self.card(s), kicker=kicker(s))  # noqa: E731
        top = [card(s) for s in now]
        earlier = [card(s) for s in snaps if s.id not in shown_now][: self.list_limit]
        counts: dict[str, int] = {}
        for s in snaps:
            for k in related_of(s):
                counts[k] = counts.get(k, 0) + 1
        related = [Tag(link_of(k), n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_TAGS]]
        feeds = [Link("Atom feed", site.url(paths.feed_uri(feed_kind, slug, "xml"))),
                 Link("JSON Feed", site.url(paths.feed_uri(feed_kind, slug, "json")))]
        shown = len(top) + len(earlier)
        search = self.search_link(f"Search all {len(snaps)} stories in {label}", **{kind: slug}) if len(snaps) > shown else None
        return FacetView(kind, label, feeds, top, earlier, len(snaps), search, related)

    def index(self, kind: str) -> IndexView:
        groups = self.site.by_region if kind == "region" else self.site.by_topic
        link = self.region_link if kind == "region" else self.topic_link
        tags = sorted((Tag(link(k), len(v)) for k, v in groups.items()), key=lambda t: t.link.text.lower())
        return IndexView("Regions" if kind == "region" else "Topics", kind, tags)

    def archive(self) -> ArchiveView:
        months: dict[str, list[ArchiveDay]] = {}
        for d in self.site.days:
            m = day_moment(d.day)
            label = m.text.split(" ", 1)[1] if m else d.day[:7]
            link = Link(m.text if m else d.day, self.site.url(paths.day_uri(d.day)))
            months.setdefault(label, []).append(ArchiveDay(link, len(d.stories), d.articles,
                                                           d.stories[0].title if d.stories else ""))
        return ArchiveView("Archive", [ArchiveMonth(k, v) for k, v in months.items()])

    def search(self) -> SearchView:
        days = [d.day for d in self.site.days]
        return SearchView(
            "Search",
            [Option(paths.slug(k), self.site.labels.region(k)) for k in sorted(self.site.by_region, key=self.site.labels.region)],
            [Option(paths.slug(k), self.site.labels.topic(k)) for k in sorted(self.site.by_topic, key=self.site.labels.topic)],
            min(days) if days else None,
            max(days) if days else None,
        )


# -- small pure helpers -------------------------------------------------------------------------

UNNAMED = "Outlet not named"


def outlet(article: Article) -> str | None:
    """Who published an article: its outlet, else its web address's host, else its wire agency."""
    if article.source:
        return article.source
    host = urlsplit(paths.safe_url(article.url) or "").hostname
    return host.removeprefix("www.") if host else article.agency or None


def named(article: Article) -> str:
    """The outlet of an article, or words that say it is not known."""
    return outlet(article) or UNNAMED


_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def language(value: str | None) -> str | None:
    """A language tag fit for a ``lang`` attribute, or None."""
    return value.lower() if value and _LANG.fullmatch(value) else None


def _latest_date(snap: Snapshot) -> str | None:
    dated = [a for a in snap.articles if a.date]
    return max(dated, key=_instant_key).date if dated else None


def _newest_date(snaps: list[Snapshot], now: float | None) -> str | None:
    """The date of the newest article of these stories not after ``now``."""
    best, best_t = None, None
    for s in snaps:
        for a in s.articles:
            t = instant(a.date)
            if t is not None and (now is None or t <= now) and (best_t is None or t > best_t):
                best, best_t = a.date, t
    return best


def _instant_key(a: Article) -> float:
    t = instant(a.date)
    return t if t is not None else float("-inf")


def _newest_key(a: Article) -> tuple[float, str]:
    return (-_instant_key(a), a.id)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_WORD = re.compile(r"\w+")


def sentences(text: str) -> list[str]:
    """The sentences of a text (split after ., ! or ? and a space)."""
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


class Shown:
    """The sentences already on a page, so that none is shown twice."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def take(self, text: str) -> bool:
        """True (and remember its sentences) when none of the text's sentences is on the page yet."""
        keys = {" ".join(_WORD.findall(s.lower())) for s in sentences(text)} - {""}
        if not keys or keys & self.keys:
            return False
        self.keys |= keys
        return True


def _opens(body: str, summary: str) -> bool:
    """Whether the body's first paragraph is the summary (a lede standing in for a standfirst),
    also after a dateline ("NAIROBI (AFP) - Kenya has moved ...": the summary is the lede without it)."""
    if not summary:
        return True
    norm = lambda t: " ".join(_WORD.findall(t.lower()))  # noqa: E731
    first = norm(body.lstrip().split("\n\n", 1)[0][: len(summary) + 200])
    lede = norm(summary)[:120]
    return first.startswith(lede) or (len(lede) >= 40 and lede in first[:len(lede) + 80])
