"""A story follows the news: its headline and summary come from its latest report, its id from the
earliest, and its record says which reports arrived on which day (fictional multi-day stories)."""
from fixtures import BUS_CRASH, EXCHANGE, PROTEST, article

from digest.group import group_articles, story_record
from digest.group.stories import core_reports, headline_report
from digest.model import Article


def _story_of(stories, aid):
    return next(s for s in stories if any(a.id == aid for a in s.articles))


def test_headline_and_summary_follow_the_latest_report_as_coverage_arrives():
    reports = [article(r) for r in BUS_CRASH]
    seen = []
    for n in (1, 2, 3):
        story = _story_of(group_articles(reports[:n]), "bus-1")
        assert [a.id for a in story.articles] == [r[0] for r in BUS_CRASH[:n]]
        assert story.title == BUS_CRASH[n - 1][3]
        assert story.headline_from == BUS_CRASH[n - 1][0]
        assert story.summary.startswith(BUS_CRASH[n - 1][4][:40])
        seen.append(story.id)
    assert len(set(seen)) == 1  # the id stays put as the toll rises from 17 to 23
    assert "17 dead" not in story.title


def test_a_completed_exchange_is_no_longer_said_to_begin():
    story = _story_of(group_articles([article(r) for r in EXCHANGE]), "px-1")
    assert story.title == "Valdoria and Morvania complete exchange of 300 prisoners"


def test_latest_means_publication_time_not_input_order():
    reports = [article(r) for r in BUS_CRASH][::-1]
    assert _story_of(group_articles(reports), "bus-1").headline_from == "bus-3"


def test_record_carries_the_reports_that_arrived_each_day():
    record = story_record(_story_of(group_articles([article(r) for r in BUS_CRASH]), "bus-1"))
    assert record["arrivals"] == {"2031-05-06": ["bus-1", "bus-2"], "2031-05-07": ["bus-3"]}
    assert record["title_from"] == "bus-3"
    assert record["why_grouped"]["first_day"] == "2031-05-06" and record["why_grouped"]["last_day"] == "2031-05-07"


def test_a_side_piece_filed_last_does_not_name_the_story():
    reports = [Article(id=f"r{i}", title=f"R{i}", date=f"2031-05-0{i + 1}") for i in range(3)]
    assert headline_report(reports, [0.6, 0.6, 0.2]) == 1  # r2 is far less central than the others
    assert headline_report(reports, [0.6, 0.6, 0.5]) == 2


def test_a_stray_report_of_another_event_does_not_name_the_story():
    # The listing piece shares the capital, the country and the protests with the story and
    # is filed last; whether or not clustering lets it in, the story keeps a protest headline.
    stories = group_articles([article(r) for r in PROTEST])
    story = _story_of(stories, "pr-1")
    assert story.headline_from == "pr-3"
    assert story.title == "Korlov refuses to withdraw security law as Port Selene strike looms"


def test_core_reports_leave_each_report_out_of_the_story_it_is_measured_against():
    # Three protest reports alike each other at 0.5, a stray at 0.2 to each: its mean (0.2) is
    # under half the mean among the others (0.5), though half the best one's (0.4): a share of the
    # best let it name the story.
    assert core_reports([0.4, 0.4, 0.4, 0.2]) == [0, 1, 2]
    assert core_reports([0.4, 0.4, 0.4, 0.3]) == [0, 1, 2, 3]
    assert core_reports([0.3, 0.1]) == [0, 1]  # two reports are alike each other
    assert core_reports([0.0, 0.0, 0.0]) == [0, 1, 2]


def test_undated_reports_name_the_story_only_when_none_is_dated():
    dated = Article(id="d", title="D", date="2031-05-01")
    undated = Article(id="u", title="U")
    assert headline_report([dated, undated], [0.5, 0.6]) == 0
    assert headline_report([Article(id="a", title="A"), undated], [0.5, 0.6]) == 1
    assert headline_report([Article(id="a", title="A"), undated], [0.6, 0.6]) == 0  # equals: the earliest
