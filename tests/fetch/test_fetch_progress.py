"""Fetch shows its progress on a terminal, and nothing of it in a log."""
from __future__ import annotations

import io
from pathlib import Path

from digest.fetch import run_fetch

FIXTURES = Path(__file__).parent / "fixtures"


def test_progress_only_when_asked_or_on_a_terminal(server, tmp_path):
    body = (FIXTURES / "briefs.json").read_bytes().replace(b"{BASE}", server.base.encode())
    feed = server.route("/briefs.json", body=body, headers={"Content-Type": "application/feed+json"})
    shown, log = io.StringIO(), io.StringIO()
    run_fetch([feed], tmp_path / "a", err=shown, progress=True)
    run_fetch([feed], tmp_path / "b", err=log)  # a StringIO is not a terminal
    assert "fetching feeds: 1 of 1" in shown.getvalue()
    assert "writing new items: 1 of 1" in shown.getvalue()
    assert shown.getvalue().endswith("\r\033[K")  # the line is cleared at the end
    assert log.getvalue() == ""
