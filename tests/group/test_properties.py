"""Whatever the input, every article lands in exactly one story and ids are unique slugs."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.group import group_articles, story_record
from digest.model import Article

WORDS = ["Valdoria", "storm", "quake", "bank", "rate", "Tarsville", "Brenmouth", "vote", "court", "4.5", "May 3", ""]
text = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
date = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@st.composite
def articles(draw):
    n = draw(st.integers(0, 12))
    return [Article(id=f"a{i}", title=draw(text), body=draw(text), date=draw(date)) for i in range(n)]


@settings(max_examples=40, deadline=None)
@given(articles())
def test_partition_and_slug_ids(batch):
    stories = group_articles(batch)
    ids = sorted(a.id for s in stories for a in s.articles)
    assert ids == sorted(a.id for a in batch)
    assert len({s.id for s in stories}) == len(stories)
    for s in stories:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s.id)
        record = story_record(s)
        copied = {c for cs in record["copies"].values() for c in cs}
        assert record["independent_reports"] == len(record["articles"]) - len(copied)
        assert record["articles"][:record["independent_reports"]] == [a.id for a in s.independent]
