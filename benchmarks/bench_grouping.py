"""Speed, memory and sanity of grouping on generated articles.

    python benchmarks/bench_grouping.py [N ...] [--seed S] [--cache]      (default: 10000 100000)

Targets (issue 6, on a 2-core machine): 10,000 articles in <= 10 s and 100,000 in
<= 120 s, memory well under 4 GB. Articles come from benchmarks/generate.py, which
also says which story each belongs to, so BCubed F1 against those labels is printed
as a sanity check (the real accuracy figure is ecb-dev via ../shared/eval/score.py).
With ``--cache`` it also times a rebuild with a warm per-article cache (the site's
case: yesterday's articles already profiled) and checks its stories are the same.
Prints one JSON line per size.
"""
from __future__ import annotations

import argparse
import collections
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest.group import group_articles
from generate import generate_corpus


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (linear time with cluster-overlap counts)."""
    overlap = collections.Counter((pred[i], gold[i]) for i in gold)
    psize = collections.Counter(pred[i] for i in gold)
    gsize = collections.Counter(gold.values())
    p = sum(overlap[(pred[i], gold[i])] / psize[pred[i]] for i in gold) / len(gold)
    r = sum(overlap[(pred[i], gold[i])] / gsize[gold[i]] for i in gold) / len(gold)
    return p, r, 2 * p * r / (p + r)


def copy_scores(stories, copy_of: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of found copy pairs (copy, original) against the generated ones.

    A copy of a copy counts under the first original, as the grouping reports it.
    """
    def root(i: str) -> str:
        while i in copy_of:
            i = copy_of[i]
        return i

    truth = {(c, root(c)) for c in copy_of}
    found = {(c, o) for s in stories for o, cs in s.copies.items() for c in cs}
    hit = len(truth & found)
    return hit / max(1, len(found)), hit / max(1, len(truth))


def warm_cache_seconds(articles, plain) -> tuple[float, bool]:
    """Seconds of grouping with a warm Profile cache, and whether its stories equal ``plain``."""
    with tempfile.TemporaryDirectory() as cache:
        group_articles(articles, cache_dir=Path(cache))
        start = time.perf_counter()
        stories = group_articles(articles, cache_dir=Path(cache))
        seconds = time.perf_counter() - start
    same = [(s.id, [a.id for a in s.articles]) for s in stories] == [(s.id, [a.id for a in s.articles]) for s in plain]
    return seconds, same


def run(n: int, seed: int, cache: bool = False) -> dict:
    corpus = generate_corpus(n, seed)
    articles, labels = corpus.articles, corpus.story
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    stories = group_articles(articles)
    seconds = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pred = {a.id: s.id for s in stories for a in s.articles}
    p, r, f = bcubed(pred, labels)
    cp, cr = copy_scores(stories, corpus.copy_of)
    extra = {}
    if cache:
        warm, same = warm_cache_seconds(articles, stories)
        extra = {"warm_cache_seconds": round(warm, 2), "same_with_cache": same}
    return {
        "articles": n, "seconds": round(seconds, 2), **extra, "peak_rss_mb": round(rss_after / 1024),
        "rss_growth_mb": round((rss_after - rss_before) / 1024), "stories": len(stories),
        "gold_stories": len(set(labels.values())),
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
