"""Unit words and symbols, with the dimension each measures."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------
# Units: (pattern, unit, dimension). Tried in order, so longer spellings come first.
# --------------------------------------------------------------------------------------------

_METRE = r"met(?:re|er)s?"
_KILOMETRE = rf"kilo{_METRE}"
_SQUARE = r"(?:square|sq\.?)[\s-]*"
# Words after "m" that make it metres rather than the British "m" for million ("11m people").
DIMENSION_WORD = (
    r"(?:high|tall|long|deep|wide|away|above|below|thick|across|underground|underwater"
    r"|in\s+(?:height|length|depth|diameter|width))(?![a-z])"
)
_METRES_AFTER = rf"(?=$|[-,.;:)]|\s+{DIMENSION_WORD})"

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
UNIT_AT = [
    (re.compile(rf"[\s-]{{0,2}}(?:{pattern})(?![a-z0-9])"), unit, dimension)
    for pattern, unit, dimension in _UNITS
]
# Units written straight after the digits only ("40C", "5x"): spaced, they are ordinary words.
ATTACHED_UNIT_AT = [
    (re.compile(r"c(?![a-z0-9])"), "C", "temperature"),
    (re.compile(r"f(?![a-z0-9])"), "F", "temperature"),
    (re.compile(r"x(?![a-z0-9])"), "times", "multiplier"),
]

# Factor (and offset, for temperatures) to the base unit of each dimension.
TO_BASE: dict[str, tuple[float, float]] = {
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
AGE_TO_YEARS = {"years": 1.0, "months": 1 / 12, "weeks": 7 / 365.2425, "days": 1 / 365.2425}

CURRENCY_PREFIX_AT = re.compile(
    r"(us\s?\$|usd|a\$|au\$|c\$|ca\$|hk\$|nz\$|s\$|r\$|\$|€|eur|£|gbp|¥|jpy|₹|inr|rs\.?|rmb|cny"
    r"|₽|₩|chf)\s?(?=[\d.])"
)
CURRENCY_CODES = {
    "us$": "USD", "us $": "USD", "usd": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR",
    "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR",
    "inr": "INR", "rs": "INR", "rs.": "INR", "rmb": "CNY", "cny": "CNY", "₽": "RUB",
    "₩": "KRW", "chf": "CHF",
}  # fmt: skip
