"""The outlet: who published the page, by the name it prints on its masthead.

Evidence, strongest first: the site's name the markup declares (og:site_name, JSON-LD
publisher), the name after the headline in a saved <title> line, the copyright holder in
the footer ("© 2026 The Harbour Ledger. All rights reserved.", "Example Post © 2026 | Privacy";
a company's, "© 2026 Example Holdings", only when the page prints that name elsewhere too: else
it is the owner, not the masthead), a short masthead line at the top naming that holder or
heading a row of links at the foot ("Orbis Daily · About · Contact"), a desk's signature under the
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
# A legal ending with more after it: "Future Publishing Limited Quay House, Bath" is an address.
_LEGAL_INSIDE = re.compile(rf"[\s,]+(?:{_LEGAL_WORDS})(?=[\s,.])")
_LEGAL_ALONE = re.compile(rf"(?:{_LEGAL_WORDS})")
_LEGAL_FIRST = re.compile(rf"^(?:{_LEGAL_WORDS})\s+")  # "SA LA NACION", "C.A. Últimas Noticias"
_COMPANY = re.compile(
    rf"\b(?:{alternation(_DATA['company_words'])})\b|\w(?:{alternation(_DATA['company_endings'])})\b", re.IGNORECASE
)
_CONTENTS = re.compile(r"(?i)^(?:all\s+)?(?:contents?|materials?|site content)\s*$")  # "All contents © 2019 ..."
_NOTICE = re.compile(r"©|\([cC]\)|(?i:copyright)")
_FOOTER_SPLIT = re.compile(r"\s+[·|•–—-]\s+")
# A build number or a registration number after the name: "Kyffhäuser Nachrichten 2.6411",
# "Últimas Noticias RIF J-00037398-1".
_NUMBER_TAIL = re.compile(r"\s+\d+\.\d+\S*$|(?:\s+[A-Z]{2,4}:?)?\s+\S*\d{5,}\S*$")
_LETTER = re.compile(r"[^\W\d_]")
_DOMAIN_TAIL = re.compile(r"(?<=\S)\s+(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$")
# "© 2026 The Harbour Ledger. All rights reserved.", "Copyright 2026 The Associated Press";
# a year or "all rights reserved" tells the site's notice from a photo's "© Jane Doe".
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:(?i:by)\s+)?(?P<name>[A-Za-zÀ-ÿ0-9][\w&'’.\- ]{1,60}?)\s*(?P<year2>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?"
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
_RIGHTS = re.compile(r"(?i:all rights|alle rechte|tous droits|(?:todos los )?derechos reservados|todos os direitos|tutti i diritti|rights reserved)")
_RIGHTS_TAIL = re.compile(
    r"[\s.,|-]*(?i:all rights reserved|alle rechte vorbehalten|tous droits r[ée]serv[ée]s|(?:todos los )?derechos reservados"
    r"|todos os direitos reservados|tutti i diritti riservati)\.?\s*$"
)
_TERMINAL = (".", "!", "?", ":")
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
    notice, holder = _copyright_notice(page.bottom or page.lines[-FOOTER_LINES:]) or (None, None)
    masthead = _masthead(page, holder)
    if masthead and masthead.isupper() and holder and squash(holder) in squash(masthead):
        return holder  # "PACIFIC CROSSROADS" on the logo, "Pacific Crossroads" in the notice: the notice's case
    if masthead:
        return masthead
    if holder and _COMPANY.search(notice) and not _printed_elsewhere(holder, page.lines):
        holder = None  # "© 2023 MediaNews Group": the company that owns the paper, not its masthead
    return holder or _signature(page.lines[-FOOTER_LINES:]) or _domain_name(page, url)


def _printed_elsewhere(holder: str, lines: list[str]) -> bool:
    """The page prints the holder's name outside a copyright notice ("Telegraph" on the page
    of "© Telegraph Media Group")."""
    key = squash(holder)
    return len(key) >= 3 and any(key in squash(line) and not _NOTICE.search(line) for line in lines if len(line) <= 2000)


def clean(text: str, notice: bool = False) -> str | None:
    """A name without years, legal endings and "All rights reserved"; None when nothing
    like an outlet's name is left (an agency, an address, a sentence). ``notice``: the name
    comes from a copyright notice's line, where an address or the footer's links may follow
    it, and where a lower-case start is only a domain's ("© 2026 example-news.de")."""
    text = " ".join(text.split()).strip(" -|·,/")
    if text.startswith("@") or "://" in text:
        return None  # a social-media handle ("@examplenews") or page ("https://www.facebook.com/..."), not the masthead
    text = _RIGHTS_TAIL.sub("", re.sub(r"^(?:©|\(c\)|copyright)\s*", "", text, flags=re.I))
    text = re.sub(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*", "", text)
    text = re.sub(r"\s*(?:19|20)\d\d\s*$", "", text)
    text = re.sub(r"\s+(?i:copyright|\(c\)|©)$", "", _NUMBER_TAIL.sub("", text))  # "TheAtlantic.com Copyright (c) 2020"
    text = _LEGAL_FIRST.sub("", text)
    if notice:
        text = _DOMAIN_TAIL.sub("", text)  # "COMPUTER BILD www.computerbild.de": the name, then its address
        inside = _LEGAL_INSIDE.search(text)
        if inside and _LETTER.search(text[inside.end() :]):
            text = text[: inside.end()]  # the legal ending stays to be cut below; the address after it goes
        text = _chrome_cut(text)
    while True:  # "Example Media Group Ltd", "Example GmbH & Co. KG"
        stripped = _LEGAL.sub("", text).strip(" ,.-&")
        if not stripped or stripped == text:
            break
        text = stripped
    if not text or size(text) > MAX_WORDS or canonical_agency(text) or text.endswith(_TERMINAL[1:]):
        return None
    if _LEGAL_ALONE.fullmatch(text) or _LEGAL_ALONE.fullmatch(text + "."):
        return None  # "C.A" of "© 2022 C.A. Example Noticias": the name was cut at its legal prefix's dot
    if not _LETTER.search(text) or re.match(r"(?i)powered by\b", text) or re.search(r"(?i)\s(?:is|ist|est)\s", text):
        return None  # "23" (of "2017-2023"), a platform's credit, a sentence ("X is a Vox Media network")
    if notice and text[:1].islower() and "." not in text:
        return None  # a lower-case name must be a domain ("nnz-online.de"), not words ("by the authors")
    return text


def _chrome_cut(text: str) -> str:
    """The name without the footer links printed after it on its line ("Editorial Canelas
    Condiciones de uso")."""
    from .furniture import is_chrome

    words = text.split()
    for i in range(1, len(words)):
        if is_chrome(fold(" ".join(words[i:]))):
            return " ".join(words[:i])
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
    notice = _copyright_notice(lines)
    return notice[1] if notice else None


def _copyright_notice(lines: list[str]) -> tuple[str, str] | None:
    """The name a copyright notice gives, as printed ("MediaNews Group"), and as :func:`clean`
    leaves it; None when no notice names anything like an outlet."""
    last = len(lines) - 1
    for at, line in enumerate(lines):
        if len(line) > 200:
            continue
        if line[:1] in "©(Cc":
            m = _COPYRIGHT.match(line)
            # a year or "all rights reserved" tells the site's notice from a photo's credit; so does the
            # sign on the page's last line ("© Northbank Daily": a photo is seldom the last thing on a page)
            if m and (m["year"] or m["year2"] or _RIGHTS.search(line) or (at == last and line[:1] == "©")) and not (
                _RIGHTS.match(m["name"])
            ):
                if cleaned := clean(m["name"], notice=True):
                    return m["name"], cleaned
        m = _NAME_FIRST.match(line)
        if m and not _CONTENTS.match(m["name"]) and (cleaned := clean(m["name"], notice=True)):
            return m["name"], cleaned
        sign = _NOTICE.search(line, 1)
        if sign and (m or at == last):
            # "All contents © 2019 The Slate Group LLC."; the page's last line, the footer's links before
            # the sign ("Impressum | Datenschutz | © Example Bote 2026", "Mentions légales · © La Voix"):
            # the name after the sign (a photo's credit follows no footer links)
            after = _COPYRIGHT.match(line[sign.start() :])
            if after and (m or after["year"] or after["year2"] or _FOOTER_SPLIT.search(line[: sign.start()] + " ")) and (
                cleaned := clean(after["name"], notice=True)
            ):
                return after["name"], cleaned
    return None


def _signature(lines: list[str]) -> str | None:
    for line in lines:
        m = _SIGNATURE.match(line)
        if m:
            return clean(m["name"])  # None for a wire's "Source: AFP/ng": the agency is no outlet
    return None


def _masthead(page: "Page", holder: str | None) -> str | None:
    """The site's name as its masthead prints it: a short first line (past the skip links)
    that names the copyright holder ("The Meridian Courier" over "© 2026 Meridian Courier
    Media Group Ltd") or heads a row of links at the foot of the page."""
    from .furniture import is_chrome

    if not page.story and not page.headline:
        return None  # a lone line (a headline list's item) is its own foot: no masthead to see
    for top in page.top[:3]:
        key = fold(top)
        if is_chrome(key):
            continue
        if not 1 <= size(top) <= 5 or top.endswith(_TERMINAL) or key == fold(page.headline):
            return None
        if holder is not None and (_names(holder, top) or _names(holder.split()[0], top) and _COMPANY.search(holder)):
            return clean(top)  # "CBS News" over "© 2026 CBS Interactive": the company's brand word
        if size(top) >= 2 and any(_heads_row(line, key) for line in page.bottom):
            return clean(top)  # "Orbis Daily" on top and "Orbis Daily · About · Contact" at the foot
        return None  # printed alone again in the footer is not enough: a menu is ("News & Views", "Watch live")
    return None


def _heads_row(line: str, key: str) -> bool:
    """A footer line that is a row of links headed by the masthead ("Orbis Daily · About · Contact")."""
    parts = _FOOTER_SPLIT.split(line)
    return len(parts) >= 3 and fold(parts[0]) == key


def _names(name: str, line: str) -> bool:
    """The line prints the name (case, spaces and punctuation aside; a name of three letters at least)."""
    key = squash(name)
    return len(key) >= 3 and key in squash(line)


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
