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

@pytest.fixture
def forking(monkeypatch):
    """Fork as a plain build does (threads other tests left running do not count here)."""
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)
    if not background._can_fork():
        pytest.skip("no fork, or one core: the work runs in-process")


def test_the_work_runs_in_another_process_and_its_result_comes_back(forking):
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
def test_an_error_in_the_work_stops_the_build_with_its_message(fork, forking):
    def fail():
        raise ValueError("content/articles/x.md: front matter is not a mapping")

    with pytest.raises((RuntimeError, ValueError), match="front matter is not a mapping"):
        Pending(fail, fork=fork).result()


def test_a_worker_that_dies_is_replaced_by_the_build_process(forking, caplog):
    parent = os.getpid()
    pending = Pending(lambda: os._exit(9) if os.getpid() != parent else "done here")
    log = logging.getLogger("mkdocs.plugins.digest")  # MkDocs' loggers may not propagate to caplog's
    log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.WARNING, logger=log.name):
            assert pending.result() == "done here"
    finally:
        log.removeHandler(caplog.handler)
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


def test_no_fork_while_other_threads_run():
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not background._can_fork()
        assert Pending(os.getpid).result() == os.getpid()  # the work ran here
    finally:
        stop.set()
        t.join()


def test_a_fork_that_fails_leaves_the_work_to_the_build_process(forking, monkeypatch):
    def no_fork(self):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(background.multiprocessing.get_context("fork").Process, "start", no_fork)
    assert Pending(os.getpid).result() == os.getpid()
