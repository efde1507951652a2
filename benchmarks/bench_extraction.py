"""Extraction speed and quality: parse_page_text / parse_html, called directly.

    .venv/bin/python benchmarks/bench_extraction.py [--html] [--repeat N]

Speed: milliseconds per page for ``parse_page_text`` on the project's own fictional pages
(tests/ingest/fixtures/pages) and, when ../shared/eval is present, on the real page texts
of extraction-dev and the short wire forms of reuters-dev (read at run time, never copied).
The budget is 2 ms per article (>= 300 articles/s end to end on 2 cores); the language
guess (run on every text without a declared language) has 0.1 ms of it.

Quality, when ../shared/eval is present: the token-bag body F1 that score.py computes
(same formula), for the text path and, with --html, the HTML path; dateline accuracy on
reuters-dev and agency accuracy on agnews-dev. Prints one line per figure and a JSON line.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"
PAGES = ROOT / "tests" / "ingest" / "fixtures" / "pages"
WORD = re.compile(r"\w+", re.UNICODE)

from digest.ingest.language import detect as detect_language  # noqa: E402
from digest.ingest.pagetext import parse_page_text  # noqa: E402


def load(name: str) -> list[dict]:
    path = EVAL / f"{name}.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def f1(pred: str, gold: str) -> float:
    """score.py's body metric: F1 of the two bags of lower-cased word tokens."""
    p = collections.Counter(t.lower() for t in WORD.findall(pred or ""))
    g = collections.Counter(t.lower() for t in WORD.findall(gold or ""))
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def ms_per_call(fn, texts: list[str], repeat: int) -> float:
    """CPU milliseconds per call (process time: other jobs on the machine do not count)."""
    for text in texts[:5]:
        fn(text)  # warm the regex caches
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            fn(text)
    return (time.process_time() - start) * 1000 / (repeat * len(texts))


def ms_per_page(texts: list[str], repeat: int) -> float:
    """CPU milliseconds per parse_page_text call; the budget is 2 ms."""
    return ms_per_call(parse_page_text, texts, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--html", action="store_true", help="also score the HTML path (slow: trafilatura)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    results: dict[str, float] = {}

    own = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]
    results["ms_per_page_fixtures"] = ms_per_page(own, args.repeat * 50)
    results["ms_per_language_guess"] = ms_per_call(detect_language, own, args.repeat * 200)

    extraction, reuters, agnews = load("extraction-dev"), load("reuters-dev"), load("agnews-dev")
    if extraction:
        texts = [r["page_text"] for r in extraction]
        results["ms_per_page_extraction_dev"] = ms_per_page(texts, args.repeat)
        results["body_f1_text"] = sum(f1(parse_page_text(r["page_text"]).body, r["gold_body"]) for r in extraction) / len(extraction)
        if args.html:
            from digest.ingest.html import parse_html

            start = time.process_time()
            scores = [f1(parse_html(r["html"], r["url"]).body, r["gold_body"]) for r in extraction]
            results["ms_per_page_html"] = (time.process_time() - start) * 1000 / len(extraction)
            results["body_f1_html"] = sum(scores) / len(scores)
    if reuters:
        results["ms_per_page_reuters_dev"] = ms_per_page([r["text"] for r in reuters], 1)
        hits = sum((parse_page_text(r["text"]).dateline or "").upper() == r["dateline"].upper() for r in reuters)
        results["dateline_accuracy"] = hits / len(reuters)
    if agnews:
        results["agency_accuracy"] = sum(parse_page_text(r["text"]).agency == r["agency"] for r in agnews) / len(agnews)
    if not extraction:
        print("../shared/eval not found: speed on the project's fixtures only", file=sys.stderr)

    for key, value in results.items():
        print(f"{key}\t{value:.4f}")
    print(json.dumps({k: round(v, 4) for k, v in results.items()}))


if __name__ == "__main__":
    main()
