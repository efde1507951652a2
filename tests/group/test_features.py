"""Entities: names, numbers, dates; a capitalised sentence opener is not a name by itself."""
from digest.group.features import entities
from digest.model import Article


def test_names_numbers_dates_and_countries():
    a = Article(id="x", title="Quake hits Tarsville", countries=["xk"],
                body="Officials said Governor Anselm Kobrecht arrived on May 3. The quake measured 5.1 and 1,200 fled.")
    ents = entities(a)
    assert {"n:tarsville", "n:anselm_kobrecht", "n:kobrecht", "#5.1", "#1200", "d:5-3", "c:XK"} <= set(ents)
    assert "n:officials" not in ents and "n:quake" not in ents


def test_sentence_opener_counts_when_capitalised_elsewhere():
    a = Article(id="x", body="Brenmouth was hit. Rescuers reached Brenmouth at noon.")
    assert entities(a).count("n:brenmouth") == 2
    assert "n:rescuers" not in entities(a)
