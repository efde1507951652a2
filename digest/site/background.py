"""Work done in a second process while MkDocs converts the articles' Markdown.

A build's own work (grouping the articles, the search index and the feeds) needs the
articles only, and MkDocs' longest step, turning every article's Markdown into HTML,
needs nothing the digest makes. So the plugin forks a worker for its own work as soon as
the articles are read, and takes the result when the pages are about to be rendered: on
two cores the build then takes about as long as the Markdown alone (the CPU time spent is
the same). Where forking is unsafe or pointless (no ``fork`` on this system, one core,
other threads running, as under ``mkdocs serve``) the work runs in this process, with the same result.

The worker's result crosses a pipe, so stories travel without their articles: each
holds the indexes of its articles in the list both processes share (:func:`pack`).
"""
from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ..model import Article, Story

log = logging.getLogger("mkdocs.plugins.digest")
T = TypeVar("T")


class Pending(Generic[T]):
    """A job started now, its result taken later with :meth:`result` (exceptions re-raised there)."""

    def __init__(self, job: Callable[[], T], fork: bool = True) -> None:
        self._job: Callable[[], T] | None = job
        self._process = None
        if fork and _can_fork():
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe(duplex=False)
            # With fork, the job is the child's copy of this process's memory: nothing is pickled but the result.
            process = ctx.Process(target=_work, args=(job, child), daemon=True)
            try:
                process.start()
                self._process = process
            except OSError as e:  # no memory or no process slot for a fork: the work is done here
                log.warning("digest: no background worker (%s); working in the build process", e)
                self._conn.close()
            child.close()

    def result(self) -> T:
        if self._process is None:
            job, self._job = self._job, None
            assert job is not None, "result() taken twice"
            return job()
        try:
            ok, value = self._conn.recv()
        except EOFError:  # the worker died (killed, out of memory): do the work here instead
            self._conn.close()
            self._process.join()
            log.warning("digest: the background worker stopped (exit code %s); working in the build process",
                        self._process.exitcode)
            self._process = None
            return self.result()
        self._conn.close()
        self._process.join()
        self._process = None
        self._job = None
        if not ok:
            raise RuntimeError(f"digest: grouping the articles or making the feeds and search index failed:\n{value}")
        return value

    def cancel(self) -> None:
        """Stop the worker (a build that failed elsewhere does not wait for it)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        self._job = None


def _can_fork() -> bool:
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return False  # a thread of another plugin could hold a lock the worker then waits on for ever
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1


def _work(job: Callable[[], Any], conn) -> None:
    try:
        conn.send((True, job()))
    except BaseException:  # everything is reported to the build, which raises it
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


def pack(stories: list[Story], articles: list[Article]) -> list[tuple[list[int], dict[str, Any]]]:
    """Stories without their articles: the articles' indexes in ``articles``, and every other field."""
    index = {id(a): i for i, a in enumerate(articles)}
    return [([index[id(a)] for a in s.articles],
             {f.name: getattr(s, f.name) for f in dataclasses.fields(s) if f.name != "articles"}) for s in stories]


def unpack(packed: list[tuple[list[int], dict[str, Any]]], articles: list[Article]) -> list[Story]:
    """The stories of :func:`pack`, holding this process's articles again."""
    return [Story(articles=[articles[i] for i in members], **fields) for members, fields in packed]
