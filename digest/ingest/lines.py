"""Page text as lines: the unit every page-text step works on.

Scrapers save a page's visible text in two shapes: one line per block with blank lines
around paragraphs (a browser's ``innerText``), or blank lines between every block, and
some wrap long paragraphs at a fixed width (wire copy). ``split_lines`` gives the same
lines for all of them: one line per block, a hard-wrapped paragraph joined back into one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a site build imports this module (outlets.py) but parses no dates
    from .dates import Stamp

_TERMINAL = tuple(".!?…\"”’'):;。！？»」।॥။។")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Thai and Lao put no spaces between words and no mark at a sentence's end (spaces part its clauses)
_UNSPACED = re.compile(r"[\u0e00-\u0eff]")
UNSPACED_WORD = 4  # letters of such a script counted as one word
UNPUNCTUATED_PROSE = 20  # a line of Thai this many words long is prose, though no mark ends it
_NOT_WORD = re.compile(r"[\W_]+")
# Feeds glue the byline to the lede with a run of spaces: "By JANE DOE     LONDON (AP) -- ..."
_GLUED_BYLINE = re.compile(r"^[ \t]*(By[ \t]+[^\n]{2,60}?)[ \t]{3,}(?=\S)", re.M)
WRAP_MIN = 40  # a hard-wrapped line is at least this long
WRAP_MAX = 100  # ... and at most this long
WRAP_SPREAD = 0.3  # ... and the wrapped lines of a block differ in length by at most this share


@dataclass
class Line:
    """One block of the page and what it looks like; the steps fill in the rest."""

    text: str
    block: int  # blocks are separated by blank lines
    key: str = ""  # the text folded for comparison
    words: int = 0
    kind: str = ""  # what furniture it is: stamp, byline, caption, credit, chrome, url, relative
    stamp: Stamp | None = None
    prose: bool = False
    furniture: bool = False
    display: bool = False  # shaped like a headline (see headline.is_display)
    score: float = 0.0


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their block number; a wrapped paragraph becomes one line.

    A line is continued by the next when it does not end a sentence and the next starts in
    lower case, or, in text wrapped at a fixed width (wire copy), when it is of wrapping
    length: never for the headline, standfirst and dateline lines a browser saves one per
    line."""
    # Imported here: byline imports this module (squash), and a site build, which imports this
    # one for squash (outlets.py), reads no bylines and need not compile byline's patterns.
    from . import byline

    blocks = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        if "By" in block:
            block = _GLUED_BYLINE.sub("\\1\n", block)
        raw = [" ".join(r.split()) for r in block.split("\n")]  # also folds no-break spaces
        blocks.append([r for r in raw if r])
    out: list[Line] = []
    wrapped_text = any(_hard_wrapped(raw) for raw in blocks)
    for block_no, raw in enumerate(blocks):
        # a block of wrapped text; or, in a text wrapped throughout, a paragraph of two wrapped lines
        wrapped = _hard_wrapped(raw) or (wrapped_text and len(raw) == 2 and all(WRAP_MIN <= len(r) <= WRAP_MAX for r in raw))
        current: str | None = None
        for line in raw:
            if current is not None and not current.endswith(_TERMINAL) and (
                (line[0].islower() and len(current) >= 25 and byline.parse_byline(line) is None) or (wrapped and len(current) >= WRAP_MIN)
            ):  # "von Jane Roe" under a headline is its byline, not the headline going on
                current = f"{current} {line}"
                continue
            if current is not None:
                out.append(Line(current, block_no, fold(current)))
            current = line
        if current is not None:
            out.append(Line(current, block_no, fold(current)))
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines were cut at a fixed width: three or more lines, none much longer
    than the wrapping width, most of them close to it and stopping mid-sentence (a paragraph's
    last line may be short)."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    width = max(len(ln) for ln in body)
    if not WRAP_MIN <= width <= WRAP_MAX:
        return False
    full = [ln for ln in body if len(ln) >= (1 - WRAP_SPREAD) * width]
    return len(full) >= 0.6 * len(body) and sum(not ln.endswith(_TERMINAL) for ln in full) >= 0.6 * len(full)


_ADDRESS = re.compile(r"(?i)^(?:https?:/+|www\.)[^\s/?#]+(?:[/?#]\S*)?$")
_HOST = re.compile(r"(?i)^(?:https?:/+)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?::\d+)?$")
_SPACED = re.compile(r"(?i)^(?:https?\s*:\s*/\s*/|www\s*\.)")


def address(text: str) -> str | None:
    """The web address a line consists of, also as a tokeniser spells it ("http: / / www. example.
    com / news / story. html"), with a real host name; None for any other line."""
    if " " in text:
        if not _SPACED.match(text):
            return None
        text = "".join(text.split())
    if not _ADDRESS.match(text):
        return None
    host = re.split(r"[/?#]", re.sub(r"(?i)^https?:/+", "", text), maxsplit=1)[0]
    if not _HOST.match(host):
        return None
    return text if text.lower().startswith("http") else "http://" + text


_INVISIBLE = re.compile("[\xad\u200b\u2060\ufeff]")
_INVISIBLE_ENTITY = re.compile(r"&(?:shy|#173|#x0*ad);", re.I)


def without_invisible(text: str, html: bool = False) -> str:
    """The text without the characters a reader never sees: soft hyphens (a hyphenation hint
    inside a word, "Deutsch\xadland"; in ``html`` also as an entity, "&shy;"), zero-width spaces,
    word joiners. Left in, each splits its word for every step after ingest: the gazetteer finds
    no "Deutschland", search no "Bundesliga", and the headline is not the one printed."""
    text = _INVISIBLE.sub("", text)
    return _INVISIBLE_ENTITY.sub("", text) if html else text


def fold(text: str) -> str:
    """A line folded for comparison: case, soft hyphens and closing full stops do not count
    (Turkish "İ" folds to "i", not to "i" and a combining dot)."""
    return text.casefold().replace("i\u0307", "i").replace("\xad", "").replace("–", "-").replace("—", "-").strip(" .…")


def squash(text: str) -> str:
    """Only the letters and digits, case-folded: "The Harbour-Ledger" and "theharbourledger" meet."""
    return _NOT_WORD.sub("", text.casefold())


def size(text: str) -> int:
    """Words in a line; CJK text counts two characters as a word, Thai and Lao four letters."""
    words = len(text.split())
    if text.isascii():
        return words
    return words + len(_CJK.findall(text)) // 2 + len(_UNSPACED.findall(text)) // UNSPACED_WORD


def ends_sentence(text: str) -> bool:
    """A line ending as a sentence does; in Thai or Lao, whose sentences end with no mark, a long line."""
    if text.endswith(_TERMINAL):
        return True
    return not text.isascii() and len(_UNSPACED.findall(text)) >= 0.5 * len(text) and size(text) >= UNPUNCTUATED_PROSE
