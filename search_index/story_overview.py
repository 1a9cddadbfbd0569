"""A story's overview: every checkable fact its sources give (a row), each source (a column),
the consensus where there is one, and how each source stands against the others.

It is what an analyst would otherwise write by hand from the claim diffs: which sources agree,
which differ from the rest (outliers), which report something no other source does, and which
reported first. It is built from the same claim frames and verdicts as the claim diff, so a
conflict here is a conflict there, and it says less when the frames say little: a fact has a
consensus only when two or more sources agree on it and no other group of sources is as large.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from .claims.align import STRONG, different_scope, frame_match
from .claims.claim import Claim
from .claims.matrix import Subject, claim_matrix
from .claims.verdicts import verdict
from .models import ArticleInfo

Stance = Literal["agree", "differ", "compatible", "alone"]
"""How one source's value for a fact stands: the same as other sources' (``agree``), one that
cannot hold with the consensus, or with another source when there is none (``differ``),
neither (``compatible``: a rounder or vaguer figure that can hold with another source's), or
nobody else gives the fact or a value that can hold with its own (``alone``).
"""


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing the story's sources give a value for."""

    topic: str
    kind: str
    cells: Mapping[str, tuple[Claim, ...]]
    """Each stating source's claims, by article id, in text order."""
    stances: Mapping[str, Stance]
    consensus: tuple[str, ...]
    """The sources that agree and outnumber every other group; empty when there is none."""
    first: tuple[str, ...]
    """The source(s) with the earliest publication date among those stating it."""
    consensus_value: str | None = None
    """The consensus as its sources write it: the value most of them give ("about 14,000")."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(self.cells)

    @property
    def conflicting(self) -> bool:
        return any(s == "differ" for s in self.stances.values())


@dataclass(frozen=True, slots=True)
class SourceStanding:
    """One source (a column) and how it stands over all the story's facts."""

    article_id: str
    outlet: str
    """The outlet's name, or the article id when the file does not say."""
    published: datetime | None
    agrees: int
    differs: int
    alone: int
    compatible: int
    first: bool
    """Published first among the sources that carry a date (ties share it)."""
    outlier: bool
    """Departs from a consensus of two or more other sources at least once, and at least
    as often as it agrees with other sources."""


@dataclass(frozen=True, slots=True)
class StoryOverview:
    story_id: str | None
    name: str
    sources: tuple[SourceStanding, ...]
    facts: tuple[Fact, ...]

    @property
    def conflicts(self) -> int:
        return sum(1 for f in self.facts if f.conflicting)


def story_overview(
    claims_by_article: Mapping[str, Sequence[Claim]],
    infos: Mapping[str, ArticleInfo],
    *,
    story_id: str | None = None,
    name: str = "",
) -> StoryOverview:
    """The overview of the articles given (one story's): facts from the claim matrix, shared
    facts first, then the facts a single source alone reports."""
    ids = sorted(claims_by_article, key=lambda i: (_when(infos.get(i)) or datetime.max, i))
    facts = [_fact(subject, infos) for subject in claim_matrix(claims_by_article)]
    facts.sort(key=lambda f: (-len(f.cells), not f.conflicting, f.topic))
    earliest = min((w for i in ids if (w := _when(infos.get(i))) is not None), default=None)
    standings = []
    for article_id in ids:
        stances = [f.stances[article_id] for f in facts if article_id in f.stances]
        departs = sum(
            1
            for f in facts
            if f.stances.get(article_id) == "differ"
            and len([s for s in f.consensus if s != article_id]) >= 2
        )
        agrees = stances.count("agree")
        info = infos.get(article_id)
        when = _when(info)
        standings.append(
            SourceStanding(
                article_id=article_id,
                outlet=outlet_name(info) if info else article_id,
                published=when,
                agrees=agrees,
                differs=stances.count("differ"),
                alone=stances.count("alone"),
                compatible=stances.count("compatible"),
                first=earliest is not None and when == earliest,
                outlier=departs >= 1 and departs >= agrees,
            )
        )
    return StoryOverview(story_id, name, tuple(standings), tuple(facts))


def outlet_name(info: ArticleInfo) -> str:
    """What to call a source: its outlet, else its web site ("nknews.org"), else its id."""
    if info.outlet:
        return info.outlet
    url = info.url or info.source_url
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return info.id


def _when(info: ArticleInfo | None) -> datetime | None:
    if info is None or info.published is None:
        return None
    return info.published.value.replace(tzinfo=None)


def _fact(subject: Subject, infos: Mapping[str, ArticleInfo]) -> Fact:
    cells = {i: tuple(c) for i, c in sorted(subject.cells().items())}
    sources = list(cells)
    agree: dict[str, set[str]] = {s: set() for s in sources}
    conflict: dict[str, set[str]] = {s: set() for s in sources}
    # A vaguer figure that can hold with another source's ("at least 12 shots", "13 shots").
    # Anything else in the row that neither agrees nor contradicts is some other figure the
    # row gathered ("a 34-year-old mother" among unnamed ages): that source gives it alone.
    holds: set[str] = set()
    for n, a in enumerate(sources):
        for b in sources[n + 1 :]:
            pairs = [(x, y) for x in cells[a] for y in cells[b]]
            if any(verdict(x, y) == "agree" for x, y in pairs):
                agree[a].add(b)
                agree[b].add(a)
            elif any(_conflicting(x, y) for x, y in pairs):
                conflict[a].add(b)
                conflict[b].add(a)
            elif any(verdict(x, y) == "compatible" for x, y in pairs):
                holds.update((a, b))
    consensus = _consensus(sources, agree, conflict)
    stances: dict[str, Stance] = {}
    for source in sources:
        if len(sources) == 1:
            stances[source] = "alone"
        elif source in consensus:
            stances[source] = "agree"
        elif conflict[source] & (set(consensus) or set(sources)):
            stances[source] = "differ"
        elif agree[source] and not consensus:
            stances[source] = "agree"
        elif source in holds:
            stances[source] = "compatible"
        else:
            stances[source] = "alone"
    dated = {s: w for s in sources if (w := _when(infos.get(s))) is not None}
    first = min(dated.values(), default=None)
    return Fact(
        topic=subject.topic,
        kind=subject.kind,
        cells=cells,
        stances=stances,
        consensus=consensus,
        first=tuple(s for s in sources if first is not None and dated.get(s) == first),
        consensus_value=_most_held(consensus, cells),
    )


def _most_held(consensus: tuple[str, ...], cells: Mapping[str, tuple[Claim, ...]]) -> str | None:
    """The value most of the consensus's sources give, as the first of them writes it (a
    source giving "more than 10,000" and later "some 14,000" counts for both)."""
    if not consensus:
        return None
    held: dict[str, list[Claim]] = {}
    for source in consensus:
        for value, claim in {c.value: c for c in reversed(cells[source])}.items():
            held.setdefault(value, []).append(claim)
    best = max(held.values(), key=len)  # first seen wins a tie: dict order is text order
    # The most explicit writing of it: "October 2025" rather than "In October".
    return min(
        best, key=lambda c: (-sum(ch.isdigit() for ch in c.value_text), len(c.value_text))
    ).value_text


def _conflicting(a: Claim, b: Claim) -> bool:
    """The claim matrix's test (``Subject.conflicting``): values that cannot both hold, for
    figures surely about one thing, at one scope."""
    return verdict(a, b) == "conflict" and frame_match(a, b) == STRONG and not different_scope(a, b)


def _consensus(
    sources: list[str], agree: Mapping[str, set[str]], conflict: Mapping[str, set[str]]
) -> tuple[str, ...]:
    """The largest group of sources linked by agreement, when it has two or more, no other
    group is as large, and none of its members contradicts another (agreement chains: "about
    1,500" agrees with "1,500" and with "1,600", which conflict; then there is no consensus)."""
    groups: list[set[str]] = []
    seen: set[str] = set()
    for source in sources:
        if source in seen:
            continue
        group, todo = set(), [source]
        while todo:
            current = todo.pop()
            if current in group:
                continue
            group.add(current)
            todo.extend(agree[current] - group)
        seen |= group
        groups.append(group)
    groups.sort(key=len, reverse=True)
    if not groups or len(groups[0]) < 2 or (len(groups) > 1 and len(groups[1]) == len(groups[0])):
        return ()
    if any(conflict[member] & groups[0] for member in groups[0]):
        return ()
    return tuple(sorted(groups[0]))
