"""Photo captions and credits: what describes the picture, kept out of the story.

A caption either opens with a label ("Photo:", "Foto:", "Bild:", "Image copyright") or
ends with a credit ("(Photo: Jon Berg/AFP)", "© Noah Addis", "REUTERS/Jane Doe",
"... Getty Images"); a credit may stand on its own line under the caption. The lead
photo's caption and credit become the article's ``image``. Labels and credits are
``data/captions.yaml``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .wordlists import alternation, load_data

if TYPE_CHECKING:
    from .parts import Page

_DATA: dict = load_data("captions.yaml")  # type: ignore[assignment]
CREDITS: tuple[str, ...] = tuple(_DATA["credits"])
_CREDIT_WORDS = frozenset(CREDITS)
_LABEL = alternation(_DATA["labels"])
# "Photo: ...", "Foto - ...", "FILE PHOTO - ...", "Image copyright Reuters", "Bildquelle: ...", "Courtesy of ..."
_LABEL_START = re.compile(
    rf"^\(?(?i:{_LABEL})(?:\s*(?:[:：|—–=／・]|-\s)|\.\s|\s+(?i:by|von|de|par|copyright)\b|(?<=copyright)\s|(?<=courtesy)\s+of\s)", re.I
)
# "... (Photo: STR/KCNA via KNS/AFP)", "... [SpaceX via Nasa]", "... (AP Photo/Jane Doe)", "(crédito: ...)"
_BRACKET_CREDIT = re.compile(
    rf"[(\[][^()\[\]]*(?:(?i:{_LABEL}|courtesy|via |source:)|\b(?:{alternation(CREDITS)})\b)[^()\[\]]*[)\]]\s*\.?$"
)
# "... Credit: ESA", "... Photo by Jane Doe", "... | Foto: dpa", "... Bild: Jahr Media"
# (a full stop inside a name or address, "Nelson Jr./STF", "stock.adobe.com", but no sentence after it)
# (the label's separator may be "=", "：", "／" or "・" in Korean, Chinese and Japanese; "Fot. Jane Roe" is Polish)
_CREDIT_BY = re.compile(rf"(?:^|[\s|,.;。])(?i:{_LABEL})s?(?:\s*(?:by|von|[:：=／・])|\.(?=\s))\s*(?:[^.!?。]|\.(?!\s)){{1,60}}$")
# "...承建。（摄影：李明 / 江南晚报）", "（撮影・佐藤健一）", "（新华社记者 李明 摄）": a CJK caption's credit
_CJK_BRACKET_CREDIT = re.compile(
    rf"[（(][^（）()]{{0,30}}(?:{alternation(_DATA['bracket_labels'])})[^（）()]{{0,40}}[）)]$"
    rf"|[（(][^（）()]{{1,40}}(?:{alternation(_DATA['bracket_endings'])})[）)]$"
)
# "... © Noah Addis", "©5 Minuten", "© Mikko Palonkorpi / stock.adobe.com" (not "© 2026 Site. All rights reserved.")
_COPYRIGHT_CREDIT = re.compile(r"(?:^|\s)(?:©|\(c\))\s*(?!(?:19|20)\d\d)[^©.!?]{1,60}$", re.I)
_LABEL_COLON = re.compile(rf"^\(?(?i:{_LABEL})\s*:")
# "... (Matt Stone/Boston Herald)", "... (Jane Doe / Example Post)": a photographer and the outlet
_NAME_SLASH_CREDIT = re.compile(r"[(\[][A-ZÀ-Ý][\w.'’\-]*(?:\s[A-ZÀ-Ý][\w.'’\-]*){0,3}\s?/\s?[A-ZÀ-Ý][^()\[\]/]{1,40}[)\]]$")
_ADDRESS = re.compile(r"\s*https?://\S+")
_SLASH_CREDIT = re.compile(r"^[\w.\- ]{2,30}/[\w.\- ]{2,40}$")  # "APA/Georg Hochmuth", "Kevin Voigt/GettyImages"
# "... Düngung verbotenThomas Tretzka", "... nicht erlaubt!Jana Roe", "... Wahlleiter.DCV / Roe": a
# photographer's name glued to the caption's last word (the page set them in separate elements)
# (on a line of six words or more; not "...business.Click To Tweet")
GLUED_CREDIT_MIN_WORDS = 6
_GLUED_CREDIT = re.compile(
    r"(?:[a-zäöüßà-ÿ]{3}|[.!?])"
    r"(?:[A-ZÀ-Ý][a-zà-ÿß'’\-]{2,}(?:\s[A-ZÀ-Ý][a-zà-ÿß'’\-]{2,}){1,2}|[A-ZÀ-Ý]{2,}\s?/\s?[A-ZÀ-Ý][\w'’\-]+)$"
)


_COUNTER = re.compile(
    rf"^(?:(?i:{alternation(_DATA['counter_words'])})\s+)?\d{{1,3}}\s*(?i:{alternation(_DATA['counter_joiners'])})\s*\d{{1,3}}$"
)


def is_gallery_counter(text: str) -> bool:
    """A gallery's counter over a photo: "Bild 1 von 8", "Photo 3 of 12", "4 / 8"."""
    return len(text) <= 30 and _COUNTER.match(text) is not None


def is_caption(text: str, words: int | None = None) -> bool:
    """A photo caption or credit line. Cheap tests first: this runs on every line of every page."""
    if words is None:
        words = len(text.split())
    if _LABEL_START.match(text):
        return True
    if "://" in text:  # "Foto: Jane Roe, CC BY-SA 3.0, https://commons.example.org/...": the address says nothing
        text = _ADDRESS.sub("", text).rstrip(" ,;")
    tail = text[-100:].rstrip(" .")
    if "©" in tail or "(c)" in tail.lower():
        if _COPYRIGHT_CREDIT.search(tail):
            return True
    if tail.endswith(("）", ")")) and _CJK_BRACKET_CREDIT.search(tail):
        return True  # before the count of words: Chinese and Japanese put no spaces between them
    if words < 2:
        return False
    if tail.endswith((")", "]")) and (_BRACKET_CREDIT.search(tail) or _NAME_SLASH_CREDIT.search(tail)):
        return True
    low = tail.lower()
    if (":" in tail or "by" in low or "von" in low or not tail.isascii()) and _CREDIT_BY.search(tail):
        return True
    if text.endswith(CREDITS):  # "... Getty Images", not "... profile" nor "... told Reuters."
        credit = next(c for c in CREDITS if text.endswith(c))
        if len(text) == len(credit) or not text[-len(credit) - 1].isalnum():
            return True
    if words >= GLUED_CREDIT_MIN_WORDS and text[-1:].isalpha() and _GLUED_CREDIT.search(text[-60:]):
        return True
    slash = tail.rfind("/")  # "... REUTERS/Jane Doe", "Deniz Aytekin / Kevin Voigt/GettyImages"
    if slash > len(tail) - 40:
        before = tail[:slash].split()
        if before and before[-1] in _CREDIT_WORDS:
            return True
        if words <= 8 and _SLASH_CREDIT.match(text) and not text.endswith(("/", " ")):
            return all(w[:1].isupper() or w[:1] in "/-" for w in text.replace("/", " / ").split())
    return False


def is_credit_only(text: str, words: int | None = None) -> bool:
    """A credit alone on its line, under its caption ("Photo: Ana Ruiz", "© Oli Scarff/Getty
    Images", "APA/Jane Roe"). Not "Image copyright Reuters": that label opens the caption below it."""
    if words is None:
        words = len(text.split())
    named = sum(1 for w in text.split() if any(ch.isalnum() for ch in w))  # "Jane Roe / The Post / Getty Images": 8
    if named > 8 or not is_caption(text, words):
        return False
    return bool(_LABEL_COLON.match(text)) or text.lstrip().startswith(("©", "(c)", "(")) or "/" in text


def is_credit_label(text: str) -> bool:
    """A credit printed before its caption: "Image copyright Reuters", "Bildquelle: dpa"."""
    return len(text.split()) <= 6 and bool(re.match(r"^(?i:image copyright|copyright|image source|bildquelle|quelle|fuente|crédito)\b", text))


def is_labelled(text: str) -> bool:
    """Text that opens with a photo label and a colon ("Foto: Jane Roe/Agency", "Crédito: ...")."""
    return bool(_LABEL_COLON.match(text))


def strip_label(text: str) -> str:
    """The caption without a leading "Image caption" label."""
    m = re.match(r"^(?i:image caption|media caption|caption|légende|legende)\s*:?\s*", text)
    return text[m.end():] if m else text


def lead(page: "Page") -> str | None:
    """The lead photo's caption and credit: the first caption under the headline, else the
    first <figcaption> the markup holds."""
    for text in page.captions + page.declared.captions:
        text = _once(_COUNT_LEAD.sub("", " ".join(strip_label(text).split())))
        if text.startswith("(") and text.endswith(")") and is_labelled(text[1:-1]):
            text = text[1:-1]  # "(Foto: Jane Roe)": a credit in the page's brackets
        if text:
            return text
    return None


# "Comments (32) (Image credit: ...)": a comment counter the scraper ran into the caption
_COUNT_LEAD = re.compile(r"^(?i:comments|kommentare|commentaires|comentarios)\s*\(\d+\)\s*")


def _once(text: str) -> str:
    """A caption printed twice in a row ("Bild: Jane Roe Bild: Jane Roe", a photo's credit under
    both its picture and its zoom view) printed once."""
    half = len(text) // 2
    if len(text) % 2 == 1 and text[:half] == text[half + 1 :] and text[half] == " ":
        return text[:half]
    return text
