"""The domain model: Article, Story, Briefing, and the front-matter schema.

The front matter of an article file is the contract between ingest, grouping and
the site (see DESIGN.md). Its keys, their order and their types live here and
nowhere else, so that every stage reads and writes the same record.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

# Order in which keys are written: what a person reads first comes first.
FRONT_MATTER_KEYS: tuple[str, ...] = (
    "id",
    "title",
    "summary",
    "date",
    "source",
    "url",
    "section",
    "dateline",
    "agency",
    "authors",
    "image",
    "lang",
    "countries",
    "region",
    "regions",
    "topics",
    "tags",
)
LIST_KEYS = frozenset({"authors", "countries", "regions", "topics", "tags"})

TOPIC_SLUGS: tuple[str, ...] = (
    "arts-culture-entertainment-media",
    "conflict-war-peace",
    "crime-law-justice",
    "disaster-accident-emergency",
    "economy-business-finance",
    "education",
    "environment",
    "health",
    "human-interest",
    "labour",
    "lifestyle-leisure",
    "politics",
    "religion",
    "science-technology",
    "society",
    "sport",
    "weather",
)


@dataclass
class Article:
    """One news article: its front matter fields plus the Markdown body.

    ``path`` is where the article lives relative to the docs_dir (set by the store);
    ``extra`` keeps any front-matter key we do not know, so hand-added keys survive.
    """

    id: str
    title: str = ""
    summary: str = ""
    date: str | None = None
    source: str | None = None
    url: str | None = None
    section: str | None = None
    dateline: str | None = None
    agency: str | None = None
    authors: list[str] = field(default_factory=list)
    image: str | None = None
    lang: str | None = None
    countries: list[str] = field(default_factory=list)
    region: str | None = None
    regions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    body: str = ""
    path: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> str | None:
        """The publication day as YYYY-MM-DD, or None when the date is unknown."""
        return self.date[:10] if self.date and len(self.date) >= 10 else None

    @property
    def datetime(self) -> dt.datetime | None:
        """The publication date as an aware datetime (UTC when no zone is given)."""
        return parse_iso(self.date)

    def front_matter(self) -> dict[str, Any]:
        """The front matter as an ordered dict, empty values left out."""
        out: dict[str, Any] = {}
        for key in FRONT_MATTER_KEYS:
            value = getattr(self, key)
            if value in (None, "", []):
                continue
            out[key] = list(value) if key in LIST_KEYS else value
        for key, value in self.extra.items():
            if key not in out:
                out[key] = value
        return out

    @classmethod
    def from_front_matter(cls, meta: dict[str, Any], body: str = "", path: str | None = None) -> "Article":
        """Build an Article from parsed front matter, tolerating hand-written values."""
        known = {f.name for f in dataclasses.fields(cls)} - {"body", "path", "extra"}
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in meta.items():
            key = str(key)
            if key not in known:
                extra[key] = value
            elif key in LIST_KEYS:
                kwargs[key] = [str(v) for v in _as_list(value)]
            elif key == "date":
                kwargs[key] = _date_str(value)
            else:
                kwargs[key] = None if value is None else str(value)
        kwargs.setdefault("id", "")
        return cls(**kwargs, body=body, path=path, extra=extra)


@dataclass(frozen=True)
class KeyFact:
    """One sentence a reporter wrote, chosen as a key fact of a story, with where it came from.

    Extractive on purpose: the text is a sentence of ``article_id``'s body or standfirst,
    never generated, so a key fact cannot say what no report said.
    """

    text: str
    article_id: str
    source: str | None = None


@dataclass
class Story:
    """Articles reporting one real-world event.

    ``articles`` is ordered: independent reports first (earliest first), then copies.
    ``copies`` maps an original's id to the ids of its wire copies.
    ``title`` and ``summary`` are those of report ``headline_from`` (the latest one, so they
    follow the news; see group/README.md). ``shared_terms`` say why the reports are together:
    the names (``shared_names``) first, then distinctive words.
    ``key_facts`` are sentences chosen across independent reports (see group/README.md).
    """

    id: str
    title: str
    summary: str
    articles: list[Article]
    copies: dict[str, list[str]] = field(default_factory=dict)
    shared_terms: list[str] = field(default_factory=list)
    key_facts: list[KeyFact] = field(default_factory=list)
    shared_names: list[str] = field(default_factory=list)
    headline_from: str | None = None

    @property
    def arrivals(self) -> dict[str, list[str]]:
        """Per day (YYYY-MM-DD, oldest first), the ids of the articles that arrived that day.

        With it a page can show what is new since a given day, and a day's briefing can be
        rebuilt as it stood then. Undated articles belong to no day.
        """
        by_day: dict[str, list[str]] = {}
        for a in self.articles:
            if a.day:
                by_day.setdefault(a.day, []).append(a.id)
        return dict(sorted(by_day.items()))

    @property
    def independent(self) -> list[Article]:
        copied = {c for cs in self.copies.values() for c in cs}
        return [a for a in self.articles if a.id not in copied]

    @property
    def first_date(self) -> str | None:
        dates = [a.date for a in self.articles if a.date]
        return min(dates) if dates else None

    @property
    def last_date(self) -> str | None:
        dates = [a.date for a in self.articles if a.date]
        return max(dates) if dates else None

    @property
    def regions(self) -> list[str]:
        return _ranked(r for a in self.articles for r in ([a.region] if a.region else []))

    @property
    def topics(self) -> list[str]:
        return _ranked(t for a in self.articles for t in a.topics[:1])

    @property
    def countries(self) -> list[str]:
        return _ranked(c for a in self.articles for c in a.countries[:1])


def _ranked(values) -> list[str]:
    """Distinct values, most frequent first, ties in order of first appearance."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: -counts[v])


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _date_str(value: Any) -> str | None:
    """YAML turns unquoted dates into date objects; keep them as ISO strings."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    return str(value)


def parse_iso(value: str | None) -> dt.datetime | None:
    """Parse an ISO 8601 date or date-time; naive values are taken as UTC."""
    if not value:
        return None
    try:
        d = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None
    return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)


# --- Markdown files with YAML front matter -------------------------------------------------


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: Any) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (same values, a tenth of
    the time): the data files are read on every start of a build or a batch."""
    return yaml.load(stream, Loader=_SafeLoader)


# libyaml's C emitter when PyYAML has it: writing front matter is a tenth of the cost.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """A safe dumper that never emits aliases and writes long strings unfolded."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.BaseDumper, value: str) -> yaml.Node:
    """Double-quote any string a plain or block scalar would not carry back exactly.

    YAML folds some characters (NEL, line and paragraph separators, control
    characters, surrounding spaces) unless the string is double-quoted with escapes.
    """
    if not value.isprintable() or value != value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def dump_front_matter(meta: dict[str, Any]) -> str:
    """Serialise front matter safely: plain data only, every string quoted as needed."""
    return yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def render_markdown(article: Article) -> str:
    """The whole article file: front matter between ``---`` lines, then the body."""
    body = article.body.strip("\n")
    return f"---\n{dump_front_matter(article.front_matter())}---\n\n{body}\n"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a Markdown file into (front matter, body). Text without front matter has none.

    Only the first ``---`` block at the very top counts, so a ``---`` inside the body
    never becomes front matter. Parsing is ``yaml.safe_load``: tags never run code.
    """
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, text
    end = text.find("\n---", first_nl)
    while end >= 0:
        line_end = text.find("\n", end + 1)
        line = text[end + 1 : line_end if line_end >= 0 else len(text)]
        if line.strip() == "---":
            break
        end = text.find("\n---", end + 1)
    if end < 0:
        return {}, text
    # libyaml's safe loader when present: ~10x faster, and the site reads every article per build.
    meta = yaml.load(text[first_nl + 1 : end + 1], Loader=_SafeLoader) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    rest = text[end + 1 :]
    body = rest.split("\n", 1)[1] if "\n" in rest else ""
    return meta, body.lstrip("\n")


def parse_article(text: str, path: str | None = None) -> Article:
    """Parse an article file's text into an Article."""
    meta, body = split_front_matter(text)
    return Article.from_front_matter(meta, body, path)
