"""The clustering state: every article's weighted terms, every story's centroid, the corpus's
document frequencies; and its JSON form.

A story's centroid is the sum of its members' unit vectors (not their mean): adding or removing a
member is one addition, and the cosine against it needs only its norm.

The state's tables are mappings, not necessarily dicts: stored.py backs them with SQLite rows read
on first use, so assigning one article to a 10,000-article state reads a few hundred rows. Every
change goes through the methods here, which note what they touched in ``changes``: that is what
gets written back, a row at a time.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Changes", "Doc", "Story", "StoryEntry", "StoryState", "story_id_for"]

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
    retained: float = 1.0
    """The share of the article's whole weighted vector that ``vector`` was cut from (a corpus
    clustered at once leaves out the terms of one article only; an article assigned later keeps
    them all: 1). Cosines with ``vector`` times this are cosines with the whole article."""

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
    retained: float = 0.0
    """The sum of the members' ``Doc.retained``."""


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
class Changes:
    """The keys of each table changed since the state was loaded (or the last ``clear``)."""

    docs: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    doc_freq: set[str] = field(default_factory=set)
    postings: set[str] = field(default_factory=set)
    surfaces: set[str] = field(default_factory=set)
    pinned: set[str] = field(default_factory=set)

    def clear(self) -> None:
        for keys in (
            self.docs,
            self.stories,
            self.doc_freq,
            self.postings,
            self.surfaces,
            self.pinned,
        ):
            keys.clear()


@dataclass(slots=True)
class StoryState:
    """Mutable clustering state. ``engine`` changes it through the methods below;
    ``to_json``/``from_json`` and stored.py keep it."""

    threshold: float
    doc_freq: MutableMapping[str, int] = field(default_factory=Counter)
    docs: MutableMapping[str, Doc] = field(default_factory=dict)
    stories: MutableMapping[str, StoryEntry] = field(default_factory=dict)
    # term -> story -> how many of the story's members have the term among their top terms
    postings: MutableMapping[str, Counter[str]] = field(default_factory=dict)
    surfaces: MutableMapping[str, str] = field(default_factory=dict)
    """Name term -> one surface as written, to name stories."""
    pinned: MutableMapping[str, str] = field(default_factory=dict)
    """Article id -> story id it is pinned to by hand (see overrides)."""
    changes: Changes = field(default_factory=Changes)

    # -- articles, terms, pins ------------------------------------------------------------------

    def add_doc(self, doc_id: str, doc: Doc) -> None:
        self.docs[doc_id] = doc
        self.changes.docs.add(doc_id)

    def drop_doc(self, doc_id: str) -> None:
        del self.docs[doc_id]
        self.changes.docs.add(doc_id)

    def count_terms(self, terms: Iterable[str], step: int) -> None:
        """Add ``step`` (1 or -1) to the document frequency of each term."""
        for term in terms:
            left = self.doc_freq.get(term, 0) + step
            if left > 0:
                self.doc_freq[term] = left
            else:
                self.doc_freq.pop(term, None)
            self.changes.doc_freq.add(term)

    def remember_surface(self, term: str, surface: str) -> None:
        if term not in self.surfaces:
            self.surfaces[term] = surface
            self.changes.surfaces.add(term)

    def pin(self, doc_id: str, story_id: str) -> None:
        self.pinned[doc_id] = story_id
        self.changes.pinned.add(doc_id)

    def unpin(self, doc_id: str) -> None:
        self.pinned.pop(doc_id, None)
        self.changes.pinned.add(doc_id)

    # -- membership ----------------------------------------------------------------------------

    def attach(self, doc_id: str, story_id: str) -> None:
        doc = self.docs[doc_id]
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryEntry()
        doc.story = story_id
        story.members.append(doc_id)
        story.retained += doc.retained
        square = story.norm * story.norm
        for term, weight in doc.vector.items():
            old = story.centroid.get(term, 0.0)
            story.centroid[term] = old + weight
            square += weight * (2 * old + weight)
        story.norm = math.sqrt(max(square, 0.0))
        for term in doc.top_terms():
            posting = self.postings.get(term)
            if posting is None:
                posting = self.postings[term] = Counter()
            posting[story_id] += 1
            self.changes.postings.add(term)
        _widen(story, doc.published)
        self.changes.docs.add(doc_id)
        self.changes.stories.add(story_id)

    def detach(self, doc_id: str) -> None:
        doc = self.docs[doc_id]
        story = self.stories.get(doc.story)
        if story is None:
            return
        self.changes.docs.add(doc_id)
        self.changes.stories.add(doc.story)
        story.members.remove(doc_id)
        story.retained = max(story.retained - doc.retained, 0.0)
        for term in doc.top_terms():
            posting = self.postings.get(term)
            if posting is not None:
                posting[doc.story] -= 1
                if posting[doc.story] <= 0:
                    del posting[doc.story]
                self.changes.postings.add(term)
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
                    "retained": round(doc.retained, 6),
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
                retained=float(raw.get("retained", 1.0)),
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
