"""The time window: dated reports too far apart are not the same dispatch or event."""
from __future__ import annotations

import numpy as np

from ..model import Article


def within_window(articles: list[Article], pairs: np.ndarray, window_days: float) -> np.ndarray:
    """True for index pairs whose dates are at most ``window_days`` apart, or with a date missing."""
    if len(pairs) == 0:
        return np.ones(0, dtype=bool)
    stamps = np.array([d.timestamp() if (d := a.datetime) else np.nan for a in articles], dtype=np.float64)
    gap = np.abs(stamps[pairs[:, 0]] - stamps[pairs[:, 1]]) / 86400.0
    return np.isnan(gap) | (gap <= window_days)
