"""Page furniture: the lines around (and inside) a story that are not the story.

Menus, share bars, captions and credits, bylines, date stamps, "Most read" lists, cookie
prompts, footers. Each line of a page gets a kind and a score: prose earns its length,
furniture and short link-like lines cost, more so in long runs (a story has the odd
subhead between paragraphs, a menu has dozens of short lines). The story is then the
best-scoring run (see ``pagetext``). Both extractors use these checks: the text path on
every line of the page, the HTML path on the paragraphs trafilatura keeps.
The phrases are ``data/chrome.yaml``; generic ones only, never one site's text.
"""
from __future__ import annotations

import re

from . import byline, caption, dates
from .dateline import agency_from_line, parse_dateline
from .lines import Line, address, ends_sentence, fold, size, split_lines
from .wordlists import alternation, load_data

_CHROME: dict = load_data("chrome.yaml")  # type: ignore[assignment]


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
        """The line starts with a phrase, as a whole word ("Anzeige: ...", not "Anzeiger")."""
        if low[:3] not in self.heads and not low.startswith(self.short):
            return False
        return any(low[:n] in self.phrases and not (low[n - 1 : n].isalnum() and low[n : n + 1].isalnum())
                   for n in self.lengths if n <= len(low))

    def run_together(self, low: str, most: int | None = None) -> bool:
        """Two or more of the phrases' single words on one line (at most ``most``): items a
        scraper ran together ("Share Tweet Email", "Menü Menü")."""
        words = low.split()
        return 2 <= len(words) <= (most or len(words)) and all(self.whole(w) for w in words)


_BOILERPLATE = re.compile(rf"\b(?:{alternation(w.casefold() for w in _CHROME['boilerplate'])})\b")  # on casefolded text
_CHROME_LINES = _PhraseSet(_CHROME["lines"])
_CHROME_PREFIXES = _PhraseSet(_CHROME["prefixes"])
_LIST_HEADINGS = _PhraseSet(_CHROME["list_headings"])
_END_HEADINGS = _PhraseSet(_CHROME["end_headings"])
_MENU_ITEMS = _PhraseSet(_CHROME["menu_items"])
TOOLBAR_WORDS = 8  # at most this many buttons' labels on one line
# "About" and a name (words in capitals, "of", "and", "&", a comma before "Inc."), alone on its line.
_NAME_WORD = r"[A-ZÀ-Ý0-9][\w'’.&-]*"
_ABOUT_BLOCK = re.compile(
    rf"^(?:{alternation(w for word in _CHROME['author_box_words'] for w in (word, word.upper()))})"
    rf"\s+(?:(?i:the)\s+)?[A-ZÀ-Ý][\w'’.&-]*(?:,?\s+(?:{_NAME_WORD}|of|and|for|&|de|the)){{0,5}}\s*:?$"
)
# "© 2026 The Westhaven Herald": the year says the site's notice under the story, not a photo's credit
_SITE_COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:19|20)\d\d\b")
_EMAIL_ONLY = re.compile(r"^\S+@\S+\.\w+$")
# a telephone or fax number alone on its line: "+49 30 1234567", "Tel.: (0421) 12 34-5", "Fax +33 1 23 45 67 89"
_PHONE_ONLY = re.compile(r"^(?:(?:tel|tél|phone|telefon|teléfono|fax)\.?\s*:?\s*)?(?:\+|\(0)[\d\s()/.-]{6,24}$", re.I)
_TRUNCATED = ("...", "…", "[…]", "[...]")

# Line scores. A broad plateau on extraction-dev: each can move by half its value and the
# body F1 stays within about 0.01 (benchmarks/bench_extraction.py).
PROSE_DISCOUNT = 4
FURNITURE_COST = 6.0
SHORT_COST = 2.0
GALLERY_COST = 0.25  # each caption after the first of a row of them
RUN_GROWTH = 0.5
RUN_CAP = 3.0
ISOLATED_SHARE = 0.5
BOILERPLATE_SHARE = 0.5
UNPUNCTUATED_SHARE = 0.6
REPEAT_COST = 3.0
LIST_END_WORDS = 20  # a paragraph this long under a link list is the story going on
LIST_HEADING_CHARS = 40  # a heading over a link list is this short
LIST_LEAD_CHARS = 60  # ... or this short, when it opens with one and ends with a colon ("Weitere Informationen zu ...:")
END_HEADING_WORDS = 6  # an end heading with the site's name after it is this short


def is_chrome(low: str) -> bool:
    """A line (case-folded) that is a known furniture phrase or starts with one; a count
    before the phrase does not matter ("17 Kommentare", "5 Comments")."""
    if low[:1].isdigit():
        low = low.lstrip("0123456789., ")
    # or a toolbar's buttons run together on one line: "Whatsapp Facebook Pint Baixar", "Share Tweet Email"
    return _CHROME_LINES.whole(low) or _CHROME_PREFIXES.prefix(low) or _CHROME_LINES.run_together(low, TOOLBAR_WORDS)


def is_list_heading(low: str) -> bool:
    """A heading over links to other stories: "More:", "Most read", "Mehr zum Thema", "Weitere
    Informationen zum Hafen in Kleinholm:"."""
    if len(low) <= LIST_HEADING_CHARS and _LIST_HEADINGS.whole(low):
        return True
    return len(low) <= LIST_LEAD_CHARS and _LIST_HEADINGS.prefix(low) and low.endswith((":", "›", "»"))


def is_end_heading(low: str) -> bool:
    """A heading (case-folded) after which nothing is story ("Leave a reply", "Kommentare")."""
    return _END_HEADINGS.whole(low)


def ends_story(line: Line) -> bool:
    """A heading after which nothing is story: comments, an author box, a press
    release's "About Nordlys Shipping AS" or "Media contacts"."""
    if line.words > 12:
        return False
    if is_end_heading(line.key) or _ABOUT_BLOCK.match(line.text):
        return True
    # "Die meistgelesenen Artikel bei Example.de": a heading of several words that goes on with the site's name
    if line.words > END_HEADING_WORDS or ends_sentence(line.text):
        return False
    words = line.key.split()
    return any(" ".join(words[:n]) in _END_HEADINGS.phrases for n in range(2, len(words)))


_TRAIL = re.compile(r"\s(?:»|›|>|→|/|\|)\s")


def breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail ("Home » Politik » Headline") when it is wordy
    enough to be a headline."""
    if len(text) > 300 or not _TRAIL.search(text):
        return None
    tail = _TRAIL.split(text)[-1].strip()
    return tail if len(tail.split()) >= 3 else None


_CONTACT_LABELS = frozenset(w.casefold() for w in _CHROME["contact_labels"])
_FIELD_LABELS = frozenset(w.casefold() for w in _CHROME["field_labels"]) | _CONTACT_LABELS


def is_menu_item(low: str) -> bool:
    """A menu's or footer's item ("Kontakt", "E-Paper", "Über uns"), or two of them run together
    ("Menü Menü"): never a story's section, nor its outlet."""
    return _MENU_ITEMS.whole(low) or _MENU_ITEMS.run_together(low)


def is_field_label(key: str) -> bool:
    """A fact field's label alone on its line ("Herausgeber:", "Source:"): the next line is its value."""
    return key.endswith(":") and key[:-1].strip() in _FIELD_LABELS


_PAYWALL = re.compile(rf"\b(?:{alternation(_CHROME['paywall'])})\b")  # on casefolded text
PAYWALL_WORDS = 25  # a paywall's offer is this short; a paragraph naming one ("... already a subscriber") is longer
_NOTE = re.compile(rf"^(?:{alternation(_CHROME['note_labels'])})\s*:", re.I)


def is_editors_note(text: str) -> bool:
    """An editor's note before the story ("Correction: An earlier version of this story ...")."""
    return _NOTE.match(text) is not None


def is_contact_label(key: str) -> bool:
    """A press release's contact label alone on its line ("Media contact:"): the name under it is no author."""
    return key.rstrip(" :") in _CONTACT_LABELS


def is_boilerplate(key: str) -> bool:
    return bool(_BOILERPLATE.search(key))


def _opens_with_dateline(text: str) -> bool:
    """A lede's dateline ("LONDON, April 1 - Insurance group ...") dates the story, but the
    line is the story's first, not a stamp."""
    found = parse_dateline(text)
    return found is not None and found.city is not None and len(text[found.end :].split()) >= 2


def kind_of(text: str, key: str, words: int) -> tuple[str, dates.Stamp | None]:
    """What furniture a line is ("" when none): a date stamp, a byline, a photo caption or
    credit, a wire credit line, a chrome phrase, an address."""
    if words <= dates.STAMP_MAX_WORDS:
        found = dates.stamp(text)
        if found and not _opens_with_dateline(text):
            return "stamp", found
        if dates.is_relative_stamp(text):
            return "relative", None
    if agency_from_line(text):
        return "credit", None
    if caption.is_caption(text, words) or caption.is_gallery_counter(text):
        return "caption", None
    if is_chrome(key):
        return "chrome", None
    if byline.parse_byline(text) is not None:
        return "byline", None
    if _EMAIL_ONLY.match(text) or (text[:1] in "hHwW" and address(text)):
        return "url", None
    return "", None


def classify(lines: list[Line], headline_key: str | None = None, captions: frozenset[str] | None = None) -> None:
    """Give every line its kind and score: prose earns its length, furniture and short
    link-like lines cost, the more the longer their run. ``captions`` are the page's known
    photo captions (HTML <figcaption>s, folded): when given, only they are captions."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.text] = seen.get(line.text, 0) + 1
    run = 0
    for i, line in enumerate(lines):
        t = line.text
        line.words = size(t)
        line.kind, line.stamp = kind_of(t, line.key, line.words)
        line.furniture = bool(line.kind) or line.key == headline_key
        line.prose = not line.furniture and line.words >= 6 and ends_sentence(t) and not t.endswith(_TRUNCATED)
        if not line.furniture and _BOILERPLATE.search(line.key):
            line.prose = False
            line.score, run = -max(SHORT_COST, BOILERPLATE_SHARE * line.words), run + 1
        elif line.prose:
            line.score, run = float(line.words - PROSE_DISCOUNT), 0
        elif not line.furniture and line.words >= 15 and t.count("|") + t.count("•") + t.count("·") < 2:
            line.score, run = UNPUNCTUATED_SHARE * line.words, 0  # long, but no sentence end
        elif line.kind == "caption":
            # a photo gallery inside a story costs little, the whole of it as much as one caption: stories go on under it
            line.score = -GALLERY_COST if i and lines[i - 1].kind == "caption" else -SHORT_COST
        else:
            line.score = -(FURNITURE_COST if line.furniture else SHORT_COST) * min(1 + RUN_GROWTH * run, RUN_CAP)
            run += 1
        if seen[t] > 1 and not line.prose:  # menus and teasers print twice; paragraphs rarely
            line.score -= REPEAT_COST
    # A name alone beside a date stamp, under a lone "By", over a role or an address is a byline,
    # unless a breadcrumb trail ends with it: then it names the page ("Home » Mode » Jacken von Bosch").
    trail_ends = {fold(tail) for line in lines if (tail := breadcrumb_tail(line.text))}
    for i, line in enumerate(lines):
        if line.key in trail_ends:
            continue
        if not line.furniture and line.words <= 12 and ("," in line.text or "&" in line.text) and byline.is_name_list(line.text):
            line.kind, line.furniture, line.prose, line.score = "byline", True, False, -FURNITURE_COST
            continue
        if not line.furniture and line.words <= 5:
            prev = lines[i - 1] if i else None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            beside = (prev is not None and (prev.kind in ("stamp", "relative") or (prev.words <= 2 and byline.is_lead_alone(prev.text)))) or (
                nxt is not None and (nxt.kind in ("stamp", "relative", "url") or (nxt.words <= 4 and byline.is_role(nxt.text)))
            )
            if beside and byline.is_name(byline.without_email(line.text)) and not byline.is_role(line.text):
                line.kind, line.furniture, line.prose = "byline", True, False
                line.score = -FURNITURE_COST
    # A fact field's label and its value ("Herausgeber:" / "Pressestelle des Verbandes") and a phone number are
    # the page's, not the story's; they keep their score, so a story printed around them stays one run.
    for i, line in enumerate(lines):
        if is_field_label(line.key):
            field = lines[i : i + 2]
        elif line.words <= 8 and _PHONE_ONLY.match(line.text):
            field = [line]
        else:
            continue
        for ln in field:
            ln.kind, ln.furniture, ln.prose = ln.kind or "chrome", True, False
    # A line right above a bare credit ("Photo: Jane Doe, AP") is that photo's caption; where the
    # page's markup names its captions, only those are. A credit with no prose after it anywhere on
    # the page is the site's notice under the story ("© Northbank Daily"), not a photo's.
    last_prose = max((i for i, line in enumerate(lines) if line.prose), default=-1)
    for at, (line, below) in enumerate(zip(lines, lines[1:]), 1):
        if below.kind == "caption" and not line.furniture and caption.is_credit_only(below.text, below.words) and not (
            _SITE_COPYRIGHT.match(below.text) or at > last_prose
        ):
            if line.key in captions if captions is not None else (
                line.words < 40 and (line.text.endswith((".", ")", "!", "?", '"', "”", "»")) or line.words >= 15)
            ):
                line.kind, line.furniture, line.prose, line.score = "caption", True, False, -FURNITURE_COST
    # The links under a "Most read" heading are no story, however wordy or short: they cost as one short line each.
    in_list = False
    for line in lines:
        if is_list_heading(line.key):
            in_list = True
        elif in_list and line.prose and line.words >= LIST_END_WORDS:
            in_list = False
        elif in_list and not line.furniture:
            line.score = -SHORT_COST
    # A prose line alone between non-prose lines is a teaser under its link more often
    # than a story paragraph: it counts for less.
    for i, line in enumerate(lines):
        if line.prose and not (i and lines[i - 1].prose) and not (i + 1 < len(lines) and lines[i + 1].prose):
            line.score *= ISOLATED_SHARE


def story_lines(lines: list[Line], start: int, end: int) -> list[Line]:
    """The story's lines in lines[start:end]: furniture out, link lists under a "More:" heading
    out, and nothing after an author box or comments heading."""
    kept: list[Line] = []
    in_list = False
    for line in lines[start:end]:
        if kept and ends_story(line):
            break
        if is_list_heading(line.key):
            in_list = True
            continue
        if in_list and not (line.prose and line.words >= LIST_END_WORDS):
            continue  # the linked headlines (and their one-line blurbs) under "Lesen Sie auch:"
        in_list = False
        if not line.furniture and not (line.words <= PAYWALL_WORDS and _PAYWALL.search(line.key)):
            kept.append(line)
    return kept


def split_furniture(
    paragraphs: list[str], headline: str | None = None, captions: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """Another extractor's paragraphs split into (story, furniture): the repeated headline,
    captions, credits, bylines, stamps, share prompts and link lists it let through, and
    everything from an end heading on ("About Nordlys Shipping AS", "Comments").
    ``captions`` are the page's own <figcaption>s, when known."""
    lines = split_lines("\n\n".join(paragraphs))
    classify(lines, fold(headline) if headline else None, frozenset(map(fold, captions)) if captions is not None else None)
    first = next((i for i, ln in enumerate(lines) if not ln.furniture), len(lines))
    kept = story_lines(lines, first, len(lines))
    story = {id(ln) for ln in kept}
    return [ln.text for ln in kept], [ln.text for ln in lines if id(ln) not in story]
