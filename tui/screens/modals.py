"""Small modal screens: help and the source picker."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search_index.models import ArticleInfo

from ..render import printable
from ..widgets.lists import VimOptionList

KEYS = [
    (
        "Everywhere",
        [
            ("?", "this help"),
            ("ctrl+p", "command palette (open a source, compare, theme)"),
            ("tab / shift+tab", "next / previous pane"),
            ("q", "back (quits on the main screen)"),
            ("ctrl+q", "quit"),
            ("esc", "clear the search or filter, close a panel"),
        ],
    ),
    (
        "Sources and reader",
        [
            ("j / k, arrows", "move / scroll"),
            ("space / b", "page down / up"),
            ("g / G", "top / bottom"),
            ("enter", "open the source (at its first match)"),
            ("/", "search as you type (phrases, AND/OR/NOT, person:, org:, place:)"),
            ("n / N", "next / previous match in the article"),
            ("] / [", "next / previous sentence another source contradicts"),
            ("e", "entity panel: choose one to filter sources and highlight it"),
            ("m", "mark the source for comparing"),
            ("c", "compare with the marked source, or pick one"),
            ("M", "claim matrix of the corpus"),
            ("t", "timeline of dated events"),
        ],
    ),
    (
        "Claim diff",
        [
            ("j / k", "move between rows"),
            ("] / [", "next / previous conflict"),
            ("f", "filter: all, conflicts only, hide agreements"),
            ("x", "swap sides"),
            ("enter / o, O", "open A's / B's sentence in its article"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close"),
    ]

    def compose(self) -> ComposeResult:
        lines: list[Content] = [Content("kimreader keys").stylize("bold $accent")]
        for section, keys in KEYS:
            lines.append(Content(""))
            lines.append(Content(section).stylize("bold"))
            lines.extend(
                Content.assemble((f"  {key:<16}", "bold $accent"), text) for key, text in keys
            )
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines))


class SourcePicker(ModalScreen[str | None]):
    """Choose the source to compare with."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss(None)", "Cancel")]

    def __init__(self, articles: list[ArticleInfo], exclude: str) -> None:
        super().__init__()
        self.articles = [a for a in articles if a.id != exclude]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Content("Compare with which source?").stylize("bold"))
            yield VimOptionList(
                *(
                    Option(Content(printable(f"{a.title}  ({a.outlet or a.id})")), id=a.id)
                    for a in self.articles
                ),
                id="picker",
            )

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        # A selection queued behind a dismissal (enter twice, or enter then esc, typed fast)
        # arrives after the picker has gone: dismissing again would pop the screen below it.
        if self.is_active:
            self.dismiss(event.option.id)
