"""The ingest command end to end: real processes, real files, bad inputs, re-runs, kills."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest.ingest.batch import InputTimeout, _time_limit
from digest.model import parse_article

CITIES = [("Lima", "Peru", "Peruvian"), ("Nairobi", "Kenya", "Kenyan"), ("Oslo", "Norway", "Norwegian"),
          ("Hanoi", "Vietnam", "Vietnamese"), ("Ottawa", "Canada", "Canadian"), ("Canberra", "Australia", "Australian")]


def page(i: int) -> str:
    """A fictional news page as a scraper saves it: chrome, headline, standfirst, caption, story."""
    city, country, adj = CITIES[i % len(CITIES)]
    return f"""Skip to main content
Advertisement

World

{adj} port workers end strike number {i} after pay deal

Dockers in {city} return to work after a {i + 3}-day stoppage that held up grain shipments.

{adj} port workers end strike number {i} after pay deal

Cranes stand idle at the container terminal in {city} on Nov 23, 2026. (Photo: Ana Ruiz/Harbour Wire)

{city.upper()}: Port workers in {country} voted on Tuesday (Nov 24) to accept a pay offer, ending strike {i} that had stranded ships.

The union said {i + 40} per cent of members backed the deal, which raises wages by {i % 9 + 2} per cent over two years.

Exporters had warned that the stoppage cost the {adj} economy millions each day as vessels queued offshore.

The port authority said loading would resume within hours and the backlog should clear by the weekend.

Advertisement
Also worth reading
"""


def run_digest(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "pages").mkdir(parents=True)
    for i in range(3):
        (src / "pages" / f"p{i}.txt").write_text(page(i))
    records = [{"id": f"rec-{i}", "title": f"Record headline {i}", "text": page(10 + i), "url": f"https://example.org/r/{i}",
                "date": "2026-11-25T09:00:00Z", "source": "The Harbour Ledger"} for i in range(3)]
    (src / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records) + "{not json\n")
    (src / "empty.txt").write_text("")
    (src / "binary.html").write_bytes(b"\x00\x01\x02binary")
    return src


def test_batch_goes_on_and_names_every_bad_input(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    r = run_digest("ingest", str(inputs), "--out", str(out))
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("digest: ") and ": 6 articles" not in line]
    bad = sorted(line.split(": ")[1] for line in errors if "articles:" not in line)
    assert bad == sorted([str(inputs / "binary.html"), str(inputs / "empty.txt"), f"{inputs / 'records.jsonl'}:4"])
    assert "Traceback" not in r.stderr
    written = snapshot(out)
    assert len(written) == 6
    ids = {parse_article(t.decode()).id for t in written.values()}
    assert {"rec-0", "rec-1", "rec-2"} <= ids


def test_rerun_changes_no_byte_and_is_incremental(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_digest("ingest", str(inputs), "--out", str(out))
    first = snapshot(out)
    state = (out / ".digest" / "state.json").read_bytes()
    r = run_digest("ingest", str(inputs), "--out", str(out))
    assert snapshot(out) == first
    assert (out / ".digest" / "state.json").read_bytes() == state
    assert "6 unchanged" in r.stderr


def test_same_article_twice_is_one_article(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(page(1))
    (src / "copy-of-a.txt").write_text(page(1))
    out = tmp_path / "out"
    r = run_digest("ingest", str(src), "--out", str(out))
    assert r.returncode == 0
    assert len(snapshot(out)) == 1
    assert "same article as" in r.stderr and "copy-of-a.txt" in r.stderr


def test_headline_only_records_become_articles(tmp_path: Path):
    # Headline lists: no body, the outlet's name glued to the headline as aggregators print it.
    items = [{"id": "agg-1", "title": "Harbour cranes idle as dockers strike - The Harbour Ledger",
              "source": "The Harbour Ledger", "url": "https://ledger.example/a/1", "date": "2026-11-25T07:10:00Z"},
             {"id": "agg-2", "title": "Dockers walk out at Port Elling"},
             {"id": "agg-3", "text": "Port Elling dockers reject the pay offer and vote to stay out until the new year | The Harbour Ledger",
              "source": "The Harbour Ledger"},
             {"id": "agg-4", "text": "Union leader&#39;s &lt;script&gt;alert(1)&lt;/script&gt; speech", "date": 1795737600000}]
    src = tmp_path / "headlines.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in items))
    out = tmp_path / "out"
    r = run_digest("ingest", str(src), "--out", str(out))
    assert r.returncode == 0, r.stderr
    articles = {a.id: a for a in (parse_article(t.decode()) for t in snapshot(out).values())}
    assert articles["agg-1"].title == "Harbour cranes idle as dockers strike"
    assert articles["agg-2"].title == "Dockers walk out at Port Elling"
    # A text of one headline-sized line is the headline, whole, not a body under its first words.
    assert articles["agg-3"].title == "Port Elling dockers reject the pay offer and vote to stay out until the new year"
    assert all(not a.body.strip() for a in articles.values())
    assert articles["agg-4"].title == "Union leader's <script>alert(1)</script> speech"  # escaped where shown
    assert articles["agg-4"].date == "2026-11-27T00:00:00+00:00"


def test_workers_and_single_process_give_the_same_bytes(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "many.jsonl").write_text("".join(json.dumps({"id": f"m{i}", "text": page(i)}) + "\n" for i in range(80)))
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_digest("ingest", str(src), "--out", str(one), "--workers", "1").returncode == 0
    assert run_digest("ingest", str(src), "--out", str(two), "--workers", "2").returncode == 0
    assert snapshot(one) == snapshot(two) and len(snapshot(one)) == 80


def test_dask_local_cluster_gives_the_same_bytes(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    src = tmp_path / "in"
    src.mkdir()
    (src / "many.jsonl").write_text("".join(json.dumps({"id": f"d{i}", "text": page(i)}) + "\n" for i in range(40)))
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run_digest("ingest", str(src), "--out", str(local)).returncode == 0
    r = run_digest("ingest", str(src), "--out", str(dask), "--dask", "local", "--workers", "2")
    assert r.returncode == 0, r.stderr[-500:]
    assert snapshot(local) == snapshot(dask) and len(snapshot(local)) == 40


def test_killed_ingest_leaves_no_partial_file(tmp_path: Path):
    """Kill a real ingest mid-run: every article file is whole, and a re-run completes the set."""
    src = tmp_path / "in"
    src.mkdir()
    n = 600
    # Each from its own outlet: the pages differ by a number only, and one outlet's near-identical
    # pages would be versions of one article (store.py), not 600 articles.
    records = ({"id": f"k{i}", "source": f"Harbour Gazette {i}", "text": page(i) * 3} for i in range(n))
    (src / "big.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(src), "--out", str(out), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.md"))) < 20:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for path in out.rglob("*.md"):
        article = parse_article(path.read_text())
        assert article.id.startswith("k") and article.body.rstrip().endswith("weekend.")
    assert run_digest("ingest", str(src), "--out", str(out)).returncode == 0
    assert len(snapshot(out)) == n


def test_two_ingests_at_once_do_not_corrupt_each_other(tmp_path: Path):
    src_a, src_b = tmp_path / "a", tmp_path / "b"
    for folder, prefix, offset in ((src_a, "a", 0), (src_b, "b", 100)):
        folder.mkdir()
        (folder / "r.jsonl").write_text("".join(json.dumps({"id": f"{prefix}{i}", "text": page(i + offset)}) + "\n" for i in range(30)))
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(s), "--out", str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for s in (src_a, src_b)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    state = json.loads((out / ".digest" / "state.json").read_text())
    assert len(state["articles"]) == 60 and len(snapshot(out)) == 60


def test_time_limit_interrupts_a_slow_input():
    with pytest.raises(InputTimeout):
        with _time_limit(0.2):
            time.sleep(3)


def test_hand_edit_survives_reingest(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_digest("ingest", str(inputs / "pages"), "--out", str(out))
    path = sorted(out.rglob("*.md"))[0]
    text = path.read_text()
    meta_title = parse_article(text).title
    path.write_text(text.replace(meta_title, "Desk headline", 1).replace("\ntopics:", "\ntags:\n- follow-up\ntopics:", 1))
    # forget which inputs were seen, so that every input is processed and merged again
    (out / ".digest" / "inputs.json").unlink()
    run_digest("ingest", str(inputs / "pages"), "--out", str(out))
    after = parse_article(path.read_text())
    assert after.title == "Desk headline"
    assert "follow-up" in after.tags


def test_no_command_and_bad_config_are_one_line(tmp_path: Path):
    r = run_digest("ingest", "x", "-f", str(tmp_path / "missing.yml"))
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and "missing.yml" in r.stderr


def test_progress_only_when_asked_or_on_a_terminal(tmp_path: Path):
    import io

    from digest.ingest.batch import run_ingest

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(page(3))
    shown, quiet = io.StringIO(), io.StringIO()
    run_ingest([src], tmp_path / "out1", err=shown, progress=True, workers=1)
    run_ingest([src], tmp_path / "out2", err=quiet, workers=1)  # a StringIO is not a terminal
    assert "ingesting: 1 inputs" in shown.getvalue()
    assert "ingesting" not in quiet.getvalue()


def test_debug_adds_the_traceback(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty-page.html").write_text("<html><head><title></title></head><body><nav>Menu</nav></body></html>")
    plain = run_digest("ingest", str(src), "--out", str(tmp_path / "o1"))
    debug = run_digest("ingest", str(src), "--out", str(tmp_path / "o2"), "--debug")
    assert plain.returncode == debug.returncode == 1
    assert "empty-page.html: " in plain.stderr and "Traceback" not in plain.stderr
    assert "Traceback" in debug.stderr
