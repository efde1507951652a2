"""Run every benchmark in this folder, one after another, and keep their output.

    .venv/bin/python benchmarks/run_all.py [NAME ...]     # e.g. ingest grouping

Each ``bench_*.py`` prints its figures and ends with a JSON line; the output of each is
also saved to ``benchmarks/out/<name>.txt`` so the README's Performance section can
quote the latest figures and the command that produced them. Quality benchmarks that
read ../shared/eval skip themselves when it is absent.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    failed = 0
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        start = time.perf_counter()
        r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        took = time.perf_counter() - start
        text = r.stdout + (f"\n[stderr]\n{r.stderr[-2000:]}" if r.returncode else "")
        (out / f"{script.stem}.txt").write_text(text, encoding="utf-8")
        print(r.stdout.rstrip())
        print(f"-- {script.stem}: exit {r.returncode} in {took:.1f} s", flush=True)
        failed += r.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
