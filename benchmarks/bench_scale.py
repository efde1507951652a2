"""The whole product at archive scale: ingest, grouping, site build and search, at 1k and 10k.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_scale.py [N ...] [--no-build-over N]

For each N (default 1000 10000; add 100000 for a year of a busy newsroom), generated
articles (benchmarks/generate.py: stories of varied size over days, wire copies, regions
and topics) are written as raw page text with page chrome, then the real commands run:

* ``digest ingest`` (all cores): articles per second, and a re-run over the same inputs;
* ``digest group DIR --json``: seconds, peak memory;
* ``mkdocs build`` with the digest plugin and without it (the same article files): seconds;
* the search download of a sample of queries, and the home page's weight.

Builds are skipped above ``--no-build-over`` (default 20000): a plain MkDocs build of
100,000 pages alone takes many minutes. Prints a line per step and a JSON line per N.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_site  # noqa: E402  (page weight, search cost and site layout of the site benchmark)
import generate  # noqa: E402

from digest.model import Article  # noqa: E402
from digest.store import load_articles  # noqa: E402

CHROME_TOP = "Skip to main content\nMenu\nSubscribe\nAdvertisement\n\n"
CHROME_END = "\n\nAdvertisement\nMost read\nShare this article\nCookie settings\n"
QUERIES = ["earthquake", "central bank rate", "election results", "strike port", "minister", "flood rescue",
           "vaccine trial", "festival film", "court sentenced", "satellite launch"]


def page_text(a: Article) -> str:
    """An article as a scraper saves its page: chrome, section, headline, standfirst, story, chrome."""
    return f"{CHROME_TOP}{a.section or 'World'}\n\n{a.title}\n\n{a.summary}\n\n{a.body}{CHROME_END}"


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Seconds, peak memory of the child in MB, and stdout of a command (which must succeed)."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "sys.stderr.write(r.stderr[-2000:] if r.returncode not in (0, 1) else '')\n"
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
             "sys.stdout.write(r.stdout)\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, cwd=cwd, env=env, check=True)
    first, _, rest = out.stdout.partition("\n")
    seconds, peak_kb, code = first.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {out.stderr}")
    return float(seconds), int(peak_kb) // 1024, rest


def measure(n: int, build: bool, work: Path) -> dict:
    result: dict = {"articles": n}
    arts = generate.generate(n)[0]
    src = work / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "text": page_text(a), "date": a.date, "source": a.source,
                                       "url": a.url}) + "\n" for a in arts), encoding="utf-8")
    out = work / "articles"
    ingest = [sys.executable, "-m", "digest", "ingest", str(src), "--out", str(out), "--quiet"]
    seconds, peak, _ = run(ingest)
    result.update(ingest_s=round(seconds, 1), ingest_per_s=round(n / seconds), ingest_peak_mb=peak)
    seconds, _, _ = run(ingest)
    result.update(reingest_s=round(seconds, 1), reingest_share=round(seconds / result["ingest_s"], 3))
    print(f"{n}: ingest {result['ingest_s']} s ({result['ingest_per_s']}/s, peak {peak} MB); "
          f"re-run {result['reingest_s']} s ({100 * result['reingest_share']:.1f}%)", flush=True)

    seconds, peak, stdout = run([sys.executable, "-m", "digest", "group", str(out), "--json"])
    stories = json.loads(stdout)["stories"]
    result.update(group_s=round(seconds, 1), group_peak_mb=peak, stories=len(stories))
    print(f"{n}: group {result['group_s']} s, {len(stories)} stories, peak {peak} MB", flush=True)

    if build:
        ingested = load_articles(out)
        for plugin in (True, False):
            root = work / ("site-digest" if plugin else "site-plain")
            bench_site.make_site(root, ingested, plugin)
            seconds, peak, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], cwd=root)
            result["build_digest_s" if plugin else "build_plain_s"] = round(seconds, 1)
            if plugin:
                site = root / "site"
                costs = bench_site.search_costs(site, QUERIES)
                result.update(build_peak_mb=peak, search_median_kb=round(statistics.median(costs) / 1024),
                              search_max_kb=round(max(costs) / 1024), home_kb=round(bench_site.page_weight(site, "") / 1024))
        result["build_ratio"] = round(result["build_digest_s"] / result["build_plain_s"], 2)
        print(f"{n}: build {result['build_digest_s']} s with the digest, {result['build_plain_s']} s plain "
              f"({result['build_ratio']}x); search {result['search_median_kb']} KB median, {result['search_max_kb']} KB max; "
              f"home page {result['home_kb']} KB", flush=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--no-build-over", type=int, default=20000, metavar="N")
    args = ap.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{n}-") as tmp:
            print(json.dumps(measure(n, n <= args.no_build_over, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
