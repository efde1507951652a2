"""Key facts: up to five sentences reporters wrote, chosen across a story's independent reports.

Extractive on purpose: every key fact is a sentence of one report, with its outlet and
article, so nothing can be said that no report said. The method (group/README.md):

1. Candidates: the first sentences of each report's standfirst and body (news puts
   what matters first), whole and of a readable length, datelines cut, from at most
   ``MAX_REPORTS`` reports (the three latest, then the most central).
2. Concepts: a sentence says its content words and numbers. A concept is central when
   several reports say it: its weight is the share of the other reports that say it,
   times its IDF in the run; a concept only one report says weighs nothing.
3. Novelty: greedy coverage. The headline and summary cover their concepts first; then
   the sentence adding the most weight not yet covered (per square root of its length)
   is taken, and its concepts are covered, until five are taken or the best adds under
   a fifth of what the first added. A sentence whose word-overlap F1 with the summary,
   the headline or a taken fact exceeds 0.5 is never taken, and each report gives one
   sentence before any gives a second.
4. Developments: among the sentences adding nearly as much as the best (80%), the one
   from the latest report is taken, so "at least 17 dead" gives way to "23 dead".
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

from ..escaping import unescape_markdown
from ..ingest.dateline import parse_dateline
from ..model import Article, KeyFact
from .features import stop_words
from .sentences import split_sentences

MAX_FACTS = 5
MAX_REPORTS = 8           # reports read per story: a fact central to the story is in these
SENTENCES_PER_REPORT = 6
MIN_WORDS, MAX_WORDS = 8, 60
MAX_OVERLAP = 0.5         # word-overlap F1 above this: the same thing said again
MIN_GAIN = 0.2            # stop when a sentence adds less than this share of what the first added
LATEST_WITHIN = 0.8       # sentences adding this share of the best gain count as saying as much

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]{1,3}|<[^>]+>")


def sentences(article: Article, limit: int = SENTENCES_PER_REPORT) -> list[str]:
    """The article's first sentences in reading order: standfirst (unless the body repeats it), then body."""
    out: list[str] = []
    summary = article.summary.strip()
    body = unescape_markdown(article.body)  # the text as written, not as Markdown escapes it
    texts = [summary, body] if summary and summary not in body else [body]
    for text in texts:
        first = True
        for block in text.split("\n"):
            block = block.strip()
            if not block or block.startswith(("#", "|", "![", "http", "---")):
                continue
            if "[" in block or "*" in block or "_" in block or "<" in block:
                block = _MARKUP.sub("", _LINK.sub(r"\1", block.lstrip(">-*+ ")))
            if first and (dateline := parse_dateline(block)):
                block = block[dateline.end:]  # "LAGOS, Nov 24 (Reuters) - Researchers ...": it starts after
            first = False
            for sentence in split_sentences(block):
                out.append(sentence)
                if len(out) >= limit:
                    return out
    return out


def readable(sentence: str) -> bool:
    """A whole sentence a reader can take alone, and a statement: a sane length, a capital first,
    a full stop last (not a question), its quotation marks paired, no words of the page talking
    to its reader ("See what else made our list")."""
    words = _WORD.findall(sentence)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not (sentence[:1].isupper() or sentence[:1].isdigit() or sentence[:1] in "\"“‘"):
        return False
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return False  # the tail or head of a quotation that runs over several sentences
    if not sentence.rstrip("\"”’)").endswith((".", "!")) or "://" in sentence or sentence.isupper():
        return False
    return reader_words().isdisjoint(_WORD.findall(_QUOTED.sub(" ", sentence)))


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»')


@functools.lru_cache(maxsize=1)
def reader_words() -> frozenset[str]:
    """keyfacts.yml's words of a page speaking to its reader or of itself, as written."""
    with open(Path(__file__).with_name("keyfacts.yml"), encoding="utf-8") as fh:
        return frozenset(map(str, yaml.safe_load(fh)["reader_words"]))


def overlap_f1(a: Counter, b: Counter) -> float:
    """Word-overlap F1 of two bags of lower-case words (the redundancy measure of issue 17)."""
    common = sum((a & b).values())
    if not common:
        return 0.0
    return 2 * common / (sum(a.values()) + sum(b.values()))


def bag(text: str) -> Counter:
    """The lower-case words of a text with their counts."""
    return Counter(_WORD.findall(text.lower()))


def key_facts(reports: list[Article], central: list[float], summary: str, title: str,
              idf: Callable[[str], float]) -> list[KeyFact]:
    """Up to MAX_FACTS key facts of a story from its independent reports (earliest first).

    ``central`` is each report's centrality in its story; ``idf(term)`` the weight of a
    lower-case term in this run.
    """
    if len(reports) < 2:
        return []
    cands: list[tuple[int, str]] = []  # (report index, sentence)
    for r in _reports_to_read(reports, central):
        cands.extend((r, s) for s in sentences(reports[r]) if readable(s))
    if not cands:
        return []
    report_of = np.array([r for r, _ in cands])
    words = _Incidence([bag(s) for _, s in cands] + [bag(summary), bag(title)])  # word counts, for overlap F1
    said = words.concepts(len(cands))  # candidates x concepts, 0/1
    readers = len(set(report_of.tolist()))
    support = np.zeros(said.matrix.shape[1])
    for r in set(report_of.tolist()):
        support += said.matrix[report_of == r].max(axis=0)
    weight = np.zeros(len(support))
    for k in np.flatnonzero(support > 1).tolist():
        weight[k] = (support[k] - 1) / max(1, readers - 1) * idf(said.terms[k])
    uncovered = np.ones(len(weight), dtype=bool)
    uncovered[[said.index[t] for t in terms(summary) | terms(title) if t in said.index]] = False
    length = np.sqrt(np.maximum(said.matrix.sum(axis=1), 1))
    counts, sizes = words.matrix, words.matrix.sum(axis=1)
    blocked = np.zeros(len(cands), dtype=bool)
    for row in (len(cands), len(cands) + 1):  # the summary and the headline
        blocked |= _overlap(counts, sizes, row)[: len(cands)] > MAX_OVERLAP
    when = np.array([_when(reports[r]) for r, _ in cands])
    used = np.zeros(len(reports), dtype=int)
    facts: list[KeyFact] = []
    first_gain = 0.0
    for allowed in (1, 2):
        while len(facts) < MAX_FACTS:
            gain = (said.matrix @ (weight * uncovered)) / length
            gain[blocked | (used[report_of] >= allowed)] = 0.0
            top = gain.max()
            if top <= 0 or top < MIN_GAIN * first_gain:
                break
            first_gain = first_gain or top
            # among the nearly as informative, the latest report's: it says where things stand
            near = np.flatnonzero(gain >= LATEST_WITHIN * top)
            i = int(near[np.lexsort((near, -when[near]))[0]])
            r = cands[i][0]
            facts.append(KeyFact(cands[i][1], reports[r].id, reports[r].source))
            uncovered &= said.matrix[i] == 0
            blocked |= _overlap(counts, sizes, i)[: len(cands)] > MAX_OVERLAP
            used[r] += 1
    return facts


def terms(text: str) -> set[str]:
    """The content words and numbers of a text: what a fact says."""
    return _concepts(set(_WORD.findall(text.lower())))


def _concepts(words) -> set[str]:
    stop = stop_words()
    return {t for t in words if _is_concept(t, stop)}


def _is_concept(term: str, stop: frozenset[str]) -> bool:
    return term[0].isdigit() or (len(term) > 1 and term.isalpha() and term not in stop)


class _Incidence:
    """Rows of terms with their counts over a small shared vocabulary, sorted (dense: a story has few sentences)."""

    def __init__(self, rows: list[Counter]) -> None:
        self.terms = sorted(set().union(*rows))
        self.index = index = {t: k for k, t in enumerate(self.terms)}
        lengths = [len(r) for r in rows]
        flat = [t for r in rows for t in r]
        cols = np.fromiter(map(index.__getitem__, flat), dtype=np.int64, count=len(flat))
        self.matrix = np.zeros((len(rows), len(self.terms)))
        self.matrix[np.repeat(np.arange(len(rows)), lengths), cols] = [n for r in rows for n in r.values()]

    def concepts(self, n: int) -> "_Incidence":
        """The first ``n`` rows' concepts (_concepts of their words), 1 where a row says one, sorted:
        the columns of this vocabulary that those rows use and that are concepts, so each word
        is judged once per story rather than once per sentence."""
        stop = stop_words()
        used = self.matrix[:n].any(axis=0)
        keep = [k for k, t in enumerate(self.terms) if used[k] and _is_concept(t, stop)]
        said = object.__new__(_Incidence)
        said.terms = [self.terms[k] for k in keep]
        said.index = {t: k for k, t in enumerate(said.terms)}
        said.matrix = (self.matrix[:n, keep] > 0).astype(np.float64)
        return said


def _overlap(counts: np.ndarray, sizes: np.ndarray, row: int) -> np.ndarray:
    """Word-overlap F1 of every row of ``counts`` with row ``row``."""
    common = np.minimum(counts, counts[row]).sum(axis=1)
    return 2 * common / np.maximum(sizes + sizes[row], 1)


def _reports_to_read(reports: list[Article], central: list[float]) -> list[int]:
    """Indexes of the reports to read: the three latest, then the most central, MAX_REPORTS in all."""
    if len(reports) <= MAX_REPORTS:
        return list(range(len(reports)))
    latest = sorted(range(len(reports)), key=lambda i: _when(reports[i]), reverse=True)[:3]
    rest = sorted((i for i in range(len(reports)) if i not in latest), key=lambda i: -central[i])
    return sorted(latest + rest[: MAX_REPORTS - len(latest)])


def _when(article: Article) -> float:
    d = article.datetime
    return d.timestamp() if d else float("-inf")
