"""The outlet: who published the page, by the name it prints on its masthead.

Evidence, strongest first: the site's name the markup declares (og:site_name, JSON-LD
publisher), the name after the headline in a saved <title> line, the copyright holder in
the footer ("© 2026 The Harbour Ledger. All rights reserved."), a short masthead line at
the top printed again at the bottom, the name the page prints for its domain (the words
of "bostonherald.com" in "Boston Herald"), a known domain (``data/outlets.yaml``). A name
loses its years and legal endings ("Example Media Group", "Example Pvt Ltd"); a wire
agency is never the outlet of a page that carries its story (the agency is ``agency``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .dateline import canonical_agency
from .lines import fold, size
from .wordlists import alternation, load_data

if TYPE_CHECKING:
    from .parts import Page

_DATA: dict = load_data("outlets.yaml")  # type: ignore[assignment]
_DOMAINS: dict[str, str] = _DATA["domains"]
_LEGAL = re.compile(rf"(?:[\s,]+(?:{alternation(_DATA['legal_suffixes'])}))+\.?\s*$")
# "© 2026 The Harbour Ledger. All rights reserved.", "Copyright 2026 The Associated Press";
# a year or "all rights reserved" tells the site's notice from a photo's "© Jane Doe".
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:(?i:by)\s+)?(?P<name>[A-ZÀ-Ý0-9][\w&'’.\- ]{1,60}?)\s*(?P<year2>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?"
    r"(?:\.(?=\s|$)|[,|;]|\s-\s|(?i:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados)|$)"
)
_RIGHTS = re.compile(r"(?i:all rights|alle rechte|tous droits|todos los derechos|todos os direitos|rights reserved)")
_TERMINAL = (".", "!", "?", ":")
MAX_WORDS = 6


def name(page: "Page", url: str | None) -> str | None:
    """The outlet's name, or None when the page does not say."""
    for candidate in page.declared.site_names:
        cleaned = clean(candidate)
        if cleaned and not _is_domain(cleaned):
            return cleaned
    if page.title_site:
        cleaned = clean(page.title_site)
        if cleaned:
            return cleaned
    return _copyright_holder(page.bottom) or _masthead(page) or _domain_name(page, url)


def clean(text: str) -> str | None:
    """A name without years, legal endings and "All rights reserved"; None when nothing
    like an outlet's name is left (an agency, an address, a sentence)."""
    text = " ".join(text.split()).strip(" -|·,")
    text = re.sub(r"^(?:©|\(c\)|copyright)\s*", "", text, flags=re.I)
    text = re.sub(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*", "", text)
    text = re.sub(r"\s*(?:19|20)\d\d\s*$", "", text)
    stripped = _LEGAL.sub("", text).strip(" ,.-")
    text = stripped or text
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
        if line[:1] in "©(Cc" and len(line) <= 200:
            m = _COPYRIGHT.match(line)
            if m and (m["year"] or m["year2"] or _RIGHTS.search(line)) and not _RIGHTS.match(m["name"]):
                cleaned = clean(m["name"])
                if cleaned:
                    return cleaned
    return None


def _masthead(page: "Page") -> str | None:
    """A short first line that is not a menu item, printed again at the foot of the page."""
    if not page.top:
        return None
    top = page.top[0]
    key = fold(top)
    if 1 <= size(top) <= 5 and not top.endswith(_TERMINAL) and fold(page.headline) != key:
        if any(fold(line) == key for line in page.bottom):
            from .furniture import is_chrome

            return None if is_chrome(key) else clean(top)
    return None


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")


def _is_domain(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", text.lower()))


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
    for line in page.top + page.bottom[-40:]:
        for m in re.finditer(r"[A-ZÀ-Ý][\w'’&.\-]*(?:\s+[\w'’&.\-]+){0,4}", line):
            words = m[0].split()
            for n in range(len(words), 0, -1):
                phrase = " ".join(words[:n])
                if re.sub(r"[\W_]+", "", phrase.casefold()) == squashed:
                    return phrase
    return None
