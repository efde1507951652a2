"""Why grouped: the names and distinctive terms that linked the reports, readable, with their days."""
from fixtures import BUS_CRASH, article, corpus

from digest.group import group_articles, story_record
from digest.group.explain import word_key
from digest.model import Article


def _story_of(stories, aid):
    return next(s for s in stories if any(a.id == aid for a in s.articles))


def _park_story():
    bodies = [
        "Rangers in Nepal moved nine critically endangered rhinos out of Chitwan National Park on Monday, "
        "driving them 300 metres a day over a distance of 120 kilometres to the parks of Bardiya. "
        "The search for a new home took GSLV Wildlife two years.",
        "Nine critically endangered rhinos from Chitwan National Park arrived in Bardiya on Friday, "
        "rangers said, after a search by GSLV Wildlife for parks with room. The distance was 120 kilometres, "
        "covered at 300 metres a day.",
    ]
    return [Article(id=f"p{i}", date=f"2031-03-0{i + 2}", title=f"Rhinos moved to Bardiya park {i}", body=b,
                    countries=["NP"]) for i, b in enumerate(bodies)]


def test_country_codes_show_as_names_and_numbers_generic_words_adverbs_do_not_show():
    story = group_articles(_park_story())[0]
    shown = [t.lower() for t in story.shared_terms]
    assert "Nepal" in story.shared_terms and "np" not in shown
    for noise in ("300", "120", "critically", "distance", "metres", "kilometres", "search", "said", "day"):
        assert noise not in shown
    assert "Chitwan National Park" in story.shared_terms and "Bardiya" in story.shared_terms


def test_one_form_per_word_and_names_as_written():
    story = group_articles(_park_story())[0]
    keys = [word_key(t.lower()) for t in story.shared_terms]
    assert len(keys) == len(set(keys))  # not "park" and "parks"
    assert "GSLV Wildlife" in story.shared_terms  # an acronym keeps its capitals


def test_names_come_first_then_terms_and_the_record_splits_them():
    record = story_record(_story_of(group_articles([article(r) for r in BUS_CRASH]), "bus-1"))
    why = record["why_grouped"]
    assert "Marta Ilvesky" in why["names"] and "Ostrava Alta" in why["names"] and "Serrano" in why["names"]
    assert record["shared_terms"] == why["names"] + why["terms"]
    assert why["first_day"] == "2031-05-06" and why["last_day"] == "2031-05-07"


def test_terms_of_one_event_do_not_name_another_of_the_same_kind():
    story = _story_of(group_articles(corpus()), "qb-1")
    assert "Anselm Kobrecht" in story.shared_terms and "Tarsville" in story.shared_terms
    assert "Brenmouth" not in story.shared_terms


def test_weekdays_zones_titles_and_pieces_of_words_do_not_show():
    """What two reports of any event share says nothing: the weekday, a clock's zone, a title before
    a name, a piece of a word the tokeniser split ("Wi-Fi", "O'Brien"), a capitalised "I'd"."""
    bodies = [
        "Capt. Arlo Venn of the Korvik harbour police said on Tuesday at 09:40 GMT that the Wi-Fi mast on "
        "Pier Nine had been cut. I'd never seen sabotage like it, Venn told the Korvik Ledger. "
        "Divers from Saltmere searched the pier on Tuesday.",
        "The Wi-Fi mast on Pier Nine was cut early on Tuesday, 09:40 GMT, Capt. Arlo Venn of the Korvik "
        "harbour police said. I'd call it sabotage, he added. Divers from Saltmere searched the pier.",
    ]
    story = group_articles([Article(id=f"w{i}", date="2031-04-0{}".format(i + 1), title=f"Korvik pier mast cut {i}",
                                    body=b) for i, b in enumerate(bodies)])[0]
    shown = [t.lower() for t in story.shared_terms]
    for noise in ("tuesday", "gmt", "capt", "fi", "i'd"):
        assert noise not in shown
    assert "Pier Nine" in story.shared_terms or "Arlo Venn" in story.shared_terms
