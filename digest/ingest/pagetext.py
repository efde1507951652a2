"""The visible text of a news page, as a scraper saved it, split into its parts.

A saved page is the story wrapped in furniture: menus, share bars, captions, bylines,
"Most read" lists, footers. The story is the one long run of sentence-like lines;
furniture is short, link-like, repeated or a known phrase. So each line gets a score
(positive for prose, negative for furniture) and the body is the run of lines with the
highest total (a maximum-sum segment, found in one linear pass). Inside that run the
known furniture (captions, credits, share prompts, link lists) is dropped line by line.
The headline, standfirst and section label are read around the run's start; the
dateline, agency and date from its first paragraph and from credit lines.

Short wire forms ("headline\\n\\nCITY (Reuters) - text") have no page around the
story: their whole text after the headline is the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import metadata as md
from .language import detect as detect_language
from .parts import PageText

_CHROME = md.load_data("chrome.yaml")


class _PhraseSet:
    """Phrases matched against a whole line or its beginning by set look-ups, one per
    distinct phrase length: constant work per line however long the list grows."""

    def __init__(self, phrases) -> None:
        self.phrases = frozenset(p.casefold() for p in phrases)
        self.lengths = sorted({len(p) for p in self.phrases})
        self.heads = frozenset(p[:3] for p in self.phrases)
        self.short = tuple(p for p in self.phrases if len(p) < 3)  # "©"

    def whole(self, low: str) -> bool:
        return low.rstrip(" .:!…›»|>-") in self.phrases

    def prefix(self, low: str) -> bool:
        if low[:3] not in self.heads and not low.startswith(self.short):
            return False
        return any(low[:n] in self.phrases for n in self.lengths if n <= len(low))


_BOILERPLATE = re.compile(rf"\b(?:{md.alternation(w.casefold() for w in _CHROME['boilerplate'])})\b")  # on casefolded text
_CHROME_LINES = _PhraseSet(_CHROME["lines"])
_CHROME_PREFIXES = _PhraseSet(_CHROME["prefixes"])
_LIST_HEADINGS = _PhraseSet(_CHROME["list_headings"])
_END_HEADINGS = _PhraseSet(_CHROME["end_headings"])
# "About" and a name (words in capitals, "of", "and", "&", a comma before "Inc."), alone on its line.
_NAME_WORD = r"[A-ZÀ-Ý0-9][\w'’.&-]*"
_ABOUT_BLOCK = re.compile(
    rf"^(?:{md.alternation(w for word in _CHROME['author_box_words'] for w in (word, word.upper()))})"
    rf"\s+(?:(?i:the)\s+)?[A-ZÀ-Ý][\w'’.&-]*(?:,?\s+(?:{_NAME_WORD}|of|and|for|&|de|the)){{0,5}}\s*:?$"
)


def _is_chrome(low: str) -> bool:
    """A line (case-folded) that is a known furniture phrase or starts with one."""
    return _CHROME_LINES.whole(low) or _CHROME_PREFIXES.prefix(low)


def _is_list_heading(low: str) -> bool:
    """A heading over links to other stories: "More:", "Most read", "Related stories ›"."""
    return len(low) <= 40 and (_LIST_HEADINGS.whole(low) or _LIST_HEADINGS.prefix(low) and low.endswith((":", "›", "»")))


_CAPTION_START = re.compile(r"^(?:file photo|file|photo|picture|pictured|caption|image|illustration|in this photo)\s*[:—–-]", re.I)
_CREDITS = tuple(_CHROME["photo_credits"])
_CREDIT_WORDS = frozenset(_CREDITS)
# "... (Photo: STR/KCNA via KNS/AFP)", "... [SpaceX via Nasa]", "... (AP Photo/Jane Doe)"
_BRACKET_CREDIT = re.compile(
    rf"[(\[][^()\[\]]*(?:(?i:photo|image|credit|courtesy|via |source:)|\b(?:{md.alternation(_CREDITS)})\b)[^()\[\]]*[)\]]\s*\.?$"
)
# "... Credit: ESA", "... Photo by Jane Doe"
_CREDIT_BY = re.compile(r"\b(?:credit|photo|photograph|picture|image)s?\s*(?:by|:)\s*[^.]{2,60}$", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TRUNCATED = ("...", "…", "[…]", "[...]")
_TERMINAL = tuple(".!?…\"”’'):;。！？»」")
# Feeds glue the byline to the lede with a run of spaces: "By JANE DOE     LONDON (AP) -- ..."
_GLUED_BYLINE = re.compile(r"^[ \t]*(By[ \t]+[^\n]{2,60}?)[ \t]{3,}(?=\S)", re.M)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
_TOKEN = re.compile(r"\w+")
_LABEL_SEPARATORS = (" / ", " › ", " | ", " · ", " » ", " > ")
# "© 2026 The Harbour Ledger. All rights reserved.", "Copyright 2026 The Associated Press";
# a year or "all rights reserved" tells the site's notice from a photo's "© Jane Doe".
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’.\- ]{1,50}?)\s*(?P<year2>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?"
    r"(?:\.(?=\s|$)|[,|;]|\s-\s|(?i:all rights reserved)|$)"
)
_AFTER_HEADLINE = re.compile(r"\s*[.:]+\s+(?=\S)")
_MARKUP = re.compile(r"[<>{}=]|&[a-z]+;")
TITLE_OVERLAP = 0.6  # share of words a headline shares with the <title> line's

# Line scores (see _classify). A broad plateau on extraction-dev: each can move by half
# its value and the body F1 stays within about 0.01 (benchmarks/bench_extraction.py).
PROSE_DISCOUNT = 4
FURNITURE_COST = 6.0
SHORT_COST = 2.0
RUN_GROWTH = 0.5
RUN_CAP = 3.0
FIRST_RUN_SHARE = 0.5
ISOLATED_SHARE = 0.5
BOILERPLATE_SHARE = 0.5
UNPUNCTUATED_SHARE = 0.6
REPEAT_COST = 3.0
HEADER_REACH = 12  # lines above the story searched for its headline


@dataclass
class _Line:
    """One visual line (soft-wrapped prose lines already joined) and what it looks like."""

    text: str
    block: int
    words: int
    key: str = ""  # the text folded for comparison
    stamp: md.DateMention | None = None  # set when the line is only a timestamp
    prose: bool = False
    furniture: bool = False  # chrome phrase, caption, byline, timestamp, credit
    caption: bool = False
    score: float = 0.0


def _lines(text: str) -> list[_Line]:
    """Non-empty lines with their block number; a wrapped paragraph becomes one line.

    Two lines of one block are one paragraph when the first does not end a sentence and
    the next starts in lower case, or both are long (hard-wrapped wire copy)."""
    out: list[_Line] = []
    for block_no, block in enumerate(re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))):
        current: str | None = None
        if "By" in block:
            block = _GLUED_BYLINE.sub("\\1\n", block)
        for raw in block.split("\n"):
            line = " ".join(raw.split())  # also folds no-break spaces
            if not line:
                continue
            if current is not None and not current.endswith(_TERMINAL) and (
                line[0].islower() or (len(current) >= 40 and len(line) >= 25)
            ):
                current = f"{current} {line}"
                continue
            if current is not None:
                out.append(_Line(current, block_no, 0, fold_line(current)))
            current = line
        if current is not None:
            out.append(_Line(current, block_no, 0, fold_line(current)))
    return out


def _size(text: str) -> int:
    """Words in a line; CJK text counts two characters as a word."""
    words = len(text.split())
    return words if text.isascii() else words + len(_CJK.findall(text)) // 2


def _is_caption(text: str, words: int) -> bool:
    """A photo caption: it opens with "Photo:" or ends with a credit. Cheap tests first:
    this runs on every line of every page."""
    if text[:1] in "FfPpCcIi" and _CAPTION_START.match(text):
        return True
    if words < 4:
        return False
    tail = text[-100:].rstrip(" .")
    if tail.endswith((")", "]")) and _BRACKET_CREDIT.search(tail):
        return True
    low = tail.lower()
    if ("credit" in low or "photo" in low or "picture" in low or "image" in low) and _CREDIT_BY.search(tail):
        return True
    if text.endswith(_CREDITS):  # "... Getty Images", not "... profile" nor "... told Reuters."
        credit = next(c for c in _CREDITS if text.endswith(c))
        if len(text) == len(credit) or not text[-len(credit) - 1].isalnum():
            return True
    slash = tail.rfind("/")  # "... REUTERS/Jane Doe"
    before = tail[:slash].split()
    return slash > len(tail) - 40 and bool(before) and before[-1] in _CREDIT_WORDS


def _classify(lines: list[_Line], title: str | None) -> None:
    """Score every line: prose earns its length, furniture and short link-like lines cost.

    A run of non-prose lines costs more the longer it gets: a story has the odd
    subhead or caption between paragraphs, a menu or a teaser list has dozens."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.text] = seen.get(line.text, 0) + 1
    run = 0
    title_key = fold_line(title) if title else None
    for line in lines:
        t = line.text
        line.words = _size(t)
        line.stamp = md.timestamp(t) if line.words <= 12 else None
        line.caption = _is_caption(t, line.words)
        line.furniture = bool(
            line.key == title_key
            or line.caption
            or _is_chrome(line.key)
            or _URL_ONLY.match(t)
            or md.parse_byline(t) is not None
            or md.agency_from_line(t)
            or line.stamp
        )
        line.prose = not line.furniture and line.words >= 6 and t.endswith(_TERMINAL) and not t.endswith(_TRUNCATED)
        if not line.furniture and _BOILERPLATE.search(line.key):
            line.prose = False
            line.score, run = -max(SHORT_COST, BOILERPLATE_SHARE * line.words), run + 1
        elif line.prose:
            line.score, run = float(line.words - PROSE_DISCOUNT), 0
        elif not line.furniture and line.words >= 15 and t.count("|") + t.count("•") + t.count("·") < 2:
            line.score, run = UNPUNCTUATED_SHARE * line.words, 0  # long, but no sentence end
        else:
            line.score = -(FURNITURE_COST if line.furniture else SHORT_COST) * min(1 + RUN_GROWTH * run, RUN_CAP)
            run += 1
        if seen[t] > 1 and not line.prose:  # menus and teasers print twice; paragraphs rarely
            line.score -= REPEAT_COST
    # A line right above a bare credit ("Photo: Jane Doe, AP") is that photo's caption.
    for line, below in zip(lines, lines[1:]):
        if below.caption and below.words <= 8 and not line.furniture and _CAPTION_START.match(below.text):
            line.caption = line.furniture = True
            line.prose, line.score = False, -FURNITURE_COST
    # A prose line alone between non-prose lines is a teaser under its link more often
    # than a story paragraph: it counts for less.
    for i, line in enumerate(lines):
        if line.prose and not (i and lines[i - 1].prose) and not (i + 1 < len(lines) and lines[i + 1].prose):
            line.score *= ISOLATED_SHARE


def _runs(lines: list[_Line], floor: int = 0) -> list[tuple[float, int, int]]:
    """The best-scoring stretch of each positive stretch of lines from ``floor`` on, as
    (score, start, end): Kadane's scan, remembering every local maximum, not just the global one."""
    runs: list[tuple[float, int, int]] = []
    best, span = 0.0, (floor, floor)
    total, start = 0.0, floor
    for i in range(floor, len(lines)):
        if total <= 0:
            if best > 0:
                runs.append((best, *span))
            best, total, start = 0.0, 0.0, i
        total += lines[i].score
        if total > best:
            best, span = total, (start, i + 1)
    if best > 0:
        runs.append((best, *span))
    return runs


def _story_run(lines: list[_Line], floor: int) -> tuple[int, int]:
    """The story's stretch of lines: the highest-scoring one, or, below a known headline,
    the first one scoring at least half as much (a long footer blurb further down a
    page must not beat a short story right under its headline)."""
    runs = _runs(lines, floor)
    if not runs:
        return floor, floor
    top = max(runs)
    if floor:
        top = next(r for r in runs if r[0] >= FIRST_RUN_SHARE * top[0])
    start, end = top[1], top[2]
    while start < end - 1 and not lines[start].prose:
        start += 1  # a story opens with a sentence: long unpunctuated lines above it are its display
    return start, end


def _ends_story(line: _Line) -> bool:
    """A heading after which nothing is story: comments, an author box, a press
    release's "About Nordlys Shipping AS" or "Media contacts"."""
    return line.words <= 12 and (_END_HEADINGS.whole(line.key) or bool(_ABOUT_BLOCK.match(line.text)))


def _body_lines(lines: list[_Line], start: int, end: int) -> list[_Line]:
    """The story's lines in the run: furniture out, link lists under a "More:" heading
    out, and nothing after an author box or comments heading."""
    kept: list[_Line] = []
    in_list = False
    for line in lines[start:end]:
        if kept and (_ends_story(line)):
            break  # an author box or the comments: the story is over
        if _is_list_heading(line.key):
            in_list = True
            continue
        if in_list and not line.prose:
            continue
        in_list = False
        if not line.furniture:
            kept.append(line)
    return kept


def fold_line(text: str) -> str:
    """A line folded for comparison: case and closing full stops do not count."""
    return text.casefold().replace("–", "-").replace("—", "-").strip(" .…")


def _without_headline(lede: str, title: str) -> str:
    """The lede without the headline some feeds glue to its start ("Headline. CITY - ...").

    Only a headline followed by a full stop or a colon goes: a lede that merely opens
    with the headline's words ("Floods hit Ruritania" over "Floods hit Ruritania's
    capital on Monday") is a sentence and stays whole."""
    n = len(title)
    if len(lede) <= n or lede[:n].casefold() != title.casefold():
        return lede
    m = _AFTER_HEADLINE.match(lede, n)
    return lede[m.end() :] if m else lede


def _title_text(lines: list[_Line]) -> tuple[str | None, str | None]:
    """The headline's text and the outlet, read before scoring so the repeated
    headline can be treated as furniture.

    Preference: the span of a <title>-like first line ("Headline | Site") printed again
    on the page (the wordiest such span: the site name is printed too, as a logo); else
    a line sharing most of its words (H1s reword <title>s); else a headline-like line
    printed twice close together; else the headline part of the <title> line; else the
    first line of a short wire form; else None (the caller then takes the nearest
    headline-like line above the story)."""
    first = lines[0].text
    parts = [p.strip() for p in _TITLE_SEP.split(first) if p.strip()] or [first]
    longest = max(parts, key=lambda p: len(p.split()))
    source = parts[-1] if len(parts) > 1 and parts[-1] != longest and _size(parts[-1]) <= 5 else None
    # The headline is a part, or several parts when it holds a separator itself
    # ("Review - shoots for the moon - Site"); the site name alone is not wordy enough.
    cuts = list(_TITLE_SEP.finditer(first))
    spans = parts + [first[: m.start()] for m in cuts] + [first[m.end() :] for m in cuts] + [first]
    by_key = {fold_line(p): p for p in spans if 2 * len(p.split()) >= len(longest.split())}
    # A first line without separators is a <title> only if wordy: "The Daily Example"
    # printed again in the footer is the site's name, not a headline.
    titled = (cuts or len(first.split()) >= 4) and not _is_chrome(lines[0].key)
    printed = [ln for ln in lines[1:] if ln.key in by_key] if titled else []
    if printed:
        return max(printed, key=lambda ln: len(ln.text.split())).text, source
    if len(parts) > 1:
        wanted = set(_TOKEN.findall(fold_line(longest)))
        for line in lines[1 : len(lines) * 2 // 3]:
            if 4 <= len(line.text.split()) <= 30 and not line.text.endswith("."):
                have = set(_TOKEN.findall(line.key))
                if len(wanted & have) >= TITLE_OVERLAP * max(len(wanted), len(have)):
                    return line.text, source
    texts = [ln.text for ln in lines[:200]]
    for i, t in enumerate(texts):
        if 3 <= _size(t) <= 30 and not t.endswith((".", ":")) and t in texts[i + 1 : i + 8]:
            if not _is_chrome(fold_line(t)) and not _MARKUP.search(t):
                return t, source
    if len(parts) > 1:
        return longest, source  # a <title> line whose headline the page does not repeat
    if _short_form(lines):
        return first, source
    return None, source


def _title_at(lines: list[_Line], title: str | None, start: int) -> int | None:
    """Where the headline is printed above the body: its first printing after the
    page's <title> line, else read from the lines just above the story."""
    if title:
        title_key = fold_line(title)
        at = [i for i in range(start) if lines[i].key == title_key]
        if at:
            return at[1] if len(at) > 1 and at[0] == 0 and len(lines[0].text) > len(title) else at[0]
    found = _display_lines(lines, start)
    if len(found) == 2 and found[1] == found[0] - 1 and lines[found[1]].words < lines[found[0]].words:
        return found[1]  # a headline over its (longer) standfirst
    return found[0] if found else None


def _display_lines(lines: list[_Line], start: int) -> list[int]:
    """The (at most two) nearest lines above the story that could be a headline or a
    standfirst, nearest first: not furniture, at least four words, no meta separators.
    Bylines, timestamps, captions, role labels ("Courts Reporter") are stepped over."""
    found: list[int] = []
    for i in range(start - 1, max(-1, start - HEADER_REACH), -1):
        line = lines[i]
        if line.furniture or line.words < 4 or _label_like(line.text):
            if found and line.words >= 4 and not line.furniture:
                break
            continue
        found.append(i)
        if len(found) == 2:
            break
    return found


def _label_like(text: str) -> bool:
    """A section path or meta line ("WORLD / MIDDLE EAST", "Listen · 4 min"), not a headline."""
    return text.isupper() or any(sep in text for sep in _LABEL_SEPARATORS)


def _standfirst(lines: list[_Line], title_at: int | None, start: int) -> str | None:
    """The standfirst: the first wordy, non-furniture line between headline and story."""
    for line in lines[(title_at if title_at is not None else start) + 1 : start]:
        if not line.furniture and line.words >= 8 and not _label_like(line.text):
            return line.text
    return None


def _section(lines: list[_Line], title_at: int | None) -> str | None:
    """The outlet's section label: a short label right above the headline ("East Asia")."""
    if not title_at:
        return None
    line = lines[title_at - 1]
    if 1 <= line.words <= 4 and not line.furniture and not line.text.endswith(_TERMINAL) and len(line.text) <= 40:
        if line.text not in ("/", "|") and line.key != lines[title_at].key:
            return line.text
    return None


def split_furniture(paragraphs: list[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """Another extractor's paragraphs split into (story, furniture): the repeated
    headline, captions, credits, bylines, timestamps and share prompts it let through,
    and everything from an end heading on ("About Nordlys Shipping AS", "Comments").
    Used on trafilatura's output, whose block choice is good but whose lines are not checked."""
    lines = _lines("\n\n".join(paragraphs))
    _classify(lines, title)
    first = next((i for i, ln in enumerate(lines) if not ln.furniture), len(lines))
    end = next((i for i in range(first + 1, len(lines)) if _ends_story(lines[i])), len(lines))
    lines, rest = lines[:end], lines[end:]
    return [ln.text for ln in lines if not ln.furniture], [ln.text for ln in lines if ln.furniture] + [ln.text for ln in rest]


def _short_form(lines: list[_Line]) -> bool:
    """A headline alone in its first block, then at most two blocks of text: the wire
    and feed forms ("headline\n\nCITY (Reuters) - ..."), with no page around them."""
    return len(lines) > 1 and lines[1].block > 0 and lines[-1].block <= 2 and not _is_chrome(lines[0].key)


def parse_page_text(text: str) -> PageText:
    """The parts of a saved news page: headline, standfirst, section, story body,
    lead photo caption, dateline, agency, date, bylines, outlet."""
    lines = _lines(text)
    if not lines:
        return PageText()
    title, source = _title_text(lines)
    _classify(lines, title)
    if _short_form(lines):  # "headline\n\nbody": nothing around the story to cut away
        title, title_at, start, end = lines[0].text, 0, 1, len(lines)
    else:
        title_key = fold_line(title) if title else None
        printed = [i for i, ln in enumerate(lines) if i and ln.key == title_key]
        start, end = _story_run(lines, printed[0] + 1 if printed else 0)  # the story follows its headline
        title_at = _title_at(lines, title, start)
    title = title or (lines[title_at].text if title_at is not None else "")
    kept = _body_lines(lines, start, end)
    if kept and title:
        kept[0].text = _without_headline(kept[0].text, title)

    header = lines[(title_at or 0) + 1 : start]
    standfirst = _standfirst(lines, title_at, start)
    image = _image(lines, (title_at or 0) + 1, end)
    lede = kept[0].text if kept else ""
    dateline = md.parse_dateline(lede) if lede else None
    body = "\n\n".join(ln.text for ln in kept)
    near = lines[max(0, start - 6) : min(len(lines), end + 4)]  # where credit lines sit
    return PageText(
        title=title,
        summary=standfirst or (lede[dateline.end :] if dateline else lede),
        body=body,
        section=_section(lines, title_at),
        dateline=dateline.city if dateline else None,
        agency=md.choose_agency(dateline, [ln.text for ln in near if ln.furniture], title, image, body),
        date=_date(header, lede, lines),
        authors=_authors(lines[(title_at or 0) + 1 : end]),
        image=image,
        source=source or _outlet(lines, end, title),
        lang=detect_language(f"{title}\n\n{body}"),
    )


def _outlet(lines: list[_Line], end: int, title: str) -> str | None:
    """The outlet the page names when its <title> line does not: the copyright holder
    in the footer ("© 2026 The Harbour Ledger"), else a short masthead line at the top
    printed again further down (a logo's text and the footer's)."""
    for line in lines[end:]:
        if line.text[:1] in "©(Cc":
            m = _COPYRIGHT.match(line.text)
            if m and (m["year"] or m["year2"] or "rights reserved" in line.key) and _size(m["name"]) <= 6:
                if not m["name"].casefold().startswith("all rights"):
                    return m["name"].strip(" -")
    top = lines[0]
    if 1 <= top.words <= 5 and top.text != title and not top.text.endswith(_TERMINAL) and not _is_chrome(top.key):
        if any(ln.key == top.key for ln in lines[max(1, end) :]):
            return top.text
    return None


def _image(lines: list[_Line], start: int, end: int) -> str | None:
    """The first caption below the headline, with its credit when that is a line of its own."""
    for i in range(start, end):
        if lines[i].caption:
            below = lines[i + 1] if i + 1 < len(lines) else None
            if below and below.caption and below.words <= 8 and _CAPTION_START.match(below.text):
                return f"{lines[i].text} {below.text}" if not _CAPTION_START.match(lines[i].text) else lines[i].text
            return lines[i].text
    return None


def _date(header: list[_Line], lede: str, lines: list[_Line]) -> str | None:
    """The publication date: a timestamp line above the story, else the lede's first
    date, else any timestamp line. A missing year comes from the page's other dates
    (read only when needed: it means parsing every dated line)."""
    candidates = [ln.stamp for ln in header if ln.stamp]
    if not candidates and lede:
        candidates = md.find_dates(re.split(r"(?<=[.!?])\s", lede, maxsplit=1)[0])
    candidates += [ln.stamp for ln in lines if ln.stamp]
    references: list | None = None
    for mention in candidates:
        if mention.year is None and references is None:
            references = md.full_dates("\n".join(ln.text for ln in lines))
        date = md.resolve_year(mention, references or [])
        if date:
            return date.isoformat()
    return None


def _authors(lines: list[_Line]) -> list[str]:
    """The names of every byline line between the headline and the end of the story."""
    names: list[str] = []
    for line in lines:
        for name in md.parse_byline(line.text) or []:
            if name not in names:
                names.append(name)
    return names
