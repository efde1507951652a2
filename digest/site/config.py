"""The ``digest`` plugin's options in mkdocs.yml (``plugins: - digest: {...}``): the one schema.

MkDocs validates these before a build, and the ``digest`` commands validate the same
mkdocs.yml with the same classes (digest/config.py), so a wrong value fails everywhere
with the option's name: ``Plugin 'digest' option 'grouping': Sub-option 'story_threshold':
expected a number from 0 to 1, got 7``.

Defaults are written once: grouping's in :class:`digest.group.GroupOptions`, the topic
settings in ``digest/enrich/data/topics.yml``, the region scheme in
``digest/enrich/data/regions.yml``; the schema reads them from there.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..enrich.geo_regions import load_region_scheme
from ..enrich.topics import Settings
from ..group.options import GroupOptions
from ..model import TOPIC_SLUGS


class Number(c.Type):
    """An int or float within a range (a bool is not a number here, though Python says it is)."""

    def __init__(self, kind: type, *, min: float | None = None, max: float | None = None, default: Any = None):
        super().__init__(kind, default=default)
        self.kind, self.min, self.max = kind, min, max

    def run_validation(self, value: object) -> Any:
        ok_types = (int, float) if self.kind is float else (int,)
        if isinstance(value, bool) or not isinstance(value, ok_types) or not self.min_ok(value) or not self.max_ok(value):
            raise base.ValidationError(f"expected {self.describe()}, got {value!r}")
        return self.kind(value)

    def min_ok(self, value: float) -> bool:
        return self.min is None or value >= self.min

    def max_ok(self, value: float) -> bool:
        return self.max is None or value <= self.max

    def describe(self) -> str:
        what = "a whole number" if self.kind is int else "a number"
        if self.min is not None and self.max is not None:
            return f"{what} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{what} of at least {self.min:g}"
        return what if self.max is None else f"{what} of at most {self.max:g}"


class Strict(c.SubConfig):
    """A SubConfig where an unknown key is an error, not a warning: a misspelt threshold
    would otherwise be ignored and the build would go on with the default."""

    def __init__(self, config_class: type[base.Config], *, optional: bool = False) -> None:
        super().__init__(config_class)
        self.config_class = config_class  # SubConfig sets it only for itself, not for subclasses
        self.optional = optional
        if optional:
            self.default = None

    def run_validation(self, value: object) -> Any:
        if value is None and self.optional:
            return None
        if isinstance(value, dict):
            known = [key for key, _ in self.config_class._schema]
            unknown = sorted(str(k) for k in value if k not in known)
            if unknown:
                raise base.ValidationError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(known)}")
        return super().run_validation(value)


def _default(name: str) -> Any:
    return next(f.default for f in fields(GroupOptions) if f.name == name)


class GroupingConfig(base.Config):
    """Story thresholds and time window; each is described on :class:`GroupOptions`."""

    copy_threshold = Number(float, min=0, max=1, default=_default("copy_threshold"))
    copy_shingle = Number(int, min=1, max=20, default=_default("copy_shingle"))
    # Similarities run from 0 to 1, times short_boost (at most 2) for short reports.
    story_threshold = Number(float, min=0, max=2, default=_default("story_threshold"))
    window_days = Number(float, min=0.01, default=_default("window_days"))
    neighbours = Number(int, min=0, default=_default("neighbours"))
    neighbour_ratio = Number(float, min=0, max=1, default=_default("neighbour_ratio"))
    direct_weight = Number(float, min=0, max=1, default=_default("direct_weight"))
    min_direct = Number(float, min=0, max=1, default=_default("min_direct"))
    short_direct_weight = Number(float, min=0, max=1, default=_default("short_direct_weight"))
    entity_weight = Number(float, min=0, default=_default("entity_weight"))
    title_weight = Number(int, min=0, default=_default("title_weight"))
    block_terms = Number(int, min=1, default=_default("block_terms"))
    block_min_shared = Number(int, min=1, default=_default("block_min_shared"))
    block_max_df = Number(int, min=2, default=_default("block_max_df"))
    shared_terms = Number(int, min=0, default=_default("shared_terms"))
    short_terms = Number(int, min=0, default=_default("short_terms"))
    short_boost = Number(float, min=0.5, max=2, default=_default("short_boost"))
    pool_threshold = Number(float, min=0, max=1, default=_default("pool_threshold"))
    follow_up_ratio = Number(float, min=0, max=2, default=_default("follow_up_ratio"))
    follow_up_days = Number(float, min=0, default=_default("follow_up_days"))
    apart_min_reports = Number(int, min=0, default=_default("apart_min_reports"))
    apart_cover = Number(float, min=0, max=1, default=_default("apart_cover"))


class RegionCountries(c.ListOfItems):
    """The ISO codes moved into one region: a list, one code, or null (drop the region).
    YAML's bare NO (Norway) reads as false and is taken as NO."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> list[str]:
        if value is None:
            return []
        if isinstance(value, (str, bool)):
            value = [value]
        if isinstance(value, list):
            value = ["NO" if v is False else v for v in value]
        return [code.upper() for code in super().run_validation(value)]


class Regions(c.DictOfItems):
    """``{Region: [ISO codes]}``, checked by building the scheme (unknown codes are refused)."""

    def __init__(self) -> None:
        super().__init__(RegionCountries(), default={})

    def run_validation(self, value: object) -> dict[str, list[str]]:
        regions = super().run_validation(value)
        try:
            load_region_scheme(regions)
        except ValueError as e:
            raise base.ValidationError(str(e)) from None
        return regions


class FeedConfig(base.Config):
    url = c.URL()
    """The feed's address (RSS, Atom or JSON Feed)."""
    name = c.Optional(c.Type(str))
    """The articles' source (default: the feed's title)."""
    region = c.Optional(c.Type(str))
    """A region of the site's scheme, used when geography finds none."""
    topic = c.Optional(c.Choice(TOPIC_SLUGS))
    """An IPTC topic slug, used when no topic is found."""


class Feed(Strict):
    """A feed: its address, or a mapping ``{url, name, region, topic}``."""

    def __init__(self) -> None:
        super().__init__(FeedConfig)

    def run_validation(self, value: object) -> Any:
        config = super().run_validation({"url": value} if isinstance(value, str) else value)
        if config["url"].split(":", 1)[0] not in ("http", "https"):
            raise base.ValidationError(f"not an http(s) feed address: {config['url']!r}")
        return config


class Feeds(c.ListOfItems):
    def __init__(self) -> None:
        super().__init__(Feed(), default=[])

    def run_validation(self, value: object) -> list[Any]:
        """Each feed in turn, so that an error says which one (``feed 2: ...``)."""
        if value is None:  # "feeds:" with nothing under it
            return []
        if not isinstance(value, list):
            raise base.ValidationError(f"expected a list of feeds, got {value!r}")
        self.option_type.pre_validation(self._config, self._key_name)
        out = []
        for n, item in enumerate(value, 1):
            try:
                out.append(self.option_type.run_validation(item))
            except base.ValidationError as e:
                raise base.ValidationError(f"feed {n}: {e}") from None
        return out

    def post_validation(self, config: base.Config, key_name: str) -> None:
        """A feed's region must be one the site has (its region scheme with the site's changes)."""
        scheme = load_region_scheme(config.get("regions") or None)
        for n, feed in enumerate(config[key_name] or [], 1):
            if feed["region"] is not None and feed["region"] not in scheme.regions:
                raise base.ValidationError(
                    f"feed {n} ({feed['url']}): region {feed['region']!r} is not one of: {', '.join(scheme.regions)}")


class TermWeights(c.BaseConfigOption):
    """``{term: weight}``, or ``{weight: [term, ...]}`` groups; a weight of 0 removes a term."""

    def run_validation(self, value: object) -> dict[str, float]:
        from ..enrich.topics import term_weights

        if not isinstance(value, dict):
            raise base.ValidationError(f"expected a mapping of terms to weights, got {value!r}")
        for key, weight in value.items():
            numbers = [key] if isinstance(weight, list) else [weight]
            if any(isinstance(x, bool) or not isinstance(x, (int, float)) or x < 0 for x in numbers):
                raise base.ValidationError(f"{key!r}: a weight is a number of at least 0")
        return term_weights(value)


class TopicSpec(base.Config):
    terms = c.Optional(TermWeights())
    sections = c.ListOfItems(c.Type(str), default=[])
    """Words of section labels and URL folders that point at the topic."""
    scale = c.Optional(Number(float, min=0))
    replace = c.Type(bool, default=False)
    """Drop the shipped terms and sections of the topic first."""


class LanguageTopicSpec(base.Config):
    terms = c.Optional(TermWeights())
    sections = c.ListOfItems(c.Type(str), default=[])


class Languages(c.DictOfItems):
    """Terms read only in news of one language, keyed by its code: ``{de: {sport: {terms: {4: [...]}}}}``."""

    def __init__(self) -> None:
        super().__init__(BySlug(Strict(LanguageTopicSpec)), default={})

    def run_validation(self, value: object) -> dict[str, Any]:
        out = super().run_validation(value)
        bad = sorted(str(k) for k in out if not (isinstance(k, str) and k.isalpha() and k.islower() and len(k) in (2, 3)))
        if bad:
            raise base.ValidationError(f"not language codes (like de, fr, es): {', '.join(bad)}")
        return out


class FrameSpec(base.Config):
    terms = c.Optional(TermWeights())
    leads = c.Optional(c.Type(bool))
    holds = c.Optional(c.Type(bool))


class BySlug(c.DictOfItems):
    """A mapping keyed by IPTC topic slugs."""

    def run_validation(self, value: object) -> dict[str, Any]:
        out = super().run_validation(value)
        unknown = sorted(set(out) - set(TOPIC_SLUGS))
        if unknown:
            raise base.ValidationError(f"not IPTC topic slugs: {', '.join(unknown)}")
        return out


class LearnConfig(base.Config):
    from_ = c.Dir(exists=True)
    """Folder of articles whose topics a person set (relative to mkdocs.yml)."""
    min_examples = Number(int, min=1, default=200)
    """Fewer labelled articles than this learn nothing."""


class Learn(Strict):
    """``learn:`` needs scikit-learn, an optional extra: say so when the config is read."""

    def __init__(self) -> None:
        super().__init__(LearnConfig, optional=True)

    def run_validation(self, value: object) -> Any:
        import importlib.util

        if value is not None and importlib.util.find_spec("sklearn") is None:
            raise base.ValidationError("learning topics needs scikit-learn: pip install 'news-digest[learn]'")
        return super().run_validation(value)


# One optional number per field of the topic Settings; their defaults are in topics.yml.
TopicSettings = type("TopicSettings", (base.Config,), {
    f.name: c.Optional(Number(int if f.type == "int" else float, min=0)) for f in fields(Settings)})


class TopicsConfig(base.Config):
    """Changes to the topic lexicon (digest/enrich/data/topics.yml, same shape), read by ingest."""

    settings = Strict(TopicSettings)
    topics = BySlug(Strict(TopicSpec), default={})
    frames = BySlug(Strict(FrameSpec), default={})
    languages = Languages()
    learn = Learn()
    """Refine the lexicon from hand-labelled articles: ``{from: DIR, min_examples: N}``."""


class DigestPluginConfig(base.Config):
    articles_dir = c.Type(str, default="articles")
    """Folder of article files, relative to the docs_dir (where ingest writes)."""

    feeds = Feeds()
    """Feeds ``digest fetch`` reads: addresses, or mappings {url, name, region, topic}."""

    grouping = Strict(GroupingConfig)
    """Grouping thresholds: any field of GroupOptions (story_threshold, window_days, ...)."""

    regions = Regions()
    """Changes to the region scheme (digest/enrich/data/regions.yml): {Region: [ISO codes]}
    moves those countries to that region (a new name adds one; null drops a region).
    Ingest assigns regions with it, and the build re-derives every article's regions from
    its countries with it, so a change shows without re-ingesting."""

    topics = Strict(TopicsConfig)
    """Changes to the topic lexicon (digest/enrich/data/topics.yml), read by ingest."""

    keep_days = Number(int, min=0, default=0)
    """Keep article pages for the newest N days only (0 keeps all). Older days stay in the
    archive as briefings whose cards link to the original sources."""

    language = c.Optional(c.Type(str))
    """Language of the site's feeds (BCP 47); defaults to theme.language."""

    title = c.Type(str, default="Today's briefing")
    """Heading of the home page."""

    edition_hours = Number(int, min=1, default=24)
    """The home page is a rolling edition: the stories with coverage in this many hours
    before the newest article (reaching back by whole steps of it while fewer than
    ``top_stories`` stories had coverage)."""

    top_stories = Number(int, min=1, default=10)
    """Story cards at the top of each daily briefing."""

    home_list_limit = c.Deprecated(message="'home_list_limit' is no longer used: the home page is a "
                                   "rolling edition that lists each story once; remove it", option_type=c.Type(int))

    list_limit = Number(int, min=1, default=20)
    """Stories per topic on a region page, and per region on a topic page."""

    feed_items = Number(int, min=1, default=50)
    """Entries per feed."""

    search = c.Type(bool, default=True)
    """Build the sharded search index and the search page."""

    search_shard_bytes = Number(int, min=4_000, default=48_000)
    """Largest search shard: bounds what one query word downloads."""


def plain(value: Any) -> Any:
    """Validated options as plain data (dicts, lists, numbers) for the pure parts of the digest
    (GroupOptions, the topic override, feed specs). Options left unset or empty are left out,
    so an empty ``topics:`` is no override at all; a region mapped to [] (dropped) stays."""
    if isinstance(value, base.Config):
        items = ((key, plain(v)) for key, v in value.items())
        return {key: v for key, v in items if v is not None and v != {} and v != []}
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
