"""Feed lists from the command line and from mkdocs.yml."""
from __future__ import annotations

import pytest

from digest.config import load_config
from digest.fetch.sources import FeedSpec, feed_specs, feeds_from_options


def test_addresses_and_mappings():
    specs = feed_specs([
        "https://news.test/rss",
        {"url": "https://other.test/atom", "name": "Other", "region": "Europe", "topic": "politics"},
        "https://news.test/rss",
    ])
    assert specs == [FeedSpec("https://news.test/rss"), FeedSpec("https://other.test/atom", "Other", "Europe", "politics")]


@pytest.mark.parametrize("entry, message", [
    ("ftp://news.test/rss", "not an http"),
    ("file:///etc/passwd", "not an http"),
    ({"name": "no address"}, "not an http"),
    ({"url": "https://news.test/rss", "topik": "sport"}, "unknown feed option"),
    ({"url": "https://news.test/rss", "topic": "football"}, "not one of"),
    (42, "not int"),
])
def test_bad_entries_are_refused_with_a_reason(entry, message):
    with pytest.raises(ValueError, match=message):
        feed_specs([entry])


def test_feeds_listed_in_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\n"
        "docs_dir: content\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - digest:\n"
        "      feeds:\n"
        "        - https://news.test/rss\n"
        "        - url: https://other.test/atom\n"
        "          region: Africa\n"
    )
    config = load_config(tmp_path / "mkdocs.yml")
    assert feeds_from_options(config.options) == [FeedSpec("https://news.test/rss"), FeedSpec("https://other.test/atom", region="Africa")]
    assert feeds_from_options({}) == []
    with pytest.raises(ValueError, match="must be a list"):
        feeds_from_options({"feeds": "https://news.test/rss"})
