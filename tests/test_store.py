"""The content folder: stable paths, atomic writes, hand edits that survive re-ingest."""
from pathlib import Path

from digest.model import Article, parse_article
from digest.store import ContentStore, load_articles, relative_path_for, slugify


def art(**kw):
    base = dict(id="a1", title="Floods close the Harbour Road", summary="Rain.", date="2026-11-24T08:00:00", body="Para one.\n\nPara two.")
    base.update(kw)
    return Article(**base)


def test_path_is_dated_and_slugged():
    rel = relative_path_for(art())
    assert rel.startswith("2026/11/24/floods-close-the-harbour-road-")
    assert relative_path_for(art(date=None)).startswith("undated/")


def test_hostile_fields_cannot_leave_the_folder():
    rel = relative_path_for(art(title="../../etc/passwd", date="../../../x"))
    assert ".." not in rel and rel.startswith("undated/")
    assert slugify("../..") == "article"


def test_rewrite_is_unchanged_and_edits_survive(tmp_path: Path):
    store = ContentStore(tmp_path)
    first = store.write(art())
    assert first.status == "new"
    store.save()
    assert ContentStore(tmp_path).write(art()).status == "unchanged"

    target = tmp_path / first.path
    text = target.read_text().replace("title: Floods close the Harbour Road", "title: Floods shut Harbour Road")
    text = text.replace("Para two.", "Para two, corrected by the desk.")
    target.write_text(text)

    store = ContentStore(tmp_path)
    result = store.write(art(summary="Heavy rain."))  # ingest now infers a new summary
    edited = parse_article(target.read_text())
    assert result.status == "updated"
    assert edited.title == "Floods shut Harbour Road"  # the person's title wins
    assert edited.summary == "Heavy rain."  # untouched values follow ingest
    assert "corrected by the desk" in edited.body


def test_same_text_under_another_id_is_one_article(tmp_path: Path):
    store = ContentStore(tmp_path)
    store.write(art(url="https://example.org/a"))
    dup_text = store.write(art(id="c3"))
    assert dup_text.status == "duplicate" and dup_text.duplicate_of == "a1"
    assert len(load_articles(tmp_path)) == 1


def test_a_file_without_state_is_taken_as_edited(tmp_path: Path):
    """With no record of what ingest wrote, nothing in the file is overwritten."""
    store = ContentStore(tmp_path)
    rel = store.write(art()).path
    (tmp_path / ".digest" / "state.json").unlink(missing_ok=True)
    store.state = {"articles": {}, "aliases": {}}
    path = tmp_path / rel
    path.write_text(path.read_text().replace("Rain.", "Rain, hand-written."))
    ContentStore(tmp_path).write(art())
    assert "hand-written" in path.read_text()


def test_no_temporary_files_left(tmp_path: Path):
    store = ContentStore(tmp_path)
    for i in range(5):
        store.write(art(id=f"x{i}", title=f"T {i}", body=f"Body {i}"))
    store.save()
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
