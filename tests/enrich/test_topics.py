"""Topic tagging: behaviour on short fictional articles written for these tests."""
from __future__ import annotations

import pytest

from digest.enrich import topics
from digest.enrich.topics import classify, load_lexicon, tokens
from digest.model import TOPIC_SLUGS

SPORT_SCALE = float(topics._shipped()["topics"]["sport"].get("scale", 1.0))

MATCH_REPORT = (
    "Harbour City striker Tomas Vell scored twice in the second half as his club beat Northfield 3-1 "
    "in the league on Saturday. The goalkeeper saved a penalty before half-time, and the manager said "
    "the squad would rest players before the cup semi-final next week."
)

WAR_COST = (
    "The war in the fictional republic of Veloria has cost its economy a third of its output, the "
    "central bank said. Fighting between the army and rebel militias has closed factories and ports; "
    "inflation has reached 40 per cent, exports have collapsed and the currency lost half its value "
    "against the dollar. Troops shelled two towns overnight, and the ceasefire talks stalled."
)


def test_match_report_is_sport() -> None:
    assert classify("Vell double sends Harbour City top", "", MATCH_REPORT)[0] == "sport"


def test_several_topics_most_relevant_first() -> None:
    got = classify("Veloria's war shrinks its economy by a third", "", WAR_COST)
    assert set(got[:2]) == {"conflict-war-peace", "economy-business-finance"}


def test_headline_decides_the_order() -> None:
    body = "Inflation and the central bank's interest rates worried investors. Troops and rebels fought on."
    assert classify("Rebel militias seize border town", "", body)[0] == "conflict-war-peace"
    assert classify("Central bank raises interest rates", "", body)[0] == "economy-business-finance"


def test_little_evidence_gives_no_topic() -> None:
    assert classify("A short note", "", "Nothing to see here, thanks for reading.") == []
    assert classify("", "", "") == []


def test_one_weak_word_does_not_add_a_second_topic() -> None:
    got = classify("Vell double sends Harbour City top", "", MATCH_REPORT + " The club's owner is a bank.")
    assert got == ["sport"]


def test_only_known_slugs_and_at_most_max_topics() -> None:
    text = WAR_COST + MATCH_REPORT + " Doctors at the hospital treated patients for flu; the school closed."
    got = classify("Everything at once", "", text)
    assert got and set(got) <= set(TOPIC_SLUGS)
    assert len(got) <= load_lexicon().settings.max_topics
    assert len(set(got)) == len(got)


def test_section_label_is_a_strong_hint() -> None:
    text = "Everyone gathered on Tuesday evening after a long day."
    assert classify("A long day", "", text) == []
    assert classify("A long day", "", text, section="Sport")[0] == "sport"
    assert classify("A long day", "", text, section="Business")[0] == "economy-business-finance"


def test_url_folders_are_hints_but_the_slug_is_not() -> None:
    text = "Everyone gathered on Tuesday evening after a long day."
    assert classify("A long day", "", text, url="https://news.example.org/sport/2031/results-day")[0] == "sport"
    # The article's own slug repeats its headline: it is not a section.
    assert classify("A long day", "", text, url="https://news.example.org/2031/football-long-day") == []


def test_longest_phrase_wins() -> None:
    # "Labour party" names a political party, not the labour topic.
    got = classify("Labour party picks new leader", "", "MPs of the Labour party voted in Westminster.")
    assert got[0] == "politics"
    assert "labour" not in got


def test_contraction_is_not_a_result() -> None:
    assert tokens("The firm won't sell") == ["the", "firm", "wont", "sell"]


def test_plural_forms_come_from_the_singular() -> None:
    lex = load_lexicon({"topics": {"religion": {"terms": {"zorbaflex": 3}}}})
    assert "zorbaflexes" in lex.unigrams and "zorbaflexs" not in lex.unigrams
    lex = load_lexicon({"topics": {"religion": {"terms": {"zorbaglim": 3}}}})
    assert "zorbaglims" in lex.unigrams
    lex = load_lexicon({"topics": {"religion": {"terms": {"wibbly": 3}}}})
    assert "wibblies" in lex.unigrams


def test_pure_and_cached() -> None:
    assert load_lexicon() is load_lexicon()
    override = {"topics": {"weather": {"terms": {"glorp": 3}}}}
    assert load_lexicon(override) is load_lexicon(dict(override))
    first = classify("Vell double sends Harbour City top", "", MATCH_REPORT)
    assert classify("Vell double sends Harbour City top", "", MATCH_REPORT) == first


def test_override_adds_reweights_and_removes_terms() -> None:
    text = "Glorp levels over the valley were the highest since records began."
    assert "weather" not in classify("Glorp warning", "", text)
    lex = load_lexicon({"topics": {"weather": {"terms": {"glorp": 3}}}})
    assert max(topics.score("Glorp warning", "", text, lexicon=lex).items(), key=lambda kv: kv[1])[0] == "weather"
    # One added word in a short text is evidence the learned model weighs, so weather is among the topics;
    # with the outlet's section it leads.
    assert "weather" in classify("Glorp warning", "", text, lexicon=lex)
    assert classify("Glorp warning", "", text, section="Outlook", lexicon=load_lexicon(
        {"topics": {"weather": {"terms": {"glorp": 3}, "sections": ["outlook"]}}}))[0] == "weather"
    # weight groups are accepted too, and a weight of 0 removes a shipped term
    lex = load_lexicon({"topics": {"sport": {"terms": {0: ["striker", "goalkeeper"], 2: ["glorp"]}}}})
    assert all(lex.topics[t] != "sport" for t, _ in lex.unigrams.get("striker", ()))
    assert lex.unigrams["glorp"] == ((TOPIC_SLUGS.index("sport"), 2.0 * SPORT_SCALE),)


def test_override_replace_and_sections_and_settings() -> None:
    lex = load_lexicon({
        "settings": {"max_topics": 1},
        "topics": {"religion": {"replace": True, "terms": {"glorp": 3}, "sections": ["Faith Matters"]}},
    })
    assert lex.settings.max_topics == 1
    assert "church" not in lex.unigrams or all(lex.topics[t] != "religion" for t, _ in lex.unigrams["church"])
    assert classify("A quiet day", "", "Nothing happened.", section="Faith matters", lexicon=lex) == ["religion"]
    assert len(classify("War economy", "", WAR_COST, lexicon=lex)) == 1


def test_override_rejects_unknown_topic() -> None:
    with pytest.raises(ValueError, match="unknown topic"):
        load_lexicon({"topics": {"gardening": {"terms": {"roses": 2}}}})


def test_every_shipped_topic_is_an_iptc_slug_with_terms() -> None:
    data = topics._shipped()
    assert set(data["topics"]) == set(TOPIC_SLUGS)
    for spec in data["topics"].values():
        weights = topics.term_weights(spec["terms"])
        assert weights and all(isinstance(term, str) and w > 0 for term, w in weights.items())



def test_scale_weighs_a_whole_topic() -> None:
    headline = "Vell double sends Harbour City top"
    shipped = topics.score(headline, "", MATCH_REPORT)["sport"]
    halved = load_lexicon({"topics": {"sport": {"scale": SPORT_SCALE / 2}}})
    assert topics.score(headline, "", MATCH_REPORT, lexicon=halved)["sport"] == pytest.approx(shipped / 2)
    # scale 0 switches a topic off
    assert "sport" not in classify(headline, "", MATCH_REPORT, lexicon=load_lexicon({"topics": {"sport": {"scale": 0}}}))


def test_section_labels_match_as_whole_runs_of_words() -> None:
    text = "Everyone gathered on Tuesday evening after a long day."
    assert classify("A long day", "", text, section="Rugby union")[0] == "sport"
    assert classify("A long day", "", text, section="US politics")[0] == "politics"
    # a word of a longer label is not a label: "union" alone, "us" alone, "world" alone
    assert classify("A long day", "", text, section="Union news") == []
    assert classify("A long day", "", text, url="https://example.org/us/world/long-day") == []


def test_values_that_are_not_text_are_ignored() -> None:
    # Hand-edited front matter or odd records can put a boolean or number where text belongs.
    assert classify("Vell double sends Harbour City top", "", MATCH_REPORT, section=True, url=7)[0] == "sport"  # type: ignore[arg-type]
    assert tokens(None) == [] and tokens(3) == []


DRUG_RESULTS = (
    "Shares in Corvane Pharma Inc. fell 12 percent after the drug maker said a clinical trial of its "
    "arthritis drug found a higher risk of heart attack and stroke in patients. Doctors were told to stop "
    "prescribing it; analysts cut their profit forecasts."
)

PHONE_LAUNCH = (
    "Corvane Inc. unveiled a new mobile phone with a faster processor, a better camera and software "
    "that lets users download music over a wireless network. The device goes on sale next month; the "
    "company's chief executive called it its best handset yet."
)


def test_business_framing_leads_over_the_field() -> None:
    got = classify("Corvane shares slide as arthritis drug fails trial", "", DRUG_RESULTS)
    assert got[:2] == ["economy-business-finance", "health"]


def test_product_framing_leads_even_with_a_company_named() -> None:
    assert classify("Corvane unveils faster phone", "", PHONE_LAUNCH)[0] == "science-technology"


def test_frames_can_be_switched_off_by_override() -> None:
    off = load_lexicon({"settings": {"frame_min": 1e9}})
    got = classify("Corvane shares slide as arthritis drug fails trial", "", DRUG_RESULTS, lexicon=off)
    assert got and got[0] in {"economy-business-finance", "health"}
    assert topics.pick({"health": 10.0, "economy-business-finance": 6.0}, off.settings,
                       {"economy-business-finance": 30.0}) == ["health", "economy-business-finance"]
    on = load_lexicon()
    assert topics.pick({"health": 10.0, "economy-business-finance": 6.0}, on.settings,
                       {"economy-business-finance": 30.0}, on.frames.leads)[0] == "economy-business-finance"


CONTRACT = (
    "The Harbour City Hawks signed goaltender Piet Varn to a two-year, $4 million deal on Wednesday, the "
    "club said, after selling their captain to Northfield. The team's owner said the contract would help "
    "the company keep costs down as the season opens."
)


def test_sport_holds_its_lead_against_the_business_frame() -> None:
    lex = load_lexicon()
    assert "sport" in lex.frames.holds
    assert classify("Hawks sign goaltender Varn to $4 million deal", "", CONTRACT)[0] == "sport"
    scores, frames = {"sport": 10.0, "economy-business-finance": 6.0}, {"economy-business-finance": 30.0}
    assert topics.pick(scores, lex.settings, frames, lex.frames.leads)[0] == "economy-business-finance"
    assert topics.pick(scores, lex.settings, frames, lex.frames.leads, lex.frames.holds)[0] == "sport"
    # Holding only guards the lead it already has: a sport frame never promotes sport.
    assert topics.pick({"economy-business-finance": 10.0, "sport": 9.0}, lex.settings, {"sport": 30.0},
                       lex.frames.leads, lex.frames.holds)[0] == "economy-business-finance"


def test_override_can_release_a_holding_frame() -> None:
    assert "sport" not in load_lexicon({"frames": {"sport": {"holds": False}}}).frames.holds


def test_strong_lexicon_leads_only_when_clearly_first() -> None:
    """Strong lexicon evidence leads against the model; a near-tie in the lexicon is left to the model."""
    s = load_lexicon().settings
    model = {t: 0.01 for t in TOPIC_SLUGS} | {"conflict-war-peace": 0.4, "politics": 0.3}
    clear = {"sport": 60.0, "conflict-war-peace": 12.0}
    assert topics.combine(["sport", "conflict-war-peace"], clear, model, False, s)[0] == "sport"
    near_tie = {"sport": 30.0, "conflict-war-peace": 29.0}
    assert topics.combine(["sport", "conflict-war-peace"], near_tie, model, False, s)[0] == "conflict-war-peace"
    # A topic put first by its framing keeps the lexicon's lead even though another scored more.
    framed = {"science-technology": 40.0, "economy-business-finance": 30.0}
    tech = {t: 0.01 for t in TOPIC_SLUGS} | {"science-technology": 0.5}
    assert topics.combine(["economy-business-finance", "science-technology"], framed, tech, False,
                          s)[0] == "economy-business-finance"


QUAKE_WITH_SPORT_WORDS = (
    "A magnitude 6.1 earthquake struck the fictional highland province of Ostrava Alta on Tuesday, killing "
    "nine people and destroying more than 300 homes, the civil protection agency said. Rescue teams searched "
    "the rubble of collapsed homes through the night; landslides blocked the roads away from the valley, and "
    "aftershocks rattled the province's towns. Visitors were evacuated from a centuries-old church. The rainy "
    "season could hamper the relief effort, officials warned, and hundreds of families spent the night away "
    "from home in shelters. Each minute counts, a rescuer said; last season's floods had already hit the "
    "region's fields and left losses the farmers had not recovered."
)


def test_usual_sport_words_in_a_long_disaster_story_add_no_sport() -> None:
    """'homes', 'season', 'away', 'minute' add up to sport evidence, but none of them names sport."""
    lex = load_lexicon()
    scores = topics.score("Earthquake kills nine in Ostrava Alta", "", QUAKE_WITH_SPORT_WORDS)
    assert scores.get("sport", 0) >= lex.settings.secondary_ratio * scores["disaster-accident-emergency"]
    got = classify("Earthquake kills nine in Ostrava Alta", "", QUAKE_WITH_SPORT_WORDS)
    assert got[0] == "disaster-accident-emergency"
    assert "sport" not in got


def test_a_named_second_topic_still_shows() -> None:
    """A fraud trial of a company's founder: crime and business, each named by its own terms."""
    body = ("The founder of the fictional payments company Quillpay was sentenced to eight years in prison "
            "on Monday after a jury found him guilty of fraud. Prosecutors said he moved investors' money "
            "into his own accounts while the company's shares rose on the stock market.")
    got = classify("Quillpay founder jailed for eight years over fraud", "", body)
    assert set(got[:2]) == {"crime-law-justice", "economy-business-finance"}


GERMAN_WINTER = (
    "Der Winter war in diesem Jahr mild, sagte der Bürgermeister der erfundenen Gemeinde Lindental. Nun "
    "beginnt die Saison im Freibad früher als sonst; der Start ist für Mai geplant, und das Team der Stadt "
    "sucht noch Personal für die Kasse."
)


def test_english_words_in_other_languages_give_no_topics() -> None:
    """German 'Winter', 'war' (was), 'nun' (now), 'Start', 'Team' are no weather, war, religion or sport."""
    assert classify("Es war ein milder Winter", "", GERMAN_WINTER, lang="de") == []
    without_false_friends = topics.compile_lexicon(topics._merge({**topics._shipped(), "false_friends": []}, None))
    got = classify("Es war ein milder Winter", "", GERMAN_WINTER, lexicon=without_false_friends, lang="de")
    assert got == ["conflict-war-peace"]  # German "war" (was) read as the English word


def test_other_languages_are_tagged_from_terms_that_name_a_topic() -> None:
    body = ("Der FC Lindental hat am Samstag in der Bundesliga gegen den Tabellenführer gewonnen. "
            "Der Trainer lobte die Mannschaft nach dem Spiel im Stadion.")
    assert classify("Lindental siegt in der Bundesliga", "", body, lang="de") == ["sport"]
    assert classify("Lindental siegt", "", "Der Verein feierte.", section="Sport", lang="de") == ["sport"]
