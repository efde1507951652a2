"""Page text to parts: fictional pages of the shapes scrapers save (fixtures/pages/)."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest.furniture import split_furniture
from digest.ingest.pagetext import parse_page_text
from digest.ingest.pipeline import read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def read(text: str, **record):
    """What ingest reads from a page's text (before enrichment)."""
    return read_page(parse_page_text(text, title=record.get("title")), record)


def page(name: str):
    return read((PAGES / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ferry():
    return page("singapore_style")


@pytest.fixture(scope="module")
def volcano():
    return page("wire_story")


class TestSectionHeadlinePage:
    """Chrome, section label, headline printed twice, caption, "SEOUL:"-style dateline, Source line."""

    def test_headline_standfirst_section(self, ferry):
        assert ferry.title == "Norway's fjord ferries switch to hydrogen after harbour trial"
        assert ferry.summary.startswith("The operator says the fleet of twelve ferries")
        assert ferry.section == "Europe"

    def test_dateline_agency_date(self, ferry):
        assert ferry.dateline == "OSLO"
        assert ferry.agency == "AFP"
        assert ferry.date == "2026-03-03"  # "Tuesday (Mar 3)", year from "Mar 2, 2026" in the caption

    def test_caption_is_the_image_not_body(self, ferry):
        assert ferry.image.startswith("A ferry leaves the harbour")
        assert ferry.image.endswith("(Photo: Fjordline Handout/AFP)")
        assert "A ferry leaves" not in ferry.body

    def test_body_is_every_story_paragraph_and_nothing_else(self, ferry):
        paragraphs = ferry.body.split("\n\n")
        assert len(paragraphs) == 5
        assert paragraphs[0].startswith("OSLO: Norway's largest ferry operator")
        assert paragraphs[-1].startswith("The government has set aside funds")
        for chrome in ("Skip to main content", "Advertisement", "Source: AFP", "Also worth reading", "well over half"):
            assert chrome not in ferry.body


class TestWirePage:
    """A <title> line, menus, byline, timestamp, share bar, a "More:" list inside the story,
    a Reuters sign-off, "Most read" teasers and a cookie footer."""

    def test_title_and_outlet_from_the_title_line(self, volcano):
        assert volcano.title == "Volcano ash shuts airport in fictional Andean city"
        assert volcano.source == "The Daily Example"
        assert volcano.section == "Americas"

    def test_metadata(self, volcano):
        assert volcano.dateline == "SAN ESTEBAN"
        assert volcano.agency == "Reuters"
        assert volcano.date == "2026-03-04T10:15:00+00:00"  # the time and zone printed are kept
        assert volcano.authors == ["Jane Roe", "Carlos Mendez"]

    def test_caption_above_a_credit_line_is_the_image(self, volcano):
        assert volcano.image == "Residents sweep ash from a street in San Esteban on Wednesday, March 4, 2026. Photo: Ana Ruiz"
        assert "Residents sweep ash" not in volcano.body

    def test_no_standfirst_means_the_lede_is_the_summary(self, volcano):
        assert volcano.summary.startswith("Ash from the Cerro Blanco volcano")

    def test_body_drops_link_lists_sign_off_and_footer(self, volcano):
        body = volcano.body
        assert body.startswith("SAN ESTEBAN, Peru (Reuters) - Ash")
        assert "regional governor Rosa Quispe" in body
        assert body.endswith("which forecasters expected by the weekend.")
        for chrome in ("More:", "Ash cloud reaches the coast", "Reporting by", "Most read", "cookie", "Share on", "Published"):
            assert chrome not in body


def test_a_long_lede_is_the_summary_whole():
    """The summary is the lede as printed, not its first 300 characters: enrichment reads the
    summary as the story's lead (a lede's later places count as the lead's)."""
    lede = ("The fictional harbour town of Kleinholm opened its new ferry terminal on Monday after three years of "
            "building, and the first crossing to the island of Nordby left on time with two hundred passengers on board. "
            "The terminal, paid for by the regional council and a grant from the national transport fund, replaces a "
            "wooden pier that storms damaged twice in the last decade, the harbour master told reporters at the opening.")
    parts = read("Kleinholm opens its new ferry terminal\n\n" + lede + "\n\nA second paragraph follows here, with more detail on the crossing.")
    assert len(lede) > 300
    assert parts.summary == lede


def test_page_without_a_title_line():
    """Site name first (and again in the footer), then a section path, headline, standfirst
    without a full stop, role labels and a timestamp above a title-case dateline."""
    parts = page("no_title_line")
    assert parts.title == "Glacier lake drained to protect fictional valley town in Bolivia"
    assert parts.summary.startswith("Engineers cut a channel through the moraine")
    assert parts.section == "WORLD / AMERICAS"
    assert (parts.dateline, parts.date) == ("Lima", "2026-01-12T09:40:00+00:00")
    assert parts.body.startswith("Lima: Engineers working")
    assert parts.body.endswith("while the channel was cut.")
    assert "Valley Desk" not in parts.body and "Most read" not in parts.body


@pytest.mark.parametrize(
    "text, dateline, agency",
    [
        ("Wheat stocks rise\n\nCHICAGO, March 3 - Wheat stocks rose 4 pct in February, the agency said.", "CHICAGO", None),
        ("Pope visits town (Reuters)\n\nREUTERS - The Pope visited a small town on Sunday.", None, "Reuters"),
        ("Talks resume\n\n LIMA, Peru (Reuters) - Talks between the two sides resumed on Monday.", "LIMA", "Reuters"),
        ("Ferry sinks (AP)\n\nAP - A small ferry sank off the coast on Friday, officials said.", None, "AP"),
        ("Court rules\n\nHALIFAX (CP) - A court ruled on Friday that the law was valid.", "HALIFAX", "Canadian Press"),
        ("Kicker retires\n\nThe veteran kicker said on Tuesday he would retire after the season.", None, None),
    ],
)
def test_short_wire_forms(text, dateline, agency):
    parts = read(text)
    assert parts.title == text.split("\n\n")[0]
    assert parts.dateline == dateline
    assert parts.agency == agency
    assert parts.body == text.split("\n\n", 1)[1].strip()


@pytest.mark.parametrize(
    "text, dateline, body",
    [
        (
            "Mapleford council backs new bridge\n\nMapleford council backs new bridge. MAPLEFORD, Conn. (AP) — The town"
            " council voted 6-1 on Monday to fund a footbridge over the Alder River.",
            "MAPLEFORD",
            "MAPLEFORD, Conn. (AP) — The town council voted 6-1 on Monday to fund a footbridge over the Alder River.",
        ),
        (
            "Library hours cut . HARTFORD - The fictional Elm Street library will close on Sundays from April, its board said.",
            None,  # one block: no headline to compare with, the text stays whole
            "Library hours cut . HARTFORD - The fictional Elm Street library will close on Sundays from April, its board said.",
        ),
        (
            "Floods hit Ruritania\n\nFloods hit Ruritania's capital on Monday, cutting power to thousands of homes.",
            None,  # the headline's words open a sentence: nothing to cut
            "Floods hit Ruritania's capital on Monday, cutting power to thousands of homes.",
        ),
    ],
)
def test_headline_glued_to_the_lede_is_not_repeated(text, dateline, body):
    parts = read(text)
    assert parts.dateline == dateline
    assert parts.body == body


def test_glued_byline_is_split_from_the_lede():
    parts = read("Storm nears\n\nBy MARY JONES     MIAMI (AP) -- A storm neared the coast on Monday.")
    assert parts.authors == ["Mary Jones"]
    assert (parts.dateline, parts.agency) == ("MIAMI", "AP")
    assert parts.body == "MIAMI (AP) -- A storm neared the coast on Monday."


def test_wrapped_wire_lines_become_one_paragraph():
    parts = read("Sugar output up\n\nLONDON, March 11 - Sugar output rose 12 pct in January,\naccording to figures released on Tuesday.")
    assert parts.body == "LONDON, March 11 - Sugar output rose 12 pct in January, according to figures released on Tuesday."


def test_author_box_ends_the_story():
    page = (
        "Tide mills return | Harbour Notes\n\nMenu\nSearch\n\nTide mills return\n\n"
        "Two fictional villages on the estuary have restored their tide mills after a decade of fundraising by residents.\n\n"
        "The mills grind flour twice a day when the tide turns, and volunteers show visitors how the wheels work.\n\n"
        "About Lena Brandt\n\n"
        "Lena Brandt writes about coastal life and has covered the estuary villages for more than ten years now.\n\n"
        "Leave a Reply\n\nYour email address will not be published."
    )
    parts = read(page)
    assert parts.body.startswith("Two fictional villages")
    assert parts.body.endswith("how the wheels work.")


def test_a_page_saved_twice_keeps_its_headline_and_story():
    text = (PAGES / "singapore_style.txt").read_text(encoding="utf-8")
    once, twice = read(text), read(text + "\n\n" + text)
    assert twice.title == once.title
    assert twice.body.startswith("OSLO: Norway's largest ferry operator")
    assert twice.body.split("\n\n")[:5] == once.body.split("\n\n")


def test_empty_and_chrome_only_pages():
    assert read("").body == ""
    parts = read("Skip to main content\nAdvertisement\n\nMenu\nSearch\n\nSign in")
    assert parts.body == ""


def test_furniture_split_keeps_story_lines():
    story, furniture = split_furniture(
        ["The council voted on Monday to close the old bridge to lorries.", "Image copyright Jane Doe", "Share this with Twitter"]
    )
    assert story == ["The council voted on Monday to close the old bridge to lorries."]
    assert furniture == ["Image copyright Jane Doe", "Share this with Twitter"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not present")
def test_seed_pages_give_the_story():
    for path in sorted(SEEDS.glob("000_*.txt")):
        parts = read(path.read_text(encoding="utf-8"))
        assert parts.title and parts.summary and parts.body
        assert (parts.section, parts.dateline, parts.agency, parts.date) == ("East Asia", "SEOUL", "AFP", "2025-12-27")
        assert parts.image and parts.image.endswith("AFP)")
        assert parts.body.startswith("SEOUL:")
        assert "Source:" not in parts.body and "Advertisement" not in parts.body and parts.image not in parts.body


def test_language_is_read_from_the_story():
    parts = read(
        "Brua åpner til våren\n\nBERGEN - Bystyret sa mandag at den nye brua skal åpne til våren, etter at avstemningen"
        " ble utsatt. Beboerne har bedt om mer tid, og det er ikke klart hva som skjer med noen av planene."
    )
    assert parts.lang == "no"
    assert read("Storm nears\n\nMIAMI (AP) -- A storm neared the coast on Monday, and it was the third this year.").lang == "en"


PRESS_RELEASE = """Nordlys Shipping orders two electric ferries

OSLO, March 3, 2026 - Nordlys Shipping AS, a fictional ferry operator, said on Tuesday it had ordered two battery-electric ferries for its routes on the western coast.

The vessels will carry up to 120 cars each and are due to enter service in the spring of 2028, the company said in a statement.

"This order halves our emissions on the busiest crossings," chief executive Marit Dahl said.

About Nordlys Shipping AS:

Nordlys Shipping AS operates twelve ferry routes along the coast and employs about 900 people in four regions.

Media contacts:

Press office, Nordlys Shipping AS, press@nordlys.example
"""


def test_press_release_ends_at_its_about_block():
    parts = read(PRESS_RELEASE)
    assert parts.body.endswith("chief executive Marit Dahl said.")
    assert "employs about 900 people" not in parts.body
    story, furniture = split_furniture(PRESS_RELEASE.split("\n\n")[1:])
    assert story[-1].endswith("chief executive Marit Dahl said.")
    assert any("employs about 900" in line for line in furniture)


def test_a_company_in_the_notice_names_the_outlet_the_page_prints():
    # "Harbour Ledger Media Group" owns the paper; the page calls itself "Harbour Ledger".
    page = ("Harbour works delayed again\n\nHome\nNews\nSport\n\nHarbour works delayed again\n\n"
            "WESTHAVEN - Work on the fictional harbour wall was delayed for a third time on Monday, the council said.\n\n"
            "Engineers found more damage to the old stones than the survey had shown, a spokeswoman said.\n\n"
            "Get the Harbour Ledger newsletter every morning\n\n© 2026 Harbour Ledger Media Group Pvt Ltd")
    assert read(page).source == "Harbour Ledger"


@pytest.mark.parametrize(
    "footer, source",
    [
        ("© 2026 The Harbour Ledger. All rights reserved.", "The Harbour Ledger"),
        ("Copyright 2026 The Associated Press. All rights reserved.", None),  # the wire's notice: its agency, not the outlet
        ("© 2026 Harbour Ledger Pvt Ltd", "Harbour Ledger"),  # legal endings cut
        # a company's name the page prints nowhere else is the owner, not the masthead
        ("© Harbour Ledger Media 2020-2026", None),
        ("© 2026 Kestrel Holdings, LLC. All rights reserved", None),
        ("© 2000 – 2026 harbour-ledger.example", "harbour-ledger.example"),  # a domain, past a year range
        ("Copyright 2026 SA EL FARO DEL PUERTO | Todos los derechos reservados", "EL FARO DEL PUERTO"),
        ("© Derechos Reservados 2026", None),
        ("© 2017-2026", None),
        ("© Harbour Ledger Quay House, 4 Dock Road. All rights reserved.", "Harbour Ledger Quay House"),
        ("© Harbour Ledger Ltd Quay House, 4 Dock Road, Westhaven. All rights reserved.", "Harbour Ledger"),
        ("Copyright © 2026 Harbour Ledger Terms of use", "Harbour Ledger"),  # the footer's links after it
        ("© 2026 Powered by Example Press", None),  # the platform, not the outlet
        ("All contents © 2026 The Harbour Ledger. All rights reserved.", "The Harbour Ledger"),  # the name after the sign
        ("© Jane Doe\n\nImpressum", None),  # a photo's credit, not the site's notice
        ("© Westhaven Herald", "Westhaven Herald"),  # the sign on the page's last line: the site's notice
        ("© All rights reserved | Terms", None),
        ("Harbour Ledger © 2026. Cookie settings. Accessibility.", "Harbour Ledger"),  # the name before the sign
        ("The Harbour Ledger © 2026 | Privacy | Terms", "The Harbour Ledger"),
        ("Harbour Ledger Ltd 2026. Registered in England.", "Harbour Ledger"),  # a legal ending and a year, no sign
        ("Source: Harbour Ledger/jd", "Harbour Ledger"),  # the desk's signature
        ("Source: AFP/jd", None),  # a wire's signature: the agency, not the outlet
        ("Westhaven 2026. All rights reserved.", None),  # a place and a year, no sign, no legal ending
    ],
)
def test_outlet_from_the_copyright_notice(footer, source):
    page = (
        "Harbour works delayed again\n\nHome\nNews\nSport\n\nHarbour works delayed again\n\n"
        "WESTHAVEN - Work on the fictional harbour wall was delayed for a third time on Monday, the council said.\n\n"
        "Engineers found more damage to the old stones than the survey had shown, a spokeswoman said.\n\n"
        f"Most read\n\nFerry timetable changes\n\n{footer}"
    )
    assert read(page).source == source


# A wire story saved without its headline: one line per sentence, a quote printed twice (a pull
# quote), short sentences. No line in it is the headline, so nothing above one may be cut off.
HEADLESS_STORY = "\n".join([
    "Voters in the fictional republic of Westmark went to the polls on Sunday in a parliamentary election that the government calls a step towards an open contest between parties.",
    "Critics say the vote offers little choice, with every candidate drawn from the governing alliance or from a small group of independents approved by the electoral board.",
    "\"There will be no real change after this vote,\" said Mara Quell, who leads a monitoring group based abroad.",
    "Turnout was 61 percent by midday, the board said.",
    "\"It does not matter who gets elected.",
    "The council has the final word,\" a farmer near the capital told reporters.",
    "The electoral board said results would be published on Tuesday, after all ballots from the mountain districts had been counted by hand.",
    "\"It does not matter who gets elected.",
    "Observers from two neighbouring states were allowed to watch the count in the capital but not in the provinces, their mission said in a statement on Sunday evening.",
])


def test_a_story_without_headline_keeps_its_first_paragraph():
    parts = read(HEADLESS_STORY)
    assert parts.body.startswith("Voters in the fictional republic of Westmark")
    assert "It does not matter" not in parts.title  # a quoted sentence is no headline
    assert parts.body.count("Observers from two neighbouring states") == 1


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("UPDATE 2-Westmark central bank raises rates to 4%", "Westmark central bank raises rates to 4%"),
        ("REFILE-Harbour board weighs sale of ferry line", "Harbour board weighs sale of ferry line"),
        ("VIDEO: Harbour board weighs sale", "VIDEO: Harbour board weighs sale"),  # what the item is: the outlet's headline
        ("Update: harbour board weighs sale", "Update: harbour board weighs sale"),  # words of the headline, not a slug
    ],
)
def test_a_desk_slug_is_no_part_of_the_headline(headline, expected):
    text = f"{headline}\n\nWESTHAVEN, Nov 3 (Wire) - The fictional harbour board said on Monday it was weighing offers for the ferry line."
    article = read(text)
    assert article.title == expected
    assert headline not in article.body


@pytest.mark.parametrize("heading", ["Weitere Beiträge", "RELACIONADOS:", "Articles liés", "Saiba Mais", "AM BELIEBTESTEN", "Weitere Inhalte:"])
def test_teasers_under_a_list_heading_are_no_story(heading):
    page = (
        "Menü\nSuche\nFähre nach Kleinholm fährt wieder\n"
        "Nach drei Monaten Pause verkehrt die erfundene Fähre zwischen Nordhafen und Kleinholm seit Montag wieder nach Fahrplan.\n"
        "Lesen Sie hier: Neuer Kiosk am Nordhafen eröffnet\n"
        "Die Reederei hatte den Betrieb im Frühjahr eingestellt, weil eine Schraube der Fähre ersetzt werden musste.\n"
        "Pendler aus Kleinholm mussten in dieser Zeit einen Umweg von fast einer Stunde über die Brücke im Süden fahren.\n"
        f"{heading}\n"
        "Hafenfest in Kleinholm lockt mehr Besucher als je zuvor\n"
        "Neue Ampel an der Uferstraße sorgt für lange Staus im Berufsverkehr\n"
        "Article suivant Le marché du port ouvre ses portes le samedi matin\n"
        "Impressum\nDatenschutz"
    )
    parts = read(page)
    assert parts.title == "Fähre nach Kleinholm fährt wieder"
    assert "Umweg von fast einer Stunde" in parts.body
    for teaser in ("Hafenfest", "Neue Ampel", "Kiosk", "marché du port"):
        assert teaser not in parts.body


def test_a_headline_like_a_name_is_no_byline_when_the_breadcrumb_ends_with_it():
    page = (
        "Startseite\nRatgeber\nWerkstatt\n"
        "Start  »  Ratgeber • Kleidung  »  Jacken von Nordlicht\n"
        "Nordlicht | 12.01.2026\n"
        "Jacken von Nordlicht\n"
        "Wer im Winter auf der erfundenen Baustelle am Nordhafen arbeitet, friert schnell: die neuen Jacken von Nordlicht sollen helfen.\n"
        "Die Jacken haben drei Heizstufen und einen Akku, der nach Angaben des Herstellers einen ganzen Arbeitstag hält.\n"
        "Impressum"
    )
    parts = read(page)
    assert parts.title == "Jacken von Nordlicht"
    assert parts.body.startswith("Wer im Winter")


@pytest.mark.parametrize(
    "line, is_caption",
    [
        ("Überflutete Wiesen am Nordhafen: Düngen verbotenJana Roe", True),
        ("Der Boden muss frostfrei sein. Düngen ist nicht erlaubt!Jens Ahlgren", True),
        ("Die neue Leiterin mit dem Stiftungsrat nach der Wahl.HMK / Lind", True),
        ("Er kauft sich ein neues iPhone Pro", False),
        ("Sie arbeitet seit Jahren bei YouTube Music", False),
        ("Die Folien entstanden mit PowerPoint", False),
        ("Small steps add up to a large audience over the years.Click To Tweet", False),
        ("Jana RoeView More Articles", False),
    ],
)
def test_a_credit_glued_to_its_caption_marks_a_caption(line, is_caption):
    from digest.ingest.caption import is_caption as check

    assert check(line) is is_caption


def test_a_caption_with_a_glued_credit_is_no_story():
    page = (
        "Menü\nNeue Regeln für das Düngen im Frühjahr\n12.02.2026\n"
        "Ab Februar dürfen Landwirte auf den erfundenen Marschwiesen bei Kleinholm wieder düngen, wenn der Boden es zulässt.\n"
        "Überflutete Wiesen am Nordhafen: Düngen verbotenJana Roe\n"
        "Auf überschwemmten oder gefrorenen Flächen bleibt das Düngen auch nach dem Ende der Sperrfrist verboten.\n"
        "Die Kammer will die Flächen in diesem Jahr häufiger kontrollieren und bei Verstößen Bußgelder verhängen.\n"
        "Impressum"
    )
    body = read(page).body
    assert "Auf überschwemmten" in body
    assert "verbotenJana" not in body


def test_a_press_releases_fact_fields_and_phone_numbers_are_no_story():
    page = (
        "Presse\nTeilen\nPressemitteilung Nordhafen\n"
        "Neue Leiterin für das erfundene Hafenmuseum gewählt\n"
        "Der Stiftungsrat hat Jana Lind zur neuen Leiterin des Hafenmuseums Kleinholm gewählt. Sie tritt ihr Amt im Mai an.\n"
        "Die Wahl fiel einstimmig aus, teilte die Stiftung am Donnerstag nach der Sitzung des Rates im Museum am Kai mit.\n"
        "Erschienen am:\n12.03.2026\nHerausgeber:\nPressestelle der Stiftung Hafenmuseum\n+49 40 1234567\nTel.: (040) 12 34-5\n"
        "Jana Lind leitet seit acht Jahren die Sammlung des Museums und hat die Ausstellung über die alten Fähren aufgebaut.\n"
        "Der Stiftungsrat dankte ihrem Vorgänger, der das Haus fast zwanzig Jahre lang geführt hat und nun in den Ruhestand geht.\n"
        "Die Stiftung will in diesem Jahr auch den Umbau des Lagerhauses am Kai beginnen, in dem künftig Schiffsmodelle stehen.\n"
        "Impressum"
    )
    parts = read(page)
    assert parts.title == "Neue Leiterin für das erfundene Hafenmuseum gewählt"
    assert "einstimmig" in parts.body + parts.summary and "Sammlung des Museums" in parts.body
    for furniture in ("Herausgeber", "Pressestelle", "1234567", "34-5"):
        assert furniture not in parts.body


def test_a_slider_s_controls_are_no_section_label():
    text = (
        "Harbour News\nHome\nSport\n\nFerry crews win the regatta\n\nRowers from the harbour club lead the league\n\n"
        "Previous Next\nHarbour club rower clears the fictional record at the winter regatta\n\n"
        "WESTHAVEN - A rower from the fictional harbour club set a new course record at the winter regatta on Sunday, "
        "finishing the six-kilometre course four seconds faster than the old mark, the club said.\n\n"
        "Her coach said she would now prepare for the national championships in the spring, where she hopes to win a medal."
    )
    parts = read(text)
    assert parts.title == "Harbour club rower clears the fictional record at the winter regatta"
    assert parts.section != "Previous Next"


@pytest.mark.parametrize("top, foot, source", [
    ("The Westhaven Echo", "The Westhaven Echo · About · Contact · Privacy", "The Westhaven Echo"),  # a masthead heading the footer's links
    ("Watch live", "Watch live", None),  # a button printed again in the footer's menu
    ("News & Views", "News & Views\nOpinion\nSport", None),  # a menu item printed again in the footer's menu
])
def test_a_masthead_is_a_top_line_heading_the_footer_s_row_of_links(top, foot, source):
    page = (f"{top}\n\nHome\nNews\nSport\n\nHarbour works delayed again\n\n"
            "WESTHAVEN - Work on the fictional harbour wall was delayed for a third time on Monday, the council said.\n\n"
            "Engineers found more damage to the old stones than the survey had shown, a spokeswoman said.\n\n"
            f"Most read\n\nFerry timetable changes\n\n{foot}")
    assert read(page).source == source


def test_invisible_characters_are_left_out():
    """Soft hyphens (as characters in a page's text, as entities in its HTML) and zero-width spaces are
    hyphenation and layout hints: the stored headline and body are the words a reader sees."""
    from digest.ingest.pipeline import build_article
    from digest.ingest.readers import RawInput

    text = ("Start\nPolitik\n\nDeutsch\xadland schickt Hilfs\xadgüter nach Mosambik\n\n"
            "Von Lena Korvik\n\n"
            "Die Bundes\xadregierung hat am Dienstag weitere Hilfs\xadgüter für die vom Zyklon "
            "getroffenen Küsten\u200bregionen Mosambiks zugesagt, wie das Ministerium mitteilte.\n\n"
            "Die Lieferung soll noch in dieser Woche in Beira eintreffen, hieß es aus Deutsch\xadland.\n")
    found = build_article(RawInput("de.txt", "text", {"id": "de1", "text": text}))
    assert found.title == "Deutschland schickt Hilfsgüter nach Mosambik"
    assert "\xad" not in found.body and "\u200b" not in found.body and "Küstenregionen" in found.body

    html = ("<html><head><title>Hilfe f&uuml;r Mosambik</title></head><body><article>"
            "<h1>Deutsch&shy;land schickt Hilfs&#173;g&uuml;ter nach Mosambik</h1>"
            "<p>BERLIN (dpa) - Die Bundes&shy;regierung hat am Dienstag weitere Hilfsg&uuml;ter f&uuml;r die vom "
            "Zyklon getroffenen K&uuml;stenregionen Mosambiks zugesagt, wie das Ministerium mitteilte.</p>"
            "<p>Die Lieferung soll noch in dieser Woche in Beira eintreffen, hie&szlig; es aus dem Ministerium.</p>"
            "</article></body></html>")
    found = build_article(RawInput("de.html", "html", {"id": "de2", "html": html}))
    assert found.title == "Deutschland schickt Hilfsgüter nach Mosambik"
    assert "Bundesregierung" in found.body and "\xad" not in found.body


def test_a_stamp_printed_over_the_headline_s_time_byline_and_credit_dates_the_story():
    """Some sites print the header cluster over the headline: date, time, byline, photo credit."""
    text = ("Start\nPolitik\nWirtschaft\n\nSuche\nWerbung\nMärz 3, 2026\n12:30\nvon: Lena Korvik\nFoto: Hafenamt Westhaven\n"
            "Hafen von Westhaven schließt die Nordmole\n\n"
            "Die fiktive Hafenbehörde von Westhaven hat die Nordmole am Dienstag für umfangreiche Reparaturen gesperrt, "
            "nachdem Taucher bei einer routinemäßigen Prüfung tiefe Risse im Fundament entdeckt hatten, wie ein Sprecher mitteilte.\n\n"
            "Die Fähren zu den Inseln legen nach Angaben der Behörde bis zum Sommer an der Südmole an, die dafür in den "
            "kommenden Wochen mit zwei zusätzlichen Anlegern ausgestattet werden soll, sagte der Sprecher weiter.\n\n"
            "Fischer kritisierten die Sperrung am Mittwoch scharf, weil die Südmole schon jetzt an vielen Tagen überfüllt "
            "sei und die Kutter dort oft stundenlang auf einen freien Platz zum Entladen warten müssten.\n\n"
            "Mehr aus der Region\nImpressum\nDatenschutz\n")
    found = read(text)
    assert found.title == "Hafen von Westhaven schließt die Nordmole" and found.date == "2026-03-03"


@pytest.mark.parametrize(
    "line, is_caption",
    [
        ("Courtesy of Harbour Watch", True),
        ("Courtesy is what the ferry crews asked of passengers on Monday", False),
        ("Der alte Anleger im Nordhafen. Foto: Von Jana Roe, CC BY-SA 4.0, https://media.example.org/w/index.php?id=4711", True),
        ("Alle Fahrpläne stehen unter https://faehre.example.org/plan bereit.", False),
        ("Die Bürgermeisterin am Anleger| Foto: Jana Roe Jr./Kleinholmer Bote", True),
        ("Sie zeigte uns ihr Foto: den Hafen im Nebel. Danach fuhr sie heim", False),
    ],
)
def test_credits_with_courtesy_an_address_or_an_abbreviation_mark_a_caption(line, is_caption):
    from digest.ingest.caption import is_caption as check

    assert check(line) is is_caption


LEDE = ("Die fiktive Gemeinde Kleinholm erneuert ihren alten Fähranleger bis zum Sommer, "
        "nachdem Gutachter schwere Schäden an den Pfählen gefunden haben.")


@pytest.mark.parametrize(
    "opening",
    ["Gastbeitrag | ", "Pressemitteilung vom 25. Januar 2026 | ", "Pressemitteilung vom 25. Januar 2026 | Berlin – ",
     "BERLIN: ", "Kleinholm (dpa). "],
)
def test_a_label_stamp_or_dateline_opening_the_lede_is_no_part_of_the_summary(opening):
    parts = read("Kleinholm erneuert den Fähranleger\n\n" + opening + LEDE + "\n\nDer Umbau kostet zwei Millionen Euro.")
    assert parts.summary == LEDE


def test_a_headline_in_capitals_keeps_what_looks_like_a_dateline():
    """"ORSO MARSICANO: 2019 UN ANNO DA RECORD" opens like "SEOUL: ..." but is a shouted headline."""
    from digest.ingest.pipeline import _summary

    assert _summary("FÄHRE NORDBY: 2026 EIN JAHR DER REKORDE (Meldung vom 14. Januar 2026)").startswith("FÄHRE NORDBY")


@pytest.mark.parametrize("notice", ["© 2026 The Westhaven Herald", "(c) 2026 Westhaven Herald", "Copyright 2026 Herald Media",
                                    "© Westhaven Herald", "© The Westhaven Herald 2026 | Terms"])
def test_the_site_s_copyright_notice_makes_no_caption_of_the_story_s_last_paragraph(notice):
    """A bare credit under a line makes that line a photo's caption; a notice with a year, or with no
    story after it, is the site's footer (pages-dev: two pages had lost their last paragraph so)."""
    page = (
        "Home\nNews\nHarbour road closed after gas leak\nNovember 8, 2026\n"
        "Harbour Road is closed between Dock Street and the ferry terminal after a gas main broke on Tuesday morning, "
        "the fictional town's fire service said.\n"
        "Crews expect the repair to take most of the day, and buses are being sent along the seafront instead.\n"
        "Residents of eleven houses near the break were asked to leave until engineers had checked the pipes.\n"
        f"{notice}\n"
    )
    assert "Residents of eleven houses" in read(page).body


@pytest.mark.parametrize(
    "line, is_caption",
    [
        ("新桥全长一点二公里，由当地公司承建。（摄影：王小明 / 虚构晚报）", True),
        ("学童在河滨公园参加户外课。（圖／虚构日报记者林小华攝）", True),
        ("町長らがテープカットをした＝２７日、架空町（撮影・山田花子）", True),
        ("新华社记者 李小明 摄）", False),  # no opening bracket: not a closing credit
        ("読者が橋を渡る（新華社記者 李小明 攝）", True),
        ("마을버스가 정류장에 정차해 있다. 사진=가상일보 김가상 기자", True),
        ("Ο νερόμυλος πριν από τις εργασίες. Φωτογραφία: Μαρία Παπά / Φανταστικά Νέα", True),
        ("פאנלים סולאריים על גג בית הספר. צילום: יוסי בדוי", True),
        ("Wizualizacja nowego basenu przy ulicy Leśnej. Fot. Urząd Gminy Zmyślone", True),
        ("Học sinh đi qua cây cầu mới. Ảnh: Trần Thị Hư", True),
        ("نمایی از ورودی قنات قدیمی. عکس: علی خیالی / خبرگزاری ساختگی", True),
        # story sentences are none
        ("他说，这座桥的建成将大大方便居民出行（如图所示）。", False),
        ("首相は会見で「検討する」と述べた（共同）", False),
        ("Министр заявил, что мост откроют весной.", False),
        ("Burmistrz zapowiedział, że basen zostanie otwarty w 2028 roku.", False),
    ],
)
def test_captions_credited_in_other_languages_and_scripts(line, is_caption):
    from digest.ingest.caption import is_caption as check

    assert check(line) is is_caption


@pytest.mark.parametrize("share, heading, related", [
    # three related headlines of like length in one block read as a hard-wrapped paragraph unless the heading is known
    ("Κοινοποίηση: Facebook Twitter Email", "Διαβάστε επίσης",
     "Νέα ποδηλατική διαδρομή στα ορεινά χωριά της Κρήτης\nΓιορτή κρασιού με χιλιάδες επισκέπτες στο χωριό\n"
     "Ρεκόρ επισκεπτών στα μουσεία της περιοχής φέτος"),
    ("Chia sẻ: Facebook Zalo Twitter", "Tin liên quan",
     "Mưa lớn gây sạt lở nhiều tuyến đường ở vùng núi\nXã trồng mới 50 ha cà phê trên đồi phía nam\n"
     "Học sinh vùng cao nhận áo ấm cho mùa đông này"),
    ("Paylaş: Facebook Twitter WhatsApp", "İlgili Haberler",
     "Limanda yeni feribot seferleri bu hafta başladı\nBalıkçılar yeni sezonu törenle açtı bu sabah\n"
     "Belediye sahil yolunu yeniden düzenleyecek"),
])
def test_a_share_bar_and_a_related_list_in_other_languages_end_the_story(share, heading, related):
    story = ("The fictional harbour town of Kleinholm reopened its old mill as a museum on Friday, the council said.\n"
             "The restoration took three years and was paid for by the region and a local foundation.\n"
             "Entry will be free for residents until the end of next year, the mayor told reporters.\n")
    page = (f"Home\nNews\n\nOld mill reopens as a museum\n\nNovember 27, 2026\n\n{story.replace(chr(10), chr(10) * 2)}"
            f"{share}\n\n{heading}\n{related}\n\n© 2026 Example")
    body = read(page).body
    assert body.rstrip().endswith("the mayor told reporters.")


THAI_PAGE = """หน้าแรก
ข่าว
ภูมิภาค
ตำบลสมมุติเปิดตลาดน้ำริมคลองเก่า หวังฟื้นเศรษฐกิจชุมชน
โดย สมศรี ใจงาม
27 พฤศจิกายน 2569 เวลา 16:10 น.
เทศบาลตำบลสมมุติในจังหวัดเชียงใหม่ เปิดตลาดน้ำแห่งใหม่ริมคลองเก่าเมื่อวันศุกร์ที่ผ่านมา โดยมีชาวบ้านมาร่วมงานจำนวนมาก
ตลาดน้ำแห่งนี้มีร้านค้าบนเรือกว่า 60 ลำ จำหน่ายอาหารพื้นเมือง ผลไม้ และงานหัตถกรรมของคนในชุมชน
นายกเทศมนตรีกล่าวว่า ตลาดจะเปิดทุกวันเสาร์และอาทิตย์ ตั้งแต่เช้าจนถึงบ่ายสองโมง ตลอดทั้งปี
แชร์: Facebook LINE X
ข่าวที่เกี่ยวข้อง
เชียงใหม่อากาศหนาว อุณหภูมิต่ำสุด 12 องศา
© 2569 ข่าวสมมุติ"""

HINDI_PAGE = """होम
देश
राज्य

काल्पनिक गाँव में शुरू हुआ सामुदायिक सौर संयंत्र, दो सौ घरों को मिलेगी बिजली

द्वारा रमेश वर्मा

27 नवंबर 2026, 11:45 IST

राजस्थान के काल्पनिक गाँव में पहली बार एक सामुदायिक सौर ऊर्जा संयंत्र ने काम करना शुरू किया है।

ग्राम पंचायत के अनुसार यह संयंत्र लगभग दो सौ घरों और एक सरकारी स्कूल को दिन भर बिजली देगा।

पंचायत का कहना है कि अगले वर्ष तक आसपास के तीन और गाँवों को भी बिजली दी जाएगी।

ये भी पढ़ें
राजस्थान में ठंड ने दी दस्तक
© 2026 काल्पनिक समाचार"""


@pytest.mark.parametrize("text, title, author, first, last", [
    # Thai: no spaces between words, no mark at a sentence's end
    (THAI_PAGE, "ตำบลสมมุติเปิดตลาดน้ำริมคลองเก่า หวังฟื้นเศรษฐกิจชุมชน", "สมศรี ใจงาม", "เทศบาลตำบลสมมุติ", "ตลอดทั้งปี"),
    # Hindi: vowel signs are no punctuation, and "।" ends a sentence
    (HINDI_PAGE, "काल्पनिक गाँव में शुरू हुआ सामुदायिक सौर संयंत्र, दो सौ घरों को मिलेगी बिजली", "रमेश वर्मा",
     "राजस्थान के काल्पनिक", "बिजली दी जाएगी।"),
])
def test_thai_and_hindi_pages_give_their_headline_byline_and_story(text, title, author, first, last):
    found = read(text)
    assert (found.title, found.authors, found.date[:10]) == (title, [author], "2026-11-27")
    assert found.body.startswith(first) and found.body.rstrip().endswith(last)


STORY_LINES = ("The council of the fictional town of Westhaven voted on Thursday to rebuild the old harbour school.\n\n"
               "The new building will open in 2029 and hold 600 pupils, twice as many as the old one.\n\n"
               "Parents had campaigned for a new school for more than a decade, the council said.\n")


def test_an_editors_note_before_the_story_is_not_its_summary():
    page = ("Home\nNews\n\nWesthaven to rebuild harbour school\n\nBy Jana Roe\nNovember 20, 2026\n\n"
            "Correction: An earlier version of this story misstated the vote. The council approved the plan 5-2.\n\n"
            + STORY_LINES + "\n© 2026 Westhaven Herald")
    found = read(page)
    assert found.summary.startswith("The council of the fictional town")
    assert "Correction:" in found.body  # the note stays for the reader


def test_a_role_under_the_byline_s_name_is_no_headline():
    page = ("Home\nNews\n\nWesthaven to rebuild harbour school after years of campaigning\n\n"
            "Key points\n- The school opens in 2029\n- It will hold 600 pupils\n\nJana Roe\nEducation correspondent\n"
            "Wed 25 Nov 2026 19.20 GMT\n\n" + STORY_LINES)
    assert read(page).title == "Westhaven to rebuild harbour school after years of campaigning"


@pytest.mark.parametrize("line, author", [
    ("Propos recueillis par Julien Astre", "Julien Astre"),
    ("Un reportage de Claire Vaubert", "Claire Vaubert"),
])
def test_french_bylines_of_interviews_and_reports(line, author):
    from digest.ingest.byline import parse_byline

    assert parse_byline(line) == [author]


def test_a_paywall_offer_inside_the_story_is_dropped():
    page = ("Home\nNews\n\nWesthaven to rebuild harbour school\n\nVon Jana Roe\n20.11.2026\n\n"
            "The council of the fictional town of Westhaven voted on Thursday to rebuild the old harbour school.\n\n"
            "Weiterlesen mit HB+\nSie haben bereits ein Abo? Jetzt anmelden\n\n"
            "The new building will open in 2029 and hold 600 pupils, twice as many as the old one.\n\n"
            "Parents had campaigned for a new school for more than a decade, the council said.\n")
    body = read(page).body
    assert "Abo" not in body and "Weiterlesen" not in body
    assert body.rstrip().endswith("the council said.")


def test_a_press_release_s_media_contact_is_not_its_author():
    page = ("Newsroom\n\nBrightwell opens battery recycling plant\n\nNovember 24, 2026\n\n"
            "DUNMERE, England -- Brightwell Cells Ltd today opened a recycling plant in the fictional town of Dunmere.\n\n"
            "The plant will recover lithium, nickel and cobalt from used car batteries, the company said.\n\n"
            "It employs 140 people and will reach full output next year, according to the company.\n\n"
            "Media contact:\nOwen Pritchard\npress@brightwell.example\n")
    assert "Owen Pritchard" not in (read(page).authors or [])


def test_a_story_goes_on_under_a_photo_gallery():
    """Eight photos, each with its counter and caption, between the story's first and last paragraphs."""
    gallery = "".join(f"Bild {n} von 8\nBesucher am Hafen von Kleinholm am Abend, Nummer {n}. Foto: Jana Roe\n" for n in range(1, 9))
    page = ("Kleinholmer Bote\nStartseite Lokales Sport\n\nFotostrecke\n\nHafenfest in Kleinholm: Die schönsten Bilder\n\n"
            "26.11.2026, 22:10 Uhr\n\n"
            "Tausende Besucher haben am Mittwochabend das Hafenfest im erfundenen Kleinholm gefeiert. Mehr als 40 Boote "
            "waren festlich beleuchtet.\n\n" + gallery + "\n"
            "Das Hafenfest dauert noch bis Sonntag. Die Boote sind täglich von 17 bis 23 Uhr zu sehen, der Eintritt ist frei.\n\n"
            "Impressum | Datenschutz")
    body = read(page).body
    assert body.rstrip().endswith("der Eintritt ist frei.")
    assert "Bild 3 von 8" not in body


@pytest.mark.parametrize("heading", ["À voir aussi", "Otros vídeos", "Altri video", "Mehr Videos", "Watch next"])
def test_a_video_page_s_list_of_other_videos_is_a_link_list(heading):
    from digest.ingest.furniture import is_list_heading
    from digest.ingest.lines import fold

    assert is_list_heading(fold(heading))
