"""Pairing the claims of two articles and judging each pair: the claim diff.

Claims are paired by what they are about (their subject's concepts, the sentence, shared
entities), never by a bare number; a pair's values then decide agree / compatible / conflict.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from ..entities.extract import name_key
from ..models import Article
from .extract import Claim
from .sentences import CONCEPT_OF
from .values import QuantityValue, compatible, hedge_class, same_value, to_base

STATUSES = ("agree", "compatible", "conflict", "only_a", "only_b")
# Concepts whose figures are running tolls: they rise between reports.
TOLLS = frozenset({"killed", "injured", "missing", "displaced", "arrested"})
_KEY_CONCEPTS = frozenset(CONCEPT_OF.values())
GENERIC_NOUNS = frozenset({"troops", "people"})
EVENTS = _KEY_CONCEPTS - GENERIC_NOUNS
PAIR_THRESHOLD = 0.34
# Two "more than X" estimates this far apart are different estimates, not one fact.
OPEN_ENDED_RATIO = 2.0


@dataclass(frozen=True, slots=True)
class Row:
    status: str
    topic: str
    reason: str | None
    a: Claim | None
    b: Claim | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Article
    b: Article
    rows: tuple[Row, ...]
    internal_a: tuple[Row, ...] = ()
    """Pairs of claims inside A that contradict each other."""
    internal_b: tuple[Row, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts


def pair_score(a: Claim, b: Claim, sentence_similarity: float | None = None) -> float:
    """How likely two claims are about the same thing (0-1); 0 when they cannot be.

    ``sentence_similarity`` (0-1) may be given when computed in bulk.
    """
    if a.kind != b.kind:
        return 0.0
    if a.article_id == b.article_id and a.value_start == b.value_start:
        return 1.0  # the same claim (an article compared with itself)
    if a.quantity is not None and b.quantity is not None and not _same_kind(a.quantity, b.quantity):
        return 0.0
    subject_a, subject_b = set(a.subject), set(b.subject)
    keys_a, keys_b = subject_a & _KEY_CONCEPTS, subject_b & _KEY_CONCEPTS
    if keys_a and keys_b and not keys_a & keys_b:
        return 0.0  # "troops sent" is never "soldiers killed"
    shared = subject_a & subject_b
    # A generic noun alone ("troops", "people") is not enough: the claims must share what
    # happened ("sent", "killed") or something more specific ("firefighters", "seats").
    if not shared - GENERIC_NOUNS:
        return 0.0
    if a.kind == "date" and not shared & EVENTS and len(shared) < 2:
        return 0.0  # a date needs what happened, or two shared words, to be about one event
    subject = len(shared) / len(subject_a | subject_b)
    key_bonus = 0.25 if keys_a & keys_b else 0.0
    sentence = (
        sentence_similarity
        if sentence_similarity is not None
        else fuzz.token_set_ratio(_processed(a.sentence), _processed(b.sentence)) / 100
    )
    entities_a, entities_b = set(a.entities), set(b.entities)
    entities = (
        len(entities_a & entities_b) / len(entities_a | entities_b)
        if entities_a | entities_b
        else 0
    )
    score = 0.45 * subject + key_bonus + 0.3 * sentence + 0.15 * entities
    # Among claims already about the same thing, prefer the one that agrees: it breaks ties
    # ("some 14,000 troops" over "more than 10,000 troops" for "about 14,000 troops"), it
    # never creates a pair on its own.
    if a.value == b.value:
        score += 0.12
    elif a.quantity is not None and b.quantity is not None:
        score += 0.05 * _closeness(a.quantity, b.quantity)
    return min(1.0, score)


def _closeness(a: QuantityValue, b: QuantityValue) -> float:
    """1 for figures of the same size, falling to 0 an order of magnitude apart."""
    _, low_a, _ = to_base(a)
    _, low_b, _ = to_base(b)
    if not low_a or not low_b or low_a <= 0 or low_b <= 0:
        return 0.0
    return max(0.0, 1.0 - abs(math.log10(low_a / low_b)))


@lru_cache(maxsize=65536)
def _processed(sentence: str) -> str:
    """A sentence normalised for rapidfuzz once, however many claims compare against it."""
    return default_process(sentence)


def _same_kind(a: QuantityValue, b: QuantityValue) -> bool:
    return a.dimension == b.dimension


def verdict(a: Claim, b: Claim) -> str:
    """agree, compatible or conflict, from the two values alone."""
    if a.date is not None and b.date is not None:
        if a.date.value == b.date.value:
            return "agree"
        overlap = a.date.start <= b.date.end and b.date.start <= a.date.end
        return "compatible" if overlap else "conflict"
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return "agree" if a.value == b.value else "conflict"
    if same_value(qa, qb):
        return "agree"
    open_a, open_b = qa.high is None, qb.high is None
    if open_a and open_b:
        low_a, low_b = qa.low or 0, qb.low or 0
        ratio = max(low_a, low_b) / max(1e-9, min(low_a, low_b))
        return "conflict" if ratio >= OPEN_ENDED_RATIO else "compatible"
    if not open_a and not open_b and qa.figure is not None and qb.figure is not None:
        lo_a, hi_a = _rounded(qa)
        lo_b, hi_b = _rounded(qb)
        if not (lo_a < hi_b and lo_b < hi_a):
            return "conflict"
        # "16 km" and "ten miles" are one figure in two units, within the rounding of each.
        if qa.unit != qb.unit and hedge_class(qa) == hedge_class(qb) == "exact":
            return "agree"
        return "compatible"
    return "compatible" if compatible(qa, qb) else "conflict"


def _rounded(q: QuantityValue) -> tuple[float, float]:
    """The interval a figure stands for, in the dimension's base unit: a stated range itself,
    an approximate figure what it rounds ("about 14,000" is 13,500-14,500), an exact one the
    precision it is written to (only when converting units: "22 miles" is 35.4 +- 0.8 km)."""
    figure = q.figure or 0.0
    _, base_low, _ = to_base(q)
    scale = (base_low / q.low) if base_low is not None and q.low else 1.0
    if q.low is not None and q.high is not None and "-" in q.value.lstrip("-"):
        return q.low * scale, q.high * scale
    if hedge_class(q) == "exact":
        spread = _rounding_unit(figure) / 2 if scale != 1.0 else 1e-9
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
    if (
        set(a.subject) & set(b.subject) & TOLLS
        and article_a.published is not None
        and article_b.published is not None
        and article_a.published.value != article_b.published.value
    ):
        return "later_report"
    if a.attribution and b.attribution and name_key(a.attribution) != name_key(b.attribution):
        return "different_attribution"
    if (
        a.places
        and b.places
        and not set(a.places) & set(b.places)
        and (_SCOPE_WORDS.search(_near_value(a)) or _SCOPE_WORDS.search(_near_value(b)))
    ):
        return "different_scope"
    return None


_SCOPE_WORDS = re.compile(
    r"\b(?:district|province|region|county|municipality|city|town|village|state|nationwide|"
    r"country|across|whole|entire|overall|in total|alone)\b",
    re.IGNORECASE,
)


def _near_value(claim: Claim) -> str:
    """The words right around a claim's value, where its scope is stated."""
    start = max(0, claim.value_start - claim.start - 40)
    end = claim.value_end - claim.start + 40
    return claim.sentence[start:end]


def align(claims_a: Sequence[Claim], claims_b: Sequence[Claim]) -> list[tuple[Claim, Claim, float]]:
    """Best pairs first, each claim used once."""
    similarity = _SentenceSimilarity()
    candidates = sorted(
        (
            (score, i, j)
            for i, j in _candidates(claims_a, claims_b)
            if (score := pair_score(claims_a[i], claims_b[j], similarity(claims_a[i], claims_b[j])))
            >= PAIR_THRESHOLD
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[Claim, Claim, float]] = []
    for score, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((claims_a[i], claims_b[j], score))
    return pairs


# How many claims of the other article sharing one subject word are scored against a claim.
# News articles stay far below it; a table of thousands of figures on one subject (or an
# article of 10,000 numbers) would otherwise score every pair: minutes, not milliseconds.
MAX_PER_WORD = 64


def _candidates(claims_a: Sequence[Claim], claims_b: Sequence[Claim]) -> Iterator[tuple[int, int]]:
    """The pairs ``pair_score`` can score above 0: the same claim, or claims of one kind that
    share a subject word that is not generic. Found through an index of B's subject words
    instead of trying every pair."""
    by_word: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, b in enumerate(claims_b):
        for word in set(b.subject) - GENERIC_NOUNS:
            by_word[(b.kind, word)].append(j)
    same = {(b.article_id, b.value_start): j for j, b in enumerate(claims_b)}
    for i, a in enumerate(claims_a):
        found: set[int] = set()
        if (j := same.get((a.article_id, a.value_start))) is not None:
            found.add(j)
        for word in set(a.subject) - GENERIC_NOUNS:
            postings = by_word.get((a.kind, word), [])
            if len(postings) > MAX_PER_WORD:
                # The ones at about the same place in the other article (claims come in
                # article order): reports of one story tell it in much the same order.
                centre = len(postings) * i // max(1, len(claims_a))
                low = max(0, min(centre - MAX_PER_WORD // 2, len(postings) - MAX_PER_WORD))
                postings = postings[low : low + MAX_PER_WORD]
            found.update(postings)
        for j in sorted(found):
            yield i, j


class _SentenceSimilarity:
    """Sentence similarity of two claims (0-1), each distinct pair of sentences scored once
    (claims of one sentence share it) on text normalised once."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], float] = {}

    def __call__(self, a: Claim, b: Claim) -> float:
        key = (a.sentence, b.sentence)
        score = self._cache.get(key)
        if score is None:
            score = fuzz.token_set_ratio(_processed(a.sentence), _processed(b.sentence)) / 100
            self._cache[key] = score
        return score


def compare(
    article_a: Article,
    claims_a: Sequence[Claim],
    article_b: Article,
    claims_b: Sequence[Claim],
) -> Comparison:
    """The claim diff of two articles: paired rows in A's order, then what only B says."""
    pairs = align(claims_a, claims_b)
    by_a = {id(a): (b, score) for a, b, score in pairs}
    paired_b = {id(b) for _, b, _ in pairs}
    rows: list[Row] = []
    for claim in claims_a:
        match = by_a.get(id(claim))
        if match is None:
            rows.append(Row("only_a", claim.topic, None, claim, None))
            continue
        other, score = match
        status = verdict(claim, other)
        why = reason(claim, other, article_a, article_b) if status != "agree" else None
        if (
            status == "compatible"
            and why == "later_report"
            and _current_toll(claim, article_a)
            and _current_toll(other, article_b)
        ):
            # A running toll that changed between two reports is a different figure, even
            # when both are hedged ("at least two" then "nineteen").
            status = "conflict"
        rows.append(Row(status, claim.topic or other.topic, why, claim, other, score))
    rows.extend(
        Row("only_b", claim.topic, None, None, claim)
        for claim in claims_b
        if id(claim) not in paired_b
    )
    internal_a = internal_conflicts(claims_a)
    internal_b = internal_a if claims_b is claims_a else internal_conflicts(claims_b)
    return Comparison(article_a, article_b, tuple(rows), internal_a, internal_b)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _current_toll(claim: Claim, article: Article) -> bool:
    """A definite figure about the story's own event: not a vague "dozens", not a toll from
    another year ("killed more than 500 people in 2007")."""
    if claim.quantity is None or claim.quantity.figure is None:
        return False
    year = article.published.value.year if article.published else None
    return all(int(y) == year for y in _YEAR.findall(claim.sentence))


def internal_conflicts(claims: Sequence[Claim]) -> tuple[Row, ...]:
    """Claims of one article about the same thing with values that cannot both hold."""
    rows = []
    # Quadratic in the article's claims: a table of hundreds of figures is checked in part.
    claims = claims[:MAX_INTERNAL_CLAIMS]
    similarity = _SentenceSimilarity()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            shared = set(a.subject) & set(b.subject)
            if a.value == b.value or a.start == b.start or not shared & EVENTS or len(shared) < 3:
                continue
            score = pair_score(a, b, similarity(a, b))
            if score >= INTERNAL_THRESHOLD and verdict(a, b) == "conflict":
                rows.append(Row("conflict", a.topic, None, a, b, score))
    return tuple(rows)


INTERNAL_THRESHOLD = 0.5
MAX_INTERNAL_CLAIMS = 150
