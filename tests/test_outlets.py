"""One outlet, one name across the archive: bare domains take the printed name."""
from digest.model import Article
from digest.outlets import domain_label, name_domains


def test_domain_label_drops_www_and_second_level_suffixes():
    assert domain_label("www.harbourledger.example") == "harbourledger"
    assert domain_label("westhaven-echo.co.uk") == "westhavenecho"
    assert domain_label("The Harbour Ledger") is None


def test_a_bare_domain_takes_the_name_printed_elsewhere_in_the_archive():
    articles = [
        Article(id="a", title="Harbour works delayed", source="harbourledger.example"),
        Article(id="b", title="Ferry timetable changes", source="The Harbour Ledger"),
        Article(id="c", title="Lantern festival opens", source="www.dailylantern.example"),
        Article(id="d", title="Lantern festival closes", source="Daily Lantern"),
        Article(id="e", title="Cedar harvest begins", source="cedarbulletin.example"),
        Article(id="f", title="Port strike ends", source="Port Gazette"),
    ]
    name_domains(articles)
    assert [a.source for a in articles] == [
        "The Harbour Ledger",
        "The Harbour Ledger",
        "Daily Lantern",
        "Daily Lantern",
        "cedarbulletin.example",  # no article names it: left as it is, nothing guessed
        "Port Gazette",
    ]
