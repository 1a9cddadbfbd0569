"""The corpus-wide views built off the UI thread: the claim diff of two sources, a story's
overview and the timeline, each answered as the message the App routes to open its screen.

They read every claim of the articles they cover: on a large corpus or long articles that
takes seconds, so each runs in a daemon thread (they only read, and quitting need not wait
for them: see tui/background.py).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from search_index.ids import ArticleNotFound

if TYPE_CHECKING:  # the claim diff loads with the first comparison, not with the app
    from search_index.claims.align import Comparison
    from search_index.library import Library
    from search_index.stories import Story

from .background import in_daemon_thread
from .messages import OverviewBuilt, TimelineBuilt

__all__ = ["build_overview", "build_timeline", "compare_first"]


async def compare_first(
    library: Library, pairs: list[tuple[str, str]]
) -> tuple[Comparison | None, list[str]]:
    """The first of ``pairs`` whose articles are both there, compared → (comparison or None,
    the ids found gone on the way)."""
    return await in_daemon_thread(
        lambda abandoned: _first_comparison(library, pairs, abandoned), name="compare"
    )


async def build_overview(library: Library, article_id: str | None = None) -> OverviewBuilt:
    """The subjects two or more sources give, over the story of ``article_id`` (the corpus when
    it has none, or when no article is open). Raises ArticleNotFound when the corpus changed
    while it was built (only while the start-up refresh removes files)."""

    def build(_: threading.Event) -> OverviewBuilt:
        story = _story(library, article_id)
        return OverviewBuilt(library.story_overview(story.id if story else None))

    return await in_daemon_thread(build, name="overview")


async def build_timeline(library: Library, article_id: str | None = None) -> TimelineBuilt:
    """Dated events from the sources of ``article_id``'s story (or the corpus). Raises
    ArticleNotFound as ``build_overview`` does."""

    def build(_: threading.Event) -> TimelineBuilt:
        story = _story(library, article_id)
        events = library.timeline(story.id if story else None)
        return TimelineBuilt(events, story.name if story else None)

    return await in_daemon_thread(build, name="timeline")


def _story(library: Library, article_id: str | None) -> Story | None:
    """The open article's story, when it has other sources: a story of one is no view of it.
    (On a large corpus the first call groups it; this runs off the UI thread.)"""
    if article_id is None:
        return None
    story = library.story_of(article_id)
    return story if story is not None and len(story.members) > 1 else None


def _first_comparison(
    library: Library, pairs: list[tuple[str, str]], abandoned: threading.Event
) -> tuple[Comparison | None, list[str]]:
    """An article gone ends the search when it is in every pair."""
    gone: list[str] = []
    for first, second in pairs:
        if abandoned.is_set():
            break
        try:
            return library.compare(first, second), gone
        except ArticleNotFound as exc:
            gone.append(exc.wanted)
            if all(exc.wanted in pair for pair in pairs):
                break
    return None, gone
