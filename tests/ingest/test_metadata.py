"""The reusable parsers: datelines, agency credits, dates with year inference, bylines."""
from __future__ import annotations

import datetime as dt

import pytest

from digest.ingest import metadata as md


@pytest.mark.parametrize(
    "lede, city, region, agency",
    [
        ("SEOUL: North Korean leader said on Saturday", "SEOUL", None, None),
        ("NEW YORK, March 25 - Standard and Poor's said", "NEW YORK", None, None),
        ("LORETO, Italy (Reuters) - The Pope prayed", "LORETO", "Italy", "Reuters"),
        ("WASHINGTON (AP) — The ambassador said", "WASHINGTON", None, "AP"),
        ("MEISE, Belgium, Dec 16 (AFP) - The EU must be sure", "MEISE", "Belgium", "AFP"),
        ("TROIS-RIVIERES, Que. (CP) - A former member", "TROIS-RIVIERES", "Que.", "Canadian Press"),
        ("ST. LOUIS, March 3 - The company said", "ST. LOUIS", None, None),
        ("Tokyo, Jan 5 (Reuters) - Shares rose", "Tokyo", None, "Reuters"),
        ("Washington, DC, United States: Getting to the Moon", "Washington", "DC, United States", None),
        ("BRUSSELS, March 27, Reuter - Allies called on", "BRUSSELS", None, "Reuters"),
        ("LAKE SUCCESS, N.Y. March 3 - Tender Loving Care said", "LAKE SUCCESS", "N.Y.", None),
        ("Canadian Press - OTTAWA (CP) - The minister said", "OTTAWA", None, "Canadian Press"),
        ("BERLIN -- The agency says", "BERLIN", None, None),
        ("BERGEN, Norway — Ferry crews walked out", "BERGEN", "Norway", None),
        ("MAPLEFORD, Ky. (WXYK) -- One man is dead", "MAPLEFORD", "Ky.", None),
        ("Mapleford, Ky. (March 3, 2026) – Troopers said", "Mapleford", "Ky.", None),
        ("WASHINGTON (RNS) Church leaders said", "WASHINGTON", None, None),
        ("HARTFORD - The state said", "HARTFORD", None, None),
        ("COLUMBIA --- The governor said", "COLUMBIA", None, None),
        ("INDIANAPOLIS (AP) \x97 The mayor said", "INDIANAPOLIS", None, "AP"),
        ("By Jane Roe Staff Writer March 24, 2026 MAPLEFORD -- The council", "MAPLEFORD", None, None),
    ],
)
def test_datelines(lede, city, region, agency):
    parsed = md.parse_dateline(lede)
    assert parsed is not None
    assert (parsed.city, parsed.region, parsed.agency) == (city, region, agency)
    assert lede[parsed.end :][0].isalpha() or lede[parsed.end :][0] == '"'


@pytest.mark.parametrize(
    "lede",
    [
        "Meanwhile: the markets fell.",
        "UPDATE 2 - Shares fell on Monday.",
        "BREAKING: A storm is coming.",
        "The company said on Monday - in a statement - that it would close.",
        "Paris (pictured) - the city of light.",
        "Paris (pictured) the city of light.",
        "Logan-Rogersville pupils tried a new climbing frame.",
        "Acme Inc. (AC.N: Quote, Profile) said on Monday it would close.",
        "NOTICE: This is the last part of a series.",
        "By Monday, March 24, 2026 the council had voted.",
        "",
    ],
)
def test_not_datelines(lede):
    assert md.find_dateline(lede) is None


@pytest.mark.parametrize(
    "lede, agency",
    [("AFP - China has brought", "AFP"), ("(CBS/AP) A video shows", "AP"), ("Reuters - Four officers", "Reuters")],
)
def test_leading_credit_without_a_place(lede, agency):
    parsed = md.parse_dateline(lede)
    assert (parsed.city, parsed.agency) == (None, agency)


@pytest.mark.parametrize(
    "line, agency",
    [
        ("Source: AFP/ac", "AFP"),
        ("Source: Reuters", "Reuters"),
        ("— Associated Press", "AP"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "Reuters"),
        ("Sources: Agence France-Presse, Kyodo", "AFP"),
        ("The minister told Reuters on Monday that talks would resume.", None),
        ("Source: the ministry of health", None),
    ],
)
def test_agency_lines(line, agency):
    assert md.agency_from_line(line) == agency


def test_headline_credit_and_caption_credit():
    assert md.agency_from_headline("Ferry sinks off coast (AFP)") == "AFP"
    assert md.agency_from_headline("Ferry sinks off coast (update)") is None
    assert md.agency_from_caption("Kim visits a plant. (Photo: STR/KCNA via KNS/AFP)") == "AFP"


def test_canonical_agency_spellings():
    assert md.canonical_agency("Agence France-Presse") == "AFP"
    assert md.canonical_agency("The Associated Press") == "AP"
    assert md.canonical_agency("reuters") == "Reuters"
    assert md.canonical_agency("Daily Planet") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Dec 26, 2025, shows", [(2025, 12, 26)]),
        ("19 November 2019 and 2019-11-20", [(2019, 11, 19), (2019, 11, 20)]),
        ("Saturday (Dec 27) he said", [(None, 12, 27)]),
        ("they may 5 times", []),
        ("Nov. 31, 2019", []),  # no such day
    ],
)
def test_find_dates(text, expected):
    assert [(m.year, m.month, m.day) for m in md.find_dates(text)] == expected


def test_year_inference_takes_the_nearest_year():
    dec27 = md.find_dates("Saturday (Dec 27)")[0]
    jan2 = md.find_dates("on Jan 2")[0]
    assert md.resolve_year(dec27, [dt.date(2025, 12, 26)]) == dt.date(2025, 12, 27)
    assert md.resolve_year(jan2, [dt.date(2025, 12, 30)]) == dt.date(2026, 1, 2)
    assert md.resolve_year(jan2, []) is None
    assert md.find_date("on Saturday (Dec 27) he wrote", [dt.date(2025, 12, 26)]) == "2025-12-27"


@pytest.mark.parametrize(
    "line, iso",
    [
        ("19 Nov 2019 05:44 GMT", "2019-11-19"),
        ("Nov. 20, 2019 5:52 AM EST", "2019-11-20"),
        ("Published: 4 March 2026 10:15 GMT", "2026-03-04"),
        ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", "2019-11-19"),
        ("The vote on Nov 19, 2019 was close, officials said.", None),
    ],
)
def test_timestamp_lines(line, iso):
    assert md.timestamp_date(line) == iso


@pytest.mark.parametrize(
    "line, names",
    [
        ("By LISA MARSH, MARY CLARE JONES and ERIC TUCK", ["Lisa Marsh", "Mary Clare Jones", "Eric Tuck"]),
        ("by Laura Winter", ["Laura Winter"]),
        ("By Amy Sands, AP", ["Amy Sands"]),
        ("By Jane Roe in Lima", ["Jane Roe"]),
        ("Bypass road opens to traffic", None),
        ("By the time the rescuers arrived, the river had risen by more than two metres overnight.", None),
    ],
)
def test_bylines(line, names):
    assert md.parse_byline(line) == names


def test_agency_evidence_order_and_weak_photo_credit():
    caption = "A ship leaves port. (Photo: Jon Berg/AFP)"
    assert md.choose_agency(None, [], "Ship leaves port", caption, "The minister spoke on Monday.") is None
    assert md.choose_agency(None, [], "Ship leaves port", caption, "The minister told AFP on Monday.") == "AFP"
    lima = md.parse_dateline("LIMA (Reuters) - The minister spoke.")
    assert md.choose_agency(lima, ["Source: AFP"], "Ship leaves port (AP)", caption, "") == "Reuters"
    assert md.choose_agency(None, ["Source: AFP"], "Ship leaves port (AP)", caption, "") == "AFP"
    assert md.choose_agency(None, [], "Ship leaves port (AP)", None, "") == "AP"


def test_find_agency_on_plain_text():
    assert md.find_agency("LIMA (Reuters) - The minister spoke.\nMore text.") == "Reuters"
    assert md.find_agency("The minister spoke.\n\nSource: AFP/ab") == "AFP"
    assert md.find_agency("The minister spoke to reporters.") is None
