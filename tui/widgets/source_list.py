"""The source list: a virtual list that draws only the entries on screen.

Textual's ``OptionList`` wraps every option's prompt to learn its height before it draws one
line; for 50,000 articles that took seconds at first paint and on every resize. Here every
entry is exactly two rows (a bold title, a muted meta line), cropped with an ellipsis and
never wrapped, so the layout is arithmetic: entry ``i`` is rows ``2i`` and ``2i + 1``, and
only the rows on screen are ever built (Textual's Line API, ``render_line``).

The widget is an ``OptionList`` subclass on purpose: the app, its tests and the screenshot
script find ``#sources`` as an ``OptionList``, handle its ``OptionHighlighted`` /
``OptionSelected`` messages and style it with its component classes. Everything that walked
``OptionList``'s per-option lines is replaced; its options are made on demand from plain
entries, one at a time (the entries and their option views: source_entries.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, VisualType
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..render import printable
from .lists import VimOptionList
from .source_entries import (
    HEADING_STYLE,
    META_STYLE,
    ONE_LINE,
    TITLE_STYLE,
    EntryOptions,
    SourceEntry,
    entry_from_prompt,
)

if TYPE_CHECKING:
    from typing import Self

__all__ = ["ROWS_PER_ENTRY", "SourceEntry", "SourceList"]

ROWS_PER_ENTRY = 2


class SourceList(VimOptionList):
    """A list of sources, two rows each, drawn a screenful at a time."""

    class NearEnd(Message):
        """The highlight or the view came within a screenful of the last entry: a list
        that shows one page of a longer ranking can fetch the next one."""

        def __init__(self, source_list: SourceList) -> None:
            super().__init__()
            self.source_list = source_list

        @property
        def control(self) -> SourceList:
            return self.source_list

    # OptionList lays out to its content ("height: auto"); the source list always fills its
    # pane, and nothing here needs to measure every entry.
    DEFAULT_CSS = """
    SourceList {
        height: 1fr;
        max-height: 100%;
    }
    """

    ROW_CACHE_SIZE: ClassVar[int] = 1024

    def __init__(
        self,
        *entries: SourceEntry,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        # OptionList.__init__ calls add_options and reads these: they must exist first.
        self._entries: list[SourceEntry] = []
        self._id_index: dict[str, int] | None = None
        self._row_cache: LRUCache[tuple[int, int, Style, int], Strip] = LRUCache(
            self.ROW_CACHE_SIZE
        )
        super().__init__(name=name, id=id, classes=classes, disabled=disabled, markup=False)
        if entries:
            self.set_entries(entries)

    # -- the entries -----------------------------------------------------------------------

    @property
    def entries(self) -> Sequence[SourceEntry]:
        """The entries, in order (read-only)."""
        return self._entries

    def set_entries(self, entries: Iterable[SourceEntry]) -> Self:
        """Replace every entry; nothing is highlighted until ``highlighted`` is set.

        Costs one list copy: nothing is measured or rendered until it is on screen.
        Entry ids are expected to be unique (lookups by id find the first).
        """
        self._entries = list(entries)
        self._id_index = None
        self._row_cache.clear()
        self._mouse_hovering_over = None
        self.highlighted = None
        self.scroll_y = 0
        self._update_lines()
        self.refresh(layout=self.styles.auto_dimensions)
        return self

    def extend_entries(self, entries: Iterable[SourceEntry]) -> None:
        """Append entries where the list ends, leaving the highlight and the view where they
        are (a next page of results arriving while the list is read)."""
        added = list(entries)
        if not added:
            return
        self._entries.extend(added)
        self._id_index = None
        self._update_lines()
        self.refresh()

    def _check_near_end(self) -> None:
        if not self._entries or not self.is_mounted:
            return
        screenful = max(1, self.scrollable_content_region.height)
        last_row = ROWS_PER_ENTRY * len(self._entries)
        highlighted = self.highlighted if self.highlighted is not None else -1
        if (
            self.scroll_offset.y + 2 * screenful >= last_row
            or ROWS_PER_ENTRY * (highlighted + 1) + screenful >= last_row
        ):
            self.post_message(self.NearEnd(self))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._check_near_end()

    @property
    def options(self) -> Sequence[Option]:
        return EntryOptions(self)

    @property
    def option_count(self) -> int:
        return len(self._entries)

    def clear_options(self) -> Self:
        return self.set_entries([])

    def set_options(self, options: Iterable[SourceEntry | Option | VisualType | None]) -> Self:
        return self.set_entries(self._to_entries(options))

    def add_options(self, new_options: Iterable[SourceEntry | Option | VisualType | None]) -> Self:
        """Append entries (``SourceEntry``, or ``Option`` / prompts whose first line is the
        title); ``None``, a separator in ``OptionList``, is ignored: rows have no dividers."""
        added = self._to_entries(new_options)
        if not added:
            return self
        highlighted = self.highlighted
        self.set_entries([*self._entries, *added])
        if highlighted is not None:
            self.highlighted = highlighted
        return self

    def add_option(self, option: SourceEntry | Option | VisualType | None = None) -> Self:
        return self.add_options([option])

    @staticmethod
    def _to_entries(
        items: Iterable[SourceEntry | Option | VisualType | None],
    ) -> list[SourceEntry]:
        entries: list[SourceEntry] = []
        for item in items:
            if item is None:
                continue
            if isinstance(item, SourceEntry):
                entries.append(item)
            elif isinstance(item, Option):
                entries.append(entry_from_prompt(item.prompt, item.id))
            else:
                entries.append(entry_from_prompt(item))
        return entries

    def get_option_at_index(self, index: int) -> Option:
        try:
            entry = self._entries[index]
        except IndexError:
            raise OptionDoesNotExist(f"There is no option with an index of {index}") from None
        return Option(entry.prompt, id=entry.id or None)

    def get_option_index(self, option_id: str) -> int:
        if self._id_index is None:
            # Built on the first lookup by id, not on every fill: populating stays one copy.
            index: dict[str, int] = {}
            for position, entry in enumerate(self._entries):
                index.setdefault(entry.id, position)
            self._id_index = index
        try:
            return self._id_index[option_id]
        except KeyError:
            raise OptionDoesNotExist(f"There is no option with an ID of {option_id!r}") from None

    def get_option(self, option_id: str) -> Option:
        return self.get_option_at_index(self.get_option_index(option_id))

    def remove_option(self, option_id: str) -> Self:
        return self.remove_option_at_index(self.get_option_index(option_id))

    def remove_option_at_index(self, index: int) -> Self:
        if not -len(self._entries) <= index < len(self._entries):
            raise OptionDoesNotExist(f"Unable to remove; there is no option at index {index}")
        highlighted = self.highlighted
        entries = list(self._entries)
        del entries[index]
        self.set_entries(entries)
        if highlighted is not None and entries:
            self.highlighted = min(highlighted, len(entries) - 1)
        return self

    def _set_option_disabled(self, index: int, disabled: bool) -> Self:
        raise NotImplementedError("entries of a SourceList cannot be disabled")

    def _replace_option_prompt(self, index: int, prompt: VisualType) -> None:
        raise NotImplementedError("replace the entries with set_entries")

    # -- layout and drawing ----------------------------------------------------------------

    def _clear_caches(self) -> None:
        self._row_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        # A theme or focus change restyles the rows: cached strips carry the old colours.
        self._row_cache.clear()
        super().notify_style_update()

    def _update_lines(self) -> None:
        """The virtual size, by arithmetic: no entry is measured."""
        region = self.scrollable_content_region
        if not region:
            return
        virtual_size = Size(region.width, ROWS_PER_ENTRY * len(self._entries))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        # A pane made smaller must still show the highlighted entry.
        self._update_lines()
        self.scroll_to_highlight()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if not self._entries:
            return 0
        # Only asked for under "width: auto", which the app never sets: then one pass is fine.
        widest = max(max(cell_len(e.title), cell_len(e.meta)) for e in self._entries)
        return widest + self.get_component_styles("option-list--option").padding.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return ROWS_PER_ENTRY * len(self._entries)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, row = divmod(self.scroll_offset.y + y, ROWS_PER_ENTRY)
        if not 0 <= index < len(self._entries):
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        if self.highlighted == index:
            style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        elif self._mouse_hovering_over == index:
            style = self.get_visual_style("option-list--option", "option-list--option-hover")
        else:
            style = self.get_visual_style("option-list--option")
        return self._render_row(index, row, style, width)

    def _render_row(self, index: int, row: int, style: Style, width: int) -> Strip:
        key = (index, row, style, width)
        if (strip := self._row_cache.get(key)) is not None:
            return strip
        entry = self._entries[index]
        text, text_style = (entry.title, TITLE_STYLE) if row == 0 else (entry.meta, META_STYLE)
        if row == 0 and entry.heading:
            text_style = HEADING_STYLE
        # Content.styled takes the text as it is, never as markup. printable again, for
        # callers that did not clean their text: Content keeps an ESC, which the terminal
        # would obey. Only the rows on screen pay for it.
        content = Content.styled(printable(text).translate(ONE_LINE), text_style)
        content = content.truncate(width, ellipsis=True)
        strips = Visual.to_strips(self, content, width, 1, style)
        strip = strips[0] if strips else Strip.blank(0)
        # "option" is the meta OptionList reads for hover; clicks read it in _on_click.
        strip = strip.adjust_cell_length(width, style.rich_style).apply_meta({"option": index})
        self._row_cache[key] = strip
        return strip

    # -- the highlight ---------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._entries:
            return None
        return clamp(highlighted, 0, len(self._entries) - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is None:
            return
        self.scroll_to_highlight()
        option = self.get_option_at_index(highlighted)
        self.post_message(self.OptionHighlighted(self, option, highlighted))
        self._check_near_end()

    def scroll_to_highlight(self, top: bool = False) -> None:
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        self._update_lines()
        self.scroll_to_region(
            Region(
                0,
                highlighted * ROWS_PER_ENTRY,
                self.scrollable_content_region.width,
                ROWS_PER_ENTRY,
            ),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    # -- keys and the mouse ----------------------------------------------------------------

    def action_cursor_up(self) -> None:
        # Wraps at the ends, as OptionList does.
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        count = len(self._entries)
        if not count:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction > 0 else count - 1
        else:
            self.highlighted = (self.highlighted + direction) % count

    def action_first(self) -> None:
        if self._entries:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._entries:
            self.highlighted = len(self._entries) - 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if not self._entries:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self._entries) - 1
            return
        # A screenful of rows, as OptionList pages; at least one entry, so paging still moves
        # in a pane too small to show a whole entry.
        step = max(1, self.scrollable_content_region.height // ROWS_PER_ENTRY)
        self.highlighted = clamp(self.highlighted + direction * step, 0, len(self._entries) - 1)

    def action_select(self) -> None:
        highlighted = self.highlighted
        if highlighted is not None:
            option = self.get_option_at_index(highlighted)
            self.post_message(self.OptionSelected(self, option, highlighted))

    async def _on_click(self, event: events.Click) -> None:
        # OptionList's own handler would look the index up in its (empty) option list; and a
        # row is data, so no click action rides on it either.
        event.prevent_default()
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int) and 0 <= clicked < len(self._entries):
            self.highlighted = clicked
            self.action_select()
