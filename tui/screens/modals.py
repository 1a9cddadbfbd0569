"""Small modal screens: help and the source picker."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
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
            ("esc", "stop a view or the grouping being built; clear the search, close a panel"),
        ],
    ),
    (
        "Sources and reader",
        [
            ("j / k, arrows", "move / scroll"),
            ("space / b", "page down / up"),
            ("g / G", "top / bottom"),
            ("enter", "open the source (at its first match); on a story's row, fold / unfold it"),
            ("s", "group the list by story (newest first), or one list again"),
            ("/", "search as you type (phrases, AND/OR/NOT, person:, org:, place:)"),
            ("n / N", "next / previous match in the article"),
            ("] / [", "next / previous sentence another source contradicts"),
            ("e", "entity panel: choose one to filter sources and highlight it"),
            ("m", "mark the source for comparing"),
            ("c", "compare with the marked source, or pick one"),
            ("M", "overview of the open article's story: facts by sources, consensus, outliers"),
            ("t", "timeline of dated events in the open article's story"),
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
    """Choose the source to compare with: the open article's story first, filtered as you type
    (every word typed must appear in the title, outlet or id)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("down", "to_list", show=False),
    ]

    def __init__(
        self, articles: list[ArticleInfo], exclude: str, first: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        others = [a for a in articles if a.id != exclude]
        # Stable: within each group the list keeps the corpus order the user knows.
        self.articles = sorted(others, key=lambda a: a.id not in first)
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Content("Compare with which source?").stylize("bold"))
            yield Input(placeholder="type to filter by title, outlet or id", id="picker-filter")
            yield VimOptionList(*self._options(""), id="picker")

    def on_mount(self) -> None:
        self.query_one("#picker-filter", Input).focus()

    def _options(self, typed: str) -> list[Option]:
        words = typed.casefold().split()
        options = []
        for article in self.articles:
            haystack = f"{article.title} {article.outlet or ''} {article.id}".casefold()
            if all(word in haystack for word in words):
                mark = "● " if article.id in self.first else "  "
                label = f"{mark}{article.title}  ({article.outlet or article.id})"
                options.append(Option(Content(printable(label)), id=article.id))
        return options

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        picker = self.query_one("#picker", OptionList)
        picker.clear_options()
        picker.add_options(self._options(event.value))
        picker.highlighted = 0 if picker.option_count else None

    @on(Input.Submitted, "#picker-filter")
    def _take_highlighted(self) -> None:
        picker = self.query_one("#picker", OptionList)
        if picker.highlighted is not None and self.is_active:
            self.dismiss(picker.get_option_at_index(picker.highlighted).id)

    def action_to_list(self) -> None:
        self.query_one("#picker", OptionList).focus()

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        # A selection queued behind a dismissal (enter twice, or enter then esc, typed fast)
        # arrives after the picker has gone: dismissing again would pop the screen below it.
        if self.is_active:
            self.dismiss(event.option.id)
