"""The sample site builds with MkDocs and with ProperDocs (the continuation of MkDocs 1.6),
both --strict, into the same pages: the way off MkDocs' end of life is tested, not assumed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build(tool: str, out: Path) -> set[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", tool, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "digest: 0 articles" not in done.stderr  # the plugin ran, on the sample articles
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    pytest.importorskip("properdocs")
    base = tmp_path_factory.mktemp("sample")
    return {tool: (base / tool, build(tool, base / tool)) for tool in ("mkdocs", "properdocs")}


def test_both_builders_write_the_same_pages(sites):
    (_, with_mkdocs), (_, with_properdocs) = sites["mkdocs"], sites["properdocs"]
    assert with_mkdocs == with_properdocs
    assert {"index.html", "feeds/all.xml", "feeds/all.json", "search/index.html"} <= with_properdocs
    assert any(p.startswith("stories/") and p.endswith("index.html") for p in with_properdocs)


def test_properdocs_pages_carry_the_briefing(sites):
    out, files = sites["properdocs"]
    home = (out / "index.html").read_text(encoding="utf-8")
    stories = [p for p in sorted(files) if p.startswith("stories/") and p.endswith("/index.html")]
    assert any(f"stories/{p.split('/')[1]}/" in home for p in stories)  # the home page links stories
    assert "<h1" in (out / stories[0]).read_text(encoding="utf-8")
    assert "<entry>" in (out / "feeds" / "all.xml").read_text(encoding="utf-8")
