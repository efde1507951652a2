"""Stories: same event grouped across outlets and days; same kind of event kept apart; stable ids."""
import re

from fixtures import QUAKE_A, article, corpus, wire_copy

from digest.group import GroupOptions, group_articles, story_record
from digest.model import Article


def _partition(stories):
    return sorted(sorted(a.id for a in s.articles) for s in stories)


def test_each_event_is_one_story_and_same_kind_events_stay_apart():
    stories = group_articles(corpus())
    assert _partition(stories) == [["qa-1", "qa-2", "qa-3"], ["qb-1", "qb-2"], ["rt-1", "rt-2"]]


def test_every_article_lands_in_exactly_one_story_singletons_included():
    lone = Article(id="lone", title="Valdorian chess club opens", body="A chess club opened in the capital of Valdoria.")
    articles = corpus() + [lone]
    ids = [a.id for s in group_articles(articles) for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in articles)


def test_copies_follow_independent_reports_and_are_listed_under_their_original():
    reports = corpus()
    copy = wire_copy(reports[1], "cp", "Toll climbs in Brenmouth", "Coastal Gazette", date="2031-04-02T11:00:00Z")
    story = next(s for s in group_articles(reports + [copy]) if any(a.id == "qa-1" for a in s.articles))
    assert [a.id for a in story.articles] == ["qa-1", "qa-2", "qa-3", "cp"]
    assert story.copies == {"qa-2": ["cp"]}
    assert len(story.independent) == 3


def test_headline_and_key_facts_come_from_independent_reports_not_copies():
    reports = corpus()
    copy = wire_copy(reports[0], "cp", "COPY HEADLINE", "Coastal Gazette", date="2031-04-02T06:30:00Z")
    story = next(s for s in group_articles(reports + [copy]) if any(a.id == "cp" for a in s.articles))
    assert story.title != "COPY HEADLINE"
    assert story.title in {a.title for a in story.independent}
    assert story.key_facts and all(f.article_id != "cp" for f in story.key_facts)


def test_story_id_is_a_slug_kept_when_later_coverage_arrives():
    first = {s.id for s in group_articles(corpus())}
    later = article(("qa-4", "2031-04-04T09:00:00Z", "Valley Herald", "Brenmouth rebuilds after quake",
                     "Three days after the 6.4 earthquake, Mayor Ilse Ravensholt opened a fund to rebuild Brenmouth.\n\n"
                     "Volunteers cleared the harbour of Brenmouth."))
    stories = group_articles(corpus() + [later])
    story = next(s for s in stories if any(a.id == "qa-4" for a in s.articles))
    assert story.id in first
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s.id) for s in stories)


def test_shared_terms_name_what_the_reports_have_in_common():
    story = next(s for s in group_articles(corpus()) if any(a.id == "qb-1" for a in s.articles))
    assert "Anselm Kobrecht" in story.shared_terms and "Tarsville" in story.shared_terms
    assert "Brenmouth" not in story.shared_terms


def test_reports_far_apart_in_time_are_not_linked_but_undated_ones_are_text_only():
    a = article(QUAKE_A[0])
    b = article(QUAKE_A[1])
    b.date = "2031-06-30T09:40:00Z"
    assert len(group_articles([a, b], GroupOptions(window_days=3))) == 2
    assert len(group_articles([a, b], GroupOptions(window_days=120))) == 1
    b.date = None
    assert len(group_articles([a, b], GroupOptions(window_days=3))) == 1


def test_story_record_is_plain_json_with_the_contract_keys():
    import json

    record = story_record(group_articles(corpus())[0])
    assert {"id", "title", "articles", "summary", "independent_reports", "copies", "shared_terms",
            "key_facts", "arrivals", "why_grouped", "title_from", "first_date", "last_date", "regions",
            "topics"} <= set(record)
    assert record["articles"] == ["qa-1", "qa-2", "qa-3"]
    assert record["independent_reports"] == 3
    json.dumps(record)


def test_empty_input_gives_no_stories():
    assert group_articles([]) == []


def test_input_order_does_not_change_the_stories():
    reports = corpus()
    copy = wire_copy(reports[3], "cp", "Tarsville quake report", "Coastal Gazette", date="2031-09-20T15:00:00Z")
    forward = {s.id: [a.id for a in s.articles] for s in group_articles(reports + [copy])}
    backward = {s.id: [a.id for a in s.articles] for s in group_articles([copy] + reports[::-1])}
    assert forward == backward


def test_a_story_covered_day_after_day_stays_one_story_with_one_id():
    first_id = next(s.id for s in group_articles(corpus()) if any(a.id == "qa-1" for a in s.articles))
    daily = [article((f"qa-d{d}", f"2031-04-{d:02d}T09:00:00Z", "Valley Herald", f"Brenmouth quake: day {d} of recovery",
                      f"On day {d} after the magnitude 6.4 earthquake, Mayor Ilse Ravensholt said Brenmouth had "
                      f"reopened {d} schools.\n\nEngineers inspected the Brenmouth harbour wall and 300 damaged homes."))
             for d in range(4, 10)]
    stories = group_articles(corpus() + daily, GroupOptions(window_days=3))
    story = next(s for s in stories if any(a.id == "qa-1" for a in s.articles))
    assert {a.id for a in story.articles} == {"qa-1", "qa-2", "qa-3"} | {a.id for a in daily}
    assert story.id == first_id


def test_two_reports_sharing_only_generic_words_stay_apart_in_a_small_archive():
    # each other's only neighbour: their neighbour lists are alike whatever they say
    housing = Article(id="housing", date="2031-11-08T10:00:00Z", lang="en", countries=["us"],
                      title="Tenants vote on the future of Harlow Court towers",
                      body="Residents of the Harlow Court towers began to vote on Tuesday on a plan to hand their "
                           "buildings to a private manager. The American housing agency says repairs would cost "
                           "$2 billion. Tenant leader Oreta Blake urged neighbours to vote no at the council on Tuesday.")
    mayor = Article(id="mayor", date="2031-11-08T23:30:00Z", lang="en", countries=["us"],
                    title="Linmouth Park residents vote for a new mayor",
                    body="Voters in Linmouth Park chose council member Abdi Warsame Kelo as mayor, the first "
                         "Somali American to lead the suburb, on Tuesday. Turnout was low, with 21 percent of residents "
                         "casting a vote. Kelo promised new housing and a wider St. Anne bridge.")
    assert len(group_articles([housing, mayor])) == 2  # own cosine about 0.1
    assert len(group_articles([housing, mayor], GroupOptions(min_direct=0))) == 1  # the lists alone joined them
