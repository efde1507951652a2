"""What an extractor isolates in one page: the shared result of the text and HTML paths.

An extractor finds where things are (the headline, the story's paragraphs, the lines
around them) and collects what the page declares about itself; the steps in
``pipeline`` then read the metadata from these parts, the same way for both paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Declared:
    """What a page says about itself in markup (HTML meta tags, JSON-LD, <time>, <figcaption>,
    breadcrumbs): strong evidence, but taken raw it carries site names and CMS defaults."""

    titles: list[str] = field(default_factory=list)  # og:title, JSON-LD headline, <title>, in that order
    published: list[str] = field(default_factory=list)  # declared publication dates, strongest first
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher, application-name
    section: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    lang: str | None = None
    description: str | None = None
    captions: list[str] = field(default_factory=list)  # <figcaption>s, first first


@dataclass
class Page:
    """The parts of one news page, before metadata is read from them.

    ``story`` is the story's paragraphs only: no headline, no standfirst, no caption, no
    chrome. ``header`` holds the lines between the headline and the story (standfirst,
    bylines, date stamps, captions), ``above`` the few lines just above the headline
    (section label, kicker, stamp), ``after`` the lines right after the story (sign-offs,
    credit lines, stamps), ``top`` and ``bottom`` the page's first and last lines
    (masthead, copyright notice)."""

    headline: str = ""
    standfirst: str | None = None
    story: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    above: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # furniture lines near the story
    captions: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # every line of the page, in order
    title_site: str | None = None  # the site's name printed after the headline in a <title> line
    declared: Declared = field(default_factory=Declared)
    url: str | None = None
