"""The visible text of a news page, as a scraper saved it, split into its parts.

A saved page is the story wrapped in furniture. The steps, in order:

1. lines (``lines.split_lines``): one per block, wrapped paragraphs joined;
2. furniture (``furniture.classify``): each line's kind and score, prose positive;
3. the headline and the story together (``_anchor``): each headline-shaped line is weighed
   by the page's evidence for it (``headline.evidence``: a byline or stamp under it, printed
   twice, naming what the story is about, not in a list, not under a paragraph) and by the
   prose that follows it (the highest running sum of line scores from its header cluster on);
4. the story: from the first paragraph under the headline's header cluster (standfirst,
   byline, stamp, photo) to the end of that run, furniture and link lists left out.

Short wire forms ("headline\\n\\nCITY (Reuters) - text") have no page around the story:
their whole text after the headline is the body.
"""
from __future__ import annotations

import re
from collections import Counter

from . import caption, furniture, headline
from .dateline import parse_dateline
from .lines import Line, address, fold, split_lines
from .parts import Page

FIRST_RUN_SHARE = 0.5  # below a known headline, the first run scoring this share of the best is the story
GAP_COST = 15.0  # how much furniture may separate the lede under the headline from the story's core
HEADER_REACH = 12  # lines under the headline where the header cluster may sit
OTHER_RUN_SHARE = 0.6  # a run this close to the best competes with it on its headline's evidence
RUN_WEIGHT = 6.0  # what the story's prose mass (as a share of the best run's) is worth against headline evidence
LEDE_WORDS = 20  # a first paragraph this long, ending a sentence, is a lede, not a headline
DATELINE_LEDE_WORDS = 12  # ... and one this long after a dateline
MAX_CANDIDATES = 200  # headline candidates weighed per page on their evidence alone (more sit by the strong runs)
PARAGRAPH_WORDS = 12  # a prose line this long is a paragraph
OPENING_PARAGRAPH_WORDS = 25  # ... and this long, a story's paragraph, not a one-line standfirst
OPENING_WORDS = 300  # words of a story's opening its headline's words are looked for in
ABOVE_REACH = 6  # meta lines over a headline read for its stamp
_OVER_HEADLINE = frozenset({"stamp", "byline", "relative", "caption", "credit"})
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|[AaPp]\.?[Mm]\.?))?$")


def parse_page_text(text: str, title: str | None = None) -> Page:
    """The parts of a saved news page. ``title`` is a headline known from elsewhere (a
    record's ``title``): where the page prints it, that line is the headline."""
    lines = split_lines(text)
    if not lines:
        return Page()
    hint = headline.title_line(lines) if not title else None
    known = fold(title) if title else None
    furniture.classify(lines, known)
    headline.mark_display(lines)
    if len(lines) == 1 and not title and lines[0].display and not lines[0].text.endswith(".") and not _lede_like(lines[0]):
        return Page(headline=lines[0].text, lines=[lines[0].text])  # a headline alone (an aggregator's item)
    if _short_form(lines, title):
        return _short_page(lines, title)
    if hint:
        lines[0].display = False  # a saved <title> line: its headline is printed again below, or nowhere
    counts = _printings(lines)
    printed = [i for i, ln in enumerate(lines) if known and ln.key == known]
    printed = printed or [i for i, ln in enumerate(lines) if known and _prints(ln.key, known)]
    if printed:
        at = printed[0]
        start, end = _story_run(lines, at + 1)
    elif title:  # a record's text without its headline: the story is the text's own, from its first paragraph
        at = None
        start, end = _story_run(lines, 0)
        return _page(lines, title, None, start, end, None, top=_cluster_top(lines, start))
    else:
        at, start, end = _anchor(lines, counts, fold(hint.headline) if hint and hint.at else _crumb(lines))
    if at is not None:
        at = _first_printing(lines, at)
        start, end = _story_below(lines, at, start, end)
    if title:
        head = title
    elif at is not None:
        head = headline.headline_part(headline.without_kicker(lines, at))
    else:
        head = hint.headline if hint else ""
    return _page(lines, head, at, start, end, hint.site if hint else None)


def _prints(key: str, known: str) -> bool:
    """A line that prints the known headline after a short kicker ("Ernährung sichern Schulze:
    Deutschland steht ..."), where the page prints it nowhere alone."""
    return key.endswith(" " + known) and len(key[: -len(known)].split()) <= headline.KICKER_MAX_WORDS


def _printings(lines: list[Line]) -> Counter:
    """How often each line is printed on the page, a breadcrumb trail's last step counting as a
    printing ("Home » News » Ferry line adds night crossings"): the current page's headline."""
    counts = Counter(line.key for line in lines)
    for line in lines:
        tail = furniture.breadcrumb_tail(line.text)
        if tail:
            counts[fold(tail)] += 1
    return counts


def _crumb(lines: list[Line]) -> str | None:
    """The folded last step of a breadcrumb trail that the page also prints alone on a line: the
    page naming its own headline, as a saved <title> does ("Home » Boxing » Champion retires")."""
    keys = {line.key for line in lines}
    for line in reversed(lines):
        tail = furniture.breadcrumb_tail(line.text)
        if tail and fold(tail) in keys and fold(tail) != line.key:
            return fold(tail)
    return None


def _anchor(lines: list[Line], counts: Counter, titled: str | None = None) -> tuple[int | None, int, int]:
    """The headline and the story's core, found together. Each candidate headline (one with
    a byline or stamp under it or printed twice, and those above and atop each strong run)
    is weighed by its evidence plus the prose mass that follows its header cluster: the
    longest run of prose after it, across a photo gallery or an ad if the story goes on.
    ``titled`` is the folded headline of a saved <title> line, evidence for the line repeating it."""
    runs = _runs(lines)
    if not runs:
        return None, 0, 0
    top = max(runs)[0]
    prefix = [0.0]
    for line in lines:
        prefix.append(prefix[-1] + line.score)
    peak = list(range(len(prefix)))  # peak[i]: the end e >= i with the highest prefix[e]
    for i in range(len(prefix) - 2, -1, -1):
        if prefix[peak[i + 1]] > prefix[i]:
            peak[i] = peak[i + 1]
    candidates = {i for i, ln in enumerate(lines) if headline.is_display(ln) and (headline.has_evidence(lines, i, counts) or ln.key == titled)}
    candidates = set(sorted(candidates)[:MAX_CANDIDATES])
    for score, start, end in sorted(runs, reverse=True)[:4]:
        if score >= OTHER_RUN_SHARE * top:  # the headline-shaped lines above a strong run and at its top, however far down
            reach = range(max(0, start - headline.WINDOW), min(end, start + HEADER_REACH))
            candidates.update(i for i in reach if headline.is_display(lines[i]))
    # under a paragraph a headline-shaped line is a subhead or a teaser, never the story's headline
    # (a line printed twice is judged where it is first printed: a pull quote repeats a sentence under
    # prose; a breadcrumb trail's last step confirms a headline wherever it sits)
    printed_at: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        printed_at.setdefault(ln.key, []).append(i)

    def kept(i: int) -> bool:
        at = printed_at[lines[i].key]
        if lines[i].key == titled or (counts[lines[i].key] > len(at)):
            return True
        return not _under_paragraph(lines, at[0])

    candidates = {i for i in candidates if kept(i)}
    whole = max(runs)[1:]
    best: tuple[float, int | None, int, int] = (float("-inf"), None, *whole)
    openings: dict[int, frozenset[str]] = {}
    for at in sorted(candidates):
        first = _after_header(lines, at)
        if first >= len(lines):
            continue
        end = peak[first]
        mass = prefix[end] - prefix[first]
        if mass <= 0:
            continue
        if first not in openings:
            openings[first] = _opening(lines, first, end)
        evidence = headline.evidence(lines, at, first, counts, titled, openings[first])
        total = evidence + RUN_WEIGHT * min(mass, top) / top
        if total > best[0]:
            best = (total, at, first, end)
    # No headline at all is an answer too: the best run read whole. A line inside that run (a quote,
    # a subhead) must bring more evidence than the run's prose above it, which it would cut off.
    if best[1] is not None and best[1] > whole[0] and best[0] < RUN_WEIGHT:
        return None, *whole
    return best[1], best[2], best[3]


def _opening(lines: list[Line], first: int, end: int) -> frozenset[str]:
    """The word stems of a story's opening paragraphs (about its first 300 words)."""
    text, words = [], 0
    for line in lines[first:end]:
        if line.prose or line.words >= 15:
            text.append(line.text)
            words += line.words
            if words >= OPENING_WORDS:
                break
    return headline.stems(" ".join(text))


def _under_paragraph(lines: list[Line], i: int) -> bool:
    return any(ln.prose and ln.words >= PARAGRAPH_WORDS for ln in lines[max(0, i - 2) : i])


def _runs(lines: list[Line], floor: int = 0) -> list[tuple[float, int, int]]:
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


def _first_sentence(lines: list[Line], start: int, end: int) -> int:
    """A story opens with a sentence: long unpunctuated lines at a run's start are its display."""
    while start < end - 1 and not lines[start].prose:
        start += 1
    return start


def _story_run(lines: list[Line], floor: int) -> tuple[int, int]:
    """Below a known headline, the story is the first run scoring at least half the best
    one (a long footer blurb further down must not beat a short story under its headline)."""
    runs = _runs(lines, floor)
    if not runs:
        return floor, floor
    top = max(runs)[0]
    score, start, end = next(r for r in runs if r[0] >= FIRST_RUN_SHARE * top)
    return _first_sentence(lines, start, end), end


def _first_printing(lines: list[Line], at: int) -> int:
    """A headline printed twice close together (over the standfirst and again over the
    photo) is read from its first printing: the standfirst and section label sit there."""
    for i in range(max(0, at - headline.META_REACH), at):
        if lines[i].key == lines[at].key:
            return i
    return at


def _story_below(lines: list[Line], at: int, start: int, end: int) -> tuple[int, int]:
    """The story under the headline at ``at``: from the first paragraph after the header
    cluster to the end of the core (the core found under the headline when it lay above)."""
    if end <= at + 1:
        start, end = _story_run(lines, at + 1)
    first = _after_header(lines, at)
    if first < start and sum(ln.score for ln in lines[first:start] if ln.score < 0) >= -GAP_COST:
        start = first  # the lede under the headline, parted from the rest by a photo or an ad
    elif start <= at:
        start = _first_sentence(lines, max(first, at + 1), max(end, first + 1))
    return start, max(end, start)


def _after_header(lines: list[Line], at: int) -> int:
    """The first story line under the headline: past the header cluster (furniture, short
    lines, a second headline, a standfirst with a byline or stamp under it)."""
    i, standfirst = at + 1, None
    while i < len(lines) and i <= at + HEADER_REACH:
        line = lines[i]
        if line.furniture or not (line.prose or line.words >= 15) or headline.is_display(line):
            i += 1
            continue
        if standfirst is None and _meta_below(lines, i):
            standfirst = i
            i += 1
            continue
        return i
    return standfirst if standfirst is not None else i  # no story under the standfirst: it is the story


_HEADER_KINDS = ("byline", "stamp", "relative", "caption", "credit")


def _meta_below(lines: list[Line], i: int) -> bool:
    """A byline, stamp or photo between line i and the next long line (a paywall's prompt or a
    share bar under a one-paragraph story does not make it a standfirst)."""
    for line in lines[i + 1 : i + 1 + HEADER_REACH]:
        if furniture.is_list_heading(line.key):
            return False  # the stamps under "Ähnliche Artikel" are its teasers'
        if line.kind in _HEADER_KINDS:
            return True
        if line.prose or line.words >= 15:
            return False
    return False


def _cluster_top(lines: list[Line], start: int) -> int:
    """Where the header cluster over a story starts when its headline is not printed (a record's
    text: "standfirst / By Jane Roe / Updated May 6 / story"): the furniture and wordy lines right
    above it, up to a short line or a headline-shaped one (a menu, a site header)."""
    i = start
    while i > 0 and start - i < HEADER_REACH:
        line = lines[i - 1]
        if not (line.furniture or ((line.prose or line.words >= 15) and not line.display)):
            break
        i -= 1
    return i - 1


def _standfirst(lines: list[Line], at: int | None, start: int, head: str = "") -> str | None:
    """The standfirst: the first wordy, non-furniture line between the headline (or the header
    cluster's top) and the story."""
    if at is None:
        return None
    for line in lines[at + 1 : start]:
        if line.furniture or line.words < 8 or headline.is_label(line.text) or furniture.is_boilerplate(line.key):
            continue  # not a newsletter's or a cookie notice's prompt ("Get the newsletter that ... is talking about")
        if not (head and head in line.key):
            return line.text  # not the headline printed again with its kicker
    return None


def _page(lines: list[Line], head: str, at: int | None, start: int, end: int, site: str | None, top: int | None = None) -> Page:
    """The page's parts around its headline at ``at`` (or, unprinted, over the header cluster from
    ``top`` + 1) and its story in lines[start:end]."""
    kept = furniture.story_lines(lines, start, end)
    top = top if top is not None else at if at is not None else start
    near = lines[max(0, start - 6) : min(len(lines), end + 4)]
    return Page(
        headline=head,
        standfirst=_standfirst(lines, top if top < start else None, start, fold(head)),
        story=[ln.text for ln in kept],
        header=_tail(lines, at, head) + [ln.text for ln in lines[top + 1 : start]] + _opening_meta(lines, start, end, kept),
        above=[ln.text for ln in lines[_above(lines, top) : max(0, top)]],
        after=[ln.text for ln in lines[end : end + 6]],
        credits=[ln.text for ln in near if ln.furniture],
        captions=_captions(lines, top + 1, end),
        top=[ln.text for ln in lines[:3]],
        bottom=[ln.text for ln in lines[end:]],
        lines=[ln.text for ln in lines],
        title_site=site,
        url=_address(lines),
    )


def _above(lines: list[Line], top: int) -> int:
    """Where the lines right over the headline start: three lines up, or further while they are its
    meta lines, a stamp printed over its time, byline and photo credit ("November 1, 2023 / 12:30 /
    von: ... / Foto: ... / headline")."""
    i = top
    while i > 0 and top - i < ABOVE_REACH and (lines[i - 1].kind in _OVER_HEADLINE or _TIME_ONLY.match(lines[i - 1].text)):
        i -= 1
    return max(0, min(i, top - 3))


def _tail(lines: list[Line], at: int | None, head: str) -> list[str]:
    """What the headline's line prints after the headline: its byline ("... par Florence Roe, le 15
    septembre 2009"), part of the header."""
    if at is None or not lines[at].text.startswith(head):
        return []
    tail = lines[at].text[len(head) :].strip(" ,|–—-")
    return [tail] if tail else []


def _opening_meta(lines: list[Line], start: int, end: int, kept: list[Line] | None = None) -> list[str]:
    """The bylines and stamps among the story's first lines, before its second paragraph: where a
    one-line standfirst was taken for the story's start, the header cluster is under it (past a
    "most read" box between them)."""
    found, paragraphs = [], 0
    story = {id(line) for line in kept} if kept is not None else None
    for line in lines[start : min(end, start + 2 * HEADER_REACH)]:
        if story is not None and not line.furniture and id(line) not in story:
            continue  # a list's line
        if line.prose and line.words >= OPENING_PARAGRAPH_WORDS:
            paragraphs += 1
            if paragraphs == 2:
                break
        elif line.kind in ("byline", "stamp", "relative"):
            found.append(line.text)
    return found


def _address(lines: list[Line]) -> str | None:
    """The page's address when the scraper saved it over the text ("http: / / www. example. com /
    news / story. html", tokenised as some corpora print it)."""
    for line in lines[:3]:
        if line.kind == "url":
            return address(line.text)
    return None


def _captions(lines: list[Line], start: int, end: int) -> list[str]:
    """The photo captions between headline and story end, each with its credits: "Image
    copyright Reuters" over its caption, "Photo: Ana Ruiz" under it, the description first."""
    found: list[list[str]] = []
    held: list[str] = []  # credits printed before their caption
    for line in lines[start:end]:
        if line.kind != "caption":
            held = []
            continue
        if caption.is_credit_label(line.text):
            held.append(line.text)
        elif caption.is_credit_only(line.text, line.words) and found and not held:
            found[-1].append(line.text)
        else:
            found.append([caption.strip_label(line.text), *held])
            held = []
    return [" ".join(parts) for parts in found]


def _short_form(lines: list[Line], title: str | None) -> bool:
    """A headline alone in its first block (or given), then at most two blocks of text: the
    wire and feed forms ("headline\\n\\nCITY (Reuters) - ..."), with no page around them."""
    if title:
        return lines[-1].block <= 2 + (lines[0].key == fold(title))
    return (
        len(lines) > 1
        and lines[1].block > 0
        and lines[-1].block <= 2
        and not furniture.is_chrome(lines[0].key)
        and not _lede_like(lines[0])
    )


def _lede_like(line: Line) -> bool:
    """A first paragraph that is the story's, not a headline: it opens with a dateline or is
    a long sentence. A record's text that starts with its lede keeps it."""
    if line.words >= LEDE_WORDS and line.text.endswith((".", "!", "?", '"', "”")):
        return True
    found = parse_dateline(line.text)  # "LIMA (Reuters) - ...", not "MLB: Houston 8, Pittsburgh 6"
    return found is not None and found.city is not None and bool(found.date or found.agency or line.words >= DATELINE_LEDE_WORDS)


def _short_page(lines: list[Line], title: str | None) -> Page:
    """A wire or feed item: the headline (when the text opens with it), then the story."""
    opens = lines[0].key == fold(title) if title else True
    body = lines[1:] if opens else lines
    lede = next((i for i, ln in enumerate(body) if ln.kind != "byline"), len(body))
    story = body[lede : lede + 1] + furniture.story_lines(body, lede + 1, len(body))  # the lede is kept whatever it looks like
    return Page(
        headline=title or lines[0].text,
        story=[ln.text for ln in story],
        header=_opening_meta(body, 0, len(body)),
        credits=[ln.text for ln in body if ln.furniture],
        lines=[ln.text for ln in lines],
    )
