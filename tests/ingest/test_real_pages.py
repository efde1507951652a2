"""The failure kinds seen on real pages from many outlets, as fictional pages we wrote:
the article anchored on its headline whatever surrounds it, in both shapes scrapers save
page text (one line per block, or blank lines between blocks), metadata with provenance."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest.html import parse_html
from digest.ingest.pagetext import parse_page_text
from digest.ingest.pipeline import build_article, read_page
from digest.ingest.readers import RawInput

PAGES = Path(__file__).parent / "fixtures" / "pages"


def read_text(text: str):
    return read_page(parse_page_text(text), {})


def read_html(html: str, url: str | None = None):
    return read_page(parse_html(html, url), {"url": url} if url else {})


def shapes(name: str) -> list[str]:
    """A page as a browser's innerText saves it (single newlines), and with blank lines between blocks."""
    text = (PAGES / name).read_text(encoding="utf-8")
    return [text, text.replace("\n", "\n\n")]


@pytest.fixture(scope="module", params=["single newlines", "blank lines"])
def dam(request):
    single, blank = shapes("wire_in_a_paper.txt")
    return read_text(single if request.param == "single newlines" else blank)


class TestAnchoredOnTheHeadline:
    """Masthead, site-header date, video playlist, section path, gallery label, headline,
    standfirst, byline, LAST UPDATED and Published stamps, photo credit and captioned photo,
    a wire story, then "More from" teasers and a footer."""

    def test_the_headline_not_a_gallery_label_a_stamp_or_a_playlist_entry(self, dam):
        assert dam.title == "Dam spillway failure forces evacuation of fictional river town"
        assert dam.summary.startswith("Engineers say the reservoir above Valdora")

    def test_the_story_from_its_lede_to_its_end(self, dam):
        paragraphs = dam.body.split("\n\n")
        assert paragraphs[0].startswith("VALDORA, Ruritania (Reuters) - Authorities")
        assert paragraphs[-1].startswith("Engineers expect to finish a temporary repair")
        assert len(paragraphs) == 5
        for chrome in ("Watch:", "Slideshow", "LAST UPDATED", "Volunteers stack", "More from", "Ferry crews", "©", "Newsletter"):
            assert chrome not in dam.body

    def test_the_story_s_own_stamp_with_its_time_and_zone_not_the_site_header_s_date(self, dam):
        assert dam.date == "2026-03-06T14:05:00+01:00"

    def test_the_agency_from_the_dateline_and_the_paper_as_the_source(self, dam):
        assert (dam.dateline, dam.agency) == ("VALDORA", "Reuters")
        assert dam.source == "The Meridian Courier"  # the masthead, not "... Media Group Ltd"
        assert dam.authors == ["Hana Kowalski"]
        assert dam.section == "Europe"
        assert dam.lang == "en"

    def test_the_photo_s_caption_and_credits_are_the_image(self, dam):
        assert dam.image == (
            "KEEN: Volunteers stack sandbags along the riverbank in Valdora on Friday. Picture: Tomas Berg Image copyright Reuters"
        )


def test_a_photo_credit_is_no_agency_and_a_caption_label_no_dateline():
    text = (PAGES / "wire_in_a_paper.txt").read_text(encoding="utf-8").replace("VALDORA, Ruritania (Reuters) - ", "")
    found = read_text(text)
    assert found.body.startswith("Authorities in the fictional river town")
    assert (found.dateline, found.agency) == (None, None)  # not "KEEN", not Reuters from "Image copyright Reuters"


@pytest.mark.parametrize("text", shapes("german_kicker.txt"), ids=["single newlines", "blank lines"])
def test_a_german_page(text):
    found = read_text(text)
    assert found.title == "Neue Nachtfähre verbindet Nordhafen mit der Insel Kleinholm"
    assert found.date == "2026-10-19T12:00:00"  # printed without a zone: naive, not UTC
    assert found.authors == ["Jana Brückner"]  # "Von" on one line, the name on the next
    assert found.agency == "dpa"  # "Quelle: dpa" under the story
    assert found.source == "Stadtanzeiger Nordhafen"  # "GmbH & Co. KG" cut
    assert found.image == "Die neue Fähre am Kai von Nordhafen. Foto: Reederei Kleinholm"
    assert found.lang == "de"
    paragraphs = found.body.split("\n\n")
    assert paragraphs[0].startswith("Nordhafen – Die fiktive Reederei")
    assert paragraphs[-1].startswith("Die Fahrkarten kosten nachts")
    assert "Hafenmeister warnt" not in found.body and "Quelle" not in found.body  # the "Mehr zum Thema" list


def test_a_day_without_a_year_takes_the_page_s_year_not_a_teaser_s():
    text = (
        "The Lakeside Ledger\nHome\nNews\nSport\nRowing club opens new boathouse\nDec 30, 2025\n"
        "Festival returns to the old harbour after four years\nJuly 23\n"
        "The summer festival returned to the fictional town of Lakeside on Saturday, drawing crowds to the old harbour.\n"
        "Organisers said more than 20,000 people came on the first day, twice as many as expected.\n"
        "Food stalls ran out of bread by the early evening, one stall holder said.\n"
        "About us\n© 2026 The Lakeside Ledger"
    )
    found = read_text(text)
    assert found.title == "Festival returns to the old harbour after four years"
    assert found.date == "2026-07-23"


TITLED_HTML = """<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head><body>
<h1>Harbour wall repairs finish a month early</h1>
<p>WESTHAVEN - Repairs to the fictional harbour wall finished on Monday, a month ahead of schedule, the council said.</p>
<p>The work cost less than planned because the winter was mild, a council spokeswoman said on Monday.</p>
<p>{footer}</p></body></html>"""


@pytest.mark.parametrize(
    "title, url, footer, source",
    [
        ("Harbour wall repairs finish a month early | The Westhaven Echo", None, "Contact the newsroom", "The Westhaven Echo"),
        ("Harbour wall repairs finish a month early", "https://www.westhavenecho.example/news/wall",
         "Read more from the Westhaven Echo every morning.", "Westhaven Echo"),  # the name the page prints for its domain
        ("Harbour wall repairs finish a month early", "https://apnews.com/article/wall", "Contact", "AP News"),  # a known domain
        ("Harbour wall repairs finish a month early", None, "Copyright 2026 Westhaven Echo Pvt Ltd", "Westhaven Echo"),
    ],
)
def test_the_outlet_and_the_title_without_its_site_name(title, url, footer, source):
    found = read_html(TITLED_HTML.format(lang="en-GB", title=title, footer=footer), url)
    assert found.title == "Harbour wall repairs finish a month early"
    assert found.source == source
    assert found.lang == "en"  # the primary subtag, whatever the page declares


@pytest.fixture(scope="module")
def paper():
    url = "https://courier.example/world/europe/valdora-dam"
    return read_html((PAGES / "paper_wire.html").read_text(encoding="utf-8"), url)


class TestWireStoryInAPaperHTML:
    def test_headline_without_kicker_and_site_suffix(self, paper):
        assert paper.title == "Dam spillway failure forces evacuation of fictional river town"
        assert not paper.body.startswith("Flood risk")

    def test_the_paper_is_the_source_and_the_wire_the_agency(self, paper):
        assert paper.source == "The Meridian Courier"
        assert (paper.dateline, paper.agency) == ("VALDORA", "AP")

    def test_image_is_the_caption_not_the_og_image(self, paper):
        assert paper.image == "Volunteers stack sandbags along the riverbank in Valdora on Friday. Image copyright Reuters"

    def test_declared_metadata(self, paper):
        assert paper.date == "2026-03-06T14:05:00+01:00"
        assert paper.section == "Europe"
        assert paper.lang == "en"
        assert paper.authors == ["Hana Kowalski"]
        assert paper.summary.startswith("Engineers say the reservoir")


def record(**fields):
    return build_article(RawInput("test.jsonl:1", "record", fields))


def test_a_record_of_two_paragraphs_keeps_both():
    lede = "LIMA, Peru (Reuters) - A fictional ferry ran aground near the port of Callao on Monday, officials said."
    article = record(id="r1", text=f"{lede}\n\nNo one was hurt, the harbour master said in a statement.")
    assert article.body.split("\n\n") == [lede, "No one was hurt, the harbour master said in a statement."]
    assert (article.dateline, article.agency) == ("LIMA", "Reuters")


def test_a_record_with_a_title_keeps_its_lede():
    lede = "LIMA, Peru (Reuters) - A fictional ferry ran aground near the port of Callao on Monday, officials said."
    article = record(id="r2", title="Ferry aground near Lima", text=f"{lede}\n\nThe ship will be towed on Tuesday.")
    assert article.title == "Ferry aground near Lima"
    assert article.body.startswith(lede)
    assert (article.dateline, article.agency) == ("LIMA", "Reuters")


def test_a_time_printed_without_a_zone_is_never_shown_as_utc():
    from digest.site.dates import moment

    naive = moment("2026-11-24T14:47:00")
    assert (naive.text, naive.zoned) == ("24 Nov 2026, 14:47", False)
    assert moment("2026-11-24T14:47:00+01:00").text == "24 Nov 2026, 13:47 UTC"
