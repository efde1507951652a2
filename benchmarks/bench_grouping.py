"""Speed, memory and sanity of grouping on generated articles, through the command line.

    python benchmarks/bench_grouping.py [N ...] [--seed S] [--cache]      (default: 10000 100000)

Targets (issue 17, on a 2-core machine): ``digest group DIR --json`` over 10,000 article
files in <= 10 s and over 100,000 in <= 120 s, reading the files included, peak memory
under 2 GB. The articles come from benchmarks/generate.py and are written as Markdown
files first (not timed); the command's wall time and its peak RSS (of the child
process) are measured. generate.py also says which story each article belongs to, so
BCubed F1 of the printed stories against those labels is a sanity check (the real
accuracy figure is ecb-dev via ../shared/eval/score.py). With ``--cache`` it also times,
in process, a rebuild with a warm per-article cache (the site's case: yesterday's
articles already profiled) and checks its stories are the same. The machine's load
average is printed beside each run: other work on a shared machine slows the wall
time, so the command's CPU time (user + system) is printed too.
Prints one JSON line per size.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest.group import group_articles
from digest.model import render_markdown
from digest.store import relative_path_for
from generate import generate_corpus

ROOT = Path(__file__).resolve().parents[1]


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (linear time with cluster-overlap counts)."""
    overlap = collections.Counter((pred[i], gold[i]) for i in gold)
    psize = collections.Counter(pred[i] for i in gold)
    gsize = collections.Counter(gold.values())
    p = sum(overlap[(pred[i], gold[i])] / psize[pred[i]] for i in gold) / len(gold)
    r = sum(overlap[(pred[i], gold[i])] / gsize[gold[i]] for i in gold) / len(gold)
    return p, r, 2 * p * r / (p + r)


def copy_scores(records: list[dict], copy_of: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of found copy pairs (copy, original) against the generated ones.

    A copy of a copy counts under the first original, as the grouping reports it.
    """
    def root(i: str) -> str:
        while i in copy_of:
            i = copy_of[i]
        return i

    truth = {(c, root(c)) for c in copy_of}
    found = {(c, o) for s in records for o, cs in s["copies"].items() for c in cs}
    hit = len(truth & found)
    return hit / max(1, len(found)), hit / max(1, len(truth))


def warm_cache_seconds(articles, records: list[dict]) -> tuple[float, bool]:
    """Seconds of grouping in process with a warm Profile cache, and whether its stories equal ``records``."""
    with tempfile.TemporaryDirectory() as cache:
        group_articles(articles, cache_dir=Path(cache))
        start = time.perf_counter()
        stories = group_articles(articles, cache_dir=Path(cache))
        seconds = time.perf_counter() - start
    same = [(s.id, [a.id for a in s.articles]) for s in stories] == [(r["id"], r["articles"]) for r in records]
    return seconds, same


def write_corpus(articles, folder: Path) -> None:
    for article in articles:
        path = folder / relative_path_for(article)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(article), encoding="utf-8")


def run(n: int, seed: int, cache: bool = False) -> dict:
    corpus = generate_corpus(n, seed)
    articles, labels = corpus.articles, corpus.story
    with tempfile.TemporaryDirectory(prefix="bench-grouping-") as tmp:
        folder = Path(tmp) / "articles"
        write_corpus(articles, folder)
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "digest", "group", str(folder), "--json"],
                              capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode:
        raise SystemExit(f"digest group failed: {done.stderr[-500:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    records = json.loads(done.stdout)["stories"]
    pred = {a: s["id"] for s in records for a in s["articles"]}
    p, r, f = bcubed(pred, labels)
    cp, cr = copy_scores(records, corpus.copy_of)
    extra = {}
    if cache:
        warm, same = warm_cache_seconds(articles, records)
        extra = {"warm_cache_seconds_in_process": round(warm, 2), "same_with_cache": same}
    return {
        "articles": n, "cli_seconds": round(seconds, 2), "cli_cpu_seconds": round(cpu, 2),
        "load_average": round(load, 2), **extra,
        "cli_peak_rss_mb": round(peak_mb), "stories": len(records),
        "with_key_facts": sum(1 for s in records if s["key_facts"]), "gold_stories": len(set(labels.values())),
        "copy_precision": round(cp, 4), "copy_recall": round(cr, 4),
        "bcubed_p": round(p, 4), "bcubed_r": round(r, 4), "bcubed_f1": round(f, 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", action="store_true", help="also time a rebuild with a warm per-article cache")
    args = parser.parse_args()
    for n in args.sizes:
        print(json.dumps(run(n, args.seed, args.cache)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
