"""Profiles stored with the articles: same stories, used by a cold build, small per-day changes, never an error."""
import json
import subprocess

import numpy as np
import pytest
from fixtures import corpus, wire_copy

from digest.group import cache as cache_mod
from digest.group import group_articles, story_record
from digest.group.profile import profiles
from digest.group.profilefile import ProfileFile, fingerprint
from digest.group.stored import Shards, shard_path, store_profiles
from digest.group.vocabulary import Vocabulary
from digest.store import ContentStore, load_articles

FIELDS = ("title", "title_counts", "text", "text_counts", "names", "name_counts", "shingles", "signature")


def _records(stories):
    return [story_record(s) for s in stories]


def _archive(root, articles=None):
    """The articles written as ingest writes them, with their stored profiles; the articles as a build reads them."""
    if articles is None:
        reports = corpus()
        articles = reports + [wire_copy(reports[0], "cp", "Deadly tremor in Valdoria", "Coastal Gazette",
                                        date="2031-04-02T07:00:00Z")]
    store = ContentStore(root)
    for a in articles:
        store.write(a)
    store.save()
    store_profiles(root, store.touched, 4)
    return load_articles(root)


def _shards(root):
    return sorted((root / ".digest" / "profiles").rglob("*.npz"))


def _profiled_at_build(articles, root, monkeypatch):
    """Ids of the articles the build profiles itself (the rest come from the archive)."""
    seen = []
    real = cache_mod.profiles

    def spy(arts, k, words, names, stored):
        return real(arts, k, words, names, lambda i: stored(i) or seen.append(arts[i].id))

    monkeypatch.setattr(cache_mod, "profiles", spy)
    group_articles(articles, archive=root)
    monkeypatch.undo()
    return seen


def test_one_shard_per_day_folder_and_the_build_profiles_nothing(tmp_path, monkeypatch):
    articles = _archive(tmp_path)
    days = sorted({a.path.rsplit("/", 1)[0] for a in articles})
    assert [p.relative_to(tmp_path / ".digest" / "profiles").as_posix() for p in _shards(tmp_path)] == \
        [f"{d}.npz" for d in days]
    assert _profiled_at_build(articles, tmp_path, monkeypatch) == []


def test_stories_are_identical_with_stored_profiles_a_cache_and_neither(tmp_path):
    articles = _archive(tmp_path / "articles")
    plain = _records(group_articles(articles))
    assert _records(group_articles(articles, archive=tmp_path / "articles")) == plain
    assert _records(group_articles(articles, cache_dir=tmp_path / "cache", archive=tmp_path / "articles")) == plain


def test_stored_profiles_equal_computed_ones_ids_included(tmp_path):
    articles = _archive(tmp_path)
    words, names = Vocabulary(), Vocabulary()
    got = cache_mod.cached_profiles(articles, 4, None, words, names, tmp_path)
    want_words, want_names = Vocabulary(), Vocabulary()
    want = profiles(articles, 4, want_words, want_names)
    assert words.terms == want_words.terms and names.terms == want_names.terms
    for g, w in zip(got, want):
        for field in FIELDS:
            assert np.array_equal(getattr(g, field), getattr(w, field)), field


def test_shards_are_deterministic_and_rewritten_only_when_their_articles_change(tmp_path):
    first = _archive(tmp_path / "a")
    _archive(tmp_path / "b", list(reversed(first)))  # another order, another run
    a, b = _shards(tmp_path / "a"), _shards(tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    paths = [x.path for x in first]
    assert store_profiles(tmp_path / "a", paths, 4) == 0  # current: nothing written
    edited = tmp_path / "a" / first[0].path
    edited.write_text(edited.read_text() + "\nRescuers reached the last village by nightfall.\n")
    before = {p: p.read_bytes() for p in a}
    assert store_profiles(tmp_path / "a", paths, 4) == 1  # only the edited article's day
    changed = [p for p in a if p.read_bytes() != before[p]]
    assert changed == [shard_path(tmp_path / "a", first[0].path.rsplit("/", 1)[0])]


def test_a_hand_edited_article_is_profiled_again_at_build(tmp_path, monkeypatch):
    articles = _archive(tmp_path)
    path = tmp_path / articles[1].path
    path.write_text(path.read_text() + "\nRescuers reached the last village by nightfall.\n")
    articles = load_articles(tmp_path)
    assert _profiled_at_build(articles, tmp_path, monkeypatch) == [articles[1].id]
    assert _records(group_articles(articles, archive=tmp_path)) == _records(group_articles(articles))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "emptied", "bad ids", "short signatures", "other code"])
def test_a_damaged_or_stale_shard_is_recomputed_never_an_error(tmp_path, monkeypatch, damage):
    articles = _archive(tmp_path)
    plain = _records(group_articles(articles))
    shard = _shards(tmp_path)[0]
    data = shard.read_bytes()
    if damage == "garbage":
        shard.write_bytes(b"not a numpy file")
    elif damage == "truncated":
        shard.write_bytes(data[: len(data) // 2])
    elif damage == "emptied":
        shard.write_bytes(b"")
    elif damage == "bad ids":  # a readable file whose term ids point past its tables
        f = ProfileFile.load(shard, fingerprint(4))
        arrays = dict(f.arrays, text_ids=f.arrays["text_ids"].astype("<u4") + 10**6)
        np.savez(shard, **arrays)
    elif damage == "short signatures":  # readable, consistent, but not what MinHash makes
        f = ProfileFile.load(shard, fingerprint(4))
        np.savez(shard, **dict(f.arrays, signatures=f.arrays["signatures"][:, :16]))
    else:  # stamped by other code (another tokeniser, say)
        arrays = dict(ProfileFile.load(shard, fingerprint(4)).arrays, stamp=np.array([fingerprint(4) + 1]))
        np.savez(shard, **arrays)
    assert len(ProfileFile.load(shard, fingerprint(4))) == 0
    assert _records(group_articles(articles, archive=tmp_path)) == plain
    lost = [a.id for a in articles if tmp_path / ".digest" / "profiles" / (a.path.rsplit("/", 1)[0] + ".npz") == shard]
    assert sorted(_profiled_at_build(articles, tmp_path, monkeypatch)) == sorted(lost)
    assert store_profiles(tmp_path, [a.path for a in articles], 4) == 1  # the next ingest repairs it
    assert _profiled_at_build(articles, tmp_path, monkeypatch) == []


def test_an_unreadable_archive_is_no_error(tmp_path):
    articles = _archive(tmp_path / "articles")
    (tmp_path / "articles" / ".digest" / "profiles").rename(tmp_path / "elsewhere")
    (tmp_path / "articles" / ".digest" / "profiles").write_text("a file where the shards should be")
    assert _records(group_articles(articles, archive=tmp_path / "articles")) == _records(group_articles(articles))
    assert len(Shards.load(tmp_path / "missing", 4).where) == 0


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="no git")
def test_ingest_stores_profiles_and_a_second_ingest_leaves_git_clean(tmp_path, monkeypatch):
    from digest.ingest import batch
    from digest.ingest.batch import run_ingest

    src = tmp_path / "in"
    src.mkdir()
    for n, a in enumerate(corpus()):
        record = {"id": a.id, "date": a.date, "source": a.source, "title": a.title, "text": a.body}
        (src / f"p{n}.json").write_text(json.dumps(record))
    out = tmp_path / "site" / "articles"
    run_ingest([src], out, workers=1)
    articles = load_articles(out)
    assert len(Shards.load(out, 4).where) == len(articles) > 0
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "site", check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path / "site", check=True)
    subprocess.run([*git, "commit", "-q", "-m", "day one"], cwd=tmp_path / "site", check=True)
    monkeypatch.setattr(batch, "_source_digest", lambda: "the ingest code changed")  # every input read again
    run_ingest([src], out, workers=1)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "site", capture_output=True, text=True)
    assert status.stdout == ""
