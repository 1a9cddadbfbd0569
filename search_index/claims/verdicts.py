"""Judging a pair of claims already found to be about one thing: agree, compatible or
conflict, and why their values differ when the texts show it."""

from __future__ import annotations

import re

from ..entities.extract import name_key
from ..models import Article
from .extract import Claim
from .match import different_scope
from .status import Verdict
from .values import DateValue, QuantityValue, compatible, hedge_class, same_value, to_base

# Concepts whose figures are running tolls: they rise between reports.
TOLLS = frozenset(
    {"killed", "injured", "missing", "evacuated", "arrested", "trapped", "damaged", "affected"}
)
# Two "more than X" estimates this far apart are different estimates, not one fact.
OPEN_ENDED_RATIO = 2.0


def verdict(a: Claim, b: Claim) -> Verdict:
    """agree, compatible or conflict, from the two values alone."""
    if a.date is not None and b.date is not None:
        if a.date.value == b.date.value or _same_weekday(a.date, b.date):
            return "agree"
        overlap = a.date.start <= b.date.end and b.date.start <= a.date.end
        return "compatible" if overlap else "conflict"
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or "record" in (qa.dimension, qb.dimension):
        # A record ("58-3") is a pair of counts, read as written.
        return "agree" if a.value == b.value else "conflict"
    if same_value(qa, qb):
        return "agree"
    open_a, open_b = qa.high is None, qb.high is None
    if open_a and open_b:
        low_a, low_b = qa.low or 0, qb.low or 0
        ratio = max(low_a, low_b) / max(1e-9, min(low_a, low_b))
        return "conflict" if ratio >= OPEN_ENDED_RATIO else "compatible"
    bounded = hedge_class(qa) in ("exact", "approx") and hedge_class(qb) in ("exact", "approx")
    if bounded and qa.figure is not None and qb.figure is not None:
        # Rounding decides between figures stated as exact or approximate; "up to 70" and
        # "up to 80" are intervals from zero, which ``compatible`` reads below.
        lo_a, hi_a = _rounded(qa)
        lo_b, hi_b = _rounded(qb)
        if not (lo_a < hi_b and lo_b < hi_a):
            return "conflict"
        # "16 km" and "ten miles" are one figure in two units, within the rounding of each.
        if qa.unit != qb.unit and hedge_class(qa) == hedge_class(qb) == "exact":
            return "agree"
        return "compatible"
    return "compatible" if compatible(qa, qb) else "conflict"


def _same_weekday(a: DateValue, b: DateValue) -> bool:
    """ "Tuesday" in a report without a date and "Tuesday" read as 7 August 2012 in another;
    "December 31" without a year and 31 December 2008."""
    for weekday, day in ((a, b), (b, a)):
        if weekday.granularity == "weekday" and day.granularity == "day":
            return day.start.strftime("%A").lower() == weekday.value
        if weekday.granularity == "monthday" and day.granularity == "day":
            return day.start.strftime("--%m-%d") == weekday.value
    return False


def _rounded(q: QuantityValue) -> tuple[float, float]:
    """The interval a figure stands for, in the dimension's base unit: a stated range itself,
    an approximate figure what it rounds ("about 14,000" is 13,500-14,500), an exact one the
    precision it is written to when converting units ("22 miles" is 35.4 +- 0.8 km) or in
    the thousands and more ("$13 billion")."""
    figure = q.figure or 0.0
    _, base_low, _ = to_base(q)
    scale = (base_low / q.low) if base_low is not None and q.low else 1.0
    if q.low is not None and q.high is not None and "-" in q.value.lstrip("-"):
        return q.low * scale, q.high * scale
    if hedge_class(q) == "exact":
        # A round figure in the thousands or more is as precise as it is written ("$13
        # billion" for 13.2 billion); small counts in their own unit are exact.
        rounded = scale != 1.0 or abs(figure) >= 1000
        spread = _rounding_unit(figure) / 2 if rounded else 1e-9
    else:
        spread = _rounding_unit(figure) / 2
    return (figure - spread) * scale, (figure + spread) * scale


def _rounding_unit(figure: float) -> float:
    if figure <= 0 or figure != int(figure):
        return max(abs(figure) * 0.05, 1e-9)
    n = int(figure)
    unit = 1
    while n % 10 == 0 and n:
        n //= 10
        unit *= 10
    return float(max(unit, 1))


def reason(a: Claim, b: Claim, article_a: Article, article_b: Article) -> str | None:
    """Why two values differ, when the texts show it."""
    if different_scope(a, b):
        return "different_scope"
    if (
        a.kind == b.kind == "quantity"
        and _role(a) in TOLLS
        and _role(a) == _role(b)
        and _figures_differ(a, b)
        and article_a.published is not None
        and article_b.published is not None
        and article_a.published.value != article_b.published.value
    ):
        return "later_report"
    if a.attribution and b.attribution and name_key(a.attribution) != name_key(b.attribution):
        return "different_attribution"
    return None


def _role(claim: Claim) -> str | None:
    return claim.frame.role if claim.frame is not None else None


def _figures_differ(a: Claim, b: Claim) -> bool:
    """ "at least 3" and "3" give one figure; "at least 2" and "19" two."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return a.value != b.value
    low_a = qa.figure if qa.figure is not None else qa.low
    low_b = qb.figure if qb.figure is not None else qb.low
    return low_a != low_b


def judge(a: Claim, b: Claim, article_a: Article, article_b: Article) -> tuple[Verdict, str | None]:
    """The status and reason of a pair of claims already found to be about one thing."""
    status = verdict(a, b)
    if status == "agree":
        return status, None
    if status == "conflict" and (_loosely_vague(a, b) or _a_birthday_apart(a, b)):
        status = "compatible"
    why = reason(a, b, article_a, article_b)
    if why == "different_scope":
        # A part and its whole, or two places: both figures can be right.
        return "compatible", why
    if (
        status == "compatible"
        and why == "later_report"
        and _current_toll(a, article_a)
        and _current_toll(b, article_b)
    ):
        # A running toll that changed between two reports is a different figure, even
        # when both are hedged ("at least two" then "nineteen").
        status = "conflict"
    return status, why


_VAGUE_WORD = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions|several|a few)\b", re.I
)


def _loosely_vague(a: Claim, b: Claim) -> bool:
    """ "Dozens" against "more than 200": a vague word is read loosely, and only a figure
    more than twice beyond its range contradicts it."""
    for vague, other in ((a, b), (b, a)):
        qv, qo = vague.quantity, other.quantity
        if qv is None or qo is None or not _VAGUE_WORD.search(vague.value_text):
            continue
        low, high = qv.low or 0.0, qv.high
        other_low = qo.low or 0.0
        other_high = qo.high if qo.high is not None else other_low
        too_big = high is not None and other_low > 2 * high
        too_small = other_high < low / 2
        return not (too_big or too_small)
    return False


def _a_birthday_apart(a: Claim, b: Claim) -> bool:
    """Two ages a year apart: reports written either side of a birthday ("Jeffs, 54")."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.dimension != "age" or qb.dimension != "age":
        return False
    if qa.figure is None or qb.figure is None:
        return False
    return abs(qa.figure - qb.figure) <= 1


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _current_toll(claim: Claim, article: Article) -> bool:
    """A definite figure about the story's own event: not a vague "dozens", not a toll from
    another year ("killed more than 500 people in 2007")."""
    if claim.quantity is None or claim.quantity.figure is None:
        return False
    year = article.published.value.year if article.published else None
    return all(int(y) == year for y in _YEAR.findall(claim.sentence))
