"""Reading a quantity span, and comparing two quantities in base units."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ...entities.lexicon import NUMBER_WORDS
from ...text import fold
from .hedges import (
    ABOVE,
    EXACT,
    HEDGE_AT,
    HEDGES,
    SILENT_HEDGES,
    SUFFIX_HEDGE_AT,
    bounds,
    hedge_class,
)
from .numbers import (
    AND_AT,
    ARTICLE_AT,
    BETWEEN_AT,
    FEW_UNIT,
    FOLD_WORD_AT,
    MAGNITUDE_AT,
    RANGE_SEP_AT,
    SPACE_RUN,
    VAGUE,
    VAGUE_AT,
    Number,
    read_number,
)
from .types import MAX_SPAN, QuantityValue
from .units import AGE_TO_YEARS, ATTACHED_UNIT_AT, TO_BASE, UNIT_AT

# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------


def parse_quantity(text: str) -> QuantityValue | None:
    """The value of a quantity span ("about 1.2 million active personnel", "$12 million",
    "two to three times life-size"), or ``None`` when the text does not start with one.

    The span may start with "the"/"a", a hedge ("more than", "upwards of", "~") and a
    currency sign; it must then hold a number (digits, words, a vague plural such as
    "thousands" or a range such as "10-15"/"between 10 and 15"), optionally a unit, then what
    is counted. Text after the number that is not a unit is taken as the counted noun phrase.
    """
    if not isinstance(text, str) or len(text) > MAX_SPAN:
        return None
    s = _normalise(text)
    if not s:
        return None
    try:
        return _parse_quantity(s)
    except (ValueError, OverflowError, ArithmeticError):
        # Absurd inputs (a 300-digit figure) must not take a whole article down with them.
        return None


def _normalise(text: str) -> str:
    s = fold(text).replace("²", "2").replace("³", "3").lower()
    return SPACE_RUN.sub(" ", s).strip().strip(",;:").strip()


_ZERO_AT = re.compile(
    r"(?:no[- ]one|nobody|none of|no(?= (?:injuries|deaths|casualties|fatalities|arrests"
    r"|survivors)\b))(?![a-z-])\s*"
)


def _parse_quantity(s: str) -> QuantityValue | None:
    zero = _ZERO_AT.match(s)
    if zero is not None:
        # "no one", "no injuries": zero of what follows, exactly.
        rest = s[zero.end() :]
        counted = _counted(rest) if rest else None
        if zero.group().strip() in ("no one", "no-one", "nobody"):
            counted = f"people {counted}" if counted else "people"
        return QuantityValue(0.0, 0.0, 0.0, "0", None, None, None, counted)
    pos = 0
    if s.startswith("the "):
        pos = 4
    hedge: str | None = None
    kind = EXACT
    hedge_match = HEDGE_AT.match(s, pos)
    if hedge_match is not None:
        phrase = SPACE_RUN.sub(" ", hedge_match.group(1) or hedge_match.group(2))
        if phrase not in SILENT_HEDGES:
            hedge = phrase
            kind = HEDGES.get(phrase, EXACT)
        pos = hedge_match.end()
    article = ARTICLE_AT.match(s, pos)
    if article is not None:
        pos = article.end()
    unit: str | None = None
    dimension: str | None = None
    magnitude = MAGNITUDE_AT.match(s, pos)
    if magnitude is not None:
        pos = magnitude.end()
        unit, dimension = "magnitude", "magnitude"

    figure: Decimal | None = None
    lo: Decimal
    hi: Decimal
    vague = VAGUE_AT.match(s, pos) if unit is None else None
    first: Number | None = None
    second: Number | None = None
    fold_word = FOLD_WORD_AT.match(s, pos) if unit is None else None
    if fold_word is not None:
        # "threefold" is one word, which the number reader cannot split.
        figure = lo = hi = Decimal(NUMBER_WORDS[fold_word.group(1)])
        unit, dimension, pos = "times", "multiplier", fold_word.end()
    elif vague is not None:
        if vague.group(1):
            low_int, high_int = VAGUE[SPACE_RUN.sub(" ", vague.group(1))]
        else:
            base = FEW_UNIT[vague.group(3)]
            low_int, high_int = 2 * base, 10 * base - 1
        lo, hi = Decimal(low_int), Decimal(high_int)
        pos = vague.end()
        of = re.match(r"\s+of(?=\s)", s[pos:])
        if of is not None:
            pos += of.end()
    else:
        between = BETWEEN_AT.match(s, pos)
        start = between.end() if between is not None else pos
        first = read_number(s, start)
        if first is None:
            return None
        pos = first.end
        sep = (AND_AT if between is not None else RANGE_SEP_AT).match(s, pos)
        if sep is not None and sep.end() > pos:
            second = read_number(s, sep.end(), first.currency)
        if second is None and between is not None and between.group().startswith("between"):
            return None
        if second is None and between is not None and hedge is None:
            # "models cost from $1199": a floor, not a price.
            hedge, kind = "from", ABOVE
        if second is not None and _record(s, first, second, sep, hedge, between is not None):
            # "Klitschko, 58-3 with 51 knockouts", "won 3-1": a larger figure first is a
            # win-loss record or a score, not a range (ranges run low to high). Kept in its
            # order: "58-3" is not "3-58". It is no interval: it has no bounds.
            return QuantityValue(
                low=None,
                high=None,
                figure=None,
                value=f"{_canonical(first.value)}-{_canonical(second.value)}",
                unit="record",
                dimension="record",
                hedge=None,
                counted=_counted(s[second.end :]),
            )
        if second is not None:
            _share_scale(first, second)
            pos = second.end
            lo, hi = sorted((first.value, second.value))
        else:
            figure = first.value
            lo = hi = first.value

    suffix = SUFFIX_HEDGE_AT.match(s, pos)
    if suffix is not None and hedge is None:
        hedge = SPACE_RUN.sub(" ", suffix.group(1) or suffix.group(2))
        kind = HEDGES.get(hedge, EXACT)
        pos = suffix.end()

    currency = next((n.currency for n in (first, second) if n and n.currency), None)
    if currency is not None:
        unit, dimension = currency, f"money:{currency}"
    elif any(n is not None and n.percent for n in (first, second)):
        unit, dimension = "percent", "ratio"
    if unit is None:
        attached = pos > 0 and s[pos - 1].isdigit()
        found = _read_unit(s, pos, attached=attached)
        if found is not None:
            unit, dimension, pos = found
    elif currency is not None:
        # "$5 billion dollars": the written-out currency repeats the sign.
        found = _read_unit(s, pos, attached=False)
        if found is not None and found[1] == dimension:
            pos = found[2]
    if suffix is None and hedge is None:
        suffix = SUFFIX_HEDGE_AT.match(s, pos)
        if suffix is not None:
            hedge = SPACE_RUN.sub(" ", suffix.group(1) or suffix.group(2))
            kind = HEDGES.get(hedge, EXACT)
            pos = suffix.end()

    low, high = bounds(kind, lo, hi)
    value = _canonical(figure) if figure is not None else f"{_canonical(lo)}-{_canonical(hi)}"
    return QuantityValue(
        low=low,
        high=high,
        figure=float(figure) if figure is not None else None,
        value=value,
        unit=unit,
        dimension=dimension,
        hedge=hedge,
        counted=_counted(s[pos:]),
    )


def _record(
    s: str,
    first: Number,
    second: Number,
    sep: re.Match[str] | None,
    hedge: str | None,
    between: bool,
) -> bool:
    """Whether "A-B" is a record or a score: a bare hyphen between two whole numbers, the
    first larger, neither a year ("1999-00" is a season), nothing hedged, scaled or measured."""
    if between or hedge is not None or sep is None or sep.group().strip() != "-":
        return False
    if any(n.currency or n.percent or n.scale != 1 for n in (first, second)):
        return False
    a, b = first.value, second.value
    if a != a.to_integral_value() or b != b.to_integral_value() or not a > b or a >= 1000:
        return False
    return _read_unit(s, second.end, attached=s[second.end - 1].isdigit()) is None


def _share_scale(first: Number, second: Number) -> None:
    # "2 to 3 million" and "$10-15bn" scale both ends; "500 to 1 million" does not (500 is
    # already larger than the 1 the scale word multiplies).
    if second.scale > 1 and first.scale == 1 and first.value <= second.value / second.scale:
        first.scale = second.scale
        first.value *= second.scale
    if second.percent or first.percent:
        first.percent = second.percent = True


def _read_unit(s: str, pos: int, *, attached: bool) -> tuple[str, str, int] | None:
    """The unit written at ``pos``; ``attached`` when it follows the digits with no space,
    the only place single letters such as "C" or "x" are units."""
    for pattern, unit, dimension in UNIT_AT:
        match = pattern.match(s, pos)
        if match is not None:
            return unit, dimension, match.end()
    if attached:
        for pattern, unit, dimension in ATTACHED_UNIT_AT:
            match = pattern.match(s, pos)
            if match is not None:
                return unit, dimension, match.end()
    return None


def _counted(rest: str) -> str | None:
    rest = rest.strip(" -,.;:()")
    if rest.startswith("of "):
        rest = rest[3:].lstrip()
    rest = SPACE_RUN.sub(" ", rest).strip(" -,.;:()")
    return rest or None


def _canonical(number: Decimal) -> str:
    normalised = number.normalize()
    return format(normalised, "f")


# --------------------------------------------------------------------------------------------
# Comparing quantities
# --------------------------------------------------------------------------------------------


def to_base(q: QuantityValue) -> tuple[str | None, float | None, float | None]:
    """(dimension, low, high) in the base unit of the dimension: km, km2, kg, litres, km/h,
    MW, MWh, degrees Celsius, days (durations), years (ages). Money stays in its currency;
    counts, ratios and multipliers are unchanged."""
    if q.unit is None:
        return q.dimension, q.low, q.high
    if q.dimension == "age":
        factor, offset = AGE_TO_YEARS.get(q.unit, 1.0), 0.0
    else:
        factor, offset = TO_BASE.get(q.unit, (1.0, 0.0))

    def convert(x: float | None) -> float | None:
        return None if x is None else x * factor + offset

    return q.dimension, convert(q.low), convert(q.high)


def _figure_in_base(q: QuantityValue) -> float | None:
    if q.figure is None:
        return None
    converted = to_base(
        QuantityValue(q.figure, q.figure, q.figure, q.value, q.unit, q.dimension, None, None)
    )
    return converted[1]


def compatible(a: QuantityValue, b: QuantityValue) -> bool:
    """Same dimension and the intervals the two texts allow overlap.

    Different units get 2% slack so that "16 km" and "ten miles" (16.09 km) agree: writers
    round when they convert. Values in the same unit get none: "11,000" and "11,200" do not
    overlap. What is counted is not compared here; that is the caller's business.
    """
    try:
        dim_a, low_a, high_a = to_base(a)
        dim_b, low_b, high_b = to_base(b)
        if dim_a != dim_b:
            return False
        lo = max(-math.inf if low_a is None else low_a, -math.inf if low_b is None else low_b)
        hi = min(math.inf if high_a is None else high_a, math.inf if high_b is None else high_b)
        if lo <= hi:
            return True
        if a.unit == b.unit:
            return False
        return lo - hi <= 0.02 * max(abs(lo), abs(hi))
    except (TypeError, ValueError, OverflowError, AttributeError):
        return False


def same_value(a: QuantityValue, b: QuantityValue) -> bool:
    """Same dimension, same figure after conversion and the same hedge class (both exact,
    both approximate, both "at least"-like or both "at most"-like).

    Figures in different units may differ by 0.5% (conversion rounding); in the same unit they
    must be equal. Two ranges or vague plurals are the same when their intervals are."""
    try:
        if a.dimension != b.dimension or hedge_class(a) != hedge_class(b):
            return False
        tolerance = 1e-9 if a.unit == b.unit else 0.005
        if a.figure is not None and b.figure is not None:
            return _close(_figure_in_base(a), _figure_in_base(b), tolerance)
        if a.figure is None and b.figure is None:
            _, low_a, high_a = to_base(a)
            _, low_b, high_b = to_base(b)
            return _close(low_a, low_b, tolerance) and _close(high_a, high_b, tolerance)
        return False
    except (TypeError, ValueError, OverflowError, AttributeError):
        return False


def _close(x: float | None, y: float | None, tolerance: float) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(x, y, rel_tol=tolerance, abs_tol=1e-12)
