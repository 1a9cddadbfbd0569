"""The corpus's stories, kept beside the index: clustered once, then kept up to date one article
at a time (issue 18).

Clustering a corpus is costly (about a minute at 10,000 articles); assigning one new or changed
article to its story costs milliseconds. So the state is saved in the index folder with the
fingerprint of every article it holds; the next session compares fingerprints with the index and
assigns what was added or changed, removes what is gone, and clusters again from nothing only
when most of the corpus changed (a rebuild, a new analysis version). A ``[stories]`` table in the
corpus's ``kimreader.toml`` pins or splits stories by hand (see stories/overrides.py); it is
applied every time, so editing it takes effect at once.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .files import write_atomically
from .index import SearchEngine
from .models import NAME_TYPES, Article, Extraction
from .sidecar import SIDECAR_NAME, read_sidecar
from .stories import (
    Story,
    StoryArticle,
    StoryState,
    apply_overrides,
    assign,
    cluster,
    from_article,
    pinned_articles,
    remove,
    stories,
)

FILE_NAME = "kimreader-stories.json"
SUMMARY_NAME = "kimreader-stories-list.json"
# Part of the saved state's key: a change to how stories are found makes saved states stale.
STORIES_VERSION = "1"
# Past this share of the corpus changed, clustering again is both cheaper and better than
# assigning article by article (each assignment sees only the stories already there).
RECLUSTER_SHARE = 0.5

ProgressCallback = Callable[[int, int], None]


def story_input(article: Article, extraction: Extraction | None) -> StoryArticle:
    """What clustering needs of one article: its text, date, outlet and the names it mentions."""
    names = (
        tuple(dict.fromkeys(m.text for m in extraction.mentions if m.type in NAME_TYPES))
        if extraction is not None
        else None
    )
    return from_article(article, names)


def read_story_overrides(corpus_dir: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The ``[stories]`` table of the corpus's kimreader.toml (empty when there is none), and
    warnings about it. A file that cannot be read is told by load_sidecar, which every refresh
    calls: here it only costs the hand corrections."""
    data, _ = read_sidecar(corpus_dir)
    section = data.get("stories")
    if section is None:
        return {}, ()
    if not isinstance(section, dict):
        return {}, (f"{SIDECAR_NAME}: [stories] must be a table; ignored",)
    return {"stories": section}, ()


class StoryIndex:
    """The stories of one index: loaded, brought up to date and saved on first use; shared by
    the threads of one process (one lock).

    Two files: the whole clustering state (tens of megabytes at 10,000 articles, needed only to
    assign a new article) and the stories as a reader sees them (a few), which is all that
    listing them, or a story's matrix and timeline, reads while nothing has changed."""

    def __init__(self, store: SearchEngine, corpus_dir: Path, folder: Path | None) -> None:
        self._store = store
        self._corpus_dir = corpus_dir
        self._folder = folder
        self._lock = threading.Lock()
        self._stories: list[Story] | None = None
        self._for_version: str | None = None
        self.warnings: tuple[str, ...] = ()

    def stories(self, progress: ProgressCallback | None = None) -> list[Story]:
        """Every story for the index as it is now, newest first."""
        with self._lock:
            version = self._store.version()
            if self._stories is None or self._for_version != version:
                self._stories = self._brought_up_to_date(progress)
                self._for_version = version
            return self._stories

    def saved(self) -> bool:
        """Whether stories were worked out for this index before (then ``stories`` reads them
        back, or brings them up to date article by article, instead of clustering afresh)."""
        return self._folder is not None and (self._folder / SUMMARY_NAME).is_file()

    def known(self) -> list[Story] | None:
        """The stories if they are already worked out for the index as it is, else None: for
        callers that must not wait (the app's source picker)."""
        with self._lock:
            if self._stories is not None and self._for_version == self._store.version():
                return self._stories
            return None

    def _brought_up_to_date(self, progress: ProgressCallback | None) -> list[Story]:
        current = self._store.fingerprints()
        overrides, self.warnings = read_story_overrides(self._corpus_dir)
        # The corrections are part of the key: an edited [stories] table takes effect at once.
        corrections = json.dumps(overrides, sort_keys=True, default=str)
        summary = self._load_summary()
        if summary is not None and summary[0] == current and summary[1] == corrections:
            return summary[2]
        state = self._updated_state(current, progress)
        self._release_withdrawn_pins(state, overrides)
        if overrides:
            try:
                apply_overrides(state, overrides)
            except (ValueError, TypeError, AttributeError) as exc:
                self.warnings += (f"{SIDECAR_NAME}: [stories] {exc}; ignored",)
        found = stories(state)
        self._save(state, current, corrections, found)
        return found

    def _release_withdrawn_pins(self, state: StoryState, overrides: dict[str, Any]) -> None:
        """Pins persist in the state; one no longer in kimreader.toml is let go, and its
        article goes back to the story it resembles."""
        try:
            wanted = set(pinned_articles(overrides)) if overrides else set()
        except (ValueError, TypeError, AttributeError):
            wanted = set()  # a malformed table: told by apply_overrides below
        for article_id in [a for a in state.pinned if a not in wanted]:
            del state.pinned[article_id]
            article = self._store.article(article_id)
            if article is not None:
                assign(state, story_input(article, self._store.extraction(article_id)))

    def _updated_state(
        self, current: dict[str, str], progress: ProgressCallback | None
    ) -> StoryState:
        """The saved state with what changed since assigned, or the corpus clustered anew."""
        saved = self._load()
        if saved is None:
            return self._cluster(progress)
        state, fingerprints = saved
        gone = [i for i in fingerprints if i not in current]
        changed = sorted(i for i, fp in current.items() if fingerprints.get(i) != fp)
        if len(gone) + len(changed) > RECLUSTER_SHARE * max(1, len(current)):
            return self._cluster(progress)
        for article_id in gone:
            remove(state, article_id)
        for done, article_id in enumerate(changed, 1):
            if article_id in state.docs:
                remove(state, article_id)
            article = self._store.article(article_id)
            if article is not None:
                assign(state, story_input(article, self._store.extraction(article_id)))
            if progress is not None:
                progress(done, len(changed))
        return state

    def _cluster(self, progress: ProgressCallback | None) -> StoryState:
        extractions = dict(self._store.extractions())
        articles = self._store.articles()
        inputs = []
        for done, article in enumerate(articles, 1):
            inputs.append(story_input(article, extractions.get(article.id)))
            if progress is not None and done % 200 == 0:
                progress(done, len(articles))
        return cluster(inputs)

    def _load(self) -> tuple[StoryState, dict[str, str]] | None:
        data = self._read(FILE_NAME)
        try:
            if data is None:
                return None
            fingerprints = {str(k): str(v) for k, v in data["fingerprints"].items()}
            return StoryState.from_json(data["state"]), fingerprints
        # A cache: whatever is wrong with it means the same thing, cluster again.
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def _load_summary(self) -> tuple[dict[str, str], str, list[Story]] | None:
        data = self._read(SUMMARY_NAME)
        try:
            if data is None:
                return None
            fingerprints = {str(k): str(v) for k, v in data["fingerprints"].items()}
            return fingerprints, str(data["corrections"]), [_story(s) for s in data["stories"]]
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def _read(self, name: str) -> dict[str, Any] | None:
        if self._folder is None:
            return None
        try:
            data = json.loads((self._folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("version") != STORIES_VERSION:
            return None
        return data

    def _save(
        self,
        state: StoryState,
        fingerprints: Mapping[str, str],
        corrections: str,
        found: list[Story],
    ) -> None:
        if self._folder is None:
            return
        whole = {"version": STORIES_VERSION, "fingerprints": dict(fingerprints)}
        summary = {
            **whole,
            "corrections": corrections,
            "stories": [story_json(s) for s in found],
        }
        with contextlib.suppress(OSError):  # a folder that cannot be written costs the cache
            write_atomically(
                self._folder / FILE_NAME,
                json.dumps({**whole, "state": state.to_json()}, ensure_ascii=False),
            )
            write_atomically(self._folder / SUMMARY_NAME, json.dumps(summary, ensure_ascii=False))


def story_json(story: Story) -> dict[str, Any]:
    """A story as JSON (the CLI prints the same shape)."""
    return {
        "id": story.id,
        "name": story.name,
        "headline": story.headline,
        "entities": list(story.entities),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "articles": list(story.members),
        "outlets": list(story.outlets),
    }


def _story(data: dict[str, Any]) -> Story:
    return Story(
        id=str(data["id"]),
        name=str(data["name"]),
        headline=str(data["headline"]),
        entities=tuple(map(str, data["entities"])),
        first=date.fromisoformat(data["first"]) if data["first"] else None,
        last=date.fromisoformat(data["last"]) if data["last"] else None,
        members=tuple(map(str, data["articles"])),
        outlets=tuple(map(str, data["outlets"])),
    )
