"""A batch of inputs to article files: the I/O edge of ingest.

Reading happens here, extraction and enrichment in worker processes (pure, so the
result does not depend on where it ran), writing back here through the store, in
input order. One bad input costs one line on stderr and the batch goes on.
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from ..cluster import dask_client
from ..model import Article
from ..progress import Progress
from ..store import ContentStore
from .pipeline import IngestOptions, build_article, warm_up
from .readers import DEFAULT_MAX_BYTES, InputError, RawInput, read_inputs

# Below this many inputs a pool costs more to start than it saves.
PARALLEL_MIN_INPUTS = 64
# Inputs sent to a Dask worker at once.
DASK_CHUNK = 128


@dataclass
class IngestReport:
    """What a batch did; ``failed`` lists (origin, reason) for every bad input."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict, repr=False)  # article id -> input it came from

    @property
    def written(self) -> int:
        return self.new + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"{self.written} articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged; "
            f"{self.duplicates} duplicates skipped; {len(self.failed)} failed"
        )


@dataclass
class _Outcome:
    origin: str
    article: Article | None = None
    error: str | None = None
    trace: str | None = None
    input_key: str | None = None


_OPTIONS = IngestOptions()


def _init_worker(options: IngestOptions) -> None:
    global _OPTIONS
    _OPTIONS = options


class InputTimeout(Exception):
    """An input took longer than the per-input time limit."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the work after seconds (main thread of a process only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise InputTimeout(f"took longer than {seconds:g} s, given up")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process(item: RawInput | InputError, options: IngestOptions | None = None) -> _Outcome:
    """Build one article, turning any failure into a reason (and a traceback for --debug)."""
    if isinstance(item, InputError):
        return _Outcome(item.origin, error=item.reason)
    options = options or _OPTIONS
    try:
        with _time_limit(options.time_limit):
            article = build_article(item, options)
        return _Outcome(item.origin, article=article, input_key=item.key)
    except InputTimeout as e:
        return _Outcome(item.origin, error=str(e))
    except (ValueError, KeyError, TypeError, RecursionError) as e:
        return _Outcome(item.origin, error=_reason(e), trace=traceback.format_exc())
    except Exception as e:  # an extractor bug must not stop the batch either
        return _Outcome(item.origin, error=f"internal error: {_reason(e)}", trace=traceback.format_exc())


def _reason(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text[:300]


def _process_chunk(chunk: list[RawInput | InputError], options: IngestOptions) -> list[_Outcome]:
    return [_process(item, options) for item in chunk]


def _outcomes_on_dask(items: Iterable[RawInput | InputError], options: IngestOptions, address: str, workers: int) -> Iterator[_Outcome]:
    """Outcomes in input order, built on a Dask cluster (``local`` starts one on this machine).

    Inputs go out in chunks with a bounded number in flight, so memory stays bounded
    however long the batch; the worker runs the same ``build_article`` as a local run.
    """
    with dask_client(address, workers) as client:
        in_flight: collections.deque = collections.deque()
        for chunk in _chunks(items, DASK_CHUNK):
            in_flight.append(client.submit(_process_chunk, chunk, options, pure=False))
            if len(in_flight) >= 2 * max(workers, len(client.scheduler_info().get("workers", {})) or 1):
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _outcomes(items: Iterable[RawInput | InputError], options: IngestOptions, workers: int, dask: str | None = None) -> Iterator[_Outcome]:
    """Outcomes in input order, built in a pool of worker processes when worth it."""
    if dask:
        yield from _outcomes_on_dask(items, options, dask, workers)
        return
    items = iter(items)
    head: list[RawInput | InputError] = []
    for item in items:
        head.append(item)
        if len(head) >= PARALLEL_MIN_INPUTS:
            break
    if workers <= 1 or len(head) < PARALLEL_MIN_INPUTS:
        for item in head:
            yield _process(item, options)
        for item in items:
            yield _process(item, options)
        return
    warm_up(options)  # load gazetteer and lexicon once, before the fork shares them
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_process, itertools.chain(head, items), chunksize=16)


def run_ingest(
    paths: Iterable[str | Path],
    out_dir: Path,
    options: IngestOptions | None = None,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    err: TextIO = sys.stderr,
    debug: bool = False,
    progress: bool | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Ingest every input under paths into out_dir; report each failure as one line."""
    options = options or IngestOptions()
    workers = workers or os.cpu_count() or 1
    report = IngestReport()
    store = ContentStore(out_dir)
    shown = Progress(err, progress)
    fingerprint = code_fingerprint(options)

    def fresh_inputs() -> Iterator[RawInput | InputError]:
        """Inputs not already turned into an article by this same code and options."""
        for item in read_inputs(paths, max_bytes):
            if isinstance(item, RawInput):
                item.key = input_key(item, fingerprint)
                if store.seen_input(item.key):
                    report.unchanged += 1
                    continue
            yield item

    with store.lock():
        try:
            for n, outcome in enumerate(_outcomes(fresh_inputs(), options, workers, dask), 1):
                if outcome.article is None:
                    report.failed.append((outcome.origin, outcome.error or "unknown error"))
                    shown.clear()
                    print(f"digest: {outcome.origin}: {outcome.error}", file=err)
                    if debug and outcome.trace:
                        print(outcome.trace, file=err)
                else:
                    _write(store, outcome, report, err, debug)
                shown.count("ingesting", n, unit="inputs")
        finally:
            store.save()
            shown.clear()
        shown.show("storing the grouping profiles", force=True)
        from ..group.stored import keep_profiles  # numpy and scipy: loaded after the workers, not copied into them

        keep_profiles(store, options.profile_shingle, err)
        shown.clear()
    return report


def _write(store: ContentStore, outcome: _Outcome, report: IngestReport, err: TextIO, debug: bool) -> None:
    article = outcome.article
    first = report.origins.setdefault(article.id, outcome.origin)
    if first != outcome.origin:
        report.duplicates += 1
        print(f"digest: {outcome.origin}: same article as {first} (id {article.id}), skipped", file=err)
        return
    try:
        result = store.write(outcome.article)
    except (OSError, ValueError) as e:
        report.failed.append((outcome.origin, f"cannot write: {_reason(e)}"))
        print(f"digest: {outcome.origin}: cannot write: {_reason(e)}", file=err)
        if debug:
            traceback.print_exc(file=err)
        return
    if outcome.input_key:
        store.remember_input(outcome.input_key, result.duplicate_of or outcome.article.id)
    if result.status == "duplicate":
        report.duplicates += 1
        print(f"digest: {outcome.origin}: same article as {result.duplicate_of} ({result.path}), skipped", file=err)
    else:
        setattr(report, result.status, getattr(report, result.status) + 1)


def input_key(item: RawInput, fingerprint: str) -> str:
    """A digest of one input as read, and of the code and options that will process it."""
    data = json.dumps([item.kind, item.record], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(f"{fingerprint}\0{data}".encode("utf-8")).hexdigest()[:20]


@functools.lru_cache(maxsize=None)
def _source_digest() -> str:
    """A digest of the code and data files that shape an article.

    When ingest itself changes, every input is processed again on the next run.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for folder in ("ingest", "enrich"):
        for path in sorted((package / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yml", ".yaml", ".json", ".txt", ".tsv"}:
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    for name in ("model.py", "store.py"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()


def code_fingerprint(options: IngestOptions) -> str:
    return hashlib.sha1((_source_digest() + json.dumps(dataclasses.asdict(options), sort_keys=True, default=str)).encode()).hexdigest()
