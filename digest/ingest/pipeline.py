"""One raw record to one enriched Article: extraction, metadata, geography, topics.

``build_article`` is a pure function of the record and the options, so it can run in
worker processes (``digest ingest --workers``) and give the same article byte for
byte wherever it runs. Writing is the store's job, in the calling process.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from ..enrich import geography, topics
from ..model import Article, split_front_matter
from .dates import normalise_date
from .pagetext import parse_page_text
from .parts import PageText
from .readers import RawInput

SUMMARY_MAX_CHARS = 300


@dataclass(frozen=True)
class IngestOptions:
    """What ingest takes from mkdocs.yml: plain data, so it crosses process boundaries."""

    regions: dict[str, Any] | None = None  # region scheme override (see enrich/data/regions.yml)
    topics: dict[str, Any] | None = None  # topic lexicon extension/override (see enrich/data/topics.yml)
    time_limit: float = 30.0  # seconds one input may take before it is given up

    @classmethod
    def from_plugin_options(cls, options: dict[str, Any]) -> "IngestOptions":
        """Once per batch; ``topics: {learn: ...}`` is resolved here into plain lexicon terms."""
        from ..enrich.topic_learn import resolve_learning

        return cls(regions=options.get("regions"), topics=resolve_learning(options.get("topics")))


def build_article(raw: RawInput, options: IngestOptions | None = None) -> Article:
    """Extract, parse and enrich one input. Raises ValueError with a reason on bad input."""
    options = options or IngestOptions()
    if raw.kind == "markdown":
        return _enrich(_from_markdown(raw), options, keep_existing=True)
    record = raw.record
    if raw.kind == "html" or (record.get("html") and not str(record.get("text") or "").strip()):
        from .html import parse_html  # trafilatura is slow to import; text-only batches never pay for it

        parts = parse_html(str(record["html"]), record.get("url"))
    else:
        parts = parse_page_text(str(record.get("text") or ""))
    article = _from_parts(parts, record, raw_text=str(record.get("text") or record.get("html") or ""))
    if not article.body.strip() and not article.title.strip():
        raise ValueError("no article text found")
    return _enrich(article, options)


def _from_parts(parts: PageText, record: dict[str, Any], raw_text: str) -> Article:
    """Combine what the page says with what the record says; the record's fields win."""
    title = str(record.get("title") or parts.title or "").strip()
    body = inert_markup(parts.body.strip() or fallback_body(raw_text if not record.get("html") else "", title))
    summary = str(record.get("summary") or parts.summary or "").strip() or lede(body)
    authors = record.get("authors") or parts.authors
    return Article(
        id=str(record.get("id") or "") or derive_id(record.get("url") or parts.url, raw_text),
        title=title or first_words(body),
        summary=summary,
        date=normalise_date(record.get("date")) or parts.date,
        source=record.get("source") or parts.source,
        url=record.get("url") or parts.url,
        section=record.get("section") or parts.section,
        dateline=parts.dateline,
        agency=parts.agency,
        authors=[str(a) for a in authors or []],
        image=parts.image,
        lang=record.get("lang") or parts.lang,
        body=body,
    )


def _from_markdown(raw: RawInput) -> Article:
    """An article already in Markdown: its front matter is kept as written."""
    meta, body = split_front_matter(raw.record["markdown"])
    article = Article.from_front_matter(meta, body.strip())
    if not article.title:
        m = re.match(r"#\s+(.+)", article.body)
        if m:
            article.title = m.group(1).strip()
            article.body = article.body[m.end():].strip()
    if not article.id:
        article.id = derive_id(article.url, raw.record["markdown"])
    if article.date:
        article.date = normalise_date(article.date) or article.date
    if not article.summary:
        article.summary = lede(article.body)
    if not article.body.strip() and not article.title:
        raise ValueError("no article text found")
    return article


def _enrich(article: Article, options: IngestOptions, keep_existing: bool = False) -> Article:
    """Geography and topics; with keep_existing, values already set are left alone."""
    if not (keep_existing and article.countries):
        geo = geography.locate(
            article.title, article.summary, article.body, article.dateline,
            scheme=geography.load_region_scheme(options.regions) if options.regions else None,
        )
        article.countries, article.region, article.regions = list(geo.countries), geo.region, list(geo.regions)
    if not (keep_existing and article.topics):
        article.topics = topics.classify(
            article.title, article.summary, article.body, article.section, article.url,
            lexicon=topics.load_lexicon(options.topics) if options.topics else None,
        )
    return article


def fallback_body(raw_text: str, title: str) -> str:
    """When extraction finds no story, keep the input's own paragraphs: nothing is lost.

    Short items (a two-line wire brief) can look like chrome to an extractor; the text
    the user gave us is still the best body we have.
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw_text)]
    return "\n\n".join(p for p in paragraphs if p and p != title)


def inert_markup(text: str) -> str:
    """Make extracted text show as text: a ``<`` from a page never opens a tag in Markdown.

    Extracted bodies are plain prose; any angle bracket in them is a character to show,
    not markup to run. (Hand-written ``.md`` articles keep their HTML; the site
    sanitises every rendered page anyway.)
    """
    return text.replace("<", "&lt;")


def warm_up(options: IngestOptions) -> None:
    """Load the enrichment data (gazetteer, lexicon) now, so forked workers share one copy."""
    _enrich(Article(id="warm-up", title="Warm-up", body="Warm-up in Paris."), options)


def derive_id(url: str | None, raw_text: str) -> str:
    """A stable id for inputs without one: from the URL when known, else from the input.

    The input as given, not what we extract from it, so that a better extractor next
    month gives the same article the same id (and the same file).
    """
    basis = (url or "").strip() or " ".join(raw_text.split())
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def lede(body: str) -> str:
    """The first paragraph of a body, cut at a sentence end near SUMMARY_MAX_CHARS."""
    for para in body.split("\n\n"):
        para = para.strip()
        if para and not para.startswith(("#", "!", ">", "|")):
            return cut(para, SUMMARY_MAX_CHARS)
    return ""


def first_words(body: str, n: int = 12) -> str:
    words = body.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def cut(text: str, limit: int) -> str:
    """Shorten text to about limit characters, at a sentence end when one is near."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if end > limit // 2:
        return head[: end + 1]
    return head.rsplit(" ", 1)[0] + "…"
