"""HTML pages to their parts: trafilatura finds the story, our parsers read it.

trafilatura is the best open article extractor we know of; its metadata (title, date,
author, site name, image, language) is kept. On top of it we drop the furniture lines
it lets through (captions, credits, share prompts: the same checks as the page-text
path) and read the dateline and the wire credit from the lede and the credit lines,
so a page gives the same parts whichever form it arrives in.
"""
from __future__ import annotations

import html as htmllib
import re

import trafilatura

from . import metadata as md
from .language import detect as detect_language
from .pagetext import fold_line, split_furniture
from .parts import PageText

# Precision-leaning extraction scores better on news pages: navigation teasers and
# "related" blocks are what recall mode lets in (see benchmarks/bench_extraction.py).
_OPTIONS = dict(favor_precision=True, include_comments=False, include_tables=True, with_metadata=True)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.I | re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)", re.I)


def parse_html(html: str, url: str | None = None) -> PageText:
    """The parts of a news page's HTML. An empty PageText when nothing could be extracted."""
    doc = trafilatura.bare_extraction(html, url=url, **_OPTIONS)
    if doc is None:
        return PageText(url=url)
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()]
    title = (doc.title or "").strip()
    story, furniture = split_furniture(paragraphs, title)
    headlines = {fold_line(t) for t in (title, _headline(html)) if t}
    while story and fold_line(story[0]) in headlines:
        furniture.append(story.pop(0))  # the <h1> reworded from og:title is still the headline
    lede = story[0] if story else ""
    dateline = md.parse_dateline(lede) if lede else None
    caption = _caption(html)
    return PageText(
        title=title,
        summary=(doc.description or "").strip() or (lede[dateline.end :] if dateline else lede),
        body="\n\n".join(story),
        section=(doc.categories or [None])[0],
        dateline=dateline.city if dateline else None,
        agency=md.choose_agency(dateline, furniture, title, caption, "\n".join(story)),
        date=doc.date or None,
        authors=_authors(doc.author, furniture),
        image=caption or doc.image or None,
        source=(doc.sitename or "").strip() or None,
        lang=doc.language or _page_language(html) or detect_language(f"{title}\n\n" + "\n\n".join(story)),
        url=url or doc.url or None,
    )


def _authors(author: str | None, furniture: list[str]) -> list[str]:
    """trafilatura's author field ("A; B"), else the byline lines it let through."""
    if author:
        return [a.strip() for a in re.split(r";|\band\b", author) if a.strip() and not md.canonical_agency(a)]
    names: list[str] = []
    for line in furniture:
        names += [n for n in md.parse_byline(line) or [] if n not in names]
    return names


def _caption(html: str) -> str | None:
    """The first <figcaption>'s text: the lead photo's caption and credit."""
    at = html.find("<figcaption")
    if at < 0:
        at = html.lower().find("<figcaption")
    m = _FIGCAPTION.match(html[at : at + 5000]) if at >= 0 else None
    if not m:
        return None
    text = " ".join(htmllib.unescape(_TAG.sub(" ", m[1])).split())
    return text or None


def _headline(html: str) -> str | None:
    """The first <h1>'s text: the headline as the page prints it, which may differ
    from the og:title or <title> trafilatura reports."""
    at = html.find("<h1")
    if at < 0:
        at = html.lower().find("<h1")
    m = _H1.match(html[at : at + 2000]) if at >= 0 else None
    if not m:
        return None
    return " ".join(htmllib.unescape(_TAG.sub(" ", m[1])).split()) or None


def _page_language(html: str) -> str | None:
    """The language the page declares on its <html> element, as a BCP 47 tag."""
    m = _HTML_LANG.search(html[:5000])
    return m[1].replace("_", "-") if m else None
