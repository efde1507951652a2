"""One raw record to one enriched Article: the ingest pipeline, read top to bottom.

    read (readers.py) -> extract: page text (pagetext.py) or HTML (html.py) -> Page
      -> headline, story -> dateline and agency (dateline.py) -> date (dates.py)
      -> authors (byline.py) -> photo (caption.py) -> outlet (outlet.py) -> section
      -> language -> enrich: geography, topics (../enrich)

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
from ..escaping import escape_markdown, unescape_markdown
from ..model import Article, split_front_matter
from . import byline, caption, dateline, dates, furniture, headline, language, outlet, section
from .dates import normalise_date
from .lines import fold, without_invisible
from .pagetext import parse_page_text
from .parts import Page
from .readers import RawInput

SUMMARY_MAX_CHARS = 300


@dataclass(frozen=True)
class IngestOptions:
    """What ingest takes from mkdocs.yml: plain data, so it crosses process boundaries."""

    regions: dict[str, Any] | None = None  # region scheme override (see enrich/data/regions.yml)
    topics: dict[str, Any] | None = None  # topic lexicon extension/override (see enrich/data/topics.yml)
    time_limit: float = 30.0  # seconds one input may take before it is given up
    profile_shingle: int | None = None  # grouping's copy_shingle, for the stored profiles (None: its default)

    @classmethod
    def from_plugin_options(cls, options: dict[str, Any]) -> "IngestOptions":
        """Once per batch; ``topics: {learn: ...}`` is resolved here into plain lexicon terms."""
        from ..enrich.topic_learn import resolve_learning

        return cls(regions=options.get("regions"), topics=resolve_learning(options.get("topics")),
                   profile_shingle=(options.get("grouping") or {}).get("copy_shingle"))


def build_article(raw: RawInput, options: IngestOptions | None = None) -> Article:
    """Extract, read and enrich one input. Raises ValueError with a reason on bad input."""
    options = options or IngestOptions()
    if raw.kind == "markdown":
        return _enrich(_from_markdown(raw), options, keep_existing=True)
    record = {k: without_invisible(v, html=k == "html") if isinstance(v, str) and k != "id" else v
              for k, v in raw.record.items()}
    text = str(record.get("text") or "")
    if raw.kind == "html" or (record.get("html") and not text.strip()):
        from .html import parse_html  # trafilatura is slow to import; text-only batches never pay for it

        page = parse_html(str(record["html"]), record.get("url"))
    else:
        page = parse_page_text(text, title=str(record.get("title") or "").strip() or None)
    article = read_page(page, record)
    if not article.body.strip() and not article.title.strip():
        raise ValueError("no article text found")
    return _enrich(article, options)


def read_page(page: Page, record: dict[str, Any]) -> Article:
    """The article a page's parts make, step by step; what the record says wins."""
    url = record.get("url") or page.url
    raw_text = str(record.get("text") or record.get("html") or "")
    alone = "" if record.get("title") or page.headline or record.get("html") else _headline_alone(raw_text)
    printed = str(record.get("title") or page.headline or alone).strip()
    title = headline.without_slug(printed)
    if record.get("source") and title:  # an aggregator's "Headline - Example Wire"
        title = headline.strip_site(title, [str(record["source"])])
    authors = [str(a) for a in record.get("authors") or byline.authors(page)]
    story = [p for p in byline.without_author_notes(list(page.story), authors) if not alone or p != alone]
    if story and title:
        story[0] = without_headline(story[0], title)
    if page.standfirst and furniture.is_editors_note(page.standfirst) and page.standfirst not in story:
        story = [page.standfirst, *story]  # a correction printed over the story stays with it, for the reader
    standfirsts = {fold(t) for t in (page.standfirst, page.declared.description) if t}
    # the dateline opens the lede, not the standfirst; an editor's note ("Correction: ...") is no lede
    lede = next((p for p in story if fold(p) not in standfirsts and not furniture.is_editors_note(p)), "")
    found = dateline.parse_dateline(lede) if lede else None
    image = caption.lead(page)
    text = "\n\n".join(story).strip() or fallback_body(raw_text if not record.get("html") else "", printed)
    body = escape_markdown(text)  # the file is Markdown: "1. FC Köln" must not become a list
    lang = language.primary(record.get("lang")) or language.of_page(page, title, text)
    return Article(
        id=str(record.get("id") or "") or derive_id(url, raw_text),
        title=title or first_words(text),
        summary=str(record.get("summary") or "").strip()
        or _summary(_not_a_note(page.standfirst) or (page.declared.description or "").strip()
                    or _lede_summary(lede[found.end :] if found else lede, title)
                    or _lede_summary(lede_of(text), title)),
        date=normalise_date(record.get("date")) or dates.publication_date(page, month_first=lang == "en"),
        source=record.get("source") or outlet.name(page, url),
        url=url,
        section=record.get("section") or section.section(page),
        dateline=found.city if found else None,
        agency=dateline.choose_agency(found, page.credits, title, image, "\n".join(story)),
        authors=authors,
        image=image,
        lang=lang,
        body=body,
    )


def _headline_alone(text: str) -> str:
    """A text that is one headline-sized line (a headline list's item) is that headline.

    The page reader may see no headline in it (nothing below to confirm it); the line is
    still the title, not a body under a title cut from its first words.
    """
    line = " ".join(text.split())
    return line if line and "\n" not in text.strip() and len(line.split()) <= headline.MAX_WORDS else ""


_LABEL_BAR = re.compile(r"^((?:[^|.!?]|(?<=\d)\.){1,60}?)\s*\|\s*(?=\S)")  # no sentence, a date's stops may
LABEL_WORDS = 6  # "Gastbeitrag | ...", "Pressemitteilung vom 25. Januar 2022 | ...": a label this short
SUMMARY_WORDS = 5  # ... before a text at least this long


def _summary(text: str) -> str:
    """A standfirst or lede as its sentences: without a label some sites print before a bar ("Gastbeitrag |
    Warum ..."), a stamp ("06.11.2023, 11.41 Uhr : ...") or a dateline ("Berlin – Die ...") at its start."""
    m = _LABEL_BAR.match(text)
    if m and len(m[1].split()) <= LABEL_WORDS and len(text[m.end():].split()) >= SUMMARY_WORDS:
        text = text[m.end():]
    text = dates.without_stamp(text)
    found = dateline.parse_dateline(text)
    if found and found.city and len(text[found.end:].split()) >= SUMMARY_WORDS and not _shouted(text[found.end:]):
        text = text[found.end:]  # not "ORSO MARSICANO: 2019 UN ANNO DA RECORD": a headline in capitals
    return text


def _not_a_note(text: str | None) -> str:
    """A standfirst, unless it is an editor's note ("Correction: An earlier version ...")."""
    text = (text or "").strip()
    return "" if furniture.is_editors_note(text) else text


def _shouted(text: str) -> bool:
    """Text whose opening words are mostly capitals."""
    letters = [c for c in text[:40] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _lede_summary(lede: str, title: str) -> str:
    """The lede as the summary, whole (the contract's "the lede"; cards clamp it, and enrichment
    reads the summary as the story's lead), unless it is only the headline (a record of a headline alone)."""
    summary = " ".join(lede.split())
    return summary if fold(summary) != fold(title) else ""


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
        article.summary = unescape_markdown(lede_of(article.body))
    if not article.body.strip() and not article.title:
        raise ValueError("no article text found")
    return article


def _enrich(article: Article, options: IngestOptions, keep_existing: bool = False) -> Article:
    """Geography and topics; with keep_existing, values already set are left alone."""
    if not (keep_existing and article.countries):
        geo = geography.locate(
            article.title, article.summary, article.body, article.dateline,
            scheme=geography.load_region_scheme(options.regions) if options.regions else None, lang=article.lang,
        )
        article.countries, article.region, article.regions = list(geo.countries), geo.region, list(geo.regions)
    if not (keep_existing and article.topics):
        article.topics = topics.classify(
            article.title, article.summary, article.body, article.section, article.url,
            lexicon=topics.load_lexicon(options.topics) if options.topics else None, lang=article.lang,
        )
    return article


def fallback_body(raw_text: str, title: str) -> str:
    """When extraction finds no story, keep the input's own paragraphs: nothing is lost.

    Short items (a two-line wire brief) can look like chrome to an extractor; the text
    the user gave us is still the best body we have.
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw_text)]
    return "\n\n".join(p for p in paragraphs if p and p != title)


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


def lede_of(body: str) -> str:
    """The first paragraph of a body, cut at a sentence end near SUMMARY_MAX_CHARS."""
    for para in body.split("\n\n"):
        para = para.strip()
        if para and not para.startswith(("#", "!", ">", "|")):
            return cut(para, SUMMARY_MAX_CHARS)
    return ""


_AFTER_HEADLINE = re.compile(r"\s*[.:]+\s+(?=\S)")


def without_headline(lede: str, title: str) -> str:
    """The lede without the headline some feeds glue to its start ("Headline. CITY - ...").

    Only a headline followed by a full stop or a colon goes: a lede that merely opens
    with the headline's words ("Floods hit Ruritania" over "Floods hit Ruritania's
    capital on Monday") is a sentence and stays whole."""
    n = len(title)
    if len(lede) <= n or lede[:n].casefold() != title.casefold():
        return lede
    m = _AFTER_HEADLINE.match(lede, n)
    return lede[m.end() :] if m else lede


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
