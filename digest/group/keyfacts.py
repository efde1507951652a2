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

import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from ..ingest.metadata import parse_dateline
from ..model import Article, KeyFact
from .features import is_content_word

MAX_FACTS = 5
MAX_REPORTS = 12          # reports read per story: a fact central to the story is in these
SENTENCES_PER_REPORT = 10
MIN_WORDS, MAX_WORDS = 8, 60
MAX_OVERLAP = 0.5         # word-overlap F1 above this: the same thing said again
MIN_GAIN = 0.2            # stop when a sentence adds less than this share of what the first added
LATEST_WITHIN = 0.8       # sentences adding this share of the best gain count as saying as much

# A sentence ends at . ! or ? (a closing quote or bracket may follow) before a capital or
# a digit; not after an initial ("S. Venkatesh Rao") nor a short title or abbreviation.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Ft", "Jr", "Sr", "No", "Gov", "Sen", "Rep", "Gen",
                  "Col", "Lt", "Sgt", "Capt", "Prof", "Rev", "Inc", "Co", "Corp", "Ltd", "vs", "Jan", "Feb",
                  "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N")
_SENTENCE = re.compile(
    r"(?<![\s.(][A-Z]\.)" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS)
    + r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])"
)
_WORD = re.compile(r"\w+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]{1,3}|<[^>]+>")
_TERM = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")


def sentences(article: Article, limit: int = SENTENCES_PER_REPORT) -> list[str]:
    """The article's first sentences in reading order: standfirst (unless the body repeats it), then body."""
    out: list[str] = []
    blocks = article.body.split("\n")
    if article.summary.strip() and article.summary.strip() not in article.body:
        blocks.insert(0, article.summary)
    for block in blocks:
        block = block.strip()
        if not block or block.startswith(("#", "|", "![", "http")) or block.startswith("---"):
            continue
        block = _MARKUP.sub("", _LINK.sub(r"\1", block.lstrip(">-*+ ")))
        dateline = parse_dateline(block)
        if dateline:  # "LAGOS, Nov 24 (Reuters) - Researchers ...": the sentence starts after it
            block = block[dateline.end:]
        for sentence in split_sentences(block):
            out.append(sentence.strip())
            if len(out) >= limit:
                return out
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, as written."""
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def readable(sentence: str) -> bool:
    """A whole sentence a reader can take alone: a sane length, a capital first, a full stop last."""
    if not MIN_WORDS <= len(_WORD.findall(sentence)) <= MAX_WORDS:
        return False
    if not (sentence[:1].isupper() or sentence[:1].isdigit() or sentence[:1] in "\"“‘"):
        return False
    return sentence.rstrip("\"”’)").endswith((".", "!", "?")) and "://" not in sentence and not sentence.isupper()


def overlap_f1(a: Counter, b: Counter) -> float:
    """Word-overlap F1 of two bags of lower-case words (the redundancy measure of issue 17)."""
    common = sum((a & b).values())
    if not common:
        return 0.0
    return 2 * common / (sum(a.values()) + sum(b.values()))


def bag(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def key_facts(reports: list[Article], central: list[float], summary: str, title: str,
              idf: Callable[[str], float]) -> list[KeyFact]:
    """Up to MAX_FACTS key facts of a story from its independent reports (earliest first).

    ``central`` is each report's centrality in its story; ``idf(term)`` the weight of a
    lower-case term in this run.
    """
    if len(reports) < 2:
        return []
    cands: list[tuple[int, int, str]] = []  # (report index, position, sentence)
    for r in _reports_to_read(reports, central):
        for pos, s in enumerate(sentences(reports[r])):
            if readable(s):
                cands.append((r, pos, s))
    if not cands:
        return []
    concepts = [terms(s) for _, _, s in cands]
    support: Counter[str] = Counter()  # in how many reports each term is said
    for r in {r for r, _, _ in cands}:
        support.update(set().union(*(concepts[i] for i, c in enumerate(cands) if c[0] == r)))
    readers = len({r for r, _, _ in cands})
    weight = {t: (n - 1) / (readers - 1) * idf(t) for t, n in support.items() if n > 1}
    covered = terms(summary) | terms(title)
    taken = [bag(summary), bag(title)]
    when = [_when(reports[r]) for r, _, _ in cands]
    facts: list[KeyFact] = []
    used: Counter[int] = Counter()
    first_gain = 0.0
    for allowed in (1, 2):
        while len(facts) < MAX_FACTS:
            gains = [(sum(weight.get(t, 0.0) for t in concepts[i] - covered) / np.sqrt(len(concepts[i]) or 1), i)
                     for i in range(len(cands)) if used[cands[i][0]] < allowed]
            gains = [(g, i) for g, i in gains if g > 0 and not _repeats(cands[i][2], taken)]
            if not gains:
                break
            top = max(g for g, _ in gains)
            if top < MIN_GAIN * first_gain:
                break
            first_gain = first_gain or top
            # among the nearly as informative, the latest report's: it says where things stand
            i = max((i for g, i in gains if g >= LATEST_WITHIN * top), key=lambda i: (when[i], -i))
            r = cands[i][0]
            facts.append(KeyFact(cands[i][2], reports[r].id, reports[r].source))
            taken.append(bag(cands[i][2]))
            covered |= concepts[i]
            used[r] += 1
    return facts


def terms(text: str) -> set[str]:
    """The content words and numbers of a text: what a fact says."""
    return {t for t in (w.lower() for w in _TERM.findall(text)) if t[0].isdigit() or is_content_word(t)}


def _repeats(sentence: str, taken: list[Counter]) -> bool:
    b = bag(sentence)
    return any(overlap_f1(b, t) > MAX_OVERLAP for t in taken)


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
