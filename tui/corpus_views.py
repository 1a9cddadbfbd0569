"""The corpus-wide views built off the UI thread: the claim diff of two sources, the claim
matrix and the timeline, each answered as the message the App routes to open its screen.

They read every claim of the articles they cover: on a large corpus or long articles that
takes seconds, so each runs in a daemon thread (they only read, and quitting need not wait
for them: see tui/background.py).
"""

from __future__ import annotations

import threading

from search_index.claims.align import Comparison
from search_index.ids import ArticleNotFound
from search_index.library import Library

from .background import in_daemon_thread
from .messages import MatrixBuilt, TimelineBuilt

__all__ = ["build_matrix", "build_timeline", "compare_first"]


async def compare_first(
    library: Library, pairs: list[tuple[str, str]]
) -> tuple[Comparison | None, list[str]]:
    """The first of ``pairs`` whose articles are both there, compared → (comparison or None,
    the ids found gone on the way)."""
    return await in_daemon_thread(
        lambda abandoned: _first_comparison(library, pairs, abandoned), name="compare"
    )


async def build_matrix(library: Library) -> MatrixBuilt:
    """The subjects two or more sources give. Raises ArticleNotFound when the corpus changed
    while it was built (only while the start-up refresh removes files)."""
    subjects, ids = await in_daemon_thread(
        lambda _: (
            [s for s in library.claim_matrix() if len(s.sources) > 1],
            library.ids(),
        ),
        name="matrix",
    )
    return MatrixBuilt(subjects, ids)


async def build_timeline(library: Library) -> TimelineBuilt:
    """Dated events from every source. Raises ArticleNotFound as ``build_matrix`` does."""
    return TimelineBuilt(await in_daemon_thread(lambda _: library.timeline(), name="timeline"))


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
