"""A page's visible text from its HTML, as a browser shows it without scripts or styles.

The HTML path reads the page's own printed lines (bylines, stamps, credit lines, a lede set
apart) the same way the page-text path reads a scraper's ``innerText``: this gives that text.
"""
from __future__ import annotations

import re
from typing import Any

from .wordlists import load_data

_DATA: dict = load_data("html.yaml")  # type: ignore[assignment]
_INVISIBLE = frozenset(_DATA["invisible_tags"])
_BLOCKS = frozenset(_DATA["block_tags"])
_STAMP_CLASS = re.compile(r"date|time|stamp", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def visible_text(tree: Any) -> str:
    """The page's text as a browser shows it without scripts or styles (innerText): one line
    per block, blank lines around paragraphs, hidden and script elements left out."""
    out: list[str] = []
    line: list[str] = []

    def flush(blank: bool = False) -> None:
        text = " ".join("".join(line).split())
        line.clear()
        if text:
            out.append(text)
        if blank and out and out[-1] != "":
            out.append("")

    body = next(iter(tree.iter("body")), tree)
    stack: list[tuple[Any, bool]] = [(body, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if not isinstance(el, _Tail):
                flush(blank=el.tag == "p")
            if el.tail:
                line.append(el.tail)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _INVISIBLE or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            if el.tail:
                line.append(el.tail)
            continue
        if tag == "br":
            flush()
            if el.tail:
                line.append(el.tail)
            continue
        block = tag in _BLOCKS or tag == "p"
        if block:
            flush(blank=tag == "p")
        elif (tag == "time" or _STAMP_CLASS.search(el.get("class") or "")) and "".join(line).rstrip().endswith((".", "!", "?")):
            flush()  # a stamp set after a standfirst's last sentence is a line of its own (a stylesheet puts it there)
        if tag in ("td", "th"):
            line.append(" ")
        if el.text:
            line.append(el.text)
        if block:
            stack.append((el, True))
        else:
            stack.append((_Tail(el.tail), True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return "\n".join(out)


class _Tail:
    """The end of an inline element: only its tail text follows."""

    tag = "#inline"

    def __init__(self, tail: str | None) -> None:
        self.tail = tail
