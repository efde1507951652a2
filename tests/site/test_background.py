"""The digest's own work in a forked worker (digest/site/background.py): same result as in the
build process, errors reported, a dead worker replaced, stories sent without their articles."""
from __future__ import annotations

import logging
import os
import re

import pytest

from digest.model import Article, KeyFact, Story
from digest.site import background
from digest.site.background import Pending, pack, unpack

needs_fork = pytest.mark.skipif(not background._can_fork(), reason="no fork, or one core: the work runs in-process")


@needs_fork
def test_the_work_runs_in_another_process_and_its_result_comes_back():
    here = os.getpid()
    pending = Pending(lambda: (os.getpid(), {"s/0.json": "x" * 100_000}))
    pid, files = pending.result()
    assert pid != here and files["s/0.json"] == "x" * 100_000


def test_without_fork_the_work_runs_when_its_result_is_taken():
    ran = []
    pending = Pending(lambda: ran.append(os.getpid()) or "done", fork=False)
    assert ran == []
    assert pending.result() == "done" and ran == [os.getpid()]


@pytest.mark.parametrize("fork", [True, False])
def test_an_error_in_the_work_stops_the_build_with_its_message(fork):
    def fail():
        raise ValueError("content/articles/x.md: front matter is not a mapping")

    with pytest.raises((RuntimeError, ValueError), match="front matter is not a mapping"):
        Pending(fail, fork=fork).result()


@needs_fork
def test_a_worker_that_dies_is_replaced_by_the_build_process(caplog):
    parent = os.getpid()
    pending = Pending(lambda: os._exit(9) if os.getpid() != parent else "done here")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        assert pending.result() == "done here"
    assert re.search(r"worker stopped \(exit code 9\)", caplog.text)


def test_stories_cross_without_their_articles():
    arts = [Article(id=f"a{i}", title=f"Ferry {i}", body="The ferry sails.", date="2026-11-2{i}") for i in range(4)]
    stories = [Story("s1", "Ferry 3", "The ferry sails.", [arts[3], arts[1]], copies={"a3": ["a1"]},
                     shared_terms=["ferry"], key_facts=[KeyFact("The ferry sails.", "a3", "Harbour Post")], headline_from="a3"),
               Story("s2", "Ferry 0", "", [arts[0]])]
    packed = pack(stories, arts)
    assert packed[0][0] == [3, 1] and "articles" not in packed[0][1]
    back = unpack(packed, arts)
    assert back == stories and back[0].articles[0] is arts[3]
