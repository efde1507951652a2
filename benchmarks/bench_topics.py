"""Topic tagging: speed (articles/s on one core) and first-topic quality on the labelled dev sets.

    .venv/bin/python benchmarks/bench_topics.py [--sets topics-dev bbc-dev agnews-dev] [--confusion] [--per-topic]

Calls ``classify`` directly (no ingest), so it measures the tagger alone (lexicon and learned
model): a record's first line is the headline and the rest the body, as the sets are written
(ingest also passes the lede as summary, so score.py's figures differ a little); the speed of news in
other languages is measured on pages-dev's whole page text (menus and footers included). Reads
../shared/eval and skips cleanly when it is absent. Targets (issue 14): >= 1,000 articles/s on
one core; topics-dev first-topic accuracy >= 0.72 and macro-F1 >= 0.70; bbc-dev >= 0.93 both;
agnews-dev accuracy >= 0.85.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from pathlib import Path

from digest.enrich.topic_model import load_model
from digest.enrich.topics import classify, load_lexicon

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def load(name: str) -> list[dict]:
    with gzip.open(EVAL / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(text: str) -> tuple[str, str]:
    """Headline (first line) and body (the rest)."""
    title, _, body = text.strip().partition("\n")
    return title.strip(), body.strip()


def quality(rows: list[dict], show_confusion: bool, per_topic: bool = False) -> dict[str, float]:
    """First-topic accuracy and macro-F1 over the gold topics, as score.py computes them."""
    per = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    confusion: collections.Counter = collections.Counter()
    labelled = [r for r in rows if r.get("topic")]
    for r in labelled:
        title, body = split(r["text"])
        got = classify(title, "", body)
        first, gold = (got[0] if got else None), r["topic"]
        if first == gold:
            per[gold][0] += 1
        else:
            per[gold][2] += 1
            if first:
                per[first][1] += 1
            confusion[(gold, first)] += 1
    correct = sum(v[0] for v in per.values())
    golds = {r["topic"] for r in labelled}
    f1 = [2 * per[t][0] / max(1, 2 * per[t][0] + per[t][1] + per[t][2]) for t in golds]
    if per_topic:
        for t in sorted(per):
            tp, fp, fn = per[t]
            print(f"    {t:34s} precision={tp / max(1, tp + fp):.2f} recall={tp / max(1, tp + fn):.2f} n={tp + fn}")
    if show_confusion:
        for (gold, first), n in confusion.most_common(25):
            print(f"    {n:4d}  {gold} -> {first}")
    return {"topic_accuracy": correct / len(labelled), "topic_macro_f1": sum(f1) / len(f1)}


def speed(rows: list[dict], repeat: int = 3) -> float:
    """Articles per second, best of ``repeat`` passes (lexicon and model are loaded beforehand).
    A page set's whole page text is the body, read in the page's language."""
    parts = [(*split(r.get("text") or r.get("page_text") or ""), r.get("lang")) for r in rows]
    load_lexicon()
    load_model()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for title, body, lang in parts:
            classify(title, "", body, lang=lang)
        best = min(best, time.perf_counter() - start)
    return len(parts) / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["topics-dev", "bbc-dev", "agnews-dev"])
    ap.add_argument("--confusion", action="store_true", help="print the commonest errors")
    ap.add_argument("--per-topic", action="store_true", help="print precision and recall per gold topic")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent")
        return 0
    for name in args.sets:
        rows = load(name)
        q = quality(rows, args.confusion, args.per_topic)
        print(f"{name}\trecords={len(rows)}\t" + "\t".join(f"{k}={v:.4f}" for k, v in q.items())
              + f"\tarticles_per_s={speed(rows):.0f}")
    if (EVAL / "pages-dev.jsonl.gz").is_file():  # other languages: their own terms and compounds
        foreign = [r for r in load("pages-dev") if r.get("lang") not in (None, "en")]
        print(f"pages-dev (page text, not English)\trecords={len(foreign)}\tarticles_per_s={speed(foreign):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
