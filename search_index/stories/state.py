"""The clustering state: every article's weighted terms, every story's centroid, the corpus's
document frequencies; and its JSON form, so the index can keep it beside itself and assign a new
article without re-clustering.

A story's centroid is the sum of its members' unit vectors (not their mean): adding or removing a
member is one addition, and the cosine against it needs only its norm.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Doc", "Story", "StoryEntry", "StoryState", "story_id_for"]

FORMAT = 1
TOP_TERMS = 12
"""How many of an article's heaviest terms find candidate stories: its rare words, names and
numbers. Common terms never decide a story, and looking them up would touch every story."""


@dataclass(slots=True)
class Doc:
    vector: dict[str, float]
    title: str
    published: date | None
    outlet: str | None
    story: str = ""

    def top_terms(self) -> list[str]:
        ranked = sorted(self.vector.items(), key=lambda item: (-item[1], item[0]))
        return [term for term, _ in ranked[:TOP_TERMS]]


@dataclass(slots=True)
class StoryEntry:
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """One story as a reader sees it."""

    id: str
    name: str
    headline: str
    """The title of the member closest to the story's centre."""
    entities: tuple[str, ...]
    """Its main names, as written, most central first."""
    first: date | None
    last: date | None
    members: tuple[str, ...]
    outlets: tuple[str, ...]


def story_id_for(article_id: str) -> str:
    """A story's id comes from the article that founded it, so it survives re-clustering of the
    same corpus and the arrival of other articles."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]


@dataclass(slots=True)
class StoryState:
    """Mutable clustering state. ``engine`` changes it; ``to_json``/``from_json`` keep it."""

    threshold: float
    doc_freq: Counter[str] = field(default_factory=Counter)
    docs: dict[str, Doc] = field(default_factory=dict)
    stories: dict[str, StoryEntry] = field(default_factory=dict)
    # term -> story -> how many of the story's members have the term among their top terms
    postings: dict[str, Counter[str]] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)
    """Name term -> one surface as written, to name stories."""
    pinned: dict[str, str] = field(default_factory=dict)
    """Article id -> story id it is pinned to by hand (see overrides)."""

    # -- membership ----------------------------------------------------------------------------

    def attach(self, doc_id: str, story_id: str) -> None:
        doc = self.docs[doc_id]
        story = self.stories.setdefault(story_id, StoryEntry())
        doc.story = story_id
        story.members.append(doc_id)
        square = story.norm * story.norm
        for term, weight in doc.vector.items():
            old = story.centroid.get(term, 0.0)
            story.centroid[term] = old + weight
            square += weight * (2 * old + weight)
        story.norm = math.sqrt(max(square, 0.0))
        for term in doc.top_terms():
            self.postings.setdefault(term, Counter())[story_id] += 1
        _widen(story, doc.published)

    def detach(self, doc_id: str) -> None:
        doc = self.docs[doc_id]
        story = self.stories.get(doc.story)
        if story is None:
            return
        story.members.remove(doc_id)
        for term in doc.top_terms():
            posting = self.postings.get(term)
            if posting is not None:
                posting[doc.story] -= 1
                if posting[doc.story] <= 0:
                    del posting[doc.story]
        if not story.members:
            del self.stories[doc.story]
        else:
            square = story.norm * story.norm
            for term, weight in doc.vector.items():
                old = story.centroid.get(term, 0.0)
                left = old - weight
                if left > 1e-9:
                    story.centroid[term] = left
                else:
                    story.centroid.pop(term, None)
                    left = 0.0
                square += left * left - old * old
            story.norm = math.sqrt(max(square, 0.0))
            story.first = story.last = None
            for member in story.members:
                _widen(story, self.docs[member].published)
        doc.story = ""

    # -- JSON ----------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; centroids and postings are rebuilt from the members on load."""
        return {
            "format": FORMAT,
            "threshold": self.threshold,
            "doc_freq": dict(sorted(self.doc_freq.items())),
            "surfaces": dict(sorted(self.surfaces.items())),
            "pinned": dict(sorted(self.pinned.items())),
            "docs": {
                doc_id: {
                    "vector": {t: round(w, 6) for t, w in sorted(doc.vector.items())},
                    "title": doc.title,
                    "published": doc.published.isoformat() if doc.published else None,
                    "outlet": doc.outlet,
                    "story": doc.story,
                }
                for doc_id, doc in sorted(self.docs.items())
            },
            # Member order matters to nothing but is kept so a round trip is exact.
            "stories": {sid: list(story.members) for sid, story in sorted(self.stories.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryState:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown story state format {data.get('format')!r}")
        state = cls(threshold=float(data["threshold"]))
        state.doc_freq = Counter({str(t): int(n) for t, n in data["doc_freq"].items()})
        state.surfaces = {str(k): str(v) for k, v in data["surfaces"].items()}
        state.pinned = {str(k): str(v) for k, v in data["pinned"].items()}
        for doc_id, raw in data["docs"].items():
            published = raw["published"]
            state.docs[doc_id] = Doc(
                vector={str(t): float(w) for t, w in raw["vector"].items()},
                title=str(raw["title"]),
                published=date.fromisoformat(published) if published else None,
                outlet=raw["outlet"],
            )
        for story_id, members in data["stories"].items():
            for member in members:
                state.attach(member, story_id)
        return state


def _widen(story: StoryEntry, day: date | None) -> None:
    if day is None:
        return
    story.first = day if story.first is None else min(story.first, day)
    story.last = day if story.last is None else max(story.last, day)
