"""Every IPTC slug is reachable, on short fictional articles written for these tests.

Each article is told the way a desk would file it (headline, then a few sentences). Labour and
weather have no training items at all, so they test the lexicon's part of the tagger; the others
test the learned model and the lexicon together. Multi-topic cases check the calibration: a
second topic only when the story is about both.
"""
from __future__ import annotations

import pytest

from digest.enrich.topics import classify, load_lexicon
from digest.model import TOPIC_SLUGS

ARTICLES = {
    "arts-culture-entertainment-media": (
        "Veloria film festival opens with a three-hour opera adaptation",
        "The director's new film, starring two stage actors, premiered on Friday to a standing ovation. "
        "Critics praised the soundtrack; the cast will tour the festival's cinemas before its release in theatres.",
    ),
    "conflict-war-peace": (
        "Rebels and army agree ceasefire after a month of shelling in Norvania",
        "Troops and rebel militias will pull back from the front line under a truce brokered at peace talks "
        "on Tuesday. Fighting had displaced thousands and killed at least 40 soldiers.",
    ),
    "crime-law-justice": (
        "Former mayor of Eastholm jailed for six years for bribery",
        "A jury found the former mayor guilty of taking bribes from contractors, and the judge sentenced him "
        "to six years in prison. Prosecutors said the scheme ran for a decade; his lawyer plans an appeal.",
    ),
    "disaster-accident-emergency": (
        "Earthquake kills 14 and flattens homes in the hills above Dravec",
        "The magnitude 6.1 quake struck at dawn. Rescuers searched the rubble for survivors through the night "
        "and the region declared a state of emergency as aftershocks shook the valley.",
    ),
    "economy-business-finance": (
        "Kestrel Foods profit falls 12 percent as costs rise",
        "Shares in Kestrel Foods fell after the company reported quarterly net profit below analysts' "
        "forecasts. Its chief executive blamed higher energy costs and weaker demand from retailers.",
    ),
    "education": (
        "Teachers in Fenwick schools get new reading curriculum for pupils",
        "Primary school pupils will spend an extra hour a week on reading from September, the education "
        "board said. Head teachers welcomed the change but asked for more classroom assistants.",
    ),
    "environment": (
        "Wetland restored for endangered cranes as wildlife returns to Marrow Fen",
        "Conservation groups have flooded former farmland to restore the habitat of endangered species. "
        "Biodiversity surveys already count more birds, and pollution from fertiliser runoff has fallen.",
    ),
    "health": (
        "Measles outbreak in Ostrava district: hospital urges vaccination",
        "Doctors have confirmed 37 cases of measles, most in children who had not been vaccinated. Health "
        "officials opened extra clinics and asked parents to check their children's vaccine records.",
    ),
    "human-interest": (
        "Dog walks 200 miles home to its family after getting lost on holiday",
        "Biscuit, a seven-year-old terrier, turned up at his family's doorstep three weeks after going "
        "missing. 'We cried when we saw him,' his owner said. Neighbours had shared his photo online.",
    ),
    "labour": (
        "Dock workers strike at Port Arden over pay",
        "Thousands of dock workers walked out on Monday after talks between the union and employers broke "
        "down. The union says wages have fallen behind prices and picket lines will stay until a pay deal is "
        "agreed; ships are queuing offshore.",
    ),
    "lifestyle-leisure": (
        "Ten easy recipes for a cosy autumn weekend",
        "From a slow-cooked bean stew to a spiced apple cake, these dishes need little more than an oven "
        "and a free afternoon. Our food writer picks the wines to go with each.",
    ),
    "politics": (
        "Parliament passes Senator Dahl's election reform bill",
        "Lawmakers voted 212 to 180 for the bill, which changes how constituencies are drawn before the "
        "next general election. The opposition party said it would campaign against the reform.",
    ),
    "religion": (
        "Bishop consecrates new cathedral as thousands of worshippers gather",
        "The church's first service drew pilgrims from across the diocese. The bishop said prayer and faith "
        "had carried the parish through years of fundraising.",
    ),
    "science-technology": (
        "Astronomers find water vapour on a planet orbiting a nearby star",
        "Scientists using a space telescope detected the molecule in the atmosphere of the exoplanet, a "
        "discovery that researchers say will guide the search for habitable worlds.",
    ),
    "society": (
        "Single parents struggle to find affordable childcare, survey finds",
        "Parenting charities say mothers and fathers raising children alone spend a third of their income "
        "on nursery places, and many cut working hours to look after their kids.",
    ),
    "sport": (
        "Harbour City win the cup final with a late goal",
        "Tomas Vell scored in the 89th minute as Harbour City beat Northfield 2-1 in the final. The "
        "manager praised his squad's fitness, and the captain lifted the trophy in front of 40,000 fans.",
    ),
    "weather": (
        "Heatwave forecast: temperatures to reach 38C this weekend",
        "Forecasters have issued a weather warning as a heatwave builds over the south. Temperatures "
        "will reach 38 degrees Celsius on Saturday before thunderstorms bring heavy rain on Monday.",
    ),
}


def test_every_slug_has_an_article() -> None:
    assert set(ARTICLES) == set(TOPIC_SLUGS)


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_article_leads_with_its_topic(slug: str) -> None:
    title, body = ARTICLES[slug]
    assert classify(title, "", body)[0] == slug


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_headline_and_standfirst_alone_are_enough(slug: str) -> None:
    """A feed item gives a headline and a one-sentence standfirst: still the same topic."""
    title, body = ARTICLES[slug]
    standfirst = body.split(". ")[0] + "."
    assert classify(title, standfirst, standfirst)[0] == slug


def test_port_strike_is_labour_and_economy() -> None:
    title = "Strike shuts Port Arden as dock workers reject pay offer"
    body = (
        "Dock workers at Port Arden went on strike on Monday, halting container traffic through the country's "
        "busiest port. Shipping companies said the walkout was costing exporters millions of dollars a day, "
        "and retailers warned of shortages; shares in the port operator fell 4 percent. The union wants a pay "
        "rise in line with inflation; the employers say the offer is final."
    )
    assert set(classify(title, "", body)[:2]) == {"labour", "economy-business-finance"}


def test_marathon_is_sport_only() -> None:
    title = "Amara Osei wins the Harbour City marathon in a course record"
    body = (
        "Amara Osei won the Harbour City marathon on Sunday in 2:19:40, a course record, pulling away from "
        "the leading group at the 35th kilometre. Last year's winner finished second and 12,000 runners "
        "completed the race in cool, dry conditions."
    )
    assert classify(title, "", body) == ["sport"]


def test_no_topic_only_when_nothing_is_known() -> None:
    assert classify("A short note", "", "Nothing to see here, thanks for reading.") == []
    assert classify("", "", "") == []
    # A headline the lexicon has no word for still gets the model's topic when it is sure.
    assert classify("Toddler tantrums: what to do when your kid melts down", "", "") == ["society"]


def test_learned_model_can_be_switched_off() -> None:
    title, body = ARTICLES["sport"]
    lexicon_only = load_lexicon({"settings": {"learned": False}})
    assert classify(title, "", body, lexicon=lexicon_only)[0] == "sport"
    # Parenting is soft news the lexicon has no word for; the learned model knows it.
    headline = "How to stop your toddler biting at nursery"
    assert classify(headline, "", "", lexicon=lexicon_only) == []
    assert classify(headline, "", "") == ["society"]


def test_a_topic_switched_off_stays_off() -> None:
    title, body = ARTICLES["weather"]
    lex = load_lexicon({"topics": {"weather": {"scale": 0}}})
    assert "weather" not in classify(title, "", body, lexicon=lex)


def test_shipped_model_is_plain_data_with_attribution() -> None:
    import json

    from digest.enrich.topic_model import MODEL_FILE, load_model

    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert "CC BY 4.0" in data["about"] and "topic_build_model" in data["about"]
    model = load_model()
    # Every slug the training data holds; labour and weather (no training item) are the lexicon's alone.
    assert set(model.classes) == set(TOPIC_SLUGS) - {"labour", "weather"}
    assert MODEL_FILE.stat().st_size < 500_000
    probabilities = model.probabilities(["quarterback", "touchdown"])
    assert max(probabilities, key=probabilities.get) == "sport"
    assert sum(probabilities.values()) == pytest.approx(1.0)
