"""HTML pages to parts: trafilatura's extraction with our furniture filter and metadata parsers."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest.html import parse_html
from digest.ingest.pipeline import read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def harbour():
    return read(PAGES / "harbour_story.html", "https://example.org/harbour")


def read(path: Path, url: str | None = None):
    """What ingest reads from an HTML page (before enrichment)."""
    return read_page(parse_html(path.read_text(encoding="utf-8"), url), {"url": url} if url else {})


def test_metadata_from_the_page(harbour):
    assert harbour.title == "Harbour cranes halted as dockers strike over pay"
    assert harbour.source == "Coastal Times"
    assert harbour.date == "2026-02-11T08:30:00+00:00"  # article:published_time, time and zone kept
    assert harbour.authors == ["Pia Lindqvist"]
    assert harbour.lang == "en"
    assert harbour.url == "https://example.org/harbour"
    assert harbour.summary.startswith("Dock workers in the fictional port of Westhaven")


def test_dateline_agency_and_caption(harbour):
    assert harbour.dateline == "WESTHAVEN"
    assert harbour.agency == "AFP"
    assert harbour.image == "Idle cranes at the container terminal in Westhaven on Tuesday. (Photo: Jon Berg/AFP)"


def test_body_is_the_story_only(harbour):
    paragraphs = harbour.body.split("\n\n")
    assert paragraphs[0].startswith("WESTHAVEN, Norland (AFP) - Dock workers")
    assert paragraphs[-1].startswith("Retailers warned")
    for chrome in ("Source: AFP", "Most read", "Ferry timetable", "cookies", "Subscribe", "Idle cranes"):
        assert chrome not in harbour.body


def test_a_page_without_an_article_gives_empty_parts():
    parts = parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert parts.story == []


def test_h1_headline_is_not_the_body_nor_the_summary():
    """og:title "Ferry strike: crews walk out" and the <h1> printed on the page differ:
    the <h1> is still the headline, and the dateline under it is read."""
    parts = read(PAGES / "fjord_strike.html")
    assert parts.title == "Ferry crews walk out as fjord routes stall"
    assert parts.source == "The Fjord Post"  # from the footer; its name cut from the <title>
    assert parts.body.startswith("BERGEN, Norway — Crews on the fictional Vestfjord ferry line")
    assert parts.summary.startswith("Crews on the fictional Vestfjord ferry line")
    assert parts.dateline == "BERGEN"
