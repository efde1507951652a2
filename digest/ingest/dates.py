"""Dates, in every form ingest meets them, parsed in this one place.

Two kinds of input:

- declared values (a record's ``date``, a feed's, an HTML ``article:published_time``):
  ISO 8601, RFC 2822, epoch seconds: ``normalise_date``;
- dates written in a page ("Published 23 Nov 2026 11:40", "19.10.19, 12:00 Uhr",
  "4 de mayo de 2022 a las 07:46hrs.", "Saturday (Dec 27)"): ``find_dates`` and
  ``stamp``, in the languages listed in ``data/dates.yaml``.

A date keeps what the page gives and nothing more: the time of day and the zone when
printed (``2026-11-23T11:40:00``, naive when no zone is printed: never called UTC), a bare
day otherwise. A year left out ("July 23") is inferred only from the page's own dated
references and only when nothing contradicts it (a printed weekday must agree).
"""
from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .wordlists import alternation, load_data

if TYPE_CHECKING:
    from .parts import Page

_DATA: dict = load_data("dates.yaml")  # type: ignore[assignment]
MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
ZONES: dict[str, int] = _DATA["zones"]
_AMBIGUOUS = frozenset(_DATA["ambiguous_months"])

# --- declared values --------------------------------------------------------------------------

_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_EPOCH_YEARS = (1990, 2100)  # outside these, a number is no publication time


def _epoch(seconds: float) -> str | None:
    """Epoch seconds, or milliseconds (as JavaScript and many scrapers write them), in UTC,
    to the second: a publication time is never finer than that."""
    if seconds > 1e11:
        seconds /= 1000
    try:
        when = dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return when.isoformat() if _EPOCH_YEARS[0] <= when.year < _EPOCH_YEARS[1] else None


def normalise_date(value: object) -> str | None:
    """A declared date as ISO 8601 (a day, or a date-time with the offset it was given), or
    None when the value is not a date. Precision is never invented nor dropped."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(float(value))
    text = str(value).strip()
    if _EPOCH.match(text):  # JSON numbers reach here as text (readers.normalise_record)
        return _epoch(float(text))
    if _DAY_ONLY.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        return parsed.isoformat() if parsed else None
    except (TypeError, ValueError, IndexError):
        pass
    mentions = find_dates(text[:80], numeric=True)  # "2019-10-19 12:00", "19.10.2019"
    return mentions[0].iso() if mentions and mentions[0].start < 3 else None


# --- dates written in a page ------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date as written; ``year`` is None when the text leaves it out, ``time`` is
    (hour, minute, second) when a time of day is printed beside it, ``offset`` the
    zone's minutes east of UTC when one is printed."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None
    time: tuple[int, int, int] | None = None
    offset: int | None = None

    def on(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    def iso(self, year: int | None = None) -> str | None:
        """ISO 8601: a day, or a date-time (with its offset when the zone is known)."""
        day = self.on(year or self.year or 0) if (year or self.year) else None
        if day is None:
            return None
        if self.time is None:
            return day.isoformat()
        zone = dt.timezone(dt.timedelta(minutes=self.offset)) if self.offset is not None else None
        return dt.datetime(day.year, day.month, day.day, *self.time, tzinfo=zone).isoformat()


_WORD_MONTH = rf"(?P<mon>{alternation(MONTHS)})\.?"
_WEEKDAY = (
    rf"(?P<wd>{alternation(w for w in WEEKDAYS if len(w) > 2)}\.?|{alternation(w for w in WEEKDAYS if len(w) == 2)}[.,])"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
# "2022" also glued to a time: "202221:25"; Thai pages count years from the Buddha (2569 is 2026)
_YEAR = r"(?P<year>(?:19|20)\d\d|25[4-9]\d)(?:(?!\d)|(?=\d{1,2}[:.]\d\d))"
BUDDHIST_ERA = 543  # years the Thai solar calendar counts ahead of the Gregorian


def _named(pattern: str, suffix: str) -> str:
    """The pattern with its group names suffixed, so that alternatives can share one regex."""
    return re.sub(r"\?P([<=])(\w+)", lambda m: f"?P{m[1]}{m[2]}{suffix}", pattern)


_SPELLINGS = [
    # Dec 26, 2025 / Saturday (Dec 27) / Nov. 20, 2019 / March 25 / Oct 24, 2023
    rf"(?:{_WEEKDAY},?\s+\(?)?{_WORD_MONTH}\s+{_DAY}(?![\d:])(?:,?\s+{_YEAR})?",
    # 19 November 2019 / 19. Oktober 2019 / 4 de maio de 2022 / Friday, 3rd of May 2024 / 31 Okt, 2023
    rf"(?:{_WEEKDAY},?\s+)?{_DAY}\s*(?:de\s+|of\s+)?{_WORD_MONTH}(?![^\W\d_])(?:,?\s*(?:de[l]?\s+)?{_YEAR})?",
    # 2019-11-19 / 2019/11/19 / 2012年6月4日 / 2026년 11월 27일 (ISO, Chinese, Japanese and Korean order)
    r"(?P<year>(?:19|20)\d\d)(?:-(?P<mnum>[01]?\d)-|/(?P<mnum_>[01]?\d)/|年(?P<mnum__>[01]?\d)月|년\s?(?P<mnum___>[01]?\d)월\s?)"
    r"(?P<day>[0-3]?\d)(?![\d.])[日일]?",
    # 2026.11.27 / 2026. 11. 27. (Korean, Chinese, Japanese and Hungarian sites: the year first)
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.\s?(?P<mnum>[01]?\d)\.\s?(?P<day>[0-3]?\d)(?![\d])\.?",
    # ۶ آذر ۱۴۰۵ (the Solar Hijri calendar of Iran and Afghanistan; its digits read as ASCII ones)
    rf"(?P<day>[0-3]?\d)\s+(?P<jmon>{alternation(_DATA['jalali_months'])})\s+(?P<jyear>1[34]\d\d)(?!\d)",
    # 2026. november 27. (Hungarian: the year first, with a full stop)
    rf"{_YEAR}\.\s+{_WORD_MONTH}\s+{_DAY}(?![\d:])",
    # 19.10.2019 / 4.02.2022 (day first, four-digit year: safe in running text)
    rf"(?:{_WEEKDAY},?\s+)?(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<mnum>[01]?\d)\.\s?{_YEAR}(?!\d)",
]
_NUMERIC_SPELLINGS = [
    # 19.10.19 / 04/05/2022 / 17-02-2020 / 6.11.22: stamps only (scores, versions and US order
    # make these unsafe in running text)
    r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\d.]\d)",  # not inside "2026.11.27"
]
_DATE = re.compile("|".join(f"(?:{_named(p, str(i))})" for i, p in enumerate(_SPELLINGS)), re.I)
_NUMERIC = re.compile(
    "|".join(f"(?:{_named(p, str(i))})" for i, p in enumerate(_SPELLINGS + _NUMERIC_SPELLINGS)), re.I
)
_DIGIT = re.compile(r"\d")

# The time of day after (or before) a date: "12:00 Uhr", "4:41AM", "4:56 p.m.", "07:46hrs",
# "10h30", "12.09 Uhr" (a dot needs its "Uhr"), with a zone: "GMT+1", "CET", "+01:00".
_ZONE = rf"(?P<zone>(?:{alternation(z for z in ZONES if len(z) > 1)})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?(?![^\W\d_])|[+-]\d\d:?\d\d)"
_TIME = re.compile(
    r"(?P<h>[0-2]?\d)(?:(?P<sep>[:h])(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?|\.(?P<m2>[0-5]\d)(?=\s*(?i:uhr|h\b))"
    r"|\s?[時时시]\s?(?P<m3>[0-5]?\d)\s?[分분])"  # 18時05分, 10시 15분
    r"(?:\s*(?P<ampm>(?i:[ap]\.?\s?m\.?))(?![^\W\d_]))?"
    rf"(?:\s*(?i:{alternation(_DATA['time_words'])})\.?(?![^\W\d_]))?"
    rf"(?:\s*\(?(?i:{_ZONE})\)?)?",
)
_JOINERS = (rf"[\s,|/·•\-–—]*(?:(?i:{alternation(j for j in _DATA['time_joiners'] if j.isalpha() or ' ' in j)})\.?\s+)?"
            rf"(?:(?P<meridiem>{alternation(_DATA['meridiem_before'])})\s*)?")  # "오후 3:05": afternoon
_TIME_AFTER = re.compile(_JOINERS + r"(?=\d)")
_TIME_BEFORE = re.compile(r"(?P<time>\d{1,2}[:.]\d{2})\s*(?:uhr\s*)?[,|/·•\-–—]?\s*$", re.I)


def _month(word: str, has_year: bool) -> int | None:
    low = word.lower().rstrip(".")
    month = MONTHS.get(low) or MONTHS.get(word.lower())  # Thai abbreviations keep their dots ("พ.ย.")
    if month and low in _AMBIGUOUS and word[0].islower() and not has_year:
        return None  # "they may 5", "to mar 3": words, not months
    return month


def _weekday(word: str | None) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip(".,")) if word else None


def _year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 70 else 1900 + year)


def find_dates(text: str, numeric: bool = False, month_first: bool = False) -> list[DateMention]:
    """Every date written in ``text``, in order, with the time and zone printed beside it.

    ``numeric`` also reads short numeric forms ("19.10.19", "04/05/2022"): for stamp lines,
    where a run of numbers is a date; ``month_first`` reads "04/05/2022" as April 5 (US pages).
    """
    found: list[DateMention] = []
    text = text.translate(_ASCII_DIGITS)  # one character for one: the mentions' places stay the text's
    if not _DIGIT.search(text):
        return found
    for m in (_NUMERIC if numeric else _DATE).finditer(text):
        g = {k.rstrip("0123456789_"): v for k, v in m.groupdict().items() if v is not None}
        if "a" in g:  # short numeric form
            a, b, year = int(g["a"]), int(g["b"]), _year(g["y"])
            if len(g["y"]) == 2 and g["sep"] != "." and not month_first:
                continue  # "12/05/22": too ambiguous in a stamp, but on a US page "11/08/23" is November 8
            # dotted dates are day first wherever they are written ("06.11.23" is 6 November)
            day, month = (b, a) if month_first and a <= 12 and g["sep"] != "." else (a, b)
        elif "jmon" in g:
            jalali = _from_jalali(int(g["jyear"]), _DATA["jalali_months"][g["jmon"]], int(g["day"]))
            if jalali is None:
                continue
            year, month, day = jalali.year, jalali.month, jalali.day
        else:
            year = int(g["year"]) if "year" in g else None
            if year is not None and year > 2400:
                year -= BUDDHIST_ERA
            day = int(g["day"])
            month = int(g["mnum"]) if "mnum" in g else _month(g["mon"], year is not None)
            if month is None:
                continue
        mention = DateMention(m.start(), m.end(), year, month, day, _weekday(g.get("wd")))
        if mention.on(mention.year or 2000) and 1 <= month <= 12:
            found.append(_with_time(text, mention))
    return found


# Arabic-Indic, Persian, Devanagari, Thai and full-width digits as ASCII ones
_ASCII_DIGITS = {zero + d: ord("0") + d for zero in (0x0660, 0x06F0, 0x0966, 0x0E50, 0xFF10) for d in range(10)}


def _from_jalali(year: int, month: int, day: int) -> dt.date | None:
    """A Solar Hijri date as a Gregorian one. Its year starts at Nowruz, the March equinox: from
    1979 to 2044 on 20 March in a Gregorian leap year, else on 21 March; its first six months have
    31 days, the next five 30, the last 29 or 30."""
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    gregorian = year + 621
    nowruz = dt.date(gregorian, 3, 20 if calendar.isleap(gregorian) else 21)
    return nowruz + dt.timedelta(days=(month - 1) * 31 - max(0, month - 7) + day - 1)


def _with_time(text: str, mention: DateMention) -> DateMention:
    """The mention with the time of day printed right after it (or right before it)."""
    join = _TIME_AFTER.match(text, mention.end)
    m = _TIME.match(text, join.end()) if join and join.end() - mention.end <= 12 else None
    if m is None:
        before = _TIME_BEFORE.search(text, max(0, mention.start - 16), mention.start)
        m = _TIME.match(before["time"]) if before else None
        if m is None:
            return mention
        return replace(mention, time=_clock(m) or None) if _clock(m) else mention
    clock = _clock(m)
    if clock is None:
        return mention
    if join["meridiem"] and clock[0] <= 12:  # "오후 3:05" is 15:05, "오전 12:10" is 00:10
        clock = (clock[0] % 12 + (12 if _DATA["meridiem_before"][join["meridiem"]] == "pm" else 0), *clock[1:])
    return replace(mention, end=m.end(), time=clock, offset=_offset(m["zone"]))


def _clock(m: re.Match) -> tuple[int, int, int] | None:
    hour, minute = int(m["h"]), int(m["m"] or m["m2"] or m["m3"] or 0)
    if m["sep"] == "h" and not m["m"]:
        return None
    ampm = (m["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23:
        return None
    return hour, minute, int(m["s"] or 0)


def _offset(zone: str | None) -> int | None:
    """A zone as minutes east of UTC: "CET" 60, "GMT+1" 60, "+05:30" 330; None when unknown."""
    if not zone:
        return None
    m = re.match(r"([A-Za-z]*)\s*(?:([+-])\s*(\d{1,2}):?(\d\d)?)?$", zone.strip())
    if not m:
        return None
    base = ZONES.get(m[1].lower(), None) if m[1] else 0
    if base is None:
        return None
    if m[2]:
        base += (1 if m[2] == "+" else -1) * (int(m[3]) * 60 + int(m[4] or 0))
    return base


# --- which year ---------------------------------------------------------------------------------


def resolve(mention: DateMention, references: list[dt.date] | None = None) -> str | None:
    """The mention as ISO 8601, a missing year taken from ``references`` (the page's own dates
    that carry a year): the year putting it nearest the latest of them, among those that agree
    with a printed weekday and do not put it long before that latest date. None when nothing
    fixes the year, or when it lands before the web: "died Thursday, December 11" in an obituary
    whose only full date is the birth ("April 22, 1923") is no story of 1924."""
    if mention.year:
        return mention.iso()
    year = infer_year(mention, references or [])
    return mention.iso(year) if year and year >= _EPOCH_YEARS[0] else None


YEAR_SLACK_DAYS = 183  # a story is not published half a year before the latest date it reports


def infer_year(mention: DateMention, references: list[dt.date]) -> int | None:
    if not references:
        return None
    ref = max(references)
    candidates = [d for d in (mention.on(ref.year + k) for k in (-1, 0, 1)) if d and (ref - d).days <= YEAR_SLACK_DAYS]
    if mention.weekday is not None:
        candidates = [d for d in candidates if d.weekday() == mention.weekday]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - ref).days)).year


_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")


def full_dates(lines: list[str]) -> list[dt.date]:
    """The dates in these lines that carry their own year: references for year inference.
    Only lines holding a year are parsed."""
    found: list[dt.date] = []
    for line in lines:
        if _YEAR_ANYWHERE.search(line):
            found += [d for d in (m.on(m.year) for m in find_dates(line) if m.year) if d]
    return found


# --- stamp lines ------------------------------------------------------------------------------

_PUBLISHED = alternation(_DATA["published_labels"])
_UPDATED = alternation(_DATA["updated_labels"])
_LABEL = re.compile(rf"^\W*(?:(?P<upd>{_UPDATED})|{_PUBLISHED})\b\s*:?\s*", re.I)
_SEPARATORS = re.compile(r"\s[|•·]\s|\s[-–—]\s")
_LABEL_ANYWHERE = re.compile(rf"(?<!\w)(?:{_UPDATED}|{alternation(l for l in _DATA['published_labels'] if len(l) > 3)})\b", re.I)
_LABEL_WORDS = frozenset(w for label in _DATA["published_labels"] + _DATA["updated_labels"] for w in label.split())
_RELATIVE = re.compile(rf"^\W*(?:(?:{_UPDATED}|{_PUBLISHED})\s*:?\s*)?(?:{'|'.join(_DATA['relative'])})\W*$", re.I)
_GLUED_DATES = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}[./])")
STAMP_MAX_CHARS = 140
STAMP_MAX_WORDS = 18
BARE_STAMP_WORDS = 4  # a date without year, time or weekday is a stamp only on a line this short


@dataclass(frozen=True)
class Stamp:
    """A line that dates the page: its first date, and whether a label says it is an update."""

    mention: DateMention
    updated: bool = False


def stamp(line: str, month_first: bool = False) -> Stamp | None:
    """The date of a short meta line that carries one: "19.10.19, 12:00 Uhr",
    "Published: Nov. 20, 2019 5:52 AM EST", "Von Jan Kupitz | Oct 24, 2023", "Le 17/02/2020",
    "CBS News February 24, 2020, 7:57 AM". A sentence that mentions a date is not a stamp:
    "Die Messe findet am 21. Mai 2022 statt."."""
    if len(line) > STAMP_MAX_CHARS or not _DIGIT.search(line) or len(line.split()) > STAMP_MAX_WORDS:
        return None
    if "(@" in line:
        return None  # "— Jane Roe (@janeroe) October 9, 2026": an embedded post's attribution, part of the story
    line = _GLUED_DATES.sub(r"\1 ", line)  # "6. November 20236. November 2023": two <time>s printed without a space
    mentions = find_dates(line, numeric=True, month_first=month_first)
    if not mentions:
        return None
    first = mentions[0]
    before = _SEPARATORS.split(line[: first.start])[-1].split()  # "von eseppelt · 31. Oktober 2023"
    words = sum(w[:1].islower() and w.strip(":,").lower() not in _LABEL_WORDS for w in before)
    if len(before) > 6 or words > 1:
        return None
    if line.rstrip().endswith((".", "!", "?")) and (words or len(line[first.end :].split()) > 1) and not first.time:
        return None
    head = line[: first.start]
    label = _LABEL.search(head[-40:]) if head else None
    if not (first.year or first.time or first.weekday is not None or label) and (
        len(line.split()) > BARE_STAMP_WORDS or _named_before(before)
    ):
        return None  # "Reparaturcafé am 31. Januar": a headline that names a day
    return Stamp(first, updated=bool(label and label["upd"]))


def _named_before(before: list[str]) -> bool:
    """Words before a bare date that name something ("Reparaturcafé am"), not a label ("am", "Posted on")."""
    return any(w.strip(":,.").lower() not in _LABEL_WORDS for w in before if w.strip(":,.|"))


_AFTER_STAMP = re.compile(r"(?i:\s*uhr)?(?:\s*[:|–—-]\s*|\s*(?=[A-ZÀ-Ý]))")
STAMPED_WORDS = 5  # what follows a stamp opening a text must be this long to be its text


def without_stamp(text: str) -> str:
    """A standfirst without the stamp some sites print at its start ("06.11.2023, 11.41 Uhr : In Nord
    wurde ...", "19.10.2019, 15:30 UhrAm 8. Spieltag ..."): a full date opening the text, its time,
    then a separator or a capital. A date that is the sentence's subject ("3. März 2026 war ...") stays."""
    mentions = find_dates(text[:60], numeric=True)
    if not mentions or mentions[0].start != 0 or not mentions[0].year:
        return text
    after = _AFTER_STAMP.match(text, mentions[0].end)
    rest = text[after.end():] if after else ""
    return rest if len(rest.split()) >= STAMPED_WORDS else text


def label_start(text: str) -> int | None:
    """Where a stamp's date (or its label: "Zuletzt geändert am", "Published") starts in a text."""
    mentions = find_dates(text, numeric=True)
    cut = mentions[0].start if mentions else None
    m = _LABEL_ANYWHERE.search(text[:cut] if cut is not None else text)
    if m:
        return m.start()
    return cut


def is_relative_stamp(line: str) -> bool:
    """"vor 3 Stunden", "2 hours ago", "Hace 3 horas", "Aktualisiert: vor 20 Stunden": a stamp with no date in it."""
    return len(line) <= 40 and bool(_RELATIVE.match(line))


# --- the page's publication date ---------------------------------------------------------------


def publication_date(page: "Page", month_first: bool = False) -> str | None:
    """When the story was published, from the page's own evidence, strongest first: a stamp in
    the headline's header cluster (a "published" one before an "updated" one), one just above
    the headline, a date the markup declares, the lede's first sentence ("on Saturday (Dec 27)"),
    a stamp right after the story, a labelled stamp anywhere. Never an unlabelled date elsewhere
    on the page: a site header's "today" or a teaser's date is not the story's. A declared
    date-time on the day the page prints is preferred to the printed one: it carries its zone;
    one on another day is in another zone (UTC past midnight) or a CMS default, and the printed
    day wins."""
    references: list[dt.date] | None = None

    def resolved(mention: DateMention) -> str | None:
        nonlocal references
        if mention.year:
            return mention.iso()
        if references is None:
            references = full_dates(page.header + page.story + page.after)  # not the teasers above the headline
        if references:
            return resolve(mention, references)
        year = page_year(page)  # no dated event in the story: the year the page itself is from
        day = mention.on(year) if year else None
        return mention.iso(year) if day and (mention.weekday is None or day.weekday() == mention.weekday) else None

    declared = next((d for d in map(normalise_date, page.declared.published) if d), None)
    header = [s for s in (stamp(line, month_first) for line in page.header) if s]
    ordered = [s for s in header if not s.updated] + [s for s in header if s.updated]
    ordered += [s for s in (stamp(line, month_first) for line in reversed(page.above)) if s]
    for found in ordered:
        date = resolved(found.mention)
        if date:
            return declared if declared and declared[:10] == date[:10] else date
    printed = _printed_elsewhere(page, month_first, resolved)
    if declared and printed:
        return printed if _shifted(declared, printed) else declared
    return declared or printed


def _printed_elsewhere(page: "Page", month_first: bool, resolved) -> str | None:
    """A date the page prints away from its headline: in the lede's first sentence, in a stamp
    right after the story, in a labelled stamp anywhere ("Erscheinungsdatum: 07.02.2022")."""
    if page.story:
        # not after a number's full stop: "vom 25. Januar 2022" is one sentence
        lede = re.split(r"(?<=[.!?])(?<!\d\.)\s", page.story[0], maxsplit=1)[0]
        for mention in find_dates(lede):
            date = resolved(mention)
            if date:
                return date
    for found in (stamp(line, month_first) for line in page.after):
        date = resolved(found.mention) if found else None
        if date:
            return date
    for line in page.lines:
        if len(line) <= STAMP_MAX_CHARS and _DIGIT.search(line) and _LABEL_ANYWHERE.search(line):
            found = stamp(line, month_first)
            if found and not found.updated and found.mention.year:
                return found.mention.iso()
    return None


def _shifted(declared: str, printed: str) -> bool:
    """A declared date that is the printed one seen from elsewhere: in UTC past the page's
    midnight (a day apart), or with day and month swapped ("2023-01-11" for 1 November)."""
    try:
        a, b = dt.date.fromisoformat(declared[:10]), dt.date.fromisoformat(printed[:10])
    except ValueError:
        return False
    utc = declared.endswith(("+00:00", "Z"))
    return (utc and abs((a - b).days) == 1) or (a.year == b.year and (a.month, a.day) == (b.day, b.month) and a != b)


_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?:[01]?\d/)?")
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)", re.I)


def page_year(page: "Page") -> int | None:
    """The year a page is from when its story names none: its address's /2026/ or its
    copyright notice's year."""
    m = _URL_YEAR.search(page.url or "")
    if m:
        return int(m[1])
    for line in reversed(page.bottom[-30:]):
        m = _COPYRIGHT_YEAR.search(line)
        if m:
            return int(m[1])
    return None
