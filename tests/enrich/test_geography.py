"""Geography: focus country, countries, regions; every fixture is an invented event."""
from __future__ import annotations

import pytest

from digest.enrich.geography import Geo, load_region_scheme, locate


def test_focus_beats_dateline_when_the_story_is_about_another_country():
    # A Seoul dateline on a story about Pyongyang and Moscow (the seed article's shape).
    geo = locate(
        "North Korea's premier opens a fertiliser plant built with Russian help",
        "The plant near Pyongyang is the first joint venture since the two leaders met, says state media.",
        "SEOUL: North Korea opened a fertiliser plant on Tuesday, North Korean state media said.\n\n"
        "Pyongyang said engineers from Russia had helped to build it. Moscow has not commented.\n\n"
        "South Korean officials said the plant could not run without imported gas from Russia.",
        dateline="SEOUL",
    )
    assert geo.countries[0] == "KP"
    assert "RU" in geo.countries
    assert geo.region == "East Asia"
    assert "Europe" in geo.regions


def test_dateline_decides_a_story_that_names_no_country():
    geo = locate("Ferry operator cuts winter timetable", "", "The operator said two routes would close until April.",
                 dateline="LYON")
    assert geo.countries == ["FR"]
    assert geo.region == "Europe"


def test_no_place_means_no_country():
    geo = locate("Bakery wins prize for sourdough", "", "The judges praised the crust. The owner thanked her staff.")
    assert geo == Geo()


def test_words_that_are_place_names_do_not_count_alone():
    # "Nice", "Reading", "Mobile" and "Chad" here are a word, a word, a word and a person.
    geo = locate(
        "Reading list: a nice surprise for mobile readers",
        "",
        "Reading is up. Nice work, said Chad Miller, who runs the library's Mobile service.",
    )
    assert geo.countries == []


def test_ambiguous_country_name_counts_with_corroboration():
    geo = locate(
        "Jordan reopens border crossing",
        "",
        "Jordanian officials in Amman said the crossing would reopen on Sunday.",
    )
    assert geo.countries[0] == "JO"


def test_georgia_the_state_and_georgia_the_country():
    state = locate("Storm cuts power in Georgia", "", "About 40,000 homes near Atlanta lost power, Georgia Power said.")
    country = locate("Protest in Georgia", "", "Thousands marched in Tbilisi against the Georgian government's bill.")
    assert state.countries[0] == "US"
    assert country.countries[0] == "GE"


def test_demonyms_and_aliases_roll_up_to_their_country():
    geo = locate("Emirati fund buys stake in port", "", "The Emirati fund said the deal needed approval from the UAE.")
    assert geo.countries == ["AE"]
    assert locate("Britain raises rates", "", "The Bank of England acted.").countries[0] == "GB"
    assert locate("Talks in Washington", "", "The U.S. said the talks went well.").countries[0] == "US"


def test_a_town_is_read_in_the_country_the_article_is_about():
    # Lebanon, Indiana, next to Boone County: not the country.
    geo = locate(
        "Council approves new library hours",
        "",
        "The Lebanon council voted on Monday. Residents of Boone County can use the library in Lebanon too.",
    )
    assert geo.countries[0] == "US"


def test_state_abbreviation_after_a_comma_names_the_state():
    geo = locate("Plant to add 200 jobs", "", "The company said the plant in Wheeling, W.Va., would expand.")
    assert geo.countries[0] == "US"


def test_currency_is_not_a_place():
    geo = locate(
        "Utility sells bonds",
        "",
        "The Ohio utility sold 100 mln Canadian dlrs of bonds and 50 mln Australian dlrs of notes.",
    )
    assert geo.countries == ["US"]


def test_minor_mentions_are_not_listed():
    geo = locate(
        "Kenya opens new rail link",
        "Kenya's president opened the line in Nairobi.",
        "Kenya said the line would carry freight to Mombasa. Kenyan officials said a Chinese firm built it. "
        "Kenya plans more lines.",
    )
    assert geo.countries == ["KE"]
    assert geo.regions == ["Africa"]


def test_region_scheme_override_moves_countries_and_adds_regions():
    scheme = load_region_scheme({"Caucasus": ["GE", "AM", "AZ"], "Oceania": None})
    assert scheme.region_of("GE") == "Caucasus"
    assert scheme.region_of("AU") is None
    assert "Oceania" not in scheme.regions and scheme.regions[-1] == "Caucasus"
    geo = locate("Protest in Tbilisi", "", "Georgian police detained 20 people in Tbilisi.", scheme=scheme)
    assert geo.region == "Caucasus"


def test_default_scheme_covers_every_inhabited_country_once():
    scheme = load_region_scheme()
    assert scheme.region_of("NO") == "Europe"  # YAML's bare NO must stay Norway
    assert scheme.region_of("kp") == "East Asia"
    assert scheme.regions[0] == "East Asia" and len(scheme.regions) == 10


@pytest.mark.parametrize(
    "dateline, country",
    [("NEW YORK", "US"), ("Charleston, W.Va.", "US"), ("BUENOS AIRES", "AR"), ("Paris, Texas", "US"), ("Tokyo", "JP")],
)
def test_datelines_resolve_to_their_country(dateline, country):
    assert locate("Officials meet", "", "Officials met on Monday.", dateline=dateline).countries == [country]
