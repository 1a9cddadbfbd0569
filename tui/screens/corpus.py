"""The timeline of a story (or of the corpus): dated events in order, sources under each."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from search_index.claims.matrix import TimelineEvent

from ..messages import OpenArticle
from ..render import printable
from ..widgets.lists import VimOptionList


class TimelineScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.pop_screen", "Back", id="back")
    ]

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
