"""A source list's entries: one source as plain text, and the ``OptionList`` views of them.

Kept apart from the widget that draws them (source_list.py): an entry is data a screen builds
50,000 of, and the option views are made from entries one at a time, on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from textual.content import Content
from textual.visual import VisualType
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..render import printable

if TYPE_CHECKING:
    from .source_list import SourceList

__all__ = [
    "HEADING_STYLE",
    "META_STYLE",
    "ONE_LINE",
    "TITLE_STYLE",
    "EntryOptions",
    "SourceEntry",
    "entry_from_prompt",
]

TITLE_STYLE = "bold"
META_STYLE = "$text-muted"
# A group's heading (a story's row) reads apart from the sources under it, in colour and in
# its ▾/▸ mark for NO_COLOR.
HEADING_STYLE = "bold $accent"

# Tabs and line breaks would make a row wrap or jump; one space each keeps a row one line.
ONE_LINE = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One source in the list: its id, its title row and its meta row (plain text)."""

    id: str
    title: str
    meta: str
    heading: bool = False
    """A group's heading, not a source (a story's row in the list grouped by story)."""

    @property
    def prompt(self) -> Content:
        """Both rows as one Content, the form ``OptionList`` options carry."""
        title, meta = printable(self.title), printable(self.meta)
        return Content.assemble((title, TITLE_STYLE), "\n", (meta, META_STYLE))


def entry_from_prompt(prompt: VisualType, option_id: str | None = None) -> SourceEntry:
    """An entry from an ``OptionList``-style prompt: its first line is the title."""
    plain = prompt.plain if isinstance(prompt, Content) else str(prompt)
    title, _, meta = plain.partition("\n")
    return SourceEntry(option_id or "", title, meta.replace("\n", " "))


class EntryOptions(Sequence[Option]):
    """``OptionList.options`` for a SourceList: each Option is made when it is asked for, so
    nothing is built per entry when the list is filled."""

    def __init__(self, owner: SourceList) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return self._owner.option_count

    @overload
    def __getitem__(self, index: int) -> Option: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Option]: ...

    def __getitem__(self, index: int | slice) -> Option | Sequence[Option]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        try:
            return self._owner.get_option_at_index(index)
        except OptionDoesNotExist:
            # A Sequence ends where indexing raises IndexError (iteration relies on it).
            raise IndexError(index) from None
