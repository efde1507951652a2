"""Geography: speed (articles/s on one core, tagging alone) and country quality on the dev sets.

    .venv/bin/python benchmarks/bench_geography.py [--sets reuters-dev trnews-dev lgl-dev] [--errors N]

Calls ``locate`` directly (no ingest), so it measures geography alone. A record's first
paragraph is the headline and the rest the body; for reuters-dev the dateline is the
text before the first comma of the body's first line, as the wire copy prints it.
Metrics are computed as ../shared/eval/score.py does (for Reuters, the focus counts when
the first country is among those Reuters coded). Reads ../shared/eval and skips cleanly
when it is absent. The issue's targets: >= 1,000 articles/s; reuters-dev focus >= 0.93
and countries micro-F1 >= 0.80; trnews-dev focus >= 0.85; lgl-dev focus >= 0.90.
``no_country`` counts articles that came out with no country at all: score.py stops
with an IndexError on any such article whose record has a gold focus.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from pathlib import Path

from digest.enrich.geo_gazetteer import load_gazetteer
from digest.enrich.geography import locate

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TARGETS = {"reuters-dev": 0.93, "trnews-dev": 0.85, "lgl-dev": 0.90}


def load(name: str) -> list[dict]:
    with gzip.open(EVAL / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parts(record: dict, name: str) -> tuple[str, str, str | None]:
    """Headline, body and (for the wire set) dateline of a record."""
    title, _, body = record["text"].partition("\n\n")
    dateline = None
    if name.startswith("reuters"):
        head = body.split("\n", 1)[0]
        dateline = head.split(",", 1)[0].strip() if "," in head else None
    return title.strip(), body.strip(), dateline


def quality(rows: list[dict], name: str, errors: int) -> dict[str, float]:
    """Focus accuracy and countries micro-F1, as score.py computes them, and how many
    articles got no country."""
    hit = tp = fp = fn = empty = 0
    confusion: collections.Counter = collections.Counter()
    for r in rows:
        title, body, dateline = parts(r, name)
        pred = locate(title, "", body, dateline).countries
        gold = set(r.get("countries") or [])
        empty += not pred
        ok = pred[:1] == [r["focus"]] if r.get("focus") else bool(pred) and pred[0] in gold
        hit += ok
        if not ok:
            confusion[(r.get("focus") or "/".join(sorted(gold)[:3]), pred[0] if pred else None)] += 1
        tp += len(set(pred) & gold)
        fp += len(set(pred) - gold)
        fn += len(gold - set(pred))
    for (gold, got), n in confusion.most_common(errors):
        print(f"    {n:4d}  {gold} -> {got}")
    return {
        "focus_country_accuracy": hit / len(rows),
        "countries_micro_f1": 2 * tp / max(1, 2 * tp + fp + fn),
        "no_country": empty,
    }


def speed(rows: list[dict], name: str) -> float:
    """Articles per second of CPU time for locate alone (gazetteer already loaded).

    CPU time, not wall time: the machine is shared, and wall time would measure the
    neighbours. locate is single-threaded, so this is the one-core rate.
    """
    inputs = [parts(r, name) for r in rows]
    start = time.process_time()
    for title, body, dateline in inputs:
        locate(title, "", body, dateline)
    return len(inputs) / (time.process_time() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(TARGETS))
    ap.add_argument("--errors", type=int, default=0, help="show the N most common focus errors per set")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    start = time.perf_counter()
    load_gazetteer()
    print(f"gazetteer loaded in {time.perf_counter() - start:.2f}s")
    for name in args.sets:
        rows = load(name)
        rate = speed(rows, name)
        metrics = quality(rows, name, args.errors)
        target = TARGETS.get(name)
        shown = "  ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in metrics.items())
        mark = "" if target is None else ("  ok" if metrics["focus_country_accuracy"] >= target else f"  below {target}")
        print(f"{name}: {len(rows)} articles  {rate:,.0f} articles/s  {shown}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
