"""A static-site news digest: ingest articles, group them into stories, build a briefing site.

The stages, in the order data flows: ``ingest`` (inputs to article files), ``enrich``
(geography, topics), ``store`` (the content folder), ``group`` (wire copies, stories,
briefings) and ``site`` (the MkDocs plugin). See digest/README.md.
"""

__version__ = "0.2.0"
