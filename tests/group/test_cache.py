"""The per-article Profile cache: same stories with or without it, only new work done, bounded, robust."""
import numpy as np
from fixtures import corpus, wire_copy

from digest.group import cache as cache_mod
from digest.group import group_articles, story_record
from digest.group.cache import FILE_NAME, cached_profiles
from digest.group.profile import profiles
from digest.group.profilefile import ProfileFile, fingerprint
from digest.group.vocabulary import Vocabulary


def _records(stories):
    return [story_record(s) for s in stories]


def _with_copy():
    reports = corpus()
    return reports + [wire_copy(reports[0], "cp", "Deadly tremor in Valdoria", "Coastal Gazette",
                                date="2031-04-02T07:00:00Z")]


def _cached(articles, path, k=4):
    words, names = Vocabulary(), Vocabulary()
    return cached_profiles(articles, k, path, words, names), words, names


def _stored(path, k=4):
    return ProfileFile.load(path / FILE_NAME, fingerprint(k)).index


def test_stories_are_identical_with_a_cold_cache_a_warm_cache_and_none(tmp_path):
    articles = _with_copy()
    plain = _records(group_articles(articles))
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain  # cold: computes and writes
    assert (tmp_path / FILE_NAME).exists()
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain  # warm: reads


def test_cached_profiles_equal_computed_ones_ids_included(tmp_path):
    articles = _with_copy()
    _cached(articles, tmp_path)
    got, got_words, got_names = _cached(articles, tmp_path)
    words, names = Vocabulary(), Vocabulary()
    want = profiles(articles, 4, words, names)
    assert got_words.terms == words.terms and got_names.terms == names.terms
    for g, w in zip(got, want):
        for field in ("title", "title_counts", "text", "text_counts", "names", "name_counts", "shingles", "signature"):
            assert np.array_equal(getattr(g, field), getattr(w, field)), field


def test_only_new_or_edited_articles_are_profiled(tmp_path, monkeypatch):
    articles = _with_copy()
    _cached(articles, tmp_path)
    seen = []
    real = cache_mod.profiles

    def spy(arts, k, words, names, stored):
        return real(arts, k, words, names, lambda i: stored(i) or seen.append(arts[i].id))

    monkeypatch.setattr(cache_mod, "profiles", spy)
    articles[1].body += "\n\nRescuers reached the last village by nightfall."
    _cached(articles, tmp_path)
    assert seen == [articles[1].id]


def test_entries_of_removed_articles_are_pruned(tmp_path):
    articles = _with_copy()
    _cached(articles, tmp_path)
    _cached(articles[:2], tmp_path)
    assert len(_stored(tmp_path)) == 2


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path):
    articles = _with_copy()
    plain = _records(group_articles(articles))
    (tmp_path / FILE_NAME).write_bytes(b"not a numpy file")
    assert _records(group_articles(articles, cache_dir=tmp_path)) == plain
    assert len(_stored(tmp_path)) == len(articles)
    assert _stored(tmp_path, k=5) == {}  # made with another shingle size


def test_an_unwritable_cache_folder_does_not_fail_grouping(tmp_path):
    articles = _with_copy()
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    assert _records(group_articles(articles, cache_dir=blocker / "cache")) == _records(group_articles(articles))
