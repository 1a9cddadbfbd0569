"""Corpus-wide views: the claim matrix and the timeline."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from search_index.claims.extract import Claim
from search_index.claims.matrix import Subject, TimelineEvent
from search_index.claims.values import hedge_class

from ..messages import OpenArticle
from ..render import printable
from ..widgets.lists import VimOptionList

_HEDGE_MARKS = {"above": ">", "below": "<", "approx": "~", "exact": ""}


def _short(claim: Claim) -> str:
    """A cell value: canonical and hedged, "~14000", ">10000", "2025-10"."""
    if claim.quantity is None:
        return claim.value
    return _HEDGE_MARKS.get(hedge_class(claim.quantity), "") + claim.value


class MatrixScreen(Screen[None]):
    """Subjects by sources; enter opens the claim in the highlighted cell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("enter", "open_cell", "Open", show=True),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    def __init__(self, subjects: list[Subject], ids: list[str], story: str | None = None) -> None:
        super().__init__()
        self.subjects = subjects
        self.ids = ids
        self.story = story

    def compose(self) -> ComposeResult:
        conflicts = sum(1 for s in self.subjects if s.conflicting)
        scope = f"the story “{self.story}”" if self.story else "the whole corpus"
        yield Static(
            Content.assemble(
                "Claim matrix of ",
                (printable(scope), "bold"),
                f": {len(self.subjects)} subjects given by two or more sources, "
                f"{conflicts} with conflicting values (! marks them)",
            )
        )
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#matrix", DataTable)
        table.add_column("", key="flag", width=1)
        table.add_column("subject", key="subject", width=18)
        # Fixed widths so every source fits; the full value is one enter away.
        width = max(12, min(28, (self.size.width - 26) // max(1, len(self.ids)) - 2))
        for article_id in self.ids:
            # rich Text, not str: a str label would be read as markup.
            table.add_column(Text(printable(article_id[:width])), key=article_id, width=width)
        for index, subject in enumerate(self.subjects):
            cells = subject.cells()
            # rich Text, not str: a str cell would be read as markup.
            row = [Text("!" if subject.conflicting else ""), Text(subject.topic)]
            row += [
                Text(", ".join(dict.fromkeys(_short(c) for c in cells.get(i, []))) or "·")
                for i in self.ids
            ]
            table.add_row(*row, key=str(index))
        table.focus()

    def action_cursor_down(self) -> None:
        self.query_one("#matrix", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#matrix", DataTable).action_cursor_up()

    def action_open_cell(self) -> None:
        table = self.query_one("#matrix", DataTable)
        row, column = table.cursor_coordinate
        if row >= len(self.subjects) or column < 2:
            return
        claims = self.subjects[row].cells().get(self.ids[column - 2], [])
        if claims:
            claim = claims[0]
            self.post_message(OpenArticle(claim.article_id, claim.start, claim.end))


class TimelineScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.pop_screen", "Back")]

    def __init__(self, events: list[TimelineEvent], story: str | None = None) -> None:
        super().__init__()
        self.events = events
        self.story = story

    def compose(self) -> ComposeResult:
        scope = f"the story “{self.story}”" if self.story else "every source"
        yield Static(
            Content.assemble(
                "Timeline: dated events from ",
                (printable(scope), "bold"),
                " (! = sources disagree)",
            )
        )
        options = []
        for index, event in enumerate(self.events):
            for number, claim in enumerate(event.claims):
                head = (
                    (f"{'!' if event.conflicting else ' '} {event.when:<10} ", "bold")
                    if number == 0
                    else ("             ", "")
                )
                prompt = Content.assemble(
                    head,
                    (f"{printable(claim.article_id[:10])} ", "$accent"),
                    (f"{claim.value:<10} ", "bold"),
                    claim.sentence[:200],
                )
                options.append(Option(prompt, id=f"{index}:{number}"))
        yield VimOptionList(*options, id="timeline")
        yield Footer()

    @on(OptionList.OptionSelected, "#timeline")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if not self.is_active:
            return  # selected just before q closed the timeline: stay where the user went
        index, number = (int(x) for x in (event.option.id or "0:0").split(":"))
        claim = self.events[index].claims[number]
        self.post_message(OpenArticle(claim.article_id, claim.start, claim.end))
