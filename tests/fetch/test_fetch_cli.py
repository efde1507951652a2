"""``digest fetch`` on the command line: feeds from arguments or mkdocs.yml, exit status, summary."""
from __future__ import annotations

from pathlib import Path

from digest.cli import main
from digest.store import load_articles

FIXTURES = Path(__file__).parent / "fixtures"


def site(tmp_path: Path, feeds: list[str]) -> Path:
    listed = "".join(f"        - {url}\n" for url in feeds)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\ndocs_dir: content\nplugins:\n  - digest:\n      feeds:\n{listed}")
    return config


def test_feeds_from_mkdocs_yml_and_a_failure_in_the_exit_status(server, tmp_path, capsys):
    body = (FIXTURES / "briefs.json").read_bytes().replace(b"{BASE}", server.base.encode())
    good = server.route("/briefs.json", body=body, headers={"Content-Type": "application/feed+json"})
    bad = server.route("/moved.rss", status=410, body=b"gone")
    config = site(tmp_path, [good, bad])

    assert main(["fetch", "-f", str(config), "--timeout", "2"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [l for l in err if bad in l and "HTTP 410" in l]
    assert err[-1].startswith("digest: fetch: feeds: 1 ok, 1 failed; items: 1 new, 0 seen, 0 failed")
    (article,) = load_articles(tmp_path / "content" / "articles")
    assert article.id == "hw-2031-04-12-lighthouse" and article.source == "Harbour Wire briefs"

    # Addresses on the command line replace the configured list.
    assert main(["fetch", "-f", str(config), good, "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_no_feeds_is_said_not_failed(tmp_path, capsys):
    assert main(["fetch", "-f", str(site(tmp_path, []))]) == 0
    assert "no feeds to fetch" in capsys.readouterr().err


def test_a_bad_address_is_one_error_line(tmp_path, capsys):
    assert main(["fetch", "-f", str(site(tmp_path, [])), "file:///etc/passwd"]) == 1
    assert capsys.readouterr().err.strip() == "digest: error: feed 1: not an http(s) feed address: 'file:///etc/passwd'"
