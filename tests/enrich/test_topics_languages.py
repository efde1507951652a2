"""Topics for news in other languages: the ``languages:`` terms of the topic lexicon, on fictional
articles written for these tests (places, people and clubs are made up)."""
from __future__ import annotations

import pytest

from digest.enrich import topics
from digest.enrich.topics import classify, load_lexicon

STRIKE_DE = (
    "Die Gewerkschaft hat die Beschäftigten der Lindentaler Verkehrsbetriebe für Donnerstag zu einem "
    "ganztägigen Warnstreik aufgerufen. Busse und Straßenbahnen bleiben im Depot. Die Tarifverhandlungen "
    "waren in der vergangenen Woche ohne Ergebnis abgebrochen worden; die Arbeitgeber bieten drei Prozent mehr Lohn."
)
HEAT_DE = (
    "Der Wetterdienst hat für das Rheintal eine Hitzewarnung ausgegeben. Bis Sonntag werden bis zu 38 Grad "
    "erwartet, nachts kühlt es kaum ab. Ältere Menschen sollten viel trinken und die Mittagssonne meiden. "
    "Zum Wochenende drohen zudem Gewitter mit Starkregen und Hagel."
)
TRIAL_DE = (
    "Vor dem Landgericht Lindental hat am Montag der Prozess gegen einen 41-jährigen Mann begonnen. Die "
    "Staatsanwaltschaft wirft ihm vor, im Februar seinen Geschäftspartner getötet zu haben. Der Angeklagte "
    "schwieg zum Auftakt; ein Urteil wird im Juni erwartet."
)
MATCH_DE = (
    "Mit einem späten Kopfballtreffer hat der FC Lindental am 12. Spieltag die Tabellenführung in der "
    "Bundesliga übernommen. Der Torwart der Gäste hielt lange, ehe er in der 88. Minute geschlagen war. "
    "Der Cheftrainer lobte nach dem Abpfiff die Moral seiner Mannschaft."
)
FIRE_DE = (
    "Bei einem Feuerwehreinsatz in der Altstadt von Lindental sind in der Nacht zwei Menschen leicht verletzt "
    "worden. Das Feuer war im Dachstuhl eines Wohnhauses ausgebrochen; die Einsatzkräfte konnten ein "
    "Übergreifen auf die Nachbarhäuser verhindern."
)
STRIKE_FR = (
    "Les syndicats de cheminots appellent à une grève reconductible à partir de mardi dans la région de "
    "Valmont. Les salariés réclament une hausse des salaires et dénoncent la suppression de trois cents postes. "
    "La direction annonce un trafic très perturbé."
)
HEAT_FR = (
    "Météo-France place douze départements en vigilance orange canicule à partir de jeudi. Les températures "
    "pourraient dépasser 39 degrés dans la vallée; des orages sont attendus en fin de semaine."
)
TRIAL_ES = (
    "La Fiscalía pidió doce años de prisión para el exalcalde de San Telmo del Valle, acusado de desviar "
    "fondos públicos. El juicio comenzó el lunes ante el tribunal provincial y la sentencia se conocerá en marzo. "
    "El imputado niega los cargos."
)
STRIKE_ES = (
    "Los trabajadores del puerto de Villaclara iniciaron una huelga indefinida. El sindicato exige mejores "
    "condiciones de seguridad y rechaza los despidos anunciados por la empresa concesionaria."
)
RECIPE_DE = (
    "Ein Gericht für kalte Tage: Für den Eintopf die Linsen über Nacht einweichen, Zwiebeln und Möhren "
    "anbraten und alles eine Stunde köcheln lassen. Unsere Köchin empfiehlt dazu Brot vom Vortag. Das Rezept "
    "stammt aus dem Kochbuch der Landfrauen von Lindental, deren neue Brand auf dem Markt gut ankommt."
)


@pytest.mark.parametrize("lang, title, body, topic", [
    ("de", "Warnstreik legt Busse und Bahnen in Lindental lahm", STRIKE_DE, "labour"),
    ("de", "Wetterdienst warnt vor Hitzewelle im Rheintal", HEAT_DE, "weather"),
    ("de", "Mordprozess in Lindental: Angeklagter schweigt zum Auftakt", TRIAL_DE, "crime-law-justice"),
    ("de", "Lindental übernimmt die Tabellenführung", MATCH_DE, "sport"),
    ("de", "Dachstuhl in Flammen", FIRE_DE, "disaster-accident-emergency"),
    ("fr", "Grève des cheminots à Valmont", STRIKE_FR, "labour"),
    ("fr", "Vigilance orange : la canicule s'installe", HEAT_FR, "weather"),
    ("es", "Piden doce años de cárcel para exalcalde de San Telmo", TRIAL_ES, "crime-law-justice"),
    ("es", "Huelga indefinida en el puerto de Villaclara", STRIKE_ES, "labour"),
    ("it", "Sciopero dei trasporti a Valdoro", "I sindacati hanno proclamato uno sciopero di 24 ore: i lavoratori "
     "chiedono il rinnovo del contratto.", "labour"),
    ("pt", "Enchentes deixam centenas de desalojados em Vale Verde", "Os bombeiros resgataram 40 pessoas depois "
     "das chuvas da madrugada; a enchente atingiu três bairros.", "disaster-accident-emergency"),
    ("nl", "Staking in de haven van Noordwaal", "De vakbond roept de werknemers op om donderdag het werk neer te "
     "leggen; de cao-onderhandelingen zijn vastgelopen.", "labour"),
])
def test_news_in_other_languages_gets_its_topic(lang: str, title: str, body: str, topic: str) -> None:
    assert classify(title, "", body, lang=lang)[0] == topic


def test_terms_of_a_language_are_read_in_that_language_only() -> None:
    """German words are no evidence in English text or in text of another language."""
    assert "labour" not in topics.score("Warnstreik legt Busse und Bahnen lahm", "", STRIKE_DE)
    assert "labour" not in classify("Warnstreik legt Busse und Bahnen lahm", "", STRIKE_DE, lang="fr")
    assert classify("Warnstreik legt Busse und Bahnen lahm", "", STRIKE_DE, lang="de-AT")[0] == "labour"


def test_false_friends_give_no_topic() -> None:
    """German 'Gericht' is also a dish and 'Brand' (a fire) also a marketing loanword: a recipe is no court
    case and no fire; 'Euro' quoted in any story names no economy."""
    title = "Ein Gericht für kalte Tage, für drei Euro"
    assert classify(title, "", RECIPE_DE, lang="de") == ["lifestyle-leisure"]
    without_false_friends = topics.compile_lexicon(topics._merge({**topics._shipped(), "false_friends": []}, None))
    assert "economy-business-finance" in classify(title, "", RECIPE_DE, lexicon=without_false_friends, lang="de")


def test_one_word_in_passing_is_not_enough() -> None:
    """One term that names a topic, said once in the body, does not make a story about that topic;
    in the headline, or with a second term, it does."""
    body = "Das neue Freibad in Lindental öffnet im Mai. Die Bürgermeisterin lädt zur Eröffnung ein."
    assert "politics" not in classify("Neues Freibad öffnet", "", body, lang="de")
    assert classify("Bürgermeisterin eröffnet Freibad", "", body, lang="de") == ["politics"]
    body += " Der Gemeinderat hatte den Bau vor zwei Jahren beschlossen."
    assert classify("Neues Freibad öffnet", "", body, lang="de") == ["politics"]


def test_compounds_and_swiss_spelling() -> None:
    """'Feuerwehr*' names 'Feuerwehreinsatz', '*unfall' names 'Verkehrsunfall'; 'Fußball' is also 'FUSSBALL'."""
    assert classify("Verkehrsunfall auf der B 12", "", "Ein Feuerwehreinsatz folgte.", lang="de") == [
        "disaster-accident-emergency"]
    assert classify("FUSSBALL: LINDENTAL GEWINNT", "", "", lang="de") == ["sport"]
    assert classify("Fussball: Lindental gewinnt", "", "", lang="de") == ["sport"]
    assert classify("Kunststoffwerk erweitert", "", "Kunststoffe aus Lindental.", lang="de") == []


def test_a_site_adds_terms_of_a_language_from_mkdocs_yml() -> None:
    title, body = "Schwingfest in Lindental", "Am Schwingfest traten 200 Schwinger an. Das Schwingfest endete spät."
    assert classify(title, "", body, lang="de") == []
    lexicon = load_lexicon({"languages": {"de": {"sport": {"terms": {4: ["schwingfest*", "schwinger"]}}}}})
    assert classify(title, "", body, lexicon=lexicon, lang="de") == ["sport"]
    assert classify("Schwingfesttag", "", "", lexicon=lexicon, lang="de") == ["sport"]


def test_unknown_topic_in_a_language_block_is_an_error() -> None:
    with pytest.raises(ValueError, match="'nope'"):
        load_lexicon({"languages": {"de": {"nope": {"terms": {4: ["x"]}}}}})


def test_mkdocs_yml_languages_option_is_checked_and_reaches_the_tagger(tmp_path) -> None:
    from digest.site.config import DigestPluginConfig, plain

    def validate(options: dict) -> tuple[list, DigestPluginConfig]:
        config = DigestPluginConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
        config.load_dict(options)
        errors, _ = config.validate()
        return errors, config

    errors, config = validate({"topics": {"languages": {"de": {"sport": {"terms": {4: ["schwingfest*"]}}}}}})
    assert not errors, errors
    lexicon = load_lexicon(plain(config)["topics"])
    assert classify("Schwingfesttag in Lindental", "", "", lexicon=lexicon, lang="de") == ["sport"]
    for bad, said in (({"de": {"sportz": {"terms": {4: ["x"]}}}}, "not IPTC topic slugs: sportz"),
                      ({"German": {"sport": {"terms": {4: ["x"]}}}}, "not language codes"),
                      ({"de": {"sport": {"terms": {4: ["x"]}, "scale": 2}}}, "unknown option(s) scale")):
        errors, _ = validate({"topics": {"languages": bad}})
        assert errors and said in str(errors[0][1]), errors
