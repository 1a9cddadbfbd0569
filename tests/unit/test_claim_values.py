"""Reading the values of quantity and date spans (search_index.claims.values)."""

import math
import random
from datetime import date, datetime

import pytest

from search_index.claims.values import (
    DateValue,
    QuantityValue,
    compatible,
    hedge_class,
    parse_date,
    parse_quantity,
    same_value,
    to_base,
)

ANCHOR = date(2026, 1, 26)  # a Monday

# text, low, high, figure, value, unit, dimension, hedge, counted
QUANTITIES = [
    ("more than 10,000 troops", 10000, None, 10000, "10000", None, None, "more than", "troops"),
    ("thousands", 2000, 29999, None, "2000-29999", None, None, None, None),
    ("two to three times life-size", 2, 3, None, "2-3", "times", "multiplier", None, "life-size"),
    (
        "roughly 1,000 engineer troops",
        900, 1100, 1000, "1000", None, None, "roughly", "engineer troops",
    ),
    (
        "about 15,000 combat troops",
        13500, 16500, 15000, "15000", None, None, "about", "combat troops",
    ),
    ("nine killed soldiers", 9, 9, 9, "9", None, None, None, "killed soldiers"),
    ("some 14,000 troops", 12600, 15400, 14000, "14000", None, None, "some", "troops"),
    ("over 6,000", 6000, None, 6000, "6000", None, None, "over", None),
    (
        "approximately 11,000 North Korean soldiers",
        9900, 12100, 11000, "11000", None, None, "approximately", "north korean soldiers",
    ),
    (
        "Upwards of 1,500 DPRK soldiers",
        1500, None, 1500, "1500", None, None, "upwards of", "dprk soldiers",
    ),
    ("another 3,500", 3500, 3500, 3500, "3500", None, None, "another", None),
    (
        "about 1.2 million active personnel",
        1080000, 1320000, 1200000, "1200000", None, None, "about", "active personnel",
    ),
    ("around one million", 900000, 1100000, 1000000, "1000000", None, None, "around", None),
    (
        "a further 600,000 reservists",
        600000, 600000, 600000, "600000", None, None, "a further", "reservists",
    ),
    ("10,000+ personnel", 10000, None, 10000, "10000", None, None, "+", "personnel"),
    ("$12 million", 12e6, 12e6, 12e6, "12000000", "USD", "money:USD", None, None),
    ("420 kilometres", 420, 420, 420, "420", "km", "length", None, None),
    ("16 km", 16, 16, 16, "16", "km", "length", None, None),
    ("ten miles", 10, 10, 10, "10", "mi", "length", None, None),
    ("a 300-square-kilometre lake", 300, 300, 300, "300", "km2", "area", None, "lake"),
    ("38%", 38, 38, 38, "38", "percent", "ratio", None, None),
    ("€6.4 billion", 6.4e9, 6.4e9, 6.4e9, "6400000000", "EUR", "money:EUR", None, None),
    ("magnitude 6.1", 6.1, 6.1, 6.1, "6.1", "magnitude", "magnitude", None, None),
    ("a dozen", 12, 12, 12, "12", None, None, None, None),
    ("Five people", 5, 5, 5, "5", None, None, None, "people"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "low", "high", "figure", "value", "unit", "dimension", "hedge", "counted"),
    QUANTITIES,
    ids=[case[0] for case in QUANTITIES],
)
def test_quantities_from_real_articles(
    text, low, high, figure, value, unit, dimension, hedge, counted
):
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.figure) == (
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None,
        pytest.approx(figure) if figure is not None else None,
    )
    assert (q.value, q.unit, q.dimension, q.hedge, q.counted) == (
        value,
        unit,
        dimension,
        hedge,
        counted,
    )


# Every hedge family turns the figure into the interval the text allows.
HEDGES = [
    ("1,000", 1000, 1000, "exact"),
    ("about 1,000", 900, 1100, "approx"),
    ("around 1,000", 900, 1100, "approx"),
    ("approximately 1,000", 900, 1100, "approx"),
    ("roughly 1,000", 900, 1100, "approx"),
    ("some 1,000", 900, 1100, "approx"),
    ("an estimated 1,000", 900, 1100, "approx"),
    ("estimated 1,000", 900, 1100, "approx"),
    ("close to 1,000", 900, 1100, "approx"),
    ("~1,000", 900, 1100, "approx"),
    ("1,000 or so", 900, 1100, "approx"),
    ("nearly 1,000", 900, 1000, "below"),
    ("almost 1,000", 900, 1000, "below"),
    ("just under 1,000", 900, 1000, "below"),
    ("just over 1,000", 1000, 1100, "above"),
    ("more than 1,000", 1000, None, "above"),
    ("over 1,000", 1000, None, "above"),
    ("upwards of 1,000", 1000, None, "above"),
    ("above 1,000", 1000, None, "above"),
    ("well over 1,000", 1000, None, "above"),
    ("in excess of 1,000", 1000, None, "above"),
    ("at least 1,000", 1000, None, "above"),
    ("1,000+", 1000, None, "above"),
    ("1,000 or more", 1000, None, "above"),
    ("up to 1,000", 0, 1000, "below"),
    ("as many as 1,000", 0, 1000, "below"),
    ("at most 1,000", 0, 1000, "below"),
    ("no more than 1,000", 0, 1000, "below"),
    ("fewer than 1,000", 0, 1000, "below"),
    ("less than 1,000", 0, 1000, "below"),
    ("under 1,000", 0, 1000, "below"),
    ("another 1,000", 1000, 1000, "exact"),
    ("a further 1,000", 1000, 1000, "exact"),
]


@pytest.mark.parametrize(("text", "low", "high", "direction"), HEDGES, ids=[h[0] for h in HEDGES])
def test_hedges_become_intervals(text, low, high, direction):
    q = parse_quantity(text)
    assert q is not None
    assert q.figure == 1000 and q.value == "1000"
    assert q.low == pytest.approx(low)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert hedge_class(q) == direction


def test_emphasis_words_leave_the_figure_exact_and_unhedged():
    for text in ("just 12", "only 12", "exactly 12", "a total of 12"):
        q = parse_quantity(text)
        assert q is not None and (q.low, q.high, q.hedge) == (12, 12, None), text


RANGES_AND_VAGUE = [
    ("two to three", 2, 3, "2-3"),
    ("10-15", 10, 15, "10-15"),
    ("between 10 and 15", 10, 15, "10-15"),
    ("252-287", 252, 287, "252-287"),
    ("2,000–3,000 people", 2000, 3000, "2000-3000"),
    ("one or two", 1, 2, "1-2"),
    ("2 to 3 million", 2e6, 3e6, "2000000-3000000"),
    ("between two and three thousand", 2000, 3000, "2000-3000"),
    ("500 to 1 million", 500, 1e6, "500-1000000"),
    # Wide on purpose: "hundreds" is written of 1,500 and "thousands" of 14,000.
    ("dozens", 24, 199, "24-199"),
    ("hundreds", 200, 2999, "200-2999"),
    ("thousands", 2000, 29999, "2000-29999"),
    ("tens of thousands", 20000, 99999, "20000-99999"),
    ("hundreds of thousands", 200000, 999999, "200000-999999"),
    ("millions", 2e6, 999999999, "2000000-999999999"),
    ("several hundred", 200, 999, "200-999"),
]


@pytest.mark.parametrize(("text", "low", "high", "value"), RANGES_AND_VAGUE)
def test_ranges_and_vague_plurals(text, low, high, value):
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.figure, q.value) == (low, high, None, value)


def test_vague_plural_keeps_what_it_counts():
    q = parse_quantity("tens of thousands of people")
    assert q is not None and q.counted == "people" and q.value == "20000-99999"


NUMBERS = [
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a million", 500000),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("ninety-nine", 99),
    ("two hundred", 200),
    ("a hundred", 100),
    ("one hundred and fifty", 150),
    ("a thousand", 1000),
    ("a hundred thousand", 100000),
    ("one million", 1e6),
    ("1.2 million", 1.2e6),
    ("10 000", 10000),
    ("0.5", 0.5),
    ("11m people", 11e6),
]


@pytest.mark.parametrize(("text", "figure"), NUMBERS)
def test_numbers_in_words_digits_and_scales(text, figure):
    q = parse_quantity(text)
    assert q is not None and q.figure == pytest.approx(figure) and q.unit is None


UNITS = [
    ("16 km", "km", "length"),
    ("16km", "km", "length"),
    ("420 kilometres", "km", "length"),
    ("420 kilometers", "km", "length"),
    ("a 16-kilometre road", "km", "length"),
    ("ten miles", "mi", "length"),
    ("1 mile", "mi", "length"),
    ("300 metres", "m", "length"),
    ("300m", "m", "length"),
    ("a 300m-high tower", "m", "length"),
    ("500 feet", "ft", "length"),
    ("500 ft", "ft", "length"),
    ("20 kg", "kg", "mass"),
    ("20 kilograms", "kg", "mass"),
    ("5 tonnes", "t", "mass"),
    ("5 tons", "t", "mass"),
    ("38 percent", "percent", "ratio"),
    ("38 per cent", "percent", "ratio"),
    ("38%", "percent", "ratio"),
    ("$5", "USD", "money:USD"),
    ("US$5", "USD", "money:USD"),
    ("5 dollars", "USD", "money:USD"),
    ("€5", "EUR", "money:EUR"),
    ("5 euros", "EUR", "money:EUR"),
    ("£5", "GBP", "money:GBP"),
    ("5 pounds", "GBP", "money:GBP"),
    ("¥500", "JPY", "money:JPY"),
    ("500 yen", "JPY", "money:JPY"),
    ("300 square kilometres", "km2", "area"),
    ("300 sq km", "km2", "area"),
    ("300 km2", "km2", "area"),
    ("300 km²", "km2", "area"),
    ("300 square miles", "sq mi", "area"),
    ("500 hectares", "hectares", "area"),
    ("500 acres", "acres", "area"),
    ("three times", "times", "multiplier"),
    ("threefold", "times", "multiplier"),
    ("a 6.1-magnitude quake", "magnitude", "magnitude"),
    ("120 km/h", "km/h", "speed"),
    ("75 mph", "mph", "speed"),
    ("40C", "C", "temperature"),
    ("a 25-year-old man", "years", "age"),
]


@pytest.mark.parametrize(("text", "unit", "dimension"), UNITS)
def test_units(text, unit, dimension):
    q = parse_quantity(text)
    assert q is not None and (q.unit, q.dimension) == (unit, dimension)


@pytest.mark.parametrize(
    ("text", "figure"),
    [("$12m", 12e6), ("€6.4bn", 6.4e9), ("£3.5 billion", 3.5e9), ("$10k", 1e4)],
)
def test_scale_abbreviations_after_a_currency(text, figure):
    q = parse_quantity(text)
    assert q is not None and q.figure == pytest.approx(figure) and q.dimension.startswith("money")


def test_counts_have_no_unit_and_keep_the_noun():
    q = parse_quantity("5 men")
    assert q is not None and (q.unit, q.dimension, q.counted) == (None, None, "men")
    q = parse_quantity("5 tons of aid")
    assert q is not None and (q.unit, q.counted) == ("t", "aid")


@pytest.mark.parametrize(
    "text", ["", "   ", "troops", "some", "over", "a", "3rd", "$", "between 10", "the", "x" * 400]
)
def test_text_that_is_not_a_quantity(text):
    assert parse_quantity(text) is None


def test_non_string_input_is_not_a_quantity():
    assert parse_quantity(None) is None  # type: ignore[arg-type]
    assert parse_date(None) is None  # type: ignore[arg-type]
    # An anchor that is not a date is ignored rather than trusted.
    assert parse_date("2024", "2026-01-26") is not None  # type: ignore[arg-type]
    assert parse_date("yesterday", "2026-01-26") is None  # type: ignore[arg-type]


# --- conversions and comparisons ---------------------------------------------------------


def Q(text: str) -> QuantityValue:
    q = parse_quantity(text)
    assert q is not None, text
    return q


BASES = [
    ("16 km", "length", 16),
    ("ten miles", "length", 16.09344),
    ("300 metres", "length", 0.3),
    ("500 hectares", "area", 5),
    ("2 square miles", "area", 5.179976),
    ("300 square kilometres", "area", 300),
    ("3 tonnes", "mass", 3000),
    ("20 kg", "mass", 20),
    ("$12 million", "money:USD", 12e6),
    ("38%", "ratio", 38),
    ("five people", None, 5),
]


@pytest.mark.parametrize(("text", "dimension", "base"), BASES)
def test_to_base(text, dimension, base):
    got_dimension, low, high = to_base(Q(text))
    assert got_dimension == dimension
    assert low == pytest.approx(base) and high == pytest.approx(base)


def test_to_base_keeps_open_bounds_open():
    assert to_base(Q("more than 10 miles")) == ("length", pytest.approx(16.09344), None)


# a, b, compatible, same_value
COMPARISONS = [
    ("16 km", "ten miles", True, False),  # 0.6% apart: conversion rounding, not the same figure
    ("16 km", "16 kilometres", True, True),
    ("300 square kilometres", "300 kilometres", False, False),
    ("500 hectares", "5 square kilometres", True, True),
    ("more than 10,000", "about 14,000", True, False),
    ("approximately 11,000", "about 14,000", False, False),
    # Both open-ended, so the intervals overlap; the caller may still call it a conflict.
    ("upwards of 1,500", "more than 6,000", True, False),
    ("11,000", "11,000", True, True),
    ("11,000", "11,200", False, False),
    ("about 11,000", "around 11,000", True, True),
    ("about 11,000", "11,000", True, False),
    ("more than 10,000", "at least 10,000", True, True),
    ("nearly 1,000", "up to 1,000", True, True),
    ("another 3,500", "3,500", True, True),
    ("$12 million", "€12 million", False, False),
    ("$12 million", "12 million dollars", True, True),
    ("38%", "38 per cent", True, True),
    ("thousands", "thousands", True, True),
    ("thousands", "about 1,200", False, False),
    ("two to three", "2-3", True, True),
    ("magnitude 6.1", "a 6.1-magnitude quake", True, True),
    ("magnitude 6.1", "magnitude 6.0", False, False),
    ("five people", "16 km", False, False),
]


@pytest.mark.parametrize(("a", "b", "is_compatible", "is_same"), COMPARISONS)
def test_compatible_and_same_value(a, b, is_compatible, is_same):
    qa, qb = Q(a), Q(b)
    assert compatible(qa, qb) is is_compatible
    assert compatible(qb, qa) is is_compatible
    assert same_value(qa, qb) is is_same
    assert same_value(qb, qa) is is_same


def test_same_value_implies_compatible_for_every_pair():
    values = [Q(a) for a, *_ in COMPARISONS] + [Q(b) for _, b, *_ in COMPARISONS]
    for qa in values:
        assert same_value(qa, qa) and compatible(qa, qa)
        for qb in values:
            if same_value(qa, qb):
                assert compatible(qa, qb)


# --- dates -------------------------------------------------------------------------------

ABSOLUTE_DATES = [
    ("Jan\u202f25, 2026", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("Jan 25, 2026", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("25 January 2026", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("2026-01-26", "day", "2026-01-26", date(2026, 1, 26), date(2026, 1, 26)),
    ("26 Jan. 2026", "day", "2026-01-26", date(2026, 1, 26), date(2026, 1, 26)),
    ("Dec 12, 2025", "day", "2025-12-12", date(2025, 12, 12), date(2025, 12, 12)),
    ("Sunday, January 25, 2026", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("October 2025", "month", "2025-10", date(2025, 10, 1), date(2025, 10, 31)),
    ("In January 2025", "month", "2025-01", date(2025, 1, 1), date(2025, 1, 31)),
    ("August 2025", "month", "2025-08", date(2025, 8, 1), date(2025, 8, 31)),
    ("February 2024", "month", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2024", "year", "2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("mid-2025", "year", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("late 2025", "year", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("the 2020s", "decade", "2020s", date(2020, 1, 1), date(2029, 12, 31)),
]


@pytest.mark.parametrize(
    ("text", "granularity", "value", "start", "end"),
    ABSOLUTE_DATES,
    ids=[d[0] for d in ABSOLUTE_DATES],
)
def test_absolute_dates_need_no_anchor(text, granularity, value, start, end):
    expected = DateValue(start, end, granularity, value, False)
    assert parse_date(text) == expected
    assert parse_date(text, ANCHOR) == expected


RELATIVE_DATES = [
    ("on Sunday", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("on Tuesday", "day", "2026-01-20", date(2026, 1, 20), date(2026, 1, 20)),
    ("Monday", "day", "2026-01-26", date(2026, 1, 26), date(2026, 1, 26)),  # on or before
    ("last Monday", "day", "2026-01-19", date(2026, 1, 19), date(2026, 1, 19)),
    ("Sunday night", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("In October", "month", "2025-10", date(2025, 10, 1), date(2025, 10, 31)),
    ("in October", "month", "2025-10", date(2025, 10, 1), date(2025, 10, 31)),
    ("in January", "month", "2026-01", date(2026, 1, 1), date(2026, 1, 31)),
    ("late October", "month", "2025-10", date(2025, 10, 1), date(2025, 10, 31)),
    ("earlier this month", "month", "2026-01", date(2026, 1, 1), date(2026, 1, 31)),
    ("this month", "month", "2026-01", date(2026, 1, 1), date(2026, 1, 31)),
    ("last month", "month", "2025-12", date(2025, 12, 1), date(2025, 12, 31)),
    ("this year", "year", "2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("earlier this year", "year", "2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("last year", "year", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("last week", "week", "2026-01-19", date(2026, 1, 19), date(2026, 1, 25)),
    ("this week", "week", "2026-01-26", date(2026, 1, 26), date(2026, 2, 1)),
    ("yesterday", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("today", "day", "2026-01-26", date(2026, 1, 26), date(2026, 1, 26)),
    ("three days ago", "day", "2026-01-23", date(2026, 1, 23), date(2026, 1, 23)),
    ("2 weeks ago", "week", "2026-01-12", date(2026, 1, 12), date(2026, 1, 18)),
    ("two months ago", "month", "2025-11", date(2025, 11, 1), date(2025, 11, 30)),
    ("a year ago", "year", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("on January 25", "day", "2026-01-25", date(2026, 1, 25), date(2026, 1, 25)),
    ("December 30", "day", "2025-12-30", date(2025, 12, 30), date(2025, 12, 30)),
]


@pytest.mark.parametrize(
    ("text", "granularity", "value", "start", "end"),
    RELATIVE_DATES,
    ids=[d[0] for d in RELATIVE_DATES],
)
def test_relative_dates_resolve_against_the_anchor(text, granularity, value, start, end):
    assert parse_date(text, ANCHOR) == DateValue(start, end, granularity, value, True)
    unanchored = parse_date(text)
    if unanchored is not None:
        # Without a publication date a weekday is only a name, and a day of a month ("on
        # January 25") names no year: they place nothing.
        assert unanchored.granularity in ("weekday", "monthday")
        assert (unanchored.start, unanchored.end) == (date.min, date.max)
        if unanchored.granularity == "weekday":
            assert unanchored.value in text.lower()
        else:
            assert unanchored.value == "--" + value[5:]


def test_two_unanchored_weekdays_agree_or_say_nothing():
    friday, saturday = parse_date("on Friday"), parse_date("Saturday")
    assert friday is not None and saturday is not None
    assert friday.value == "friday" and saturday.value == "saturday"
    # Overlapping intervals: never a conflict, whatever the two days.
    assert friday.start <= saturday.end and saturday.start <= friday.end
    assert parse_date("last Friday") is None  # needs a day to count back from


def test_a_datetime_anchor_counts_as_its_day():
    assert parse_date("yesterday", datetime(2026, 1, 26, 23, 59)) == parse_date("yesterday", ANCHOR)


@pytest.mark.parametrize(
    "text",
    ["Feb 30, 2026", "2026-13-01", "31 April 2025", "several days ago", "the past week", "x", ""],
)
def test_invalid_or_unreadable_dates(text):
    assert parse_date(text, ANCHOR) is None


@pytest.mark.parametrize("text", ["October 5,000", "October 12,500", "October 5.5", "May 1,500"])
def test_a_day_followed_by_digits_is_not_a_date(text):
    # The reader agrees with the date finder: "October 5,000" is a month and a figure.
    assert parse_date(text, ANCHOR) is None
    assert parse_date(text) is None


def test_a_month_before_a_figure_makes_a_month_claim_and_a_quantity_claim():
    from search_index.claims.extract import extract_claims
    from search_index.entities.extract import RuleExtractor
    from search_index.models import Article, PublishedDate

    article = Article(
        id="x",
        path="x.txt",
        title="Troops cross",
        outlet=None,
        published=PublishedDate(datetime(2026, 1, 26)),
        url=None,
        body="In October 5,000 soldiers crossed the border.",
        content_hash="0",
    )
    claims = extract_claims(article, RuleExtractor().extract(article.text))
    found = {(c.kind, c.value_text, c.value) for c in claims}
    assert ("date", "In October", "2025-10") in found
    assert ("quantity", "5,000 soldiers", "5000") in found
    assert not any(c.kind == "date" and "5" in c.value_text for c in claims)


def test_dates_at_the_ends_of_the_calendar():
    assert parse_date("yesterday", date(1, 1, 1)) is None
    assert parse_date("next year", date(9999, 12, 31)) is None
    assert parse_date("99999 days ago", ANCHOR) is None


# --- nothing raises on arbitrary input ----------------------------------------------------

_PIECES = (
    "about|more than|upwards of|1,000|10 000|1.2|$|€|£|¥|million|bn|m|km|-|to|or|between|and"
    "|thousands|tens of|of|a|dozen|half|two|twenty|-five|hundred|+|%|per cent|times|magnitude"
    "|square|kilometre|Jan|25|,|2026|October|on|Sunday|last|week|ago|days|mid-|the|2020s"
    "|\u202f|\u2011|²|.|1e309|0|x|C|°|sq|year-old|several|fold|another|a further|\x00|(|)|½"
).split("|")
_CHARS = "0123456789 ,.-+%$€£¥abcdefghijklmnopqrstuvwxyz\u202f\u00a0\u2013²"


def _generated(count: int) -> list[str]:
    rng = random.Random(20260126)
    out = ["9" * 299, "1," * 150, "a " * 150, "twenty-" * 40, "between " * 37]
    for i in range(count):
        if i % 2:
            joiner = rng.choice((" ", ""))
            out.append(joiner.join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8))))
        else:
            out.append("".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 40))))
    return out


def test_nothing_raises_on_generated_text():
    rng = random.Random(7)
    for text in _generated(600):
        q = parse_quantity(text)
        anchor = date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))
        for when in (parse_date(text), parse_date(text, anchor)):
            if when is not None:
                assert when.start <= when.end
                assert when.granularity in ("day", "week", "month", "year", "decade")
        if q is None:
            continue
        assert q.low is None or q.high is None or q.low <= q.high or math.isnan(q.low)
        to_base(q)
        assert compatible(q, q)
        assert same_value(q, q)
        assert hedge_class(q) in ("exact", "approx", "above", "below")
