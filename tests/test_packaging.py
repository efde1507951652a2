"""Installed as a user installs it: `pip install .` into a fresh venv, with the pip that comes
with Python, must give a working program, HTML path included (trafilatura needs lxml's HTML
cleaner, a separate package), with its data files, templates and site parts."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import digest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "ingest" / "fixtures" / "pages" / "harbour_story.html"


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh venv with the project installed from a copy of the source, as a user would."""
    base = tmp_path_factory.mktemp("fresh")
    # A copy, so the build leaves nothing in the checkout (setuptools' build/ would keep
    # modules the source no longer has and ship them in later wheels).
    source = base / "source"
    outputs = {".git", ".venv", "build", "site", ".cache", "node_modules"}  # at the top only: digest/site is code
    shutil.copytree(ROOT, source, symlinks=True, ignore=lambda folder, names: [
        n for n in names if (Path(folder) == ROOT and n in outputs) or n.endswith(".egg-info") or n == "__pycache__"])
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True, timeout=300)
    bin_dir = base / "venv" / "bin"
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(source)],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600)


def test_the_html_path_works_in_a_fresh_install(venv, tmp_path):
    done = run(venv, "digest", "ingest", str(HTML), "--out", "articles", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (article,) = (tmp_path / "articles").rglob("*.md")
    text = article.read_text(encoding="utf-8")
    assert text.startswith("---\nid: ") and "\ntitle: " in text and len(text.split("\n---\n", 1)[1]) > 200


def test_the_installed_metadata_has_the_one_version(venv, tmp_path):
    done = run(venv, "python", "-c", "import importlib.metadata as m; print(m.version('news-digest'))", cwd=tmp_path)
    assert done.stdout.strip() == digest.__version__
    assert run(venv, "digest", "--version", cwd=tmp_path).stdout.strip() == f"digest {digest.__version__}"


def test_a_new_site_builds_with_the_installed_package(venv, tmp_path):
    """The site parts and the templates ship in the wheel: a new site builds, styled."""
    assert run(venv, "digest", "new", "site", cwd=tmp_path).returncode == 0
    done = run(venv, "mkdocs", "build", "--strict", cwd=tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "site" / "assets" / "stylesheets" / "digest.css").is_file()
    # Topic learning is an extra: without scikit-learn, asking for it is a config error that says so.
    config = tmp_path / "site" / "mkdocs.yml"
    config.write_text(config.read_text() + "      topics: {learn: {from: content}}\n")
    done = run(venv, "mkdocs", "build", "--strict", cwd=tmp_path / "site")
    assert done.returncode == 1 and "pip install 'news-digest[learn]'" in done.stderr


def test_the_daily_builds_constraints_pin_every_dependency():
    """A dependency added to pyproject.toml must be pinned too (make constraints re-pins)."""
    import re
    import tomllib

    def name(requirement: str) -> str:
        return re.split(r"[<>=!~\[;@ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    declared = {name(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    lines = (ROOT / "digest" / "scaffold" / "constraints.txt").read_text().splitlines()
    pinned = {name(line) for line in lines if line and not line.startswith("#") and "==" in line}
    assert declared - pinned == set(), "run make constraints"
