"""The headline: the line the page gives a headline's weight.

In page text there is no markup to say which line that is, but its place does: the
headline sits just above the story's header cluster (standfirst, byline, date stamp,
photo) and below the page's navigation, is often printed twice (in the page's <title>,
its breadcrumb trail or a "share" block), and is not one of a list of other headlines.
``evidence`` scores a headline-shaped line by that evidence (``pagetext`` weighs it with
the story that follows).

In HTML the page says more: the <h1>, og:title, JSON-LD headline and <title> usually
agree once the site's name is cut from the <title>. ``reconcile`` prefers the printed
<h1> when a declared title confirms it, and cuts site names and CMS names from titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .byline import is_name, is_role, parse_byline
from .furniture import is_boilerplate, is_chrome, is_field_label
from .lines import Line, address, fold, size, squash
from .wordlists import alternation, load_data

# "Headline | Site", "Site - Headline", "Headline :: Site", "Headline » Site", "Headline · Site"
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+[»›·•]\s+|\s*\|\s*")
_TOKEN = re.compile(r"\w+")
# removes letters, spaces and the vowel signs of Indic, Thai and other scripts (marks, not word
# characters, for a regex): what is left is not letters
_NOT_LETTERS = re.compile(r"[^\W\d_]|\s|[\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e\u0eb1-\u0ebc\u0ec8-\u0ecd\u102b-\u103e\u17b6-\u17d3]")
# Menu items run together ("UnternehmenNewsroomBürgerbeteiligung"): a word of five letters or more
# glued to a capitalised one. Brands glue shorter parts ("MacBook", "AirPods", "iPhone", "DeSantis").
_GLUED = re.compile(r"[a-zà-ÿß]{4}[A-ZÀ-Ý](?=[a-zà-ÿ]{3})")
_MARKUP = re.compile(r"[<>{}=@#]|https?:|www\.")
_PATH_SEPARATORS = (" › ", " | ", " » ", " > ", " → ")
_LIST_SEPARATORS = (" / ", " · ", " • ")
_FIRST_DIGIT = re.compile(r"\d")
_DATE_TAIL = re.compile(r"\s*[:|,-]\s*\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s*\d{1,2}[.:]\d\d(?:\s*Uhr)?)?\s*$", re.I)
MIN_WORDS = 2
PERIOD_MAX_WORDS = 16  # a line ending with a full stop is a headline only if this short
_OPENING_QUOTES = "\"'`“„«‘‚‹»"
MAX_WORDS = 30
WINDOW = 30  # lines above the story searched for its headline
TITLE_OVERLAP = 0.6  # share of words a printed headline shares with the <title> line's
H1_AGREEMENT = 0.3  # share of words an <h1> shares with a declared title to be taken as the headline

# Evidence weights (see ``features``): what each piece of the page's evidence is worth.
WEIGHTS: dict[str, float] = {
    "byline_on_line": 3.5,  # "Headline von Jane Roe": the byline printed on the headline's line
    "meta_below": 3.5,  # a byline or date stamp right below (less further down)
    "meta_above": 1.75,  # a stamp right above and no other headline near ("Pressemitteilung 02.11.2021")
    "standfirst_below": 1.0,  # a long line (standfirst or lede) right below
    "toolbar_below": 2.0,  # a share bar or toolbar right below ("Share", "Tweet", "Email")
    "titled": 3.0,  # the headline of the page's <title>, printed again
    "printed_again": 2.0,  # printed elsewhere on the page too (a few times at most)
    "story_words": 3.0,  # the share of its words the story's opening uses
    "below_navigation": 0.5,  # a short line, furniture or nothing right above
    "subtitle": -1.5,  # the subtitle of a headline right above it
    "paragraphs_above": -1.5,  # per paragraph among the three lines above: a subhead, a teaser under another
    "rivals_before_meta": -1.5,  # per other headline between it and its byline or stamp
    "rivals_after_meta": -0.5,  # per other headline between its byline or stamp and the story (a photo's title)
    "prose_between": -2.0,  # per run of prose between it and the story beyond the standfirst
    "distance": -0.1,  # per line between it and the story
    "kicker": -3.0,  # a short label over the real headline ("Klimaschutz" / "Bohren, bis es heiß wird")
    "name": -2.0,  # a person's name alone on its line is a byline more often than a headline
    "full_stop": -2.0,  # a line ending with a full stop is a standfirst or caption more often than a headline
}
MAX_PRINTINGS = 3  # printed more often, a line is a label (a tag, a menu item)
STORY_STEMS = 3  # a line of at least this many content words names its story in full
RIVAL_WORDS = 4  # a shorter headline-shaped line under a headline is a label, not a rival
KICKER_MAX_WORDS = 5  # a kicker is this short
ROLE_MAX_WORDS = 3  # a line this short naming a role ("Chief political correspondent") is no headline
TAG_LIST_PARTS = 3  # a line of this many capitalised items between commas is a list of tags ...
TAG_WORDS = 4  # ... each this short
META_REACH = 6  # lines below a headline where its byline or stamp may sit
_META_KINDS = ("stamp", "byline", "relative")


def is_display(line: Line) -> bool:
    """A line shaped like a headline (computed once per line by ``mark_display``)."""
    return line.display


def mark_display(lines: list[Line]) -> None:
    """Mark the lines shaped like a headline: a few words, no closing full stop, not
    furniture, not a section path ("WORLD / AMERICAS"), mostly letters."""
    above = None
    for line in lines:
        line.display = _display(line) and not (above is not None and is_field_label(above.key))
        above = line


def _display(line: Line) -> bool:
    if line.furniture:
        return False
    t = line.text
    if not line.prose and _BYLINE_TAIL.search(t):
        t = headline_part(t)  # "Headline by JANE ROE NOVEMBER 8, 2026 | 6:03 PM": the headline is judged
    size = line.words if t == line.text else len(t.split())
    if not MIN_WORDS <= size <= MAX_WORDS or len(t) > 250:
        return False
    if t.endswith(")") and size > 15:
        return False  # a caption's sentence with its credit in brackets
    if t.endswith((":", ",", ";", "…", "...", "-", "–", "—", "|", "/", "•", "+")):
        return False  # cut short, or a dateline's place ("Dübendorf -") over the lede
    if t.endswith(".") and (size > PERIOD_MAX_WORDS or t.count(". ") > 1):
        return False  # a sentence; a short headline may still end with a full stop
    if t.endswith(("。", "।")):
        return False  # a Chinese, Japanese or Hindi sentence: their headlines never end with the full stop
    if t.endswith(".") and t[:1] in _OPENING_QUOTES:
        return False  # a quoted sentence from the story ('"We are not confirming," a spokesman said.')
    if is_label(t) or _MARKUP.search(t) or is_boilerplate(line.key):
        return False
    if t.startswith(("- ", "• ", "* ", "– ", "· ")):
        return False  # an item of a list ("Key points" / "- The school opens in 2029")
    if size <= ROLE_MAX_WORDS and is_role(t):
        return False  # "Health correspondent" under a byline's name
    if len(_NOT_LETTERS.sub("", t)) > 0.4 * len(t.replace(" ", "")):
        return False
    if len(_GLUED.findall(t)) >= 2:
        return False  # menu items run together: "UnternehmenNewsroomBürgerbeteiligung"
    words = t.split()
    if len(words) >= 4 and sum(len(w) <= 3 for w in words) > 0.7 * len(words):
        return False  # "eic kyf msh nnz uhz tv nt": a row of abbreviations
    return not (size <= 3 and t.isupper())


BYLINE_TAIL_WORDS = 4  # a headline this long may carry its byline on its line
BYLINE_TAIL_MAX = 9  # ... in a tail this short ("par Jane Roe, le 15 septembre 2026"), not a clause
_BYLINE_TAIL = re.compile(r"\s+(?:by|von|par|por|di|door)\s+(?=[A-ZÀ-Ý])", re.I)


def headline_part(text: str) -> str:
    """A headline without the byline some pages print on its line: "Gute Tabus, schlechte
    Tabus: ... von Stefan Niggemeier" -> "Gute Tabus, schlechte Tabus: ...". Only a tail that
    reads as a byline of names goes: "by" or "von" and a name, or another lead with its date
    ("par Florence Audier, le 15 septembre"): "peu estimé par Jacques Chirac" is a passive."""
    if text.isupper():
        return text  # "... WEIKERT VON HÖRMANN ATTACKIERT": in capitals a name and a verb look alike
    for m in reversed(list(_BYLINE_TAIL.finditer(text))):
        head, tail = text[: m.start()].rstrip(" ,|–—-"), text[m.start() :].strip()
        dated = any(ch.isdigit() for ch in tail)
        plain = m[0].strip().casefold() in ("by", "von")  # "par", "por", "di" also make passives
        if head.endswith(".") or m[0].strip().casefold() == "by" and _title_case(head):
            continue  # "... Intercepted by Federal Agents, CBP Says": in title case a name and a noun look alike;
            # "... in Las Croabas. By U.S. CUSTOMS": a sentence with its credit is a caption or standfirst
        named = _FIRST_DIGIT.split(tail, maxsplit=1)[0]  # "by JANE ROE NOVEMBER 8, 2026 | 6:03 PM": the names before the date
        if len(head.split()) >= BYLINE_TAIL_WORDS and len(named.split()) <= BYLINE_TAIL_MAX and (dated or plain) and parse_byline(tail):
            return head  # not "Jean-Paul Delevoye, peu estimé par Jacques Chirac"
    return text


def without_kicker(lines: list[Line], at: int) -> str:
    """The headline at ``at`` as the page prints it elsewhere without the kicker fused to its
    start ("Lokales Lübeck So lief die Auktion ..." and "So lief die Auktion ..."; "Neues Auto:
    Auto leasen ..." and "Auto leasen ..."): the shorter printing is the headline itself, when
    it is the longer part (not the byline of "Police blotters by Staff Report")."""
    key, best = lines[at].key, lines[at]
    for line in lines:
        if line.words >= 3 and len(line.key) < len(best.key) and key.endswith(line.key):
            kicker = key[: len(key) - len(line.key)]
            if kicker[-1:] in (" ", ":", "-", "|") and len(kicker.split()) <= min(KICKER_MAX_WORDS + 1, line.words - 1):
                best = line
    return best.text


def _title_case(text: str) -> bool:
    """A headline with every longer word capitalised ("Vessel Returning to Puerto Rico From St. Thomas")."""
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.9 * len(words)


def is_label(text: str) -> bool:
    """A section path, meta line or tag list ("WORLD / AMERICAS", "Home › Politik", "Listen · 4 min",
    "Hafen, Fähren, Kleinholm"), not a headline: "Können Fische Schmerzen spüren / empfinden?" has a
    slash but reads as a sentence."""
    if text.isupper() and len(text.split()) <= 3:
        return True
    if any(sep in text for sep in _PATH_SEPARATORS):
        return True
    for sep in _LIST_SEPARATORS:
        if sep in text:
            parts = text.split(sep)
            return len(parts) >= 3 or all(len(part.split()) <= 3 for part in parts)
    parts = text.split(", ")  # a line of tags: "Politik, Justiz, Emmanuel Macron"
    return len(parts) >= TAG_LIST_PARTS and all(part[:1].isupper() and len(part.split()) <= TAG_WORDS for part in parts)


@dataclass(frozen=True)
class TitleLine:
    """A <title>-like first line ("Headline | Site") and the headline it names, printed again below."""

    headline: str
    site: str | None
    at: int | None  # where the page prints the headline again


def title_line(lines: list[Line]) -> TitleLine | None:
    """The page's <title> when a scraper saved it as the first line: its headline part printed
    again on the page (or a line sharing most of its words: <h1>s reword <title>s), and the
    site's name when the title carries one. None when the first line is not such a title."""
    if len(lines) < 3 or address(lines[0].text):
        return None  # the page's address, saved over its text
    first = lines[0].text
    cuts = list(TITLE_SEPARATOR.finditer(first))
    parts = [p.strip() for p in TITLE_SEPARATOR.split(first) if p.strip()] or [first]
    longest = max(parts, key=lambda p: len(p.split()))
    site = parts[-1] if len(parts) > 1 and parts[-1] != longest and size(parts[-1]) <= 5 else None
    if (not cuts and len(first.split()) < 4) or is_chrome(lines[0].key):
        return None  # "The Daily Example" printed again in the footer is a name, not a headline
    if len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts):
        return None  # "English | Über uns | Impressum | Kontakt": a menu, whose last item names no site
    spans = parts + [first[: m.start()] for m in cuts] + [first[m.end() :] for m in cuts] + [first]
    by_key = {fold(p): p for p in spans if 2 * len(p.split()) >= len(longest.split())}
    printed = [i for i in range(1, len(lines)) if lines[i].key in by_key]
    if printed:
        at = max(printed, key=lambda i: (len(lines[i].text.split()), -i))
        return TitleLine(lines[at].text, site, at)
    if len(parts) > 1:
        wanted = set(_TOKEN.findall(fold(longest)))
        for i in range(1, len(lines) * 2 // 3):
            line = lines[i]
            if 4 <= len(line.text.split()) <= 30 and not line.text.endswith("."):
                have = set(_TOKEN.findall(line.key))
                if len(wanted & have) >= TITLE_OVERLAP * max(len(wanted), len(have)):
                    return TitleLine(line.text, site, i)
        if len(longest.split()) >= 4:
            return TitleLine(longest, site, None)  # a <title> whose headline the page does not repeat
    return None


def has_evidence(lines: list[Line], i: int, counts: dict[str, int]) -> bool:
    """A headline-shaped line the page treats as a headline: printed twice, or with a byline
    or date stamp right under it or right over it ("Energie 12.12.2026, 08:30 Uhr" / headline)."""
    return (
        counts.get(lines[i].key, 0) > 1
        or any(ln.kind in _META_KINDS for ln in lines[i + 1 : i + 1 + META_REACH])
        or any(ln.kind in _META_KINDS for ln in lines[max(0, i - 2) : i])
    )


def evidence(
    lines: list[Line], i: int, start: int, counts: dict[str, int], titled: str | None = None, story: frozenset[str] = frozenset()
) -> float:
    """How much the page treats line i as the headline of the story at ``start``: its evidence
    (``features``) weighed by ``WEIGHTS``."""
    return sum(WEIGHTS[name] * value for name, value in features(lines, i, start, counts, titled, story).items())


def features(
    lines: list[Line], i: int, start: int, counts: dict[str, int], titled: str | None = None, story: frozenset[str] = frozenset()
) -> dict[str, float]:
    """The page's evidence that line i is the headline of the story at ``start``; ``titled``
    is the folded headline of the page's <title> when a scraper saved it, ``story`` the
    word stems of the story's opening (see ``stems``): a headline names what its story is about."""
    line = lines[i]
    below = lines[i + 1] if i + 1 < len(lines) else None
    above = lines[i - 1] if i else None
    between = lines[i + 1 : start]
    displays = [j for j in range(i + 1, start) if _rival(lines[j], line)]
    nxt = i + 1
    while nxt < start and lines[nxt].key == line.key:
        nxt += 1  # the headline printed twice in a row: no kicker is, so a line under both is its subtitle
    if displays and displays[0] == nxt and (_deck(line, lines[nxt]) or nxt > i + 1):
        displays = displays[1:]  # a longer subtitle under the headline ("Pflaster-Desaster: ...") is part of it
    found: dict[str, float] = {}
    meta_at = start
    if headline_part(line.text) != line.text:
        found["byline_on_line"] = 1.0
    photo = 0  # a photo's caption and credit between a headline and its byline do not part them
    for distance, ln in enumerate(lines[i + 1 : min(len(lines), i + 1 + META_REACH, start + 2)], 1):
        if ln.kind in _META_KINDS:
            near = distance - photo
            found["meta_below"] = 1.0 if near <= 2 else 0.6 if near <= 4 else 0.3
            meta_at = i + distance
            break
        photo += ln.kind in ("caption", "credit")
        if i + distance in displays:
            break  # a byline under another headline is that one's
    if "meta_below" not in found:
        over = lines[max(0, i - 4) : i]
        labels_only = not _sentence(line.text) and all(ln.words < min(RIVAL_WORDS, line.words) for ln in over if is_display(ln))
        if any(ln.kind in _META_KINDS for ln in over[-2:]) and labels_only:  # over the stamp, no headline or a shorter label
            found["meta_above"] = 1.0
    if all(ln.kind == "chrome" for ln in lines[i + 1 : i + 3]) and i + 2 < len(lines):
        found["toolbar_below"] = 1.0
    if below is not None and (below.prose or below.words >= 12) and not below.furniture:
        found["standfirst_below"] = 1.0
    if line.key == titled:
        found["titled"] = 1.0
    elif 1 < counts.get(line.key, 0) <= MAX_PRINTINGS:
        found["printed_again"] = min(1.0, (line.words - 1) / 4)  # a menu item printed twice is no headline
    if above is None or above.furniture or above.words <= 3 or is_label(above.text):
        found["below_navigation"] = 1.0
    elif is_display(above) and (_deck(above, line) or (i >= 2 and lines[i - 2].key == above.key)):
        found["subtitle"] = 1.0  # also under a headline printed twice in a row, however short
    found["paragraphs_above"] = min(2, sum(ln.prose and ln.words >= 12 for ln in lines[max(0, i - 3) : i]))
    # other headlines between it and its byline or stamp say it is not the headline; under the
    # byline they are more often a photo's title or a fact box's lines
    found["rivals_before_meta"] = sum(j < meta_at for j in displays)
    found["rivals_after_meta"] = sum(j >= meta_at for j in displays)
    # a one-line prompt ("Wie hat Ihnen der Artikel gefallen?") is prose-shaped, but no run of prose
    wordy = [(ln.prose and ln.words >= 8) or ln.words >= 15 for ln in between]
    runs = sum(w and not (k and wordy[k - 1]) for k, w in enumerate(wordy))  # a standfirst printed a sentence a line is one
    found["prose_between"] = max(0, runs - 1)
    found["distance"] = len(between)
    if _kicker(line, below):
        found["kicker"] = 1.0
    if story:
        own = stems(headline_part(line.text))
        if own:  # "Formel 1" names its story too, but one word says little
            found["story_words"] = len(own & story) / len(own) * min(1.0, len(own) / STORY_STEMS)
    if is_name(line.text) and ("meta_below" not in found or (above is not None and above.kind == "byline")):
        found["name"] = 1.0  # not over the page's byline or stamp: "Unstillbares Heimweh" / ... / "Frank Hahn am 18. September"
    if line.text.endswith("."):
        found["full_stop"] = 1.0
    return found


def _sentence(text: str) -> bool:
    """A line that reads as sentences, not a headline: "Die ersten zehn Spieltage sind gespielt. Wie ..."""
    return text.endswith(".") or ". " in text


_STEM = re.compile(r"[^\W\d_]{4,}")


def stems(text: str) -> frozenset[str]:
    """The content words of a text, cut to their first five letters: "Wildschweine" and
    "Wildschweinen", "election" and "elections" meet. Short words (articles, prepositions) are left out."""
    return frozenset(w[:5] for w in _STEM.findall(text.casefold()))


def _rival(other: Line, line: Line) -> bool:
    """Another headline between a candidate and its story: headline-shaped, more than a label
    ("1 Kommentar", "Kommentar"), not a rewording of the candidate."""
    return other.display and other.words >= RIVAL_WORDS and not other.text.endswith(".") and not _variant(other, line)


def _deck(line: Line, below: Line) -> bool:
    """A subtitle right under a headline, headline-shaped too ("Pflaster-Desaster: Gladbacher
    Fußgängerzone in schlechtem Zustand"): pages print the headline first, unless the line
    above is a short kicker ("Klimaschutz")."""
    return below.display and not _kicker(line, below) and not _variant(line, below)


def _kicker(line: Line, below: Line | None) -> bool:
    """A short label over a longer headline: "Klimaschutz", "Ernährung sichern", "Le droit en
    débats", "Bestseller-Autorin im Talk"; not over a sentence (a standfirst)."""
    return (
        below is not None
        and is_display(below)
        and not _variant(below, line)
        and not below.text.endswith(".")
        and (line.words <= KICKER_MAX_WORDS or line.text.endswith(":"))
        and below.words >= line.words
    )


def _variant(a: Line, b: Line) -> bool:
    """Two printings of one headline, reworded: most words shared."""
    wa, wb = set(_TOKEN.findall(a.key)), set(_TOKEN.findall(b.key))
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


# --- titles declared in HTML ---------------------------------------------------------------------


def strip_site(title: str, site_names: list[str]) -> str:
    """A <title> or og:title without the site's name: "Headline | The Japan Times" ->
    "Headline", "INDUSTRIEMAGAZIN | Headline" -> "Headline". A part is the site's name when it
    matches a known name of the site (og:site_name, the domain's name) or is the short end
    part of a title whose other part is the headline; a date suffix goes too."""
    title = _DATE_TAIL.sub("", " ".join(title.split()))
    names = {squash(n) for n in site_names if n and squash(n)}
    parts = [p for p in TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    keep = [p.strip() for p in parts if not _is_site(p, names)]
    if not keep:
        return title.strip()
    if len(keep) == len(parts):
        return title.strip()  # nothing known to cut: "Review - shoots for the moon" stays whole
    # the parts kept, joined as printed: "Olympische Spiele in Paris - Getränke per Schiff"
    first, last = title.find(keep[0]), title.rfind(keep[-1]) + len(keep[-1])
    return title[first:last].strip()


def _is_site(part: str, names: set[str]) -> bool:
    squashed = squash(part)
    if not squashed:
        return True
    short = len(part.split()) <= 4
    # "Yahoo Finance" for "Yahoo Finance UK": an edition's name printed without its edition
    return any(squashed == n or (len(n) >= 4 and (squashed.startswith(n) or squashed.endswith(n)) and short)
               or (len(squashed) >= 6 and n.startswith(squashed) and short) for n in names)


def site_of(title: str, headline: str) -> str | None:
    """The site's name a <title> carries beside the headline: "Headline | The Westhaven Echo"."""
    parts = [p.strip() for p in TITLE_SEPARATOR.split(" ".join(title.split())) if p.strip()]
    if len(parts) < 2:
        return None
    key = squash(headline)
    for head, site in ((parts[0], parts[-1]), (parts[-1], parts[0])):
        if squash(head) == key and 1 <= len(site.split()) <= 6:
            return site
    return None


def same_headline(a: str, b: str) -> bool:
    """Two titles for one story: equal once case, punctuation and spacing are ignored,
    or one holding all the other's words in order (a <title> with a kicker)."""
    sa, sb = squash(a), squash(b)
    return bool(sa) and (sa == sb or (len(min(sa, sb, key=len)) >= 12 and (sa in sb or sb in sa)))


def reconcile(printed: list[str], declared: list[str], site_names: list[str]) -> str | None:
    """The headline of an HTML page: the printed <h1> that the declared titles (og:title,
    JSON-LD headline, <title>) point to, as printed; else the first <h1> that reads as a
    headline (four words or more, not the site's name); else the first declared title
    with the site's name cut. An <h1> and an og:title often word the story differently:
    the <h1> is what the reader sees."""
    names = {squash(n) for n in site_names if n}
    cleaned = [t for t in (strip_site(t, site_names) for t in declared if t and t.strip()) if t and squash(t) not in names]
    printed = [h for h in printed if squash(h) and squash(h) not in names]
    for title in cleaned:  # the strongest declared title first: og:title "Headline" over <title> "News - Site"
        for h1 in printed:
            if same_headline(h1, title):
                return h1
    scored = [(max((_overlap(h1, t) for t in cleaned), default=0.0), -i, h1) for i, h1 in enumerate(printed)]
    best = max(scored, default=None)
    if best and best[0] >= H1_AGREEMENT:
        return best[2]
    for h1 in printed:
        if len(h1.split()) >= 4:
            return h1
    if cleaned:
        return cleaned[0]
    return printed[0] if printed else None


def confirmed(title: str, declared: list[str], site_names: list[str]) -> bool:
    """A headline that a declared title (og:title, JSON-LD, <title>, site names cut) names too."""
    names = {squash(n) for n in site_names if n}
    cleaned = [t for t in (strip_site(t, site_names) for t in declared if t and t.strip()) if t and squash(t) not in names]
    return bool(title) and squash(title) not in names and any(same_headline(title, t) or _overlap(title, t) >= H1_AGREEMENT for t in cleaned)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_TOKEN.findall(a.casefold())), set(_TOKEN.findall(b.casefold()))
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


_SLUG = re.compile(rf"^(?:{alternation(load_data('headline.yaml')['slugs'])})(?:\s+\d+)?\s*[-:–]\s*(?=\w|[\"'“‘])")  # type: ignore[index]


def without_slug(title: str) -> str:
    """The headline without a desk's slug before it ("UPDATE 2-Rates rise" -> "Rates rise")."""
    cut = _SLUG.sub("", title, count=1)
    return cut if len(cut.split()) >= 2 else title
