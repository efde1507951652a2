"""Bylines: who wrote the story, as the page prints it.

A byline is a short line that opens with a lead word ("By", "Von", "Par", "Por") or a
label ("Autor:", "Author:") and then names people; names come back in title case when
the page shouts them, roles, e-mail addresses, places, dates and agencies left out.
Some pages print the name alone on its line, next to the date stamp or over a role
("Jane Roe" / "Staff Writer"): ``is_name`` recognises such a line; the page-text
extractor decides whether its position makes it the byline.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .dateline import canonical_agency
from . import lines  # the module: lines reads bylines too (parse_byline)
from .wordlists import alternation, load_data

if TYPE_CHECKING:
    from .parts import Page

_DATA: dict = load_data("bylines.yaml")  # type: ignore[assignment]
_LEADS = alternation(_DATA["leads"])
_LABELS = alternation(_DATA["labels"])
_ROLES = frozenset(r.casefold() for r in _DATA["roles"])
_PARTICLES = frozenset(_DATA["particles"])
_NOT_NAMES = frozenset(w.casefold() for w in _DATA["not_names"])
_PLACE_PREFIXES = frozenset(("st.", "sankt", "saint", "san", "santa", "são", "sainte"))
_JOINERS = frozenset(w.casefold() for w in _DATA["joiners"]) - _PARTICLES
BYLINE_MAX_CHARS = 200
NAME_PART_MAX = 14  # no part of a person's name is longer
TAIL_WORD_MAX = 11  # a name printed after a stamp's date has no longer word (tags and sections do)

# "By Jane Roe", "ByJane Roe" (a page that glues the link to its label), "VON MORITZ GATHMANN am 21. April",
# "6. Dezember 2022 von Fatima in Gefühle" (a date before the lead).
# (a Chinese lead is written joined to the name: "记者张晓梅")
_LEAD = re.compile(rf"^(?P<lead>(?i:{_LEADS}))(?:\s*[:：]\s*|\s+|(?=[A-ZÀ-Ý][\w.])|(?<=[者]))(?P<names>\S[^\n]*)$")
# "김민준 기자", "佐藤健一 記者": the name, then the role
_TRAILING = re.compile(rf"^(?P<names>[^\W\d_]{{2,6}})\s?(?:{alternation(_DATA['trailing_roles'])})(?:\s|[=@(（/／]|$)")
_DATED_LEAD = re.compile(rf"^(?P<pre>[^\n]{{0,40}}?\s)(?P<lead>(?i:{_LEADS}))(?:\s*:\s*|\s+|(?=[A-ZÀ-Ý][\w.]))(?P<names>\S[^\n]*)$")
_LABEL = re.compile(rf"^(?P<lead>(?i:{_LABELS}))(?:\s*:\s*|\s+)(?P<names>\S[^\n]*)$")
# Where the names stop: a separator, an e-mail, a date or time, "in"/"am"/"for" and what follows.
_NAMES_END = re.compile(
    r"\s*(?:[|•·/／]|\s[-–—]\s|\S+@\S+|\s@\w|\(|\d|\s\w+:|"
    r"\b(?:in|im|for|at|am|le|el|em|on|für|aus|pour|para|dans|en)\s+[\w(]|"
    r"\s(?i:last updated|updated|published|posted|aktualisiert|veröffentlicht)\b|\s?(?:报道|報導)$)"
)
_NAME_SPLIT = re.compile(rf"\s*(?:,|;|&|\s(?:{alternation(_DATA['joiners'])})\s)\s*")
_WORD = re.compile(r"[\w'’.\-]+")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


def parse_byline(line: str) -> list[str] | None:
    """The authors a byline line credits ("By LISA MARSH and ERIC TUCK" -> ["Lisa Marsh",
    "Eric Tuck"]). None when the line is not a byline; an empty list for a byline that
    names nobody ("By Staff and wire reporters")."""
    if len(line) > BYLINE_MAX_CHARS:
        return None
    m = _LABEL.match(line)
    labelled = m is not None
    if m is None and (trailing := _TRAILING.match(line)) and _unspaced_name(trailing["names"]):
        return [trailing["names"]]
    if m is None:
        m = _LEAD.match(line)
        if m is None and _DIGIT.search(line[:40]):
            m = _DATED_LEAD.match(line)
            if m is not None and not _meta_prefix(m["pre"]):
                return None
        if m is None:
            return None
    names = m["names"]
    if _DIGIT.search(names):
        from .dates import find_dates  # here, not on top: a site build imports this module (via outlets.py) but parses no dates

        dated = find_dates(names)
        names = names[: dated[0].start] if dated else names  # "JANE ROE NOVEMBER 8, 2026": not the month
    names = _NAMES_END.split(names, maxsplit=1)[0].strip(" .,:;-–—")
    if not names or len(names.split()) > 12:
        return None
    if not labelled and not (names[0].isupper() or _uncased(names[0])):
        return None  # "By the time the rescuers arrived": a sentence
    found: list[str] = []
    for part in _NAME_SPLIT.split(names):
        name = _clean(part, lenient=labelled)
        if name and name not in found:
            found.append(name)
    if not found and not labelled:
        return None  # "Neue Regeln von Brüssel", "Von Sprachregeln und Deutsch": a headline, not a byline
    return found


def _meta_prefix(text: str) -> bool:
    """Text before a lead word that a byline line may carry: a date ("6. Dezember 2022 von ..."),
    never the words of a headline ("Neue Regeln von Brüssel")."""
    return len(text.split()) <= 4 and any(ch.isdigit() for ch in text)


def _clean(part: str, lenient: bool) -> str | None:
    """One credited name, or None when the part is a role, an agency or not a name."""
    part = part.strip(" .,:;-–—()")
    words = part.split()
    if words and canonical_agency(words[0]) and is_role(part):
        return None  # "AP National Security Writer": the agency's title for the author named before it
    for i in range(2, len(words)):
        if is_role(" ".join(words[i:])):  # "Meg James Staff Writer": the name, then the role
            part, words = " ".join(words[:i]), words[:i]
            break
    if not part or canonical_agency(part) or part.casefold() in _ROLES:
        return None
    if len(words) > 5:
        return None
    if is_name(part) or _unspaced_name(part) or _uncased_name(part):
        return part.title() if part.isupper() else part
    for n in range(len(words) - 1, 1, -1):  # "Sarah Roe Example International": the name, then the outlet
        if is_name(" ".join(words[:n])):
            name = " ".join(words[:n])
            return name.title() if name.isupper() else name
    if lenient and not any(ch.isdigit() for ch in part):
        return part  # "Autor: Die Redaktion", "Autor Catch more fish": named outright by the page
    return None


def _uncased(ch: str) -> bool:
    """A letter of a script without capitals (Hebrew, Arabic, Thai, Devanagari, CJK)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def _uncased_name(text: str) -> bool:
    """A name after a byline's lead in a script without capitals ("מאת דנה לוי", "โดย สมชาย ใจดี"):
    two to four words of such letters."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        _uncased(ch) or ch in "'’.-" or unicodedata.category(ch) in ("Mn", "Mc") for word in words for ch in word)


_UNSPACED_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\uac00-\ud7af]{2,4}|[\u3040-\u30ff\u3400-\u9fff]{2,6}")


def _unspaced_name(text: str) -> bool:
    """A Chinese, Japanese or Korean name, written without spaces: "张晓梅", "김민준", "佐藤健一"."""
    return _UNSPACED_NAME.fullmatch(text) is not None


def is_name(text: str) -> bool:
    """A person's name alone: two to five words, each capitalised (or a particle: "von",
    "de la"), no digits, no sentence punctuation. "Jane Roe", "MARKUS M. HAEFLIGER"."""
    if len(text) > 60 or any(ch.isdigit() for ch in text) or text.endswith(("!", "?", ":")):
        return False
    words = text.split()
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    if words[0].casefold() in _PLACE_PREFIXES:
        return False  # "St. Johannes", "San Pedro": a saint or a place
    if any(len(part) > NAME_PART_MAX for word in words for part in word.split("-")):
        return False  # "Russland Antiimperialismus Kolonialismus": a tag line's nouns
    for word in words:
        if not _WORD.fullmatch(word) or word.casefold() in _NOT_NAMES:
            return False
        if not word[:1].isupper() and word not in _PARTICLES or word.casefold() in _JOINERS:
            return False  # "STAFF AND NEWS SERVICE"
    return True


def is_name_list(text: str) -> bool:
    """Several names on one line, maybe with a place: "Markus M. Haefliger, London, Beat Bumbacher",
    "CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB"."""
    if len(text) > 120 or not any(sep in text for sep in (",", "&", " and ", " und ")):
        return False
    parts = [p.strip() for p in _NAME_SPLIT.split(text) if p.strip()]
    names = sum(is_name(p) for p in parts)
    return names >= 2 and all(is_name(p) or (len(p.split()) == 1 and p[:1].isupper()) for p in parts)


def is_role(text: str) -> bool:
    """A role printed under a name: "Chefredakteur", "Staff Writer", "Courts Reporter"."""
    words = text.strip(" .,").casefold().split()
    return 1 <= len(words) <= 4 and any(" ".join(words[i:]) in _ROLES for i in range(len(words)))


def is_lead_alone(text: str) -> bool:
    """A byline's lead printed alone, the name on the next line ("Von" / "Thomas Steinberg")."""
    low = text.strip(" :").casefold()
    return bool(low) and (re.fullmatch(_LEADS, low) is not None or re.fullmatch(_LABELS, low) is not None)


def without_email(text: str) -> str:
    return _EMAIL.sub("", text).strip()


def authors(page: "Page") -> list[str]:
    """The story's authors, strongest evidence first: the bylines of its header cluster and of
    the lines just above and after it ("By Jane Roe", "Von: Jan Falk", a list of names); else
    the authors the markup declares; else a name alone where a byline sits (beside the date
    stamp, over a role, under a lone "Von")."""
    from .furniture import is_contact_label  # here: furniture reads bylines (parse_byline) when it loads

    bylines: list[str] = []
    alone: list[str] = []
    near = page.above[-2:] + page.header + page.after[:3]
    for i, line in enumerate(near):
        found = parse_byline(line)
        if found is None and is_name_list(line) and not line.endswith("."):  # not a caption's "Jane Roe, Harbour Street, Kleinholm."
            found = [p.strip() for p in _NAME_SPLIT.split(line) if is_name(p.strip())]
        if found is not None:
            _add(bylines, found)
            continue
        if _stamp_like(line):
            _add(alone, names_beside_stamp(line))
            continue
        line = without_email(line).rstrip(" ,")
        if not is_name(line) or is_role(line) or _furniture(line):
            continue  # "Courts Reporter" under the name is a role, not a second author
        prev = near[i - 1] if i else ""
        nxt = near[i + 1] if i + 1 < len(near) else ""
        if _JOINER_LINE.fullmatch(nxt.strip()) and i + 2 < len(near):
            nxt = near[i + 2]  # "Jane Roe" / "am" / "Mittwoch, 26.01.2022": the joiner on a line of its own
        if is_contact_label(lines.fold(prev)):
            continue  # "Media contact:" / "Owen Pritchard": the press office, not the author
        if is_lead_alone(prev) or is_role(nxt) or _stamp_like(prev) or _stamp_like(nxt) or "@" in nxt:
            _add(alone, [line])
    if not bylines:  # "Erstellt von Jane Roe" a little further under the story, not under a teaser's headline
        # (a label, "Autor: Jane Roe", is no teaser's byline, whatever the line above it)
        for prev, line in zip(page.after[2:], page.after[3:]):
            found = parse_byline(line)
            if found and not _stamp_like(line) and (_LABEL.match(line) or not _headline_like(prev)):
                _add(bylines, found)
    if not bylines:
        _add(bylines, tail_byline(page.story))
    if bylines:
        return bylines
    declared: list[str] = []
    for value in page.declared.authors:
        _add(declared, declared_names(value))
    people = [n for n in declared if not _institutional(n, page)]
    return people or alone or declared


TAIL_REACH = 4  # the story's last paragraphs where its byline may close it
TAIL_WORDS = 12  # ... a line this short


def tail_byline(story: list[str]) -> list[str]:
    """The byline some pages print at the end of the story, inside it: a labelled or led line
    ("Autorin: Jane Roe", "Written by Jane Roe on July 27, 2017") or a lead alone over the name
    ("Ein Beitrag von:" / "Jane Roe"). Not a bare name: the story's last line may be anyone's."""
    tail = story[-TAIL_REACH:]
    for i, line in enumerate(tail):
        if len(line.split()) > TAIL_WORDS:
            continue
        if is_lead_alone(line) and i + 1 < len(tail) and is_name(without_email(tail[i + 1]).rstrip(" ,")):
            return [without_email(tail[i + 1]).rstrip(" ,")]
        if _LABEL.match(line) or _LEAD.match(line):
            found = [n for n in parse_byline(line) or [] if is_name(n)]
            if found:
                return found
    return []


def _furniture(line: str) -> bool:
    """A comment form's or a menu's heading shaped like a name ("HINTERLASSEN SIE EINE ANTWORT"
    under the desk's "Redaktion")."""
    from .furniture import is_chrome, is_end_heading, is_menu_item  # furniture reads bylines: imported here

    key = lines.fold(line)
    return is_chrome(key) or is_end_heading(key) or is_menu_item(key)


_DOMAIN = re.compile(r"\w\.(?:[a-z]{2,3})\b")
_CORPORATE = re.compile(r"\b(?:e\.\s?V|GmbH|AG|Inc|Ltd|LLC|S\.A)\b\.?")


def _institutional(name: str, page: "Page") -> bool:
    """A declared "author" that is the site itself, its domain, its company or the headline:
    CMS defaults, weaker than a name the page prints beside its stamp."""
    key = lines.squash(name)
    sites = [lines.squash(s) for s in page.declared.site_names if s]
    return (
        not key
        or key == lines.squash(page.headline)
        or bool(_DOMAIN.search(name) or _CORPORATE.search(name))
        or any(key in s or s in key for s in sites if len(s) >= 4)
    )


def _add(names: list[str], found: list[str]) -> None:
    for name in found:
        name = name.title() if name.isupper() and len(name) > 3 else name
        if name not in names:
            names.append(name)


_PARTS = re.compile(r"\s*(?:[|•·]|\s[-–—/]\s)\s*")


def names_beside_stamp(line: str) -> list[str]:
    """The name a stamp line prints beside its date: "Marie Merlet | lundi 9 décembre 2019",
    "04.02.2022 | 15:33 Uhr | Dennis Steimels", "Evgenia Karp Zuletzt geändert am 06.11.2023",
    "Jane Roe am 18. September 2026", "28. Jan. 2026 Jane Roe"; after a lead word the page names
    its author outright, a handle or a desk too: "von eseppelt · 31. Oktober 2023", "Posted on ...
    Author Redaktion"."""
    from .dates import find_dates, label_start

    found = []
    parts = _PARTS.split(line)
    stamped = [i for i, part in enumerate(parts) if find_dates(part, numeric=True) or _CLOCK.search(part)]
    for i, part in enumerate(parts):
        if stamped and min(abs(i - j) for j in stamped) > 1:
            continue  # "Jane Roe – Harbour reopens jroe — 2. Februar 2026": a headline's name, far from the date
        part = part.strip()
        cut = label_start(part) if not _LEAD_IN_STAMP.search(part) else None
        if cut is not None:  # the name before the date, or after it ("28. Jan. 2026 Jane Roe")
            mentions = find_dates(part[cut:], numeric=True)
            candidates = [part[:cut], part[cut + mentions[-1].end :] if mentions else ""]
        else:
            candidates = [part]
        for k, name in enumerate(candidates):
            lead = _LEAD_IN_STAMP.search(name)
            if lead:  # named outright after a lead word: a handle or a desk counts too
                people = parse_byline(name[lead.start() :].strip())
                single = _NAMES_END.split(lead["names"], maxsplit=1)[0].strip(" .,:;")
                if people:
                    found += people
                elif len(single.split()) == 1 and not canonical_agency(single) and single.casefold() not in _NOT_NAMES:
                    found.append(single)
                continue
            name = _STAMP_JOINER.sub("", name.strip(" ,")).strip(" ,")
            if k == 1 and any(len(w) > TAIL_WORD_MAX for w in re.split(r"[\s-]", name)):
                continue  # "07.12.2026 Wissenschaft Atmosphäre Klima": the tags after a date, not a name
            if is_name(name) and not is_role(name):
                found.append(name.title() if name.isupper() else name)
    return found


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")  # "15:33 Uhr": a stamp's time, in a part of its own
# "... von eseppelt", "Author Redaktion", "par Jane Roe": a lead word inside a stamp line's part
_LEAD_IN_STAMP = re.compile(rf"(?:^|\s|(?<=\d))(?i:{_LEADS}|{_LABELS})\s*:?\s+(?P<names>[^\d\s][^\n]*)$")
# what joins a name to its date: "Jane Roe am", "Jane Roe on", trailing counts ("Jane Roe 6")
_STAMP_JOINERS = "am|um|on|at|le|el|em|il|op"  # between a name and its stamp: "Jane Roe am 12.03.2026"
_STAMP_JOINER = re.compile(rf"(?:\s+(?:{_STAMP_JOINERS})|\s+\d+)+$", re.I)
_JOINER_LINE = re.compile(_STAMP_JOINERS, re.I)


def _headline_like(line: str) -> bool:
    """A teaser's headline over its byline: a few words, no sentence end."""
    return 3 <= len(line.split()) <= 20 and not line.rstrip().endswith((".", "!", "?", ":", "…", '"', "”"))


def _stamp_like(line: str) -> bool:
    from .dates import is_relative_stamp, stamp

    return bool(line) and (stamp(line) is not None or is_relative_stamp(line))


def declared_names(value: str) -> list[str]:
    """Names from a declared author value ("Jane Roe; John Doe", "By Jane Roe", a profile URL),
    agencies and addresses left out."""
    value = value.strip()
    if not value or value.startswith(("http://", "https://")):
        return []
    found = parse_byline(value)
    if found:
        return found
    out = []
    for part in re.split(r"\s*(?:;|,|\||\band\b|\bund\b|&)\s*", value):
        part = part.strip(" .")
        if part and not canonical_agency(part) and "@" not in part and len(part.split()) <= 5:
            out.append(part.title() if part.isupper() else part)
    return out


AUTHOR_NOTE_WORDS = 60  # an author's note under (or over) the story is this short
AUTHOR_NOTE_REACH = 3  # ... and among the story's last (or first) paragraphs


def without_author_notes(story: list[str], authors: list[str]) -> list[str]:
    """The story without the note on its author that pages print under it (or over it): a short
    paragraph that opens with the byline's name ("Jane Roe is a professor at ...", "Jane Roe lehrt
    Geschichte ..."), or the author's handle alone ("@janeroe")."""
    if not authors or len(story) <= AUTHOR_NOTE_REACH:
        return story
    names = tuple(a for a in authors if " " in a)
    handles = {"@" + "".join(a.split()).casefold() for a in authors}

    def note(paragraph: str) -> bool:
        if paragraph.casefold() in handles or paragraph.rstrip(" ,") in authors or is_lead_alone(paragraph):
            return True  # the handle, the name alone, "Ein Beitrag von:" over it
        if len(paragraph.split()) <= TAIL_WORDS and (_LABEL.match(paragraph) or _LEAD.match(paragraph)):
            return bool(set(parse_byline(paragraph) or []) & set(authors))  # "Autorin: Jane Roe"
        return paragraph.startswith(names) and len(paragraph.split()) <= AUTHOR_NOTE_WORDS and not paragraph.startswith(
            tuple(f"{n}{p}" for n in names for p in (",", ":", " said", " sagte", " says", " sagt")))

    edge = set(range(AUTHOR_NOTE_REACH)) | set(range(len(story) - AUTHOR_NOTE_REACH, len(story)))
    kept: list[str] = []
    under_byline = False  # the paragraph under a byline closing the story is its author's note
    for i, p in enumerate(story):
        if i in edge and (note(p) or (under_byline and i >= len(story) - AUTHOR_NOTE_REACH
                                      and len(p.split()) <= AUTHOR_NOTE_WORDS)):
            under_byline = i >= len(story) - AUTHOR_NOTE_REACH
            continue
        under_byline = False
        kept.append(p)
    return kept
