"""Wire copies: retitled, trimmed or extended republications are found; related reports are not copies."""
from fixtures import QUAKE_A, article, corpus, wire_copy

from digest.group.copies import find_copies


def _ids(articles, groups):
    return {articles[o].id: [articles[c].id for c in cs] for o, cs in groups.items()}


def test_copy_with_new_headline_trimmed_end_or_added_paragraph_is_found():
    reports = corpus()
    original = reports[0]
    copies = [
        wire_copy(original, "cp-title", "Deadly tremor in Valdoria", "Coastal Gazette", date="2031-04-02T07:00:00Z"),
        wire_copy(original, "cp-trim", "Brenmouth hit by quake", "Valley Herald", trim=True, date="2031-04-02T08:00:00Z"),
        wire_copy(original, "cp-add", "Quake kills 12", "Capital Observer", date="2031-04-02T10:00:00Z",
                  add="Our correspondent in Brenmouth contributed reporting to this dispatch from the coast."),
    ]
    articles = reports + copies
    assert _ids(articles, find_copies(articles)) == {"qa-1": ["cp-title", "cp-trim", "cp-add"]}


def test_the_earliest_report_is_the_original_whatever_the_input_order():
    late = article(QUAKE_A[0])
    early = wire_copy(late, "cp-early", "Quake in Brenmouth", "Valley Herald", date="2031-04-02T05:00:00Z")
    articles = [late, early]
    assert _ids(articles, find_copies(articles)) == {"cp-early": ["qa-1"]}


def test_reports_of_one_event_by_different_outlets_are_not_copies():
    assert find_copies(corpus()) == {}


def test_a_short_brief_inside_a_long_report_is_not_a_copy():
    long_report = article(QUAKE_A[0])
    brief = wire_copy(long_report, "brief", "Quake", "Valley Herald")
    brief.body = long_report.body.split("\n\n")[0]
    long_report.body = "\n\n".join([long_report.body] * 1 + [f"Paragraph {i} of background on Valdoria's history of quakes and building codes." for i in range(30)])
    assert find_copies([long_report, brief]) == {}


def test_the_same_text_on_dates_far_apart_is_not_a_copy():
    first = article(QUAKE_A[0])
    later = wire_copy(first, "later", "Anniversary", "Valley Herald", date="2031-06-02T06:10:00Z")
    assert find_copies([first, later], window_days=3) == {}
    assert find_copies([first, later]) == {0: [1]}
