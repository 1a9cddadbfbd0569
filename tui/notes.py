"""What the app tells the user about things that went wrong out of sight: articles gone from
the corpus, background jobs that failed."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from search_index.state import Forgotten

from .render import printable


def gone_notes(forgotten: Forgotten, *, opened_first: bool) -> list[str]:
    """What to tell the user about saved state that named articles no longer there."""
    notes: list[str] = []
    if forgotten.last_article is not None:
        instead = "; opened the first one" if opened_first else ""
        notes.append(
            f"The article you were last reading ({forgotten.last_article}) is gone{instead}."
        )
    marks = forgotten.marked
    if len(marks) == 1:
        notes.append(f"Marked article {marks[0]} is gone; its mark is cleared.")
    elif marks:
        shown = ", ".join(marks[:3]) + (f" and {len(marks) - 3} more" if len(marks) > 3 else "")
        notes.append(f"{len(marks)} marked articles are gone ({shown}); their marks are cleared.")
    # Ids come from file names: never a terminal escape.
    return [printable(note) for note in notes]


def report_failure(node: App[None] | Widget, event: Worker.StateChanged) -> None:
    """A background job that failed is told to the user, never dropped silently."""
    if event.state == WorkerState.ERROR:
        node.notify(
            printable(f"{event.worker.name or 'a background job'} failed: {event.worker.error}"),
            severity="error",
            markup=False,
        )
