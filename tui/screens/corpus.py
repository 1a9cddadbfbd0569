"""The timeline of a story (or of the corpus): dated events in order, sources under each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from search_index.claims.matrix import TimelineEvent

from ..messages import OpenArticle
from ..render import printable
from ..widgets.lists import VimOptionList
from .row_search import SEARCH_BINDINGS, RowSearch


class TimelineScreen(RowSearch):
    AUTO_FOCUS = "#timeline"  # not the search box, hidden until / asks
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.pop_screen", "Back", id="back"),
        *SEARCH_BINDINGS,
        # The reader's half-page keys too (j, k, space, b, g and G are the list's own).
        Binding("ctrl+d", "page(1)", "Page down", show=False, id="page_down"),
        Binding("ctrl+u", "page(-1)", "Page up", show=False, id="page_up"),
    ]

    def __init__(
        self,
        events: list[TimelineEvent],
        story: str | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.events = events
        self.story = story
        # Each source named as the list names it (outlet, else its title's first words).
        self.names = dict(names or {})
        self._rows: list[tuple[int, int]] = []
        self._texts: list[str] = []

    def compose(self) -> ComposeResult:
        scope = f"the story “{self.story}”" if self.story else "every source"
        yield Static(
            Content.assemble(
                "Timeline: dated events from ",
                (printable(scope), "bold"),
                " (! = sources disagree)",
            )
        )
        yield from self.search_box()
        options = []
        for index, event in enumerate(self.events):
            for number, claim in enumerate(event.claims):
                head = (
                    (f"{'!' if event.conflicting else ' '} {event.when:<10} ", "bold")
                    if number == 0
                    else ("             ", "")
                )
                source = self.names.get(claim.article_id, claim.article_id)
                # The whole sentence, wrapped by the list: cut at a width, it lost its end
                # mid-word.
                sentence = " ".join(claim.sentence.split())
                prompt = Content.assemble(
                    head,
                    (f"{printable(source)}  ", "$accent"),
                    (f"{printable(claim.value)}  ", "bold"),
                    printable(sentence),
                )
                options.append(Option(prompt, id=f"{index}:{number}"))
                self._rows.append((index, number))
                self._texts.append(" ¦ ".join((event.when, source, claim.value, sentence)))
        yield VimOptionList(*options, id="timeline")
        yield Footer()

    @property
    def _list(self) -> VimOptionList:
        return self.query_one("#timeline", VimOptionList)

    def search_texts(self) -> list[str]:
        return self._texts

    def search_cursor(self) -> int:
        return self._list.highlighted or 0

    def search_move(self, row: int) -> None:
        self._list.highlighted = row

    def search_focus(self) -> None:
        self._list.focus()

    def action_page(self, step: int) -> None:
        # OptionList pages by its laid-out lines (VimOptionList guards an empty layout).
        options = self._list
        if step > 0:
            options.action_page_down()
        else:
            options.action_page_up()

    @on(OptionList.OptionSelected, "#timeline")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if not self.is_active:
            return  # selected just before q closed the timeline: stay where the user went
        index, number = (int(x) for x in (event.option.id or "0:0").split(":"))
        claim = self.events[index].claims[number]
        self.post_message(OpenArticle(claim.article_id, claim.start, claim.end))
