"""The search box: a one-line Input that never holds terminal control characters."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from search_index.text import one_line, strip_controls


class SearchInput(Input):
    """An Input that cleans what arrives (a paste, a key, a value set by code).

    Textual's Input keeps control characters: a pasted OSC 52 clipboard write or clear-screen
    would sit in the query and be drawn raw.
    """

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which keeps the first line of the paste: cleaned
        # first, a stray separator control (\x1c, \x85) cannot cut the query short.
        event.text = strip_controls(event.text)

    def replace(self, text: str, start: int, end: int) -> None:
        # Cleaned here too, so the cursor lands after the text that was actually inserted.
        super().replace(one_line(text), start, end)

    def validate_value(self, value: str) -> str:
        return one_line(value)
