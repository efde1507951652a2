"""The time window: dated reports far apart are not the same dispatch, rarely the same event."""
from __future__ import annotations

import numpy as np

from ..model import Article


def stamps(articles: list[Article]) -> np.ndarray:
    """Each article's publication time in seconds (NaN when undated)."""
    return np.array([d.timestamp() if (d := a.datetime) else np.nan for a in articles], dtype=np.float64)


def coverage_spans(member_of: np.ndarray, stamps_: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Earliest and latest dated report of each of ``n`` groups, in days (NaN when none is dated)."""
    days = stamps_ / 86400.0
    first = np.full(n, np.inf)
    last = np.full(n, -np.inf)
    dated = ~np.isnan(days)
    np.minimum.at(first, member_of[dated], days[dated])
    np.maximum.at(last, member_of[dated], days[dated])
    first[np.isinf(first)] = np.nan
    last[np.isinf(last)] = np.nan
    return first, last


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


def fade(gap_days: np.ndarray, window_days: float) -> np.ndarray:
    """Weight of a similarity across a gap in time: 1 within the window (or undated, NaN), then e^-1 per window.

    A report a few days on still counts if it says much the same; a report of the same
    kind of event weeks later counts for next to nothing (if it is the same story,
    followups.py joins it, on stronger evidence).
    """
    over = np.nan_to_num(np.asarray(gap_days, dtype=np.float64) - window_days, nan=0.0).clip(min=0.0)
    return np.exp(-over / max(window_days, 1e-9)).astype(np.float32)
