"""Which feeds to read: addresses from the command line, or the ``feeds`` list in mkdocs.yml.

In mkdocs.yml a feed is an address, or a mapping with an optional name (the outlet
shown as the article's source), region and topic hint (used when enrichment finds none)::

    plugins:
      - digest:
          feeds:
            - https://news.example.org/rss
            - url: https://example.net/world/atom.xml
              name: Example Net
              region: Europe
              topic: politics
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import urlsplit

from ..model import TOPIC_SLUGS

_KEYS = frozenset({"url", "name", "region", "topic"})


@dataclass(frozen=True)
class FeedSpec:
    """One feed to read and what we know of it beforehand."""

    url: str
    name: str | None = None
    region: str | None = None
    topic: str | None = None

    @classmethod
    def coerce(cls, entry: "FeedSpec | str | dict[str, Any]") -> "FeedSpec":
        """A FeedSpec from an address or a config mapping; ValueError says what is wrong."""
        if isinstance(entry, FeedSpec):
            return entry
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict):
            raise ValueError(f"a feed is an address or a mapping with a url, not {type(entry).__name__}")
        unknown = set(map(str, entry)) - _KEYS
        if unknown:
            raise ValueError(f"unknown feed option(s) {sorted(unknown)}; known: {sorted(_KEYS)}")
        url = str(entry.get("url") or "").strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) feed address: {url!r}")
        topic = _opt(entry.get("topic"))
        if topic is not None and topic not in TOPIC_SLUGS:
            raise ValueError(f"feed {url}: topic {topic!r} is not one of {', '.join(TOPIC_SLUGS)}")
        return cls(url, _opt(entry.get("name")), _opt(entry.get("region")), topic)


def feed_specs(entries: Iterable[Any]) -> list[FeedSpec]:
    """Distinct feeds in the order given; the first entry for an address wins."""
    out: dict[str, FeedSpec] = {}
    for n, entry in enumerate(entries, 1):
        try:
            spec = FeedSpec.coerce(entry)
        except ValueError as e:
            raise ValueError(f"feed {n}: {e}") from None
        out.setdefault(spec.url, spec)
    return list(out.values())


def feeds_from_options(options: dict[str, Any]) -> list[FeedSpec]:
    """The ``feeds`` list of the digest plugin's options (see config.plugin_options)."""
    entries = options.get("feeds") or []
    if not isinstance(entries, list):
        raise ValueError("the digest plugin's 'feeds' option must be a list")
    return feed_specs(entries)


def _opt(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
