"""The ``digest`` command (also ``python -m digest``): new, ingest, group, fetch, export, serve.

Every command reads the site's mkdocs.yml (``-f``, or the one in the working folder) with
MkDocs' own loader and the plugin's schema (digest/config.py), so a site has one config.
Messages go through logging: ``-q`` keeps warnings and errors, ``-v`` adds details.
Errors are one line each on stderr; ``--debug`` adds the traceback.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .config import DigestConfig, load_config
from .ingest.readers import DEFAULT_MAX_BYTES

log = logging.getLogger("digest")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    set_up_logging(args.verbosity)
    try:
        config = load_config(args.config, required=args.needs_site(args))
        log.debug("config: %s; articles in %s", config.config_file or "none (defaults)", config.articles_dir)
        return int(args.run(args, config) or 0)
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output has gone (digest group | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (OSError, ValueError) as e:
        if args.debug:
            raise
        for line in str(e).splitlines() or [type(e).__name__]:
            print(f"digest: error: {line}", file=sys.stderr)
        return 1


def set_up_logging(verbosity: int) -> None:
    """digest's messages (and MkDocs' while the config is read) on stderr: info by default,
    warnings and errors with -q, debug details with -v."""
    level = {-1: logging.WARNING, 0: logging.INFO}.get(verbosity, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    for name in ("digest", "mkdocs"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level if name == "digest" else logging.INFO if verbosity > 0 else logging.WARNING)
        logger.propagate = False


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        kind = "" if record.levelno < logging.WARNING else f"{record.levelname.lower()}: "
        return f"digest: {kind}{record.getMessage()}"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-f", "--config-file", dest="config", metavar="MKDOCS_YML", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    loud = common.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=-1, default=0,
                      help="only warnings and errors: no progress, no summary")
    loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=1, help="more detail")
    common.add_argument("--debug", action="store_true", help="show tracebacks")
    common.set_defaults(needs_site=lambda args: False)
    parser = argparse.ArgumentParser(prog="digest", description="Turn news articles into a daily briefing site built with MkDocs.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("new", parents=[common], help="make a new site of your own (no sample articles)")
    p.add_argument("dir", type=Path, metavar="DIR", help="the site's folder (new, or empty)")
    p.add_argument("--name", help="the site's name (default: from DIR)")
    p.add_argument("--url", help="where it will be published, e.g. https://you.github.io/news/ (feeds need it)")
    p.add_argument("--package", metavar="REQUIREMENT",
                   help=f"what the daily build installs (default: news-digest=={__version__}), e.g. a git URL")
    p.set_defaults(run=cmd_new)

    from .ingest.pipeline import IngestOptions

    p = sub.add_parser("ingest", parents=[common], help="turn article files into Markdown with front matter")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (read recursively): .txt .html .json .jsonl .ndjson .md")
    p.add_argument("--out", type=Path, help="where article files go (default: articles/ in the docs_dir of mkdocs.yml)")
    p.add_argument("--workers", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=f"refuse inputs larger than this (default: {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--time-limit", type=float, metavar="SECONDS",
                   help=f"give up an input after this long (default: {IngestOptions.time_limit:g})")
    p.add_argument("--dask", metavar="SCHEDULER", help="run extraction on a Dask cluster: a scheduler address, or 'local' (needs the dask extra)")
    p.set_defaults(run=cmd_ingest, needs_site=lambda args: args.out is None)

    p = sub.add_parser("group", parents=[common], help="print the stories found among the articles")
    p.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="folder of article files (default: the docs_dir of mkdocs.yml)")
    p.add_argument("--json", action="store_true", help='print {"stories": [...]} as JSON')
    p.add_argument("--dask", metavar="SCHEDULER", help="run the blocking join on a Dask cluster: an address, or 'local'")
    p.add_argument("--workers", type=int, default=0, help="workers of a --dask local cluster (default: all cores)")
    p.set_defaults(run=cmd_group, needs_site=lambda args: args.dir is None)

    from .fetch.command import add_fetch_parser  # light: the fetch machinery loads only when it runs

    add_fetch_parser(sub, common)

    p = sub.add_parser("export", parents=[common], help="write the briefing's pages, feeds and search index as plain files for another builder")
    p.add_argument("dir", type=Path, metavar="DIR", help="where the files go (a folder outside the docs_dir; a re-run replaces what it wrote)")
    p.set_defaults(run=cmd_export, needs_site=lambda args: True)

    p = sub.add_parser("serve", parents=[common], help="build the site and serve it with live reload (mkdocs serve)")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="where to serve (default: 127.0.0.1:8000)")
    p.set_defaults(run=cmd_serve, needs_site=lambda args: True)
    return parser


def cmd_new(args: argparse.Namespace, config: DigestConfig) -> int:
    from .scaffold import new_site

    name = args.name or args.dir.resolve().name.replace("-", " ").replace("_", " ").title()
    site = new_site(args.dir, name, args.url, args.package)
    for path in site.files:
        log.debug("wrote %s", path)
    log.info("made %s in %s: cd there, then 'digest ingest PATH...' or 'digest fetch' (after listing feeds in "
             "mkdocs.yml), and 'digest serve' to preview", name, args.dir)
    return 0


def cmd_ingest(args: argparse.Namespace, config: DigestConfig) -> int:
    from .ingest.batch import run_ingest
    from .ingest.pipeline import IngestOptions

    out = args.out or config.articles_dir
    options = IngestOptions.from_plugin_options(config.options)
    if args.time_limit is not None:
        options = dataclasses.replace(options, time_limit=args.time_limit)
    report = run_ingest(
        args.paths,
        out,
        options=options,
        workers=args.workers or None,
        max_bytes=args.max_bytes,
        debug=args.debug,
        progress=False if args.verbosity < 0 else None,
        dask=args.dask,
    )
    log.info("%s (in %s)", report.summary(), out)
    return 1 if report.failed else 0


def cmd_group(args: argparse.Namespace, config: DigestConfig) -> int:
    from .group import GroupOptions, group_articles, story_record
    from .progress import Progress
    from .store import load_articles

    folder = args.dir or config.docs_dir
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    options = GroupOptions(**config.options["grouping"])
    archive = args.dir or config.articles_dir  # where ingest stored the articles' grouping profiles
    with Progress(enabled=False if args.verbosity < 0 else None) as progress:
        progress.show(f"reading the articles in {folder}")
        articles = load_articles(folder)
        progress.show(f"grouping {len(articles):,} articles", force=True)
        if args.dask:
            from .cluster import dask_client, dask_mapper

            with dask_client(args.dask, args.workers or os.cpu_count() or 1) as client:
                stories = group_articles(articles, options, mapper=dask_mapper(client), archive=archive)
        else:
            stories = group_articles(articles, options, archive=archive)
    if args.json:
        json.dump({"stories": [story_record(s) for s in stories], "articles": len(articles)}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for story in stories:
        n = len(story.articles)
        print(f"{story.id}\t{n} article{'s' * (n != 1)}, {len(story.independent)} independent\t{story.title}")
    log.info("%d stories from %d articles", len(stories), len(articles))
    return 0


def cmd_export(args: argparse.Namespace, config: DigestConfig) -> int:
    from .progress import Progress
    from .site.export import export_site

    assert config.config_file is not None  # the command needs a site
    with Progress(enabled=False if args.verbosity < 0 else None) as progress:
        report = export_site(config.config_file, args.dir, progress)
    log.info("%s", report.summary(args.dir))
    return 0


def cmd_serve(args: argparse.Namespace, config: DigestConfig) -> int:
    """``mkdocs serve``, after checking that the address is free (MkDocs would build the whole
    site first, then fail with a traceback)."""
    import socket

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"{args.dev_addr}: give the address as IP:PORT, e.g. 127.0.0.1:8000")
    try:
        with socket.create_server((host, int(port))):
            pass
    except OSError as e:
        raise OSError(f"cannot serve on {args.dev_addr}: {e.strerror or e}; is another server running there? "
                      f"Choose another port (make serve PORT={int(port) + 1})") from None
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", args.dev_addr, "-f", str(config.config_file)]
    if args.verbosity < 0:
        command.append("-q")
    elif args.verbosity > 0:
        command.append("-v")
    log.debug("running %s", " ".join(command))
    os.execv(sys.executable, command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
