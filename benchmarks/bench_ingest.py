"""Ingest speed: articles per second end to end, and the cost of a re-run over unchanged inputs.

    .venv/bin/python benchmarks/bench_ingest.py [N] [--workers W]

Runs the real command (`python -m digest ingest FILE --out DIR`) on N generated page texts
(fictional, with chrome), then again on the same inputs (issue 9: a re-run costs <= 15%).
When ../shared/eval is present, also on the reuters-dev texts (real wire copy; read at run
time, never copied). Prints one line per measurement and a JSON line.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

PLACES = [("Lima", "Peru"), ("Nairobi", "Kenya"), ("Oslo", "Norway"), ("Hanoi", "Vietnam"), ("Ottawa", "Canada"),
          ("Canberra", "Australia"), ("Dhaka", "Bangladesh"), ("Cairo", "Egypt"), ("Lisbon", "Portugal"), ("Seoul", "South Korea")]
SUBJECTS = ["port workers", "teachers", "rail operators", "nurses", "miners", "farmers", "pilots", "bus drivers"]
CHROME_TOP = ["Skip to main content", "Advertisement", "Menu", "Search", "Subscribe", "Sign in"]
CHROME_END = ["Advertisement", "Also worth reading", "Most read", "Share this article", "Cookie settings", "© 2026 The Harbour Ledger"]


def synthetic_page(i: int, rng: random.Random) -> str:
    """A fictional news page with chrome, of realistic length (8-14 paragraphs)."""
    city, country = rng.choice(PLACES)
    who = rng.choice(SUBJECTS)
    headline = f"{who.capitalize()} in {country} end strike {i} after pay deal"
    paragraphs = [f"{city.upper()}: {who.capitalize()} in {country} voted on Tuesday (Nov 24) to accept a pay offer, ending a stoppage that lasted {rng.randint(2, 20)} days."]
    for k in range(rng.randint(7, 13)):
        paragraphs.append(
            f"The union said {rng.randint(50, 95)} per cent of members backed the deal in ballot round {k}, "
            f"which raises wages by {rng.randint(2, 9)} per cent over {rng.randint(1, 3)} years and adds {rng.randint(1, 5)} days of leave. "
            f"Officials in {city} said services in the capital region would return to normal within {rng.randint(2, 48)} hours."
        )
    top = "\n".join(rng.sample(CHROME_TOP, 3))
    end = "\n".join(rng.sample(CHROME_END, 3))
    return (f"{top}\n\nWorld\n\n{headline}\n\nA deal ends weeks of disruption in {city}.\n\n{headline}\n\n"
            f"Pickets outside the ministry in {city} on Nov 23, 2026. (Photo: Ana Ruiz/Harbour Wire)\n\n"
            + "\n\n".join(paragraphs) + f"\n\n{end}\n")


def eval_texts(name: str) -> list[dict]:
    path = EVAL / f"{name}.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [{"id": r["id"], "text": r["text"]} for r in map(json.loads, f)]


def timed_ingest(src: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "digest", "ingest", str(src), "--out", str(out), "--quiet", "--workers", str(workers)],
                       capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {r.stderr[-500:]}")
    return elapsed


def measure(name: str, records: list[dict], workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out = Path(tmp) / "out"
        first = timed_ingest(src, out, workers)
        again = timed_ingest(src, out, workers)
    result = {"set": name, "articles": len(records), "workers": workers, "first_s": round(first, 2),
              "articles_per_s": round(len(records) / first, 1), "rerun_s": round(again, 2), "rerun_share": round(again / first, 3)}
    print(f"{name}: {len(records)} articles in {first:.2f} s = {len(records) / first:,.0f}/s (workers {workers}); "
          f"re-run {again:.2f} s = {100 * again / first:.1f}% of the first")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    rng = random.Random(7)
    results = [measure("synthetic-pages", [{"id": f"s{i}", "text": synthetic_page(i, rng)} for i in range(a.n)], a.workers)]
    reuters = eval_texts("reuters-dev")
    if reuters:
        results.append(measure("reuters-dev", reuters, a.workers))
    else:
        print("reuters-dev: skipped (../shared/eval absent)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
