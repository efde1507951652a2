"""One outlet, one name across the archive.

Some inputs name their outlet only by its web address: news-please records carry
``source_domain`` ("harbourledger.example"), while a page or a feed from the same paper
prints "The Harbour Ledger". Shown side by side, a reader sees two outlets where there is
one. When the archive holds an article whose outlet is named in words, a bare domain whose
name squashes to the same letters ("harbourledger" = "The Harbour Ledger" less "The")
takes that name. Nothing is guessed: a domain no named outlet matches stays as it is.
One pass over the articles, linear in their number.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .ingest.lines import squash
from .model import Article

_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|la|le|el|die|der|das|il|o|a)\s+", re.IGNORECASE)
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu"}  # "example.co.uk"


def domain_label(source: str) -> str | None:
    """The name part of a bare domain ("harbourledger" for "www.harbourledger.co.uk"), else None."""
    if not _DOMAIN.fullmatch(source.strip()):
        return None
    labels = source.strip().lower().removeprefix("www.").split(".")[:-1]
    while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return squash(labels[-1]) if labels else None


def name_domains(articles: Iterable[Article]) -> None:
    """Give each bare-domain ``source`` the archive's printed name for that outlet (in place)."""
    articles = list(articles)
    named: dict[str, Counter[str]] = {}
    for a in articles:
        if a.source and domain_label(a.source) is None:
            for key in {squash(a.source), squash(_ARTICLE.sub("", a.source))}:
                named.setdefault(key, Counter())[a.source.strip()] += 1
    if not named:
        return
    for a in articles:
        label = domain_label(a.source) if a.source else None
        if label and label in named:
            a.source = named[label].most_common(1)[0][0]

