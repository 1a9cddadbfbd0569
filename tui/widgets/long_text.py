"""Paragraphs of a long article, drawn a line at a time.

A Static hands its whole text to Textual, which wraps all of it on the UI thread at every layout
and every restyle: a megabyte-long paragraph froze the app for seconds. Here the line breaks
are found by a thread worker, and a line is styled only when it is drawn, so opening, resizing
and restyling (search matches, conflicts arriving) cost the UI thread what is on screen.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from textual import on
from textual.content import Content, Span
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer
from textual.visual import Visual
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from ..messages import WorkerFailed
from ..render import Paragraph, wrap_ranges

# The conflict marker in front of each line of a paragraph another source contradicts: drawn
# like the Static path's "border-left: outer $error; padding-left: 1".
GUTTER = "▌ "
GUTTER_WIDTH = len(GUTTER)
# Spans longer than this (a focused or contradicted sentence) are few, and checked against
# every line; the rest are found by bisection.
SHORT_SPAN = 400
# Narrower panes are laid out at this width and cropped: a megabyte at a cell a line would be
# a million lines to hold for a pane nobody can read.
MIN_LAYOUT_WIDTH = 8
REFLOW_DELAY = 0.1

Line = tuple[int, int, int]
"""A laid-out line: (block index, or -1 for the blank between blocks; start; end) in the text."""
LayoutKey = tuple[int, frozenset[int]]
"""What a layout depends on besides the text: the width, and the blocks with a gutter."""


class SpanIndex:
    """Styled ranges of the whole text, answering "which overlap this line" quickly.

    Later ranges are drawn over earlier ones (as in a Content's span list), so each keeps its
    place in the original order.
    """

    def __init__(self, styled: Sequence[tuple[int, int, str]]) -> None:
        ranked = [(s, e, order, style) for order, (s, e, style) in enumerate(styled) if e > s]
        short = sorted(r for r in ranked if r[1] - r[0] <= SHORT_SPAN)
        self._short = short
        self._starts = [r[0] for r in short]
        self._long = [r for r in ranked if r[1] - r[0] > SHORT_SPAN]

    def within(self, start: int, end: int) -> list[Span]:
        """The ranges overlapping ``[start, end)``, clipped and re-based to ``start``."""
        low = bisect.bisect_left(self._starts, start - SHORT_SPAN)
        high = bisect.bisect_left(self._starts, end)
        found = [r for r in self._short[low:high] if r[1] > start]
        found += [r for r in self._long if r[0] < end and r[1] > start]
        found.sort(key=lambda r: r[2])
        return [Span(max(s, start) - start, min(e, end) - start, style) for s, e, _, style in found]


def lay_out(
    text: str,
    blocks: Sequence[Paragraph],
    width: int,
    gutters: frozenset[int] = frozenset(),
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Line] | None:
    """Every line of ``blocks`` at ``width`` cells, a blank line between blocks; None once
    ``cancelled`` says so (a newer width or article made the work useless)."""
    lines: list[Line] = []
    for index, block in enumerate(blocks):
        if cancelled():
            return None
        if index:
            lines.append((-1, block.start, block.start))
        line_width = width - GUTTER_WIDTH if index in gutters else width
        start = block.start
        while start <= block.end:
            newline = text.find("\n", start, block.end)
            end = block.end if newline < 0 else newline
            ranges = wrap_ranges(text, start, end, line_width, cancelled)
            lines.extend((index, a, b) for a, b in ranges)
            start = end + 1
    return None if cancelled() else lines


class LongText(Widget):
    """Blocks of one article (``Paragraph`` ranges into ``text``), blank lines between them."""

    # Textual's selection reads a widget's whole visual, which this widget never builds.
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"long-text--gutter"}
    DEFAULT_CSS = """
    LongText { height: auto; }
    LongText > .long-text--gutter { color: $error; }
    """

    class Reflowed(Message):
        """Lines were laid out for a new width or gutter (posted from the layout worker)."""

        def __init__(self, long_text: LongText, key: LayoutKey, lines: list[Line]) -> None:
            super().__init__()
            self.long_text = long_text
            self.key = key
            self.lines = lines

        @property
        def control(self) -> LongText:
            return self.long_text

    def __init__(self, text: str, blocks: Sequence[Paragraph], *, classes: str) -> None:
        """``text`` must be safe to draw already (printable, tabs as spaces): ranges index it."""
        super().__init__(classes=classes)
        self.text = text
        self.blocks = list(blocks)
        self._spans = SpanIndex([])
        self._gutters: frozenset[int] = frozenset()
        self._lines: list[Line] = []
        self._starts: list[int] = []
        self._layout: LayoutKey | None = None
        self._wanted: LayoutKey | None = None
        self._strips: dict[int, Strip] = {}
        self._strips_width = 0
        self._resized: Timer | None = None

    @property
    def laid_out(self) -> bool:
        """Whether the lines fit the current width and gutters."""
        return self._layout == self._key(self.size.width)

    def _key(self, width: int) -> LayoutKey:
        return max(width, MIN_LAYOUT_WIDTH), self._gutters

    def restyle(self, styled: Sequence[tuple[int, int, str]], gutters: frozenset[int]) -> None:
        """New (start, end, style) ranges over the text, and the blocks to mark as conflicting."""
        self._spans = SpanIndex(styled)
        self._strips.clear()
        self.refresh()
        if gutters != self._gutters:
            self._gutters = gutters
            self._reflow()

    def line_of(self, offset: int) -> int | None:
        """The line holding ``offset`` of the text, once laid out."""
        if not self._starts:
            return None
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    # -- layout ----------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        width = max(width, MIN_LAYOUT_WIDTH)
        if self._layout is not None and self._layout[0] == width:
            return len(self._lines)
        # Until the worker answers: roughly what the text needs, so the scrollbar is near right.
        lines = sum(math.ceil((b.end - b.start + 1) / max(width - 2, 1)) for b in self.blocks)
        return lines + len(self.blocks) - 1

    def _on_resize(self, event: Resize) -> None:
        # Dragging a terminal's edge resizes it every frame: lay out again once it pauses.
        if self._resized is not None:
            self._resized.stop()
        if self._layout is None:
            self._reflow()
        else:
            self._resized = self.set_timer(REFLOW_DELAY, self._reflow)

    def _reflow(self) -> None:
        if not self.size.width:
            return  # not laid out by Textual yet
        key = self._key(self.size.width)
        if key in (self._layout, self._wanted):
            return
        self._wanted = key
        self.run_worker(
            lambda: self._lay_out(key),
            thread=True,
            exclusive=True,
            group="reflow",
            exit_on_error=False,
        )

    def _lay_out(self, key: LayoutKey) -> None:
        worker = get_current_worker()
        lines = lay_out(self.text, self.blocks, *key, cancelled=lambda: worker.is_cancelled)
        if lines is not None:
            self.post_message(self.Reflowed(self, key, lines))

    @on(Reflowed)
    def _reflowed(self, event: Reflowed) -> None:
        if event.key != self._wanted:
            event.stop()  # a layout for a width or gutter no longer wanted
            return
        self._layout, self._wanted = event.key, None
        self._lines = event.lines
        self._starts = [start for _, start, _ in event.lines]
        self._strips.clear()
        self.refresh(layout=True)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._wanted = None  # a later resize tries again
            # Told by the App's one handler of failed workers, as every failure is.
            self.post_message(WorkerFailed("laying out this article", event.worker.error))

    # -- drawing -----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._strips.clear()  # a theme or CSS change: the cached lines have the old colours
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        strip = self._strips.get(y)
        if strip is None:
            strip = self._strips[y] = self._render_text_line(y, width)
        return strip

    def _render_text_line(self, y: int, width: int) -> Strip:
        style = self.visual_style
        if y >= len(self._lines) or self._lines[y][0] < 0:
            return Strip.blank(width, style.rich_style)
        block, start, end = self._lines[y]
        gutter = self._layout is not None and block in self._layout[1]
        text_width = max(width - GUTTER_WIDTH, 1) if gutter else width
        content = Content(self.text[start:end], spans=self._spans.within(start, end))
        strips = Visual.to_strips(self, content, text_width, 1, style)
        strip = strips[0] if strips else Strip.blank(text_width, style.rich_style)
        if not gutter:
            return strip
        marker = Segment(GUTTER[0], self.get_component_rich_style("long-text--gutter"))
        space = Segment(GUTTER[1:], style.rich_style)
        return Strip.join([Strip([marker, space], GUTTER_WIDTH), strip])
