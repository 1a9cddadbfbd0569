"""Article text made inert for the CLI's and the app's Markdown exports.

The escaping itself is search_index.report.markdown_text's (the reports use it too); here
control characters are first shown as visible stand-ins (plain.printable, one character for
one, so emphasis offsets stay valid): an escape sequence in a title must not reach a terminal
that prints the Markdown. No Textual here: the CLI uses it.
"""

from __future__ import annotations

from search_index.report import markdown_text as _escape

from .plain import printable

__all__ = ["markdown_cell", "markdown_emphasised_cell", "markdown_text"]


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly ``text`` (line breaks kept as breaks)."""
    return _escape.markdown_text(printable(text))


def markdown_cell(text: str) -> str:
    """``text`` for one table cell: one line, pipes escaped, rendered literally."""
    return _escape.markdown_cell(printable(text))


def markdown_emphasised_cell(text: str, start: int, end: int) -> str:
    """A table cell of ``text`` with ``text[start:end]`` in bold (the only markup in it)."""
    return _escape.markdown_emphasised_cell(printable(text), start, end)
