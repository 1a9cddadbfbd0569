"""Hedge words ("about", "more than", "up to") and the intervals they allow."""

from __future__ import annotations

import re
from decimal import Decimal

from .types import QuantityValue

# --------------------------------------------------------------------------------------------
# Hedges
# --------------------------------------------------------------------------------------------

EXACT, _APPROX, _NEAR_BELOW, _NEAR_ABOVE, ABOVE, _BELOW = (
    "exact",
    "approx",
    "near_below",
    "near_above",
    "above",
    "below",
)

# Qualifiers kept in ``hedge`` because they change what the figure means ("another 3,500" is an
# increment, not a total) or the interval it allows.
HEDGES: dict[str, str] = {
    **dict.fromkeys(
        (
            "about|around|approximately|approx|approx.|roughly|some|estimated|an estimated"
            "|circa|ca.|c.|~|close to|in the region of|on the order of|or so"
        ).split("|"),
        _APPROX,
    ),
    **dict.fromkeys(
        (
            "nearly|almost|just under|just below|just shy of|slightly less than"
            "|slightly fewer than|a little under|a little less than|not quite"
        ).split("|"),
        _NEAR_BELOW,
    ),
    **dict.fromkeys(
        (
            "just over|just above|just more than|slightly more than|slightly over"
            "|a little over|a little more than"
        ).split("|"),
        _NEAR_ABOVE,
    ),
    **dict.fromkeys(
        (
            "more than|over|upwards of|upward of|above|well over|well above|in excess of"
            "|at least|no fewer than|no less than|not less than|a minimum of|greater than|from"
            "|+|or more|plus|>|>=|≥"
        ).split("|"),
        ABOVE,
    ),
    **dict.fromkeys(
        (
            "up to|as many as|as much as|at most|no more than|not more than|fewer than"
            "|less than|under|below|well under|well below|a maximum of|<|<=|≤"
        ).split("|"),
        _BELOW,
    ),
    **dict.fromkeys(["another", "a further", "an additional", "an extra"], EXACT),
}
# Emphasis that leaves the figure exact and is not worth keeping ("only 12 people").
SILENT_HEDGES = ("just", "only", "exactly", "precisely", "a total of", "all")
_SYMBOL_HEDGES = ("~", ">=", "<=", ">", "<", "≥", "≤")


def _phrase_pattern(phrases: list[str]) -> str:
    # Longest first so "just over" wins over "just" and "more than" over "more".
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_WORD_HEDGES = [h for h in [*HEDGES, *SILENT_HEDGES] if h not in _SYMBOL_HEDGES]
# "from" is read only where no range follows ("from $999", not "from 10 to 20").
_WORD_HEDGES = [h for h in _WORD_HEDGES if h not in ("+", "or more", "or so", "plus", "from")]
HEDGE_AT = re.compile(
    rf"(?:({_phrase_pattern(_WORD_HEDGES)})\s+|({_phrase_pattern(list(_SYMBOL_HEDGES))})\s*)"
)
SUFFIX_HEDGE_AT = re.compile(r"\s*(?:(\+)|\s(or\s+more|or\s+so|plus)(?![a-z]))")


def hedge_class(q: QuantityValue) -> str:
    """The direction a hedge moves the truth away from the figure: "exact", "approx", "above"
    or "below" ("nearly" and "up to" both say at most; "another" is exact)."""
    kind = HEDGES.get(q.hedge or "", EXACT)
    if kind == _NEAR_BELOW:
        return _BELOW
    if kind == _NEAR_ABOVE:
        return ABOVE
    return kind


def bounds(kind: str, lo: Decimal, hi: Decimal) -> tuple[float | None, float | None]:
    # Writers round hedged figures, so "about 14,000" stands for anything within about 10%.
    # Decimal arithmetic keeps 1.1 x 14,000 at 15,400 rather than 15,400.000000000002.
    if kind == _APPROX:
        return float(lo * _LOWER), float(hi * _UPPER)
    if kind == _NEAR_BELOW:
        return float(lo * _LOWER), float(hi)
    if kind == _NEAR_ABOVE:
        return float(lo), float(hi * _UPPER)
    if kind == ABOVE:
        return float(lo), None
    if kind == _BELOW:
        # Quantities in the news are not negative, so "up to X" starts at zero.
        return 0.0, float(hi)
    return float(lo), float(hi)


_LOWER, _UPPER = Decimal("0.9"), Decimal("1.1")
