"""Splitting a group that holds two stories of one kind, by what tells its articles apart.

Two title defences by one boxer, two Apple launches, two navy actions against pirates: across the
corpus their shared vocabulary ("Klitschko", "heavyweight", "IBF") is rare, so it outweighs the
names and numbers that differ (the opponent, the score), and the two stories cluster as one.
Within the group those shared terms are common, so re-weighting by the group's own rarity
(local IDF) leaves the terms that differ between its articles. If the group then falls into two
or more parts, it held as many stories; lone articles are given back to the nearest part. Two
tight parts stay apart even when their loose likeness reaches the threshold (``COHESION_RATIO``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from .agglomerate import agglomerate
from .features import GROUP_WEIGHT, sublinear

__all__ = ["split_group"]

MIN_GROUP = 4
MIN_PART = 2
"""A part of one article is a crumb, given back; two articles alike in what sets them apart from
the rest of the group are a story (a group of forty merger reports can hold eight deals)."""
LOCAL_TOP_TERMS = 24
COHESION_RATIO = 0.25


def _local_vectors(counts: Sequence[Counter[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    vectors = []
    for c in counts:
        vector = {
            t: sublinear(k) * math.log((n + 1) / (df[t] + 1)) * GROUP_WEIGHT[t[0]]
            for t, k in c.items()
            if df[t] > 1  # a term only one article has says nothing about the others
        }
        vector = {t: w for t, w in vector.items() if w > 0}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def _top(vector: dict[str, float]) -> list[str]:
    return [t for t, _ in sorted(vector.items(), key=lambda i: (-i[1], i[0]))[:LOCAL_TOP_TERMS]]


def split_group(
    ids: Sequence[str],
    counts: Sequence[Counter[str]],
    days: Sequence[date | None],
    threshold: float,
    date_factor: Callable[[date | None, date | None, date | None, date | None], float],
) -> list[list[str]]:
    """The group's stories: ``[list(ids)]`` when it is one."""
    n = len(ids)
    if n < MIN_GROUP:
        return [list(ids)]
    vectors = _local_vectors(counts)
    by_id = dict(zip(ids, vectors, strict=True))
    items = [(i, v, _top(v), d) for i, v, d in zip(ids, vectors, days, strict=True)]
    parts = agglomerate(items, threshold, date_factor, COHESION_RATIO)
    least = MIN_PART
    big = [p for p in parts if len(p) >= least]
    if len(big) < 2:
        return [list(ids)]
    totals = []
    for part in big:
        total: dict[str, float] = {}
        for member in part:
            for t, w in by_id[member].items():
                total[t] = total.get(t, 0.0) + w
        totals.append(total)
    result = [list(p) for p in big]
    for part in parts:
        if len(part) >= least:
            continue
        for member in part:
            vector = by_id[member]
            scores = [
                sum(w * total.get(t, 0.0) for t, w in vector.items()) / len(big[k])
                for k, total in enumerate(totals)
            ]
            result[max(range(len(big)), key=lambda k: (scores[k], -k))].append(member)
    return result
