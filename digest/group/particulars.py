"""Evidence against a story: undated headlines of two events of one kind, told apart by their particulars.

Headlines of two events of one kind share the words of their kind ("supermarket", "fire",
"arson") and often a name too (the chain, the champion, the navy). Similarity weighs what
two reports share, never what they contradict, so undated headlines of two such events
run together: the pairs across are nearly as alike as the pairs within, and each event's
headlines vary in the details they pick. Dated, time keeps such events apart (window.py);
undated, text is all there is.

What tells them apart are the particulars each event's headlines keep naming: the town,
the opponent, the number of pirates held. So after clustering, a story made of undated,
mostly short reports is split in two when two names (or two numbers) are each named by
at least ``min_reports`` of its reports, never both in one report, and together by at
least ``cover`` of them ("Wellington" in nine, "Surrey" in six, never together, of nineteen
headlines of two Waitrose fires). A story's own details do not look so: they come
together in some headlines, or only a few name each, or most name neither. A report
naming neither joins the side whose reports it is more alike; each side is then looked
at again.

Names are compared by their first four letters ("Greece" and "Greek", "Malaysia" and
"Malaysian" are one particular), and two parts of the names of one thing are not two
particulars: "Maurice Cheeks" and "Mo Cheeks" share "Cheeks", so "Maurice" against "Mo"
is no contradiction.

Only stories of undated reports, at least half of them short, are looked at; the work per
story is its reports' particulars and the pairs of its frequent ones: no pair of reports
is enumerated.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np
import scipy.sparse as sp


def split_apart(labels: np.ndarray, matrix: sp.csr_matrix, terms: list[str], undated: np.ndarray,
                short: np.ndarray, min_reports: int, cover: float) -> np.ndarray:
    """Labels after splitting every story of undated headlines that names two sets of particulars.

    ``labels`` per report, ``matrix`` the reports' TF-IDF rows, ``terms`` its columns
    (vectors.terms), ``undated`` and ``short`` per report.
    """
    labels = np.asarray(labels).copy()
    if min_reports <= 0 or len(labels) == 0:
        return labels
    groups, member_of = np.unique(labels, return_inverse=True)
    size = np.bincount(member_of)
    dated = np.bincount(member_of, weights=(~undated).astype(np.float64)) > 0
    shorts = np.bincount(member_of, weights=short.astype(np.float64))
    looked = np.flatnonzero(~dated & (2 * shorts >= size) & (size >= 2 * min_reports))
    if len(looked) == 0:
        return labels
    particulars = _Particulars(matrix, terms)
    order = np.argsort(member_of, kind="stable")
    starts = np.concatenate([[0], np.cumsum(size)])
    todo = [order[starts[g]:starts[g + 1]].tolist() for g in looked.tolist()]
    next_label = int(labels.max()) + 1
    while todo:
        members = todo.pop()
        sides = particulars.split(members, min_reports, cover)
        if sides is None:
            continue
        first, second = _place_the_rest(matrix, members, *sides)
        labels[second] = next_label
        next_label += 1
        todo.extend(side for side in (first, second) if len(side) >= 2 * min_reports)
    return labels


class _Particulars:
    """Each report's particulars (names by their first four letters, numbers) as small ints."""

    def __init__(self, matrix: sp.csr_matrix, terms: list[str]) -> None:
        keys: dict[str, int] = {}
        self.column_key = np.array([keys.setdefault(k, len(keys)) if (k := _key(t)) else -1 for t in terms],
                                   dtype=np.int64)
        self.is_number = [k.startswith("#") for k in keys]
        self.text = list(keys)  # ties are broken by the particular's text, not by input order
        # per particular, the other words of the multi-word names it is part of ("cheeks" for "maurice")
        self.companions: dict[int, set[str]] = defaultdict(set)
        for t in terms:
            if t.startswith("n:") and "_" in t:
                words = t[2:].split("_")
                for w in words:
                    if (k := keys.get(_key("n:" + w))) is not None:
                        self.companions[k].update(x for x in words if x != w)
        self.matrix = matrix
        self._of: dict[int, set[int]] = {}

    def of(self, report: int) -> set[int]:
        if report not in self._of:
            m = self.matrix
            named = self.column_key[m.indices[m.indptr[report]:m.indptr[report + 1]]]
            self._of[report] = set(named[named >= 0].tolist())
        return self._of[report]

    def split(self, members: list[int], min_reports: int, cover: float) -> tuple[list[int], list[int]] | None:
        """The reports naming each of the two particulars that best divide ``members``, or None."""
        naming: dict[int, list[int]] = defaultdict(list)
        for r in members:
            for k in self.of(r):
                naming[k].append(r)
        counts = {k: len(rs) for k, rs in naming.items() if len(rs) >= min_reports}
        frequent = sorted(counts, key=lambda k: (-counts[k], self.text[k]))
        sets = {k: set(naming[k]) for k in frequent}
        best, best_cover = None, cover * len(members)
        for i, a in enumerate(frequent):
            for b in frequent[i + 1:]:
                if counts[a] + counts[b] < best_cover:
                    break  # most common first: no later b covers more
                if (self.is_number[a] != self.is_number[b] or not sets[a].isdisjoint(sets[b])
                        or self.companions[a] & self.companions[b]):
                    continue
                best, best_cover = (a, b), counts[a] + counts[b] + 1e-9
        if best is None:
            return None
        return naming[best[0]], naming[best[1]]


def _place_the_rest(matrix: sp.csr_matrix, members: list[int], first: list[int],
                    second: list[int]) -> tuple[list[int], list[int]]:
    """Both sides, each report naming neither particular joining the side it is more alike on average."""
    named = set(first) | set(second)
    rest = [r for r in members if r not in named]
    if not rest:
        return first, second
    rows = matrix[rest]
    to_first = rows @ (np.asarray(matrix[first].sum(axis=0)).ravel() / len(first))
    to_second = rows @ (np.asarray(matrix[second].sum(axis=0)).ravel() / len(second))
    goes_first = to_first >= to_second
    return (first + [r for r, g in zip(rest, goes_first) if g],
            second + [r for r, g in zip(rest, goes_first) if not g])


def _key(term: str) -> str:
    """What a column names, as a particular: a number as written, a name by its first four
    letters; "" for any other column (words, dates, countries: a day or a country named by one
    headline and not another says little)."""
    if term.startswith("#"):
        return term
    if term.startswith("n:"):
        return "n:" + term[2:6]
    return ""
