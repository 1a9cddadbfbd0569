"""Lists and scrolling panes with the conventional vim keys (hidden from the footer)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class VimOptionList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("g", "first", "Top", show=False, id="top"),
        Binding("G", "last", "Bottom", show=False, id="bottom"),
        Binding("space", "page_down", "Page down", show=False, id="page_down"),
        Binding("b", "page_up", "Page up", show=False, id="page_up"),
    ]

    # Textual's OptionList pages by its laid-out lines and raises KeyError when there are none:
    # a list not laid out yet, or with no room for a line (the entity panel in a small terminal).
    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()  # type: ignore[no-untyped-call]

    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()  # type: ignore[no-untyped-call]
