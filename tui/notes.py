"""What the app tells the user about things that went wrong out of sight: articles gone from
the corpus, background jobs that failed (and how a failed job reaches the one handler)."""

from __future__ import annotations

from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from search_index.state import Forgotten

from .messages import WorkerFailed
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


def forward_failure(node: MessagePump, event: Worker.StateChanged) -> None:
    """A worker of ``node`` that failed, posted upward as WorkerFailed for the App to tell.

    Textual's ``Worker.StateChanged`` goes to the node that ran the worker and does not
    bubble: every screen, widget and the App that run workers call this from their handler,
    so one handler (``report_failure``, the App's) speaks for all of them.
    """
    if event.state == WorkerState.ERROR:
        worker = event.worker
        node.post_message(WorkerFailed(worker.name or "a background job", worker.error))


def report_failure(app: App[None], event: WorkerFailed) -> None:
    """A background job that failed is told to the user, never dropped silently."""
    app.notify(printable(f"{event.job} failed: {event.error}"), severity="error", markup=False)
