"""``digest export DIR``: the whole briefing as plain files that any other builder can take
as its docs folder (Zensical, ProperDocs or MkDocs without the plugin, Hugo).

Nothing is made twice. MkDocs runs as it does for a build (the site's config and plugins,
the same grouping, views and templates, article Markdown rendered and sanitised as on the
site) up to the point where the theme would wrap each page; there the page's content is
taken and written as Markdown: a front matter with its title and description (escaped, as
the site's theme gets them) and the page's HTML as one raw HTML block (no blank line
inside, so CommonMark builders keep it whole too). Feeds, the search index, the site's
other files and the digest's styles and scripts are copied as they are.

Links. The export is made with directory URLs (``stories/x.md`` is at ``stories/x/``),
and each page is written where its URL is, as ``stories/x/index.md``. A link in the HTML
is relative to the page's URL (MkDocs' ``url`` filter), which is then also its folder:
builders that print raw HTML as it is (MkDocs, ProperDocs, Hugo) and builders that read
its links as relative to the source file (Zensical) all get the same, working link.

A list of what was written (``.digest-export`` in DIR) lets the next export replace those
files and remove the ones no longer made, and keeps it from overwriting anything else.
"""
from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml
from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from ..progress import Progress
from ..store import atomic_write
from .plugin import THEME_DIR

MANIFEST = ".digest-export"
ASSETS = "assets"


@dataclass
class ExportReport:
    pages: int = 0
    files: int = 0
    changed: int = 0
    removed: int = 0

    def summary(self, out: Path) -> str:
        return (f"exported {self.pages:,} pages and {self.files:,} other files to {out} "
                f"({self.changed:,} written, {self.pages + self.files - self.changed:,} unchanged, {self.removed:,} removed)")


def export_site(config_file: Path, out: Path, progress: Progress | None = None) -> ExportReport:
    """Build the site's pages as MkDocs would and write them, and its other files, under ``out``."""
    progress = progress or Progress(enabled=False)
    with tempfile.TemporaryDirectory(prefix="digest-export-") as scratch:
        # Plugins that write into the site folder at the end of a build write into scratch.
        config = _load(config_file, site_dir=scratch, use_directory_urls=True)
        docs_dir = Path(config.docs_dir).resolve()
        target = Folder(out, docs_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            progress.show("reading and grouping the articles", force=True)
            files, nav, env = _collect(config)
            read = files.documentation_pages(inclusion=InclusionLevel.is_included)
            report = ExportReport()
            progress.counting(len(read))
            for _ in _rendered(read, files, config):
                progress.advance("rendering pages")
            env = config.plugins.on_env(env, config=config, files=files)
            # The briefing's own pages, feeds and search index join the files while the articles are read.
            pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
            others = _other_files(files, docs_dir)
            target.claim([page_path(f) for f in pages] + [f.src_uri for f in others])
            progress.counting(len(pages))
            for file in pages:
                page = file.page
                assert page is not None
                context = get_context(nav, pages, config, page)
                config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                assert page.content is not None
                report.changed += target.write(page_path(file), page_markdown(_title(page), page.meta.get("description"), page.content))
                page.content = page.markdown = None  # written: memory stays flat however large the site
                report.pages += 1
                progress.advance("writing pages")
            for f in others:
                report.changed += target.write(f.src_uri, f.content_bytes)
                report.files += 1
            report.removed = target.finish()
            config.plugins.on_post_build(config=config)
        except Exception as e:
            config.plugins.on_build_error(error=e)
            if isinstance(e, MkDocsException):  # a plugin's or a page's error, as a build would stop on it
                raise ValueError(f"{config_file}: {e.format_message()}") from e
            raise
        finally:
            config.plugins.on_shutdown()
            progress.clear()
    return report


def _load(config_file: Path, **overrides: object) -> MkDocsConfig:
    """The site's config as ``mkdocs build`` reads it (the commands checked it already)."""
    config = MkDocsConfig(config_file_path=str(config_file.resolve()))
    try:
        with open(config_file, "rb") as f:
            config.load_file(f)
        config.load_dict(overrides)
        errors, _ = config.validate()
    except MkDocsException as e:
        raise ValueError(f"{config_file}: {e}") from None
    if errors:
        raise ValueError("\n".join(f"{config_file}: config value '{k}': {m}" for k, m in errors))
    if "digest" not in config.plugins:
        raise ValueError(f"{config_file}: the digest plugin is not in plugins:, so there is no briefing to export")
    return config


def _collect(config: MkDocsConfig) -> tuple[Files, Navigation, Environment]:
    """The build's files (the digest's pages, feeds and search index among them), nav and theme environment."""
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    return files, nav, env


def _rendered(pages: list[File], files: Files, config: MkDocsConfig) -> Iterator[Page]:
    """Each page read, its Markdown rendered and its plugins' events run, as a build does it."""
    for file in pages:
        page = file.page or Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        yield page


def _other_files(files: Files, docs_dir: Path) -> list[File]:
    """Files that are not pages: the generated ones (feeds, search index), the docs folder's own,
    and the digest's styles and scripts (a site's custom_dir may have replaced them)."""
    assets = {p.relative_to(THEME_DIR).as_posix() for p in (THEME_DIR / ASSETS).rglob("*") if p.is_file()}
    return [f for f in files
            if not f.is_documentation_page() and f.inclusion.is_included()
            and (f.src_dir is None or Path(f.src_dir).resolve() == docs_dir or f.src_uri in assets)]


def page_path(file: File) -> str:
    """Where a page goes in the export: the folder of its (directory) URL, as index.md."""
    url = unquote(file.url)
    if url in ("", "./"):
        return "index.md"
    return url + "index.md" if url.endswith("/") else url.removesuffix(".html") + ".md"


def _title(page: Page) -> str:
    """The digest puts its pages' and articles' titles in meta, escaped; others keep MkDocs' own."""
    return str(page.meta.get("title") or page.title or "")


# -- the Markdown of a page ----------------------------------------------------------------------

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, ten times faster, when PyYAML has it
_PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)
_BLANK = re.compile(r"\n[ \t]*(?=\n)")


def page_markdown(title: str, description: str | None, html: str) -> str:
    """Front matter, then the HTML as one raw block any Markdown builder passes through as it is."""
    meta = {"title": title} | ({"description": str(description)} if description else {})
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1 << 30)
    return f"---\n{front}---\n\n{raw_block(html)}\n"


def raw_block(html: str) -> str:
    """The HTML inside one ``<div>`` with no blank line: CommonMark ends an HTML block at a blank
    line (what follows would be read as Markdown), and Python-Markdown keeps one element whole.
    Line breaks inside ``<pre>`` are written as character references, which mean the same."""
    parts, pos = [], 0
    for m in _PRE.finditer(html):
        parts += [_BLANK.sub("", html[pos:m.start()]), m.group().replace("\n", "&#10;")]
        pos = m.end()
    parts.append(_BLANK.sub("", html[pos:]))
    return '<div class="dg-page">\n' + "".join(parts).strip() + "\n</div>"


# -- the folder written to --------------------------------------------------------------------------

class Folder:
    """DIR: what a previous export wrote there may be replaced or removed; nothing else is touched."""

    def __init__(self, root: Path, docs_dir: Path) -> None:
        self.root = root
        resolved = root.resolve()
        if resolved == docs_dir or docs_dir in resolved.parents:
            raise ValueError(f"{root}: inside the docs_dir ({docs_dir}), where the next build would read it; export elsewhere")
        if root.exists() and not root.is_dir():
            raise ValueError(f"{root}: not a folder")
        self.before = self._read_manifest()
        self.written: set[str] = set()

    def _read_manifest(self) -> set[str]:
        path = self.root / MANIFEST
        if not path.is_file():
            return set()
        try:
            listed = json.loads(path.read_text(encoding="utf-8"))["files"]
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}: not a list of exported files ({e}); remove it to export here again") from None
        return {p for p in listed if isinstance(p, str) and _inside(p)}

    def claim(self, paths: list[str]) -> None:
        """Check that no path is someone else's file, then list them before writing any (so that
        an export stopped half-way still knows its files next time)."""
        theirs = [p for p in paths if p not in self.before and (self.root / p).exists()]
        if theirs:
            more = f" (and {len(theirs) - 1} more)" if len(theirs) > 1 else ""
            raise ValueError(f"{self.root / theirs[0]}: already there and not written by digest export{more}; "
                             "move it away or export into another folder")
        self.planned = set(paths)
        self._write_manifest(self.before | self.planned)

    def write(self, path: str, content: str | bytes) -> bool:
        """Write one file, False when it was already so (its time stays, for builders that watch).

        Written in place, as MkDocs writes its site: a file an interrupted export left half
        written is listed already, and the next export writes it whole."""
        self.written.add(path)
        target = self.root / path
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if target.read_bytes() == data:
                return False
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return True

    def finish(self) -> int:
        """Remove what the last export wrote and this one did not; list what is there now."""
        removed = 0
        for path in sorted(self.before - self.written):
            target = self.root / path
            if target.is_file():
                target.unlink()
                removed += 1
            for parent in target.parents:
                if parent == self.root or not parent.is_dir() or any(parent.iterdir()):
                    break
                parent.rmdir()
        self._write_manifest(self.written)
        return removed

    def _write_manifest(self, paths: set[str]) -> None:
        atomic_write(self.root / MANIFEST, json.dumps({"files": sorted(paths)}, indent=0) + "\n")


def _inside(path: str) -> bool:
    """A relative path that stays inside the folder (a hand-edited list cannot send us elsewhere)."""
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts
