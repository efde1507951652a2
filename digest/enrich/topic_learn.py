"""Refine the topic lexicon from a site's own hand-labelled articles (optional, off by default).

Why: a site that has tagged many articles by hand has taught us its own vocabulary (its
columnists, its local teams, its beats). A linear model trained on those articles at build time
finds the words that separate its topics; its strongest positive weights become extra lexicon
terms. Tagging stays the same single lexicon pass, and nothing is pickled or shipped: the
model lives only while the build runs.

Only terms the lexicon does not already give to that topic are added, so the hand-written
IPTC seed is refined, never overwritten.

Switched on from mkdocs.yml, under the plugin's ``topics:`` option::

    topics:
      learn: {from: path/to/hand-labelled/articles, min_examples: 200}

``resolve_learning`` runs once per ingest batch, before any worker starts, and turns that into
plain extra lexicon terms; workers then tag with the ordinary lexicon pass.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from digest.enrich.topics import Lexicon, load_lexicon, term_weights, tokens
from digest.model import TOPIC_SLUGS, split_front_matter

# (title, summary, body, topics set by a person)
Example = tuple[str, str, str, Sequence[str]]


def learn_terms(examples: Iterable[Example], lexicon: Lexicon | None = None, *, min_examples: int = 200,
                min_positives: int = 20, terms_per_topic: int = 50, max_weight: float = 2.0) -> dict[str, Any]:
    """Extra terms as a lexicon override ``{"topics": {slug: {"terms": {term: weight}}}}``.

    Empty when there are fewer than ``min_examples`` labelled articles (too little to trust),
    and topics with fewer than ``min_positives`` articles are left alone. Weights are the
    model's coefficients scaled so the strongest new term gets ``max_weight``: below the
    lexicon's 3 ("names the topic"), since a learned word is evidence, not a definition.
    """
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(f"{t}\n{s}\n{b}", [x for x in topics if x in TOPIC_SLUGS]) for t, s, b, topics in examples]
    rows = [(text, labels) for text, labels in rows if labels]
    if len(rows) < min_examples:
        return {}
    lex = lexicon or load_lexicon()
    vectorizer = CountVectorizer(tokenizer=tokens, lowercase=False, token_pattern=None, ngram_range=(1, 2),
                                 min_df=3, max_df=0.5, binary=True)
    matrix = vectorizer.fit_transform(text for text, _ in rows)
    vocabulary = vectorizer.get_feature_names_out()
    learned: dict[str, Any] = {}
    for slug in TOPIC_SLUGS:
        target = [slug in labels for _, labels in rows]
        positives = sum(target)
        if positives < min_positives or positives == len(rows):
            continue
        model = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced").fit(matrix, target)
        coefs = model.coef_[0]
        t = TOPIC_SLUGS.index(slug)
        best = [i for i in coefs.argsort()[::-1] if coefs[i] > 0 and not _known(lex, vocabulary[i], t)]
        best = best[:terms_per_topic]
        if best:
            top = coefs[best[0]]
            learned[slug] = {"terms": {str(vocabulary[i]): round(max_weight * coefs[i] / top, 2) for i in best}}
    return {"topics": learned} if learned else {}


def _known(lex: Lexicon, term: str, topic: int) -> bool:
    """Whether the lexicon already gives this term (word or phrase) to this topic."""
    words = term.split()
    if len(words) == 1:
        hits = lex.unigrams.get(words[0], ())
    else:
        hits = next((h for rest, h in lex.phrases.get(words[0], ()) if rest == words[1:]), ())
    return any(t == topic for t, _ in hits)


def with_learned(override: Mapping[str, Any] | None, learned: Mapping[str, Any]) -> dict[str, Any]:
    """The user's lexicon override plus learned terms; what the user wrote (even a 0) wins."""
    merged: dict[str, Any] = {key: value for key, value in (override or {}).items() if key != "topics"}
    merged["topics"] = {slug: {**spec, "terms": term_weights(spec.get("terms"))}
                        for slug, spec in ((override or {}).get("topics") or {}).items()}
    for slug, spec in (learned.get("topics") or {}).items():
        terms = merged["topics"].setdefault(slug, {"terms": {}})["terms"]
        for term, weight in spec["terms"].items():
            terms.setdefault(term, weight)
    return merged


def refined_lexicon(examples: Iterable[Example], override: Mapping[str, Any] | None = None, **options: Any) -> Lexicon:
    """The lexicon (with the user's override) plus the terms learned from the examples."""
    base = load_lexicon(override)
    learned = learn_terms(examples, base, **options)
    return load_lexicon(with_learned(override, learned)) if learned else base


def labelled_articles(folder: Path) -> Iterator[Example]:
    """The Markdown articles under ``folder`` whose front matter lists topics, as examples."""
    for path in sorted(folder.rglob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
        labels = meta.get("topics")
        if isinstance(labels, list) and labels:
            yield (str(meta.get("title") or ""), str(meta.get("summary") or ""), body, [str(t) for t in labels])


def resolve_learning(spec: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The plugin's ``topics:`` option with ``learn: {from: DIR, min_examples: N}`` replaced by the
    terms learned from the hand-labelled articles in DIR (the schema makes it absolute, from mkdocs.yml).

    Without ``learn`` the option is returned as it is. Too few examples learn nothing, and the
    shipped lexicon (with the user's own terms) is used unchanged.
    """
    if not spec or not spec.get("learn"):
        return dict(spec) if spec else None
    learn = spec["learn"]
    folder = Path(str(learn.get("from") or ""))
    if not learn.get("from") or not folder.is_dir():
        raise FileNotFoundError(f"topics: learn: from: {folder}: no such folder of labelled articles")
    override = {key: value for key, value in spec.items() if key != "learn"}
    learned = learn_terms(labelled_articles(folder), load_lexicon(override or None),
                          min_examples=int(learn.get("min_examples", 200)))
    merged = with_learned(override, learned) if learned else override
    return merged or None
