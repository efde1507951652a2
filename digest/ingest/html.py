"""HTML pages to their parts: trafilatura finds the story, the page's own markup says the rest.

trafilatura is the best open article extractor we know of: its choice of paragraphs is
the story. Its metadata is taken raw from the page, site names and CMS defaults and all,
so the metadata is read here from the page's own evidence instead: the printed <h1>
(kicker spans left out) reconciled with og:title, JSON-LD and <title>; the dates, authors,
site name, section and language that meta tags and JSON-LD declare; <figcaption>s and
breadcrumb trails. The page's visible text, read by the page-text extractor under that
headline, adds what only the page prints: bylines and stamps under the headline, credit
lines, the footer's copyright line. Both paths then share every metadata step.
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from typing import Any, Iterator

import trafilatura
from htmldate import find_date
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from . import headline, outlet
from .byline import parse_byline
from .dates import is_relative_stamp, publication_date, stamp
from .furniture import kind_of, split_furniture
from .lines import fold, size
from .pagetext import parse_page_text
from .parts import Declared, Page
from .wordlists import load_data

# Precision-leaning extraction scores better on news pages: navigation teasers and
# "related" blocks are what recall mode lets in (see benchmarks/bench_extraction.py).
_OPTIONS = dict(favor_precision=True, include_comments=False, include_tables=True, with_metadata=True)
_DATA: dict = load_data("html.yaml")  # type: ignore[assignment]
_KICKER = re.compile("|".join(re.escape(c) for c in _DATA["kicker_classes"]), re.I)
_BREADCRUMB = re.compile("|".join(re.escape(c) for c in _DATA["breadcrumb_classes"]), re.I)
_INVISIBLE = frozenset(_DATA["invisible_tags"])
_BLOCKS = frozenset(_DATA["block_tags"])
_ARTICLE_TYPES = frozenset(_DATA["article_types"])
_META: dict[str, list[str]] = _DATA["meta"]
_STAMP_CLASS = re.compile(r"date|time|stamp", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def parse_html(html: str, url: str | None = None) -> Page:
    """The parts of a news page's HTML. An empty Page when nothing could be extracted."""
    tree = load_html(html)
    if tree is None:
        return Page(url=url)
    declared, printed, whole = _declared(tree)
    doc = trafilatura.bare_extraction(tree, url=url, date_extraction_params=set_date_params(extensive=False), **_OPTIONS)
    if doc is not None:
        _add_trafilatura(declared, doc)
    text = visible_text(tree)
    shown = {fold(h) for h in printed + whole}
    declared.site_names = [n for n in declared.site_names if fold(n) not in shown or len(n.split()) <= SITE_NAME_WORDS]
    names = declared.site_names + outlet.names_in(text, url)
    title = headline.reconcile(printed, declared.titles, names) or ""
    view = None
    if not headline.confirmed(title, declared.titles, names):
        view = _anchored(text, title, declared.titles, names)  # an <h1> like "News" or "Aktuelles"
        title = view.headline if view else title
    declared.site_names += [site for site in (headline.site_of(t, title) for t in declared.titles) if site]
    view = view or parse_page_text(text, title=title or None)
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()] if doc is not None else []
    story, furniture = split_furniture(paragraphs, title, declared.captions)
    headlines = {fold(t) for t in [title, *printed, *whole, *declared.titles] if t}
    while story and fold(story[0]) in headlines:
        furniture.append(story.pop(0))  # the headline, with its kicker or reworded, is not the story
    story = _lede_first(view.story, story)
    standfirst = _standfirst(view, story, headlines, declared.captions)
    header, above = view.header, view.above
    again = [i for i, line in enumerate(header) if title and fold(line).startswith(fold(title))]
    if again:  # the view read an earlier printing of the headline (a teaser's, a gallery's): the header is under the last
        if again[-1] > 0:
            above = header[max(0, again[-1] - 3) : again[-1]]
        header = _tail(header[again[-1]], title) + header[again[-1] + 1 :]
    menu = _menu_items(tree)
    above = [line for line in above if fold(line) not in menu]  # a menu's last item is no section label
    opening = _opening(view.lines, title, story)
    if opening is not None:
        at, start = opening
        ledes = [p for p in _ledes(view.lines[at + 1 : start], title, declared.captions) if fold(p) not in headlines]
        known = {fold(p) for p in story} | ({fold(standfirst)} if standfirst else set())
        ledes = [p for p in ledes if fold(p) not in known]
        if ledes and not standfirst:  # not into the story: a pull quote, a promo or an unmarked caption sits there too
            standfirst = ledes[0]
    page = Page(
        headline=title,
        standfirst=standfirst,
        story=story,
        header=header,
        above=above,
        after=view.after,
        credits=furniture + view.credits,
        captions=view.captions,
        top=view.top,
        bottom=view.bottom,
        lines=view.lines,
        title_site=view.title_site,
        declared=declared,
        url=url or (doc.url if doc is not None else None) or None,
    )
    if publication_date(page) is None:  # no date the page declares or prints where a stamp sits: search its whole text
        found = find_date(tree, **set_date_params(extensive=True))
        if found:
            declared.published.append(found)
    return page


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


def _add_trafilatura(declared: Declared, doc: Any) -> None:
    """trafilatura's metadata as the weakest declared evidence (it reads the same tags)."""
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


# --- what the markup declares -------------------------------------------------------------------


def _declared(tree: Any) -> tuple[Declared, list[str], list[str]]:
    """The page's declared metadata, and the texts of its <h1>s: kickers left out, and whole."""
    d = Declared()
    meta: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        value = (el.get("content") or el.get("datetime") or "").strip()
        if key and value:
            meta.setdefault(key, []).append(value)
    ld = list(_json_ld(tree))
    article = next((o for o in ld if _types(o) & _ARTICLE_TYPES), {})
    d.titles = _texts([article.get("headline")] + _metas(meta, "titles") + [_title(tree)])
    d.published = _texts([article.get("datePublished")] + _itemprop(tree, "datePublished") + _metas(meta, "published"))
    d.published = [_midnight(v) for v in d.published]
    d.modified = _texts([article.get("dateModified")] + _metas(meta, "modified"))
    d.authors = _texts(_names(article.get("author")) + _metas(meta, "authors"))
    d.site_names = _texts(_metas(meta, "site_names") + _names(article.get("publisher")))  # the masthead's name before the company's
    sections = article.get("articleSection")
    d.section = (_texts(sections if isinstance(sections, list) else [sections]) + _metas(meta, "sections") + [None])[0]
    d.breadcrumbs = _breadcrumbs(tree, ld)
    d.lang = (_texts([tree.get("lang"), article.get("inLanguage")] + _metas(meta, "lang")) + [None])[0]
    d.description = (_texts(_metas(meta, "descriptions")) + [None])[0]
    d.captions = _texts([" ".join(el.text_content().split()) for el in tree.iter("figcaption")])
    h1s = list(tree.iter("h1"))
    return d, _texts(_h1(el) for el in h1s), _texts(" ".join(el.text_content().split()) for el in h1s)


_UTC_MIDNIGHT = re.compile(r"^(\d{4}-\d\d-\d\d)[T ](22|23):00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


def _midnight(value: str) -> str:
    """A day the CMS stored as local midnight and declares in UTC ("2026-11-04T23:00:00Z" for
    5 November in Berlin) as that day, without a time: the page gave none."""
    m = _UTC_MIDNIGHT.match(value)
    if not m:
        return value
    try:
        return (dt.date.fromisoformat(m[1]) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return value


def _menu_items(tree: Any) -> set[str]:
    """The link texts of the page's navigation menus (folded): site sections, not the story's."""
    return {fold(" ".join(a.text_content().split())) for a in tree.xpath('//nav//a | //*[@role="navigation"]//a')}


def _metas(meta: dict[str, list[str]], field: str) -> list[str]:
    return [v for key in _META[field] for v in meta.get(key, [])]


def _texts(values) -> list[str]:
    """Declared strings, spaces folded and entities decoded (some CMSs escape twice: "&amp;uuml;")."""
    out: list[str] = []
    for v in values:
        if isinstance(v, str):
            v = " ".join(htmllib.unescape(v).split())
            if v and v not in out:
                out.append(v)
    return out


def _title(tree: Any) -> str | None:
    for el in tree.iter("title"):
        return el.text_content()
    return None


def _itemprop(tree: Any, name: str) -> list[str]:
    return [el.get("content") or el.get("datetime") or "" for el in tree.xpath(f'//*[@itemprop="{name}"]')]


def _h1(el: Any) -> str:
    """An <h1>'s headline: its text without kicker, section and hidden-separator parts."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and (child.tag == "small" or _KICKER.search(child.get("class") or "")):
            parts.append(child.tail or "")
            continue
        parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    text = " ".join("".join(parts).split())
    whole = " ".join(el.text_content().split())
    return text if len(text.split()) >= 2 else whole


def _json_ld(tree: Any) -> Iterator[dict]:
    """Every JSON-LD object of the page, @graph members included."""
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text_content().strip() or "null")
        except (json.JSONDecodeError, ValueError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
                yield item
            elif isinstance(item, list):
                stack.extend(item)


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return {t} if isinstance(t, str) else {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD person or organisation (or a list of them, or a plain string)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _breadcrumbs(tree: Any, ld: list[dict]) -> list[str]:
    """The breadcrumb trail's steps, home first: JSON-LD BreadcrumbList, else an element
    whose class, id or label says breadcrumb."""
    for obj in ld:
        if "BreadcrumbList" in _types(obj):
            items = obj.get("itemListElement") or []
            steps = []
            for it in items if isinstance(items, list) else []:
                if isinstance(it, dict):
                    name = it.get("name") or (it.get("item") or {}).get("name") if isinstance(it.get("item"), dict) else it.get("name")
                    if isinstance(name, str):
                        steps.append(" ".join(name.split()))
            if steps:
                return steps
    for el in tree.iter("nav", "ol", "ul", "div", "p"):
        marker = " ".join(filter(None, [el.get("class"), el.get("id"), el.get("aria-label")]))
        if marker and _BREADCRUMB.search(marker):
            steps = [" ".join(a.text_content().split()) for a in el.iter("a", "span", "li") if a.tag in ("a", "li") or not len(a)]
            return [s for s in dict.fromkeys(steps) if s]
    return []


# --- the visible text -------------------------------------------------------------------------


def visible_text(tree: Any) -> str:
    """The page's text as a browser shows it without scripts or styles (innerText): one line
    per block, blank lines around paragraphs, hidden and script elements left out."""
    out: list[str] = []
    line: list[str] = []

    def flush(blank: bool = False) -> None:
        text = " ".join("".join(line).split())
        line.clear()
        if text:
            out.append(text)
        if blank and out and out[-1] != "":
            out.append("")

    body = next(iter(tree.iter("body")), tree)
    stack: list[tuple[Any, bool]] = [(body, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if not isinstance(el, _Tail):
                flush(blank=el.tag == "p")
            if el.tail:
                line.append(el.tail)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _INVISIBLE or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            if el.tail:
                line.append(el.tail)
            continue
        if tag == "br":
            flush()
            if el.tail:
                line.append(el.tail)
            continue
        block = tag in _BLOCKS or tag == "p"
        if block:
            flush(blank=tag == "p")
        elif (tag == "time" or _STAMP_CLASS.search(el.get("class") or "")) and "".join(line).rstrip().endswith((".", "!", "?")):
            flush()  # a stamp set after a standfirst's last sentence is a line of its own (a stylesheet puts it there)
        if tag in ("td", "th"):
            line.append(" ")
        if el.text:
            line.append(el.text)
        if block:
            stack.append((el, True))
        else:
            stack.append((_Tail(el.tail), True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return "\n".join(out)


class _Tail:
    """The end of an inline element: only its tail text follows."""

    tag = "#inline"

    def __init__(self, tail: str | None) -> None:
        self.tail = tail
