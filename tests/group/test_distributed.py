"""The blocking join in pieces, and on a Dask cluster: the same stories wherever it runs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from digest.group import blocking, group_articles, story_record
from digest.store import load_articles

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


def records(stories):
    return [story_record(s) for s in stories]


@pytest.fixture(scope="module")
def articles():
    found = load_articles(CONTENT / "articles", base=CONTENT)
    if len(found) < 20:
        pytest.skip("the sample content is not ingested")
    return found


def test_pieces_of_the_join_give_the_same_stories(articles, monkeypatch):
    whole = records(group_articles(articles))
    monkeypatch.setattr(blocking, "JOIN_CHUNK", 7)
    calls = []

    def counting_map(func, items):
        calls.append(len(items))
        return map(func, items)

    assert records(group_articles(articles, mapper=counting_map)) == whole
    assert calls and calls[0] >= 3


def test_on_a_local_dask_cluster(articles, monkeypatch):
    pytest.importorskip("dask.distributed")
    from digest.cluster import dask_client, dask_mapper

    whole = records(group_articles(articles))
    monkeypatch.setattr(blocking, "JOIN_CHUNK", 9)
    with dask_client("local", 2) as client:
        assert records(group_articles(articles, mapper=dask_mapper(client))) == whole


def test_group_command_with_dask(articles):
    pytest.importorskip("dask.distributed")
    plain = subprocess.run([sys.executable, "-m", "digest", "group", str(CONTENT), "--json"], capture_output=True, text=True)
    dask = subprocess.run([sys.executable, "-m", "digest", "group", str(CONTENT), "--json", "--dask", "local", "--workers", "2"],
                          capture_output=True, text=True, timeout=300)
    assert dask.returncode == 0, dask.stderr[-500:]
    assert json.loads(dask.stdout) == json.loads(plain.stdout)
