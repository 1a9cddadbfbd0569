"""Opening the corpus at start-up, off the UI thread: the index opened, the saved state read,
what is indexed shown at once, then the index brought up to date.

The App runs ``open_corpus`` in a thread worker and routes the message it returns; what must
reach the screen before that (the state's warning, the first list, the progress) goes through
the ``StartupSteps`` the App hands in, each called on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.worker import Worker

from search_index.corpus import CorpusError
from search_index.library import Library, RefreshCancelled
from search_index.models import ArticleInfo
from search_index.state import ReadingState, StateStore

from .messages import CorpusFailed, CorpusLoaded

__all__ = ["BUSY_WAIT_SECONDS", "StartupSteps", "open_corpus"]

# A short wait for another process holding the index: the app then says so and tries again
# rather than show "Opening the corpus…" for 15 s.
BUSY_WAIT_SECONDS = 1.0
# Progress is told only for a refresh this large, every this many articles.
PROGRESS_FROM = 20
PROGRESS_EVERY = 10


@dataclass(frozen=True)
class StartupSteps:
    """What the loading thread tells the UI on the way (each already sent to the UI thread)."""

    state_read: Callable[[StateStore, ReadingState, str | None], None]
    """The saved state (and a warning if it could not be read whole)."""
    indexed_so_far: Callable[[Library, list[ArticleInfo]], None]
    """What the index already holds: readable while the rest is indexed."""
    progress: Callable[[str], None]
    """A status line while indexing."""


def open_corpus(
    corpus: Path | None, *, remember: bool, worker: Worker[None], steps: StartupSteps
) -> CorpusLoaded | CorpusFailed | None:
    """The corpus opened and refreshed → CorpusLoaded; CorpusFailed with the reason; None when
    the worker was cancelled (quitting, or a newer load) and nothing is to be shown."""
    try:
        library = Library.open(corpus)
    except CorpusError as exc:
        return CorpusFailed(str(exc))
    if remember:
        store = StateStore(library.corpus_dir)
        state, warning = store.load()
        steps.state_read(store, state, warning)

    steps.indexed_so_far(library, library.catalog())

    def progress(done: int, total: int) -> None:
        # Quitting cancels the worker, but a thread cannot be stopped from outside, and the
        # process waits for it: the refresh stops at the next article instead, with nothing
        # committed (the next run indexes the corpus again).
        if worker.is_cancelled:
            raise RefreshCancelled
        if total > PROGRESS_FROM and (done % PROGRESS_EVERY == 0 or done == total):
            steps.progress(f"indexing: {done} of {total} articles…")

    # Forking worker processes from a threaded program is unsafe: analyse in this thread.
    try:
        refresh = library.refresh(progress, parallel=False, wait=BUSY_WAIT_SECONDS)
    except RefreshCancelled:
        library.close()
        return None
    if worker.is_cancelled:  # a newer load replaced this one as the refresh ended
        library.close()
        return None
    # Read here, off the UI thread: the provenance records beside saved pages.
    return CorpusLoaded(library, refresh, library.versions())
