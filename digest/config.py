"""The site's mkdocs.yml, read for the ``digest`` commands as MkDocs itself reads it.

MkDocs' own loader and schema do the work (``INHERIT``, ``!ENV``, ``!relative``, paths
relative to the file, the ``digest`` plugin's typed options in digest/site/config.py),
so a command sees exactly the values a build would, and a bad value stops a command with
the same message that stops ``mkdocs build``. Nothing is built: validation loads the
plugin classes but runs none of their events.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("digest")

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class ConfigError(ValueError):
    """mkdocs.yml is missing or invalid; the message has one line per problem."""


@dataclass
class DigestConfig:
    """Where the site's content lives and the ``digest`` plugin's options, as plain data."""

    config_file: Path | None
    docs_dir: Path
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_dir(self) -> Path:
        return self.docs_dir / str(self.options.get("articles_dir", "articles"))


def find_config(config_file: str | Path | None = None) -> Path | None:
    """The given file, or mkdocs.yml (or mkdocs.yaml) in the working folder, as MkDocs looks for it."""
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        return path
    return next((Path(name) for name in CONFIG_NAMES if Path(name).is_file()), None)


def load_config(config_file: str | Path | None = None, *, required: bool = True) -> DigestConfig:
    """Read and validate mkdocs.yml; without one (and not ``required``) the options' defaults.

    Warnings (an unknown option, say) are logged, and are errors when the file sets
    ``strict: true``, as in a build.
    """
    path = find_config(config_file)
    if path is None:
        if required:
            raise ConfigError("no mkdocs.yml here: run the command in your site's folder, give -f PATH/mkdocs.yml, "
                              "or make a site with 'digest new DIR'")
        return DigestConfig(None, Path("docs"), default_options())
    from mkdocs.exceptions import ConfigurationError

    config = _command_config()(config_file_path=str(path))
    try:
        with path.open("rb") as f:
            config.load_file(f)
        errors, warnings = config.validate()
    except ConfigurationError as e:
        raise ConfigError(f"{path}: {e}") from None
    problems = [f"{path}: config value '{key}': {message}" for key, message in errors]
    if config.strict:
        problems += [f"{path}: config value '{key}': {message} (an error with strict: true)" for key, message in warnings]
    else:
        for key, message in warnings:
            log.warning("%s: config value '%s': %s", path, key, message)
    if problems:
        raise ConfigError("\n".join(problems))
    plugin = config.plugins.get("digest")
    if plugin is None:
        log.warning("%s: the digest plugin is not in plugins: (the site will show articles as plain pages)", path)
        options = default_options()
    else:
        options = _plain(plugin.config)
    return DigestConfig(path, Path(config.docs_dir), options)


def _command_config() -> type:
    """MkDocs' schema, except that the docs_dir may not exist yet: ingest and fetch create it."""
    from mkdocs.config import config_options as c
    from mkdocs.config.defaults import MkDocsConfig

    class CommandConfig(MkDocsConfig):
        docs_dir = c.DocsDir(default="docs", exists=False)

    return CommandConfig


def default_options() -> dict[str, Any]:
    """The plugin's options when mkdocs.yml sets none."""
    from .site.config import DigestPluginConfig

    config = DigestPluginConfig()
    errors, _ = config.validate()
    assert not errors, errors
    return _plain(config)


def _plain(config: Any) -> dict[str, Any]:
    from .site.config import plain

    return plain(config)
