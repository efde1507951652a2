"""The ``digest`` MkDocs plugin: group the articles at build time and add the briefing pages.

Thin on purpose: read the articles, group them, and hand MkDocs the output of the pure
functions in ``generate`` as in-memory files (``File.generated``). Nothing is written
into the docs_dir, so ``mkdocs serve`` does not rebuild in a loop; because the articles
folder is inside the docs_dir, serve already watches it, and every build starts over
from the files, so a new or edited article shows on the next reload.
"""
from __future__ import annotations

import dataclasses
import gc
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..enrich.geo_regions import RegionScheme, load_region_scheme
from ..group import GroupOptions, group_articles
from ..model import Article
from ..store import load_articles
from . import render, stash
from .config import DigestPluginConfig
from .context import Labels, SiteData, kept_ids, retention_cutoff
from .feeds import FeedSite
from .generate import Options, pages, static_files
from .sanitize import clean_html, needs_cleaning, plain_extensions

log = logging.getLogger("mkdocs.plugins.digest")
THEME_DIR = (Path(__file__).parent.parent / "theme").resolve()


class DigestPlugin(BasePlugin[DigestPluginConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.group_options = GroupOptions(**self.config.grouping)  # checked by the schema (config.py)
        self.plain_markdown = plain_extensions(config.markdown_extensions)
        add_theme(config)
        self.scheme = load_region_scheme(self.config.regions) if self.config.regions else None
        self.options = Options(
            title=self.config.title,
            top_stories=self.config.top_stories,
            home_list_limit=self.config.home_list_limit,
            list_limit=self.config.list_limit,
            feed_items=self.config.feed_items,
            search=self.config.search,
            search_shard_bytes=self.config.search_shard_bytes,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The articles, stories and indexes made here live for the whole build. Python's
        # cycle collector would walk them again and again while MkDocs renders thousands
        # of pages (a third of the render time at 4,000 articles): they are set aside from
        # collection (gc.freeze) until the build ends. Collection is also paused while they
        # are made: they are all kept, so walking them finds nothing.
        gc.disable()
        try:
            files = self._add_files(files, config)
        finally:
            gc.enable()
        gc.freeze()
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # serve rebuilds in the same process: last build's data can go

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        root = docs_dir / self.config.articles_dir
        articles = load_articles(root, base=docs_dir) if root.is_dir() else []
        if self.scheme is not None:
            articles = [with_regions(a, self.scheme) for a in articles]
        stories = group_articles(articles, self.group_options, cache_dir=cache_dir(config))
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
                # front matter is set back in on_page_markdown). The blank line keeps a body
                # that opens with a '---' rule from being read as front matter.
                f.content_string = "\n" + a.body
                self.articles[a.path] = a
            else:
                files.remove(f)

        self.site = SiteData(stories, Labels.load(), kept, config.use_directory_urls, self.config.search)
        meta = FeedSite(config.site_name, config.site_url or None, self.config.language or config.theme.get("language"))
        generated = {**pages(self.site, self.options), **static_files(self.site, self.options, meta)}
        self.stashed: dict[str, list[str]] = {}
        self.to_clean: set[str] = set()
        for uri, text in generated.items():
            if files.get_file_from_path(uri) is not None:
                log.info("digest: %s is written by hand; not generating it", uri)
                continue
            if uri.endswith(".md"):
                text, self.stashed[uri] = stash.stash(text)
            files.append(File.generated(config, uri, content=text, inclusion=_inclusion(uri)))
        log.info("digest: %d articles, %d stories, %d generated files", len(articles), len(stories), len(generated))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """An article's meta is its front matter, its title escaped; its own '# ' line goes."""
        uri = page.file.src_uri
        article = self.articles.get(uri)
        if article is None:
            return markdown
        # Themes print the title unescaped: scraped headlines must not become markup.
        page.meta = {**article.front_matter(), **page.meta, "title": render.e(article.title or article.id)}
        body = markdown.lstrip("\n")
        if body.startswith("# "):
            body = body.split("\n", 1)[1] if "\n" in body else ""
        if needs_cleaning(body, self.plain_markdown):
            self.to_clean.add(uri)
        return body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Article HTML is sanitised (content from the web runs no script) and framed by our own
        HTML: title and header above, 'more on this story' below. Added here, after Markdown,
        they cost no Markdown work; generated pages get their set-aside blocks back."""
        uri = page.file.src_uri
        article = self.articles.get(uri)
        if article is None:
            blocks = self.stashed.get(uri)
            return stash.unstash(html, blocks) if blocks else html
        if uri in self.to_clean:
            html = clean_html(html)
        head = f"<h1>{page.meta['title']}</h1>\n{render.article_head(self.site, article)}\n"
        return head + html + "\n" + render.more_on_story(self.site, article)


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
