"""The claim matrix (subjects by sources) and the timeline (dated events in order), across
a whole corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .align import (
    EVENTS,
    GENERIC_NOUNS,
    PAIR_THRESHOLD,
    STRONG,
    different_scope,
    frame_match,
    pair_score,
    verdict,
)
from .extract import Claim

# A claim joins a subject when it matches any of the subject's claims this well.
MATRIX_THRESHOLD = PAIR_THRESHOLD + 0.08
MAX_COMPARED = 8


@dataclass
class Subject:
    """One thing several sources give a value for."""

    claims: list[Claim] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.claims[0].kind

    @property
    def topic(self) -> str:
        topics = Counter(c.topic for c in self.claims if c.topic)
        return topics.most_common(1)[0][0] if topics else ""

    @property
    def sources(self) -> list[str]:
        return sorted({c.article_id for c in self.claims})

    def cells(self) -> dict[str, list[Claim]]:
        cells: dict[str, list[Claim]] = {}
        for claim in self.claims:
            cells.setdefault(claim.article_id, []).append(claim)
        return cells

    @cached_property
    def conflicting(self) -> bool:
        """Whether two sources give values that cannot both hold."""
        for i, a in enumerate(self.claims):
            for b in self.claims[i + 1 :]:
                if (
                    a.article_id != b.article_id
                    and verdict(a, b) == "conflict"
                    and frame_match(a, b) == STRONG
                    and not different_scope(a, b)
                ):
                    return True
        return False


def claim_matrix(claims_by_article: Mapping[str, Sequence[Claim]]) -> list[Subject]:
    """Group every article's claims into subjects; subjects reported by more sources first."""
    subjects: list[Subject] = []
    # Only subjects that share a specific word with a claim can take it: an inverted index from
    # subject words to subjects keeps this near-linear in the corpus instead of quadratic.
    by_word: dict[str, list[int]] = {}
    for article_id in sorted(claims_by_article):
        for claim in claims_by_article[article_id]:
            shared: Counter[int] = Counter()
            events: set[int] = set()
            for word in set(claim.subject) - GENERIC_NOUNS:
                for i in set(by_word.get(word, ())):
                    shared[i] += 1
                    if word in EVENTS:
                        events.add(i)
            # The same gate pair_score applies, checked cheaply first.
            candidates = sorted(i for i, n in shared.items() if n >= 2 or i in events)
            best, best_score = None, MATRIX_THRESHOLD
            for index in candidates:
                subject = subjects[index]
                if subject.kind != claim.kind:
                    continue
                # Every claim of a subject must plausibly be about the same thing (no chaining
                # from "troops sent in 2024" to "construction began in 2025"); a sample of its
                # claims is enough to tell.
                sample = subject.claims[:MAX_COMPARED]
                scores = [pair_score(claim, other) for other in sample]
                if min(scores) < PAIR_THRESHOLD:
                    continue
                # A part ("1,000 engineer troops") is its own subject, not a rival figure.
                if any(different_scope(claim, other) for other in sample):
                    continue
                score = max(scores)
                if score >= best_score:
                    best, best_score = index, score
            if best is None:
                best = len(subjects)
                subjects.append(Subject([claim]))
            else:
                subjects[best].claims.append(claim)
            for word in set(claim.subject) - GENERIC_NOUNS:
                postings = by_word.setdefault(word, [])
                if not postings or postings[-1] != best:
                    postings.append(best)
    subjects.sort(key=lambda s: (-len(s.sources), not s.conflicting, s.claims[0].article_id))
    return subjects


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event and every source that dates it; ``conflicting`` when they disagree."""

    when: str
    topic: str
    claims: tuple[Claim, ...]
    conflicting: bool


def timeline(claims_by_article: Mapping[str, Sequence[Claim]]) -> list[TimelineEvent]:
    """Dated events from all sources in date order, same-event dates grouped."""
    dated = {
        # A weekday or a day of a month without a publication date has no place on a
        # calendar.
        article_id: [
            c
            for c in claims
            if c.date is not None and c.date.granularity not in ("weekday", "monthday")
        ]
        for article_id, claims in claims_by_article.items()
    }
    events = []
    for subject in claim_matrix(dated):
        dates = sorted(subject.claims, key=lambda c: (c.date.start, c.date.end))  # type: ignore[union-attr]
        events.append(
            TimelineEvent(
                when=dates[0].value,
                topic=subject.topic,
                claims=tuple(dates),
                conflicting=subject.conflicting,
            )
        )
    events.sort(key=lambda e: (e.claims[0].date.start, e.topic))  # type: ignore[union-attr]
    return events
