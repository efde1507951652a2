"""Grouping headlines only, as an aggregator lists them: generated stories, against a tuned baseline.

    .venv/bin/python benchmarks/bench_headlines.py [--seeds 1 2 3 4 5] [--baseline]

No labelled set of real aggregator headlines ships with the project (the hold-out is
hidden), so this generates the shape that makes them hard: stories of very different
sizes (most a few headlines, some hundreds) and lengths (hours to five weeks: bursts of
coverage, and developments weeks later), each headline naming one to three of its story's
details among words its kind of event shares with other stories (eight kinds), recurring
big names, events of an earlier story's kind naming one of its names a month or more
later, half the headlines in Title Case, dates and outlets. Words are made of syllables, so no real text is used.
Prints story BCubed precision, recall and F1 per seed; with ``--baseline`` also the best
F1 of TF-IDF average linkage over its threshold (tuned on the answer, so an upper mark
for that method). Ends with one JSON line.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.group import group_articles
from digest.model import Article

SYLLABLES = "ka lo mi ra te su no vi da ze po an el or un is ba ro ti ne".split()
FUNCTION = "a the of in on to for as after with over".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def generate(stories: int, seed: int) -> tuple[list[Article], dict[str, str]]:
    """Headline-only articles and, per id, the story it belongs to.

    Coverage comes in bursts, as it does: most of a story's headlines within a day or
    two of the event, and half the stories of eight headlines or more come back once or
    twice 5 to 35 days later with a development (a charge, a trial, a recall: new words,
    sometimes a new name, beside one or two of the story's own details). A quarter of the
    stories recur: a new event of an earlier story's kind naming one of its names (the
    same company's next results, the same team's next match) 30 to 90 days after it,
    which must stay apart.
    """
    rng = random.Random(seed)
    kinds = [{"words": [_word(rng) for _ in range(14)], "big": [_word(rng).capitalize() for _ in range(3)]}
             for _ in range(8)]
    start = dt.datetime(2031, 3, 1, tzinfo=dt.timezone.utc)
    articles, gold = [], {}
    made: list[tuple[dict, list[str], dt.datetime]] = []  # kind, names, first headline of earlier stories
    for s in range(stories):
        kind = rng.choice(kinds)
        names = [_word(rng).capitalize() for _ in range(rng.randint(1, 3))]
        first = start + dt.timedelta(days=rng.uniform(0, 60))
        if made and rng.random() < 0.25:
            kind, earlier, then = rng.choice(made)
            names[0] = rng.choice(earlier)
            first = then + dt.timedelta(days=rng.uniform(30, 90))
        made.append((kind, names, first))
        details = names + [_word(rng) for _ in range(rng.randint(2, 4))]
        big = rng.sample(kind["big"], k=rng.randint(0, 2))
        size = min(400, int(rng.paretovariate(1.1)) + 1)
        span = 30 if size < 20 else rng.choice([30, 24 * 7, 24 * 20])  # hours of the first burst
        phases = [(0.0, [], 1.0)]  # (days after the first headline, development words, weight)
        if size >= 8 and rng.random() < 0.5:
            for _ in range(rng.randint(1, 2)):
                new = [_word(rng) for _ in range(rng.randint(1, 2))]
                if rng.random() < 0.5:
                    new.append(_word(rng).capitalize())
                phases.append((rng.uniform(5, 35), new, rng.uniform(0.2, 0.5)))
        for h in range(size):
            day, new, _ = rng.choices(phases, weights=[w for _, _, w in phases])[0]
            if new:
                parts = rng.sample(new, k=rng.randint(1, len(new))) + rng.sample(details, k=rng.randint(1, 2))
                hours = day * 24 + rng.expovariate(1 / 20)
            else:
                parts = rng.sample(details, k=min(len(details), rng.randint(1, 3)))
                hours = rng.uniform(0, span) if span > 30 else rng.expovariate(1 / 30)
            parts += rng.sample(kind["words"], k=rng.randint(2, 4))
            if big and rng.random() < 0.7:
                parts.append(rng.choice(big))
            rng.shuffle(parts)
            for _ in range(rng.randint(1, 3)):
                parts.insert(rng.randint(0, len(parts)), rng.choice(FUNCTION))
            title = " ".join(parts)
            title = title[0].upper() + title[1:]
            if rng.random() < 0.5:
                title = " ".join(w if w in FUNCTION else w.capitalize() for w in title.split())
            aid = f"s{s}-{h}"
            articles.append(Article(id=aid, title=title, summary=title, body=title, source=f"Outlet {rng.randint(1, 40)}",
                                    date=(first + dt.timedelta(hours=hours)).isoformat(timespec="minutes")))
            gold[aid] = f"s{s}"
    rng.shuffle(articles)
    return articles, gold


def bcubed(pred: dict, gold: dict) -> tuple[float, float, float]:
    from collections import Counter

    overlap = Counter((pred[i], gold[i]) for i in gold)
    psize, gsize = Counter(pred[i] for i in gold), Counter(gold.values())
    p = sum(overlap[(pred[i], gold[i])] / psize[pred[i]] for i in gold) / len(gold)
    r = sum(overlap[(pred[i], gold[i])] / gsize[gold[i]] for i in gold) / len(gold)
    return p, r, 2 * p * r / (p + r)


def baseline(articles: list[Article], gold: dict) -> float:
    """Best F1 of TF-IDF average linkage over its distance threshold."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.title for a in articles]).toarray()
    best = 0.0
    for threshold in np.arange(0.3, 1.0, 0.05):
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=threshold).fit_predict(x)
        best = max(best, bcubed({a.id: int(k) for a, k in zip(articles, labels)}, gold)[2])
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", nargs="*", type=int, default=[1, 2, 3, 4, 5])
    parser.add_argument("--stories", nargs="*", type=int, default=[150, 400, 300, 300, 200])
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    results = []
    for seed, n in zip(args.seeds, args.stories):
        articles, gold = generate(n, seed)
        stories = group_articles(articles)
        p, r, f = bcubed({a.id: s.id for s in stories for a in s.articles}, gold)
        row = {"seed": seed, "articles": len(articles), "stories": len(set(gold.values())),
               "bcubed_p": round(p, 4), "bcubed_r": round(r, 4), "bcubed_f1": round(f, 4)}
        if args.baseline:
            row["tfidf_average_linkage_best_f1"] = round(baseline(articles, gold), 4)
        print("\t".join(f"{k} {v}" for k, v in row.items()), flush=True)
        results.append(row)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
