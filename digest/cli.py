"""The ``digest`` command (also ``python -m digest``): ingest, group, fetch.

Every command reads its defaults from mkdocs.yml (``-f``), so a site has one config.
Errors are one line each on stderr; ``--debug`` adds the traceback.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from .config import DigestConfig, load_config
from .ingest.readers import DEFAULT_MAX_BYTES


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        config = load_config(args.config)
        return int(args.run(args, config) or 0)
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
    except (OSError, ValueError) as e:
        if args.debug:
            raise
        print(f"digest: error: {e}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-f", "--config-file", dest="config", metavar="MKDOCS_YML", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    common.add_argument("--debug", action="store_true", help="show tracebacks")
    parser = argparse.ArgumentParser(prog="digest", description="Turn news articles into a daily briefing site built with MkDocs.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[common], help="turn article files into Markdown with front matter")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (read recursively): .txt .html .json .jsonl .ndjson .md")
    p.add_argument("--out", type=Path, help="where article files go (default: articles/ in the docs_dir of mkdocs.yml)")
    p.add_argument("--workers", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=f"refuse inputs larger than this (default: {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--quiet", action="store_true", help="no progress and no summary line")
    p.add_argument("--time-limit", type=float, default=30.0, metavar="SECONDS", help="give up an input after this long (default: 30)")
    p.add_argument("--dask", metavar="SCHEDULER", help="run extraction on a Dask cluster: a scheduler address, or 'local' (needs the dask extra)")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("group", parents=[common], help="print the stories found among the articles")
    p.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="folder of article files (default: the docs_dir of mkdocs.yml)")
    p.add_argument("--json", action="store_true", help='print {"stories": [...]} as JSON')
    p.add_argument("--dask", metavar="SCHEDULER", help="run the blocking join on a Dask cluster: an address, or 'local'")
    p.add_argument("--workers", type=int, default=0, help="workers of a --dask local cluster (default: all cores)")
    p.set_defaults(run=cmd_group)

    from .fetch.command import add_fetch_parser  # light: the fetch machinery loads only when it runs

    add_fetch_parser(sub, common)
    return parser


def cmd_ingest(args: argparse.Namespace, config: DigestConfig) -> int:
    from .ingest.batch import run_ingest
    from .ingest.pipeline import IngestOptions

    out = args.out or config.articles_dir
    report = run_ingest(
        args.paths,
        out,
        options=dataclasses.replace(IngestOptions.from_plugin_options(config.options), time_limit=args.time_limit),
        workers=args.workers or None,
        max_bytes=args.max_bytes,
        debug=args.debug,
        progress=False if args.quiet else None,
        dask=args.dask,
    )
    if not args.quiet:
        print(f"digest: {report.summary()} (in {out})", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_group(args: argparse.Namespace, config: DigestConfig) -> int:
    from .group import GroupOptions, group_articles, story_record
    from .store import load_articles

    folder = args.dir or config.docs_dir
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    articles = load_articles(folder)
    options = GroupOptions.from_mapping(config.options.get("grouping") or {})
    if args.dask:
        from .cluster import dask_client, dask_mapper

        with dask_client(args.dask, args.workers or os.cpu_count() or 1) as client:
            stories = group_articles(articles, options, mapper=dask_mapper(client))
    else:
        stories = group_articles(articles, options)
    if args.json:
        json.dump({"stories": [story_record(s) for s in stories], "articles": len(articles)}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for story in stories:
        n = len(story.articles)
        print(f"{story.id}\t{n} article{'s' * (n != 1)}, {len(story.independent)} independent\t{story.title}")
    print(f"digest: {len(stories)} stories from {len(articles)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
