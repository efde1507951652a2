"""The plugin's one schema: a bad value stops `mkdocs build --strict` with the option's name,
and every default is read from the one place it is written."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest.enrich.topics import Settings, load_lexicon
from digest.group import GroupOptions
from digest.site.config import DigestPluginConfig, GroupingConfig, TopicSettings, plain

BAD = [  # (the line in mkdocs.yml, the option named, what is said)
    ("top_stories: -3", "top_stories", "expected a whole number of at least 1, got -3"),
    ("grouping: {story_threshold: 7}", "grouping", "Sub-option 'story_threshold': expected a number from 0 to 2, got 7"),
    ("grouping: {story_treshold: 0.2}", "grouping", "unknown option(s) story_treshold; known: copy_threshold"),
    ("regions: {Caucasus: [AM, AZ, GG, QQ]}", "regions", "Caucasus: not ISO 3166-1 alpha-2 country codes: QQ"),
    ("feeds: [https://news.test/rss, {url: 'ftp://news.test/x'}]", "feeds", "feed 2: not an http(s) feed address"),
    ("feeds: [{url: 'https://news.test/rss', region: Narnia}]", "feeds", "region 'Narnia' is not one of: East Asia"),
    ("feeds: [{url: 'https://news.test/rss', topic: sports}]", "feeds", "feed 1: Sub-option 'topic': Expected one of"),
    ("feeds: [{url: 'https://news.test/rss', colour: red}]", "feeds", "feed 1: unknown option(s) colour"),
    ("feeds: https://news.test/rss", "feeds", "expected a list of feeds"),
    ("topics: {topics: {sportz: {terms: {curling: 3}}}}", "topics", "Sub-option 'topics': not IPTC topic slugs: sportz"),
    ("topics: {settings: {secondary_ratio: high}}", "topics", "Sub-option 'secondary_ratio': expected a number of at least 0"),
    ("topics: {topics: {sport: {terms: {curling: -1}}}}", "topics", "'curling': a weight is a number of at least 0"),
    ("topics: {learn: {from: no-such-folder}}", "topics", "no-such-folder' isn't an existing directory"),
    ("keep_days: ten", "keep_days", "expected a whole number of at least 0, got 'ten'"),
    ("search: maybe", "search", "Expected type"),
]


def validate(options: dict) -> tuple[list, DigestPluginConfig]:
    config = DigestPluginConfig(config_file_path=str(Path.cwd() / "mkdocs.yml"))
    config.load_dict(options)
    errors, _ = config.validate()
    return errors, config


@pytest.mark.parametrize("line,option,message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_value_stops_the_strict_build_with_its_name(tmp_path, kit, line, option, message):
    kit.write_config(tmp_path, line)
    with pytest.raises(AssertionError) as failed:
        kit.build(tmp_path)
    (error,) = [e for e in str(failed.value).splitlines() if e.startswith("ERROR")]
    assert f"Config value 'plugins': Plugin 'digest' option '{option}': " in error
    assert message in error
    assert not (tmp_path / "site").exists()


def test_good_values_pass_and_become_plain_data(tmp_path):
    (tmp_path / "labelled").mkdir()
    errors, config = validate({
        "regions": {"Caucasus": ["am", "AZ", "GE"], "Nordics": ["DK", False, "SE"], "Oceania": None},
        "feeds": ["https://news.test/rss", {"url": "https://other.test/atom", "region": "Caucasus", "topic": "politics"}],
        "grouping": {"story_threshold": 0.3, "window_days": 2},
        "topics": {"settings": {"max_topics": 2}, "topics": {"sport": {"terms": {3: ["curling"], "bonspiel": 2}}},
                   "learn": {"from": str(tmp_path / "labelled")}},
    })
    assert errors == []
    options = plain(config)
    assert options["regions"] == {"Caucasus": ["AM", "AZ", "GE"], "Nordics": ["DK", "NO", "SE"], "Oceania": []}
    assert options["feeds"] == [{"url": "https://news.test/rss"},
                                {"url": "https://other.test/atom", "region": "Caucasus", "topic": "politics"}]
    assert GroupOptions(**options["grouping"]) == GroupOptions(story_threshold=0.3, window_days=2.0)
    assert options["topics"]["topics"]["sport"]["terms"] == {"curling": 3.0, "bonspiel": 2.0}
    assert options["topics"]["settings"] == {"max_topics": 2}
    assert options["topics"]["learn"] == {"from": str(tmp_path / "labelled"), "min_examples": 200}


def test_an_empty_config_gives_every_default_and_no_override():
    errors, config = validate({})
    assert errors == []
    options = plain(config)
    assert GroupOptions(**options["grouping"]) == GroupOptions()
    assert "topics" not in options and "regions" not in options and "feeds" not in options


def test_each_default_is_written_once():
    # Grouping: the schema lists every knob of GroupOptions and takes its default from there.
    group_fields = {f.name: f.default for f in dataclasses.fields(GroupOptions)}
    schema = {name: option.default for name, option in GroupingConfig._schema}
    assert schema == group_fields
    # Topic settings: the values live in topics.yml only; the schema sets none of them.
    assert all(f.default is dataclasses.MISSING for f in dataclasses.fields(Settings))
    assert [name for name, _ in TopicSettings._schema] == [f.name for f in dataclasses.fields(Settings)]
    assert all(option.default is None for _, option in TopicSettings._schema)
    assert load_lexicon().settings.secondary_ratio == 0.4  # the data file's value, the one used
    assert load_lexicon({"settings": {"secondary_ratio": 0.6}}).settings.secondary_ratio == 0.6


def test_the_same_errors_stop_a_digest_command_without_a_build(tmp_path, kit):
    config = kit.write_config(tmp_path, "grouping: {story_threshold: 7}")
    done = subprocess.run([sys.executable, "-m", "digest", "group", "-f", str(config)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"digest: error: {config}: config value 'plugins': Plugin 'digest' option 'grouping': "
        "Sub-option 'story_threshold': expected a number from 0 to 2, got 7"]
    assert not (tmp_path / "site").exists() and not (tmp_path / ".cache").exists()


def test_commands_read_mkdocs_yml_as_mkdocs_does(tmp_path):
    """INHERIT and !ENV work: docs_dir comes from the environment, options from the parent file."""
    (tmp_path / "base.yml").write_text("site_name: Base\nplugins:\n  - digest:\n      regions: {Caucasus: [AM, AZ, GE]}\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\ndocs_dir: !ENV [DIGEST_TEST_DOCS, docs]\n")
    src = tmp_path / "in.txt"
    src.write_text("Armenia and Azerbaijan sign border accord\n\nYEREVAN - Armenia and Azerbaijan signed an accord "
                   "on their border on Monday, officials in Yerevan and Baku said.\n")
    env = {**os.environ, "DIGEST_TEST_DOCS": "pages"}
    done = subprocess.run([sys.executable, "-m", "digest", "ingest", str(src)], capture_output=True, text=True,
                          cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    (written,) = (tmp_path / "pages" / "articles").rglob("*.md")
    assert "region: Caucasus" in written.read_text(encoding="utf-8")


def test_a_retired_option_is_named_with_what_to_do():
    """home_list_limit went with the repeated lists: a config that still sets it is told so."""
    config = DigestPluginConfig(config_file_path=str(Path.cwd() / "mkdocs.yml"))
    config.load_dict({"home_list_limit": 6})
    errors, warnings = config.validate()
    assert errors == [] and [key for key, _ in warnings] == ["home_list_limit"]
    assert "remove it" in warnings[0][1]
