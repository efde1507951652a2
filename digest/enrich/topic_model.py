"""The learned topic model at tagging time: a linear model read from ``data/topic_model.json``.

The file is plain data (classes, intercepts, per term an idf and its non-zero weights), written by
``digest/enrich/topic_build_model.py`` from the training data; reading it needs nothing but the
standard library, and scoring one article is one dictionary lookup per word of its headline and lead.
"""
from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

MODEL_FILE = Path(__file__).parent / "data" / "topic_model.json"


@dataclass(frozen=True)
class TopicModel:
    """A multinomial logistic regression over TF-IDF word unigrams (sublinear tf, L2 norm)."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    terms: Mapping[str, tuple[float, tuple[tuple[int, float], ...]]]  # term -> (idf, ((class, weight), ...))
    lead_tokens: int

    def probabilities(self, words: list[str]) -> dict[str, float]:
        """P(topic | words) for every class; the intercepts alone when no word is known."""
        counts = Counter(w for w in words if w in self.terms)
        logits = list(self.intercepts)
        if counts:
            values = {w: (1.0 + math.log(n)) * self.terms[w][0] for w, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in values.values()))
            for w, v in values.items():
                for i, weight in self.terms[w][1]:
                    logits[i] += weight * v / norm
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def knows(self, words: list[str]) -> bool:
        """Whether any of the words carries weight in the model."""
        return any(w in self.terms for w in words)


def parse(data: Mapping) -> TopicModel:
    """The model from its JSON form (see topic_build_model.build)."""
    terms = {t: (float(idf), tuple(zip(flat[0::2], flat[1::2]))) for t, (idf, flat) in data["terms"].items()}
    return TopicModel(tuple(data["classes"]), tuple(map(float, data["intercepts"])), terms, int(data["lead_tokens"]))


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> TopicModel:
    """The shipped model, read once per process."""
    with path.open(encoding="utf-8") as f:
        return parse(json.load(f))
