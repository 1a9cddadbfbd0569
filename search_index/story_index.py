"""The corpus's stories, kept beside the index: clustered once, then kept up to date one article
at a time (issue 18).

Clustering a corpus is costly (about a minute at 10,000 articles); assigning one new or changed
article to its story costs milliseconds. So the state is saved in the index folder, in SQLite
(stories/stored.py), with the fingerprint of every article it holds; the next session compares
fingerprints with the index and assigns what was added or changed, removes what is gone, and
clusters again from nothing only when most of the corpus changed (a rebuild, a new analysis
version). Assigning reads only the rows it needs and writes back only those it changed, so one
new article in a 10,000-article corpus costs milliseconds here too. A ``[stories]`` table in the
corpus's ``kimreader.toml`` pins or splits stories by hand (see stories/overrides.py); it is
applied every time, so editing it takes effect at once.

The saved state is a cache: a file that cannot be read is replaced by grouping again, one that
cannot be written costs the next session the work; either is told as a warning.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from .stories.engine import newest_first
from .stories.naming import name_story
from .stories.stored import (
    STATE_FILE,
    SavedStories,
    StoryFileError,
    story_json,
    write_whole,
)

__all__ = ["STATE_FILE", "STORIES_VERSION", "StoryIndex", "story_input", "story_json"]

# Part of the saved state's key: a change to how stories are found, or to how they are kept,
# makes saved states stale. 2: SQLite, a row per article and story (1 was two JSON files).
# 3: small groups need more evidence to join (engine.PAIR_EVIDENCE): stories saved by 2 hold
# false merges that assigning new articles would never undo, so they are grouped again.
STORIES_VERSION = "3"
# What version 1 kept (the whole state in one JSON document, and the listing in another): left
# behind by an older kimreader, removed once the new file is written.
OLD_FILES = ("kimreader-stories.json", "kimreader-stories-list.json")
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

    One SQLite file (stories/stored.py): the clustering state, read a row at a time as an
    assignment needs it, and the stories as a reader sees them, which is all that listing them,
    or a story's matrix and timeline, reads while nothing has changed."""

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
        if self._folder is None:
            return False
        try:
            saved = SavedStories.open(self._folder, STORIES_VERSION)
        except StoryFileError:
            return False
        if saved is None:
            return False
        saved.close()
        return True

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
        saved = self._open_saved()
        if saved is not None:
            with saved:
                found = self._kept_up_to_date(saved, current, overrides, corrections, progress)
            if found is not None:
                return found
        state = self._cluster(progress)
        self._correct(state, overrides)
        found = stories(state)
        self._save_whole(state, found, current, corrections)
        return found

    def _open_saved(self) -> SavedStories | None:
        if self._folder is None:
            return None
        try:
            return SavedStories.open(self._folder, STORIES_VERSION)
        except StoryFileError as exc:
            self.warnings += (f"{exc}; grouping the corpus again",)
            return None

    def _kept_up_to_date(
        self,
        saved: SavedStories,
        current: dict[str, str],
        overrides: dict[str, Any],
        corrections: str,
        progress: ProgressCallback | None,
    ) -> list[Story] | None:
        """The saved stories brought up to date article by article and saved back, or None
        when the corpus changed too much for that or the file is damaged (group again)."""
        try:
            if saved.fingerprints() == current and saved.corrections() == corrections:
                return newest_first(saved.listing().values())
            cannot_save = None
            try:
                saved.begin()
            except StoryFileError as exc:
                cannot_save = exc
            # Read again inside the transaction: another process may have just done the work.
            fingerprints = saved.fingerprints()
            gone = [i for i in fingerprints if i not in current]
            changed = sorted(i for i, fp in current.items() if fingerprints.get(i) != fp)
            if len(gone) + len(changed) > RECLUSTER_SHARE * max(1, len(current)):
                return None
            state = saved.state()
            listing = saved.listing()
            try:
                self._update(state, gone, changed, progress)
                self._correct(state, overrides)
                named = {
                    sid: name_story(state, sid)
                    for sid in state.changes.stories
                    if sid in state.stories
                }
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                # Rows that contradict each other (a member without its row, say): whatever is
                # wrong with a cache means the same thing, group again.
                raise StoryFileError(
                    f"the saved stories ({saved.path}) are damaged: {exc!r}"
                ) from exc
            for story_id in state.changes.stories:
                listing.pop(story_id, None)
            listing.update(named)
            if cannot_save is None:
                try:
                    saved.save_changes(
                        state, named, {i: current[i] for i in changed}, gone, corrections
                    )
                except StoryFileError as exc:
                    cannot_save = exc
            if cannot_save is not None:
                self.warnings += (f"{cannot_save}; kept for this session only",)
            return newest_first(listing.values())
        except StoryFileError as exc:
            self.warnings += (f"{exc}; grouping the corpus again",)
            return None

    def _update(
        self,
        state: StoryState,
        gone: list[str],
        changed: list[str],
        progress: ProgressCallback | None,
    ) -> None:
        """Remove what is gone from the corpus and assign what was added or changed."""
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

    def _correct(self, state: StoryState, overrides: dict[str, Any]) -> None:
        """Apply kimreader.toml's hand corrections, letting go of those withdrawn."""
        self._release_withdrawn_pins(state, overrides)
        if overrides:
            try:
                apply_overrides(state, overrides)
            except (ValueError, TypeError, AttributeError) as exc:
                self.warnings += (f"{SIDECAR_NAME}: [stories] {exc}; ignored",)

    def _release_withdrawn_pins(self, state: StoryState, overrides: dict[str, Any]) -> None:
        """Pins persist in the state; one no longer in kimreader.toml is let go, and its
        article goes back to the story it resembles."""
        try:
            wanted = set(pinned_articles(overrides)) if overrides else set()
        except (ValueError, TypeError, AttributeError):
            wanted = set()  # a malformed table: told by apply_overrides below
        for article_id in [a for a in state.pinned if a not in wanted]:
            state.unpin(article_id)
            article = self._store.article(article_id)
            if article is not None:
                assign(state, story_input(article, self._store.extraction(article_id)))

    def _cluster(self, progress: ProgressCallback | None) -> StoryState:
        extractions = dict(self._store.extractions())
        articles = self._store.articles()
        inputs = []
        for done, article in enumerate(articles, 1):
            inputs.append(story_input(article, extractions.get(article.id)))
            if progress is not None and done % 200 == 0:
                progress(done, len(articles))
        return cluster(inputs)

    def _save_whole(
        self,
        state: StoryState,
        found: list[Story],
        fingerprints: dict[str, str],
        corrections: str,
    ) -> None:
        if self._folder is None:
            return
        named = {story.id: story for story in found}
        try:
            write_whole(self._folder, STORIES_VERSION, state, named, fingerprints, corrections)
        except StoryFileError as exc:
            self.warnings += (f"{exc}; the next session groups the corpus again",)
            return
        for name in OLD_FILES:
            with contextlib.suppress(OSError):
                (self._folder / name).unlink()
