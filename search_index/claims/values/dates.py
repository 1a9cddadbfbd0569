"""Reading a date span into a period, anchored on the publication date when relative."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from ...calendar_words import FULL_WEEKDAYS, MONTH_NUMBERS, WEEKDAY_NUMBERS, alternation
from ...text import fold
from .numbers import SPACE_RUN, read_words
from .types import MAX_SPAN, DateValue

# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTHS = MONTH_NUMBERS
_WEEKDAYS = WEEKDAY_NUMBERS
_MONTH_RE = rf"(?P<month>{alternation(_MONTHS)})\.?"
_WEEKDAY_RE = alternation(_WEEKDAYS)
_DAY_RE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>\d{4})"

_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
_DAY_MONTH_YEAR = re.compile(rf"{_DAY_RE}(?: of)? {_MONTH_RE},? {_YEAR_RE}")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH_RE} {_DAY_RE},? {_YEAR_RE}")
_MONTH_YEAR = re.compile(rf"{_MONTH_RE},? (?:of )?{_YEAR_RE}")
_DAY_MONTH = re.compile(rf"{_DAY_RE}(?: of)? {_MONTH_RE}")
_MONTH_DAY = re.compile(rf"{_MONTH_RE} {_DAY_RE}")
_MONTH_ONLY = re.compile(_MONTH_RE)
_YEAR_ONLY = re.compile(r"(?P<year>[12]\d{3})")
_YEAR_SPAN = re.compile(r"(?P<first>1[89]\d\d|20\d\d) ?[-\u2013] ?(?P<last>1[89]\d\d|20\d\d)")
_DECADE = re.compile(r"(?:the )?(?P<year>[12]\d{2}0)'?s")
# Bare weekdays only in full: "sun", "sat" and "wed" alone are words, not days.
_FULL_WEEKDAY_RE = "|".join(FULL_WEEKDAYS)
_WEEKDAY_ONLY = re.compile(rf"(?:(?P<which>last|this|next|past) )?(?P<weekday>{_FULL_WEEKDAY_RE})")
_THIS_LAST = re.compile(
    r"(?:(?:earlier|later|early|late) )?(?:in )?(?:the )?(?P<which>this|last|next|current|past"
    r"|previous|coming) (?P<period>week|month|year|decade)"
)
_AGO = re.compile(
    r"(?P<count>\d{1,4}|an?|[a-z]+(?:-[a-z]+)?) (?P<period>day|week|month|year|decade)s? ago"
)
_DEICTIC = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

_LEADING = re.compile(
    r"(?:(?:on|in|since|until|till|by|from|during|of|at|for|before|after|through|throughout"
    r"|as of|as early as|as late as|around|about|the|starting|beginning|ending) )+"
)
_QUALIFIER = re.compile(
    r"(?:(?:the )?(?:early|mid|late|end of|start of|beginning of|middle of|first half of"
    r"|second half of|spring of|summer of|autumn of|fall of|winter of)(?:-| |(?=\d)))"
)
_TIME_OF_DAY = re.compile(r"(?:,? (?:morning|afternoon|evening|night|midday|noon|overnight))$")
_WEEKDAY_PREFIX = re.compile(rf"(?:{_WEEKDAY_RE}),? ")


def parse_date(text: str, anchor: date | None = None) -> DateValue | None:
    """The period a date span names, or ``None``.

    Absolute forms ("Jan 25, 2026", "October 2025", "2024", "2026-01-26", "the 2020s") need no
    anchor. Relative forms need the article's publication date as ``anchor`` and return
    ``None`` without it:

    - a weekday ("on Sunday") is the most recent such day on or before the anchor (an article
      published on a Monday that says "on Monday" means that day); "last Sunday" is strictly
      before, "next Sunday" strictly after and "this Sunday" on or after it;
    - a bare month ("In October") is the most recent such month on or before the anchor's;
    - a day and month without a year ("on January 25") takes the year that puts it closest to
      the anchor, the earlier one on a tie;
    - this/last/next week (Monday to Sunday), month, year; "this decade";
    - yesterday, today, tonight, tomorrow, "last night";
    - "N days/weeks/months/years ago".

    "early"/"mid"/"late" are dropped: "mid-2025" is the year 2025, "late October" October.
    """
    if not isinstance(text, str) or len(text) > MAX_SPAN:
        return None
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    elif anchor is not None and not isinstance(anchor, date):
        anchor = None
    s = SPACE_RUN.sub(" ", fold(text).lower()).strip(" ,.;:()")
    leading = _LEADING.match(s)
    if leading is not None:
        s = s[leading.end() :]
    try:
        return _parse_date(s, anchor)
    except (ValueError, OverflowError, KeyError):
        # Invalid calendar dates ("Feb 30, 2026") and anchors at the ends of the calendar.
        return None


def _parse_date(s: str, anchor: date | None) -> DateValue | None:
    if s == "last night":
        return _day(anchor - timedelta(days=1), relative=True) if anchor else None
    s = _TIME_OF_DAY.sub("", s).strip()
    qualifier = _QUALIFIER.match(s)
    if qualifier is not None:
        s = s[qualifier.end() :].strip()
    if not s:
        return None
    if (match := _ISO_DAY.fullmatch(s)) is not None:
        return _day(_ymd(match), relative=False)
    if (match := _ISO_MONTH.fullmatch(s)) is not None:
        return _month(int(match["year"]), int(match["month"]), relative=False)
    weekday_prefix = _WEEKDAY_PREFIX.match(s)
    dated = s[weekday_prefix.end() :] if weekday_prefix else s
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if (match := pattern.fullmatch(dated)) is not None:
            return _day(_ymd(match), relative=False)
    if (match := _MONTH_YEAR.fullmatch(s)) is not None:
        return _month(int(match["year"]), _MONTHS[match["month"]], relative=False)
    if (match := _DECADE.fullmatch(s)) is not None:
        first = int(match["year"])
        return DateValue(date(first, 1, 1), date(first + 9, 12, 31), "decade", f"{first}s", False)
    if (match := _YEAR_ONLY.fullmatch(s)) is not None:
        return _year(int(match["year"]), relative=False)
    if (match := _YEAR_SPAN.fullmatch(s)) is not None:
        first, last = int(match["first"]), int(match["last"])
        if first < last:
            # "from 1951-1957": the years from the first to the last, both whole.
            return DateValue(
                date(first, 1, 1), date(last, 12, 31), "years", f"{first}/{last}", False
            )
        return None
    if anchor is None:
        if (match := _WEEKDAY_ONLY.fullmatch(s)) is not None and match["which"] is None:
            # Without a publication date a weekday names no calendar day, but two reports
            # that both say "on Friday" say the same thing; it can never contradict a date.
            name = match["weekday"]
            return DateValue(date.min, date.max, "weekday", name, True)
        for pattern in (_DAY_MONTH, _MONTH_DAY):
            if (match := pattern.fullmatch(dated)) is not None:
                # "by December 31" in a report without a date: no year, but two reports
                # naming the same day of the month say the same; it never contradicts a date.
                month, day = _MONTHS[match["month"]], int(match["day"])
                date(2000, month, day)  # raises ValueError for "February 30"
                return DateValue(date.min, date.max, "monthday", f"--{month:02d}-{day:02d}", True)
        return None
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if (match := pattern.fullmatch(dated)) is not None:
            return _nearest_day(_MONTHS[match["month"]], int(match["day"]), anchor)
    if (match := _MONTH_ONLY.fullmatch(s)) is not None:
        month = _MONTHS[match["month"]]
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return _month(year, month, relative=True)
    if (match := _WEEKDAY_ONLY.fullmatch(s)) is not None:
        return _weekday(_WEEKDAYS[match["weekday"]], match["which"], anchor)
    if s in _DEICTIC:
        return _day(anchor + timedelta(days=_DEICTIC[s]), relative=True)
    if (match := _THIS_LAST.fullmatch(s)) is not None:
        return _period(match["which"], match["period"], anchor)
    if (match := _AGO.fullmatch(s)) is not None:
        return _ago(match["count"], match["period"], anchor)
    return None


def _ymd(match: re.Match[str]) -> date:
    month = match["month"]
    number = _MONTHS[month] if month in _MONTHS else int(month)
    return date(int(match["year"]), number, int(match["day"]))


def _day(day: date, *, relative: bool) -> DateValue:
    return DateValue(day, day, "day", day.isoformat(), relative)


def _month(year: int, month: int, *, relative: bool) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        date(year, month, 1), date(year, month, last), "month", f"{year:04d}-{month:02d}", relative
    )


def _year(year: int, *, relative: bool) -> DateValue:
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}", relative)


def _week(day: date) -> DateValue:
    monday = day - timedelta(days=day.weekday())
    return DateValue(monday, monday + timedelta(days=6), "week", monday.isoformat(), True)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _nearest_day(month: int, day: int, anchor: date) -> DateValue | None:
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue  # 29 February outside leap years, or an impossible day
    if not candidates:
        return None
    # On a tie the earlier date wins: news reports more past than future.
    best = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    return _day(best, relative=True)


def _weekday(weekday: int, which: str | None, anchor: date) -> DateValue | None:
    back = (anchor.weekday() - weekday) % 7
    if which in (None, "past"):
        return _day(anchor - timedelta(days=back), relative=True)
    if which == "last":
        return _day(anchor - timedelta(days=back or 7), relative=True)
    ahead = (weekday - anchor.weekday()) % 7
    if which == "next":
        return _day(anchor + timedelta(days=ahead or 7), relative=True)
    return _day(anchor + timedelta(days=ahead), relative=True)


def _period(which: str, period: str, anchor: date) -> DateValue | None:
    if which == "past":
        # "the past week" is the seven days up to the anchor, not a calendar week: no value.
        return None
    step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[which]
    if period == "week":
        return _week(anchor + timedelta(weeks=step))
    if period == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return _month(year, month, relative=True)
    if period == "year":
        return _year(anchor.year + step, relative=True)
    if step != 0:
        # "the last decade" usually means the past ten years, not the previous 10s.
        return None
    first = anchor.year - anchor.year % 10
    return DateValue(date(first, 1, 1), date(first + 9, 12, 31), "decade", f"{first}s", True)


def _ago(count_text: str, period: str, anchor: date) -> DateValue | None:
    if count_text.isdigit():
        count = int(count_text)
    elif count_text in ("a", "an"):
        count = 1
    else:
        words = read_words(count_text, 0)
        if words is None or words.end != len(count_text):
            return None  # "several days ago", "a few weeks ago": no single period
        count = int(words.value)
    if period == "day":
        return _day(anchor - timedelta(days=count), relative=True)
    if period == "week":
        return _week(anchor - timedelta(weeks=count))
    if period == "month":
        year, month = _shift_month(anchor.year, anchor.month, -count)
        return _month(year, month, relative=True)
    if period == "year":
        return _year(anchor.year - count, relative=True)
    return None
