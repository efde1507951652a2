"""Reports in other languages: their function words and capitalised nouns link nothing.

Fictional reports (Kelbrunn, Ostwald, Valcorba, Vernaclair... are invented places). On
real pages in German, Spanish and French, "der", "und", "que", "les" counted as rare
distinctive words and "Die", "Il", "Regierung", "Woche" as names, so unrelated reports
of one language grouped together.
"""
from digest.group import group_articles
from digest.group.features import entities, function_words
from digest.group.profile import profiles
from digest.group.vocabulary import Vocabulary
from digest.model import Article

DAY = "2031-05-06T{}:00Z"

FIRE_1 = Article(
    id="de-fire-1", date=DAY.format("07:10"), source="Kelbrunner Anzeiger", lang="de",
    title="Großbrand in Lagerhalle in Kelbrunn: 37 Feuerwehrleute im Einsatz",
    body="In der Nacht zum Dienstag ist in Kelbrunn eine Lagerhalle an der Mühlenstraße vollständig abgebrannt. "
         "Die Feuerwehr war mit 37 Einsatzkräften vor Ort, wie Kreisbrandmeister Jonas Wettlauf mitteilte.\n\n"
         "Verletzt wurde niemand. Der Schaden wird auf rund 850.000 Euro geschätzt. Die Polizei hat die "
         "Ermittlungen zur Brandursache aufgenommen.\n\n"
         "Anwohner wurden gebeten, wegen des Rauchs Fenster und Türen geschlossen zu halten. Wettlauf sagte, "
         "die Halle sei nicht mehr zu retten gewesen.")
FIRE_2 = Article(
    id="de-fire-2", date=DAY.format("09:45"), source="Radio Südland", lang="de",
    title="Lagerhalle eines Getränkehändlers in Kelbrunn niedergebrannt",
    body="Ein Feuer hat in der Nacht die Halle eines Getränkehändlers in Kelbrunn zerstört. Nach Angaben von "
         "Kreisbrandmeister Jonas Wettlauf kämpften 37 Feuerwehrleute bis in den Morgen gegen die Flammen.\n\n"
         "Menschen kamen nicht zu Schaden. Die Kriminalpolizei schätzt den Schaden auf 850.000 Euro und "
         "schließt Brandstiftung nicht aus.\n\n"
         "Die Mühlenstraße bleibt bis Mittwoch gesperrt, teilte die Stadt mit.")
SCHOOL = Article(
    id="de-school", date=DAY.format("10:30"), source="Ostwalder Rundschau", lang="de",
    title="Stadtrat beschließt Neubau der Grundschule am Lindenplatz",
    body="Der Stadtrat von Ostwald hat am Dienstag mit großer Mehrheit den Neubau der Grundschule am "
         "Lindenplatz beschlossen. Die Kosten liegen bei 12 Millionen Euro.\n\n"
         "Bürgermeisterin Carla Henneberg sagte, die Kinder der Stadt bräuchten endlich mehr Platz. Die "
         "Opposition kritisierte die Pläne, weil die Regierung des Landes nur einen Teil der Kosten übernimmt.\n\n"
         "Der Bau soll im Frühjahr beginnen und zwei Jahre dauern. Die Polizei wird in der Zeit den Verkehr "
         "in der Woche umleiten. Es ist der größte Bau der Stadt seit Jahren, und die Menschen im Viertel "
         "sind froh, dass es nun losgeht.")
FOREST = Article(
    id="es-forest", date=DAY.format("08:00"), source="Diario del Sur", lang="es",
    title="Un incendio forestal en la sierra de Valcorba obliga a evacuar a 200 vecinos",
    body="El fuego, que comenzó el lunes por la tarde, ha quemado ya más de 300 hectáreas en la sierra de "
         "Valcorba, según los bomberos.\n\n"
         "La alcaldesa de Villanueva del Prado, Marta Echeverri, dijo que los vecinos pasaron la noche en el "
         "polideportivo. El viento complica las tareas de extinción.\n\n"
         "El Gobierno regional ha enviado cuatro hidroaviones y espera controlar el incendio en las próximas horas.")
PENSIONS = Article(
    id="es-pensions", date=DAY.format("12:20"), source="La Voz de Moravia", lang="es",
    title="El Congreso aprueba la reforma de las pensiones con el voto en contra de la oposición",
    body="La reforma, que sube las pensiones mínimas un 4 por ciento, salió adelante con 181 votos a favor.\n\n"
         "El ministro de Trabajo, Ramiro Quintanar, defendió en el pleno que la ley garantiza el sistema para "
         "las próximas décadas. La oposición dijo que el Gobierno no ha escuchado a los sindicatos.\n\n"
         "El Senado debatirá el texto en las próximas semanas y la ley entrará en vigor el año que viene.")
STRIKE = Article(
    id="fr-strike", date=DAY.format("06:40"), source="Le Courrier de l'Est", lang="fr",
    title="Grève des conducteurs de bus à Vernaclair : aucun car ne circule",
    body="Les conducteurs du réseau de bus de Vernaclair sont en grève depuis mardi matin pour réclamer une "
         "hausse des salaires. « Il n'y a plus de dialogue », a dit le délégué syndical Paul Ferrandon.\n\n"
         "La direction dit qu'elle a proposé une prime de 300 euros. Les élèves et les salariés doivent trouver "
         "d'autres solutions pour se rendre au travail.\n\n"
         "Le mouvement pourrait durer toute la semaine, selon les syndicats.")
MUSEUM = Article(
    id="fr-museum", date=DAY.format("11:00"), source="La Gazette d'Orval", lang="fr",
    title="Le musée de Saint-Orval rouvre ses portes après deux ans de travaux",
    body="Le musée des beaux-arts de Saint-Orval a rouvert mardi après deux ans de travaux. « Il fallait "
         "redonner vie à ce lieu », a dit la conservatrice Hélène Marchois.\n\n"
         "Les visiteurs découvrent une nouvelle aile consacrée à la peinture du XIXe siècle. La ville a investi "
         "huit millions d'euros dans le chantier.\n\n"
         "Le musée sera ouvert tous les jours sauf le lundi, et l'entrée est gratuite pour les élèves.")


def _partition(stories):
    return sorted(sorted(a.id for a in s.articles) for s in stories)


def test_reports_of_one_german_event_group_and_other_events_of_the_day_stay_apart():
    stories = group_articles([FIRE_1, FIRE_2, SCHOOL, FOREST, PENSIONS, STRIKE, MUSEUM])
    assert _partition(stories) == [["de-fire-1", "de-fire-2"], ["de-school"], ["es-forest"], ["es-pensions"],
                                   ["fr-museum"], ["fr-strike"]]
    fire = next(s for s in stories if len(s.articles) == 2)
    assert any("Jonas Wettlauf" in name for name in fire.shared_names)  # "Kreisbrandmeister Jonas Wettlauf"
    assert not {"Die", "Der", "Polizei", "Stadt"} & set(fire.shared_names)


def test_two_events_of_one_language_on_one_day_stay_apart_in_a_small_archive():
    for pair in ([FOREST, PENSIONS], [STRIKE, MUSEUM], [FIRE_1, SCHOOL]):
        assert len(group_articles(pair)) == 2, [a.id for a in pair]


def test_function_words_and_capitalised_nouns_are_no_names():
    ents = set(entities(SCHOOL))
    assert {"n:carla_henneberg", "n:henneberg", "#12"} <= ents
    # sentence openers, function words, and German nouns standing alone
    assert not {"n:die", "n:der", "n:es", "n:regierung", "n:kinder", "n:woche", "n:polizei", "n:stadt"} & ents
    french = set(entities(STRIKE))
    assert "n:paul_ferrandon" in french and not {"n:il", "n:le", "n:les", "n:la"} & french


def test_a_lone_german_capital_is_a_name_when_the_article_writes_it_within_a_name():
    ents = entities(FIRE_1)
    assert ents.count("n:wettlauf") == 2  # "Kreisbrandmeister Jonas Wettlauf", then "Wettlauf sagte"
    assert "n:feuerwehr" not in ents


def test_an_article_drops_its_own_languages_function_words_only():
    english = Article(id="en", lang="en", title="Two die as war memorial collapses",
                      body="Two visitors die when part of the war memorial in Harlow Cross collapses.")
    german = Article(id="de", lang="de", title="Zwei Tote", body="Die Polizei und die Feuerwehr sind vor Ort.")
    words, names = Vocabulary(), Vocabulary()
    en, de = profiles([english, german], 4, words, names)
    assert {"die", "war"} <= {words.terms[i] for i in en.text}  # English words, whatever German says
    assert not {"die", "und", "sind"} & {words.terms[i] for i in de.text}
    assert "und" in function_words("de") and not function_words("en") and not function_words(None)
