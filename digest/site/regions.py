"""A site's own region scheme: regions re-derived from each article's countries.

Ingest assigns regions in the project's default scheme; a site that groups the world
differently (by newsroom desk, say) names its regions in a YAML file and the plugin
re-derives ``region``/``regions`` from ``countries`` at build time, leaving the files
untouched.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from ..model import Article


@dataclasses.dataclass(frozen=True)
class RegionScheme:
    names: dict[str, str]  # region slug -> display name
    of_country: dict[str, str]  # ISO 3166-1 alpha-2 (upper case) -> region slug


def load_scheme(path: str | Path) -> RegionScheme:
    """Read ``{slug: {name: ..., countries: [...]}}``; a country listed twice keeps its first region."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a region scheme is a mapping of region slugs")
    names: dict[str, str] = {}
    of_country: dict[str, str] = {}
    for slug, spec in data.items():
        spec = spec or {}
        names[str(slug)] = str(spec.get("name") or slug)
        for code in spec.get("countries") or []:
            of_country.setdefault(str(code).upper(), str(slug))
    return RegionScheme(names, of_country)


def apply_scheme(article: Article, scheme: RegionScheme) -> Article:
    """The article with region and regions taken from its countries under the scheme."""
    regions = list(dict.fromkeys(r for c in article.countries if (r := scheme.of_country.get(c.upper()))))
    return dataclasses.replace(article, region=regions[0] if regions else None, regions=regions)
