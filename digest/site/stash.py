"""Raw HTML blocks set aside before Markdown runs and put back after.

The generated pages are mostly raw HTML (cards, lists), already escaped; Python-Markdown
would re-parse every tag of them with its HTML parser, the largest cost of rendering
them. Each blank-line-separated block that starts with ``<`` becomes a one-word
placeholder paragraph, and the HTML goes back in after Markdown. Headings stay
Markdown, so the table of contents is unchanged.
"""
from __future__ import annotations

import re

_MARK = "DGSTASH{}X"
_PLACEHOLDER = re.compile(r"<p>DGSTASH(\d+)X</p>")


def stash(markdown: str) -> tuple[str, list[str]]:
    """(markdown with placeholders, the HTML blocks in order)."""
    blocks: list[str] = []
    out = []
    for part in re.split(r"(\n\s*\n)", markdown):
        if part.startswith("<") and not part.startswith("<!--"):
            out.append(_MARK.format(len(blocks)))
            blocks.append(part)
        else:
            out.append(part)
    return "".join(out), blocks


def unstash(html: str, blocks: list[str]) -> str:
    """Put the HTML blocks back in place of their placeholder paragraphs."""
    # Only generated pages are stashed; a placeholder-like word in their text is left as it is.
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))] if int(m.group(1)) < len(blocks) else m.group(0), html)

