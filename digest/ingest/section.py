"""The section: the outlet's own label for where it files the story ("East Asia", "Politik").

From the markup when it declares one (article:section, JSON-LD articleSection), else the
breadcrumb trail's last step before the story, else a short label right above the headline.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .caption import is_labelled
from .dates import is_relative_stamp, stamp
from .furniture import is_boilerplate, is_chrome, is_menu_item
from .lines import ends_sentence, fold

if TYPE_CHECKING:
    from .parts import Page

_GLUED = re.compile(r"[a-zà-ÿ] [A-ZÀ-Ý]{3,} [A-ZÀ-Ý]{3,}")
_STEP = re.compile(r"(?<!\s)[›>»]|[›>»](?!\s)")  # a trail's separator printed without spaces
MAX_CHARS = 40
MAX_WORDS = 4


def section(page: "Page") -> str | None:
    declared = page.declared
    for value in [declared.section] + declared.breadcrumbs[::-1]:
        value = (value or "").split(",")[0].strip()  # "CIUDAD,VENEZUELA": the first is the outlet's own
        if value and _label(value) and fold(value) != fold(page.headline):
            return " ".join(value.split())
    for line in reversed(page.above[-3:]):  # the nearest label over the headline, past a gallery's
        if is_chrome(fold(line)):
            continue
        line = _last_step(line)
        if _label(line) and line not in ("/", "|") and fold(line) != fold(page.headline):
            return line
        return None
    return None


def _last_step(line: str) -> str:
    """A trail printed without spaces keeps its last step: ">LA NACION>Política" is "Política",
    "Energie>" is "Energie" (a desk's "Sport › Cricket" stays whole); a trailing bar goes ("Politics |")."""
    line = line.rstrip(" |")
    if not _STEP.search(line):
        return line
    steps = [step.strip() for step in _STEP.split(line) if step.strip()]
    return steps[-1] if steps else line


def _label(text: str) -> bool:
    words = len(text.split())
    key = fold(text)
    if not 1 <= words <= MAX_WORDS or len(text) > MAX_CHARS or ends_sentence(text) or is_chrome(key) or is_menu_item(key) or is_boilerplate(key):
        return False  # not a menu's item, a toolbar, "Newsletter Sign Up"
    if is_labelled(text) or all(len(w) <= 2 and w.isupper() for w in text.split()):
        return False  # a photo's credit ("Foto: Jane Roe/Agency"), a language switcher ("DE FR IT EN")
    if _GLUED.search(text):
        return False  # menu items run together ("Inicio VENEZUELA CIUDAD")
    return any(ch.isalpha() for ch in text) and stamp(text) is None and not is_relative_stamp(text)
