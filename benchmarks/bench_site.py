"""Site build cost, page weight and search download, on generated articles.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_site.py            # 2,000 and 4,000 articles
    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_site.py -n 10000 --repeat 3 [--warm]
    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/bench_site.py --weight 10000

Reports:
* build seconds with the digest plugin at N/2 and N articles, and two plain ``mkdocs build``
  runs of the same N files, the same mkdocs.yml (theme, custom_dir, nav) without the digest
  (the nav's generated pages are then missing and MkDocs keeps them as plain links):
  - "no plugins": ``plugins: []``, the bare cost of turning the articles into pages;
  - "MkDocs defaults": the ``plugins`` key removed, so MkDocs runs its default search
    plugin (Material's), as a site without the digest has it: the digest's own search
    replaces that one, so this is the like-for-like build a site owner compares with.
  Ratios against both, in wall, CPU and user CPU. Targets: N <= 1.5x plain (MkDocs
  defaults), N <= 2.3x N/2.
* with --weight: the bytes a page view downloads (HTML + CSS + JS, no search data) for
  the home page and the largest day, region, topic, story and article page, and the bytes
  each of a sample of searches downloads (manifest, script, shards, result records).
  Targets: <= 350 KB per page, a median under 150 KB per search.

Articles come from benchmarks/generate.py (the grouping benchmark's generator, realistic
stories and wire copies), written as Markdown. ``digest ingest`` would also store their
grouping profiles with them (digest/group/stored.py), so the site is given them through
the very function ingest calls, ``store_profiles``, untimed: the build then does what a
user's cold build does after ingest (a fresh clone, a CI run without its cache). With
``--no-stored`` nothing is stored and the build profiles every article itself (articles
stored by older code, or edited by hand since).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from digest.group import GroupOptions  # noqa: E402
from digest.group.stored import store_profiles  # noqa: E402
from digest.model import Article, render_markdown  # noqa: E402
from digest.site import search  # noqa: E402

def articles(n: int) -> list[Article]:
    """n generated articles (benchmarks/generate.py: stories of varied size, wire copies)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import generate  # type: ignore[import-not-found]

    return generate.generate(n)[0]


def make_site(root: Path, arts: list[Article], plugin: bool, stored: bool = True, *, defaults: bool = False) -> None:
    """The site's folder: mkdocs.yml, the About page and the articles (with their stored
    profiles, as ingest leaves them, when ``plugin`` and ``stored``). Without the plugin,
    mkdocs.yml has ``plugins: []``, or with ``defaults`` no ``plugins`` key (MkDocs' search)."""
    docs = root / "content"
    written = []
    for a in arts:
        rel = f"{(a.day or 'undated').replace('-', '/')}/{a.id}.md"
        p = docs / "articles" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(render_markdown(a), encoding="utf-8")
        written.append(rel)
    if plugin and stored:
        store_profiles(docs / "articles", written, GroupOptions().copy_shingle)
    shutil.copy(REPO / "content" / "about.md", docs / "about.md")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    if not plugin:
        text = text.split("\nplugins:", 1)[0] + ("\n" if defaults else "\nplugins: []\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Timing:
    """Wall-clock and CPU seconds of one build (CPU: user + system of the build process, which
    a busy shared machine does not inflate the way it does wall-clock time). ``user`` alone
    leaves out the system time of writing thousands of files, which swings several-fold
    between identical builds here (0.5 s to 3 s for the plain build at 4,000)."""

    wall: float
    cpu: float
    user: float


def build_seconds(root: Path) -> Timing:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], cwd=root, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime
    return Timing(wall, user + (after.ru_stime - before.ru_stime), user)


def timed_build(n: int, plugin: bool, keep: Path | None = None, repeat: int = 1, warm: bool = False,
                stored: bool = True, defaults: bool = False) -> Timing:
    """The fastest of ``repeat`` builds, each in a new folder. ``warm``: time a second build of
    the same folder instead (the grouping cache kept, as a daily build that keeps .cache/ has it).
    ``stored``: the grouping profiles stored with the articles, as ingest leaves them.
    ``defaults``: without the plugin, MkDocs' default plugins rather than none (make_site)."""
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_site(root, articles(n), plugin, stored, defaults=defaults)
            if warm:
                build_seconds(root)
            runs.append(build_seconds(root))
            if keep is not None:
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(root / "site", keep)
    return Timing(min(r.wall for r in runs), min(r.cpu for r in runs), min(r.user for r in runs))


def page_weight(site: Path, url: str) -> int:
    """Bytes of a page's HTML and the same-site CSS/JS it loads (no images: the pages have none)."""
    page = site / url / "index.html"
    text = page.read_text(encoding="utf-8")
    total = len(text.encode())
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', text):
        if "://" not in ref:
            total += (page.parent / ref).resolve().stat().st_size
    return total


def search_costs(site: Path, queries: list[str]) -> list[int]:
    """Bytes each query downloads, following digest-search.js (search.search is its reference):
    the script, the manifest, the shards and the result records of the first page of results."""
    data = site / "search-data"
    script = (site / "assets/javascripts/digest-search.js").stat().st_size
    files = {p.relative_to(data).as_posix(): p.read_text(encoding="utf-8") for p in data.rglob("*.json")}
    costs = []
    for q in queries:
        fetched = search.search(files, q).fetched
        costs.append(script + sum(len(files[f].encode()) for f in fetched))
    return costs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=4000, help="articles in the large build (default 4000)")
    ap.add_argument("--weight", type=int, metavar="N", help="instead: page weight and search cost at N articles")
    ap.add_argument("--repeat", type=int, default=1, help="builds of each kind, the fastest counts (default 1; "
                                                          "3 steadies the figures on a busy machine)")
    ap.add_argument("--warm", action="store_true", help="time a second build of each folder (grouping cache kept)")
    ap.add_argument("--no-stored", dest="stored", action="store_false",
                    help="no grouping profiles stored with the articles (the build makes them all)")
    args = ap.parse_args()
    if args.weight:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            arts = articles(args.weight)
            timing = timed_build(args.weight, True, keep=site)
            print(f"{args.weight} articles: build {timing.wall:.1f} s wall, {timing.cpu:.1f} s CPU")
            def largest(folder: str) -> str:
                pages = (site / folder).rglob("index.html")
                return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix()

            for url in ("", largest("days"), largest("regions"), largest("topics"), largest("stories"), largest("articles"), "search"):
                print(f"page weight {url or 'home'}: {page_weight(site, url) / 1000:.0f} KB")
            rng = random.Random(3)
            sample = rng.sample(arts, 100)
            queries = [" ".join(rng.sample(a.title.split(), 2)) for a in sample] + [a.title.split()[0][:4] for a in sample]
            costs = search_costs(site, queries)
            print(f"search download over {len(costs)} queries: median {statistics.median(costs) / 1000:.0f} KB, "
                  f"max {max(costs) / 1000:.0f} KB")
            total = sum(p.stat().st_size for p in (site / "search-data").rglob("*.json"))
            print(f"search index on disk: {total / 1e6:.1f} MB in {sum(1 for _ in (site / 'search-data').rglob('*.json'))} files")
        return
    half = timed_build(args.n // 2, True, repeat=args.repeat, warm=args.warm, stored=args.stored)
    full = timed_build(args.n, True, repeat=args.repeat, warm=args.warm, stored=args.stored)
    bare = timed_build(args.n, False, repeat=args.repeat, warm=args.warm)
    plain = timed_build(args.n, False, repeat=args.repeat, warm=args.warm, defaults=True)
    if args.warm:
        print("second builds of the same folders (grouping cache warm):")
    else:
        print(f"first builds (no grouping cache), profiles {'stored with the articles' if args.stored else 'not stored'}:")
    for label, t in ((f"digest build {args.n // 2}", half), (f"digest build {args.n}", full),
                     (f"plain mkdocs build {args.n}, no plugins", bare),
                     (f"plain mkdocs build {args.n}, MkDocs defaults (search)", plain)):
        print(f"  {label + ':':50s} {t.wall:5.1f} s wall, {t.cpu:5.1f} s CPU, {t.user:5.1f} s user")
    for label, base, target in (("MkDocs defaults", plain, " (target <= 1.5)"), ("no plugins", bare, "")):
        print(f"ratio digest/plain ({label}) at {args.n}: {full.wall / base.wall:.2f} wall, {full.cpu / base.cpu:.2f} CPU, "
              f"{full.user / base.user:.2f} user CPU{target}")
    print(f"ratio {args.n}/{args.n // 2}: {full.wall / half.wall:.2f} wall, {full.cpu / half.cpu:.2f} CPU, "
          f"{full.user / half.user:.2f} user CPU (target <= 2.3)")

if __name__ == "__main__":
    main()
