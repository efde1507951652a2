"""The ``digest`` MkDocs plugin: group the articles at build time and add the briefing pages.

Thin on purpose: read the articles, group them, and hand MkDocs the pages of pages.py as
in-memory files (``File.generated``) and the feeds and search index of files.py. The
grouping, feeds and search index are made in a second process (background.py) while
MkDocs converts the articles' Markdown, which needs none of them; the first other page
MkDocs reads waits for them, so every page of the briefing is there before any page
that may link to it is read (the navigation's pages are there from the start). When
MkDocs renders a page, its view (views.py, plain data) goes through its Jinja template
under ``theme/fragments/digest/`` (autoescaped, linked with MkDocs' ``url`` filter),
as Material's own blog and tags plugins do; a site's ``custom_dir`` overrides any of them.

Nothing is written into the docs_dir, so ``mkdocs serve`` does not rebuild in a loop;
because the articles folder is inside the docs_dir, serve already watches it, and
every build starts over from the files, so a new or edited article shows on the next reload.
"""
from __future__ import annotations

import dataclasses
import gc
import html
import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..enrich.geo_regions import RegionScheme, load_region_scheme
from .. import group
from ..group import GroupOptions
from ..model import FRONT_MATTER_KEYS, Article, Story
from ..store import load_articles
from . import paths
from .background import Pending, pack, unpack
from .config import DigestPluginConfig
from .context import Labels, SiteData, kept_ids, retention_cutoff
from .dates import moment
from .feeds import FeedSite
from .files import static_files
from .pages import PageSpec, article_description, pages
from .sanitize import clean_html, needs_cleaning, plain_extensions
from .views import Link, Views

log = logging.getLogger("mkdocs.plugins.digest")
THEME_DIR = (Path(__file__).parent.parent / "theme").resolve()
FRAGMENTS = "fragments/digest/"
# Article front-matter keys the theme reads for itself are not passed on as page meta.
_THEME_KEYS = frozenset({"title", "description", "template", "hide", "author", "icon", "status", "subtitle", "search"})


class DigestPlugin(BasePlugin[DigestPluginConfig]):
    supports_multiple_instances = False
    work: Pending | None = None  # the digest's own work while it runs

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.group_options = GroupOptions(**self.config.grouping)  # checked by the schema (config.py)
        self.plain_markdown = plain_extensions(config.markdown_extensions)
        add_theme(config)
        self.scheme = load_region_scheme(self.config.regions) if self.config.regions else None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The articles, stories and indexes made here live for the whole build. Python's
        # cycle collector would walk them again and again while MkDocs renders thousands
        # of pages (a third of the render time at 4,000 articles): they are set aside from
        # collection (gc.freeze) until the build ends. Collection is also paused while they
        # are made: they are all kept, so walking them finds nothing.
        gc.disable()
        try:
            files = self._read_articles(files, config)
        finally:
            gc.enable()
        gc.freeze()
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page | None:
        # MkDocs reads the articles first (on_files puts them first); the first other page
        # may link to any page of the briefing, so they are all there before it is read.
        if self.work is not None and page.file.src_uri not in self.articles:
            self._add_pages(files, config)
        return page

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # serve rebuilds in the same process: last build's data can go

    def on_build_error(self, *, error: Exception) -> None:
        if self.work is not None:
            self.work.cancel()
            self.work = None
        gc.unfreeze()

    def _read_articles(self, files: Files, config: MkDocsConfig) -> Files:
        """Read the articles, hand MkDocs their bodies and start the digest's own work
        (background.py): grouping, feeds and search need nothing MkDocs does next."""
        docs_dir = Path(config.docs_dir)
        root = docs_dir / self.config.articles_dir
        articles = load_articles(root, base=docs_dir) if root.is_dir() else []
        if self.scheme is not None:
            articles = [with_regions(a, self.scheme) for a in articles]
        kept = kept_ids(articles, retention_cutoff(articles, self.config.keep_days))

        # Articles stay out of the navigation (a nav of thousands of pages makes every
        # page's render cost grow with the site); retired ones are not built at all.
        self.articles: dict[str, Article] = {}
        for a in articles:
            f = files.get_file_from_path(a.path) if a.path else None
            if f is None:
                continue
            if a.id in kept:
                f.inclusion = InclusionLevel.NOT_IN_NAV
                # MkDocs gets the body we already parsed, not the file to parse again (its
                # front matter becomes page meta in on_page_markdown). The blank line keeps a
                # body that opens with a '---' rule from being read as front matter.
                f.content_string = "\n" + a.body
                self.articles[a.path] = a
            else:
                files.remove(f)

        self.to_clean: set[str] = set()
        self.all_feeds = [Link(f"{config.site_name} (Atom)", paths.feed_uri("all", None, "xml")),
                          Link(f"{config.site_name} (JSON Feed)", paths.feed_uri("all", None, "json"))]
        # The site's data is made in both processes from the same articles, files and clock.
        source = {f.src_uri: f for f in files}
        clock = time.time()

        def site_data(stories: list[Story]) -> SiteData:
            return SiteData(stories, Labels.load(), kept, config.use_directory_urls, self.config.search,
                            self.config.edition_hours, self.config.top_stories, clock=clock, files=source)

        def work() -> tuple[list, dict[str, str]]:
            stories = group.group_articles(articles, self.group_options, cache_dir=cache_dir(config), archive=root)
            meta = FeedSite(config.site_name, config.site_url or None, self.config.language or config.theme.get("language"))
            shard = self.config.search_shard_bytes if self.config.search else None
            return pack(stories, articles), static_files(site_data(stories), meta, self.config.feed_items, shard)

        self.work = Pending(work)  # in a forked worker where that is safe (background.py)
        self.site_data, self.article_list = site_data, articles
        # The pages the navigation names are there from the start (their content comes later);
        # the others (days, regions, topics, stories) are known once the articles are grouped.
        self.pages: dict[str, PageSpec] = {}
        self.early: set[str] = set()
        for uri in paths.nav_pages(self.config.search):
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content="", inclusion=_inclusion(uri)))
                self.early.add(uri)
        # The articles come first: MkDocs converts their Markdown while the worker works.
        return Files([f for f in files if f.src_uri in self.articles] + [f for f in files if f.src_uri not in self.articles])

    def _add_pages(self, files: Files, config: MkDocsConfig) -> None:
        """The stories are made: the briefing's pages, the feeds and the search index join the build.

        The navigation's pages are there already; MkDocs reads them next. The others it has
        not seen: each gets its page here, with its meta (its content is made when rendered)."""
        gc.disable()
        try:
            packed, extra = self.work.result()
            self.work = None
            stories = unpack(packed, self.article_list)
            self.site = self.site_data(stories)
            self.views = Views(self.site, title=self.config.title, list_limit=self.config.list_limit)
            for uri, spec in pages(self.views, self.config.search).items():
                if uri not in self.early and files.get_file_from_path(uri) is not None:
                    log.info("digest: %s is written by hand; not generating it", uri)
                    continue
                self.pages[uri] = spec
                if uri not in self.early:
                    f = File.generated(config, uri, content="", inclusion=_inclusion(uri))
                    files.append(f)
                    page = Page(None, f, config)
                    page.markdown = ""  # as MkDocs leaves a page it read: its title is its meta's
                    page.meta = self._meta(spec.title, spec.description, spec.og_type, spec.feeds)
            for uri, text in extra.items():
                files.append(File.generated(config, uri, content=text))
        finally:
            gc.enable()
        gc.freeze()
        log.info("digest: %d articles, %d stories, %d pages", len(self.article_list), len(stories), len(self.pages))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Page meta: title and description (escaped: themes print them raw), sharing and feed
        links. An article's front matter becomes its meta; its own '# ' line goes."""
        uri = page.file.src_uri
        spec = self.pages.get(uri)
        if spec is not None:
            page.meta = {**page.meta, **self._meta(spec.title, spec.description, spec.og_type, spec.feeds)}
            return ""
        article = self.articles.get(uri)
        if article is None:
            page.meta = {**page.meta, "digest": {"feeds": self.all_feeds}}
            return markdown
        front = {k: v for k, v in article.front_matter().items() if k in FRONT_MATTER_KEYS and k not in _THEME_KEYS}
        when = moment(article.date)
        page.meta = {**front, **self._meta(article.title or article.id, article_description(article.summary, article.body),
                                           "article", [], published=when.iso if when else None)}
        body = markdown.lstrip("\n")
        if body.startswith("# "):
            body = body.split("\n", 1)[1] if "\n" in body else ""
        if needs_cleaning(body, self.plain_markdown):
            self.to_clean.add(uri)
        return body

    def _meta(self, title: str, description: str, og_type: str, feeds: list[Link], published: str | None = None) -> dict:
        return {"title": html.escape(title), "description": html.escape(description),
                "digest": {"og_type": og_type, "feeds": [*feeds, *self.all_feeds], "published": published}}

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.work is not None:  # no page but articles was read: the briefing's pages join now
            self._add_pages(files, config)
        # The theme's environment does not escape (MkDocs' templates print trusted values);
        # the digest's fragments print scraped text, so they render with escaping on.
        # The indentation before block tags is left out of the pages (less to download).
        self.fragments = env.overlay(autoescape=True, lstrip_blocks=True)
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Article HTML is sanitised: content from the web runs no script."""
        return clean_html(html) if page.file.src_uri in self.to_clean else html

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """A generated page's content is its template rendered with its view; an article's
        body is framed by its header and the rest of its story."""
        uri = page.file.src_uri
        spec = self.pages.get(uri)
        if spec is not None:
            page.content = self.render(page, config, spec.template, view=spec.view())
        elif uri in self.articles:
            view = self.views.article(self.articles[uri])
            page.content = self.render(page, config, "article.html", view=view, body=page.content or "")
        return context

    def render(self, page: Page, config: MkDocsConfig, name: str, **values) -> str:
        template = self.fragments.get_template(FRAGMENTS + name)
        return template.render(page=page, config=config, base_url=get_relative_url(".", page.url), **values)


def add_theme(config: MkDocsConfig) -> None:
    """The digest's templates and styles (shipped in the package as digest/theme) go under the
    site's own custom_dir and over Material's, as Material's own plugins do: a site made with
    ``digest new`` needs no copy of them, and a site's custom_dir can still override any of them."""
    dirs = config.theme.dirs
    if any(Path(d).resolve() == THEME_DIR for d in dirs):
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))


def cache_dir(config: MkDocsConfig) -> Path:
    """Where the grouping keeps its per-article cache: beside mkdocs.yml, not in the docs_dir
    (serve watches the docs_dir, and a file written there would trigger another build)."""
    return Path(config.config_file_path or ".").resolve().parent / ".cache" / "digest"


def with_regions(article: Article, scheme: RegionScheme) -> Article:
    """The article with region and regions re-derived from its countries under the site's scheme."""
    regions = list(dict.fromkeys(r for c in article.countries if (r := scheme.region_of(c))))
    return dataclasses.replace(article, region=regions[0] if regions else None, regions=regions)


def _inclusion(uri: str) -> InclusionLevel:
    """Index pages are in the navigation; each day, region, topic and story page is linked instead."""
    top = uri.endswith("index.md") or "/" not in uri
    return InclusionLevel.UNDEFINED if top else InclusionLevel.NOT_IN_NAV
