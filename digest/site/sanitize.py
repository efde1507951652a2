"""Article HTML made safe to show: no script, no handler, no dangerous link from content.

Article bodies come from the open web (and from people's hands), and Python-Markdown
passes raw HTML and any link scheme through. Every article page's rendered HTML goes
through nh3 (the Python binding of ammonia, a well-kept allow-list sanitiser) before
MkDocs writes it: only ordinary document markup survives, links keep only safe schemes.

Most articles are plain text, and the Markdown of plain text makes no risky markup:
only a raw tag ('<') or a link or image ('](' inline, ']:' for a reference) can
bring a script, a handler or a URL in. Pages whose Markdown has none of those are
not run through nh3, as long as the site's Markdown extensions are ones that add no
markup of their own from text (attr_list, for one, turns '{: onclick=...}' into an
attribute): see :func:`needs_cleaning`.
"""
from __future__ import annotations

import nh3

# Document markup as Python-Markdown and its common extensions produce it.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Extensions (MkDocs' defaults and this site's) under which Markdown without '<' or link
# syntax yields only plain document markup.
PLAIN_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "markdown.extensions.toc",
                              "markdown.extensions.tables", "markdown.extensions.fenced_code"})
_RISKY = ("<", "](", "]:")


def plain_extensions(extensions: list[object]) -> bool:
    """True when every Markdown extension is one that makes no markup from plain text."""
    return all(isinstance(x, str) and x in PLAIN_EXTENSIONS for x in extensions)


def needs_cleaning(markdown: str, extensions_plain: bool = True) -> bool:
    """Whether the HTML of this Markdown must go through the sanitiser."""
    return not extensions_plain or any(mark in markdown for mark in _RISKY)


def clean_html(html: str) -> str:
    """The HTML with everything outside the allow-list removed (tags kept as their text)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
