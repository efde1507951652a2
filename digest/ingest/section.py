"""The section: the outlet's own label for where it files the story ("East Asia", "Politik").

From the markup when it declares one (article:section, JSON-LD articleSection), else the
breadcrumb trail's last step before the story, else a short label right above the headline.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import is_relative_stamp, stamp
from .furniture import is_chrome
from .lines import ends_sentence, fold

if TYPE_CHECKING:
    from .parts import Page

MAX_CHARS = 40
MAX_WORDS = 4


def section(page: "Page") -> str | None:
    declared = page.declared
    for value in [declared.section] + declared.breadcrumbs[::-1]:
        if value and _label(value) and fold(value) != fold(page.headline):
            return " ".join(value.split())
    if page.above:
        line = page.above[-1]
        if _label(line) and line not in ("/", "|") and fold(line) != fold(page.headline):
            return line
    return None


def _label(text: str) -> bool:
    words = len(text.split())
    if not 1 <= words <= MAX_WORDS or len(text) > MAX_CHARS or ends_sentence(text) or is_chrome(fold(text)):
        return False
    return any(ch.isalpha() for ch in text) and stamp(text) is None and not is_relative_stamp(text)
