"""Dates in one place: declared values, stamps in many languages, time and zone kept, years inferred
only from the page's own evidence."""
from __future__ import annotations

import datetime as dt

import pytest

from digest.ingest import dates
from digest.ingest.parts import Declared, Page


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2026-11-23", "2026-11-23"),
        ("2026-11-23T11:40:00+01:00", "2026-11-23T11:40:00+01:00"),
        ("2026-11-23T11:40:00Z", "2026-11-23T11:40:00+00:00"),
        ("2026-11-23 11:40", "2026-11-23T11:40:00"),  # naive stays naive: never called UTC
        ("Mon, 23 Nov 2026 11:40:00 GMT", "2026-11-23T11:40:00+00:00"),
        (dt.date(2026, 11, 23), "2026-11-23"),
        ("not a date", None),
        ("", None),
        # Epoch seconds and milliseconds, as numbers or as the text a JSON number becomes.
        (1795737600, "2026-11-27T00:00:00+00:00"),
        ("1795737600", "2026-11-27T00:00:00+00:00"),
        (1795737600000, "2026-11-27T00:00:00+00:00"),
        ("1795737600500", "2026-11-27T00:00:00+00:00"),
        ("123456", None),  # a count, not a time
        (True, None),
    ],
)
def test_declared_values(value, iso):
    assert dates.normalise_date(value) == iso


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Published 23 Nov 2026 11:40", "2026-11-23T11:40:00"),
        ("19 Nov 2026 05:44 GMT", "2026-11-19T05:44:00+00:00"),
        ("Published: Nov. 20, 2026 5:52 AM EST", "2026-11-20T05:52:00-05:00"),
        ("November 19, 2026 / 12:21 AM / Updated 14 hours ago", "2026-11-19T00:21:00"),
        ("PUBLISHED: November 8, 2026 at 4:56 p.m. | UPDATED: November 8, 2026 at 6:00 p.m.", "2026-11-08T16:56:00"),
        ("Zuletzt geändert: Nov 7, 2026, 8:54 AM GMT+1", "2026-11-07T08:54:00+01:00"),
        ("19.10.26, 12:00 Uhr", "2026-10-19T12:00:00"),
        ("Mi, 18. Oktober 2026 um 12:50 Uhr", "2026-10-18T12:50:00"),
        ("Miércoles, 4 de Mayo de 2026 a las 07:46hrs.", "2026-05-04T07:46:00"),
        ("4 de maio de 2026, 05:34 h Atualizado em 4 de maio de 2026, 05:35", "2026-05-04T05:34:00"),
        ("Le 17/02/2026", "2026-02-17"),
        ("Le 12 mars 2026 à 10h30", "2026-03-12T10:30:00"),
        ("Von Jana Berg | 24.10.2026", "2026-10-24"),
        ("Ufficio stampa, 3 settembre 2026", "2026-09-03"),
        ("2026年6月4日", "2026-06-04"),
        ("2026년 11월 27일 14:32", "2026-11-27T14:32:00"),
        # the year first with dots: never "26.11.27" read inside it (that gave 2027-11-26)
        ("입력 2026.11.27 오전 10:15", "2026-11-27T10:15:00"),
        ("2026. 11. 27. 오후 3:05", "2026-11-27T15:05:00"),
        ("2026.11.07", "2026-11-07"),
        ("2026年11月27日 18時05分", "2026-11-27T18:05:00"),
        ("2026年11月27日 午後3時5分", "2026-11-27T15:05:00"),
        ("27 novembre 2026, ore 12:40", "2026-11-27T12:40:00"),
        # other calendars and digits: the Thai year counts from the Buddha, Iran's from the Hijra by the sun
        ("27 พฤศจิกายน 2569 เวลา 16:10 น.", "2026-11-27T16:10:00"),
        ("27 พ.ย. 2569", "2026-11-27"),
        ("۶ آذر ۱۴۰۵ - ۱۰:۳۰", "2026-11-27T10:30:00"),
        ("1 فروردین 1405", "2026-03-21"),
        ("10 دی 1404", "2025-12-31"),
        ("27 नवंबर 2026, 11:45 IST", "2026-11-27T11:45:00"),
        ("٢٧ نوفمبر ٢٠٢٦", "2026-11-27"),
        ("２０２６年１１月２７日", "2026-11-27"),
        ("27 نوفمبر 2026", "2026-11-27"),
        ("27 تشرين الثاني 2026", "2026-11-27"),
        ("27 בנובמבר 2026", "2026-11-27"),
        ("27 Νοεμβρίου 2026", "2026-11-27"),
        ("27 noiembrie 2026, 10:15", "2026-11-27T10:15:00"),
        ("27. listopadu 2026", "2026-11-27"),
        ("27. marraskuuta 2026 klo 10.15", "2026-11-27"),
        ("2026. november 27. 10:15", "2026-11-27T10:15:00"),
        ("6. November 20266. November 2026 Jana Brückner Hafen, Fähre", "2026-11-06"),
    ],
)
def test_stamps_keep_the_time_and_zone_printed(line, iso):
    found = dates.stamp(line)
    assert found is not None
    assert dates.resolve(found.mention) == iso


@pytest.mark.parametrize(
    "line",
    [
        "The vote on Nov 19, 2026 was close, officials said.",
        "Die Messe findet am 21. Mai 2026 statt.",
        "they may 5 times",
        "Final score 3.1.2",
        "Fährfest am 21. Juni",
    ],
)
def test_sentences_and_numbers_are_not_stamps(line):
    assert dates.stamp(line) is None


def test_updated_stamps_are_marked():
    assert dates.stamp("Last updated: 5 March 2026").updated
    assert not dates.stamp("Published: 5 March 2026").updated


def test_us_pages_read_month_first():
    assert dates.resolve(dates.stamp("04/05/2026", month_first=True).mention) == "2026-04-05"
    assert dates.resolve(dates.stamp("04/05/2026").mention) == "2026-05-04"
    # Dotted dates are day first even on a page that also prints US dates (an embedded post's).
    assert dates.resolve(dates.stamp("Jana Brückner | 06.11.26", month_first=True).mention) == "2026-11-06"


def test_a_date_opening_the_lede_is_not_cut_at_its_ordinal_full_stop():
    page = Page(headline="Fähren fahren wieder", story=["Pressemitteilung vom 25. Januar 2026 | Kleinholm – Die Fähren "
                                                        "fahren wieder nach Plan. Das teilte die Reederei mit."])
    assert dates.publication_date(page) == "2026-01-25"


def test_relative_stamps_carry_no_date():
    for line in ("vor 3 Stunden", "2 hours ago", "Hace 3 horas", "il y a 2 jours", "Erstellt: vor 4 Stunden", "Aktualisiert: vor 2 Tagen"):
        assert dates.is_relative_stamp(line)
        assert dates.stamp(line) is None


def test_a_missing_year_comes_from_the_nearest_reference_and_a_weekday_must_agree():
    dec27 = dates.find_dates("Saturday (Dec 27)")[0]
    jan2 = dates.find_dates("on Jan 2")[0]
    assert dates.resolve(dec27, [dt.date(2025, 12, 26)]) == "2025-12-27"
    assert dates.resolve(jan2, [dt.date(2025, 12, 30)]) == "2026-01-02"
    assert dates.resolve(jan2, []) is None  # nothing fixes the year: no guess
    tuesday = dates.find_dates("Tuesday, July 23")[0]
    assert dates.resolve(tuesday, [dt.date(2025, 3, 1)]) is None  # 23 July 2025 was a Wednesday
    assert dates.resolve(tuesday, [dt.date(2024, 3, 1)]) == "2024-07-23"
    thursday = dates.find_dates("died Thursday, December 11, at 85")[0]
    assert dates.resolve(thursday, [dt.date(1923, 4, 22)]) is None  # the birth date is the only full one: no web-era year


def test_the_publication_date_is_the_story_s_stamp_not_the_site_header_s():
    page = Page(
        headline="Harbour reopens after storm",
        top=["Monday, 9 March 2026"],  # the site header's "today"
        header=["By Jane Roe", "Published 6 March 2026 14:05 CET"],
        story=["The harbour reopened on Friday."],
    )
    assert dates.publication_date(page) == "2026-03-06T14:05:00+01:00"


def test_a_bare_stamp_takes_its_year_from_the_story_not_from_elsewhere():
    page = Page(
        headline="Festival opens",
        header=["July 23"],
        story=["The festival, first held in May 2026 after the council's vote on 3 February 2026, opened again."],
    )
    assert dates.publication_date(page) == "2026-07-23"
    assert dates.publication_date(Page(headline="Festival opens", header=["July 23"], story=["It opened."])) is None


def test_a_declared_date_time_on_the_printed_day_carries_its_zone():
    page = Page(declared=Declared(published=["2026-03-06T14:05:00+01:00"]), header=["6 March 2026"])
    assert dates.publication_date(page) == "2026-03-06T14:05:00+01:00"


def test_the_printed_day_wins_over_a_declared_date_in_another_zone():
    # 23:30 in Buenos Aires is past midnight in UTC: the page's own day is the story's
    page = Page(declared=Declared(published=["2026-05-04T02:30:00+00:00"]), header=["03/05/2026 23:30"])
    assert dates.publication_date(page) == "2026-05-03T23:30:00"


def test_a_declared_date_when_the_page_prints_none():
    page = Page(declared=Declared(published=["2026-03-06T14:05:00+01:00"]), story=["It rained on 2 March 2026."])
    assert dates.publication_date(page) == "2026-03-06T14:05:00+01:00"


def test_a_date_printed_in_the_lede_wins_over_a_declared_one_from_another_zone_or_order():
    utc = Page(declared=Declared(published=["2026-11-09T05:30:00+00:00"]), story=["The council met on Nov 8, 2026 to vote."])
    assert dates.publication_date(utc, month_first=True) == "2026-11-08"  # UTC past the page's midnight
    swapped = Page(declared=Declared(published=["2026-01-11T12:43:00"]), after=["1. November 2026"])
    assert dates.publication_date(swapped) == "2026-11-01"  # the CMS wrote day and month the other way
    elsewhere = Page(declared=Declared(published=["2026-03-06T14:05:00+01:00"]), after=["2 March 2026"])
    assert dates.publication_date(elsewhere) == "2026-03-06T14:05:00+01:00"


@pytest.mark.parametrize("text, summary", [
    ("06.11.2031, 11.41 Uhr : In Nord wurde am Freitag der neue Hafenpark eröffnet.", "In Nord wurde am Freitag der neue Hafenpark eröffnet."),
    ("19.10.2031, 15:30 UhrAm 8. Spieltag treffen Westhaven und Korvik aufeinander.", "Am 8. Spieltag treffen Westhaven und Korvik aufeinander."),
    ("March 3, 2031 - The council voted to close the old harbour wall.", "The council voted to close the old harbour wall."),
    ("3. März 2031 war der Tag, an dem der Rat die Mole schloss.", "3. März 2031 war der Tag, an dem der Rat die Mole schloss."),  # the date is the subject
    ("May 3 - The council voted to close the harbour wall.", "May 3 - The council voted to close the harbour wall."),  # no year: not a stamp
])
def test_a_stamp_opening_a_standfirst_is_left_out(text, summary):
    assert dates.without_stamp(text) == summary
