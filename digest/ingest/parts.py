"""What an extractor finds in one page: the shared result of the text and HTML paths."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageText:
    """The parts of a news page, before enrichment.

    ``body`` is Markdown (paragraphs separated by blank lines) holding the story only:
    no headline, no standfirst line repeated, no caption, no chrome. ``date`` is ISO 8601
    (date or date-time) or None; ``image`` is the lead photo's caption and credit.
    """

    title: str = ""
    summary: str = ""
    body: str = ""
    section: str | None = None
    dateline: str | None = None
    agency: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    image: str | None = None
    source: str | None = None
    lang: str | None = None
    url: str | None = None
