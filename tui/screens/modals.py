"""Small modal screens: help, the source picker, and where to write a report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from search_index.models import ArticleInfo

from ..render import entity_styles, printable
from ..widgets.lists import VimOptionList
from .help_keys import legend, sections


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Close", id="back"),
        # The key that opened help closes it, wherever the key map put it.
        Binding("question_mark", "app.pop_screen", "Close", show=False, id="help"),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})
        """Binding id -> keys, from config.toml: help names the keys as remapped."""

    def compose(self) -> ComposeResult:
        lines: list[Content] = [Content("kimreader keys").stylize("bold $accent")]
        for section, keys in sections(self.app.BINDINGS, self.keymap):
            lines.append(Content(""))
            lines.append(Content(section).stylize("bold"))
            lines.extend(
                Content.assemble((f"  {key:<16}", "bold $accent"), " " * (len(key) > 16), text)
                for key, text in keys
            )
        lines += [
            Content(""),
            Content("What the styles and marks mean").stylize("bold"),
            *legend(entity_styles(self.app.theme_variables)),
        ]
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


class ReportPath(ModalScreen[Path | None]):
    """Where to write a report: a proposed path, accepted with enter or edited first; its
    suffix (.html, .md, .csv) picks the format. esc cancels."""

    DEFAULT_CSS = """
    ReportPath { align: center middle; }
    #report-box {
        width: 80%; max-width: 100; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    #report-box .hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, what: str, proposed: Path) -> None:
        super().__init__()
        self.what = what
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(id="report-box"):
            yield Static(Content(f"Write {self.what} as a report to:").stylize("bold"))
            yield Input(value=printable(str(self.proposed)), id="report-path")
            yield Static(
                Content(
                    "The suffix picks the format: .html (one self-contained page), .md "
                    "(Markdown), .csv (a table). enter writes, esc cancels."
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        path = self.query_one("#report-path", Input)
        path.focus()
        path.cursor_position = len(path.value)

    @on(Input.Submitted, "#report-path")
    def _chosen(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.notify("Type a file name, or esc to cancel.", severity="warning")
            return
        if self.is_active:
            self.dismiss(Path(typed).expanduser())


def write_report_and_tell(
    screen: Screen[None], path: Path, render_as: Callable[[str], str]
) -> None:
    """Write the report (see write_report_file) and tell where, or why it could not be
    written (from a worker thread: ``notify`` is safe there)."""
    try:
        note = write_report_file(path, render_as)
    except OSError as exc:
        screen.notify(
            printable(f"Could not write {path}: {exc.strerror or exc}"),
            severity="error",
            markup=False,
        )
        return
    screen.notify(note, markup=False, timeout=8)


def write_report_file(path: Path, render_as: Callable[[str], str]) -> str:
    """The report rendered in the format ``path``'s suffix names (html when it names none),
    written there; the note that says where. Raises OSError as open() does."""
    # Imported here: the reports (and the claim diff under them) are not needed for the app's
    # first frame, only when one is written.
    from search_index.report import format_for, write_report

    fmt = format_for(path)
    written = write_report(path, render_as(fmt))
    return printable(f"Wrote the {fmt} report to {written}")
