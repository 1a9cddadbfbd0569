"""The marks: the sources marked for comparing, listed newest first, opened or cleared.

Marks are remembered between sessions, so ``c`` may compare with a source marked days ago;
this list is where the user sees them and clears the ones no longer wanted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search_index.models import ArticleInfo

from ..messages import UnmarkRequested
from ..render import printable
from ..widgets.lists import VimOptionList
from .source_rows import source_line

__all__ = ["MarksScreen", "mark_rows"]


def mark_rows(
    marked: Sequence[str], articles: Mapping[str, ArticleInfo]
) -> list[tuple[str, str]]:
    """The marks newest first (the one ``c`` compares with on top), each as (id, label):
    ``outlet · day — title``, or the file's id where neither outlet nor day is known. A mark
    whose article is not in the catalog keeps its id, so it can still be cleared."""
    rows = []
    for article_id in reversed(marked):
        article = articles.get(article_id)
        if article is None:
            rows.append((article_id, f"{article_id} (not in the corpus now)"))
            continue
        line = source_line(article) or article_id
        rows.append((article_id, f"{line} — {article.title}"))
    return rows


class MarksScreen(ModalScreen[str | None]):
    """The marks; enter opens one in the reader, d unmarks it, D clears them all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close", id="back"),
        Binding("d,delete", "unmark", "Unmark", id="unmark"),
        Binding("D", "unmark_all", "Clear all", id="unmark_all"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-box"):
            yield Static(Content("Marked for comparing (newest first)").stylize("bold"))
            yield Static(
                Content("enter opens · d unmarks · D clears all · esc closes"),
                classes="hint",
            )
            yield VimOptionList(
                *(Option(Content(printable(label)), id=ident) for ident, label in self.rows),
                id="marks",
            )

    def on_mount(self) -> None:
        self.query_one("#marks", OptionList).focus()

    @property
    def _list(self) -> OptionList:
        return self.query_one("#marks", OptionList)

    @on(OptionList.OptionSelected, "#marks")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_unmark(self) -> None:
        options = self._list
        index = options.highlighted
        if index is None:
            return
        ident = options.get_option_at_index(index).id
        if ident is None:
            return
        self.post_message(UnmarkRequested((ident,)))
        options.remove_option_at_index(index)
        self.rows = [row for row in self.rows if row[0] != ident]
        if not self.rows:
            self.dismiss(None)

    def action_unmark_all(self) -> None:
        self.post_message(UnmarkRequested(tuple(ident for ident, _ in self.rows)))
        self.dismiss(None)
