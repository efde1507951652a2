"""The digest's options, read from mkdocs.yml: one config for the site and the commands.

The command line reads mkdocs.yml without MkDocs itself, because ingest must not
need a site build. Material configs carry YAML tags such as ``!!python/name:``; they
are read as plain strings here and never resolved, so reading a config runs no code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag as the plain value underneath it."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:", _unknown_tag)


@dataclass
class DigestConfig:
    """Where the site's content lives and the ``digest`` plugin's options."""

    config_file: Path | None
    docs_dir: Path
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_dir(self) -> Path:
        return self.docs_dir / str(self.options.get("articles_dir", "articles"))


def load_config(config_file: str | Path | None = None) -> DigestConfig:
    """Read mkdocs.yml (the given one, or ./mkdocs.yml when present)."""
    path = Path(config_file) if config_file else Path("mkdocs.yml")
    if not path.exists():
        if config_file:
            raise FileNotFoundError(f"{path}: no such config file")
        return DigestConfig(None, Path("content"))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    docs_dir = path.parent / str(data.get("docs_dir", "docs"))
    return DigestConfig(path, docs_dir, plugin_options(data))


def plugin_options(data: dict[str, Any]) -> dict[str, Any]:
    """The options given to the ``digest`` plugin in a parsed mkdocs.yml."""
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "digest" in entry:
            return dict(entry["digest"] or {})
    return {}
