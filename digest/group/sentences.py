"""Sentences as reporters write them, and a report's lead.

Regular expressions only (no numpy): the site's own process reads a story's lead
(site/edition.py) without loading the grouping pipeline.
"""
from __future__ import annotations

import re

from ..escaping import unescape_markdown
from ..model import Article

# A sentence ends at . ! or ? (a closing quote or bracket may follow) before a capital or
# a digit; not after an initial ("S. Venkatesh Rao") nor a short title or abbreviation.
_BOUNDARY = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Ft", "Jr", "Sr", "No", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt",
    "Capt", "Prof", "Rev", "Inc", "Co", "Corp", "Ltd", "vs", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "U.S", "U.K", "U.N",
})
_LAST_WORD = re.compile(r"(?:^|[\s(])([\w.]+)\.$")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, as written."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 8), m.start() + 1)
            if word and (word.group(1) in _ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())):
                continue  # "Dr. Ruiz", "S. Venkatesh Rao": not an end
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def lead(article: Article) -> str:
    """The lead: the standfirst, else the first sentence of the body, else the headline."""
    if article.summary.strip():
        return article.summary.strip()
    for para in unescape_markdown(article.body).split("\n"):
        para = para.strip()
        if para and not para.startswith(("#", "!", "http")):
            return split_sentences(para)[0]
    return article.title.strip()
