"""Average-link agglomerative clustering over unit vectors, for a whole corpus at once.

Why average link: a one-pass "join the nearest centroid" lets a story grow by chaining, one
similar article at a time, until two earthquakes share a centroid; average link merges two
groups only when their articles are, on average, alike. With each group kept as the sum of its
members' unit vectors, the average of all cross pairs' cosines is one dot product:
``avg(A, B) = (ΣA · ΣB) / (|A| |B|)``, so nothing pairwise is ever stored.

Candidate pairs come from shared heavy terms (each article's top terms, see ``state``): groups
that share none never merge.

How alike is alike enough depends on how many article pairs the average is over
(``needed_average``): an average over many pairs is good evidence even when it is low, but one
pair of articles from the same week shares common words and a name or two by chance (a
football report and another team's coach, two Black Friday deal pages, a drug arrest and a
stabbing) and reaches the many-pair threshold without being one event. So the average must
reach ``evidence / sqrt(pairs)`` as well, the way a mean of n noisy values is trusted at about
1/sqrt(n) of one value's spread: two single articles join only when clearly alike, large
groups as before.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Group", "agglomerate", "common_limit", "needed_average"]

COHESION_CAP = 0.5
COMMON_SHARE = 0.005
COMMON_FLOOR = 30


def needed_average(threshold: float, evidence: float, pairs: int) -> float:
    """The average cosine two groups need to merge, ``pairs`` = the product of their sizes
    (see the module's docstring); ``evidence`` 0 leaves the plain threshold."""
    return max(threshold, evidence / math.sqrt(pairs)) if pairs > 0 else threshold


def common_limit(count: int) -> int:
    """How many articles (or stories) may share a heavy term before it stops finding candidates."""
    return max(COMMON_FLOOR, int(COMMON_SHARE * count))


@dataclass(slots=True)
class Group:
    members: list[str]
    total: dict[str, float]
    top: set[str]
    first: date | None
    last: date | None
    version: int = 0
    alive: bool = True
    neighbours: set[int] = field(default_factory=set)
    retained: float = 1.0
    """The sum of the members' retained shares (see ``agglomerate``)."""


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _span(a: date | None, b: date | None, pick: Callable[[date, date], date]) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return pick(a, b)


def agglomerate(
    items: Sequence[tuple[str, dict[str, float], list[str], date | None]],
    threshold: float,
    date_factor: Callable[[date | None, date | None, date | None, date | None], float],
    cohesion_ratio: float = 0.0,
    evidence: float = 0.0,
    retained: Mapping[str, float] | None = None,
    whole_evidence: float = 0.0,
) -> list[list[str]]:
    """Groups of item ids. ``items``: (id, unit vector, top terms, date), in a fixed order.
    ``evidence``: what one pair of single items must reach (``needed_average``).
    ``retained``: per item, the share of its whole vector's norm its (unit) vector was cut
    from; the average times the groups' mean shares is then the whole vectors' average, which
    must reach ``whole_evidence / sqrt(pairs)`` (exact for single items, near for groups)."""
    shares = retained or {}
    groups = [
        Group([doc_id], dict(vector), set(top), day, day, retained=shares.get(doc_id, 1.0))
        for doc_id, vector, top, day in items
    ]
    postings: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        for term in group.top:
            postings.setdefault(term, set()).add(index)
    # A term among the heaviest of very many articles (a template word of every flood report)
    # links them all and pins nothing down: it finds no candidates. Their names and numbers
    # still do. Without this the candidate pairs grow with the square of the corpus.
    limit = common_limit(len(groups))
    for term in [t for t, p in postings.items() if len(p) > limit]:
        del postings[term]

    def cohesion(group: Group) -> float:
        n = len(group.members)
        if n < 2:
            return 0.0
        # Capped: copies of one wire report are alike to the last word, and that must not make
        # every other report of the event look like a stranger to them.
        return min(COHESION_CAP, (_dot(group.total, group.total) - n) / (n * (n - 1)))

    def score(i: int, j: int) -> float:
        a, b = groups[i], groups[j]
        factor = date_factor(a.first, a.last, b.first, b.last)
        if factor <= 0:
            return 0.0
        pairs = len(a.members) * len(b.members)
        average = _dot(a.total, b.total) / pairs * factor
        if evidence and average < needed_average(threshold, evidence, pairs):
            return 0.0
        whole = average * (a.retained / len(a.members)) * (b.retained / len(b.members))
        if whole_evidence and whole < whole_evidence / math.sqrt(pairs):
            return 0.0
        # Two tight groups that are only loosely alike are two stories, even when the loose
        # likeness reaches the threshold (a ratio, so it holds in small and large groups).
        if cohesion_ratio and average < cohesion_ratio * min(cohesion(a), cohesion(b)):
            return 0.0
        return average

    heap: list[tuple[float, int, int, int, int]] = []

    def push_pairs(i: int) -> None:
        group = groups[i]
        near: set[int] = set()
        for term in group.top:
            near |= postings.get(term, set())
        near.discard(i)
        group.neighbours = {j for j in near if groups[j].alive}
        for j in sorted(group.neighbours):
            s = score(i, j)
            if s >= threshold:
                a, b = min(i, j), max(i, j)
                heapq.heappush(heap, (-s, a, b, groups[a].version, groups[b].version))

    for index in range(len(groups)):
        group = groups[index]
        near = set()
        for term in group.top:
            near |= postings.get(term, set())
        for j in sorted(near):
            if j > index:
                s = score(index, j)
                if s >= threshold:
                    heapq.heappush(heap, (-s, index, j, 0, 0))

    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        ga, gb = groups[a], groups[b]
        if not (ga.alive and gb.alive) or ga.version != va or gb.version != vb:
            continue
        # b joins a (a is the earlier item, so a story keeps its founder's id).
        ga.members.extend(gb.members)
        for term, weight in gb.total.items():
            ga.total[term] = ga.total.get(term, 0.0) + weight
        for term in gb.top:
            posting = postings.get(term)
            if posting is not None:
                posting.discard(b)
                posting.add(a)
        ga.top |= gb.top
        ga.retained += gb.retained
        ga.first = _span(ga.first, gb.first, min)
        ga.last = _span(ga.last, gb.last, max)
        ga.version += 1
        gb.alive = False
        gb.total = {}
        push_pairs(a)
    return [g.members for g in groups if g.alive]
