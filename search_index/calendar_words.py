"""Month and weekday words, written once for every reader of dates (metadata's date lines,
entity extraction, the claims' date values): full names and the abbreviations news uses."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["FULL_WEEKDAYS", "MONTH_NUMBERS", "WEEKDAY_NUMBERS", "alternation"]

MONTH_NUMBERS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
"""Lower-case month word -> month number (1-12)."""

WEEKDAY_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
"""Lower-case weekday word -> ``date.weekday()`` number (Monday is 0)."""

FULL_WEEKDAYS = tuple(name for name in WEEKDAY_NUMBERS if name.endswith("day"))


def alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex group matching any of ``words``, longest first (so "september" is not read as
    "sep"); ``capitalised`` writes each with a capital initial, for case-sensitive patterns."""
    shown = sorted({word.capitalize() if capitalised else word for word in words}, key=len)
    return "(?:" + "|".join(reversed(shown)) + ")"
