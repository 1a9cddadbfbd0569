"""Reading numbers written in digits, words and scales ("11,000", "eleven thousand",
"$2.6-million")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...entities.lexicon import NUMBER_WORDS
from .units import CURRENCY_CODES, CURRENCY_PREFIX_AT, DIMENSION_WORD

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
    "trillion": 10**12, "tn": 10**12, "mm": 10**6,
}  # fmt: skip
_SCALE_AT = re.compile(
    # "€110-billion", "$2.6-million": a scale word hyphenated onto the digits.
    r"(\s?|-(?=thousand|million|billion|trillion))"
    r"(thousand|million|billion|trillion|lakh|crore|bn|bln|mln|mn|mm|tn|k|m)(?![a-z0-9])"
)
_PERCENT_AT = re.compile(r"\s?(?:%|(?:per\s?cent|percent|pc)(?![a-z]))")
_ORDINAL_AT = re.compile(r"(?:st|nd|rd|th)(?![a-z])")
_WORD_AT = re.compile(r"([\s-]+)?([a-z]+)")
_UNITS_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n < 20 and w != "dozen"}
_TENS_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 20 <= n < 100}
_BIG_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_HALF_AT = re.compile(r"half\s+an?\s+(dozen|hundred|thousand|million|billion)(?![a-z])")

# Vague plurals: the interval each allows. Ten thousand is "tens of thousands", not "thousands".
VAGUE: dict[str, tuple[int, int]] = {
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
VAGUE_AT = re.compile(
    r"((?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands"
    r"|millions|billions)(?![a-z])"
    # "several hundred", "a few thousand": like "hundreds", "thousands"
    r"|(several|a\s+few|a\s+couple\s+of)\s+(dozen|hundred|thousand|million|billion)(?![a-z])"
)
FOLD_WORD_AT = re.compile(
    "(" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "dozen")) + r")fold(?![a-z])"
)
FEW_UNIT = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}

RANGE_SEP_AT = re.compile(r"\s*-\s*|\s*(?:-\s*)?\s(?:to|or)\s(?:\s*-)?\s*")
BETWEEN_AT = re.compile(r"(?:between|from)\s+")
AND_AT = re.compile(r"\s*(?:and|to|-)\s*")
ARTICLE_AT = re.compile(
    r"(?:the|a|an)\s+(?=[\d.$€£¥₹₽₩]|magnitude|(?:us|a|c|hk|nz)\$|[a-z]+fold(?![a-z]))"
)
MAGNITUDE_AT = re.compile(r"(?:a\s+)?magnitude(?:\s+of)?[\s-]*(?=\d)|m(?=\d+\.\d)")
SPACE_RUN = re.compile(r"\s+")


@dataclass(slots=True)
class Number:
    value: Decimal
    end: int
    currency: str | None = None
    percent: bool = False
    scale: int = 1


def _read_digits(s: str, pos: int, currency: str | None) -> Number | None:
    match = _DIGITS_AT.match(s, pos)
    if match is None:
        return None
    if _ORDINAL_AT.match(s, match.end()):
        return None
    try:
        value = Decimal(match.group().replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
    number = Number(value, match.end(), currency)
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
    if word == "mm":
        # "$200MM" is the financial press's million; "5mm" without a currency, millimetres.
        return currency is not None
    if word in ("tn", "k"):
        # Without a currency "tn" is as likely tonnes; "k" is always a thousand but only attached.
        return currency is not None or (word == "k" and not scale.group(1))
    if word != "m" or currency is not None:
        return True
    # "11m people" is the British million, "a 300m-high tower" or "300m" alone are metres.
    rest = s[scale.end() :]
    return (
        not scale.group(1)
        and re.match(rf"\s+(?!{DIMENSION_WORD})[a-z]", rest) is not None
        and re.match(r"\s+(?:of|from)(?![a-z])", rest) is None
    )


def read_words(s: str, pos: int) -> Number | None:
    """A number in words: "nine", "twenty-five", "two hundred and fifty", "a dozen",
    "one million", "half a million". ``None`` unless it consumes at least one number word."""
    half = _HALF_AT.match(s, pos)
    if half is not None:
        unit = 12 if half.group(1) == "dozen" else 100 if half.group(1) == "hundred" else 0
        unit = unit or _BIG_WORDS[half.group(1)]
        return Number(Decimal(unit) / 2, half.end())
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
    return Number(Decimal(total + current), end, scale=scale if current == 0 else 1)


def read_number(s: str, pos: int, currency_hint: str | None = None) -> Number | None:
    """Digits (with a currency sign, scale word and percent sign) or a number in words.
    ``currency_hint`` is the currency of a range's first end: "$10-15m" is money throughout."""
    currency_match = CURRENCY_PREFIX_AT.match(s, pos)
    currency = None
    if currency_match is not None:
        currency = CURRENCY_CODES.get(currency_match.group(1).rstrip().replace(" ", ""))
        pos = currency_match.end()
    number = _read_digits(s, pos, currency or currency_hint)
    if number is not None:
        number.currency = currency or currency_hint
        return number
    if currency is None:
        return read_words(s, pos)
    return None
