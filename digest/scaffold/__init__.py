"""``digest new DIR``: a fresh site of your own, without the sample articles.

The files beside this module are its parts: ``mkdocs.yml`` (site name and address filled
in), ``publish.yml`` (the daily publishing workflow, the same file this repository runs)
and ``gitignore``. The digest's templates and styles are not copied: the plugin adds them
from the installed package, so an upgrade reaches every site.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import __version__

PARTS = Path(__file__).parent


@dataclass(frozen=True)
class NewSite:
    root: Path
    files: list[Path]


def new_site(root: Path, site_name: str, site_url: str | None = None, package: str | None = None) -> NewSite:
    """Write the site's files into root (new, or an empty folder); refuse to overwrite anything."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise FileExistsError(f"{root}: already exists and is not an empty folder; choose a new one")
    url_line = f"site_url: {json.dumps(site_url)}" if site_url else \
        "# site_url: https://you.github.io/your-repo/   # where the site is published: feeds need it"
    config = (PARTS / "mkdocs.yml").read_text(encoding="utf-8").format(
        site_name=json.dumps(site_name, ensure_ascii=False), site_url_line=url_line)
    requirement = package or f"news-digest=={__version__}"
    files = {
        "mkdocs.yml": config,
        ".github/workflows/publish.yml": (PARTS / "publish.yml").read_text(encoding="utf-8"),
        ".gitignore": (PARTS / "gitignore").read_text(encoding="utf-8"),
        "requirements.txt": "# What the daily build installs (.github/workflows/publish.yml).\n"
                            f"-c constraints.txt\n{requirement}\n",
        "constraints.txt": (PARTS / "constraints.txt").read_text(encoding="utf-8"),
        "content/articles/.gitkeep": "",
    }
    written = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return NewSite(root, written)
