"""The ``digest`` plugin's options in mkdocs.yml (``plugins: - digest: {...}``), typed.

MkDocs validates these before a build, so a wrong type fails with the option's name.
``grouping`` maps key for key onto :class:`digest.group.GroupOptions`, which checks
the names itself (one list of knobs, kept with the code that uses them).
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DigestPluginConfig(base.Config):
    articles_dir = c.Type(str, default="articles")
    """Folder of article files, relative to the docs_dir (where ingest writes)."""

    feeds = c.Type(list, default=[])
    """Feeds ``digest fetch`` reads: addresses, or mappings {url, name, region, topic}
    (checked by digest.fetch.sources when fetch runs; the build does not use them)."""

    grouping = c.Type(dict, default={})
    """Grouping thresholds: any field of GroupOptions (story_threshold, window_days, ...)."""

    regions = c.Type(dict, default={})
    """Changes to the region scheme (digest/enrich/data/regions.yml): {Region: [ISO codes]}
    moves those countries to that region (a new name adds one; null drops a region).
    Ingest assigns regions with it, and the build re-derives every article's regions from
    its countries with it, so a change shows without re-ingesting."""

    topics = c.Type(dict, default={})
    """Changes to the topic lexicon (digest/enrich/data/topics.yml), read by ingest."""

    keep_days = c.Type(int, default=0)
    """Keep article pages for the newest N days only (0 keeps all). Older days stay in the
    archive as briefings whose cards link to the original sources."""

    language = c.Optional(c.Type(str))
    """Language of the site's feeds (BCP 47); defaults to theme.language."""

    title = c.Type(str, default="Today's briefing")
    """Heading of the home page."""

    edition_hours = c.Type(int, default=24)
    """The home page is a rolling edition: the stories with coverage in this many hours
    before the newest article (topped up to ``top_stories`` from earlier ones when thin)."""

    top_stories = c.Type(int, default=10)
    """Story cards at the top of each daily briefing."""

    home_list_limit = c.Type(int, default=6)
    """Stories per region and per topic on the home page, and per topic on a day's page
    (a day's page lists all its stories by region): keeps briefings light on a phone."""

    list_limit = c.Type(int, default=20)
    """Stories per topic on a region page, and per region on a topic page."""

    feed_items = c.Type(int, default=50)
    """Entries per feed."""

    search = c.Type(bool, default=True)
    """Build the sharded search index and the search page."""

    search_shard_bytes = c.Type(int, default=48_000)
    """Largest search shard: bounds what one query word downloads."""
