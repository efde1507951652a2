"""Bylines in the languages pages print them, and names alone where a byline sits."""
from __future__ import annotations

import pytest

from digest.ingest import byline
from digest.ingest.parts import Declared, Page


@pytest.mark.parametrize(
    "line, names",
    [
        ("By LISA MARSH, MARY CLARE JONES and ERIC TUCK", ["Lisa Marsh", "Mary Clare Jones", "Eric Tuck"]),
        ("by Laura Winter", ["Laura Winter"]),
        ("By Amy Sands, AP", ["Amy Sands"]),
        ("By Jane Roe in Lima", ["Jane Roe"]),
        ("ByJane Roe", ["Jane Roe"]),
        ("By JANE ROE | jroe@example.org", ["Jane Roe"]),
        ("Von Anna Berg und Jan Falk", ["Anna Berg", "Jan Falk"]),
        ("VON JAN FALK am 21. April 2026", ["Jan Falk"]),
        ("Von: Jan Falk | 31.10.26", ["Jan Falk"]),
        ("Gepostet von Katrin Vogel | Wohnen", ["Katrin Vogel"]),
        ("Par Léa Martin le 7 mai 2026", ["Léa Martin"]),
        ("Por Sofía Ruiz y Pablo Gil", ["Sofía Ruiz", "Pablo Gil"]),
        ("Autor: Die Redaktion", ["Die Redaktion"]),
        ("Author: staff writers", ["staff writers"]),
        ("Bypass road opens to traffic", None),
        ("By the time the rescuers arrived, the river had risen by more than two metres overnight.", None),
        ("Neue Regeln von Brüssel", None),
        ("By Jana Roe Staff Writer", ["Jana Roe"]),  # the role printed after the name
        ("By Tom Vale, AP National Security Writer", ["Tom Vale"]),  # the agency's title for the author
        ("Von Rasender Reporter", ["Rasender Reporter"]),  # a pen name that ends like a role stays whole
        # other languages and scripts: the lead or label leaves the name
        ("Από Γιώργος Παπαδόπουλος", ["Γιώργος Παπαδόπουλος"]),
        ("Oleh Dewi Lestari", ["Dewi Lestari"]),
        ("Yazan: Ayşe Demir", ["Ayşe Demir"]),
        ("מאת דנה לוי", ["דנה לוי"]),  # no capitals in Hebrew, Thai, Hindi, Persian
        ("โดย สมชาย ใจดี", ["สมชาย ใจดี"]),
        ("द्वारा रमेश शर्मा", ["रमेश शर्मा"]),
        ("نویسنده: مریم احمدی", ["مریم احمدی"]),
        ("记者 张晓梅", ["张晓梅"]),  # no spaces in Chinese and Japanese names; the lead joined to the name
        ("記者林志豪／白鷺報導", ["林志豪"]),
        ("记者 张晓梅 报道", ["张晓梅"]),
        ("김민준 기자", ["김민준"]),  # Korean: the name, then the role
        ("김민준 기자 minjun@example.kr", ["김민준"]),
    ],
)
def test_bylines(line, names):
    assert byline.parse_byline(line) == names


def test_a_dated_byline_names_its_author():
    assert byline.parse_byline("4.02.2026 par Jean Dupont") == ["Jean Dupont"]


def test_names_alone_beside_the_stamp_or_under_a_lone_lead():
    page = Page(
        headline="Ferry line adds night crossings",
        header=["Von", "Thomas Berger", "19.10.26, 12:00 Uhr", "Clara Sommer", "Redakteurin"],
    )
    assert byline.authors(page) == ["Thomas Berger", "Clara Sommer"]


def test_a_name_far_from_any_byline_is_not_an_author():
    page = Page(headline="Ferry line adds night crossings", header=["Harbour Master", "The ferry sails at night."])
    assert byline.authors(page) == []


def test_declared_authors_when_the_page_prints_none():
    page = Page(headline="x", declared=Declared(authors=["Jane Roe; John Doe", "https://example.org/staff/jane"]))
    assert byline.authors(page) == ["Jane Roe", "John Doe"]


def test_a_declared_author_that_is_the_site_itself_gives_way_to_the_name_the_page_prints():
    page = Page(
        headline="Ferry line adds night crossings",
        header=["Jana Berg", "19.10.26, 12:00 Uhr"],
        declared=Declared(authors=["harbourpost.example"], site_names=["Harbour Post"]),
    )
    assert byline.authors(page) == ["Jana Berg"]
    page.declared.authors = ["Harbour Post"]
    assert byline.authors(page) == ["Jana Berg"]
    page.declared.authors = ["Mira Holm"]
    assert byline.authors(page) == ["Mira Holm"]  # a person the markup names comes before a name alone


def test_a_labelled_byline_further_under_the_story_counts_after_a_credit_line():
    after = ["Der Kläger kann Berufung einlegen.", "Quelle: Hafenbote Rechtsdienst", "Grafik: © Lena Kurz - bildarchiv.example",
             "Autorin: Marta Jensen"]
    assert byline.authors(Page(headline="Wohngeld abgelehnt", after=after)) == ["Marta Jensen"]
    # an unlabelled "Von ..." under a teaser's headline is that teaser's byline, not the story's
    teaser = [*after[:3], "Neue Fähre für die Nordinseln", "Von Marta Jensen"]
    assert byline.authors(Page(headline="Wohngeld abgelehnt", after=teaser)) == []
