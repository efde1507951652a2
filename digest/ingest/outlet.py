"""The outlet: who published the page, by the name it prints on its masthead.

Evidence, strongest first: the site's name the markup declares (og:site_name, JSON-LD
publisher), the name after the headline in a saved <title> line, the copyright holder in
the footer ("© 2026 The Harbour Ledger. All rights reserved.", "Example Post © 2026 | Privacy"),
a short masthead line at the top printed again at the bottom, a desk's signature under the
story ("Source: Example Daily/rd"), the name the page prints for its domain (the words of
"bostonherald.com" in "Boston Herald"), a known domain (``data/outlets.yaml``). A name
loses its years and legal endings ("Example Media Group", "Example Pvt Ltd"); a wire
agency is never the outlet of a page that carries its story (the agency is ``agency``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..outlets import domain_label
from .dateline import canonical_agency
from .lines import address, fold, size, squash
from .wordlists import alternation, load_data

if TYPE_CHECKING:
    from .parts import Page

_DATA: dict = load_data("outlets.yaml")  # type: ignore[assignment]
_DOMAINS: dict[str, str] = _DATA["domains"]
_LEGAL_WORDS = alternation(_DATA["legal_suffixes"])
_LEGAL = re.compile(rf"(?:[\s,]+(?:{_LEGAL_WORDS}))+\.?\s*$")
# "© 2026 The Harbour Ledger. All rights reserved.", "Copyright 2026 The Associated Press";
# a year or "all rights reserved" tells the site's notice from a photo's "© Jane Doe".
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:(?i:by)\s+)?(?P<name>[A-ZÀ-Ý0-9][\w&'’.\- ]{1,60}?)\s*(?P<year2>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?"
    r"(?:\.(?=\s|$)|[,|;]|\s-\s|(?i:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados)|$)"
)
# The name first: "Gulf Evening Review © 2026. All rights reserved.", "Example Post © 2026 | Privacy",
# "Northgate Herald Ltd 2026. Registered in England." (a legal ending and a year, no sign).
_NAME_FIRST = re.compile(
    rf"^(?P<name>[A-ZÀ-Ý][\w&'’.\- ]{{1,60}}?)\s*(?:(?:©|\([cC]\)|(?i:copyright))\s*|(?<=\s)(?=(?:{_LEGAL_WORDS})\s))"
    r"(?:[\w.]+\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# A desk's signature under the story: "Source: Example Daily/rd" (the outlet, then the editor's initials).
_SIGNATURE = re.compile(r"^(?i:source):\s*(?P<name>[A-Z][\w&'’.\- ]{1,40}?)/[a-z]{1,4}$")
_RIGHTS = re.compile(r"(?i:all rights|alle rechte|tous droits|todos los derechos|todos os direitos|tutti i diritti|rights reserved)")
_RIGHTS_TAIL = re.compile(
    r"[\s.,|-]*(?i:all rights reserved|alle rechte vorbehalten|tous droits r[ée]serv[ée]s|todos los derechos reservados"
    r"|todos os direitos reservados|tutti i diritti riservati)\.?\s*$"
)
_TERMINAL = (".", "!", "?", ":")
_FOOTER_SPLIT = re.compile(r"\s+[·|•–—-]\s+")
MAX_WORDS = 6
FOOTER_LINES = 30  # the last lines of a page, where its copyright notice is


def name(page: "Page", url: str | None) -> str | None:
    """The outlet's name, or None when the page does not say."""
    for candidate in page.declared.site_names:
        cleaned = clean(candidate)
        if cleaned and domain_label(cleaned) is None:
            return cleaned
    if page.title_site:
        cleaned = clean(page.title_site)
        if cleaned:
            return cleaned
    holder = _copyright_holder(page.bottom or page.lines[-FOOTER_LINES:])
    masthead = _masthead(page, holder)
    if masthead and masthead.isupper() and holder and squash(holder) in squash(masthead):
        return holder  # "PACIFIC CROSSROADS" on the logo, "Pacific Crossroads" in the notice: the notice's case
    return masthead or holder or _signature(page.lines[-FOOTER_LINES:]) or _domain_name(page, url)


def clean(text: str) -> str | None:
    """A name without years, legal endings and "All rights reserved"; None when nothing
    like an outlet's name is left (an agency, an address, a sentence)."""
    text = " ".join(text.split()).strip(" -|·,")
    if text.startswith("@"):
        return None  # a social-media handle ("@examplenews"), not the masthead
    text = _RIGHTS_TAIL.sub("", re.sub(r"^(?:©|\(c\)|copyright)\s*", "", text, flags=re.I))
    text = re.sub(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*", "", text)
    text = re.sub(r"\s*(?:19|20)\d\d\s*$", "", text)
    while True:  # "Example Media Group Ltd", "Example GmbH & Co. KG"
        stripped = _LEGAL.sub("", text).strip(" ,.-&")
        if not stripped or stripped == text:
            break
        text = stripped
    if not text or size(text) > MAX_WORDS or canonical_agency(text) or text.endswith(_TERMINAL[1:]):
        return None
    return text


def names_in(text: str, url: str | None) -> list[str]:
    """Names the site may go by, to cut from its <title>s: the copyright holder in the page's
    last lines, and its domain's name ("bostonherald" for bostonherald.com)."""
    names = []
    holder = _copyright_holder(text[-3000:].splitlines())
    if holder:
        names.append(holder)
    host = _host(url)
    if host:
        names.append(host)
        names.append(host.split(".")[-2] if "." in host else host)
    return names


def _copyright_holder(lines: list[str]) -> str | None:
    for line in lines:
        if len(line) > 200:
            continue
        if line[:1] in "©(Cc":
            m = _COPYRIGHT.match(line)
            if m and (m["year"] or m["year2"] or _RIGHTS.search(line)) and not _RIGHTS.match(m["name"]):
                cleaned = clean(m["name"])
                if cleaned:
                    return cleaned
        m = _NAME_FIRST.match(line)
        if m:
            cleaned = clean(m["name"])
            if cleaned:
                return cleaned
    return None


def _signature(lines: list[str]) -> str | None:
    for line in lines:
        m = _SIGNATURE.match(line)
        if m:
            return clean(m["name"])  # None for a wire's "Source: AFP/ng": the agency is no outlet
    return None


def _masthead(page: "Page", holder: str | None) -> str | None:
    """The site's name as its masthead prints it: a short first line (past the skip links)
    that is no menu item, printed again at the foot of the page or naming the copyright holder
    ("The Meridian Courier" over "© 2026 Meridian Courier Media Group Ltd")."""
    from .furniture import is_chrome

    if not page.story and not page.headline:
        return None  # a lone line (a headline list's item) is its own foot: no masthead to see
    for top in page.top[:3]:
        key = fold(top)
        if is_chrome(key):
            continue
        if not 1 <= size(top) <= 5 or top.endswith(_TERMINAL) or key == fold(page.headline):
            return None
        named = holder is not None and len(squash(holder)) >= 4 and squash(holder) in squash(top)
        repeated = size(top) >= 2 and any(fold(_FOOTER_SPLIT.split(line)[0]) == key for line in page.bottom)
        if named or repeated:  # "Orbis Daily" on top and "Orbis Daily · About · Contact" at the foot;
            return clean(top)  # a menu's "World" printed again in the footer is no masthead
        return None
    return None


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")


def _domain_name(page: "Page", url: str | None) -> str | None:
    """The name a page prints for its own domain ("Boston Herald" for bostonherald.com), else
    a known domain's outlet."""
    host = _host(url)
    if not host:
        return None
    for domain, outlet in _DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    label = host.split(".")[-2] if host.count(".") >= 1 else host
    if len(label) < 4:
        return None
    squashed = label.replace("-", "")
    story = set(page.story)
    for line in page.top + page.lines[-FOOTER_LINES:] + page.story[-3:]:
        if len(line) > 300 or address(line) or fold(line) == fold(page.headline):
            continue  # the address itself ("alaskajournal.com/Alaska-Journal-of-..."), or a headline's word
        words = line.split()
        shortest = 2 if line in story else 1  # one word of a sentence ("The Endangered Species ...") names nothing
        for i, word in enumerate(words):  # "Read more from the Westhaven Echo": every capitalised word may start the name
            if not word[:1].isupper() or squash(word)[:2] != squashed[:2]:
                continue
            for n in range(shortest, min(6, len(words) - i) + 1):
                phrase = " ".join(words[i : i + n]).strip(".,;:!?")
                if squash(phrase) == squashed:
                    return phrase
    return None
