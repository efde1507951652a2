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



def test_a_small_town_that_is_a_headline_word_is_no_place():
    # "Volcano" and "Hazard" are small US towns too; a headline capitalises its words.
    assert locate("Volcano erupts near Reykjavik, flights halted", "", "").countries == ["IS"]
    assert locate("Hazard Lights: Why Drivers Ignore Them", "", "").countries == []
    # The same town written mid-sentence in the body is a place.
    geo = locate("Volcano rangers reopen trail", "", "The trail above the village of Volcano, Hawaii, reopened on Monday.")
    assert geo.countries == ["US"]

def test_a_word_written_with_an_umlaut_is_not_a_town_without_one():
    # German "Länder" (the states) folds to "Lander", a town; "Zürich" and "Zurich" are one city.
    geo = locate("Bund und Länder beraten über Schulen", "", "Die Länder wollen im Herbst entscheiden.", lang="de")
    assert geo.countries == []
    assert locate("Bank opens an office in Zürich", "", "").countries == ["CH"]
    assert locate("Bank opens an office in Zurich", "", "").countries == ["CH"]


def test_german_nouns_that_are_towns_somewhere_are_no_places():
    # "Ende", "Lage", "Boden" and "Kinder" are towns abroad; German writes every noun with a capital.
    body = ("Am Ende des Tages war die Lage ruhig. Kinder spielten auf dem Boden der Halle, "
            "sagte die Sprecherin der Gemeinde.")
    assert locate("Ruhiger Tag im Jugendzentrum", "", body, lang="de").countries == []


def test_a_german_town_counts_after_a_locative_word_or_as_a_dateline():
    assert locate("Neue Brücke eröffnet", "", "Die Brücke in Lage wurde am Montag eröffnet.", lang="de").countries == ["DE"]
    assert locate("Düsseldorf: Feuerwehr rettet Katze vom Dach", "", "Die Katze war wohlauf.", lang="de").countries == ["DE"]
    assert locate("Kirche lädt ein", "", "Wien (epd) – Die Gemeinde lädt am Sonntag zum Fest.", lang="de").countries == ["AT"]
    # A big capital stands for its government without one ("Berlin plant ...").
    assert locate("Berlin plant neue Regeln für Mieten", "", "Der Senat will im Mai entscheiden.", lang="de").countries == ["DE"]


def test_a_function_word_of_the_articles_language_is_no_town():
    # "Una" is a town in India; in Spanish it is "a", capitalised at a sentence start.
    body = "Una comisión revisará el presupuesto. El ministro presentó el plan ante el congreso."
    assert locate("Revisión del presupuesto", "", body, lang="es").countries == []


def test_a_cuisine_is_not_a_place():
    # A review of a fictional Leeds restaurant: "Mexican fare" says what is served, not where.
    geo = locate("Leeds taqueria goes beyond familiar Mexican fare", "",
                 "The second branch opened in Headingley, Leeds, last month. The Mexican food is cooked to order.")
    assert geo.countries == ["GB"]


def test_a_romance_noun_after_an_article_or_ending_a_name_is_no_town():
    # "la Justicia", "del Sur" and "Plaza de Mayo": the courts, the south, a square (towns in Spain,
    # Oman and the US of those names)
    body = ("La Corte Suprema de Justicia rechazó el recurso. Los camioneros del Sur marcharán el lunes "
            "hasta la Plaza de Mayo, anunció el gremio.")
    assert locate("Rechazan el recurso de los camioneros", "", body, lang="es").countries == []
    assert locate("Marcha en Buenos Aires", "", body, lang="es").countries == ["AR"]


def test_outside_english_a_town_after_a_given_name_is_a_surname_throughout():
    # "Duarte" and "Pacheco" are US towns; here they are a defendant's and a senator's surnames.
    body = ("La defensa de Liz Paola Duarte apeló la sentencia en Asunción. Duarte dijo que es inocente. "
            "El senador Rodrigo Pacheco pidió calma. Pacheco habló con la prensa.")
    assert locate("Apelan la condena", "", body, lang="es").countries == ["PY"]


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


# The weak tier: thin evidence names the likeliest country, after any confident one.


def test_town_shared_by_several_countries_goes_to_its_likeliest_namesake():
    # "Forest Hill" is a small town in Britain, the US and Australia alike: nothing
    # settles it, yet the article names a place, so it gets the biggest namesake.
    geo = locate("Forest Hill bakery wins prize", "", "The judges in Forest Hill praised the crust.")
    assert geo.countries == ["GB"]


def test_stop_listed_name_used_as_a_place_counts_weakly():
    flew = locate("Delegation leaves", "", "The trade delegation flew to Jordan on Monday for three days of talks.")
    player = locate("Guard signs", "", "Jordan scored 30 points and signed a new contract on Monday.")
    assert flew.countries == ["JO"]
    assert player.countries == []


def test_state_abbreviation_in_a_headline_names_the_country_weakly():
    geo = locate("Fla. lawmakers back gambling deal", "", "Lawmakers voted 70-40 on Tuesday to approve the compact.")
    assert geo.countries == ["US"]


def test_state_abbreviation_before_a_name_is_a_title():
    assert locate("Award for teacher", "", "Miss. Grey thanked her pupils for the card.").countries == []


def test_weak_evidence_never_beats_a_confident_place():
    geo = locate("Fla. firm opens office", "", "The firm said its new office in Lagos, Nigeria, would hire 40 people.")
    assert geo.countries[0] == "NG"


def test_national_cues_name_a_country_when_no_place_is_named():
    sheriff = locate("Deputies seek stolen tractor", "", "The Sheriff’s Office said the tractor was taken overnight.")
    mounties = locate("Crash closes road", "", "RCMP officers closed the road for six hours after the crash.")
    garda = locate("Appeal after break-in", "", "Gardaí have appealed for witnesses to a break-in at a pharmacy.")
    assert (sheriff.countries, mounties.countries, garda.countries) == (["US"], ["CA"], ["IE"])


def test_acronym_cues_are_case_sensitive():
    assert locate("Shop reopens", "", "The shop reopens opp. the station next week.").countries == []


def test_national_cue_picks_which_namesake_a_town_means():
    # London, Ontario, not London, England: the provincial police say so.
    geo = locate("Two hurt in crash near London", "", "OPP said two drivers were taken to hospital in London.")
    assert geo.countries[0] == "CA"


def test_dateline_inside_the_body_counts_as_the_dateline():
    # As a dateline, the town outweighs a country named once in the lead.
    geo = locate(
        "Tax relief scheme draws visitors",
        "",
        "Tax relief scheme draws visitors. HARTFORD - A delegation from Mexico will study the scheme, the city said.",
    )
    ap = locate("Bridge closed", "", "COLUMBIA, Ky. (AP) — Engineers from Canada will inspect the bridge.")
    assert geo.countries[0] == "US" and ap.countries[0] == "US"


def test_a_place_name_before_a_street_word_is_a_street():
    # "Cleveland Drive" in an Oxford story does not make it an Ohio story.
    geo = locate(
        "Taxi driver threatened",
        "",
        "A taxi driver was threatened in Oxford last night. He had picked up two men in Cleveland Drive, "
        "close to the Oxford ring road, police said.",
    )
    assert geo.countries == ["GB"]


def test_a_possessive_before_a_town_does_not_make_it_part_of_a_name():
    geo = locate("Sketch valued", "", "The collector took the sketch to the dealer's office. Prate's Paris office "
                 "valued it at 15 million euros.")
    assert geo.countries[0] == "FR"


def test_irish_and_english_counties_name_their_country():
    irish = locate("Fish kill on river", "", "Mayo County Council said the plant would be upgraded.")
    english = locate("Road works", "", "Lancashire police said the road would reopen on Friday.")
    assert irish.countries == ["IE"] and english.countries == ["GB"]



def test_house_style_and_spelling_pick_the_namesake():
    british = locate("Man sought after attack in Lancaster park", "", "The attack happened at about 4am, police said.")
    american = locate("Recycling starts at Athens drop-off", "", "Residents of Athens can bring glass to the center.")
    assert british.countries[0] == "GB" and american.countries[0] == "US"


def test_the_small_towns_file_is_what_its_script_builds():
    """The script leaves out names the gazetteer knows already: a name added to the gazetteer
    must leave the shipped file too (it once kept English counties as US small towns)."""
    from digest.enrich import geo_build_towns

    assert geo_build_towns.OUT.read_text(encoding="utf-8") == geo_build_towns.render(geo_build_towns.build())


@pytest.mark.parametrize("lang, title, body, country", [
    ("de", "Polen und Deutschland einigen sich auf neue Brücke über die Oder",
     "Die Regierungen wollen die Brücke bis zum Herbst fertigstellen, teilte das Ministerium mit.", "PL"),
    ("fr", "L'Allemagne prolonge l'aide aux agriculteurs touchés par la sécheresse",
     "Le ministère a annoncé mardi une nouvelle enveloppe pour les exploitations les plus touchées.", "DE"),
    ("es", "Noruega abre una nueva ruta de transbordadores en el norte",
     "La naviera prevé cuatro salidas diarias durante el verano, según informó la empresa.", "NO"),
])
def test_an_article_in_another_language_names_countries_as_that_language_does(lang, title, body, country):
    assert locate(title, "", body, lang=lang).countries[0] == country
    assert locate(title, "", body, lang="en").countries == []  # in English "Polen", "Allemagne" are no places


@pytest.mark.parametrize("lang, title, country", [
    ("de", "Großbritannien verschärft die Regeln für Fischkutter", "GB"),
    ("es", "EE. UU. sanciona a tres navieras por el bloqueo", "US"),
    ("fr", "La Guinée-Conakry ferme ses frontières terrestres", "GN"),
])
def test_the_names_news_uses_beside_the_formal_ones(lang, title, country):
    """CLDR's names are the formal ones ("Vereinigtes Königreich"); news writes "Großbritannien"."""
    assert locate(title, "", "", lang=lang).countries[:1] == [country]


def test_a_language_s_common_names_change_no_english_name():
    from digest.enrich.geo_gazetteer import COMMON_COUNTRY_NAMES, load_gazetteer, name_key
    from digest.model import load_yaml

    known = load_gazetteer().names
    common = load_yaml(COMMON_COUNTRY_NAMES.read_text(encoding="utf-8"))
    assert [n for countries in common.values() for names in countries.values() for n in names if name_key(n) in known] == []


def test_another_language_s_country_names_stay_in_that_language():
    """German "Island" is Iceland; in English it is a word. A French given name that is also a country
    ("Dominique") counts only where the article names that country otherwise."""
    assert locate("Island erhöht die Fangquoten für Kabeljau", "", "Die Regierung in Reykjavík gab die Zahlen am Montag bekannt.",
                  lang="de").countries[0] == "IS"
    assert locate("Island ferry returns after storm", "", "The island's ferry sailed again on Monday.").countries == []
    assert locate("Dominique Laurent quitte la présidence du club", "",
                  "Le dirigeant a annoncé son départ lors de l'assemblée générale, samedi.", lang="fr").countries == []


def test_the_country_names_file_is_what_its_script_builds():
    """Built from CLDR as babel ships it, leaving out the names the gazetteer knows: a name added to
    the gazetteer must leave the file too. Another babel may name a country otherwise: compared only
    with the babel that built the file."""
    babel = pytest.importorskip("babel")
    from digest.enrich import geo_build_names

    if babel.__version__ != geo_build_names.built_with():
        pytest.skip(f"country_names.tsv was built with babel {geo_build_names.built_with()}, not {babel.__version__}")
    assert geo_build_names.OUT.read_text(encoding="utf-8") == geo_build_names.render(geo_build_names.build())


def test_a_function_word_opening_a_sentence_is_no_town():
    """French "Cela" ("that") is a town in Angola; at a sentence start it is capitalised like one."""
    body = ("Le ministre a présenté mardi son projet de réforme des retraites devant les syndicats. "
            "Cela ne suffira pas, ont répondu les représentants des salariés à la sortie de la réunion.")
    assert "AO" not in locate("Retraites : le projet ne convainc pas les syndicats", "", body, lang="fr").countries


def test_outside_english_a_town_before_a_name_is_no_evidence():
    """Spanish "Ayer" ("yesterday") opening a sentence before a name is Ayer, Massachusetts only in
    English text; there a town before a name still counts faintly ("Clemson Extension")."""
    body = "Ayer Marta Ilvesky presentó el proyecto en la comisión, que lo votará la semana próxima."
    assert locate("El oficialismo convoca a una sesión especial", "", body, lang="es").countries == []


def test_an_english_stop_word_opening_a_sentence_is_no_town():
    """"Along" is a town in India; "Along with pruning, ..." names no place. "US" stays the country."""
    body = "Along with pruning dead stems, gardeners should protect the shrubs from frost in the winter months."
    assert locate("How to care for hydrangeas", "", body, lang="en").countries == []
    assert locate("Frost warning across the US", "", "Along the coast, US forecasters expect frost.", lang="en").countries == ["US"]


def test_outside_english_a_town_before_a_surname_is_a_given_name():
    """"Nancy Duarte" in a Spanish story is a lawyer, not Nancy in France."""
    body = ("El tribunal de apelación rechazó el pedido de la defensa. Nancy Duarte, abogada de la familia, "
            "dijo que recurrirán a la Corte Suprema de Justicia en Asunción.")
    assert "FR" not in locate("El tribunal confirma la condena", "", body, lang="es").countries


def test_nationality_adjectives_written_in_lower_case_name_their_country():
    """Spanish, Portuguese, French, Italian and German write "peruano", "française", "deutsche" in
    lower case; they name the country as "Peruvian" does in English (data/geo/demonyms.yml)."""
    body = "El gobierno peruano anunció el martes un nuevo calendario escolar para los colegios públicos."
    assert locate("Nuevo calendario escolar", "", body, lang="es").countries == ["PE"]
    body = "La police française a ouvert une enquête après l'incendie du port de plaisance."
    assert locate("Incendie au port", "", body, lang="fr").countries == ["FR"]
    body = "Die österreichische Regierung will die Förderung für Wärmepumpen im Herbst ausweiten."
    assert locate("Mehr Geld für Wärmepumpen", "", body, lang="de").countries == ["AT"]
    # English capitalises its demonyms: the lower-case list is not read there
    assert locate("Harbour news", "", "The ferry crossed to the peruano quay.", lang="en").countries == []


def test_a_language_money_or_food_is_no_country():
    """ "Clases en español e inglés", "traduit de l'anglais": the language; "dólares estadounidenses",
    "cocina mexicana": money and food, as "Canadian dollars" and "Mexican fare" in English."""
    assert locate("Nuevos cursos", "", "El instituto ofrece clases en español e inglés para adultos.", lang="es").countries == []
    assert locate("Un roman", "", "Le livre est traduit de l'anglais et paraît en français et en allemand.", lang="fr").countries == []
    body = "El restaurante ofrece cocina mexicana y acepta pagos en dólares estadounidenses."
    assert locate("Nuevo restaurante", "", body, lang="es").countries == []
    assert locate("Acuerdo", "", "El gobierno español firmó el acuerdo con el gobierno inglés.", lang="es").countries[0] == "ES"


def test_the_lower_case_demonyms_file_is_consistent():
    """Each form names one country of the gazetteer, is written in lower case, and every language form is a form."""
    from collections import Counter
    from pathlib import Path

    import yaml

    from digest.group.explain import country_names

    data = yaml.safe_load((Path(locate.__code__.co_filename).parent / "data" / "geo" / "demonyms.yml").read_text(encoding="utf-8"))
    codes = country_names()
    for lang, entry in data.items():
        forms = Counter(f for fs in entry["forms"].values() for f in fs)
        assert [f for f, n in forms.items() if n > 1] == [], lang
        assert set(entry["forms"]) <= set(codes), lang
        assert all(f == f.lower() for f in forms), lang
        assert set(entry["language_forms"]) <= set(forms), lang


def test_the_imperative_of_a_link_prompt_is_no_town():
    """"(Lee más aquí)", "Leia também": Lee and Leia are towns somewhere, here the page says "read"."""
    body = "El ministerio publicó el calendario escolar del año. (Lee más aquí). Las clases empiezan en marzo."
    assert locate("Calendario escolar", "", body, lang="es").countries == []


def test_a_country_s_institutions_in_its_own_language_place_a_story_that_names_no_town():
    body = "Os ministros do STF devem julgar o recurso na próxima semana, segundo o relator."
    assert locate("Julgamento adiado", "", body, lang="pt").countries == ["BR"]
    body = "La oposición de JxC pidió una sesión especial para tratar la boleta única."
    assert locate("Sesión especial", "", body, lang="es").countries == ["AR"]


@pytest.mark.parametrize("lang, title, body, countries", [
    # declined names: "во Франции", "из Москвы", "в Новосибирске" (a town under its Cyrillic name)
    ("ru", "Мост открыли", "НОВОСИБИРСК, 27 ноября. Новый мост через реку открылся в Новосибирске, сообщили в мэрии.", ["RU"]),
    ("ru", "Визит", "Делегация из Москвы прибыла во Францию, где её встретили в Париже.", ["FR", "RU"]),
    ("ru", "Заявление", "Мэр Москвы заявил, что город примет гостей.", ["RU"]),  # a genitive after a capital: no surname
    ("uk", "Допомога", "Мер Одеси заявив, що місто отримає обладнання від Польщі.", ["PL", "UA"]),
    ("el", "Σεισμός", "Σεισμός σημειώθηκε στην Κρήτη, ανακοίνωσε η κυβέρνηση της Ελλάδας από την Αθήνα.", ["GR"]),
])
def test_places_in_cyrillic_and_greek_as_sentences_decline_them(lang, title, body, countries):
    assert sorted(locate(title, "", body, lang=lang).countries) == sorted(countries)


def test_declined_forms_are_only_for_the_language_that_declines():
    """English text never meets Cyrillic names, and the Russian forms stay out of the English table."""
    assert locate("Visit", "", "A delegation from Москвы arrived on Monday.", lang="en").countries == []


@pytest.mark.parametrize("lang, title, body, countries", [
    ("zh", "中国与法国签署协议", "中国和法国的代表在北京签署了一项虚构的港口协议。", ["CN", "FR"]),
    ("ja", "日本の首相が訪米", "首相は27日、アメリカを訪問した後、東京に戻った。", ["JP", "US"]),
    ("ko", "한국과 일본 정상회담", "한국과 일본은 서울에서 정상회담을 열었다.", ["KR", "JP"]),
    # joined words: Arabic و "and", ل "to" (ل + ال written لل); Hebrew ב "in", ו "and"
    ("ar", "وفد يصل للسعودية", "وصل وفد من مصر والسعودية إلى الرياض، وقالت مصر إن الزيارة تستمر يومين.", ["SA", "EG"]),
    ("he", "ביקור בגרמניה", "ראש העיר ביקר בגרמניה ובצרפת, ונפגש בברלין עם שר החוץ של גרמניה.", ["DE"]),
    ("fa", "سفر به ایران", "وزیر خارجه ایران در تهران گفت که با روسیه و چین گفتگو می کند.", ["IR"]),
    ("th", "นายกฯ เยือนญี่ปุ่น", "นายกรัฐมนตรีเดินทางถึงกรุงโตเกียว ประเทศญี่ปุ่น", ["JP"]),
])
def test_places_in_scripts_without_capitals_are_found_by_their_letters(lang, title, body, countries):
    assert locate(title, "", body, lang=lang).countries[: len(countries)] == countries


@pytest.mark.parametrize("lang, title, body", [
    ("zh", "政府增加纳税人补贴", "财政部表示将增加纳税人补贴。"),  # 加纳 "Ghana" across 增加 / 纳税
    ("ja", "リチャード氏が講演", "リチャード氏は大学で講演した。"),  # チャド "Chad" inside リチャード "Richard"
    ("ar", "زيارة إلى عمان", "وصل الوزير إلى عمان للقاء المسؤولين."),  # Oman or Amman: named no other way
])
def test_letters_that_only_look_like_a_place_name_none(lang, title, body):
    assert locate(title, "", body, lang=lang).countries == []


@pytest.mark.parametrize("lang, title, body, countries", [
    ("nl", "Dorp redt laatste houten ophaalbrug", "Het dorp in Friesland, Nederland, heeft de brug gered.", ["NL"]),  # not Nederland, Colorado
    ("pt", "Acordo com a França", "O presidente viajou para a França na segunda-feira.", ["FR"]),  # not Franca, São Paulo
    ("de", "Treffen in Luxemburg", "Die Minister trafen sich am Montag in Luxemburg.", ["LU"]),  # not Luxemburg, Wisconsin
    ("fr", "Maurice Dupont quitte le club", "Le dirigeant a annoncé son départ samedi.", []),  # a given name, not Mauritius
])
def test_a_language_s_country_name_wins_over_a_small_town_of_that_name(lang, title, body, countries):
    assert locate(title, "", body, lang=lang).countries == countries


@pytest.mark.parametrize("lang, title, body, countries", [
    ("tr", "Tarihi barınak kültür merkezi oldu", "Türkiye'nin Ege kıyısındaki hayali bir ilçede belediye barınağı restore etti.", ["TR"]),
    ("pl", "Kryty basen w gminie", "Gmina w Polsce zbuduje kryty basen, zapowiedział wójt.", ["PL"]),  # Polska, declined
    ("pl", "Wizyta", "Premier spotkał się z prezydentem Ukrainy.", ["UA"]),
])
def test_names_with_a_case_ending_name_their_country(lang, title, body, countries):
    """Turkish writes a name's case ending after an apostrophe; Polish declines its country names."""
    assert locate(title, "", body, lang=lang).countries == countries


def test_thai_vowel_and_tone_marks_are_part_of_the_word():
    """Without its tone mark, กล่าว ("said") holds ลาว (Laos): Thai marks are letters' own parts."""
    body = "นายกเทศมนตรีกล่าวว่า ตลาดจะเปิดทุกวันเสาร์และอาทิตย์ ตั้งแต่เช้าจนถึงบ่าย"
    assert locate("ตลาดน้ำเปิดใหม่", "", body, lang="th").countries == []


@pytest.mark.parametrize("title, body, countries", [
    ("La sequía deja a los almendros sin cosecha", "Los agricultores de Puebla de Tarsis perdieron la cosecha, dijo el alcalde.", []),
    ("El Madrid de Ancelotti gana", "El equipo ganó en Sevilla el sábado.", ["ES"]),  # Seville, not the club's name
    ("La Francia de Macron", "El presidente habló el lunes ante el Parlamento.", ["FR"]),  # a country stays
    ("Visita oficial", "El presidente viajó a Puebla el lunes.", ["MX"]),
])
def test_a_town_heading_a_longer_romance_name_is_not_that_town(title, body, countries):
    """"Puebla de Tarsis" (a village) is not the Mexican state of Puebla."""
    assert locate(title, "", body, lang="es").countries == countries
