"""Token strings to small integer ids, shared by one grouping run."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np


class Vocabulary:
    """Strings to small integer ids, shared by one grouping run.

    Each token string is stored once; a report keeps a numpy array of ids (4 bytes a
    token instead of a Python string), which keeps 100,000 reports in memory cheaply.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []

    def encode(self, toks: list[str]) -> np.ndarray:
        """The ids of the tokens, new terms added (in sorted order, so ids are reproducible)."""
        ids = self.ids
        for t in sorted(set(toks).difference(ids)):
            ids[t] = len(self.terms)
            self.terms.append(t)
        return np.fromiter(map(ids.__getitem__, toks), dtype=np.int32, count=len(toks))

    def mask(self, keep: Callable[[str], bool]) -> np.ndarray:
        """True for the ids whose term ``keep`` accepts."""
        return np.fromiter((keep(t) for t in self.terms), dtype=bool, count=len(self.terms))

    def __len__(self) -> int:
        return len(self.terms)
