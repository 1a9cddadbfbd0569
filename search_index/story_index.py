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
    remove,
    stories,
)

FILE_NAME = "kimreader-stories.json"
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
    the threads of one process (one lock)."""

    def __init__(self, store: SearchEngine, corpus_dir: Path, folder: Path | None) -> None:
        self._store = store
        self._corpus_dir = corpus_dir
        self._folder = folder
        self._lock = threading.Lock()
        self._state: StoryState | None = None
        self._for_version: str | None = None
        self.warnings: tuple[str, ...] = ()

    def state(self, progress: ProgressCallback | None = None) -> StoryState:
        """The story state for the index as it is now."""
        with self._lock:
            version = self._store.version()
            if self._state is None or self._for_version != version:
                self._state = self._brought_up_to_date(progress)
                self._for_version = version
            return self._state

    def known(self) -> StoryState | None:
        """The state if it is already worked out for the index as it is, else None: for callers
        that must not wait (the app's source picker)."""
        with self._lock:
            if self._state is not None and self._for_version == self._store.version():
                return self._state
            return None

    def stories(self, progress: ProgressCallback | None = None) -> list[Story]:
        """Every story, newest first."""
        return stories(self.state(progress))

    def _brought_up_to_date(self, progress: ProgressCallback | None) -> StoryState:
        current = self._store.fingerprints()
        saved = self._load()
        state: StoryState | None = None
        changed_anything = saved is None
        if saved is not None:
            state, fingerprints = saved
            gone = [i for i in fingerprints if i not in current]
            changed = sorted(i for i, fp in current.items() if fingerprints.get(i) != fp)
            if len(gone) + len(changed) > RECLUSTER_SHARE * max(1, len(current)):
                state = None
            else:
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
                changed_anything = bool(gone or changed)
        if state is None:
            state = self._cluster(progress)
            changed_anything = True
        overrides, self.warnings = read_story_overrides(self._corpus_dir)
        if overrides:
            try:
                changed_anything |= bool(apply_overrides(state, overrides))
            except (ValueError, TypeError, AttributeError) as exc:
                self.warnings += (f"{SIDECAR_NAME}: [stories] {exc}; ignored",)
        if changed_anything:
            self._save(state, current)
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
        if self._folder is None:
            return None
        try:
            data = json.loads((self._folder / FILE_NAME).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != STORIES_VERSION:
                return None
            fingerprints = {str(k): str(v) for k, v in data["fingerprints"].items()}
            return StoryState.from_json(data["state"]), fingerprints
        # A cache: whatever is wrong with it means the same thing, cluster again.
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def _save(self, state: StoryState, fingerprints: Mapping[str, str]) -> None:
        if self._folder is None:
            return
        data = {
            "version": STORIES_VERSION,
            "fingerprints": dict(fingerprints),
            "state": state.to_json(),
        }
        with contextlib.suppress(OSError):  # a folder that cannot be written costs the cache
            write_atomically(self._folder / FILE_NAME, json.dumps(data, ensure_ascii=False))
