"""The `digest` command as a user meets it: version, verbosity, a clear stop outside a site,
progress on a terminal only, and `digest serve` on a busy port."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import digest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples"


def digest_cmd(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300, **kw)


def test_version_is_the_package_version(tmp_path):
    done = digest_cmd("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"digest {digest.__version__}"  # the installed metadata: tests/test_packaging.py


def test_ingest_outside_a_site_stops_and_writes_nothing(tmp_path):
    src = next(SAMPLE.rglob("*.txt"))
    done = digest_cmd("ingest", str(src), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "digest: error: no mkdocs.yml here: run the command in your site's folder, give -f PATH/mkdocs.yml, "
        "or make a site with 'digest new DIR'"]
    assert list(tmp_path.iterdir()) == []
    # With --out the destination is given: no site needed.
    assert digest_cmd("ingest", str(src), "--out", "articles", cwd=tmp_path).returncode == 0
    assert list((tmp_path / "articles").rglob("*.md"))


def test_quiet_and_verbose_set_what_is_said(tmp_path):
    src = next(SAMPLE.rglob("*.txt"))
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ndocs_dir: content\nplugins:\n  - digest\n")
    normal = digest_cmd("ingest", str(src), cwd=tmp_path)
    assert normal.returncode == 0
    assert normal.stderr.splitlines() == [
        f"digest: 1 articles: 1 new, 0 updated, 0 unchanged; 0 duplicates skipped; 0 failed (in {tmp_path / 'content' / 'articles'})"]
    quiet = digest_cmd("ingest", str(src), "-q", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    verbose = digest_cmd("ingest", str(src), "--verbose", cwd=tmp_path)
    assert "digest: config: mkdocs.yml; articles in " in verbose.stderr
    assert "1 unchanged" in verbose.stderr
    assert digest_cmd("ingest", str(src), "-q", "-v", cwd=tmp_path).returncode == 2  # one or the other


def test_a_config_warning_is_a_warning_line_and_an_error_when_strict(tmp_path):
    src = next(SAMPLE.rglob("*.txt"))
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ndocs_dir: content\nplugins:\n  - digest:\n      colour: red\n")
    done = digest_cmd("ingest", str(src), "-q", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "digest: warning: mkdocs.yml: config value 'plugins': "
        "Plugin 'digest' option 'colour': Unrecognised configuration name: colour"]
    (tmp_path / "mkdocs.yml").write_text("strict: true\n" + (tmp_path / "mkdocs.yml").read_text())
    done = digest_cmd("ingest", str(src), "-q", cwd=tmp_path)
    assert done.returncode == 1 and "colour" in done.stderr and "strict: true" in done.stderr


def test_serve_on_a_busy_port_is_one_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ndocs_dir: content\nplugins:\n  - digest\n")
    (tmp_path / "content").mkdir()
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        done = digest_cmd("serve", "-a", f"127.0.0.1:{port}", cwd=tmp_path)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"digest: error: cannot serve on 127.0.0.1:{port}: ")
    assert f"make serve PORT={port + 1}" in line
    assert not (tmp_path / "site").exists()
