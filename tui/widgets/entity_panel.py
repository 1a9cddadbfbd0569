"""The entity panel: the corpus's people, places and organisations by type, to filter by.

It lists what the library's entity table holds (built off the UI thread: merging a large
corpus's entities takes a moment) and posts ``OptionList.OptionSelected`` like any list; the
screen that holds it decides what choosing an entity does.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option
from textual.worker import Worker

from search_index.library import Library
from search_index.models import NAME_TYPES, Entity

from ..notes import forward_failure
from ..render import printable
from .lists import VimOptionList

__all__ = ["ENTITIES_PER_TYPE", "EntityPanel", "entity_options"]

# The most mentioned entities of each type: a panel of thousands would be read by nobody.
ENTITIES_PER_TYPE = 60


def entity_options(entities: list[Entity]) -> list[Option]:
    """The panel's rows: a muted heading per type, then its entities (mentions × sources)."""
    options: list[Option] = []
    for kind in NAME_TYPES:
        of_kind = [e for e in entities if e.type == kind][:ENTITIES_PER_TYPE]
        if not of_kind:
            continue
        options.append(Option(Content(kind).stylize("bold $text-muted"), disabled=True))
        options.extend(
            Option(
                Content.assemble(
                    f"{printable(e.name)} ",
                    (f"{e.mentions}×{len(e.sources)}", "$text-muted"),
                ),
                id=e.id,
            )
            for e in of_kind
        )
    return options


class EntityPanel(VimOptionList):
    """A list of the corpus's entities, filled from a worker when it is shown."""

    @dataclass
    class Listed(Message, bubble=False):
        """The fill worker's result: the rows to show."""

        options: list[Option]

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def fill(self, library: Library) -> None:
        """The corpus's entities by type, read off the UI thread."""
        self.post_message(self.Listed(entity_options(library.entities().entities)))

    @on(Listed)
    def _listed(self, event: Listed) -> None:
        self.clear_options()
        self.add_options(event.options)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)
