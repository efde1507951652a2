"""The headline and its header cluster on pages of the shapes met on real sites (fictional
pages we wrote): kickers over or fused to the headline, standfirsts printed a sentence a
line, one-paragraph stories under a paywall prompt, tags printed many times, bylines
that sit under a one-line standfirst or on the headline's own line."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest.byline import is_name, names_beside_stamp, parse_byline
from digest.ingest.furniture import breadcrumb_tail, classify, is_chrome
from digest.ingest.headline import headline_part, is_label, mark_display
from digest.ingest.lines import split_lines
from digest.ingest.pagetext import parse_page_text
from digest.ingest.pipeline import build_article, read_page
from digest.ingest.readers import RawInput

MENU = "Startseite\nPolitik\nWirtschaft\nKultur\nSport\nSuche\nAnmelden\n"
FOOTER = "Impressum\nDatenschutz\nKontakt\n© 2026 Kleinholmer Bote\n"
STORY = (
    "Die fiktive Gemeinde Kleinholm hat am Dienstag beschlossen, den alten Fähranleger bis zum Sommer "
    "vollständig zu erneuern, nachdem Gutachter schwere Schäden an den Pfählen gefunden hatten.\n"
    "Der Umbau soll rund zwei Millionen Euro kosten; die Hälfte davon übernimmt das Land, wie die "
    "Bürgermeisterin nach der Sitzung des Gemeinderats mitteilte.\n"
    "Während der Bauarbeiten legen die Fähren an einem provisorischen Steg im Nordhafen an, der "
    "bereits in der kommenden Woche aufgebaut werden soll.\n"
)


def shapes(text: str) -> list[str]:
    """A page as innerText saves it (single newlines), and with blank lines between blocks."""
    return [text, text.replace("\n", "\n\n")]


def read(text: str):
    return read_page(parse_page_text(text), {})


@pytest.mark.parametrize("text", shapes(MENU + "Debatten aus dem Gemeinderat\nLibre cours: Der Hafen, die Fähren und ich\n"
                                        "KOMMENTAR\nVon Jana Brückner am 19.10.2026\n" + STORY + FOOTER))
def test_a_kicker_of_several_words_over_the_headline(text):
    assert read(text).title == "Libre cours: Der Hafen, die Fähren und ich"


@pytest.mark.parametrize("text", shapes(MENU + "Lokales Kleinholm Gemeinde erneuert den alten Fähranleger\n"
                                        "19.10.2026, 12:00 Uhr\n" + STORY + "Gemeinde erneuert den alten Fähranleger\n" + FOOTER))
def test_a_kicker_fused_to_the_headline_goes_when_the_page_prints_it_without(text):
    assert read(text).title == "Gemeinde erneuert den alten Fähranleger"


@pytest.mark.parametrize("text", shapes(MENU + "Nachricht 19. Oktober 2026\n"
                                        "Gemeinde erneuert den alten Fähranleger\nFoto: Jana Brückner\nDie Pfähle sind morsch.\n"
                                        "Der Umbau kostet zwei Millionen Euro.\nDas Land zahlt die Hälfte.\nAnzeige\n" + STORY + FOOTER))
def test_a_standfirst_printed_a_sentence_a_line_is_no_rival_headline(text):
    found = read(text)
    assert found.title == "Gemeinde erneuert den alten Fähranleger"
    assert found.date == "2026-10-19"


@pytest.mark.parametrize("text", shapes(
    MENU + "Leserbriefe\nNeue Parkordnung am Hafen\nmehr\n"
    "Klimaschutz: Der Hafen soll bis 2030 ohne Diesel auskommen\n"
    "Die Gemeinde will die Fähren auf Strom umstellen.\nVon Jana Brückner\n19. Oktober 2026, 19:08 Uhr\n"
    "Exklusiv für Abonnenten\n"
    "Als die erste elektrische Fähre im Frühjahr zur Probe anlegte, standen Dutzende Schaulustige am Kai und "
    "filmten das fast lautlose Manöver, das die Gemeinde seit Jahren geplant hatte.\n"
    "Wählen Sie Ihren Zugang und lesen Sie weiter:\nDigital-Abo\nJetzt testen\n" + FOOTER))
def test_a_one_paragraph_story_under_a_paywall_prompt_keeps_its_headline(text):
    found = read(text)
    assert found.title == "Klimaschutz: Der Hafen soll bis 2030 ohne Diesel auskommen"
    assert found.authors == ["Jana Brückner"]
    assert found.body.startswith("Als die erste elektrische Fähre")


TAG = "OLYMPISCHE SPIELE IN KLEINHOLM\n"


@pytest.mark.parametrize("text", shapes(
    TAG + MENU + TAG + "ZWEITER STARTPLATZ FÜR DIE BIATHLETINNEN AUS KLEINHOLM BESTÄTIGT\nDer Verband hat am Montag entschieden.\n"
    + STORY + TAG + "Staffel verpasst Podest knapp\n" + TAG + "Schneemangel in den Bergen\n" + TAG + FOOTER))
def test_a_tag_printed_on_every_teaser_is_no_headline(text):
    assert read(text).title == "ZWEITER STARTPLATZ FÜR DIE BIATHLETINNEN AUS KLEINHOLM BESTÄTIGT"


def test_a_breadcrumb_with_arrows_names_the_headline():
    assert breadcrumb_tail("Home → Nachrichten → Fähren fahren wieder nach Plan") == "Fähren fahren wieder nach Plan"
    assert is_label("Home → Nachrichten")


PIERS = (
    "Barnacles settle on any surface that stays wet long enough, and ferry piers offer them acres of it. A pier "
    "left alone for a season can carry a crust thick enough to scrape a hull.\n"
    "The fictional harbour of Kleinholm clears its piers twice a year, in April and in September, when the larvae "
    "are least active and the tides run low in the mornings.\n"
    "Most of the work is done by hand, with long scrapers, because pressure washers strip the protective coating "
    "that keeps the timber from rotting.\n"
)


@pytest.mark.parametrize("text", shapes(
    "Harbour-master tips for clean piers, whether wooden, concrete or floating, for safe landings all season long.\n"
    "By Jane Roe\nUpdated May 06, 2026\nAdvertisement\n" + PIERS))
def test_a_byline_under_a_standfirst_taken_for_the_story_s_start_is_read(text):
    found = build_article(RawInput("x", "record", {"title": "Keeping ferry piers free of barnacles", "text": text}))
    assert found.authors == ["Jane Roe"]
    assert found.date == "2026-05-06"


@pytest.mark.parametrize("line, names", [
    ("Por Ana Ruiz @anaruiz - mayo 11, 2026", ["Ana Ruiz"]),  # a social handle after the name
    ("Escribe Ana Ruiz en Sociedad", ["Ana Ruiz"]),
    ("Veröffentlicht am 03.02.2026 von Jana Brückner Hafenblatt International", ["Jana Brückner Hafenblatt"]),
])
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["Reading Time: 3 mins read", "4 min read", "Lesezeit: 5 Minuten", "Temps de lecture : 2 min"])
def test_reading_times_are_chrome(line):
    assert is_chrome(line.casefold())


@pytest.mark.parametrize("line", ["Save", "Pin it", "Speichern"])
def test_a_save_button_alone_on_its_line_is_chrome(line):
    """A bookmark or pin button the scraper kept as a line of the story (and the town of Save, Benin)."""
    assert is_chrome(line.casefold())


def test_a_tokenised_address_over_the_text_is_the_page_s_url_and_names_no_outlet_by_its_path():
    text = (
        "http: / / www. meridian - courier. example / news / 2026 / 03 / 04 / harbour - ferries - strike. html\n"
        "Harbour ferries strike for a second day\nMarch 4, 2026\n" + PIERS
    )
    found = read(text)
    assert found.url == "http://www.meridian-courier.example/news/2026/03/04/harbour-ferries-strike.html"
    assert found.title == "Harbour ferries strike for a second day"
    assert found.date == "2026-03-04"
    assert found.source is None  # not "strike. html"
    known = read(text.replace("www. meridian - courier. example", "www. nydailynews. com"))
    assert known.source == "New York Daily News"  # a known host's outlet


def test_a_word_of_the_story_does_not_name_the_outlet_after_its_domain():
    text = "http: / / www. endangered. example / x /\nSpecies rules restored\nApril 28, 2026\n" + PIERS.replace(
        "Most of the work", "The Endangered Species Coalition says most of the work")
    assert read(text).source is None


@pytest.mark.parametrize("record, title", [
    ({"text": "Floods hit Valdora - Example Wire", "source": "Example Wire", "date": "2026-03-04T10:00:00Z",
      "url": "https://news.example.org/floods"}, "Floods hit Valdora"),
    ({"text": "Central bank of Ruritania raises rates again", "source": "Example News", "date": "2026-03-04"},
     "Central bank of Ruritania raises rates again"),
])
def test_a_headline_alone_keeps_what_the_record_gives_and_gets_no_junk(record, title):
    found = build_article(RawInput("feed.jsonl:1", "record", {"id": "h1", **record}))
    assert found.title == title
    assert (found.source, found.url) == (record["source"], record.get("url"))
    assert found.date == record["date"].replace("Z", "+00:00")
    assert (found.summary, found.body) == ("", "")
    assert (found.dateline, found.agency, found.authors, found.image, found.section) == (None, None, [], None, None)


@pytest.mark.parametrize("line, names", [
    ("von jroe · 31. Oktober 2026", ["jroe"]),  # a handle, named outright after the lead
    ("Posted on 25. Januar 2026 Author Redaktion", ["Redaktion"]),
    ("Veröffentlicht am 8. Februar 2026 von Hafen-Team", ["Hafen-Team"]),
    ("Jana Brückner am 18. September 2026", ["Jana Brückner"]),
    ("28. Jan. 2026 Jana Brückner", ["Jana Brückner"]),
    ("1. Februar 2026 Jana Brückner 6", ["Jana Brückner"]),  # a comment count after the name
    ("By Jane Roe, March 3, 2026", ["Jane Roe"]),
    ("07.12.2026 Wissenschaft Atmosphäre Klima", []),  # tags after the date
    ("Politik - 31. Januar 2026", []),
    ("04.02.2026 | 15:33 Uhr | Jana Brückner", ["Jana Brückner"]),
    # a headline run into its byline line: the name opening the headline is not beside the date
    ("Jana Brückner – Hafenmeisterin tritt zurück jroe — 2. Februar 2026", []),
])
def test_names_beside_a_stamp(line, names):
    assert names_beside_stamp(line) == names


@pytest.mark.parametrize("text", ["St. Johannes", "Staff And", "Russland Antiimperialismus Kolonialismus", "Nächster Eintrag"])
def test_no_person_s_name(text):
    assert not is_name(text)


@pytest.mark.parametrize("text", [
    "Ferry Returning to Kleinholm From the Mainland With 40 Tonnes of Grain Stopped by Harbour Police, Port Says",  # title case
    "Crews found the wreck on Sunday near the pier. By HARBOUR AUTHORITY STAFF",  # a caption's credit
    "Die Wahl beendete die Karriere von Bürgermeister Jan Falk, der noch in der Nacht seinen Rücktritt erklärte",  # a clause
])
def test_no_byline_cut_from_the_headline(text):
    assert headline_part(text) == text


def test_a_byline_a_little_under_the_story_but_not_a_teaser_s():
    text = MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY + (
        "Weitere Informationen beim Hafenamt.\nTeilen\nDrucken\nErstellt von Jana Brückner\n" + FOOTER)
    assert read(text).authors == ["Jana Brückner"]
    teaser = MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY + (
        "Mehr aus dem Hafen\nTeilen\nNeue Fähre für die Insel Kleinholm getauft\nVon Jan Falk\n" + FOOTER)
    assert read(teaser).authors == []


def test_appeals_inline_links_and_a_closing_list_heading_stay_out_of_the_body():
    text = MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY.replace(
        "Der Umbau soll", "Le puede interesar: Neue Fähre für Kleinholm\nDer Umbau soll") + (
        "Lust auf mehr? Lass dir die besten Geschichten aus dem Hafen jede Woche schicken. Melde dich hier an.\n"
        "Die meistgelesenen Artikel bei Kleinholmer-Bote.example\n"
        "Sturm: Die Fähre fällt am Wochenende aus, meldet die Reederei am Freitagabend in einer kurzen Mitteilung.\n"
        + FOOTER)
    body = read(text).body
    assert body.startswith("Die fiktive Gemeinde") and body.rstrip().endswith("aufgebaut werden soll.")
    for chrome in ("Le puede interesar", "Lust auf mehr", "meistgelesenen", "Sturm:"):
        assert chrome not in body


def test_a_subhead_that_opens_with_a_closing_heading_s_word_does_not_end_the_story():
    text = MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY.replace(
        "Während der Bauarbeiten", "Kontaktbeschränkungen am Kai\nWährend der Bauarbeiten") + FOOTER
    assert "Während der Bauarbeiten" in read(text).body


HARBOUR = (Path(__file__).parent / "fixtures" / "pages" / "harbour_story.html").read_text(encoding="utf-8")


def html_read(html: str):
    from digest.ingest.html import parse_html

    return read_page(parse_html(html, "https://coastal-times.example/business/cranes"), {})


def test_a_section_h1_gives_way_to_the_h1_the_og_title_names():
    html = HARBOUR.replace("<article>", "<article><h1>Business</h1>").replace(
        '<meta property="og:title" content="Harbour cranes halted as dockers strike over pay">',
        '<meta property="og:title" content="Harbour cranes halted as dockers strike over pay">'
        '<meta name="twitter:title" content="Business - Coastal Times">')
    assert html_read(html).title == "Harbour cranes halted as dockers strike over pay"


def test_a_declared_site_name_that_is_the_headline_is_no_site_name():
    html = (HARBOUR.replace('content="Coastal Times"', 'content="Harbour cranes halted as dockers strike over pay"')
            .replace('<meta property="og:title" content="Harbour cranes halted as dockers strike over pay">', "")
            .replace("<title>Harbour cranes halted as dockers strike over pay | Coastal Times</title>",
                     "<title>Coastal Times - Business - Harbour cranes halted as dockers strike over pay</title>"))
    assert html_read(html).title == "Harbour cranes halted as dockers strike over pay"


def test_an_unconfirmed_section_label_h1_gives_way_to_the_page_s_own_headline():
    html = (HARBOUR.replace("<title>Harbour cranes halted as dockers strike over pay | Coastal Times</title>", "<title>Coastal Times</title>")
            .replace('<meta property="og:title" content="Harbour cranes halted as dockers strike over pay">', "")
            .replace("<h1>Harbour cranes halted as dockers strike over pay</h1>", "<h2>Harbour cranes halted as dockers strike over pay</h2>")
            .replace("<header>", "<header><h1>Newsroom</h1>")
            .replace('<p class="byline">By Pia Lindqvist</p>', '<p class="byline">By Pia Lindqvist</p><p>February 11, 2026</p>'))
    assert html_read(html).title == "Harbour cranes halted as dockers strike over pay"


def test_a_most_read_box_between_standfirst_and_byline_is_left_out_and_the_byline_read():
    text = (MENU + "Sociedad\nLas escuelas de Kleinholm tendrán tres evaluaciones de calidad este año\n"
            "Las pruebas PISA se realizarán este año. Se sumarán a un relevamiento local y a las nacionales.\n"
            "LO MÁS LEIDO\nEconomía\n¿Cuánto se gana con un plazo fijo de cien mil pesos en dos meses en el banco del puerto?\n1\n"
            "Deportes\nCon un gol en el último minuto, el club del puerto vuelve a ganar y sueña con el ascenso\n2\n"
            "En las aulas coincidirán el nuevo abordaje que implementará la provincia, el examen nacional y el internacional.\n"
            "Ana Ruiz\nmiércoles, 4 de marzo de 2026\n" + STORY + FOOTER)
    found = read(text)
    assert found.authors == ["Ana Ruiz"]
    assert found.date == "2026-03-04"
    assert "plazo fijo" not in found.body and "LEIDO" not in found.body


def test_a_caption_s_names_and_places_are_no_authors():
    text = (MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n"
            "Jana Brückner, Hafenstraße Ost, Kleinholm.\n" + STORY + FOOTER)
    assert read(text).authors == []


@pytest.mark.parametrize("text", shapes(MENU + "Fähre und Hafen\nAktuelles\nFähre und Hafen\n14.03.2026\nvon Jana Brückner\n"
                                        "Gemeinde erneuert den alten Fähranleger\n" + STORY + FOOTER))
def test_a_section_label_over_the_stamp_gives_way_to_the_headline_under_it(text):
    found = read(text)
    assert found.title == "Gemeinde erneuert den alten Fähranleger"
    assert found.date == "2026-03-14"


def test_a_headline_that_names_a_day_is_no_date_stamp():
    text = MENU + "Aktuell\nFährfest am 21. Juni\n14.03.2026 Kultur & Freizeit\n" + STORY + FOOTER
    found = read(text)
    assert found.title == "Fährfest am 21. Juni"
    assert found.date == "2026-03-14"


@pytest.mark.parametrize("text", shapes(MENU + "Hafen & Schiffe\nDer alte Anleger\nDie neuen Fähren\n"
                                        "Gemeinde erneuert den alten Fähranleger\nJana Brückner\nErstellt: vor 4 Stunden\n"
                                        "Aktualisiert: vor 2 Stunden\n" + STORY + FOOTER + "Der alte Anleger\n"))
def test_a_name_over_a_labelled_relative_stamp_is_the_byline_under_the_headline(text):
    found = read(text)
    assert found.title == "Gemeinde erneuert den alten Fähranleger"
    assert found.authors == ["Jana Brückner"]


EN_STORY = (
    "The fictional harbour town of Westhaven closed its old ferry pier on Tuesday after engineers found "
    "cracks in three of its concrete piles, the harbour office said.\n"
    "Ferries will use a temporary landing stage at the north quay until repairs are finished, which the "
    "office expects to take about six weeks.\n"
)


@pytest.mark.parametrize("text", shapes("Home\nNews\nAbout Open dropdown menu\nContact\nPOSTED IN WESTHAVEN, NEWS\n"
                                        "Westhaven closes its old ferry pier by JANE ROE-SMITH MARCH 3, 2026 | 6:03 PM\n"
                                        "Share:\n" + EN_STORY + "Privacy\nTerms\n"))
def test_a_headline_printed_with_its_byline_and_stamp_on_one_line(text):
    found = read(text)
    assert found.title == "Westhaven closes its old ferry pier"
    assert found.authors == ["Jane Roe-Smith"]
    assert found.date.startswith("2026-03-03")


def test_a_lower_case_byline_under_the_headline_is_not_joined_to_it():
    text = (MENU + "Berichte\nGemeinderatswahl in Kleinholm\nvon Jana Brückner, Tom Weber\n"
            "Erdrutschsieg der Hafenliste\n14. März 2026\n" + STORY + FOOTER)
    found = read(text)
    assert found.title == "Gemeinderatswahl in Kleinholm"
    assert found.authors == ["Jana Brückner", "Tom Weber"]


def test_a_headline_under_a_menu_of_hundreds_of_items_printed_twice_is_still_weighed():
    """A mega-menu and a site map that repeat hundreds of section names: the headline over the
    story is weighed even when the page has more candidate lines than are weighed on evidence alone."""
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "du", "fe", "gi", "ho", "ju"]
    names = [f"Ortsteil {a.title()}{b}{c}" for a in syllables for b in syllables for c in ("n", "r")][:260]
    menu = "".join(f"Neues aus {n}\n" for n in names)
    text = (menu + "Gemeinde erneuert den alten Fähranleger\n" + STORY
            + "Themenrelevante Nachrichten\nNeue Bänke für den Hafenplatz\nFährfest lockt viele Gäste\n" + menu + FOOTER)
    found = read(text)
    assert found.title == "Gemeinde erneuert den alten Fähranleger"
    assert "Neue Bänke" not in found.body and found.body.startswith("Die fiktive Gemeinde")


def test_a_note_on_the_author_under_the_story_is_left_out():
    text = ("Home\nNews\nWesthaven closes its old ferry pier\nBy Jane Roe-Smith\nMarch 3, 2026\n" + EN_STORY
            + "Harbour fees will not change during the works, the council said in a statement.\n"
            "Jane Roe-Smith is a reporter covering the fictional coast of Westhaven for the Example Gazette.\n"
            "@JaneRoe-Smith\nPrivacy\nTerms\n")
    found = read(text)
    assert found.authors == ["Jane Roe-Smith"]
    assert "is a reporter covering" not in found.body and "@JaneRoe" not in found.body
    assert "Harbour fees will not change" in found.body


def test_a_long_more_information_heading_ending_with_a_colon_opens_a_link_list():
    text = (MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY
            + "Weitere Informationen zum Fährverkehr in Kleinholm:\nFahrplan der Inselfähre\nNeue Bänke am Hafenplatz\n" + FOOTER)
    found = read(text)
    assert "Fahrplan der Inselfähre" not in found.body and "Weitere Informationen" not in found.body


@pytest.mark.parametrize("text", shapes("Home\nPodcasts\nEye on Harbours\nWesthaven Wire March 3, 2026, 7:57 AM\n"
                                        "Westhaven shuts old ferry pier as engineers find cracks\nShare\nTweet\nEmail\n"
                                        "Westhaven ferry pier closes\n" + EN_STORY + "Privacy\nTerms\n"))
def test_the_headline_over_the_share_bar_not_the_video_title_under_it(text):
    found = read(text)
    assert found.title == "Westhaven shuts old ferry pier as engineers find cracks"
    assert found.date.startswith("2026-03-03")


def test_a_line_of_tags_is_no_headline():
    assert is_label("La Ville en marche, Justice, Jean Dupont")
    assert not is_label("Lavendel, Serpentinen und alte Dörfer: fünf Orte am Meer")
    text = ("Accueil\nContact\nAccueil | Par Jeanne Roux | 3 mars 2026\n"
            "Deux ans de travaux au port de Kleinholm : une jetée neuve et trois retards\n"
            "On vous aurait bien fait la liste des retards, mais elle est déjà trop longue.\n"
            "Port de Kleinholm, Travaux, Jeanne Roux\nVos réactions (3)\nenvoyer par mail\n"
            "Le chantier de la jetée du port fictif de Kleinholm a pris fin mardi, avec trois mois de retard sur le "
            "calendrier prévu par la commune et un budget dépassé de dix pour cent.\n"
            "Les ferries reprendront leurs horaires habituels dès la semaine prochaine, a indiqué la capitainerie "
            "dans un communiqué publié après la réception des travaux.\n" + FOOTER)
    assert read(text).title == "Deux ans de travaux au port de Kleinholm : une jetée neuve et trois retards"


def test_a_most_read_list_below_a_short_paywalled_story_does_not_outweigh_it():
    """A paywalled story of two paragraphs, then "Weitere Artikel" with wordy teasers: the story
    under the headline with its byline and stamp is the article, not the longest teaser."""
    teasers = "".join(
        f"Bergwacht\nBergwacht rettet Wanderer {name} aus einem Baum bei Kleinholm\n"
        f"Die Bergwacht rettet den Wanderer {name} aus einem Baum bei Kleinholm, nachdem er beim Klettern auf dem "
        "Rückweg hängen geblieben war und die Retter erst nach einer Stunde zu ihm gelangten. Von Tom Weber 3\n"
        for name in ("Anton", "Berta", "Carla", "Dieter", "Emil", "Frieda", "Gustav"))
    text = (MENU + "Semesterstart\nStudierende suchen in Kleinholm noch verzweifelt eine Wohnung\nVon Jana Brückner\n"
            "Mi, 14. Oktober 2026 um 12:50 Uhr\n"
            "Die Vorlesungen an der Hochschule starten, doch nicht alle Erstsemester haben schon ein Zimmer gefunden.\n"
            "Foto: Tom Weber\n"
            "Gesine aus dem Nachbarort läuft die Zeit davon: Sie hat sich für ein Studium eingeschrieben und schreibt "
            "seit Wochen Vermieter an, doch Antworten kommen kaum. \"Das ist echt ...\n"
            "Jetzt diesen Artikel lesen!\nWeitere Artikel\n" + teasers + FOOTER)
    found = read(text)
    assert found.title == "Studierende suchen in Kleinholm noch verzweifelt eine Wohnung"
    assert found.authors == ["Jana Brückner"]


def test_a_job_box_inside_the_story_does_not_split_it_from_its_headline_over_a_stamp():
    jobs = "".join(f"Ingenieur (m/w/d) Hafentechnik Firma {n} GmbH\nKleinholm Zum Job\n" for n in "ABCDEF")
    text = (MENU + "Technik\nEnergie 12.03.2026, 08:30 Uhr\n"
            "Gezeitenkraft: Kann der Hafen von Kleinholm bald Strom erzeugen?\n"
            "Die fiktive Gemeinde Kleinholm prüft, ob Turbinen in der Hafeneinfahrt genug Strom für den Ort liefern können.\n"
            "Foto: Jana Brückner\n" + STORY + "Top Stellenangebote\nZur Jobbörse\n" + jobs
            + "Was haben die Messungen im Hafen ergeben?\n"
            "Die Strömung in der Hafeneinfahrt erreicht bei Springflut mehr als zwei Meter pro Sekunde, wie die Gutachter "
            "in ihrem Bericht an den Gemeinderat schreiben, und reicht damit für kleine Turbinen aus.\n"
            "Lesen Sie auch:\nWie sieht der neue Fahrplan der Inselfähre aus?\n"
            "Ob die Turbinen gebaut werden, entscheidet der Gemeinderat im Herbst, wenn auch die Kosten für die Wartung "
            "der Anlagen und die Folgen für die Fischerei bekannt sind.\n" + FOOTER)
    found = read(text)
    assert found.title == "Gezeitenkraft: Kann der Hafen von Kleinholm bald Strom erzeugen?"
    assert found.date.startswith("2026-03-12")
    assert "Zum Job" not in found.body and "Springflut" in found.body


def test_a_citation_box_ends_the_story():
    text = (MENU + "Gemeinde erneuert den alten Fähranleger\n19.10.2026\n" + STORY
            + "Pour citer cet article :\nJana Brückner, « Le port de Kleinholm », Exemple, 19 octobre 2026.\n" + FOOTER)
    assert "Pour citer" not in read(text).body


@pytest.mark.parametrize("line", ["Ingrese o regístrese acá para guardar los artículos en su zona de usuario",
                                  "Regístrate o inicia sesión para seguir tus temas favoritos."])
def test_account_prompts_are_chrome(line):
    assert is_chrome(line.casefold())


@pytest.mark.parametrize("text", shapes(MENU + "Pressemitteilungen\n2026\nFähren sind kein rechtsfreier Raum\n"
                                        "Fäh\u00adren sind kein rechts\u00adfrei\u00ader Raum\n"
                                        "Neue Hafenwache der Gemeinde nimmt die Arbeit auf\nDatum: 26. Januar 2026\n" + STORY + FOOTER))
def test_a_short_headline_printed_twice_in_a_row_is_no_kicker_of_the_subtitle_under_it(text):
    assert read(text).title == "Fähren sind kein rechtsfreier Raum"


@pytest.mark.parametrize("text", shapes(MENU + "Interview mit Hafenmeisterin Jana\nDer Hafen braucht Geduld\n"
                                        "14. März 2026 Tom Weber\n" + STORY + FOOTER))
def test_a_kicker_over_a_headline_as_long_as_itself(text):
    assert read(text).title == "Der Hafen braucht Geduld"


def test_a_one_paragraph_story_above_a_related_list_of_dated_teasers():
    text = (MENU + "Startseite » Aktuelles » Hafenverband auf der Tagung der Fährleute\n"
            "Hafenverband auf der Tagung der Fährleute\n04.02.2026\nInformation\nVerband\n"
            "Die bundesweite Tagung der Fährleute findet am 11. und 12. Februar im Hafen von Kleinholm statt und der "
            "Hafenverband ist mit drei Vorträgen zu Sicherheit, Ausbildung und neuen Fähren dabei, wie der Vorstand "
            "am Montag nach seiner Sitzung im alten Zollhaus mitgeteilt hat\n"
            "Beitrag teilen:\nÄhnliche Artikel\n03.02.2026\nNeue Bänke für den Hafenplatz\n"
            "Der Hafenplatz bekommt zwölf neue Bänke aus Eichenholz, die der Verein der Fährleute im Herbst gespendet "
            "und selbst gebaut hat.\nweiterlesen\n"
            "02.02.2026\nFährfest lockt viele Gäste\nDas Fährfest im Januar hatte mehr Gäste als je zuvor\nweiterlesen\n" + FOOTER)
    found = read(text)
    assert found.title == "Hafenverband auf der Tagung der Fährleute"
    assert found.body.startswith("Die bundesweite Tagung")


@pytest.mark.parametrize("text", shapes(MENU + "RezensionSachbuch\nStilles Fernweh\n"
                                        "Die Gemeinde Kleinholm erneuert den alten Fähranleger, nachdem Gutachter Schäden an den Pfählen fanden.\n"
                                        "Jana Brückner am 18. September 2026\n" + STORY + FOOTER))
def test_a_two_word_headline_shaped_like_a_name_over_the_byline_is_the_headline(text):
    found = read(text)
    assert found.title == "Stilles Fernweh"
    assert found.authors == ["Jana Brückner"]


@pytest.mark.parametrize("text", shapes(MENU + "Menü\nFährleute fordern mehr Schutz vor Sturmfluten\n"
                                        "Umfrage unter Kleinholmer Fährleuten\n© Foto: Tom Weber\n26. Dezember 2026\n"
                                        + STORY + FOOTER))
def test_a_photo_credit_between_the_headline_and_its_stamp_does_not_part_them(text):
    assert read(text).title == "Fährleute fordern mehr Schutz vor Sturmfluten"


@pytest.mark.parametrize("label", ["Herausgeber:", "Source:", "Fuente:"])
def test_the_value_under_a_fact_fields_label_is_not_headline_shaped(label):
    lines = split_lines(f"Erschienen am:\n12.03.2026\n{label}\nPressestelle der Stiftung Hafenmuseum\nKaistraße 4")
    classify(lines)
    mark_display(lines)
    assert not lines[3].display
    lines = split_lines("Erschienen am:\n12.03.2026\nPresse\nPressestelle der Stiftung Hafenmuseum\nKaistraße 4")
    classify(lines)
    mark_display(lines)
    assert lines[3].display  # the same line under a menu item may be a headline


@pytest.mark.parametrize("text", shapes(
    "Pressemitteilung einreichen\nEILMELDUNGEN /\n"
    "Hafenmeisterin legt nach Sturmflut ihr Amt nieder\nFährmann gewinnt Regatta im Nordhafen\nNeue Bänke für den Hafenplatz\n"
    + MENU + "Top-Meldungen\nHafenmeisterin legt nach Sturmflut ihr Amt nieder\n2. Februar 2026\n168 0\n"
    "Top-Meldungen\nFährmann gewinnt Regatta im Nordhafen\n30. Januar 2026\n1.990 22\n"
    "Du bist hier: Start » Top-Meldungen » Hafenmeisterin legt nach Sturmflut ihr Amt nieder\n"
    "Top-Meldungen\nHafenmeisterin legt nach Sturmflut ihr Amt nieder\nJana Brückner — 2. Februar 2026\n" + STORY + FOOTER))
def test_the_breadcrumb_names_the_headline_that_a_ticker_prints_many_times(text):
    # Printed four times (ticker, teaser list, trail, <h1>) the headline looks like a menu item; the
    # trail's last step is the page saying which story it is, as a <title> would.
    assert read(text).title == "Hafenmeisterin legt nach Sturmflut ihr Amt nieder"


@pytest.mark.parametrize("text", shapes(
    "Home\nNews\nSport\nLocal\nHarbour road closed after gas leak\nBy Jana Roe\nNovember 8, 2026\n"
    "Share this:\nClick to share on Facebook (Opens in new window)\nGet the newsletter that Westhaven is talking about\n"
    "Harbour Road is closed between Dock Street and the ferry terminal after a gas main broke on Tuesday morning, "
    "the fictional town's fire service said.\n"
    "Crews expect the repair to take most of the day, and buses are being sent along the seafront instead.\n"
    "Residents of eleven houses near the break were asked to leave until engineers had checked the pipes.\n" + FOOTER))
def test_a_newsletter_prompt_over_the_story_is_not_its_standfirst(text):
    found = read(text)
    assert found.title == "Harbour road closed after gas leak"
    assert "newsletter" not in found.summary


@pytest.mark.parametrize("label, section", [
    ("Hafen und Schifffahrt", "Hafen und Schifffahrt"),  # a desk's label over the headline
    ("Kontakt", None),  # the menu's last item right above the headline
    ("E-Paper", None),
    ("Menü Menü", None),
    ("Foto: Jana Roe/Hafenbild", None),  # a photo's credit
    ("DE FR IT EN", None),  # a language switcher
    (">HAFENBOTE>Politik", "Politik"),  # a trail printed without spaces: its last step
    ("Politik |", "Politik"),
])
def test_the_section_is_a_desk_s_label_never_a_menu_item_or_a_credit(label, section):
    text = MENU + f"{label}\nFähren fahren wieder nach Plan\n14. März 2026 Tom Weber\n" + STORY + FOOTER
    assert read(text).section == section


def test_a_comment_form_s_heading_under_the_desk_s_signature_is_no_author():
    text = (MENU + "Fähren fahren wieder nach Plan\n14. März 2026\n" + STORY
            + "Redaktion\nHINTERLASSEN SIE EINE ANTWORT\nBitte geben Sie Ihren Kommentar ein!\n" + FOOTER)
    assert "Hinterlassen Sie Eine Antwort" not in (read(text).authors or [])


@pytest.mark.parametrize("line", ["Toggle search", "Whatsapp Facebook Pint Baixar", "Share Close extra sharing options"])
def test_interface_buttons_are_chrome_never_the_headline(line):
    text = (MENU + f"{line}\nFähren fahren wieder nach Plan\n14. März 2026 Tom Weber\n" + STORY + FOOTER)
    assert read(text).title == "Fähren fahren wieder nach Plan"


@pytest.mark.parametrize("line, display", [
    ("Westhaven store discounts MacBooks from $700, AirPods with case $150, more", True),  # brands' camel case
    ("McCarthy and DeSantis clash over iPhone ban at the harbour office", True),
    ("NorthgateSouthgateHarbourWesthaven", False),  # menu items run together
])
def test_camel_case_brands_are_no_menu_items_run_together(line, display):
    lines = split_lines(line + "\n")
    classify(lines)
    mark_display(lines)
    assert lines[0].display is display


@pytest.mark.parametrize("text", shapes(
    MENU + "Ihr Lesestand\n"
    "Der Lesestand zeigt, wie gut Sie über ein Thema informiert sind: Je mehr Artikel Sie zu einem Thema lesen, "
    "desto höher steigt er, und wer eine Weile nichts liest, sieht ihn wieder sinken.\n"
    "Schließen\nGemeinderat\nKleinholm erneuert den alten Fähranleger\nVonJana Roe\nKleinholm\n03.05.2026 21:44\n0\n"
    "Wie hat Ihnen der Artikel gefallen?\nWird geladen...\n"
    "Die Bürgermeisterin von Kleinholm am alten Fähranleger, dessen Pfähle schwer beschädigt sind| Foto: Jana Roe Jr./Kleinholmer Bote\n"
    "0\nArtikel anhören\n" + STORY + FOOTER))
def test_a_caption_with_an_abbreviated_credit_and_a_reaction_prompt_part_no_headline_from_its_story(text):
    """A credit with a full stop in it ("Jr./Agency") still marks a caption, and a one-line prompt
    ("Wie hat Ihnen der Artikel gefallen?") between the byline and the story is no standfirst run:
    the widget above (a heading over a paragraph) must not take the headline's place."""
    article = read(text)
    assert article.title == "Kleinholm erneuert den alten Fähranleger"
    assert article.image and article.image.endswith("Foto: Jana Roe Jr./Kleinholmer Bote")
    assert article.summary.startswith("Die fiktive Gemeinde Kleinholm")


def test_a_one_line_prompt_under_the_byline_is_no_run_of_prose():
    """"Wie hat Ihnen der Artikel gefallen?" is prose-shaped but no standfirst: only the caption
    under it stands between the headline and its story, one run, which costs nothing."""
    from digest.ingest.headline import features
    from digest.ingest.pagetext import _printings

    lines = split_lines(
        "Kleinholm erneuert den alten Fähranleger\nVon Jana Roe\n03.05.2026 21:44\nWie hat Ihnen der Artikel gefallen?\n"
        "Wird geladen...\nDie Bürgermeisterin von Kleinholm am alten Fähranleger, dessen Pfähle schwer beschädigt sind"
        "| Foto: Jana Roe Jr./Kleinholmer Bote\n" + STORY)
    classify(lines, None)
    mark_display(lines)
    start = next(i for i, ln in enumerate(lines) if ln.text.startswith("Die fiktive Gemeinde"))
    assert features(lines, 0, start, _printings(lines))["prose_between"] == 0


NOTE = ("Redakteurin beim Kleinholmer Boten. Nach einem Studium der Geschichte in Kiel und einem Volontariat "
        "schreibt sie seit mehreren Jahren über Häfen, Fähren und die Küste, über Werften und die Menschen, die dort arbeiten.\n")


def test_a_byline_closing_the_story_names_its_author_and_leaves_the_body():
    """Some pages print the byline at the end, inside the story's run of prose: a lead alone
    over the name, the author's note under it. None of it is the story's."""
    text = (MENU + "Gemeinderat\nKleinholm erneuert den alten Fähranleger\n12.03.2026\n" + STORY
            + "Ein Beitrag von:\nJana Roe\n" + NOTE + FOOTER)
    for shape in shapes(text):
        article = read(shape)
        assert article.authors == ["Jana Roe"]
        assert "Jana Roe" not in article.body and "Redakteurin" not in article.body
        assert article.body.rstrip().endswith("aufgebaut werden soll.")


def test_the_byline_in_the_story_s_last_lines_is_labelled_or_led_never_a_bare_name():
    from digest.ingest.byline import tail_byline

    story = STORY.strip().split("\n")
    assert tail_byline(story + ["Written by Jana Roe on March 3, 2026"]) == ["Jana Roe"]
    assert tail_byline(story + ["Autorin: Jana Roe, Redakteurin"]) == ["Jana Roe"]
    assert tail_byline(story + ["Ein Beitrag von:", "Jana Roe"]) == ["Jana Roe"]
    assert tail_byline(story + ["Jana Roe"]) == []
    assert tail_byline(["Von Jana Roe"] + story + ["Mehr zum Thema"]) == []  # not the story's opening


def test_a_name_over_its_stamp_with_the_joiner_on_a_line_of_its_own_is_the_byline():
    """"Jana Roe" / "am" / "Mittwoch, 11.03.2026 - 14:30": a CMS that sets each part apart."""
    text = MENU + "Gemeinderat\nKleinholm erneuert den alten Fähranleger\nJana Roe\nam\nMittwoch, 11.03.2026 - 14:30\n" + STORY + FOOTER
    for shape in shapes(text):
        assert read(shape).authors == ["Jana Roe"]


@pytest.mark.parametrize("menu, headline, story", [
    ("Главная\nНовости\nСпорт\nВойти", "В Северогорске открыли новый мост через реку",
     "СЕВЕРОГОРСК, 27 ноября. Новый мост через реку открылся для движения в пятницу утром, сообщили в мэрии "
     "вымышленного города.\nПо словам мэра, мост позволит разгрузить центральные улицы и сократит время в пути.\n"
     "Длина моста составляет более полутора километров, по нему проходят шесть полос движения.\n"
     "Строительство началось четыре года назад и обошлось городу дороже, чем планировалось."),
    ("トップ\n国内\n国際\nログイン", "架空の港町で新しい橋が開通 渋滞の緩和に期待",
     "架空の港町・北浜市で27日、新しい橋が開通しました。市によりますと、建設には4年かかったということです。\n"
     "市長は、中心部の渋滞が大きく緩和されると話しています。\n橋の長さはおよそ800メートルで、歩道と自転車道も設けられています。\n"
     "開通式には地元の小学生も招かれ、渡り初めを楽しんでいました。"),
])
def test_a_menu_s_log_in_item_in_another_language_is_no_section(menu, headline, story):
    """The menu's last item sits right over the headline: "Войти", "ログイン" (log in) file the story nowhere."""
    found = read(f"{menu}\n{headline}\n27.11.2026 10:15\n{story}\n© 2026 Вестник")
    assert found.title == headline
    assert found.section is None
