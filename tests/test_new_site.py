"""`digest new DIR`: a site of your own, without the sample articles, that builds and serves."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

import digest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_a_new_site_has_its_own_name_and_no_samples(tmp_path):
    run("digest", "new", "harbour", "--name", "Harbour: the brief", "--url", "https://brief.example.net/", cwd=tmp_path)
    site = tmp_path / "harbour"
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert config["site_name"] == "Harbour: the brief" and config["site_url"] == "https://brief.example.net/"
    assert [p.name for p in (site / "content" / "articles").iterdir()] == [".gitkeep"]
    assert not list(site.rglob("*.md"))
    # The publishing workflow is the one this repository runs, and installs this version.
    workflow = site / ".github" / "workflows" / "publish.yml"
    assert workflow.read_text() == (ROOT / ".github" / "workflows" / "publish.yml").read_text()
    assert f"news-digest=={digest.__version__}" in (site / "requirements.txt").read_text().splitlines()
    assert (site / "constraints.txt").read_text() == (ROOT / "digest" / "scaffold" / "constraints.txt").read_text()
    # An existing folder with files in it is left alone.
    again = subprocess.run([sys.executable, "-m", "digest", "new", "harbour"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 1
    assert again.stderr.strip() == "digest: error: harbour: already exists and is not an empty folder; choose a new one"


def test_a_new_site_builds_empty_then_with_an_article_and_serves(tmp_path):
    run("digest", "new", "brief", cwd=tmp_path)
    site = tmp_path / "brief"
    run("mkdocs", "build", "--strict", cwd=site)  # no articles yet: still a site
    assert (site / "site" / "index.html").is_file()

    src = next((ROOT / "samples").rglob("*.txt"))
    run("digest", "ingest", str(src), cwd=site)
    (article,) = (site / "content" / "articles").rglob("*.md")
    run("mkdocs", "build", "--strict", cwd=site)
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    title = yaml.safe_load(article.read_text(encoding="utf-8").split("---")[1])["title"]
    assert "Brief" in home and title.split()[0] in home
    # The digest's styles come from the installed package (the site has no theme folder).
    assert (site / "site" / "assets" / "stylesheets" / "digest.css").is_file()
    assert not (site / "theme").exists()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "digest", "serve", "-a", f"127.0.0.1:{port}"], cwd=site, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert title.split()[0] in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
