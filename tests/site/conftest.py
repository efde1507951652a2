"""Small fictional articles and a helper that builds a real site from them with MkDocs.

The events are invented (a ferry on a lake, a comet, a festival); countries and agency
names are real facts. One headline is hostile markup, to prove nothing runs in a reader's
browser.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest.model import Article, render_markdown

REPO = Path(__file__).resolve().parents[2]

FERRY_BODY = (
    "A passenger ferry capsized on Lake Tarnova near the port of Velmora on Tuesday, "
    "and rescuers pulled 41 survivors from the cold water, the regional coastguard said. "
    "The Velmora coastguard said the ferry Swallowtail was carrying 63 people when a squall "
    "struck. Divers searched the hull overnight. The transport minister ordered an inquiry "
    "into the ferry operator and its safety certificates."
)

ARTICLES = [
    Article(
        id="ferry-1", title="Ferry capsizes on Lake Tarnova, dozens rescued near Velmora",
        summary="Rescuers pulled 41 survivors from Lake Tarnova after the ferry Swallowtail capsized in a squall.",
        date="2031-03-04T08:10:00Z", source="Lakeside Gazette", url="https://lakeside.example/ferry",
        dateline="VELMORA", agency="AFP", region="europe", regions=["europe"], countries=["HR"],
        topics=["disaster-accident-emergency"], image="The hull of the Swallowtail (Photo: J. Doe)",
        lang="en", body=FERRY_BODY,
    ),
    Article(
        id="ferry-1-copy", title="Ferry capsizes on Lake Tarnova, dozens rescued",
        summary="Rescuers pulled 41 survivors from Lake Tarnova after the ferry Swallowtail capsized in a squall.",
        date="2031-03-04T09:00:00Z", source="Evening Courier", url="https://courier.example/ferry-afp",
        dateline="VELMORA", agency="AFP", region="europe", regions=["europe"], countries=["HR"],
        topics=["disaster-accident-emergency"], body=FERRY_BODY,
    ),
    Article(
        id="ferry-2", title="Swallowtail ferry disaster: Velmora coastguard ends night search on Lake Tarnova",
        summary="Divers searched the capsized Swallowtail ferry overnight on Lake Tarnova; 41 survivors were rescued.",
        date="2031-03-05T06:30:00Z", source="Adriatic Wire", url="https://adriatic.example/swallowtail",
        region="europe", regions=["europe"], countries=["HR"], topics=["disaster-accident-emergency"],
        body=(
            "The Velmora coastguard ended its overnight search of the capsized Swallowtail ferry on Lake "
            "Tarnova on Wednesday. Divers found no further survivors inside the hull; 41 people were rescued "
            "on Tuesday after the squall. The ferry operator said its safety certificates were valid."
        ),
    ),
    Article(
        id="ferry-3", title="Lake Tarnova ferry: minister orders inquiry into Swallowtail operator",
        summary="The transport minister ordered an inquiry after the Swallowtail ferry capsized near Velmora.",
        date="2031-03-05T11:45:00Z", source="Daily Meridian", url="https://meridian.example/inquiry",
        region="europe", regions=["europe"], countries=["HR"], topics=["politics", "disaster-accident-emergency"],
        body=(
            "The transport minister ordered an inquiry into the operator of the Swallowtail, the ferry that "
            "capsized on Lake Tarnova near Velmora with 63 people aboard. Survivors told the coastguard the "
            "squall struck without warning. The inquiry will examine safety certificates."
        ),
    ),
    Article(
        id="comet-1", title="Kestrel Peak observatory spots a new comet heading for the inner solar system",
        summary="Astronomers at the Kestrel Peak observatory found comet K-2031 beyond the orbit of Jupiter.",
        date="2031-03-05T14:00:00Z", source="Science Ledger", url="https://ledger.example/comet",
        region="south-america", regions=["south-america"], countries=["CL"], topics=["science-technology"],
        body=(
            "Astronomers at the Kestrel Peak observatory in the Atacama discovered comet K-2031, now beyond the "
            "orbit of Jupiter. The comet could be visible to the naked eye next winter, the observatory said."
        ),
    ),
    Article(
        id="comet-2", title="New comet K-2031 found by Kestrel Peak astronomers may be visible next winter",
        summary="Comet K-2031, discovered at the Kestrel Peak observatory in the Atacama, may brighten next winter.",
        date="2031-03-05T18:20:00Z", source="Andes Times", url="https://andes.example/k2031",
        region="south-america", regions=["south-america"], countries=["CL"], topics=["science-technology"],
        body=(
            "Comet K-2031 was discovered by astronomers at the Kestrel Peak observatory in the Atacama desert. "
            "Beyond the orbit of Jupiter now, the comet may be visible to the naked eye next winter."
        ),
    ),
    Article(
        id="festival-1", title="<script>alert('x')</script> Lantern festival draws record crowds",
        summary="Organisers counted <b>record</b> crowds at the riverside lantern festival in Hoi Lanh.",
        date="2031-03-03T20:00:00Z", source="Mekong Weekly", url="javascript:alert(1)",
        region="southeast-asia", regions=["southeast-asia"], countries=["VN"],
        topics=["arts-culture-entertainment-media"],
        body="Organisers of the lantern festival in Hoi Lanh counted record crowds along the river.",
    ),
]


def write_articles(docs_dir: Path, articles: list[Article] = ARTICLES) -> list[Path]:
    """Write articles where ingest would (articles/YYYY/MM/DD/<id>.md)."""
    paths = []
    for a in articles:
        p = docs_dir / "articles" / a.day.replace("-", "/") / f"{a.id}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(render_markdown(a), encoding="utf-8")
        paths.append(p)
    return paths


def write_config(root: Path, plugin_options: str = "") -> Path:
    """The repository's mkdocs.yml, pointed at the repository's theme; plugin_options
    ('key: value' lines) replace the values of the options the file sets, or are added."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    for line in plugin_options.splitlines():
        key = line.split(":", 1)[0].strip()
        text, n = re.subn(rf"^      {key}:.*$", f"      {line.strip()}", text, flags=re.M)
        if not n:  # an option the file leaves at its default
            text, n = re.subn(r"^  - digest:.*$", f"  - digest:\n      {line.strip()}", text, count=1, flags=re.M)
        assert n == 1, "mkdocs.yml has no digest plugin"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "about.md").write_text("# About\n\nA test site.\n", encoding="utf-8")
    return root / "mkdocs.yml"


def build(root: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run a real ``mkdocs build`` in root; raises with MkDocs' output when it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")] + (["--strict"] if strict else [])
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode:
        raise AssertionError(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return done


def export(config: Path, out: Path) -> subprocess.CompletedProcess:
    """Run a real ``digest export out -f config``; raises with its output when it fails."""
    done = subprocess.run([sys.executable, "-m", "digest", "export", str(out), "-f", str(config)], capture_output=True, text=True)
    if done.returncode:
        raise AssertionError(f"digest export failed:\n{done.stderr}")
    return done


ZENSICAL_TOML = """\
[project]
site_name = "News Digest"
extra_css = ["assets/stylesheets/digest.css"]
extra_javascript = ["assets/javascripts/digest-time.js"]
nav = ["index.md", "days/index.md", "regions/index.md", "topics/index.md", "search/index.md"]
"""  # as README.md shows it (docs/ and site/ are Zensical's defaults)


def zensical(project: Path) -> Path:
    """Build project/docs (an export) with Zensical, --strict, and return its site folder."""
    pytest.importorskip("zensical", reason="zensical is not installed (pip install -e '.[test]')")
    (project / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", str(project / "zensical.toml")],
                          cwd=project, capture_output=True, text=True, timeout=600)
    if done.returncode:
        raise AssertionError(f"zensical build failed:\n{done.stdout}\n{done.stderr}")
    return project / "site"


@pytest.fixture(scope="session")
def kit():
    """The helpers above, for test modules (conftest is not importable under importlib mode)."""
    return SimpleNamespace(ARTICLES=ARTICLES, build=build, write_articles=write_articles, write_config=write_config,
                           export=export, zensical=zensical)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One site built from ARTICLES, shared by the tests that only read it."""
    root = tmp_path_factory.mktemp("digest-site")
    write_config(root)
    write_articles(root / "content")
    before = sorted(p.relative_to(root / "content") for p in (root / "content").rglob("*"))
    build(root)
    after = sorted(p.relative_to(root / "content") for p in (root / "content").rglob("*"))
    assert before == after, "the build wrote into the docs_dir"
    return root / "site"
