"""What a page's HTML markup declares about it: meta tags, JSON-LD, <h1>s, <figcaption>s,
breadcrumb trails and the labels over the headline.

Declared metadata is strong evidence but taken raw carries CMS defaults: a section as a
slug ("travel"), a trail's home step, a day stored as local midnight in UTC, a menu item
or a photo credit over the <h1>. Each is read here as the page means it, for the steps in
``pipeline`` to weigh against what the page prints.
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from typing import Any, Iterator
from urllib.parse import urlsplit

from . import headline
from .byline import is_name, parse_byline
from .dates import is_relative_stamp, stamp
from .lines import fold, size
from .parts import Declared
from .visible import visible_text
from .wordlists import load_data

_DATA: dict = load_data("html.yaml")  # type: ignore[assignment]
_KICKER = re.compile("|".join(re.escape(c) for c in _DATA["kicker_classes"]), re.I)
_BREADCRUMB = re.compile("|".join(re.escape(c) for c in _DATA["breadcrumb_classes"]), re.I)
_ARTICLE_TYPES = frozenset(_DATA["article_types"])
_META: dict[str, list[str]] = _DATA["meta"]
_LABEL_CLASS = re.compile(r"kicker|categor|rubri|ressort|section|topline|overline|dachzeile|eyebrow", re.I)


def read_declared(tree: Any) -> tuple[Declared, list[str], list[str]]:
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
    d.titles = _unbroken(_texts([article.get("headline")] + _metas(meta, "titles") + [_title(tree)]))
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
    d.captions = _texts([" ".join(visible_text(el).split()) for el in tree.iter("figcaption")])  # its blocks apart
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


def section_trail(steps: list[str], title: str) -> list[str]:
    """A breadcrumb trail's section steps: without separators and "You are here:" labels, without
    its first step (the home page, under whatever name: "Home", "Startseite", "example.org") and
    without its last when that is the story itself (its headline, or the headline cut short: "...")."""
    steps = [s for s in steps if any(ch.isalnum() for ch in s) and not s.rstrip().endswith(":")]
    if len(steps) >= 2:
        steps = steps[1:]
    if steps and title and (headline.same_headline(steps[-1], title) or steps[-1].endswith(("...", "…"))):
        steps = steps[:-1]
    return steps


def as_printed(tree: Any, slug: str, trail: list[str]) -> str:
    """A section declared as a slug ("travel", "crime-safety") as the page prints it: its
    breadcrumb step or a link's text ("Travel", "Crime & Safety"), else the slug read as words
    ("Crime safety")."""
    def key(text: str) -> str:  # "Shipping & Ports", "shipping-and-ports": "shippingports"
        return re.sub(r"[\W_]+", "", re.sub(r"\b(?:and|und|et|y)\b", "", text.casefold()))

    want = key(slug)
    for text in trail + [" ".join(a.text_content().split()) for a in tree.iter("a")]:
        text = text.strip(" >»/|:")
        if key(text) == want and not text.islower() and not text.isupper():  # not a menu's capitals
            return text
    return slug.replace("-", " ").replace("_", " ").capitalize()


LABEL_WORDS_ABOVE = 4  # a line this short over the headline reads as a section label
LABEL_CHILDREN = 3  # a label's element holds little markup (a link around a <span>)


def labels_shown(tree: Any, above: list[str], sites: set[str]) -> list[str]:
    """The lines over the headline, from the nearest short line that the markup does not make a
    label on (a label: a link to a section page, not the home page, an item of the navigation
    menu nor a "skip to" anchor; or a kicker's element): a credit, the site's name or a menu
    item is no section. Bylines stay."""
    short = [line for line in above if size(line) <= LABEL_WORDS_ABOVE and stamp(line) is None and not is_relative_stamp(line)]
    if not short:
        return above
    want = {fold(line) for line in short}
    shown = set()
    firsts = {key.split()[0] for key in want if key}
    for el in _around_headline(tree).iter("a", "span", "div", "p", "strong", "em", "b"):  # texts only of small elements
        head = (el.text or "").split()
        if len(el) > LABEL_CHILDREN or (head and fold(head[0]) not in firsts):
            continue
        link = el.tag == "a" and _section_link(el.get("href") or "#")
        if not link and not _LABEL_CLASS.search(el.get("class") or ""):
            continue
        key = fold(" ".join("".join(el.itertext()).split()))
        if key in want and not (link and _in_menu(el)):
            shown.add(key)
    cut = max((i + 1 for i, line in enumerate(above) if line in short and fold(line) not in shown and (fold(line) in sites or not _byline_like(line))), default=0)
    return above[cut:]  # from the nearest line that is no label on: what lies above it is further still


def _section_link(href: str) -> bool:
    """A link to a page of the site other than its home page ("/", "https://example.org/"): not
    an anchor on this page ("#main") nor a script."""
    if href.startswith(("#", "javascript:", "mailto:")):
        return False
    return urlsplit(href).path.strip("/") != ""


def _byline_like(line: str) -> bool:
    """A byline over the headline ("Von Jane Roe", "Herausgeber: Nordex SE", a name alone): kept for the byline step."""
    return bool(parse_byline(line)) or is_name(line)


def _around_headline(tree: Any) -> Any:
    """The part of the page a label over the headline sits in: the <h1>'s container a few
    levels up (the whole page when there is no <h1>)."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return tree
    for _ in range(HEADLINE_CONTAINER_LEVELS):
        parent = h1.getparent()
        if parent is None or parent.tag == "body":
            break
        h1 = parent
    return h1


HEADLINE_CONTAINER_LEVELS = 4


def _in_menu(el: Any) -> bool:
    """An element inside the page's navigation menu."""
    return any(a.tag == "nav" or a.get("role") == "navigation" for a in el.iterancestors())


_QUOTES = ('"', "“", "„", "«", "‘", "'")


def _unbroken(titles: list[str]) -> list[str]:
    """Titles without those a CMS cut at a quote mark it did not escape (content="... de "x""
    ends at "de"): another declared title goes on from there with the quote."""
    return [t for t in titles if not any(o.startswith(t) and o[len(t) :].lstrip().startswith(_QUOTES) for o in titles if o != t)]


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
