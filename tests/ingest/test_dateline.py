"""Datelines and wire credits: read from the lede and from credit lines, never from a photo credit."""
from __future__ import annotations

import pytest

from digest.ingest import dateline


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
        # a press release's distributor is no agency, but it marks the dateline
        ("DUNMERE, England, Nov. 24, 2026 /NewsWireHub/ -- Brightwell Cells Ltd today opened", "DUNMERE", "England", None),
        ("NEW YORK, Nov. 24, 2026 /PRNewswire/ -- Example Corp. today announced", "NEW YORK", None, None),
        ("SAN FRANCISCO--(BUSINESS WIRE)--Example Inc. today announced", "SAN FRANCISCO", None, None),
        ("SEOUL-- (Yonhap) -- The ministry said", "SEOUL", None, "Yonhap"),
        ("INDIANAPOLIS (AP) \x97 The mayor said", "INDIANAPOLIS", None, "AP"),
        ("By Jane Roe Staff Writer March 24, 2026 MAPLEFORD -- The council", "MAPLEFORD", None, None),
        ("Berlin (dpa). Die Regierung plant", "Berlin", None, "dpa"),
        ("Wiesbaden (KNA/iz). Der Präsident sagte", "Wiesbaden", None, "KNA"),
        ("Bern (Keystone-SDA) – Der Bundesrat will", "Bern", None, "Keystone-SDA"),
    ],
)
def test_datelines(lede, city, region, agency):
    parsed = dateline.parse_dateline(lede)
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
        "Paris (pictured). The city of light.",
        "Logan-Rogersville pupils tried a new climbing frame.",
        "Acme Inc. (AC.N: Quote, Profile) said on Monday it would close.",
        "NOTICE: This is the last part of a series.",
        "By Monday, March 24, 2026 the council had voted.",
        "",
    ],
)
def test_not_datelines(lede):
    parsed = dateline.parse_dateline(lede)
    assert parsed is None or parsed.city is None


@pytest.mark.parametrize(
    "lede, agency",
    [("AFP - China has brought", "AFP"), ("(CBS/AP) A video shows", "AP"), ("Reuters - Four officers", "Reuters")],
)
def test_leading_credit_without_a_place(lede, agency):
    parsed = dateline.parse_dateline(lede)
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
    assert dateline.agency_from_line(line) == agency


def test_headline_credit_and_caption_credit():
    assert dateline.agency_from_headline("Ferry sinks off coast (AFP)") == "AFP"
    assert dateline.agency_from_headline("Ferry sinks off coast (update)") is None
    assert dateline.agency_from_caption("Kim visits a plant. (Photo: STR/KCNA via KNS/AFP)") == "AFP"


def test_canonical_agency_spellings():
    assert dateline.canonical_agency("Agence France-Presse") == "AFP"
    assert dateline.canonical_agency("The Associated Press") == "AP"
    assert dateline.canonical_agency("reuters") == "Reuters"
    assert dateline.canonical_agency("Daily Planet") is None


def test_agency_evidence_order_and_weak_photo_credit():
    caption = "A ship leaves port. (Photo: Jon Berg/AFP)"
    assert dateline.choose_agency(None, [], "Ship leaves port", caption, "The minister spoke on Monday.") is None
    assert dateline.choose_agency(None, [], "Ship leaves port", caption, "The minister told AFP on Monday.") == "AFP"
    lima = dateline.parse_dateline("LIMA (Reuters) - The minister spoke.")
    assert dateline.choose_agency(lima, ["Source: AFP"], "Ship leaves port (AP)", caption, "") == "Reuters"
    assert dateline.choose_agency(None, ["Source: AFP"], "Ship leaves port (AP)", caption, "") == "AFP"
    assert dateline.choose_agency(None, [], "Ship leaves port (AP)", None, "") == "AP"


@pytest.mark.parametrize(
    "line",
    ["Image copyright Reuters", "Credit: Photo: PA", "Foto: dpa", "Bild: AFP/Jane Roe", "(Photo: Jon Berg/AFP)"],
)
def test_a_photo_credit_is_not_a_credit_for_the_story(line):
    assert dateline.agency_from_line(line) is None


def test_a_german_source_line_credits_the_story():
    assert dateline.agency_from_line("Quelle: dpa") == "dpa"
