"""Opening the corpus at start-up, off the UI thread: the index opened, the saved state read,
what is indexed shown at once, then the index brought up to date.

The App runs ``open_corpus`` in a thread worker and routes the message it returns; what must
reach the screen before that (the state's warning, the first list, the progress) goes through
the ``StartupSteps`` the App hands in, each called on the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.worker import Worker

from search_index.corpus import CorpusError
from search_index.library import Library, RefreshCancelled
from search_index.models import ArticleInfo
from search_index.state import ReadingState, StateStore

from .messages import CorpusFailed, CorpusLoaded

__all__ = ["BUSY_WAIT_SECONDS", "BuildClock", "StartupSteps", "open_corpus"]

# A short wait for another process holding the index: the app then says so and tries again
# rather than show "Opening the corpus…" for 15 s.
BUSY_WAIT_SECONDS = 1.0
# Progress is told only for a refresh this large, every this many articles.
PROGRESS_FROM = 20
PROGRESS_EVERY = 10
# A rate and a time left are told once this much of a phase has passed: before, they are noise.
RATE_AFTER_SECONDS = 2.0


class BuildClock:
    """What the status line says while the index is built: the phase, how far, how fast, and
    about how long is left. Plain, so it is tested without an app.

    The rate counts from when analysis first began, commits included: a build committed in
    batches pauses to write each one, and a rate that left the pauses out promised too soon.
    """

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self.phase = "reading"
        self._since: float | None = None
        self._done_at_start = 0

    def enter(self, phase: str, done: int = 0) -> None:
        self.phase = phase
        if phase == "analysing" and self._since is None:
            self._since, self._done_at_start = self._now(), done

    def status(self, done: int, total: int) -> str:
        if self.phase == "reading":
            return "indexing: reading the folder…"
        if self.phase == "grouping":
            return f"indexing: grouping {total:,} articles into stories…"
        if self.phase in ("writing", "merging"):
            text = f"indexing: {self.phase} ({done:,} of {total:,} articles analysed)"
        else:
            text = f"indexing: analysing {done:,} of {total:,} articles"
        if self._since is not None and done < total:
            elapsed = self._now() - self._since
            counted = done - self._done_at_start
            if elapsed >= RATE_AFTER_SECONDS and counted > 0:
                rate = counted / elapsed
                left = (total - done) / rate
                text += f" · {rate:,.0f}/s · about {_duration(left)} left"
        return text + "…"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


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

    clock = BuildClock()
    counted = {"done": 0, "total": 0}

    def progress(done: int, total: int) -> None:
        # Quitting cancels the worker, but a thread cannot be stopped from outside, and the
        # process waits for it: the refresh stops at the next article instead, with what the
        # batches before committed kept (the next run indexes the rest).
        if worker.is_cancelled:
            raise RefreshCancelled
        counted.update(done=done, total=total)
        if total > PROGRESS_FROM and (done % PROGRESS_EVERY == 0 or done == total):
            steps.progress(clock.status(done, total))

    def phase(name: str) -> None:
        clock.enter(name, counted["done"])
        if counted["total"] > PROGRESS_FROM or name == "reading":
            steps.progress(clock.status(counted["done"], counted["total"]))

    def committed() -> None:
        # A batch is readable: the list shows it while the rest is indexed.
        steps.indexed_so_far(library, library.catalog())

    # Forking from a threaded program is unsafe: a large build runs `kimreader index`'s
    # parallel path in a process of its own (search_index.build_process), committed batch by
    # batch, and this thread only relays what it tells.
    try:
        refresh = library.refresh(
            progress,
            parallel=False,
            threaded=True,
            wait=BUSY_WAIT_SECONDS,
            phase=phase,
            committed=committed,
        )
    except RefreshCancelled:
        library.close()
        return None
    if worker.is_cancelled:  # a newer load replaced this one as the refresh ended
        library.close()
        return None
    # Read here, off the UI thread: the provenance records beside saved pages.
    return CorpusLoaded(library, refresh, library.versions())
