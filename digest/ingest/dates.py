"""Publication dates from records and feeds, normalised to ISO 8601.

Records carry dates in every spelling scrapers use: ISO with or without a zone,
RFC 2822 from feeds, "2026-11-24 08:15:00", or a bare day. Text inside a page is
parsed by ``metadata`` instead (it has to infer missing years).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_date(value: object) -> str | None:
    """An ISO 8601 date or date-time string, or None when the value is not a date.

    A date-time at midnight UTC with no other information stays a date-time: we never
    invent precision, and never drop what was given.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if _DAY.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        return parsed.isoformat() if parsed else None
    except (TypeError, ValueError, IndexError):
        return None
