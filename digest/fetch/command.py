"""The ``digest fetch`` subcommand: its arguments and what it runs.

Kept here so that cli.py only registers it; nothing heavy is imported until the
command runs, so ``digest --help`` stays fast.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 10.0


def add_fetch_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("fetch", parents=[common], help="read news feeds and write their new items as articles")
    p.add_argument("feeds", nargs="*", metavar="FEED_URL",
                   help="RSS, Atom or JSON Feed addresses (default: the feeds: list of the digest plugin in mkdocs.yml)")
    p.add_argument("--out", type=Path, help="where article files go (default: articles/ in the docs_dir of mkdocs.yml)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"give up a request after this long (default: {DEFAULT_TIMEOUT:g})")
    p.set_defaults(run=cmd_fetch, needs_site=lambda args: args.out is None)


def cmd_fetch(args: argparse.Namespace, config: Any) -> int:
    """Fetch; exit status 1 when any feed or item failed (each has had its line on stderr)."""
    from ..ingest.pipeline import IngestOptions
    from .http import HttpOptions
    from .run import FetchOptions, run_fetch
    from .sources import feed_specs, feeds_from_options

    feeds = feed_specs(args.feeds) if args.feeds else feeds_from_options(config.options)
    if not feeds:
        print("digest: no feeds to fetch: give FEED_URL arguments or list feeds: under the digest plugin in mkdocs.yml",
              file=sys.stderr)
        return 0
    out = args.out or config.articles_dir
    options = FetchOptions(http=HttpOptions(timeout=args.timeout), ingest=IngestOptions.from_plugin_options(config.options))
    report = run_fetch(feeds, out, options, progress=False if args.verbosity < 0 else None)
    logging.getLogger("digest").info("fetch: %s (in %s)", report.summary(), out)
    return 0 if report.ok else 1
