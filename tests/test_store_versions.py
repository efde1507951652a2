"""A page scraped again after its outlet updated it replaces its article (issue 13 item 6).

Same address, or same outlet and nearly the same text: one article, its file's path and
id kept, a person's edits kept. Another outlet's copy, another story, or a later day's
report on the same template stay articles of their own. Found through an index, and
re-running the same inputs changes nothing.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from digest.model import Article, parse_article
from digest.store import ContentStore, load_articles

PARAS = [
    "KISUMU — Fishermen on the fictional Lake Ndera began a three-day protest on Tuesday against a new licence fee, "
    "mooring their boats across the mouth of the harbour and halting the morning catch.",
    "The county fisheries board said the fee, which rises from 200 to 1,500 shillings a year, would pay for patrol "
    "boats to stop illegal nets that have emptied the lake's tilapia stocks.",
    "Leaders of the Ndera Boat Owners' Association said most of their members earn less than 10,000 shillings a month "
    "and could not pay, and called on the governor to suspend the fee until after the long rains.",
    "Traders at the Kisumu fish market said prices had doubled by noon as buyers turned to fish trucked in from the coast.",
]
NEW_PARA = ("By evening the governor's office said it would meet the association on Thursday, and the board agreed to "
            "delay collecting the fee until the meeting.")


def story(id: str, paras: list[str], **kw) -> Article:
    base = dict(id=id, title="Lake Ndera fishermen protest new licence fee", summary=paras[0][:120],
                date="2026-11-24T09:00:00+03:00", source="The Lakeside Observer", body="\n\n".join(paras))
    base.update(kw)
    return Article(**base)


def only_article(out: Path) -> Article:
    (article,) = load_articles(out)
    return article


def test_same_address_new_id_replaces_in_place(tmp_path):
    store = ContentStore(tmp_path)
    first = store.write(story("obs-1", PARAS, url="https://observer.example/news/ndera-fee?utm_source=rss"))
    changed = [PARAS[0].replace("three-day", "four-day"), *PARAS[1:]]
    again = store.write(story("obs-1-v2", changed, url="https://observer.example/news/ndera-fee"))
    assert again.status == "updated" and again.replaced == "obs-1" and again.path == first.path
    article = only_article(tmp_path)
    assert article.id == "obs-1" and "four-day protest" in article.body


def test_same_outlet_same_story_with_a_new_paragraph_replaces(tmp_path):
    """Page text without an address: the id is the hash of the text, so each version has a new id."""
    store = ContentStore(tmp_path)
    first = store.write(story("h-aaaa", PARAS))
    again = store.write(story("h-bbbb", [*PARAS, NEW_PARA], date="2026-11-24T18:30:00+03:00"))
    assert (again.status, again.replaced, again.path) == ("updated", "h-aaaa", first.path)
    article = only_article(tmp_path)
    assert article.id == "h-aaaa" and "meet the association on Thursday" in article.body
    assert article.date == "2026-11-24T18:30:00+03:00"


def test_a_changed_word_replaces(tmp_path):
    store = ContentStore(tmp_path)
    store.write(story("w-1", PARAS))
    result = store.write(story("w-2", [PARAS[0], PARAS[1].replace("tilapia", "Nile perch"), *PARAS[2:]]))
    assert result.replaced == "w-1"
    assert "Nile perch" in only_article(tmp_path).body


def test_another_outlets_copy_and_another_story_stay_apart(tmp_path):
    store = ContentStore(tmp_path)
    store.write(story("obs-1", PARAS))
    wire = store.write(story("herald-1", PARAS, source="The Western Herald", title="Ndera fishermen block harbour"))
    other = store.write(story("obs-2", [
        "KISUMU — The county assembly on Tuesday approved a budget that doubles spending on rural clinics, after a "
        "debate that ran past midnight.",
        "Members said the money would come from a new levy on sugar factories, which the factories' association said "
        "it would challenge in court.",
    ], title="Kisumu assembly doubles clinic budget"))
    assert wire.status == other.status == "new" and wire.replaced is None and other.replaced is None
    assert {a.id for a in load_articles(tmp_path)} == {"obs-1", "herald-1", "obs-2"}


def test_two_sites_with_one_source_name_are_two_outlets(tmp_path):
    """Two papers that both name the wire as their source (a misread masthead) stay two articles."""
    store = ContentStore(tmp_path)
    store.write(story("p-1", PARAS, source="The Associated Press", url="https://lakeside.example/ndera"))
    other = store.write(story("p-2", [*PARAS, NEW_PARA], source="The Associated Press", url="https://western.example/ndera-fee"))
    assert other.status == "new" and len(load_articles(tmp_path)) == 2


def test_headline_only_items_of_one_outlet_stay_apart_unless_one_address(tmp_path):
    """An aggregator's headline-only entries: the same words from one outlet are two items,
    unless they share an address."""
    store = ContentStore(tmp_path)
    head = "Lake Ndera fishermen block the harbour mouth in protest at a new licence fee, county board says"
    store.write(story("a-1", [head], url="https://observer.example/a/1"))
    second = store.write(story("a-2", [head + " on Tuesday"], url="https://observer.example/a/2"))
    third = store.write(story("a-3", [head.replace("Tuesday", "Monday")], url="https://observer.example/a/1?utm_medium=feed"))
    assert second.status == "new" and third.replaced == "a-1"
    assert {a.id for a in load_articles(tmp_path)} == {"a-1", "a-2"}


def test_a_daily_report_on_the_same_template_is_not_a_version(tmp_path):
    """Same outlet, nearly the same words, but days apart: tomorrow's report, not today's corrected."""
    store = ContentStore(tmp_path)
    store.write(story("d-1", PARAS, date="2026-11-24"))
    later = store.write(story("d-2", [*PARAS, NEW_PARA], date="2026-12-02"))
    assert later.status == "new" and len(load_articles(tmp_path)) == 2


def test_hand_edits_survive_a_replacement(tmp_path):
    store = ContentStore(tmp_path)
    path = tmp_path / store.write(story("e-1", PARAS)).path
    store.save()
    text = path.read_text().replace("title: Lake Ndera fishermen protest new licence fee", "title: Ndera fishermen strike over fee")
    path.write_text(text.replace("\ntitle:", "\ntags:\n- fisheries\ntitle:", 1))

    store = ContentStore(tmp_path)
    store.write(story("e-2", [*PARAS, NEW_PARA]))
    article = parse_article(path.read_text())
    assert article.id == "e-1" and article.title == "Ndera fishermen strike over fee" and article.tags == ["fisheries"]
    assert "meet the association on Thursday" in article.body  # the body was not edited: the new version's
    assert [p.name for p in tmp_path.rglob("*.md")] == [path.name]


def test_rerunning_every_version_changes_nothing(tmp_path):
    versions = [story("r-1", PARAS), story("r-2", [*PARAS, NEW_PARA], date="2026-11-24T18:30:00+03:00")]
    store = ContentStore(tmp_path)
    for v in versions:
        store.write(v)
    store.save()
    files = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    store = ContentStore(tmp_path)
    results = [store.write(v) for v in versions]
    store.save()
    assert [(r.status, r.duplicate_of) for r in results] == [("duplicate", "r-1"), ("unchanged", None)]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == files


def test_an_earlier_version_arriving_late_does_not_replace(tmp_path):
    store = ContentStore(tmp_path)
    store.write(story("late-2", [*PARAS, NEW_PARA], url="https://observer.example/n/1", date="2026-11-24T18:30:00+03:00"))
    old = store.write(story("late-1", PARAS, url="https://observer.example/n/1", date="2026-11-24T09:00:00+03:00"))
    assert (old.status, old.duplicate_of) == ("duplicate", "late-2")
    assert "meet the association" in only_article(tmp_path).body


def test_a_front_page_address_is_not_an_articles_identity(tmp_path):
    store = ContentStore(tmp_path)
    store.write(story("fp-1", PARAS, url="https://observer.example/"))
    other = store.write(story("fp-2", ["An unrelated story about the new ferry timetable on Lake Ndera, which starts "
                                       "on Monday with two extra crossings a day."],
                              title="Ndera ferry adds crossings", url="https://observer.example/"))
    assert other.status == "new"


def test_a_new_article_reads_only_its_few_candidates(tmp_path, monkeypatch):
    """An index, not a comparison with every article: 400 articles of the same outlet on one
    template, and a new one reads at most a handful of files to decide."""
    store = ContentStore(tmp_path)
    for n in range(400):
        store.write(story(f"t-{n}", [f"Boat {n} of the Ndera fleet, registered as number {n * 7}, returned to harbour "
                                     f"at {n % 12} o'clock with {n * 3} kilograms of tilapia and {n % 5} crew."],
                          title=f"Ndera boat {n} returns"))
    reads: list[str] = []
    read = ContentStore._read
    monkeypatch.setattr(ContentStore, "_read", lambda self, rel: reads.append(rel) or read(self, rel))
    result = store.write(story("t-new", PARAS))
    assert result.status == "new" and len(reads) <= 3


def test_the_first_state_format_is_read_and_upgraded(tmp_path):
    """An archive written before versions were recognised: paths, edits and addresses carry over."""
    store = ContentStore(tmp_path)
    rel = store.write(story("o-1", PARAS, url="https://observer.example/news/o-1")).path
    entry = store.state["articles"]["o-1"]
    old = {"articles": {"o-1": {"path": rel, "fm": entry["fm"], "body": entry["body"]}},
           "urls": {"https://observer.example/news/o-1": "o-1"}, "texts": {entry["text"]: "o-1"}, "inputs": {"k1": "o-1"}}
    (tmp_path / ".digest").mkdir(exist_ok=True)
    (tmp_path / ".digest" / "state.json").write_text(json.dumps(old))

    store = ContentStore(tmp_path)
    assert store.seen_input("k1") == rel
    again = store.write(story("o-2", [*PARAS, NEW_PARA]))  # found by its text's sketch, rebuilt from the file
    store.save()
    assert again.replaced == "o-1" and len(load_articles(tmp_path)) == 1
    state = json.loads((tmp_path / ".digest" / "state.json").read_text())
    assert state["version"] == 2 and set(state) == {"version", "articles", "aliases"}
    assert state["aliases"] == {"o-2": "o-1"} and state["articles"]["o-1"]["url"] == "https://observer.example/news/o-1"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="no git")
def test_an_archive_stays_clean_in_git_when_nothing_changed(tmp_path, monkeypatch):
    """Ingest, commit, then ingest the same inputs with changed code: git sees no change."""
    from digest.ingest import batch
    from digest.ingest.batch import run_ingest

    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"p{n}.txt").write_text(f"The Lakeside Observer\n\nNdera story {n}\n\n" + "\n\n".join(PARAS[n:n + 2]) + "\n")
    out = tmp_path / "site" / "articles"
    run_ingest([src], out, workers=1)
    git(tmp_path / "site", "init", "-q")
    git(tmp_path / "site", "add", ".")
    git(tmp_path / "site", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "articles")
    assert "lock" not in git(tmp_path / "site", "ls-files") and "inputs.json" not in git(tmp_path / "site", "ls-files")

    inputs = json.loads((out / ".digest" / "inputs.json").read_text())
    monkeypatch.setattr(batch, "_source_digest", lambda: "the code changed")
    report = run_ingest([src], out, workers=1)
    assert (report.unchanged, report.new, report.updated) == (3, 0, 0)
    assert set(json.loads((out / ".digest" / "inputs.json").read_text())) - set(inputs)  # every input was read again
    assert git(tmp_path / "site", "status", "--porcelain") == ""


def test_digest_ingest_replaces_a_rescraped_record(tmp_path):
    """Through the ingest command's batch: a record scraped again with a new paragraph and no id."""
    from digest.ingest.batch import run_ingest

    record = {"title": "Lake Ndera fishermen protest new licence fee", "source": "The Lakeside Observer",
              "date": "2026-11-24T09:00:00+03:00", "text": "\n\n".join(PARAS)}
    first, second = tmp_path / "monday.json", tmp_path / "monday-evening.json"
    first.write_text(json.dumps(record))
    second.write_text(json.dumps({**record, "date": "2026-11-24T18:30:00+03:00", "text": "\n\n".join([*PARAS, NEW_PARA])}))
    out = tmp_path / "articles"
    run_ingest([first], out, workers=1)
    (path,) = out.rglob("*.md")
    report = run_ingest([second], out, workers=1)
    assert report.updated == 1 and report.new == 0
    assert list(out.rglob("*.md")) == [path] and "meet the association on Thursday" in path.read_text()
    again = run_ingest([first, second], out, workers=1)  # the same inputs again: nothing changes
    assert (again.new, again.updated) == (0, 0) and "meet the association on Thursday" in path.read_text()
