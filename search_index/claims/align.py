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
from .values import DateValue, QuantityValue, compatible, hedge_class, same_value, to_base
from .vocabulary import SCOPE_NOUNS

STATUSES = ("agree", "compatible", "conflict", "only_a", "only_b")
# Concepts whose figures are running tolls: they rise between reports.
TOLLS = frozenset(
    {"killed", "injured", "missing", "evacuated", "arrested", "trapped", "damaged", "affected"}
)
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


# How sure a pairing is that two figures are about one thing (see ``frame_match``).
NO_MATCH, WEAK, STRONG = 0, 1, 2
# Slots whose name alone says what is measured ("a 6.1 magnitude", "10 km deep").
_SPECIFIC_SLOTS = frozenset({"magnitude", "depth"})


def frame_match(a: Claim, b: Claim) -> int:
    """``STRONG`` when the words bound to both figures say they count or measure the same
    thing in the same role for the same event; ``WEAK`` when nothing contradicts it but one
    side says too little (they may agree, never conflict); ``NO_MATCH`` otherwise."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.slot != fb.slot:
        return NO_MATCH
    if fa.event != fb.event or fa.event == "background:earlier":
        return NO_MATCH
    if fa.slot != "date" and fa.role and fb.role and not same_role(fa.role, fb.role):
        return NO_MATCH
    if (
        fa.slot != "date"
        and fa.counted != fb.counted
        and (
            (fa.counted and fb.counted)
            or fa.slot == "magnitude"  # an aftershock's is not the quake's
        )
    ):
        return NO_MATCH
    if fa.whose and fb.whose and fa.whose.split("|", 1)[0] != fb.whose.split("|", 1)[0]:
        return NO_MATCH
    if fa.actors and fb.actors and not set(fa.actors) & set(fb.actors):
        # "Williams was arrested early Sunday" and "Jackson, arrested Jan. 6": two people's
        # figures may agree by chance, never conflict.
        return min(_strength(a, b), WEAK)
    return _strength(a, b)


def _strength(a: Claim, b: Claim) -> int:
    fa, fb = a.frame, b.frame
    assert fa is not None and fb is not None
    if fa.slot == "date":
        events_a, events_b = set((fa.role or "").split()), set((fb.role or "").split())
        # Event words next to a date are a loose guide: disagreeing ones make the pair weak,
        # and a date of what someone said is not the date of what happened.
        shared = events_a & events_b - {"said"}
        same_grain = (
            a.date is not None and b.date is not None and (a.date.granularity == b.date.granularity)
        )
        return STRONG if shared and same_grain else WEAK
    same = bool(fa.role) and same_role(fa.role, fb.role)
    same_counted = bool(fa.counted) and fa.counted == fb.counted
    if fa.slot == "count":
        if not (fa.role or fa.counted) or not (fb.role or fb.counted):
            return NO_MATCH  # a bare number says nothing of what it counts
        if same:
            return STRONG
        # Without a role on both sides ("two firefighters" hurt vs "1,200 firefighters" at
        # work; "five villages" vs "seven villages were damaged") they may agree, not conflict.
        return WEAK if same_counted or same else NO_MATCH
    if fa.slot == "age":
        return STRONG if fa.whose and fb.whose else WEAK
    if fa.slot == "duration" and not same:
        return WEAK  # "four days" and "eight days" of an ongoing riot: told at two times
    if fa.slot in _SPECIFIC_SLOTS:
        return STRONG
    if fa.slot == "distance" and set(fa.scope) & set(fb.scope):
        return STRONG
    if same or same_counted:
        # A share or a sum belongs to someone: "won 12.4%" and "won 27.4%" are two parties'
        # unless the sentences name the same ones.
        if set(a.entities) ^ set(b.entities) and not set(a.entities) & set(b.entities):
            return WEAK
        return STRONG
    return WEAK


# Sentences this alike (rapidfuzz token-set ratio) that name a common place or party make a
# weakly framed pair as good as a strong one: "65% of traffic to India was down" and "60 per
# cent in India were disrupted" say what the figure is about between them.
RESTATED_SENTENCE = 0.6


def strongly_matched(a: Claim, b: Claim, sentence_similarity: float) -> bool:
    """Whether two claims are surely about one thing: a strong frame match, or a weak one
    (nothing contradicts, one side says less) in sentences that restate each other around a
    common name, and that say what the figure is about on at least one side."""
    match = frame_match(a, b)
    if match == STRONG:
        # Two sums of one deal differ by rounding or by what they include; sums more than
        # twice apart are two different sums ("deals worth $2.5 billion" and the $14 billion
        # bid), whatever the words around them.
        return not _far_apart_sums(a, b)
    if match == NO_MATCH or sentence_similarity < RESTATED_SENTENCE:
        return False
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.slot in ("date", "age", "duration", "money"):
        return False
    said = bool(fa.counted or fa.role or fb.counted or fb.role)
    if fa.slot == "count" and (fa.counted == "people" or fb.counted == "people"):
        return False  # "people" alone says too little
    return said and bool(set(a.entities) & set(b.entities))


# Roles that news copy uses for one happening ("cables were cut" / "were damaged").
_SAME_ROLES = (frozenset({"damaged", "cut"}), frozenset({"price", "offer"}))


def same_role(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or any(a in group and b in group for group in _SAME_ROLES)


def _far_apart_sums(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if a.frame is None or a.frame.slot != "money" or qa is None or qb is None:
        return False
    low_a, low_b = qa.low or 0.0, qb.low or 0.0
    if low_a <= 0 or low_b <= 0:
        return False
    return max(low_a, low_b) / min(low_a, low_b) > 2


def _same_named_thing(a: Claim, b: Claim) -> bool:
    fa, fb = a.frame, b.frame
    return fa is not None and fb is not None and bool(fa.counted) and fa.counted == fb.counted


def different_scope(a: Claim, b: Claim) -> bool:
    """Whether one figure counts a part of what the other counts, or another place."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return False
    if fa.part != fb.part:
        return True
    # "1,000 engineer troops" is a part of "11,000 troops"; "three undersea cables" and "3
    # underwater cables" are two descriptions of one thing.
    if bool(fa.kind) != bool(fb.kind):
        return True
    scope_a, scope_b = set(fa.scope), set(fb.scope)
    if scope_a and scope_b and not scope_a & scope_b:
        return True
    nouns_a = {s for s in scope_a if s in SCOPE_NOUNS}
    nouns_b = {s for s in scope_b if s in SCOPE_NOUNS}
    return nouns_a != nouns_b


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
    if match == WEAK and sentence < WEAK_SENTENCE and not (subject_a & subject_b) - GENERIC_NOUNS:
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
    score = (0.4 if match == STRONG else 0.2) + 0.3 * sentence + 0.15 * subject + 0.1 * entities
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
        if a.date.value == b.date.value or _same_weekday(a.date, b.date):
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


def _same_weekday(a: DateValue, b: DateValue) -> bool:
    """ "Tuesday" in a report without a date and "Tuesday" read as 7 August 2012 in another."""
    for weekday, day in ((a, b), (b, a)):
        if weekday.granularity == "weekday" and day.granularity == "day":
            return day.start.strftime("%A").lower() == weekday.value
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


def judge(a: Claim, b: Claim, article_a: Article, article_b: Article) -> tuple[str, str | None]:
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
            if status == "conflict" or (status == "compatible" and not _same_named_thing(a, b)):
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
        if (j := same.get((a.article_id, a.value_start))) is not None:
            found.add(j)
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


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _current_toll(claim: Claim, article: Article) -> bool:
    """A definite figure about the story's own event: not a vague "dozens", not a toll from
    another year ("killed more than 500 people in 2007")."""
    if claim.quantity is None or claim.quantity.figure is None:
        return False
    year = article.published.value.year if article.published else None
    return all(int(y) == year for y in _YEAR.findall(claim.sentence))


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
