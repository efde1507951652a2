"""The front-matter schema: what is written is what is read back, and YAML stays data."""
from hypothesis import given, settings, strategies as st

from digest.model import Article, parse_article, render_markdown, split_front_matter


def test_round_trip_keeps_every_field_and_order():
    a = Article(
        id="x1", title="Quake: 5.9 \"strong\" --- felt", summary="A: b", date="2026-11-24",
        dateline="LIMA", agency="Reuters", authors=["Ana Q"], countries=["PE", "CL"],
        region="Latin America and the Caribbean", regions=["Latin America and the Caribbean"],
        topics=["disaster-accident-emergency"], tags=["watch"], body="First.\n\nSecond.",
        extra={"editor_note": "keep"},
    )
    text = render_markdown(a)
    keys = [line.split(":")[0] for line in text.split("\n---\n")[0].splitlines()[1:] if not line.startswith(("-", " "))]
    assert keys[:4] == ["id", "title", "summary", "date"]
    back = parse_article(text)
    assert back.front_matter() == a.front_matter()
    assert back.body == "First.\n\nSecond.\n"


def test_body_dashes_never_become_front_matter():
    text = "---\nid: a\ntitle: T\n---\n\nPara\n\n---\nid: evil\n---\n"
    meta, body = split_front_matter(text)
    assert meta == {"id": "a", "title": "T"}
    assert "id: evil" in body


def test_yaml_tags_are_not_executed():
    text = "---\nid: a\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nbody"
    try:
        split_front_matter(text)
    except Exception as e:  # safe_load refuses the tag
        assert "python" in str(e)
    else:
        raise AssertionError("a python tag was accepted")


def test_dates_read_from_unquoted_yaml_stay_iso_strings():
    a = parse_article("---\nid: a\ndate: 2026-11-24\n---\n")
    assert a.date == "2026-11-24" and a.day == "2026-11-24"


@settings(max_examples=150, deadline=None)
@given(title=st.text(), summary=st.text(), tag=st.text())
def test_any_string_round_trips(title, summary, tag):
    a = Article(id="id-1", title=title, summary=summary, tags=[tag])
    back = parse_article(render_markdown(a))
    assert back.title == (title if title else "")
    assert back.summary == (summary if summary else "")
    assert back.tags == [tag]
