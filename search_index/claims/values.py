"""Reading the values of the date and quantity spans ``entities.values`` finds.

A span such as "approximately 11,000 North Korean soldiers" becomes a figure, the interval the
text allows, the unit and what is counted; "In October" becomes a month once the article's
publication date anchors it. Comparing sources needs intervals rather than bare figures: "more
than 10,000" and "about 14,000" are both true of the same event, "about 11,000" and "about
14,000" cannot be.

Nothing here knows about any story: only English number, unit, hedge and calendar words.
Every public function returns ``None`` (or ``False``) for text it cannot read, never raises.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from ..calendar_words import FULL_WEEKDAYS, MONTH_NUMBERS, WEEKDAY_NUMBERS, alternation
from ..entities.lexicon import NUMBER_WORDS
from ..text import fold

__all__ = [
    "DateValue",
    "QuantityValue",
    "compatible",
    "hedge_class",
    "parse_date",
    "parse_quantity",
    "same_value",
    "to_base",
]

# Spans longer than this are sentences, not quantities or dates; the cap also bounds regex work.
_MAX_SPAN = 300


@dataclass(frozen=True, slots=True)
class QuantityValue:
    low: float | None
    high: float | None
    figure: float | None
    value: str
    unit: str | None
    dimension: str | None
    hedge: str | None
    counted: str | None


@dataclass(frozen=True, slots=True)
class DateValue:
    start: date
    end: date
    granularity: str
    value: str
    relative: bool


# --------------------------------------------------------------------------------------------
# Hedges
# --------------------------------------------------------------------------------------------

_EXACT, _APPROX, _NEAR_BELOW, _NEAR_ABOVE, _ABOVE, _BELOW = (
    "exact",
    "approx",
    "near_below",
    "near_above",
    "above",
    "below",
)

# Qualifiers kept in ``hedge`` because they change what the figure means ("another 3,500" is an
# increment, not a total) or the interval it allows.
_HEDGES: dict[str, str] = {
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
        _ABOVE,
    ),
    **dict.fromkeys(
        (
            "up to|as many as|as much as|at most|no more than|not more than|fewer than"
            "|less than|under|below|well under|well below|a maximum of|<|<=|≤"
        ).split("|"),
        _BELOW,
    ),
    **dict.fromkeys(["another", "a further", "an additional", "an extra"], _EXACT),
}
# Emphasis that leaves the figure exact and is not worth keeping ("only 12 people").
_SILENT_HEDGES = ("just", "only", "exactly", "precisely", "a total of", "all")
_SYMBOL_HEDGES = ("~", ">=", "<=", ">", "<", "≥", "≤")


def _phrase_pattern(phrases: list[str]) -> str:
    # Longest first so "just over" wins over "just" and "more than" over "more".
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_WORD_HEDGES = [h for h in [*_HEDGES, *_SILENT_HEDGES] if h not in _SYMBOL_HEDGES]
# "from" is read only where no range follows ("from $999", not "from 10 to 20").
_WORD_HEDGES = [h for h in _WORD_HEDGES if h not in ("+", "or more", "or so", "plus", "from")]
_HEDGE_AT = re.compile(
    rf"(?:({_phrase_pattern(_WORD_HEDGES)})\s+|({_phrase_pattern(list(_SYMBOL_HEDGES))})\s*)"
)
_SUFFIX_HEDGE_AT = re.compile(r"\s*(?:(\+)|\s(or\s+more|or\s+so|plus)(?![a-z]))")


def hedge_class(q: QuantityValue) -> str:
    """The direction a hedge moves the truth away from the figure: "exact", "approx", "above"
    or "below" ("nearly" and "up to" both say at most; "another" is exact)."""
    kind = _HEDGES.get(q.hedge or "", _EXACT)
    if kind == _NEAR_BELOW:
        return _BELOW
    if kind == _NEAR_ABOVE:
        return _ABOVE
    return kind


def _bounds(kind: str, lo: Decimal, hi: Decimal) -> tuple[float | None, float | None]:
    # Writers round hedged figures, so "about 14,000" stands for anything within about 10%.
    # Decimal arithmetic keeps 1.1 x 14,000 at 15,400 rather than 15,400.000000000002.
    if kind == _APPROX:
        return float(lo * _LOWER), float(hi * _UPPER)
    if kind == _NEAR_BELOW:
        return float(lo * _LOWER), float(hi)
    if kind == _NEAR_ABOVE:
        return float(lo), float(hi * _UPPER)
    if kind == _ABOVE:
        return float(lo), None
    if kind == _BELOW:
        # Quantities in the news are not negative, so "up to X" starts at zero.
        return 0.0, float(hi)
    return float(lo), float(hi)


_LOWER, _UPPER = Decimal("0.9"), Decimal("1.1")


# --------------------------------------------------------------------------------------------
# Units: (pattern, unit, dimension). Tried in order, so longer spellings come first.
# --------------------------------------------------------------------------------------------

_METRE = r"met(?:re|er)s?"
_KILOMETRE = rf"kilo{_METRE}"
_SQUARE = r"(?:square|sq\.?)[\s-]*"
# Words after "m" that make it metres rather than the British "m" for million ("11m people").
_DIMENSION_WORD = (
    r"(?:high|tall|long|deep|wide|away|above|below|thick|across|underground|underwater"
    r"|in\s+(?:height|length|depth|diameter|width))(?![a-z])"
)
_METRES_AFTER = rf"(?=$|[-,.;:)]|\s+{_DIMENSION_WORD})"

_UNITS: list[tuple[str, str, str]] = [
    # area
    (rf"{_SQUARE}{_KILOMETRE}|{_SQUARE}kms?|km2|kilometres?\s+squared", "km2", "area"),
    (rf"{_SQUARE}miles?|{_SQUARE}mi", "sq mi", "area"),
    (rf"{_SQUARE}{_METRE}|{_SQUARE}m|m2", "m2", "area"),
    (rf"{_SQUARE}(?:feet|foot|ft)", "sq ft", "area"),
    (r"hectares?|ha", "hectares", "area"),
    (r"acres?", "acres", "area"),
    # speed (before length: "km/h" starts like "km")
    (rf"km/h|kmh|kph|kmph|km\s+per\s+hour|{_KILOMETRE}\s+(?:per|an)\s+hour", "km/h", "speed"),
    (r"mph|miles\s+(?:per|an)\s+hour", "mph", "speed"),
    (r"knots?", "knots", "speed"),
    (r"m/s|metres\s+per\s+second|meters\s+per\s+second", "m/s", "speed"),
    # energy before power: "kilowatt-hours" starts like "kilowatt"
    (r"kwh|kilowatt[\s-]hours?", "kWh", "energy"),
    (r"mwh|megawatt[\s-]hours?", "MWh", "energy"),
    (r"gwh|gigawatt[\s-]hours?", "GWh", "energy"),
    (r"twh|terawatt[\s-]hours?", "TWh", "energy"),
    (r"kw|kilowatts?", "kW", "power"),
    (r"mw|megawatts?", "MW", "power"),
    (r"gw|gigawatts?", "GW", "power"),
    # volume
    (rf"cubic\s+{_KILOMETRE}|km3", "km3", "volume"),
    (rf"cubic[\s-]+{_METRE}|m3", "m3", "volume"),
    (r"lit(?:re|er)s?", "l", "volume"),
    (r"barrels?|bbl", "bbl", "volume"),
    (r"gallons?", "gal", "volume"),
    # length
    (r"nautical\s+miles?", "nmi", "length"),
    (rf"{_KILOMETRE}|kms?", "km", "length"),
    (r"miles?|mi", "mi", "length"),
    (rf"centi{_METRE}|cm", "cm", "length"),
    (rf"milli{_METRE}|mm", "mm", "length"),
    (rf"{_METRE}|m{_METRES_AFTER}", "m", "length"),
    (r"feet|foot|ft", "ft", "length"),
    (r"yards?|yds?", "yd", "length"),
    (r"inch(?:es)?", "in", "length"),
    # mass
    (r"kilo(?:gram|gramme)s?|kilos?|kgs?", "kg", "mass"),
    (r"(?:metric\s+)?(?:tonnes?|tons?)|t(?=$|[,.;:)])", "t", "mass"),
    (r"(?:gram|gramme)s?", "g", "mass"),
    (r"lbs?", "lb", "mass"),
    (r"ounces?|oz", "oz", "mass"),
    # temperature
    (r"°\s?c|degrees?\s+(?:celsius|centigrade|c)", "C", "temperature"),
    (r"°\s?f|degrees?\s+(?:fahrenheit|f)", "F", "temperature"),
    # age before duration: "a 25-year-old man" is an age, "25 years" a span of time
    (r"years?[\s-]+olds?", "years", "age"),
    (r"months?[\s-]+olds?", "months", "age"),
    (r"weeks?[\s-]+olds?", "weeks", "age"),
    (r"days?[\s-]+olds?", "days", "age"),
    # duration
    (r"seconds?|secs?", "s", "duration"),
    (r"minutes?|mins?", "min", "duration"),
    (r"hours?|hrs?", "h", "duration"),
    (r"days?", "days", "duration"),
    (r"weeks?", "weeks", "duration"),
    (r"months?", "months", "duration"),
    (r"years?", "years", "duration"),
    (r"decades?", "decades", "duration"),
    # ratios and multipliers
    (r"percentage\s+points?|pp|ppts?", "pp", "percentage points"),
    (r"%|per\s?cent|percent|pc", "percent", "ratio"),
    (r"times|-?fold", "times", "multiplier"),
    (r"magnitude|on\s+the\s+richter\s+scale", "magnitude", "magnitude"),
    # money written after the figure
    (r"(?:us\s+)?dollars?|usd", "USD", "money:USD"),
    (r"euros?|eur", "EUR", "money:EUR"),
    (r"pounds?(?:\s+sterling)?|sterling|gbp", "GBP", "money:GBP"),
    (r"yen|jpy", "JPY", "money:JPY"),
    (r"yuan|renminbi|cny|rmb", "CNY", "money:CNY"),
    (r"rupees?|inr", "INR", "money:INR"),
    (r"r(?:o|ou)bles?|rub", "RUB", "money:RUB"),
]
_UNIT_AT = [
    (re.compile(rf"[\s-]{{0,2}}(?:{pattern})(?![a-z0-9])"), unit, dimension)
    for pattern, unit, dimension in _UNITS
]
# Units written straight after the digits only ("40C", "5x"): spaced, they are ordinary words.
_ATTACHED_UNIT_AT = [
    (re.compile(r"c(?![a-z0-9])"), "C", "temperature"),
    (re.compile(r"f(?![a-z0-9])"), "F", "temperature"),
    (re.compile(r"x(?![a-z0-9])"), "times", "multiplier"),
]

# Factor (and offset, for temperatures) to the base unit of each dimension.
_TO_BASE: dict[str, tuple[float, float]] = {
    "km": (1.0, 0.0),
    "mi": (1.609344, 0.0),
    "nmi": (1.852, 0.0),
    "m": (0.001, 0.0),
    "cm": (1e-5, 0.0),
    "mm": (1e-6, 0.0),
    "ft": (0.0003048, 0.0),
    "yd": (0.0009144, 0.0),
    "in": (2.54e-5, 0.0),
    "km2": (1.0, 0.0),
    "sq mi": (2.589988, 0.0),
    "m2": (1e-6, 0.0),
    "sq ft": (9.290304e-8, 0.0),
    "hectares": (0.01, 0.0),
    "acres": (0.0040468564224, 0.0),
    "kg": (1.0, 0.0),
    "t": (1000.0, 0.0),
    "g": (0.001, 0.0),
    "lb": (0.45359237, 0.0),
    "oz": (0.028349523125, 0.0),
    "l": (1.0, 0.0),
    "m3": (1000.0, 0.0),
    "km3": (1e12, 0.0),
    "bbl": (158.987294928, 0.0),
    "gal": (3.785411784, 0.0),
    "km/h": (1.0, 0.0),
    "mph": (1.609344, 0.0),
    "knots": (1.852, 0.0),
    "m/s": (3.6, 0.0),
    "kW": (0.001, 0.0),
    "MW": (1.0, 0.0),
    "GW": (1000.0, 0.0),
    "kWh": (0.001, 0.0),
    "MWh": (1.0, 0.0),
    "GWh": (1000.0, 0.0),
    "TWh": (1e6, 0.0),
    "C": (1.0, 0.0),
    "F": (5 / 9, -32 * 5 / 9),
    # durations in days, ages in years (calendar averages: good enough to compare reports)
    "s": (1 / 86400, 0.0),
    "min": (1 / 1440, 0.0),
    "h": (1 / 24, 0.0),
    "days": (1.0, 0.0),
    "weeks": (7.0, 0.0),
    "months": (30.436875, 0.0),
    "years": (365.2425, 0.0),
    "decades": (3652.425, 0.0),
}
_AGE_TO_YEARS = {"years": 1.0, "months": 1 / 12, "weeks": 7 / 365.2425, "days": 1 / 365.2425}

_CURRENCY_PREFIX_AT = re.compile(
    r"(us\s?\$|usd|a\$|au\$|c\$|ca\$|hk\$|nz\$|s\$|r\$|\$|€|eur|£|gbp|¥|jpy|₹|inr|rs\.?|rmb|cny"
    r"|₽|₩|chf)\s?(?=[\d.])"
)
_CURRENCY_CODES = {
    "us$": "USD", "us $": "USD", "usd": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR",
    "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR",
    "inr": "INR", "rs": "INR", "rs.": "INR", "rmb": "CNY", "cny": "CNY", "₽": "RUB",
    "₩": "KRW", "chf": "CHF",
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_DIGITS_AT = re.compile(
    # "10,000", "10 000" (a folded narrow no-break space), "1.2", ".5"
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d,])|\d+)(?:\.\d+)?(?![\d,]\d)"
    r"|\.\d+"
)
_SCALES = {
    "thousand": 10**3, "k": 10**3, "lakh": 10**5, "million": 10**6, "mn": 10**6,
    "mln": 10**6, "m": 10**6, "crore": 10**7, "billion": 10**9, "bn": 10**9, "bln": 10**9,
    "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
_SCALE_AT = re.compile(
    # "€110-billion", "$2.6-million": a scale word hyphenated onto the digits.
    r"(\s?|-(?=thousand|million|billion|trillion))"
    r"(thousand|million|billion|trillion|lakh|crore|bn|bln|mln|mn|tn|k|m)(?![a-z0-9])"
)
_PERCENT_AT = re.compile(r"\s?(?:%|(?:per\s?cent|percent|pc)(?![a-z]))")
_ORDINAL_AT = re.compile(r"(?:st|nd|rd|th)(?![a-z])")
_WORD_AT = re.compile(r"([\s-]+)?([a-z]+)")
_UNITS_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n < 20 and w != "dozen"}
_TENS_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 20 <= n < 100}
_BIG_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_HALF_AT = re.compile(r"half\s+an?\s+(dozen|hundred|thousand|million|billion)(?![a-z])")

# Vague plurals: the interval each allows. Ten thousand is "tens of thousands", not "thousands".
_VAGUE: dict[str, tuple[int, int]] = {
    # Writers stretch these: "hundreds" is said of 1,500 and "thousands" of 14,000, so each
    # reaches up to where the next plural ("thousands", "tens of thousands") would be the
    # natural word several times over. A wide interval says less, which is the point.
    "dozens": (24, 199),
    "scores": (40, 199),
    "tens": (20, 99),
    "hundreds": (200, 2_999),
    "thousands": (2_000, 29_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
_VAGUE_AT = re.compile(
    r"((?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands"
    r"|millions|billions)(?![a-z])"
    # "several hundred", "a few thousand": like "hundreds", "thousands"
    r"|(several|a\s+few|a\s+couple\s+of)\s+(dozen|hundred|thousand|million|billion)(?![a-z])"
)
_FOLD_WORD_AT = re.compile(
    "(" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "dozen")) + r")fold(?![a-z])"
)
_FEW_UNIT = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}

_RANGE_SEP_AT = re.compile(r"\s*-\s*|\s*(?:-\s*)?\s(?:to|or)\s(?:\s*-)?\s*")
_BETWEEN_AT = re.compile(r"(?:between|from)\s+")
_AND_AT = re.compile(r"\s*(?:and|to|-)\s*")
_ARTICLE_AT = re.compile(
    r"(?:the|a|an)\s+(?=[\d.$€£¥₹₽₩]|magnitude|(?:us|a|c|hk|nz)\$|[a-z]+fold(?![a-z]))"
)
_MAGNITUDE_AT = re.compile(r"(?:a\s+)?magnitude(?:\s+of)?[\s-]*(?=\d)|m(?=\d+\.\d)")
_SPACE_RUN = re.compile(r"\s+")


@dataclass(slots=True)
class _Number:
    value: Decimal
    end: int
    currency: str | None = None
    percent: bool = False
    scale: int = 1


def _read_digits(s: str, pos: int, currency: str | None) -> _Number | None:
    match = _DIGITS_AT.match(s, pos)
    if match is None:
        return None
    if _ORDINAL_AT.match(s, match.end()):
        return None
    try:
        value = Decimal(match.group().replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
    number = _Number(value, match.end(), currency)
    scale = _SCALE_AT.match(s, number.end)
    if scale is not None and _scale_applies(s, scale, currency):
        number.scale = _SCALES[scale.group(2)]
        number.value *= number.scale
        number.end = scale.end()
    percent = _PERCENT_AT.match(s, number.end)
    if percent is not None:
        number.percent = True
        number.end = percent.end()
    return number


def _scale_applies(s: str, scale: re.Match[str], currency: str | None) -> bool:
    word = scale.group(2)
    if word in ("tn", "k"):
        # Without a currency "tn" is as likely tonnes; "k" is always a thousand but only attached.
        return currency is not None or (word == "k" and not scale.group(1))
    if word != "m" or currency is not None:
        return True
    # "11m people" is the British million, "a 300m-high tower" or "300m" alone are metres.
    rest = s[scale.end() :]
    return (
        not scale.group(1)
        and re.match(rf"\s+(?!{_DIMENSION_WORD})[a-z]", rest) is not None
        and re.match(r"\s+(?:of|from)(?![a-z])", rest) is None
    )


def _read_words(s: str, pos: int) -> _Number | None:
    """A number in words: "nine", "twenty-five", "two hundred and fifty", "a dozen",
    "one million", "half a million". ``None`` unless it consumes at least one number word."""
    half = _HALF_AT.match(s, pos)
    if half is not None:
        unit = 12 if half.group(1) == "dozen" else 100 if half.group(1) == "hundred" else 0
        unit = unit or _BIG_WORDS[half.group(1)]
        return _Number(Decimal(unit) / 2, half.end())
    total = 0
    current = 0
    scale = 1  # the last scale word, so "two to three thousand" can scale the two
    last = ""  # kind of the previous word, to refuse "five six" as one number
    end = pos
    cursor = pos
    while True:
        match = _WORD_AT.match(s, cursor)
        if match is None or (match.group(1) is None and cursor != pos):
            break
        if match.group(1) and cursor == pos:
            break
        word = match.group(2)
        following = _WORD_AT.match(s, match.end())
        next_word = following.group(2) if following else ""
        if word in ("a", "an") and not last:
            if next_word not in ("hundred", "dozen", *_BIG_WORDS):
                break
            current, last = 1, "a"
        elif word in _UNITS_WORDS and last in ("", "tens", "hundred", "big", "and"):
            current += _UNITS_WORDS[word]
            last = "unit"
        elif word in _TENS_WORDS and last in ("", "hundred", "big", "and"):
            current += _TENS_WORDS[word]
            last = "tens"
        elif word == "hundred" and last in ("a", "unit", "tens"):
            current = (current or 1) * 100
            last = "hundred"
        elif word == "dozen" and last in ("a", "unit", "tens"):
            current = (current or 1) * 12
            last = "dozen"
        elif word in _BIG_WORDS and last in ("a", "unit", "tens", "hundred", "dozen"):
            total += (current or 1) * _BIG_WORDS[word]
            current = 0
            last = "big"
            scale = _BIG_WORDS[word]
        elif (
            word == "and"
            and last in ("hundred", "big")
            and (next_word in _UNITS_WORDS or next_word in _TENS_WORDS)
        ):
            last = "and"
        else:
            break
        cursor = match.end()
        if last not in ("a", "and"):
            end = cursor
    if end == pos:
        return None
    return _Number(Decimal(total + current), end, scale=scale if current == 0 else 1)


def _read_number(s: str, pos: int, currency_hint: str | None = None) -> _Number | None:
    """Digits (with a currency sign, scale word and percent sign) or a number in words.
    ``currency_hint`` is the currency of a range's first end: "$10-15m" is money throughout."""
    currency_match = _CURRENCY_PREFIX_AT.match(s, pos)
    currency = None
    if currency_match is not None:
        currency = _CURRENCY_CODES.get(currency_match.group(1).rstrip().replace(" ", ""))
        pos = currency_match.end()
    number = _read_digits(s, pos, currency or currency_hint)
    if number is not None:
        number.currency = currency or currency_hint
        return number
    if currency is None:
        return _read_words(s, pos)
    return None


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
    if not isinstance(text, str) or len(text) > _MAX_SPAN:
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
    return _SPACE_RUN.sub(" ", s).strip().strip(",;:").strip()


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
    kind = _EXACT
    hedge_match = _HEDGE_AT.match(s, pos)
    if hedge_match is not None:
        phrase = _SPACE_RUN.sub(" ", hedge_match.group(1) or hedge_match.group(2))
        if phrase not in _SILENT_HEDGES:
            hedge = phrase
            kind = _HEDGES.get(phrase, _EXACT)
        pos = hedge_match.end()
    article = _ARTICLE_AT.match(s, pos)
    if article is not None:
        pos = article.end()
    unit: str | None = None
    dimension: str | None = None
    magnitude = _MAGNITUDE_AT.match(s, pos)
    if magnitude is not None:
        pos = magnitude.end()
        unit, dimension = "magnitude", "magnitude"

    figure: Decimal | None = None
    lo: Decimal
    hi: Decimal
    vague = _VAGUE_AT.match(s, pos) if unit is None else None
    first: _Number | None = None
    second: _Number | None = None
    fold_word = _FOLD_WORD_AT.match(s, pos) if unit is None else None
    if fold_word is not None:
        # "threefold" is one word, which the number reader cannot split.
        figure = lo = hi = Decimal(NUMBER_WORDS[fold_word.group(1)])
        unit, dimension, pos = "times", "multiplier", fold_word.end()
    elif vague is not None:
        if vague.group(1):
            low_int, high_int = _VAGUE[_SPACE_RUN.sub(" ", vague.group(1))]
        else:
            base = _FEW_UNIT[vague.group(3)]
            low_int, high_int = 2 * base, 10 * base - 1
        lo, hi = Decimal(low_int), Decimal(high_int)
        pos = vague.end()
        of = re.match(r"\s+of(?=\s)", s[pos:])
        if of is not None:
            pos += of.end()
    else:
        between = _BETWEEN_AT.match(s, pos)
        start = between.end() if between is not None else pos
        first = _read_number(s, start)
        if first is None:
            return None
        pos = first.end
        sep = (_AND_AT if between is not None else _RANGE_SEP_AT).match(s, pos)
        if sep is not None and sep.end() > pos:
            second = _read_number(s, sep.end(), first.currency)
        if second is None and between is not None and between.group().startswith("between"):
            return None
        if second is None and between is not None and hedge is None:
            # "models cost from $1199": a floor, not a price.
            hedge, kind = "from", _ABOVE
        if second is not None:
            _share_scale(first, second)
            pos = second.end
            lo, hi = sorted((first.value, second.value))
        else:
            figure = first.value
            lo = hi = first.value

    suffix = _SUFFIX_HEDGE_AT.match(s, pos)
    if suffix is not None and hedge is None:
        hedge = _SPACE_RUN.sub(" ", suffix.group(1) or suffix.group(2))
        kind = _HEDGES.get(hedge, _EXACT)
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
        suffix = _SUFFIX_HEDGE_AT.match(s, pos)
        if suffix is not None:
            hedge = _SPACE_RUN.sub(" ", suffix.group(1) or suffix.group(2))
            kind = _HEDGES.get(hedge, _EXACT)
            pos = suffix.end()

    low, high = _bounds(kind, lo, hi)
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


def _share_scale(first: _Number, second: _Number) -> None:
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
    for pattern, unit, dimension in _UNIT_AT:
        match = pattern.match(s, pos)
        if match is not None:
            return unit, dimension, match.end()
    if attached:
        for pattern, unit, dimension in _ATTACHED_UNIT_AT:
            match = pattern.match(s, pos)
            if match is not None:
                return unit, dimension, match.end()
    return None


def _counted(rest: str) -> str | None:
    rest = rest.strip(" -,.;:()")
    if rest.startswith("of "):
        rest = rest[3:].lstrip()
    rest = _SPACE_RUN.sub(" ", rest).strip(" -,.;:()")
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
        factor, offset = _AGE_TO_YEARS.get(q.unit, 1.0), 0.0
    else:
        factor, offset = _TO_BASE.get(q.unit, (1.0, 0.0))

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
    if not isinstance(text, str) or len(text) > _MAX_SPAN:
        return None
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    elif anchor is not None and not isinstance(anchor, date):
        anchor = None
    s = _SPACE_RUN.sub(" ", fold(text).lower()).strip(" ,.;:()")
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
    if anchor is None:
        if (match := _WEEKDAY_ONLY.fullmatch(s)) is not None and match["which"] is None:
            # Without a publication date a weekday names no calendar day, but two reports
            # that both say "on Friday" say the same thing; it can never contradict a date.
            name = match["weekday"]
            return DateValue(date.min, date.max, "weekday", name, True)
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
        words = _read_words(count_text, 0)
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
