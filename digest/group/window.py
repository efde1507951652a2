"""The time window: dated reports far apart are not the same dispatch, rarely the same event."""
from __future__ import annotations

import numpy as np

from ..model import Article


def stamps(articles: list[Article]) -> np.ndarray:
    """Each article's publication time in seconds (NaN when undated)."""
    return np.array([d.timestamp() if (d := a.datetime) else np.nan for a in articles], dtype=np.float64)


def gaps(articles: list[Article], pairs: np.ndarray) -> np.ndarray:
    """Days between the two articles of each index pair (NaN when a date is missing)."""
    stamps_ = stamps(articles)
    if len(pairs) == 0:
        return np.empty(0, dtype=np.float64)
    return np.abs(stamps_[pairs[:, 0]] - stamps_[pairs[:, 1]]) / 86400.0


def within_window(articles: list[Article], pairs: np.ndarray, window_days: float) -> np.ndarray:
    """True for index pairs whose dates are at most ``window_days`` apart, or with a date missing."""
    gap = gaps(articles, pairs)
    return np.isnan(gap) | (gap <= window_days)


def time_decay(articles: list[Article], pairs: np.ndarray, window_days: float) -> np.ndarray:
    """Weight of each pair's similarity: 1 within the window (or undated), then e^-1 per window.

    A follow-up a week later still counts if it says much the same; a report of the
    same kind of event a month later counts for next to nothing.
    """
    over = np.nan_to_num(gaps(articles, pairs) - window_days, nan=0.0).clip(min=0.0)
    return np.exp(-over / max(window_days, 1e-9)).astype(np.float32)
