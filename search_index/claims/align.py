"""Pairing the claims of two articles and judging each pair: the claim diff.

Claims are paired by what they are about (their subject's concepts, the sentence, shared
entities), never by a bare number; a pair's values then decide agree / compatible / conflict.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from ..models import Article
from .extract import Claim
from .frames import Frame
from .match import (
    NO_MATCH,
    STRONG,
    WEAK,
    different_scope,
    family_name,
    frame_match,
    same_named_thing,
    strongly_matched,
)
from .scope import INCLUSIVE
from .sentences import CONCEPT_OF
from .status import STATUSES, Status
from .values import QuantityValue, to_base
from .verdicts import judge, verdict

__all__ = [
    "NO_MATCH",
    "STATUSES",
    "STRONG",
    "WEAK",
    "Comparison",
    "Row",
    "align",
    "compare",
    "different_scope",
    "frame_match",
    "internal_conflicts",
    "pair_score",
    "verdict",
]

_KEY_CONCEPTS = frozenset(CONCEPT_OF.values())
GENERIC_NOUNS = frozenset({"troops", "people"})
EVENTS = _KEY_CONCEPTS - GENERIC_NOUNS
PAIR_THRESHOLD = 0.34


@dataclass(frozen=True, slots=True)
class Row:
    status: Status
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
        counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
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
    match = frame_match(a, b)
    if match == NO_MATCH:
        return 0.0
    sentence = (
        sentence_similarity
        if sentence_similarity is not None
        else fuzz.token_set_ratio(_processed(a.sentence), _processed(b.sentence)) / 100
    )
    subject_a, subject_b = set(a.subject), set(b.subject)
    if (
        match == WEAK
        and sentence < WEAK_SENTENCE
        and not _shared_words(a, b)
        and not _same_day(a, b)
    ):
        # Too little is known of what the figures count to pair them: neither their
        # sentences nor the words around them are alike. (A weak pair never conflicts.)
        return 0.0
    subject = len(subject_a & subject_b) / max(1, len(subject_a | subject_b))
    entities_a, entities_b = set(a.entities), set(b.entities)
    entities = (
        len(entities_a & entities_b) / len(entities_a | entities_b)
        if entities_a | entities_b
        else 0
    )
    # A running total and one event's figure ("14 rifles in five operations so far", "six
    # rifles were seized") are told apart, not paired first: a pair of the same scope wins.
    # So are a whole and a part of it ("$334 million" and "$281 million of the purchase price").
    same_scope = (
        a.frame is None
        or b.frame is None
        or (set(a.frame.scope) == set(b.frame.scope) and a.frame.part == b.frame.part)
    )
    strong = match == STRONG and same_scope
    score = (0.4 if strong else 0.2) + 0.3 * sentence + 0.15 * subject + 0.1 * entities
    # Among claims already about the same thing, prefer the one that agrees: it breaks ties
    # ("some 14,000 troops" over "more than 10,000 troops" for "about 14,000 troops"), it
    # never creates a pair on its own.
    if a.value == b.value:
        score += 0.12
    elif a.quantity is not None and b.quantity is not None:
        score += 0.05 * _closeness(a.quantity, b.quantity)
    return min(1.0, score)


# A weakly framed pair needs sentences this alike (rapidfuzz token-set ratio, 0-1).
WEAK_SENTENCE = 0.6


# Slots whose values recur in unrelated statements of one story: "seven years" of an offer,
# of a rival's contract and of a remark. Their name shared says nothing of what they are about.
# (A percentage or a distance in both, same value and the same story, is rarely a coincidence.)
_COMMON_SLOTS = frozenset({"duration", "ordinal"})


def _shared_words(a: Claim, b: Claim) -> set[str]:
    """The words around both figures that say what they are about, beyond what the figures
    already are: a duration's subject holds the word "duration", so "seven years" of a
    contract and "seven years" of a remark shared it and paired."""
    shared = (set(a.subject) & set(b.subject)) - GENERIC_NOUNS
    if a.frame is not None and a.frame.slot in _COMMON_SLOTS:
        shared.discard(a.frame.slot)
    if (
        a.frame is not None
        and b.frame is not None
        and a.frame.slot == b.frame.slot == "count"
        and a.frame.counted
        and a.frame.counted == b.frame.counted
        and a.frame.counted not in GENERIC_NOUNS
    ):
        # "51 knockouts" and "(51 KO)", "3 pirate ships" and "three boats": one counted thing
        # under two words, which the subjects' stems miss.
        shared.add(f"counted:{a.frame.counted}")
    if (
        a.frame is not None
        and b.frame is not None
        and a.frame.role
        and a.frame.role == b.frame.role
        and a.frame.slot == b.frame.slot == "count"
    ):
        # "two managers ... were wounded" and "the two wounded men": what happened to those
        # counted is said in both (as "injured" or "wounded"), which the subjects' stems miss.
        shared.add(f"role:{a.frame.role}")
    if a.frame is not None and b.frame is not None and a.frame.slot == b.frame.slot == "age":
        # "Anthony LaCalamita, 38," and "a 38-year-old Troy resident" said of LaCalamita: the
        # person named with both ages is what they share (names are kept out of subjects).
        shared |= _age_names(a.frame) & _age_names(b.frame)
        if (a.frame.whose is None) != (b.frame.whose is None) and a.value == b.value:
            # "Steinberg, 48," and "the other victims as a 47-year-old man and a 48-year-old
            # man": a named person's age and an age of nobody named, the same number of years
            # in two reports of one story. Weak still: an age of nobody never conflicts.
            shared.add(f"age:{a.value}")
    return shared


def _age_names(frame: Frame) -> set[str]:
    """The family names an age is bound to: its owner's, else the people named by it."""
    names = {family_name(frame.whose)} if frame.whose else set()
    return (names | set(frame.actors)) - {""}


def _same_day(a: Claim, b: Claim) -> bool:
    """Two dates of the story's own event naming one calendar day ("In a briefing Wednesday"
    and "On Wednesday afternoon", both 29 February): reports of one story name few days, and
    the same day named in both is rarely a coincidence. Weak still: never a conflict."""
    if a.date is None or b.date is None or a.frame is None or b.frame is None:
        return False
    if a.frame.background or b.frame.background:
        return False
    # Not a bare weekday of a report without a date: such a report may tell of last week's
    # Monday ("On Monday on the Seattle campus ..., a gunman killed") beside this Monday's.
    grains = {a.date.granularity, b.date.granularity}
    if grains == {"day"}:
        return a.date.value == b.date.value
    # "by December 31" in a report without a date: a day of the month is as specific.
    return grains <= {"day", "monthday"} and verdict(a, b) == "agree"


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


def align(claims_a: Sequence[Claim], claims_b: Sequence[Claim]) -> list[tuple[Claim, Claim, float]]:
    """Best pairs first, each claim used once; then every claim left over joins the claim of
    the other side its frame matches best, so a disagreeing figure is not left out because an
    agreeing one took its partner."""
    similarity = _SentenceSimilarity()
    scored: list[tuple[float, int, int]] = []
    for i, j in _candidates(claims_a, claims_b):
        a, b = claims_a[i], claims_b[j]
        score = pair_score(a, b, similarity(a, b))
        if score < PAIR_THRESHOLD:
            continue
        same = a.article_id == b.article_id and a.value_start == b.value_start
        if not same and not strongly_matched(a, b, similarity(a, b)):
            # Weak evidence never makes a conflict, and makes "compatible" only when both
            # sides name the same counted thing: say less.
            status = verdict(a, b)
            if status == "conflict" or (status == "compatible" and not same_named_thing(a, b)):
                continue
        scored.append((score, i, j))
    candidates = sorted(scored, key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[Claim, Claim, float]] = []
    for score, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((claims_a[i], claims_b[j], score))
    # Many-to-many within one frame: a leftover claim joins its best strong partner.
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for score, i, j in candidates:
        if frame_match(claims_a[i], claims_b[j]) != STRONG:
            continue
        if i not in used_a and i not in best_a:
            best_a[i] = (score, j)
        if j not in used_b and j not in best_b:
            best_b[j] = (score, i)
    extra = {(i, j): score for i, (score, j) in best_a.items()}
    extra.update({(i, j): score for j, (score, i) in best_b.items()})
    for (i, j), score in sorted(extra.items()):
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
        for word in _keys(b):
            by_word[(b.kind, word)].append(j)
    same = {(b.article_id, b.value_start): j for j, b in enumerate(claims_b)}
    for i, a in enumerate(claims_a):
        found: set[int] = set()
        if (itself := same.get((a.article_id, a.value_start))) is not None:
            found.add(itself)
        for word in _keys(a):
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


def _keys(claim: Claim) -> set[str]:
    """What a claim can be found by: its frame's slot, role and counted thing, and the
    specific words of its subject."""
    keys = set(claim.subject) - GENERIC_NOUNS
    frame = claim.frame
    if frame is not None:
        if frame.slot != "count":
            keys.add(f"slot:{frame.slot}")
        keys.update(f"role:{role}" for role in (frame.role or "").split())
        if frame.counted:
            keys.add(f"counted:{frame.counted}")
    return keys


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
    claims_a, claims_b = _reckoned(claims_a, claims_b), _reckoned(claims_b, claims_a)
    pairs = align(claims_a, claims_b)
    by_a: dict[int, list[tuple[Claim, float]]] = defaultdict(list)
    for a, b, score in pairs:
        by_a[id(a)].append((b, score))
    paired_b = {id(b) for _, b, _ in pairs}
    rows: list[Row] = []
    for claim in claims_a:
        matches = by_a.get(id(claim))
        if not matches:
            rows.append(Row("only_a", claim.topic, None, claim, None))
            continue
        for other, score in sorted(matches, key=lambda m: m[0].value_start):
            status, why = judge(claim, other, article_a, article_b)
            rows.append(Row(status, claim.topic or other.topic, why, claim, other, score))
    rows.extend(
        Row("only_b", claim.topic, None, None, claim)
        for claim in claims_b
        if id(claim) not in paired_b
    )
    internal_a = internal_conflicts(claims_a)
    internal_b = internal_a if claims_b is claims_a else internal_conflicts(claims_b)
    return Comparison(article_a, article_b, tuple(rows), internal_a, internal_b)


def _reckoned(claims: Sequence[Claim], other: Sequence[Claim]) -> Sequence[Claim]:
    """A sum the other report states too, and says what it includes ("Including EDS' net
    debt, HP values the acquisition at $13.9 billion"), is that reckoning here as well
    ("HP's forthcoming $13.9 billion acquisition"): it does not contradict the other's sum
    without the debt."""
    inclusive = {
        (c.value, c.unit)
        for c in other
        if c.frame is not None and c.frame.slot == "money" and INCLUSIVE in c.frame.scope
    }
    if not inclusive:
        return claims
    result = list(claims)
    for i, claim in enumerate(claims):
        frame = claim.frame
        if (
            frame is not None
            and frame.slot == "money"
            and INCLUSIVE not in frame.scope
            and (claim.value, claim.unit) in inclusive
        ):
            scope = tuple(sorted({*frame.scope, INCLUSIVE}))
            result[i] = replace(claim, frame=replace(frame, scope=scope))
    return result


def internal_conflicts(claims: Sequence[Claim]) -> tuple[Row, ...]:
    """Claims of one article about the same thing with values that cannot both hold: the
    same frame (what is counted, in which role, for the story's own event, over the same
    scope), in different sentences, neither telling of a figure that changed."""
    rows = []
    # Quadratic in the article's claims: a table of hundreds of figures is checked in part.
    claims = claims[:MAX_INTERNAL_CLAIMS]
    similarity = _SentenceSimilarity()
    # Claims of one sentence share it: each sentence is searched once.
    changed = {c.start: _CHANGED.search(c.sentence) is not None for c in claims}
    for i, a in enumerate(claims):
        if a.frame is None or a.frame.background or changed[a.start]:
            continue
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.value == b.value or a.start == b.start or a.kind != b.kind:
                continue
            if changed[b.start] or frame_match(a, b) != STRONG:
                continue
            if different_scope(a, b) or not _same_subject(a, b):
                continue
            alike = similarity(a, b)
            if alike < INTERNAL_SENTENCE:
                continue  # one article tells of many similar figures; only near-restatements
            score = pair_score(a, b, alike)
            if score >= INTERNAL_THRESHOLD and verdict(a, b) == "conflict":
                rows.append(Row("conflict", a.topic, None, a, b, score))
    return tuple(rows)


# Words that tell of a figure that changed: two values in one article are then both right.
_CHANGED = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|grew|up from|down from|revised|"
    r"initially|earlier|originally|first reported|had been|previously)\b",
    re.IGNORECASE,
)


INTERNAL_THRESHOLD = 0.5
# How alike two sentences of one article must be for their figures to contradict each other.
INTERNAL_SENTENCE = 0.5


def _same_subject(a: Claim, b: Claim) -> bool:
    """Within one article, a contradiction needs the same role, the same counted thing and
    the same people and names around both figures (a team's points are not a player's)."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or not fa.role or fa.role != fb.role:
        return False
    if any(c.date is not None and c.date.relative for c in (a, b)):
        return False  # "today" beside a full date: an update, not a contradiction
    if fa.counted != fb.counted or set(fa.actors) != set(fb.actors):
        return False
    return set(a.entities) == set(b.entities) or bool(set(a.entities) & set(b.entities))


MAX_INTERNAL_CLAIMS = 150
