"""The per-article Profile cache: same stories with or without it, only new work done, bounded, robust."""
import numpy as np
from fixtures import corpus, wire_copy

from digest.group import group_articles, story_record
from digest.group import cache as cache_mod
from digest.group.cache import FILE_NAME, cached_profiles
from digest.group.profile import profiles


def _records(stories):
    return [story_record(s) for s in stories]


def _with_copy():
    reports = corpus()
    return reports + [wire_copy(reports[0], "cp", "Deadly tremor in Valdoria", "Coastal Gazette",
                                date="2031-04-02T07:00:00Z")]


def test_stories_are_identical_with_a_cold_cache_a_warm_cache_and_none(tmp_path):
    articles = _with_copy()
    plain = _records(group_articles(articles))
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain  # cold: computes and writes
    assert (tmp_path / FILE_NAME).exists()
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain  # warm: reads


def test_cached_profiles_equal_computed_ones(tmp_path):
    articles = _with_copy()
    cached_profiles(articles, 4, tmp_path)
    for got, want in zip(cached_profiles(articles, 4, tmp_path), profiles(articles, 4)):
        assert (got.title, got.text, got.names) == (want.title, want.text, want.names)
        assert list(got.title) == list(want.title)  # order too: it decides vocabulary ids
        assert np.array_equal(got.shingles, want.shingles) and np.array_equal(got.signature, want.signature)


def test_only_new_or_edited_articles_are_profiled(tmp_path, monkeypatch):
    articles = _with_copy()
    cached_profiles(articles, 4, tmp_path)
    seen = []
    real = cache_mod.profiles
    monkeypatch.setattr(cache_mod, "profiles", lambda arts, k: seen.extend(a.id for a in arts) or real(arts, k))
    articles[1].body += "\n\nRescuers reached the last village by nightfall."
    cached_profiles(articles, 4, tmp_path)
    assert seen == [articles[1].id]


def test_entries_of_removed_articles_are_pruned(tmp_path):
    articles = _with_copy()
    cached_profiles(articles, 4, tmp_path)
    cached_profiles(articles[:2], 4, tmp_path)
    assert len(cache_mod._load(tmp_path / FILE_NAME, cache_mod.fingerprint(4))) == 2


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path):
    articles = _with_copy()
    plain = _records(group_articles(articles))
    (tmp_path / FILE_NAME).write_bytes(b"not a numpy file")
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain
    cached_profiles(articles, 4, tmp_path)
    assert cache_mod._load(tmp_path / FILE_NAME, cache_mod.fingerprint(5)) == {}  # other shingle size
