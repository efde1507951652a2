"""HTML pages to their parts: trafilatura finds the story, the page's own markup says the rest.

trafilatura is the best open article extractor we know of: its choice of paragraphs is
the story. Its metadata is taken raw from the page, site names and CMS defaults and all,
so the metadata is read here from the page's own evidence instead: the printed <h1>
(kicker spans left out) reconciled with og:title, JSON-LD and <title>; the dates, authors,
site name, section and language that meta tags and JSON-LD declare; <figcaption>s and
breadcrumb trails (``markup``). The page's visible text (``visible``), read by the page-text extractor under that
headline, adds what only the page prints: bylines and stamps under the headline, credit
lines, the footer's copyright line. Both paths then share every metadata step.
"""
from __future__ import annotations

import re
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from . import headline, outlet
from .byline import is_name, parse_byline
from .dates import is_relative_stamp, normalise_date, publication_date, stamp
from .furniture import kind_of, split_furniture
from .lines import fold, size
from .markup import as_printed, labels_shown, read_declared, section_trail, unfilled
from .pagetext import parse_page_text
from .parts import Declared, Page
from .visible import visible_text

# Precision-leaning extraction scores better on news pages: navigation teasers and
# "related" blocks are what recall mode lets in (see benchmarks/bench_extraction.py).
_OPTIONS = dict(favor_precision=True, include_comments=False, include_tables=True, with_metadata=True)


def parse_html(html: str, url: str | None = None) -> Page:
    """The parts of a news page's HTML. An empty Page when nothing could be extracted."""
    tree = load_html(html)
    if tree is None:
        return Page(url=url)
    declared, printed, whole = read_declared(tree)
    doc = trafilatura.bare_extraction(tree, url=url, date_extraction_params=set_date_params(extensive=False), **_OPTIONS)
    if doc is not None:
        _add_trafilatura(declared, doc)
    text = visible_text(tree)
    shown = {fold(h) for h in printed + whole}
    declared.site_names = [n for n in declared.site_names if fold(n) not in shown or len(n.split()) <= SITE_NAME_WORDS]
    names = declared.site_names + outlet.names_in(text, url)
    title = headline.reconcile(printed, declared.titles, names) or ""
    view = None
    if _names_only(title, declared.site_names + names):
        title = ""  # "ICON • ICON": the masthead's name, not a headline; the visible text's headline below
    if not headline.confirmed(title, declared.titles, names):
        title = _declared_printed(declared.titles, names, title, text) or title  # an <h1> that is the blog's motto
    if not headline.confirmed(title, declared.titles, names):
        view = _anchored(text, title, declared.titles, names)  # an <h1> like "News" or "Aktuelles"
        title = view.headline if view else title
    declared.site_names += [site for site in (headline.site_of(t, title) for t in declared.titles) if site]
    view = view or parse_page_text(text, title=title or None)
    headlines = {fold(t) for t in [title, *printed, *whole, *declared.titles] if t}
    story, furniture = _story(doc, view, title, headlines, declared.captions)
    standfirst = _standfirst(view, story, headlines, declared.captions) or _lede_between(view, title, story, headlines, declared.captions)
    header, above = _under_last_printing(view, title)
    above = labels_shown(tree, above, {fold(n) for n in declared.site_names + names}, url)
    declared.breadcrumbs = section_trail(declared.breadcrumbs, title)
    if declared.section and declared.section.islower():
        declared.section = as_printed(tree, declared.section, declared.breadcrumbs)
    page = Page(
        headline=title,
        standfirst=standfirst,
        story=story,
        header=header,
        above=above,
        after=view.after,
        credits=furniture + view.credits,
        captions=_completed(view.captions, declared.captions),
        top=view.top,
        bottom=view.bottom,
        lines=view.lines,
        title_site=view.title_site,
        declared=declared,
        url=url or (doc.url if doc is not None else None) or None,
    )
    _settle_date(page, tree)
    return page


def _story(doc: Any, view: Page, title: str, headlines: set[str], captions: list[str]) -> tuple[list[str], list[str]]:
    """trafilatura's paragraphs split into the story and the furniture it let through: the
    headline again, a lede the page prints right above, nothing where it found nothing (the
    visible text's story then), headings and prompts closing it."""
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()] if doc is not None else []
    story, furniture = split_furniture(paragraphs, title, captions)
    while story and fold(story[0]) in headlines:
        furniture.append(story.pop(0))  # the headline, with its kicker or reworded, is not the story
    story = _lede_first(view.story, story) or view.story  # trafilatura found nothing: the visible text's story
    for _ in range(TRAILING_LINES):
        if len(story) < 2 or not _trailing_heading(story[-1]):
            break
        furniture.append(story.pop())  # "Schon gelesen?", "More on the outbreak:": a heading over what follows the story
    return story, furniture


def _under_last_printing(view: Page, title: str) -> tuple[list[str], list[str]]:
    """The header cluster and the lines above the headline, read at its last printing over the
    story where the visible text's reading took an earlier one (a teaser's, a gallery's)."""
    header, above = view.header, view.above
    again = [i for i, line in enumerate(header) if title and fold(line).startswith(fold(title))]
    if again:
        if again[-1] > 0:
            above = header[max(0, again[-1] - 3) : again[-1]]
        header = _tail(header[again[-1]], title) + header[again[-1] + 1 :]
    return header, above


def _lede_between(view: Page, title: str, story: list[str], headlines: set[str], captions: list[str]) -> str | None:
    """Where the page has no standfirst: the first paragraph of prose between the headline and
    the story that the extractor left out (a lede in a box). Not into the story: a pull quote,
    a promo or an unmarked caption sits there too."""
    opening = _opening(view.lines, title, story)
    if opening is None:
        return None
    at, start = opening
    known = {fold(p) for p in story} | headlines
    return next((p for p in _ledes(view.lines[at + 1 : start], title, captions) if fold(p) not in known), None)


def _settle_date(page: Page, tree: Any) -> None:
    """Where the page declares no date and prints none where a stamp sits, htmldate's search of
    its whole text; where the date is a printed day, the time the markup declares for that day."""
    declared = page.declared
    date = publication_date(page)
    if date is None:
        found = find_date(tree, **set_date_params(extensive=True))
        if found:
            declared.published.append(found)
    elif len(date) == len("2026-01-01"):
        timed = next((d for d in map(normalise_date, declared.published) if d and len(d) > len(date) and d.startswith(date)), None)
        if timed:
            declared.published.insert(0, timed)


def _anchored(text: str, title: str, declared: list[str], names: list[str]) -> Page | None:
    """The visible text read as page text, when the markup's headline is unconfirmed: its
    headline wins where the page backs it (a byline or date stamp under it, or a declared title
    naming it) and the markup's is a section label or names nothing the page declares."""
    view = parse_page_text(text)
    if not view.headline or fold(view.headline) == fold(title):
        return None
    backed = any(stamp(line) or is_relative_stamp(line) or parse_byline(line) for line in view.header[:HEADER_META_LINES])
    if not title or headline.confirmed(view.headline, declared, names) or (backed and len(title.split()) <= LABEL_WORDS):
        return view
    return None


def _declared_printed(declared: list[str], names: list[str], h1: str, text: str) -> str | None:
    """The strongest declared title (og:title, JSON-LD headline; site name cut) where the page
    prints it as a line of its own or closing one ("Jun 17 Headline"), and the <h1> shares
    next to no word with any declared title: a tagline or a section's name, not a rewording."""
    words = set(_WORD.findall(h1.casefold()))
    cleaned = [headline.strip_site(t, names) for t in declared if t]
    if any(len(words & set(_WORD.findall(t.casefold()))) > UNRELATED_SHARED_WORDS for t in cleaned):
        return None
    keys = [fold(line) for line in text.split("\n")]
    for title in cleaned:
        key = fold(title)
        if len(title.split()) >= DECLARED_TITLE_WORDS and any(k == key or k.endswith(" " + key) for k in keys):
            return title
    return None


def _names_only(title: str, names: list[str]) -> bool:
    """A title made of the site's name and nothing else ("ICON • ICON", "Example Post | Example")."""
    words = set(_ANY_WORD.findall(title.casefold()))
    return bool(words) and words <= {w for n in names for w in _ANY_WORD.findall(n.casefold())}


_ANY_WORD = re.compile(r"\w+")
_WORD = re.compile(r"\w{3,}")
UNRELATED_SHARED_WORDS = 1  # an <h1> sharing more words than this with a declared title may be its rewording
DECLARED_TITLE_WORDS = 4  # a declared title this long printed on the page is the headline
SITE_NAME_WORDS = 4  # a declared "site name" printed as a longer <h1> is the headline (a CMS default)
HEADER_META_LINES = 6  # lines under a headline where its byline or stamp backs it
LABEL_WORDS = 3  # an <h1> this short, unconfirmed, is a section's label ("News", "ICON Magazine")


def _standfirst(view: Page, story: list[str], headlines: set[str], captions: list[str]) -> str | None:
    """The standfirst the page prints over the story: the visible text's, when it sits just above
    the story's first paragraph (not a teaser's line where the headline is printed in a list),
    and is neither the headline printed again (with its kicker) nor a photo's <figcaption>."""
    if not view.standfirst or view.standfirst in story:
        return None
    key = fold(view.standfirst)
    if key in headlines or any(len(h.split()) >= 3 and h in key for h in headlines) or key in {fold(c) for c in captions}:
        return None
    if not story:
        return view.standfirst
    keys = [fold(line) for line in view.lines]
    first = fold(story[0])[:40]
    at = keys.index(fold(view.standfirst))
    below = any(first in key for key in keys[at + 1 : at + 1 + STANDFIRST_REACH])
    return view.standfirst if below else None


def _trailing_heading(line: str) -> bool:
    """A short line without a sentence's end, or asking or announcing ("Read more:"), closing the
    extracted story: the heading of a box after it or a share prompt. Not a list's item (a
    story may end with a list), an embedded post's "— Name (@handle) date" nor a name (a sign-off)."""
    text = line.strip()
    if size(text) > TRAILING_HEADING_WORDS or text.endswith((".", "!", '"', "”", "“", "»", "«", ")", "]", "…")):
        return False
    return not (_LIST_ITEM.match(text) or is_name(text))


_LIST_ITEM = re.compile(r"^(?:[-*•–—·]\s|\d{1,2}[.)]\s)")
TRAILING_HEADING_WORDS = 8
TRAILING_LINES = 3  # headings, prompts and a box's title at the story's end, at most
OPENING_REACH = 25  # lines between the headline's last printing and the story's first paragraph
LEDE_WORDS = 15  # a line this long between them, ending a sentence, is the story's opening


def _opening(lines: list[str], title: str, story: list[str]) -> tuple[int, int] | None:
    """Where the story opens in the visible text: (the headline's last printing above the
    story's first paragraph, that paragraph). The lines between are the header cluster:
    standfirst, byline, stamp, photo; and the lede, where the extractor left it out (set
    apart in an intro box). None when either is not found close together."""
    if not story or not title:
        return None
    first, head = fold(story[0])[:60], fold(title)
    start = next((i for i, line in enumerate(lines) if fold(line)[:60] == first), None)
    if start is None:
        return None
    for at in range(start - 1, max(-1, start - 1 - OPENING_REACH), -1):
        if fold(lines[at]).startswith(head):
            return at, start
    return None


def _tail(line: str, title: str) -> list[str]:
    """What the headline's line prints after it: a byline or stamp ("Headline Jane Roe — 2. Mai")."""
    tail = line[len(title) :].strip(" ,|–—-") if line.startswith(title) else ""
    return [tail] if tail else []


_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "“")


def _ledes(between: list[str], title: str, captions: list[str]) -> list[str]:
    """The paragraphs of prose between the headline and the story's first paragraph: a
    standfirst or a lede in a box. Not captions, credits, bylines, stamps or chrome."""
    shown = {fold(c) for c in captions}
    out = []
    for line in between:
        words = size(line)
        if words < LEDE_WORDS or not line.endswith(_SENTENCE_END) or fold(line) in shown or fold(title) in fold(line):
            continue
        if kind_of(line, fold(line), words)[0]:
            continue
        out.append(line)
    return out


STANDFIRST_REACH = 12  # lines between the standfirst and the story's first paragraph
LEDE_REACH = 1  # paragraphs the page prints under its headline before trafilatura's first


def _lede_first(printed: list[str], story: list[str]) -> list[str]:
    """trafilatura's story with the paragraphs the page prints right above its first one put
    back (a lede set apart in a box): the story's first paragraph is the body's first."""
    if not story or not printed:
        return story
    head = fold(story[0])[:60]
    at = next((i for i, p in enumerate(printed[: LEDE_REACH + 1]) if fold(p)[:60] == head), None)
    if not at:
        return story
    known = {fold(p) for p in story}
    return [p for p in printed[:at] if fold(p) not in known and len(p.split()) >= 8 and p.endswith((".", "!", "?", "”", '"'))] + story


_IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp)\s+", re.I)  # "CSD-Parade.jpg Parade zum ...": a file's name


def _completed(found: list[str], figcaptions: list[str]) -> list[str]:
    """The captions found in the visible text, each as its <figcaption> gives it whole when one
    holds it: a caption and its credit set in separate blocks ("Foto:" / "WITTERS") are one."""
    keys = [(fold(c), c) for c in (_IMAGE_FILE.sub("", c) for c in figcaptions)]
    out = []
    for text in found:
        key = fold(text)
        out.append(next((c for k, c in keys if key and key in k and len(k) > len(key)), text))
    return out


def _add_trafilatura(declared: Declared, doc: Any) -> None:
    """trafilatura's metadata as the weakest declared evidence (it reads the same tags, unfilled
    template fields and all)."""
    for field in ("title", "author", "sitename", "description", "language"):
        if isinstance(getattr(doc, field, None), str) and unfilled(getattr(doc, field)):
            setattr(doc, field, None)
    if doc.title and not declared.titles:
        declared.titles.append(doc.title)  # only then: it is read from the same <h1> and <title>, no confirmation of them
    if doc.date:
        declared.published.append(doc.date)
    if doc.author and not declared.authors:
        declared.authors.append(doc.author)
    if doc.sitename:
        declared.site_names.append(doc.sitename)
    if doc.description and not declared.description:
        declared.description = doc.description
    if doc.categories and not declared.section:
        declared.section = doc.categories[0]
    if doc.language and not declared.lang:
        declared.lang = doc.language
