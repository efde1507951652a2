"""Feeds to articles: ``digest fetch`` (issue 8).

Reads RSS, Atom and JSON Feed politely (robots.txt, conditional requests, per-host
limits and kept-alive connections, timeouts, bounded retries), downloads each new
item's page (only from public addresses, or the feed's own origin) and writes it
through the same pipeline and store as ``digest ingest``.
"""
from __future__ import annotations

from .http import HttpOptions
from .run import FeedResult, FetchOptions, FetchReport, run_fetch
from .sources import FeedSpec, feed_specs, feeds_from_options

__all__ = ["FeedResult", "FeedSpec", "FetchOptions", "FetchReport", "HttpOptions", "feed_specs", "feeds_from_options", "run_fetch"]
