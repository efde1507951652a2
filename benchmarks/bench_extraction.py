"""Extraction speed and quality: a page to its article's fields (extraction and metadata
steps, without enrichment), called directly.

    .venv/bin/python benchmarks/bench_extraction.py [--html] [--repeat N]

Speed: milliseconds per page on the project's own fictional pages (tests/ingest/fixtures/pages)
and, when ../shared/eval is present, on the real page texts of extraction-dev and pages-dev
(whole pages of a few hundred lines) and the short wire forms of reuters-dev (read at run
time, never copied). End to end the budget is >= 300 articles/s on 2 cores
(benchmarks/bench_scale.py); the language guess has 0.1 ms of it.

Quality, when ../shared/eval is present: extraction-dev's token-bag body F1 (the formula
score.py uses), for the text path and, with --html, the HTML path; pages-dev's headline,
date, author, kept-segment and left-out-segment rates (as its README defines them);
dateline accuracy on reuters-dev and agency accuracy on agnews-dev. score.py remains the
reference: it runs the command line. Prints one line per figure and a JSON line.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"
PAGES = ROOT / "tests" / "ingest" / "fixtures" / "pages"
WORD = re.compile(r"\w+", re.UNICODE)

from digest.ingest.language import detect as detect_language  # noqa: E402
from digest.ingest.pagetext import parse_page_text  # noqa: E402
from digest.ingest.pipeline import read_page  # noqa: E402


def article(text: str):
    """A page text's article fields, before enrichment."""
    return read_page(parse_page_text(text), {})


def html_article(html: str, url: str | None):
    from digest.ingest.html import parse_html

    return read_page(parse_html(html, url), {"url": url})


def same_title(a: str | None, b: str) -> bool:
    """Headlines equal once case, spacing, soft hyphens and surrounding quotes or punctuation are ignored."""
    def norm(s: str | None) -> str:
        s = " ".join(unicodedata.normalize("NFKC", s or "").replace("\xad", "").split()).casefold()
        return s.strip("".join(c for c in s if not c.isalnum() and not c.isspace()) + " ")
    return norm(a) == norm(b)


def name_in(name: str, entries: list[str]) -> bool:
    """A name's words, adjacent and in order, in one author entry ("Jane Roe" in "By Jane Roe")."""
    g = [w.casefold() for w in WORD.findall(name)]
    for entry in entries:
        e = [w.casefold() for w in WORD.findall(entry)]
        if g and any(e[i : i + len(g)] == g for i in range(len(e) - len(g) + 1)):
            return True
    return False


def pages_quality(rows: list[dict], read, mode: str) -> dict[str, float]:
    """pages-dev's rates for one path: ``read(row)`` gives the article of a row."""
    title = date = authors = kept = clean = 0.0
    dated = authored = 0
    for row in rows:
        a = read(row)
        title += same_title(a.title, row["gold_title"])
        if row.get("gold_date"):
            dated += 1
            date += (a.date or "")[:10] == row["gold_date"]
        if row.get("gold_authors"):
            authored += 1
            authors += sum(name_in(name, a.authors) for name in row["gold_authors"]) / len(row["gold_authors"])
        body = " ".join(a.body.split())
        both = " ".join(a.summary.split()) + "\n" + body
        kept += sum(" ".join(w.split()) in both for w in row["gold_with"]) / len(row["gold_with"])
        clean += sum(" ".join(w.split()) not in body for w in row["gold_without"]) / len(row["gold_without"])
    n = len(rows)
    return {f"title_{mode}": title / n, f"date_{mode}": date / max(1, dated), f"author_{mode}": authors / max(1, authored),
            f"with_{mode}": kept / n, f"without_{mode}": clean / n}


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
    """CPU milliseconds per page text read into an article's fields."""
    return ms_per_call(article, texts, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--html", action="store_true", help="also score the HTML path (slow: trafilatura)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    results: dict[str, float] = {}

    own = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]
    results["ms_per_page_fixtures"] = ms_per_page(own, args.repeat * 50)
    results["ms_per_language_guess"] = ms_per_call(detect_language, own, args.repeat * 200)

    extraction, pages = load("extraction-dev"), load("pages-dev")
    reuters, agnews = load("reuters-dev"), load("agnews-dev")
    if extraction:
        texts = [r["page_text"] for r in extraction]
        results["ms_per_page_extraction_dev"] = ms_per_page(texts, args.repeat)
        results["body_f1_text"] = sum(f1(article(r["page_text"]).body, r["gold_body"]) for r in extraction) / len(extraction)
        if args.html:
            start = time.process_time()
            scores = [f1(html_article(r["html"], r["url"]).body, r["gold_body"]) for r in extraction]
            results["ms_per_page_html"] = (time.process_time() - start) * 1000 / len(extraction)
            results["body_f1_html"] = sum(scores) / len(scores)
    if pages:
        results["ms_per_page_pages_dev"] = ms_per_page([r["page_text"] for r in pages], 1)
        results.update(pages_quality(pages, lambda r: article(r["page_text"]), "text"))
        if args.html:
            results.update(pages_quality(pages, lambda r: html_article(r["html"], r["url"]), "html"))
    if reuters:
        results["ms_per_page_reuters_dev"] = ms_per_page([r["text"] for r in reuters], 1)
        hits = sum((article(r["text"]).dateline or "").upper() == r["dateline"].upper() for r in reuters)
        results["dateline_accuracy"] = hits / len(reuters)
    if agnews:
        results["agency_accuracy"] = sum(article(r["text"]).agency == r["agency"] for r in agnews) / len(agnews)
    if not extraction:
        print("../shared/eval not found: speed on the project's fixtures only", file=sys.stderr)

    for key, value in results.items():
        print(f"{key}\t{value:.4f}")
    print(json.dumps({k: round(v, 4) for k, v in results.items()}))


if __name__ == "__main__":
    main()
