"""One way to show a date or a time across the site, and the instant each article stands for.

Articles carry three kinds of ``date`` (see DESIGN.md): a date-time with its offset
(``2026-11-23T11:40:00+01:00``), a date-time without one (``2026-11-23T11:40:00``:
the outlet's local time, zone unknown), and a bare day (``2026-11-23``). Pages show each
in one format, ``23 Nov 2026, 10:40 UTC``, and only a time with a known offset is
written in UTC; the browser then shows it in the reader's own zone (digest-time.js,
same format). A naive time is shown as written, never called UTC; a day is a day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UTC = dt.timezone.utc


@dataclass(frozen=True)
class Moment:
    """A date as a page shows it: the ISO value for ``<time datetime>``, the text, and
    whether the browser may restate it in the reader's zone (only when the offset is known)."""

    iso: str
    text: str
    zoned: bool = False


@lru_cache(maxsize=1 << 16)
def moment(date: str | None) -> Moment | None:
    """The Moment of an article's ``date``, or None when it is missing or unreadable."""
    if not date:
        return None
    date = date.strip()
    if len(date) <= 10:
        day = _day(date)
        return Moment(day.isoformat(), day_text(day)) if day else None
    try:
        when = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        day = _day(date[:10])
        return Moment(day.isoformat(), day_text(day)) if day else None
    if when.tzinfo is None:
        return Moment(when.replace(tzinfo=None).isoformat(timespec="minutes"), _text(when.replace(tzinfo=None)))
    utc = when.astimezone(UTC)
    return Moment(utc.isoformat(timespec="minutes").replace("+00:00", "Z"), _text(utc) + " UTC", zoned=True)


def day_moment(day: str) -> Moment | None:
    """The Moment of a day (YYYY-MM-DD)."""
    d = _day(day)
    return Moment(d.isoformat(), day_text(d)) if d else None


def day_text(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _text(when: dt.datetime) -> str:
    return f"{day_text(when)}, {when.hour:02d}:{when.minute:02d}"


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1 << 16)
def instant(date: str | None) -> float | None:
    """Seconds since the epoch that an article's ``date`` stands for, for ordering and windows.

    A naive time is read as UTC (its zone is unknown; hours at most off). A bare day
    stands for its midday: the middle of the span it could mean.
    """
    if not date:
        return None
    date = date.strip()
    if len(date) > 10:
        try:
            when = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            when = None
        if when is not None:
            return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    day = _day(date)
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp() if day else None
