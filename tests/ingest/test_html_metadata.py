"""The HTML path's metadata read from the page's own evidence (fictional pages written for these tests)."""
from __future__ import annotations

import re
from pathlib import Path

from digest.ingest.html import parse_html
from digest.ingest.pipeline import read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
URL = "https://example.org/story"


def read(html: str):
    return read_page(parse_html(html, URL), {"url": URL})


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_a_lede_set_apart_under_a_photo_is_kept_and_the_caption_is_not_the_standfirst():
    """The lede sits in a box between the photo and the share bar, where the extractor leaves it
    out; the <figcaption> above it is the photo's, not the standfirst."""
    art = read(page("puerto_lede_box.html"))
    assert art.summary.startswith("La capitanía de puerto de la ficticia ciudad de Villaserena suspendió")
    assert art.image == "Grúas detenidas en el muelle norte de Villaserena"  # the caption, not the og:image URL
    assert "Grúas detenidas" not in art.body
    assert art.body.startswith("La medida afecta a los cuatro terminales")


def test_markup_metadata_normalised():
    art = read(page("puerto_lede_box.html"))
    assert art.lang == "es"  # <html lang="es-CL">: the primary subtag, as the contract says
    assert art.section == "Regiones"  # article:section
    assert art.date == "2026-07-14T09:05:00-04:00"  # article:published_time: time of day and offset kept
    assert art.source == "El Vigía del Sur"


def test_the_header_is_read_under_the_headline_not_under_its_teaser():
    """The headline is printed first in a "latest" list with that teaser's date; the story's own
    stamp is under the <h1>."""
    art = read(page("ferry_teaser_first.html"))
    assert art.date == "2026-02-03"
    assert art.authors == ["Jana Kroll"]
    assert art.title == "Fähre nach Nordholm fällt bis März aus"  # "<title>... | Inselbote</title>": the suffix cut
    assert art.source == "Inselbote"


def test_section_from_the_breadcrumb_trail_not_from_the_menu():
    html = page("ferry_teaser_first.html")
    assert read(html).section == "Küste"  # JSON-LD BreadcrumbList, its last step before the story
    without_trail = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    assert read(without_trail).section is None  # "Sport", the menu's last item over the <h1>, is no section


STORY = """<!DOCTYPE html><html lang="{lang}"><head><title>{title} | Harbour Gazette</title>{meta}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><header class="article-head"><h1>{title}</h1>{header}</header>
<p>Workers at the fictional Lindholm shipyard voted on Thursday to accept a new pay offer, ending a dispute that had
held up the launch of two ferries for most of the winter, the union said in a statement.</p>
<p>The agreement raises wages by six per cent over two years and adds a bonus tied to delivery dates, according to
a summary the union shared with members before the ballot closed on Thursday evening.</p>
<p>The yard's owners said work on the first ferry would resume on Monday and that they still hoped to hand it over
to the island operator before the summer timetable begins in May.</p>
</article><footer><p>© 2026 Harbour Gazette</p></footer></body></html>"""


def story(title: str = "Shipyard workers accept pay offer", meta: str = "", header: str = "", lang: str = "en-GB") -> str:
    return STORY.format(title=title, meta=meta, header=header, lang=lang)


def test_a_day_stored_as_local_midnight_in_utc_is_that_day():
    """A CMS that knows only the day declares it as local midnight written in UTC: 23:00 the
    evening before (Central Europe). The day is the next one, and no time is made up."""
    art = read(story(lang="de-DE", meta='<meta property="article:published_time" content="2026-03-04T23:00:00.000Z">'))
    assert art.date == "2026-03-05"
    art = read(story(lang="de-DE", meta='<meta property="article:published_time" content="2026-03-04T23:17:42Z">'))
    assert art.date == "2026-03-04T23:17:42+00:00"  # a real time of day is kept, zone and all
    art = read(story(lang="en-US", meta='<meta property="article:published_time" content="2026-03-04T23:00:00Z">'))
    assert art.date == "2026-03-04T23:00:00+00:00"  # in the Americas 23:00 UTC is the same evening


def test_a_stamp_inline_after_the_standfirst_is_read():
    """The stamp is a <span> inside the standfirst's element, after its last sentence: a
    stylesheet shows it on a line of its own, and its day is the story's."""
    header = '<h2 class="deck">Two ferries can now be finished. When will they sail?<span class="deck__date">Friday, 6 February 2026</span></h2>'
    art = read(story(header=header, meta='<meta property="article:published_time" content="2026-02-02T10:00:00Z">'))
    assert art.date == "2026-02-06"
    assert art.summary == "Two ferries can now be finished. When will they sail?"


def test_section_from_the_trail_without_its_home_and_story_steps():
    """'Harbour Gazette > Business > Shipyard workers accept pay off...': the home page and the
    story (its headline cut short) are no section; the step between them is."""
    trail = ('<ol class="breadcrumb"><li><a href="/">Harbour Gazette</a></li><li>&gt;</li>'
             '<li><a href="/business">Business</a></li><li>Shipyard workers accept pay off...</li></ol>')
    assert read(story(header="").replace("<article>", trail + "<article>")).section == "Business"
    home_only = '<ol class="breadcrumb"><li><a href="/">Harbour Gazette</a></li><li>Shipyard workers accept pay offer</li></ol>'
    assert read(story().replace("<article>", home_only + "<article>")).section is None


def test_a_photo_credit_over_the_headline_is_no_section_but_a_kicker_link_is():
    credit = "<div>Shipyard/Harbour Photo</div>"
    assert read(story().replace('<header class="article-head">', credit + '<header class="article-head">')).section is None
    kicker = '<a class="kicker" href="/business/shipping">Shipping</a>'
    assert read(story().replace("<h1>", kicker + "<h1>")).section == "Shipping"


def test_image_is_the_figcaption_whole_caption_and_credit():
    """Caption and credit in separate blocks of one <figcaption> ("Foto:" / "Lena Berg") are
    one image line; og:image's address is never the image."""
    figure = ('<figure><img src="/img/yard.jpg" alt=""><figcaption><div><p>The first ferry in the dry dock at '
              'Lindholm.</p></div><div class="credit">Photo: <div><p>Lena Berg</p></div></div></figcaption></figure>')
    html = story(header=figure, meta='<meta property="og:image" content="https://example.org/img/yard.jpg">')
    assert read(html).image == "The first ferry in the dry dock at Lindholm. Photo: Lena Berg"


def test_a_section_declared_as_a_slug_is_given_as_the_page_prints_it():
    links = '<div class="tags"><a href="/shipping-and-ports">Shipping &amp; Ports</a></div>'
    art = read(story(meta='<meta property="article:section" content="shipping-and-ports">').replace("</article>", links + "</article>"))
    assert art.section == "Shipping & Ports"
    art = read(story(meta='<meta property="article:section" content="local-news">'))
    assert art.section == "Local news"


def test_a_title_cut_at_an_unescaped_quote_is_not_the_headline():
    """og:title written as content="Mayor calls the plan "reckless"": the attribute ends at the
    quote; the <title> carries the whole headline (no <h1> to settle it)."""
    meta = '<meta property="og:title" content="Mayor calls the harbour plan "reckless"">'
    html = story(meta=meta).replace("<h1>{}</h1>".format("Shipyard workers accept pay offer"), "")
    html = html.replace("<title>Shipyard workers accept pay offer | Harbour Gazette</title>", '<title>Mayor calls the harbour plan "reckless"</title>')
    assert read(html).title == 'Mayor calls the harbour plan "reckless"'


def test_a_capitalised_published_label_is_a_stamp_not_a_dateline():
    """'PUBLISHED: March 4, ...' opening the story is its stamp: no dateline 'PUBLISHED', not in the body."""
    stamp = "<p>PUBLISHED: March 4, 2026 at 4:56 p.m. | UPDATED: March 4, 2026 at 6:00 p.m.</p>"
    art = read(story().replace("</header>", "</header>" + stamp))
    assert art.dateline is None
    assert "PUBLISHED" not in art.body
    assert art.date.startswith("2026-03-04")


def test_no_template_placeholder_or_foreign_link_is_metadata():
    """An unfilled og:site_name template field is no outlet; a "Like" button's link to another
    site over the <h1> is no section; an archive's month in the trail is no section."""
    meta = '<meta property="og:site_name" content="{$plugin.tx_news.opengraph.site_name}">'
    like = '<a href="https://social.example.net/share?u=x">Like this</a>'
    trail = ('<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/newsroom">Newsroom</a></li>'
             '<li><a href="/newsroom/march-2026">March 2026</a></li><li>Shipyard workers accept pay offer</li></ol>')
    art = read(story(meta=meta).replace("<h1>", like + "<h1>"))
    assert art.source != "{$plugin.tx_news.opengraph.site_name}" and "{$" not in (art.source or "")
    assert art.section is None
    assert read(story().replace("<article>", trail + "<article>")).section == "Newsroom"


def test_the_printed_day_keeps_the_time_the_markup_declares_for_it():
    """The page prints 6 February under the headline; of the two declared dates (a first
    draft's, the publication's) the one on that day carries the time of day."""
    header = '<div class="byline">By Ola Nordmann</div><div class="date">6 February 2026</div>'
    meta = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-02-02T10:00:00Z"}</script>'
            '<meta property="article:published_time" content="2026-02-06T07:45:00+01:00">')
    assert read(story(header=header, meta=meta)).date == "2026-02-06T07:45:00+01:00"


def test_a_blog_motto_in_the_h1_gives_way_to_the_printed_og_title():
    """The <h1> is the blog's motto on every page; og:title names the post, which the page
    prints under its date ("Mar 3 Ferries to Lindholm sail again")."""
    html = story(
        title="Ferries to Lindholm sail again after the winter",
        meta='<meta property="og:title" content="Ferries to Lindholm sail again after the winter">',
    )
    html = html.replace('<h1>Ferries to Lindholm sail again after the winter</h1>',
                        '<h2><span>Mar 3</span> Ferries to Lindholm sail again after the winter</h2>')
    html = html.replace("<nav>", "<h1>Where the wind blows, we write</h1><nav>")
    assert read(html).title == "Ferries to Lindholm sail again after the winter"


def test_a_heading_or_prompt_closing_the_story_is_left_out_but_a_list_and_a_sign_off_stay():
    tail = "<p>Harbour news from the islands</p><p>Did you enjoy this piece?</p></article>"
    art = read(story().replace("</article>", tail))
    assert art.body.rstrip().endswith("before the summer timetable begins in May.")
    items = "<ul><li>Ferry one: back in March</li><li>Ferry two: back in May</li></ul><p>Ola Nordmann</p></article>"
    body = read(story().replace("</article>", items)).body
    assert "Ferry two: back in May" in body and body.rstrip().endswith("Ola Nordmann")


def test_a_title_of_site_names_only_gives_way_to_the_printed_headline():
    """<title>Gazette • Harbour Gazette</title> and an <h1> logo: the masthead, not the story's
    headline, which the page prints over the story."""
    html = story(meta='<meta property="og:site_name" content="Harbour Gazette">')
    html = html.replace("<title>Shipyard workers accept pay offer | Harbour Gazette</title>", "<title>Gazette • Harbour Gazette</title>")
    html = html.replace("<h1>Shipyard workers accept pay offer</h1>", '<p class="issue">March 2026</p><h2>Shipyard workers accept pay offer</h2>')
    html = html.replace("<nav>", "<h1>Harbour Gazette</h1><nav>")
    assert read(html).title == "Shipyard workers accept pay offer"


def test_an_h1_inside_the_breadcrumb_trail_is_not_the_headline():
    """The CMS sets the trail's last step in an <h1>; the headline the reader sees is marked
    itemprop="headline", its kicker in a span of its own."""
    trail = ('<ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/business">Business</a></li>'
             '<li><h1><span>Yard deal: what workers get</span></h1></li></ul>')
    printed = ('<div class="head" itemprop="headline"><span class="highline">Yard deal</span> '
               'Shipyard workers accept pay offer</div>')
    html = story().replace("<h1>Shipyard workers accept pay offer</h1>", printed).replace("<article>", trail + "<article>")
    assert read(html).title == "Shipyard workers accept pay offer"


def test_a_trail_whose_home_step_is_an_icon_keeps_its_section():
    trail = ('<div id="breadcrumb"><ul><li><a href="/" title="Home"><i class="icon-home"></i></a></li>'
             '<li><a href="/business">Business</a></li><li>Shipyard workers accept pay offer</li></ul></div>')
    assert read(story().replace("<article>", trail + "<article>")).section == "Business"


def test_a_site_name_printed_without_its_edition_is_cut_from_a_title():
    from digest.ingest.headline import strip_site

    assert strip_site("Ferry strike halts island crossings - Harbour Ledger", ["Harbour Ledger Weekend"]) == (
        "Ferry strike halts island crossings")
    # a short part is no name's start: "News" could be anything
    assert strip_site("Ferry strike: the news - News", ["News Harbour"]) == "Ferry strike: the news - News"


def test_a_credit_printed_twice_or_after_a_comment_counter_is_the_image_once():
    from digest.ingest.caption import lead
    from digest.ingest.parts import Page

    assert lead(Page(captions=["Bild: Lena Berg Bild: Lena Berg"])) == "Bild: Lena Berg"
    assert lead(Page(captions=["Comments (32) (Image credit: Lena Berg)"])) == "(Image credit: Lena Berg)"
    assert lead(Page(captions=["The ferry in dry dock. Photo: Lena Berg"])) == "The ferry in dry dock. Photo: Lena Berg"


def test_a_site_name_declared_as_a_social_media_page_is_no_outlet():
    from digest.ingest.outlet import clean

    assert clean("https://www.facebook.com/harbourledger") is None
    assert clean("harbourledger.example/") == "harbourledger.example"
    assert clean("The Harbour Ledger") == "The Harbour Ledger"


def test_a_caption_over_a_long_credit_is_the_image_not_the_standfirst():
    from digest.ingest.pagetext import parse_page_text
    from digest.ingest.pipeline import read_page

    text = ("Home\nPolitics\nSport\n\nHarbour council backs the new ferry line\n\nBy Jana Roe\n\nMarch 3, 2026\n\n"
            "Facebook\nTwitter\nEmail\n"
            "Councillors Ada Hale, Tom Vale and Ben Rook at the harbour meeting in Westhaven on Monday.\n\n"
            "Lena Berg / The Harbour Ledger / Getty Images\n\n"
            "The fictional town's council voted on Monday to back a second ferry line to the islands, after two years "
            "of debate about its cost and the noise of the new terminal.\n\n"
            "The line should start in the spring, the harbour master said, once the new pier is finished.\n")
    found = read_page(parse_page_text(text), {})
    assert found.summary.startswith("The fictional town's council voted")
    assert found.image.startswith("Councillors Ada Hale")


def test_a_credit_alone_in_brackets_is_the_image_line_without_them():
    figure = ('<figure><img src="/img/yard.jpg" alt=""><figcaption>(Foto: Lena Berg)</figcaption></figure>')
    assert read(story(header=figure)).image == "Foto: Lena Berg"
    figure = ('<figure><img src="/img/yard.jpg" alt=""><figcaption>The dry dock (Foto: Lena Berg)</figcaption></figure>')
    assert read(story(header=figure)).image == "The dry dock (Foto: Lena Berg)"
