"""What grouping compares: word tokens and entities (names, numbers, dates, countries).

Words say what kind of event an article reports; entities say which one. Two
earthquakes share "magnitude", "quake", "epicentre" but not the place names, the
magnitude or the date, so entities get their own vector (see vectors.py).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Article

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’.-][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\"“”]$|^[\"“”(\[-]")
_URL = re.compile(r"\S+://\S+|www\.\S+|\S+\.(?:com|org|net|html?)\S*")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists in lexicon.yml (months, capitalised non-names)."""
    with open(Path(__file__).with_name("lexicon.yml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["not_names"] = frozenset(data["not_names"])
    return data


def article_text(article: Article, title_weight: int = 1) -> str:
    """Headline (repeated ``title_weight`` times), standfirst and body as one text."""
    parts = [article.title] * max(1, title_weight)
    if article.summary and article.summary not in article.body:
        parts.append(article.summary)
    parts.append(article.body)
    return "\n".join(p for p in parts if p)


def words(text: str) -> list[str]:
    """Lower-case content words: letters only, stop words and one-letter words dropped."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(_URL.sub(" ", text)))
            if len(w) > 1 and w not in ENGLISH_STOP_WORDS]


def entities(article: Article) -> list[str]:
    """Names, numbers, dates and countries of an article, as prefixed tokens.

    ``n:lohan`` (a capitalised word not opening a sentence, and each multi-word
    name joined, ``n:lindsay_lohan``), ``#6.1`` (a number), ``d:5-3`` (month-day),
    ``c:US`` (a country ingest found). Capitalisation is the only name detector:
    cheap, language-light, and good enough to tell two events apart.
    """
    lex = lexicon()
    months, not_names = lex["months"], lex["not_names"]
    out: list[str] = [f"c:{c.upper()}" for c in article.countries]
    for block in (article.title, article.summary, article.body):
        if not block:
            continue
        tokens = _TOKEN.findall(_URL.sub(" ", block))
        run: list[str] = []
        prev = "."
        for i, tok in enumerate(tokens):
            low = tok.lower()
            if tok[0].isdigit():
                out.append("#" + tok.replace(",", ""))
                if prev.lower() in months and len(tok) <= 2:
                    out.append(f"d:{months[prev.lower()]}-{int(float(tok.replace(',', '')))}")
            is_name = tok[0].isupper() and low not in not_names and len(tok) > 1
            if is_name:
                run.append(low)
            if not is_name or i == len(tokens) - 1:
                if run:
                    out.extend("n:" + r for r in run)
                    if len(run) > 1:
                        out.append("n:" + "_".join(run))
                run = []
            prev = tok
    return out
