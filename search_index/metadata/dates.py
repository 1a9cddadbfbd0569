"""Publication dates in date lines: labelled, numeric and worded forms, with times and zones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS, alternation
from ..models import PublishedDate
from ..text import fold

# --------------------------------------------------------------------------------------------
# Dates

_MONTH_NUMBERS = MONTH_NUMBERS
_MONTH = rf"(?P<mon>{alternation(MONTH_NUMBERS)})\.?"
_WEEKDAY = alternation(WEEKDAY_NUMBERS) + r"\.?"
_DATE_CORES = (
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})",
    r"(?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})",
    r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})",
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTH}[\s,-]+(?P<y>\d{{4}})",
    rf"{_MONTH}[\s-]*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[\s-]+(?P<y>\d{{4}})",
    # American numeric datelines: "11/28/05", "Posted 11/27/2005 7:21 AM".
    r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?!\d)",
)
# A label says what the date is; "updated" dates are not publication dates unless nothing else is.
_DATE_LABEL = (
    r"(?P<label>(?:(?:last|first|originally)\s+)?"
    r"(?:published|updated|modified|edited|posted|created|released|issued|dated|date|pub(?:lished)?\s+date)"
    # "Published time: March 12, 2013 02:03" (RT's date lines)
    r"(?:\s+time)?(?:\s+(?:on|at))?)"
)
# Time zones are case-sensitive so an ordinary word after a date is never taken for one.
_TZ = r"(?:\s*\(?(?-i:[A-Z]{2,5}|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|\s*[+-]\d{2}:?\d{2})?"


def _time(p: str) -> str:
    # A bare number is not a time: it needs minutes or am/pm.
    return (
        rf"(?=\d{{1,2}}(?:[:.]\d{{2}}|\s*[ap]\.?\s?m\b))(?P<{p}h>\d{{1,2}})(?!\d)"
        rf"(?:[:.](?P<{p}m>\d{{2}})(?!\d)(?:[:.]\d{{2}}(?!\d)(?:\.\d+)?)?)?"
        # "5:03p" (a short form some sites' date lines use) as well as "5:03 p.m.".
        rf"(?:\s*(?P<{p}ap>[ap])(?:\.?\s?m\b\.?|\b))?"
    )


def _date_expression(core: str) -> str:
    return (
        rf"(?:{_DATE_LABEL}\s*[:|-]?\s*)?"
        # "on Feb. 04, 2009" alone on a header line: the preposition of "published on" without it.
        rf"(?:on\s+)?"
        rf"(?:{_WEEKDAY}\s*,?\s*)?"
        rf"(?:{_time('b')}{_TZ}\s*,?\s*(?:on\s+)?(?:{_WEEKDAY}\s*,?\s*)?)?"
        rf"{core}"
        rf"(?:(?:\s*,?\s*(?:at\s+)?|T|\s*[|@-]\s*){_time('a')}{_TZ})?"
        # "3 July 2013 Last updated at 10:23": the publication date, then when it changed.
        rf"(?:\s*[|,-]?\s*(?:last\s+)?updated\b[^\n]{{0,60}})?"
    )


_DATE_FULL = tuple(
    re.compile(rf"^\s*{_date_expression(core)}\s*[.,;]?\s*$", re.IGNORECASE) for core in _DATE_CORES
)
# A date glued in front of a headline ("date 2026-01-26 Kim inspects ...").
_DATE_PREFIX = tuple(
    re.compile(rf"^\s*{_date_expression(core)}(?:\s*[|:,-]\s*|\s+)(?=\S)", re.IGNORECASE)
    for core in _DATE_CORES
)
HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateFound:
    date: PublishedDate
    is_update: bool
    end: int = 0


def _date_from_match(match: re.Match[str]) -> DateFound | None:
    groups = match.groupdict()
    try:
        year = int(groups["y"])
        if len(groups["y"]) == 2:
            # "11/28/05": the century nearest to now (news is seldom a lifetime old).
            year += 2000 if year <= datetime.now().year % 100 + 1 else 1900
        day = int(groups["d"])
        month = int(groups["mo"]) if groups.get("mo") else _MONTH_NUMBERS[groups["mon"][:3].lower()]
        if month > 12 >= day and "/" in match.group() and match.start("y") > match.start("mo"):
            day, month = month, day  # "28/11/2005" is day first
        hour = minute = 0
        has_time = False
        for p in ("b", "a"):
            if groups.get(f"{p}h") is None:
                continue
            hour, minute = int(groups[f"{p}h"]), int(groups[f"{p}m"] or 0)
            meridiem = groups[f"{p}ap"]
            if meridiem:
                if not 1 <= hour <= 12:
                    return None
                hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
            has_time = True
            break
        if not 1900 <= year <= 2100:
            return None
        value = datetime(year, month, day, hour, minute)
    except (ValueError, KeyError, TypeError):
        return None
    label = (groups.get("label") or "").lower()
    is_update = any(word in label for word in ("updated", "modified", "edited"))
    return DateFound(PublishedDate(value=value, has_time=has_time), is_update, match.end())


def parse_date(folded: str) -> DateFound | None:
    if len(folded) > 160 or not HAS_DIGIT.search(folded):
        return None
    for pattern in _DATE_FULL:
        match = pattern.match(folded)
        if match:
            return _date_from_match(match)
    return None


def parse_date_prefix(folded: str) -> DateFound | None:
    if not HAS_DIGIT.search(folded[:80]):
        return None
    for pattern in _DATE_PREFIX:
        match = pattern.match(folded[:200])
        if match:
            return _date_from_match(match)
    return None


def parse_published(text: str) -> PublishedDate | None:
    """Parse one date expression or date line ("Published: 26 Jan. 2026, 15:31"); else None.

    The whole string must be the date (with an optional label, weekday, time and time zone):
    a sentence that merely mentions a date is not a date line.
    """
    try:
        found = parse_date(fold(text).strip())
    except Exception:  # a metadata guess must never stop reading an article
        return None
    return found.date if found else None


# A separator with the whitespace around it. A match that begins with whitespace begins where
# the run of it does (the lookbehind): tried from each position inside a long run, a leading
# "\s*" rescanned the rest of the run every time (quadratic in a line of blanks). A separator
# reachable from inside a run is reachable from its first blank, so no match is lost.
SEGMENT_SEPARATORS = re.compile(r"(?:\||·|•)\s*|(?<!\s)\s+(?:(?:\||·|•)\s*|-\s+)")


def date_line(folded: str, *, need_label: bool) -> DateFound | None:
    """A line that is nothing but a date, or several dates/labels joined by separators."""
    found = parse_date(folded)
    if found is None and not need_label:
        # A press release's dateline: "SUNNYVALE, Calif. —2/29/2012" (the place in capitals,
        # a dash, then only the date).
        place = _PLACE_DASH.match(folded)
        if place is not None:
            dated = parse_date(folded[place.end() :])
            if dated is not None and not folded[place.end() + dated.end :].strip():
                found = dated
    if found is None and ("|" in folded or "·" in folded or "•" in folded):
        parts = [p for p in SEGMENT_SEPARATORS.split(folded) if p.strip()]
        dates = [parse_date(p) for p in parts]
        if len(parts) > 1 and all(dates):
            found = next((d for d in dates if d and not d.is_update), dates[0])
    if found is None:
        return None
    if need_label and not _DATE_LABEL_START.match(folded):
        return None
    return found


_PLACE_DASH = re.compile(r"^\s*[A-Z][A-Z .'-]{2,30},(?:\s*[A-Z][A-Za-z.]{1,12}){1,3}\s*-{1,2}\s*")
_DATE_LABEL_START = re.compile(rf"^\s*{_DATE_LABEL}\b", re.IGNORECASE)
