"""Evidence against a merge: two groups of undated headlines that keep naming different particulars.

Headlines of two events of one kind share the words of their kind ("supermarket", "fire",
"arson") and often a name too (the chain, the champion, the navy); similarity weighs what
two reports share and never what they contradict, so two such events' headlines run
together. What tells the events apart are the particulars each one's reports keep naming:
the town, the opponent, the number of pirates held. Dated, time keeps such events apart
(window.py); undated, text is all there is.

So two groups of undated short reports do not merge when *every* report of each names a
name (or a number) that *no* report of the other names, both of one kind (a name against
a name, a number against a number). A story's own headlines vary in the details they pick,
so a detail only some of them name is no evidence either way, nor is anything about a
lone report (groups of fewer than ``min_reports`` take no part). Dated reports and full
articles take no part: time and the neighbour lists (neighbours.py) do this work for them.

Each group keeps the count of its reports naming each name or number, merged small into
large, so the work is the sum of the groups' distinct entities over the merges: no pair of
reports is enumerated.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

class Particulars:
    """Per group of reports: how many name each name or number, for :meth:`conflict` and :meth:`merge`.

    Groups are numbered as their first reports' indexes (as linkage.average_linkage
    labels them) or given by ``member_of``; only groups made wholly of ``eligible``
    reports (undated and short) can conflict.
    """

    def __init__(self, matrix: sp.csr_matrix, terms: list[str], eligible: np.ndarray, min_reports: int,
                 member_of: np.ndarray | None = None) -> None:
        n = matrix.shape[0]
        member_of = np.arange(n) if member_of is None else np.asarray(member_of)
        groups = int(member_of.max()) + 1 if n else 0
        keys: dict[str, int] = {}
        key = np.array([keys.setdefault(k, len(keys)) if (k := _key(t)) else -1 for t in terms], dtype=np.int64)
        self.kind = [int(k[0] == "#") + 1 for k in keys]  # 1 a name, 2 a number, by key
        self.min_reports = max(2, min_reports)
        self.size = np.bincount(member_of, minlength=groups).tolist()
        self.eligible = (np.bincount(member_of, weights=(~eligible).astype(np.float64), minlength=groups) == 0).tolist()
        self.counts: list[dict[int, int]] = [{} for _ in range(groups)]
        for r in np.flatnonzero(eligible).tolist():
            named = key[matrix.indices[matrix.indptr[r]:matrix.indptr[r + 1]]]
            counts = self.counts[member_of[r]]
            for k in set(named[named >= 0].tolist()):  # "n:lohan" and "n:lindsay_lohan": one key each
                counts[k] = counts.get(k, 0) + 1

    def conflict(self, a: int, b: int) -> bool:
        """True when groups a and b each name, in every report, something of one kind the other never names."""
        if not (self.eligible[a] and self.eligible[b]) or min(self.size[a], self.size[b]) < self.min_reports:
            return False
        kinds_a = self._own(a, b)
        return bool(kinds_a and kinds_a & self._own(b, a))

    def _own(self, a: int, b: int) -> set[int]:
        """Kinds of the names and numbers every report of a names and no report of b does."""
        size, other = self.size[a], self.counts[b]
        return {self.kind[e] for e, c in self.counts[a].items() if c == size and e not in other}

    def merge(self, a: int, b: int) -> None:
        """Group b joins group a."""
        big, small = self.counts[a], self.counts[b]
        if len(big) < len(small):
            big, small = small, big
        for e, c in small.items():
            big[e] = big.get(e, 0) + c
        self.counts[a], self.counts[b] = big, {}
        self.size[a] += self.size[b]
        self.eligible[a] = self.eligible[a] and self.eligible[b]


def _key(term: str) -> str:
    """What a column names, as a particular: a number as written, a name by its first four
    letters, so that "Greece" and "Greek", "Malaysia" and "Malaysian" are one particular
    (a name a report spells otherwise is no contradiction); "" for any other column (words,
    dates, countries)."""
    if term.startswith("#"):
        return term
    if term.startswith("n:"):
        return "n:" + term[2:6]
    return ""
