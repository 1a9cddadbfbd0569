"""Reading a time of day ("3:33 a.m.", "about 10am", "9.25 am", "9:25 hours"): when on its
day something happened. Read only with a.m./p.m., "hours" or "morning" after it (a bare
"2:56" is as often a clock in a game or a score)."""

from __future__ import annotations

import re

from .types import QuantityValue

_HEDGES = "about|around|approximately|roughly|some|nearly|almost"
# A time of day with its hedge, if any: "around 10 a.m.", "3:33 a.m.", "9.25 am", "10am",
# "9:25 hours"; or "9:25" with the morning after it ("at about 9:25 in the morning", "9:25
# Thursday morning"), which the span leaves out: that time reads as written.
TIME_AT = re.compile(
    rf"\b(?:(?:{_HEDGES})\s+)?(?:"
    r"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?![a-z])"
    r"|(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:hours|hrs)\b"
    r"|(?:1[0-2]|0?[1-9])[:.][0-5]\d(?=\s+(?:in\s+the\s+|\w+day\s+)?morning\b))",
    re.IGNORECASE,
)
# One span of TIME_AT read: hedge, hour, minute, and what follows ("pm", "hours", nothing).
_PARTS = re.compile(
    rf"(?:(?P<hedge>{_HEDGES})\s+)?(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d\d))?\s*"
    r"(?P<half>a\.m\.|p\.m\.|am|pm|hours|hrs)?",
    re.IGNORECASE,
)
# Minutes either side of a hedged time: "about 10am" is 9:50 to 10:10.
_SLACK = 10.0


def parse_time(text: str) -> QuantityValue | None:
    """ "3:33 a.m." -> 213 minutes after midnight, value "03:33"; ``None`` if not a time."""
    match = _PARTS.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").lower()
    if half.startswith(("a", "p")):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    elif match["minute"] is None:
        return None  # "10" alone is no time
    if hour > 23 or minute > 59:
        return None
    at = float(hour * 60 + minute)
    hedge = match["hedge"].lower() if match["hedge"] else None
    low, high = (at - _SLACK, at + _SLACK) if hedge else (at, at)
    return QuantityValue(
        low=low,
        high=high,
        figure=at,
        value=f"{hour:02d}:{minute:02d}",
        unit="time",
        dimension="time",
        hedge=hedge,
        counted=None,
    )
