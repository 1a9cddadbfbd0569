"""`/`, `n` and `N` in the views made of rows (the overview's facts, the timeline), as in the
reader and the claim diff: `/` asks, `n`/`N` step to the next or previous row holding the query
(a phrase matched whole, case aside), `esc` closes the box before it closes the view.

The matching is plain (``row_hits``, ``step_to``); the mixin only routes keys to the screen's
rows, which the screen names (``search_texts``) and moves to (``search_move``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from ..render import printable

__all__ = ["SEARCH_BINDINGS", "RowSearch", "row_hits", "step_to"]

SEARCH_BINDINGS: list[BindingType] = [
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "find(1)", "Next match", show=False, id="next_match"),
    Binding("N", "find(-1)", "Prev match", show=False, id="previous_match"),
    Binding("escape", "close", "Back", show=False, id="close"),
]


def row_hits(rows: Iterable[str], query: str) -> list[int]:
    """The rows holding ``query``: case aside and blanks collapsed, so a phrase is one."""
    wanted = " ".join(query.casefold().split())
    if not wanted:
        return []
    return [i for i, text in enumerate(rows) if wanted in " ".join(text.casefold().split())]


def step_to(hits: Sequence[int], cursor: int, step: int, include_current: bool) -> int:
    """The hit to go to from ``cursor``: the next (``step`` 1) or previous one, round the end;
    the cursor's own row when ``include_current`` and it is a hit (a new search)."""
    if include_current and cursor in hits:
        return cursor
    if step > 0:
        return next((i for i in hits if i > cursor), hits[0])
    return next((i for i in reversed(hits) if i < cursor), hits[-1])


class RowSearch(Screen[None]):
    """A screen of rows that `/`, `n` and `N` search (its BINDINGS add SEARCH_BINDINGS)."""

    SEARCH_PLACEHOLDER = "search: words or a phrase, enter to find"

    def __init__(self) -> None:
        super().__init__()
        self.search_text = ""

    def search_box(self) -> ComposeResult:
        box = Input(placeholder=self.SEARCH_PLACEHOLDER, id="row-search")
        box.display = False
        yield box

    # What the screen gives: its rows' texts, where its cursor is, and how to move it.
    def search_texts(self) -> list[str]:
        raise NotImplementedError

    def search_cursor(self) -> int:
        raise NotImplementedError

    def search_move(self, row: int) -> None:
        raise NotImplementedError

    def action_search(self) -> None:
        box = self.query_one("#row-search", Input)
        box.display = True
        box.focus()

    def action_close(self) -> None:
        """esc: close the search box when it is open, else back where the view came from."""
        box = self.query_one("#row-search", Input)
        if box.display:
            box.display = False
            self.set_focus(None)
            self.search_focus()
            return
        self.app.pop_screen()

    def search_focus(self) -> None:
        """Where the keys go once the search box closes (the screen's rows)."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "row-search":
            return
        event.stop()
        self.search_text = event.value.strip()
        event.input.display = False
        self.set_focus(None)
        self.search_focus()
        if self.search_text:
            self._find(1, include_current=True)

    def action_find(self, step: int) -> None:
        if not self.search_text:
            self.notify("/ to search first", severity="warning")
            return
        self._find(step, include_current=False)

    def _find(self, step: int, include_current: bool) -> None:
        hits = row_hits(self.search_texts(), self.search_text)
        if not hits:
            self.notify(printable(f"“{self.search_text}” is in no row shown"), severity="warning")
            return
        target = step_to(hits, self.search_cursor(), step, include_current)
        self.search_move(target)
        self.notify(f"row {hits.index(target) + 1} of {len(hits)} holding it", timeout=2)
