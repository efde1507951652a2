"""``digest fetch``: read feeds, download new items, write them as ingest does.

Three phases, so the network runs in parallel and the writing does not:
feeds are fetched and parsed in a thread pool; the pages of new items are fetched in
the same pool, hosts taking turns (the client limits requests per host); then, in feed order, each item
goes through the ingest pipeline and the store, in this thread, under the store lock.
A feed or item that fails costs one line and the run goes on. An item is marked seen
only once written, and a feed's validators are kept only when all its new items were
written, so a failure is retried on the next run instead of being lost behind a 304.
"""
from __future__ import annotations

import datetime as dt
import itertools
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TextIO
from urllib.parse import urlsplit

from ..ingest.pipeline import IngestOptions, build_article
from ..ingest.readers import RawInput, normalise_record
from ..model import Article
from ..progress import Progress
from ..store import ContentStore
from .http import FetchError, HttpClient, HttpOptions, Response
from .parse import Feed, FeedError, FeedItem, parse_feed
from .records import content_page, decode_page, full_content, item_record
from .sources import FeedSpec, feed_specs
from .state import FeedState, FetchState

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8"


@dataclass(frozen=True)
class FetchOptions:
    http: HttpOptions = field(default_factory=HttpOptions)
    workers: int = 8  # requests in flight overall (HttpOptions.per_host bounds each host)
    full_content_chars: int = 600  # feed content at least this long is used instead of the page
    max_new_items: int = 100  # per feed and run: a first run over a huge archive stays bounded
    ingest: IngestOptions = field(default_factory=IngestOptions)


@dataclass
class FeedResult:
    url: str
    status: str = "ok"  # "ok", "not modified" or "failed"
    error: str | None = None
    new: int = 0  # items written as new articles
    seen: int = 0  # items already fetched (or already in the archive)
    duplicates: int = 0  # new items that turned out to be an article already written
    failed: int = 0  # items whose page or article could not be made
    later: int = 0  # new items left for the next run (over FetchOptions.max_new_items)


@dataclass
class FetchReport:
    feeds: list[FeedResult] = field(default_factory=list)

    @property
    def feeds_ok(self) -> int:
        return sum(r.status != "failed" for r in self.feeds)

    @property
    def feeds_failed(self) -> int:
        return sum(r.status == "failed" for r in self.feeds)

    @property
    def items_new(self) -> int:
        return sum(r.new for r in self.feeds)

    @property
    def items_seen(self) -> int:
        return sum(r.seen + r.duplicates for r in self.feeds)

    @property
    def items_failed(self) -> int:
        return sum(r.failed for r in self.feeds)

    @property
    def items_later(self) -> int:
        return sum(r.later for r in self.feeds)

    @property
    def ok(self) -> bool:
        return not (self.feeds_failed or self.items_failed)

    def summary(self) -> str:
        return (
            f"feeds: {self.feeds_ok} ok, {self.feeds_failed} failed; "
            f"items: {self.items_new} new, {self.items_seen} seen, {self.items_failed} failed"
            + (f", {self.items_later} left for the next run" if self.items_later else "")
        )


@dataclass
class _Fetched:
    """A feed as fetched: the parsed feed (None when not modified) or the error."""

    spec: FeedSpec
    response: Response | None = None
    feed: Feed | None = None
    error: str | None = None


def run_fetch(
    feeds: Iterable[FeedSpec | str | dict],
    out_dir: Path,
    options: FetchOptions | None = None,
    err: TextIO | None = None,
    today: dt.date | None = None,
    progress: bool | None = None,
) -> FetchReport:
    """Fetch every feed into out_dir (the folder ``digest ingest --out`` writes to).

    Each failed feed or item gets one line on err (default: the current sys.stderr).
    A progress line is shown on err when it is a terminal (or when ``progress`` says so).
    """
    options = options or FetchOptions()
    err = err or sys.stderr
    specs = feed_specs(feeds)
    today = today or dt.date.today()
    client = HttpClient(options.http)
    store = ContentStore(out_dir)
    report = FetchReport()
    shown = Progress(err, progress)
    with shown, store.lock(), ThreadPoolExecutor(max(1, options.workers), thread_name_prefix="fetch") as pool:
        state = FetchState.load(out_dir)
        fetched = [pool.submit(_fetch_feed, client, spec, state.feed(spec.url)) for spec in specs]
        try:
            plans = []
            for n, future in enumerate(fetched, 1):
                got = future.result()
                plans.append((got, *_plan(got, state.feed(got.spec.url), store, options)))
                shown.count("fetching feeds", n, len(specs))
            # Queue every page before writing any, so downloads overlap the writing.
            _download_pages([todo for _, _, todo in plans], client, pool)
            shown.counting(sum(len(todo) for _, _, todo in plans))
            for got, result, todo in plans:
                report.feeds.append(result)
                if result.status == "failed":
                    shown.clear()
                    print(f"digest: fetch {got.spec.url}: {result.error}", file=err)
                    continue
                _write_items(got, result, todo, state.feed(got.spec.url), store, options, err, today, shown)
                _finish_feed(got, result, state.feed(got.spec.url), today)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # interrupted: do not wait for queued pages
            store.save()
            state.save()
    return report


def _fetch_feed(client: HttpClient, spec: FeedSpec, feed_state: FeedState) -> _Fetched:
    try:
        response = client.get(spec.url, {"Accept": FEED_ACCEPT, **feed_state.request_headers()})
        if response.status == 304:
            return _Fetched(spec, response)
        return _Fetched(spec, response, parse_feed(response.body, response.url, response.content_type))
    except (FetchError, FeedError) as e:
        return _Fetched(spec, error=str(e))
    except Exception as e:  # a parser bug must not stop the other feeds
        return _Fetched(spec, error=f"internal error: {_reason(e)}")


@dataclass
class _NewItem:
    """A new item and its page: HTML built from the feed's content, or the download of its link."""

    item: FeedItem
    page: "str | Future[Response] | None" = None  # None until the download is queued


_Todo = list[_NewItem]


def _plan(got: _Fetched, feed_state: FeedState, store: ContentStore, options: FetchOptions) -> tuple[FeedResult, _Todo]:
    """Sort a feed's items into seen, new and left for later; new ones carry their page when the feed has it."""
    result = FeedResult(got.spec.url)
    if got.error is not None:
        result.status, result.error = "failed", got.error
        return result, []
    if got.feed is None:
        result.status = "not modified"
        return result, []
    todo: _Todo = []
    for item in got.feed.items:
        if item.key in feed_state.seen or _in_archive(store, item):
            result.seen += 1
        elif len(todo) >= options.max_new_items:
            result.later += 1
        else:
            content = full_content(item, options.full_content_chars)
            if content is None and not item.link:
                content = item.content  # short, but all there is (parse_feed keeps only items with one of the two)
            todo.append(_NewItem(item, content_page(item, content, got.feed.lang) if content is not None else None))
    return result, todo


def _download_pages(todos: list[_Todo], client: HttpClient, pool: ThreadPoolExecutor) -> None:
    """Queue the page downloads, one host after another in turn.

    Queued host by host, the pool's threads would all wait on the first host's
    per-host limit while other hosts sit idle.
    """
    by_host: dict[str, list[_NewItem]] = {}
    for todo in todos:
        for new in todo:
            if new.page is None and new.item.link:
                by_host.setdefault(urlsplit(new.item.link).netloc.lower(), []).append(new)
    for turn in itertools.zip_longest(*by_host.values()):
        for new in turn:
            if new is not None:
                new.page = pool.submit(client.get, new.item.link)


def _in_archive(store: ContentStore, item: FeedItem) -> bool:
    """True when ingest (or a fetch whose state was lost) already wrote this item."""
    return item.key in store.state["articles"] or (item.link is not None and item.link in store.state["urls"])


def _write_items(got: _Fetched, result: FeedResult, todo: _Todo, feed_state: FeedState,
                 store: ContentStore, options: FetchOptions, err: TextIO, today: dt.date, shown: Progress) -> None:
    if got.feed is None:
        return
    for new in todo:
        shown.advance("writing new items")
        item, page = new.item, new.page
        origin = item.link or item.key
        try:
            if isinstance(page, str):
                record = item_record(item, got.feed, got.spec, page)
            else:
                assert page is not None, "every new item has a page or a download"
                response = page.result()
                record = item_record(item, got.feed, got.spec, decode_page(response), response.url)
            article = apply_hints(build_article(RawInput(origin, "record", normalise_record(record)), options.ingest), got.spec)
            written = store.write(article)
        except Exception as e:  # one bad item costs one line, like one bad input to ingest
            result.failed += 1
            known = isinstance(e, (FetchError, ValueError, OSError))
            shown.clear()
            print(f"digest: fetch {origin}: {'' if known else 'internal error: '}{_reason(e)} (item of {got.spec.url})", file=err)
            continue
        if written.status == "duplicate":
            result.duplicates += 1
        elif written.status == "unchanged":  # listed by another feed earlier in this run
            result.seen += 1
        else:
            result.new += 1
        feed_state.seen[item.key] = today.isoformat()


def _finish_feed(got: _Fetched, result: FeedResult, feed_state: FeedState, today: dt.date) -> None:
    """Keep the validators only when nothing is left to retry or to do; prune the seen items."""
    if got.feed is not None:
        feed_state.prune([item.key for item in got.feed.items], today)
    if got.response is not None and got.response.status != 304 and not (result.failed or result.later):
        feed_state.etag = got.response.headers.get("etag")
        feed_state.last_modified = got.response.headers.get("last-modified")


def _reason(e: BaseException) -> str:
    return " ".join(str(e).split())[:300] or type(e).__name__


def apply_hints(article: Article, spec: FeedSpec) -> Article:
    """The feed's region and topic hints, used only where enrichment found nothing."""
    if spec.region and not article.region:
        article.region = spec.region
        article.regions = article.regions or [spec.region]
    if spec.topic and not article.topics:
        article.topics = [spec.topic]
    return article
