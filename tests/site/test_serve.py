"""``mkdocs serve``: a new article shows on the next reload, and the build never loops."""
from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
import time
import urllib.request



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_new_article_shows_on_reload(tmp_path, kit):
    kit.write_config(tmp_path)
    kit.write_articles(tmp_path / "content")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(tmp_path / "mkdocs.yml")],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Lake Tarnova" in fetch(home)), log.read_text()
        newer = dataclasses.replace(
            kit.ARTICLES[4], id="bridge-1", title="Glass footbridge opens over the Quillon gorge", date="2031-03-06T09:00:00Z",
            summary="Walkers crossed the new glass footbridge at Quillon.", body="Walkers crossed the new glass footbridge at Quillon.",
        )
        kit.write_articles(tmp_path / "content", [newer])
        assert wait_for(lambda: "Glass footbridge opens" in fetch(home)), log.read_text()
        time.sleep(3)  # a build that wrote into the docs_dir would trigger another, and another
        builds = log.read_text().count("Building documentation")
        assert builds == 2, log.read_text()
        assert any((tmp_path / ".cache" / "digest").iterdir())  # the grouping cache, beside mkdocs.yml
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
