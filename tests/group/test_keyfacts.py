"""Key facts: sentences reporters wrote, across independent reports, none saying the same thing twice."""
from collections import Counter

from fixtures import BUS_CRASH, QUAKE_A, article, corpus, wire_copy

from digest.group import group_articles, story_record
from digest.group.keyfacts import bag, key_facts, overlap_f1, readable, sentences, split_sentences
from digest.model import Article


def _story_of(stories, aid):
    return next(s for s in stories if any(a.id == aid for a in s.articles))


def test_every_key_fact_is_a_sentence_of_the_report_it_names_with_its_outlet():
    story = _story_of(group_articles([article(r) for r in BUS_CRASH]), "bus-1")
    by_id = {a.id: a for a in story.articles}
    assert 2 <= len(story.key_facts) <= 5
    for fact in story.key_facts:
        source = by_id[fact.article_id]
        assert fact.text in source.body or fact.text in source.summary
        assert fact.source == source.source


def test_no_two_key_facts_say_the_same_and_none_repeats_the_summary_or_headline():
    for story in group_articles([article(r) for r in BUS_CRASH] + corpus()):
        texts = [f.text for f in story.key_facts]
        for i, a in enumerate(texts):
            assert overlap_f1(bag(a), bag(story.summary)) <= 0.5
            assert overlap_f1(bag(a), bag(story.title)) <= 0.5
            for b in texts[i + 1:]:
                assert overlap_f1(bag(a), bag(b)) <= 0.5


def test_key_facts_come_from_several_reports_not_one():
    story = _story_of(group_articles([article(r) for r in BUS_CRASH]), "bus-1")
    assert len({f.article_id for f in story.key_facts}) >= 2


def test_a_single_report_story_and_a_copy_give_no_key_facts():
    original = article(QUAKE_A[0])
    copy = wire_copy(original, "cp", "Quake hits Brenmouth", "Coastal Gazette")
    story = group_articles([original, copy])[0]
    assert len(story.independent) == 1 and story.key_facts == []


def test_the_same_fact_is_quoted_from_the_latest_report():
    base = "The Serrano river bus crash left {n} people dead and 12 injured near Ostrava Alta, police said."
    reports = [
        Article(id=f"r{k}", date=f"2031-05-06T{h:02d}:00:00Z", source=f"Outlet {k}", title=f"Crash report {k}",
                summary="Police chief Marta Ilvesky spoke to reporters in the capital of Valdoria.",
                body=base.format(n=n) + "\n\nRescuers searched the river banks of the Serrano for survivors all day long.")
        for k, (h, n) in enumerate([(7, 17), (12, 19), (20, 23)])
    ]
    facts = key_facts(reports, [1.0, 1.0, 1.0], reports[2].summary, reports[2].title, lambda t: 1.0)
    toll = [f for f in facts if "people dead" in f.text]
    assert [f.text for f in toll] == [base.format(n=23)] and toll[0].article_id == "r2"


def test_datelines_are_cut_and_sentences_split_at_their_ends_only():
    a = Article(id="x", body="OSTRAVA ALTA, Valdoria (Reuters) - A bus fell into the river on Tuesday, police said. "
                             "Gov. Anna Kell and Dr. J. Ruiz visited the U.S. embassy. \"We are devastated.\" More later.")
    assert sentences(a) == ["A bus fell into the river on Tuesday, police said.",
                            "Gov. Anna Kell and Dr. J. Ruiz visited the U.S. embassy.", "\"We are devastated.\"",
                            "More later."]
    assert split_sentences("It rose 5.9 percent. Then it fell.") == ["It rose 5.9 percent.", "Then it fell."]


def test_a_piece_of_a_quotation_is_no_key_fact():
    assert readable("The minister said the new bridge over the Serrano river would open in May.")
    assert not readable('This is a clean mission," the agency chairman said from the control centre.')
    assert not readable("“We will rebuild every house in Ostrava Alta, and we will start this week.")


def test_record_lists_key_facts_with_article_and_outlet():
    record = story_record(_story_of(group_articles([article(r) for r in BUS_CRASH]), "bus-1"))
    assert record["key_facts"] and set(record["key_facts"][0]) == {"text", "article_id", "source"}
    assert Counter(f["article_id"] for f in record["key_facts"]).most_common(1)[0][1] <= 2


def test_a_question_or_the_page_talking_to_its_reader_is_no_key_fact():
    assert not readable("Should the ferry run on Sundays now that the new terminal has opened in Kleinholm?")
    assert not readable("See what else made our list of the best harbour towns to visit this winter.")
    assert not readable("You can book the first crossings to Nordby on the operator's website from Monday.")
    assert not readable("Wir haben bei der Reederei nachgefragt, wann die erste Fähre nach Nordby fährt.")
    # a reporter's sentence quoting someone who says "we", and the country written "US", are facts
    assert readable('"We will run the first crossing on Monday," the harbour master told reporters in Kleinholm.')
    assert readable("The US coastguard said it had rescued all twelve crew members of the Nordby ferry overnight.")
