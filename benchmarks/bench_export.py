"""``digest export`` cost on generated articles, against ``mkdocs build`` of the same site.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_export.py          # 2,000 and 4,000 articles
    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_export.py -n 10000

Reports wall-clock and CPU seconds of an export into an empty folder at N/2 and N articles,
of a second export into the same folder (nothing changed: nothing is written), and of the
site's build at N (the build and the first export both start without the grouping cache). Targets: an export costs no more than the build (it runs the same steps
short of the theme), N <= 2.3x N/2 (no worse than linear, as the build).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_site import Timing, articles, build_seconds, make_site  # noqa: E402


def export_seconds(root: Path, out: Path) -> Timing:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "digest", "export", str(out), "-q", "-f", str(root / "mkdocs.yml")],
                   cwd=root, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime
    return Timing(wall, user + (after.ru_stime - before.ru_stime), user)


def run(n: int, build: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_site(root, articles(n), plugin=True)
        out = {}
        if build:
            b = build_seconds(root)
            out |= {"build": b.wall, "build_cpu": b.cpu}
            shutil.rmtree(root / ".cache")  # the export starts as cold as the build did
        first = export_seconds(root, root / "export")
        again = export_seconds(root, root / "export")  # the grouping cache warm, every file the same
        return out | {"export": first.wall, "export_cpu": first.cpu, "again": again.wall, "again_cpu": again.cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=4000, help="articles in the large site (default 4000)")
    args = ap.parse_args()
    small, large = run(args.n // 2, build=False), run(args.n, build=True)
    print(f"export {args.n // 2:,} articles: {small['export']:.1f} s (CPU {small['export_cpu']:.1f} s)")
    print(f"export {args.n:,} articles: {large['export']:.1f} s (CPU {large['export_cpu']:.1f} s); "
          f"again, nothing changed: {large['again']:.1f} s (CPU {large['again_cpu']:.1f} s)")
    print(f"mkdocs build {args.n:,} articles: {large['build']:.1f} s (CPU {large['build_cpu']:.1f} s)")
    ratio = large["export_cpu"] / small["export_cpu"]
    vs_build = large["export_cpu"] / large["build_cpu"]
    print(f"export CPU {args.n:,} vs {args.n // 2:,}: {ratio:.2f}x (target <= 2.3x); export vs build: {vs_build:.2f}x (target <= 1x)")
    print(json.dumps({"n": args.n, "small": small, "large": large, "ratio": round(ratio, 3), "vs_build": round(vs_build, 3)}))


if __name__ == "__main__":
    main()
