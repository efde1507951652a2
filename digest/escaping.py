"""Plain text in a Markdown body, and back.

An extracted article is plain text, but its file is Markdown, and Markdown reads much of
what news prints as markup: German dates and club names open a line with a number and a
full stop ("24. 11. Köln", "1. FC Köln": an ordered list, renumbered from 1), a hashtag
opening a line is a heading ("#roseallday"), the gender star pairs into italics
("Bürger*innen und Politiker*innen"), ">>" is a quote, a "<" opens a tag. So ingest writes
the text with those characters escaped, as Markdown means them to show, and whatever reads
a body back as text (a summary taken from the lede, key facts, a page's description) takes
the escapes out again. Hand-written articles keep their Markdown as written.
"""
from __future__ import annotations

import re

# At a line's start: a number and "." or ")" then a space (an ordered list), "#" (a heading), ">" (a quote).
_LINE_START = re.compile(r"^([ \t]*)(?:(\d{1,9})([.)])(?=[ \t]|$)|([#>]))", re.M)
# Emphasis and code: every "*" and "`", and a "_" that could open or close emphasis ("_word_", not "a_b").
_INLINE = re.compile(r"[*`]|(?<!\w)_|_(?!\w)")
# What escape_markdown escapes, and Markdown's other escapable characters (a hand edit may use them).
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def escape_markdown(text: str) -> str:
    """Plain text as a Markdown body that shows it as written."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;")
    text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START.sub(lambda m: m.group(1) + (f"{m.group(2)}\\{m.group(3)}" if m.group(2) else "\\" + m.group(4)), text)


def unescape_markdown(text: str) -> str:
    """A body's text as a reader sees it: the escapes of ``escape_markdown`` (or a person's) taken out."""
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    return text.replace("&lt;", "<") if "&lt;" in text else text
