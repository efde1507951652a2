"""``digest fetch``: read feeds, download new items, write them as ingest does.

Three phases, so the network runs in parallel and the writing does not:
feeds are fetched and parsed in a thread pool; the pages of new items are fetched in
the same pool, hosts taking turns (the client limits requests per host); then, in feed order, each item
goes through the ingest pipeline and the store, in this thread, under the store lock.
A feed or item that fails costs one line and the run goes on. An item is marked seen
only once written, and a feed's validators are kept only when all its new items were
written, so a failure is retried on the next run instead of being lost behind a 304.

An item whose page cannot be had (a 404, a timeout, a robots.txt that disallows it)
is made from the feed's own text when the feed carries it; a disallowed one whose feed
gives only its headline becomes a headline-only article linking to the page. An item
refused for good (its link leads to a non-public address, or robots.txt disallows it and
the feed has not even a headline) costs one line once: it is marked seen, so tomorrow's
run does not repeat it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TextIO
from urllib.parse import urlsplit

from ..ingest.pipeline import IngestOptions, build_article
from ..ingest.readers import BadInput, RawInput, normalise_record
from ..model import Article
from ..progress import Progress
from ..store import ContentStore
from .errors import Disallowed, FetchError, Refused, RefusedAddress
from .guard import origin
from .http import HttpClient, HttpOptions, Response
from .parse import Feed, FeedError, FeedItem, parse_feed
from .records import content_page, decode_page, fallback_content, full_content, item_record
from .sources import FeedSpec, feed_specs
from .state import FeedState, FetchState

log = logging.getLogger("digest.fetch")

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
    updated: int = 0  # items that were a later version of an article already written, and replaced it
    seen: int = 0  # items already fetched (or already in the archive)
    duplicates: int = 0  # new items that turned out to be an article already written
    failed: int = 0  # items whose page or article could not be made (tried again next run)
    refused: int = 0  # items declined for good: a non-public address, or robots.txt (not tried again)
    later: int = 0  # new items left for the next run (over FetchOptions.max_new_items)

    def describe(self) -> str:
        if self.status != "ok":
            return self.error or self.status
        counts = {"new": self.new, "updated": self.updated, "seen": self.seen + self.duplicates, "failed": self.failed,
                  "refused": self.refused, "left for the next run": self.later}
        return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "no items"


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
    def items_updated(self) -> int:
        return sum(r.updated for r in self.feeds)

    @property
    def items_seen(self) -> int:
        return sum(r.seen + r.duplicates for r in self.feeds)

    @property
    def items_failed(self) -> int:
        return sum(r.failed for r in self.feeds)

    @property
    def items_refused(self) -> int:
        return sum(r.refused for r in self.feeds)

    @property
    def items_later(self) -> int:
        return sum(r.later for r in self.feeds)

    @property
    def ok(self) -> bool:
        return not (self.feeds_failed or self.items_failed or self.items_refused)

    def summary(self) -> str:
        return (
            f"feeds: {self.feeds_ok} ok, {self.feeds_failed} failed; "
            f"items: {self.items_new} new, {self.items_seen} seen, {self.items_failed} failed"
            + (f", {self.items_updated} updated" if self.items_updated else "")
            + (f", {self.items_refused} refused" if self.items_refused else "")
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
    store = ContentStore(out_dir)
    report = FetchReport()
    shown = Progress(err, progress)
    with shown, store.lock(), HttpClient(options.http) as client, \
            ThreadPoolExecutor(max(1, options.workers), thread_name_prefix="fetch") as pool:
        state = FetchState.load(out_dir)
        fetched = [pool.submit(_fetch_feed, client, spec, state.feed(spec.url)) for spec in specs]
        try:
            plans = []
            for n, future in enumerate(fetched, 1):
                got = future.result()
                plans.append((got, *_plan(got, state.feed(got.spec.url), store, options)))
                shown.count("fetching feeds", n, len(specs))
            # Queue every page before writing any, so downloads overlap the writing.
            _download_pages([(got, todo) for got, _, todo in plans], client, pool)
            shown.counting(sum(len(todo) for _, _, todo in plans))
            for got, result, todo in plans:
                report.feeds.append(result)
                if result.status == "failed":
                    shown.clear()
                    print(f"digest: fetch {got.spec.url}: {result.error}", file=err)
                    continue
                _write_items(got, result, todo, state.feed(got.spec.url), store, options, err, today, shown)
                _finish_feed(got, result, state.feed(got.spec.url), today)
                log.debug("%s: %s", got.spec.url, result.describe())
        finally:
            shown.clear()
            pool.shutdown(wait=False, cancel_futures=True)  # interrupted: do not wait for queued pages
            store.save()
            state.save()
        from ..group.stored import keep_profiles  # numpy and scipy: loaded only now

        keep_profiles(store, options.ingest.profile_shingle, err)
    return report


def _fetch_feed(client: HttpClient, spec: FeedSpec, feed_state: FeedState) -> _Fetched:
    """The feed's own origin is trusted: the site owner listed it, even on a private address."""
    try:
        response = client.get(spec.url, {"Accept": FEED_ACCEPT, **feed_state.request_headers()}, trusted=[origin(spec.url)])
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
    fallback: str | None = None  # the feed's own text as a page, for when the download fails
    brief: str | None = None  # its headline alone as a page, for when robots.txt disallows the download


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
        if item.key in feed_state.seen or store.knows(item.key):  # known to the archive: fetch state lost, or ingested
            result.seen += 1
        elif len(todo) >= options.max_new_items:
            result.later += 1
        else:
            content = full_content(item, options.full_content_chars)
            if content is None and not item.link:
                content = item.content  # short, but all there is (parse_feed keeps only items with one of the two)
            if content is not None:
                todo.append(_NewItem(item, content_page(item, content, got.feed.lang)))
            else:
                fallback = fallback_content(item)
                todo.append(_NewItem(item, fallback=content_page(item, fallback, got.feed.lang) if fallback else None,
                                     brief=content_page(item, "", got.feed.lang) if item.title.strip() else None))
    return result, todo


def _download_pages(todos: list[tuple[_Fetched, _Todo]], client: HttpClient, pool: ThreadPoolExecutor) -> None:
    """Queue the page downloads, one host after another in turn.

    Queued host by host, the pool's threads would all wait on the first host's
    per-host limit while other hosts sit idle. Each link may reach a private address
    only on its own feed's origin.
    """
    by_host: dict[str, list[tuple[_NewItem, str]]] = {}
    for got, todo in todos:
        for new in todo:
            if new.page is None and new.item.link:
                by_host.setdefault(urlsplit(new.item.link).netloc.lower(), []).append((new, origin(got.spec.url)))
    for turn in itertools.zip_longest(*by_host.values()):
        for entry in turn:
            if entry is not None:
                new, trusted = entry
                new.page = pool.submit(client.get, new.item.link, None, [trusted])


def _write_items(got: _Fetched, result: FeedResult, todo: _Todo, feed_state: FeedState,
                 store: ContentStore, options: FetchOptions, err: TextIO, today: dt.date, shown: Progress) -> None:
    if got.feed is None:
        return
    for new in todo:
        shown.advance("writing new items")
        item = new.item
        name = item.link or item.key
        try:
            html, url = _page(new)
            record = item_record(item, got.feed, got.spec, html, url)
            article = apply_hints(build_article(RawInput(name, "record", normalise_record(record)), options.ingest), got.spec)
            written = store.write(article)
        except Exception as e:  # one bad item costs one line, like one bad input to ingest
            known = isinstance(e, (FetchError, ValueError, OSError))
            shown.clear()
            print(f"digest: fetch {name}: {'' if known else 'internal error: '}{_reason(e)} (item of {got.spec.url})", file=err)
            if isinstance(e, Refused):
                result.refused += 1
                feed_state.seen[item.key] = today.isoformat()  # the same answer tomorrow: not asked again
            else:
                result.failed += 1
            continue
        if written.status == "duplicate":
            result.duplicates += 1
        elif written.replaced:
            result.updated += 1
        elif written.status == "unchanged":  # listed by another feed earlier in this run
            result.seen += 1
        else:
            result.new += 1
        feed_state.seen[item.key] = today.isoformat()


def _page(new: _NewItem) -> tuple[str, str | None]:
    """The item's page as HTML and its final address: downloaded, or from the feed's own text.

    The feed's text stands in when the download fails or is disallowed by robots.txt,
    never when the link was refused for its address. A disallowed page whose feed gives
    only a headline (and a teaser, the record's summary) is published as that: the feed
    is the outlet's own syndication, and the reader follows the link to read the story.
    A page that failed otherwise is tried again on the next run instead.
    """
    if isinstance(new.page, str):
        return new.page, None
    assert new.page is not None, "every new item has a page or a download"
    try:
        response = new.page.result()
        return decode_page(response), response.url
    except (FetchError, BadInput) as e:
        if isinstance(e, RefusedAddress):
            raise
        if new.fallback is not None:
            log.info("fetch %s: %s; the feed's own text is used", new.item.link, e)
            return new.fallback, None
        if isinstance(e, Disallowed) and new.brief is not None:
            log.info("fetch %s: %s; the feed's headline is used", new.item.link, e)
            return new.brief, None
        raise


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
