"""The reader pane: one article, entities highlighted by type, search matches, conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import Static

from search_index.formats.markdown_layout import Layout
from search_index.models import Article

from ..render import (
    CONFLICT_STYLE,
    FOCUS_STYLE,
    Paragraph,
    article_layout,
    entity_styles,
    layout_styles,
    match_styles,
    paragraph_content,
    printable,
    wrap_ranges,
)
from .long_text import LongText

# Past either size an article is drawn by LongText rather than a Static per paragraph: Textual
# wraps a Static's whole text on the UI thread at each layout (about 3 s for a megabyte), and
# every paragraph widget adds its own mount and layout.
LONG_ARTICLE_CHARS = 10_000
LONG_ARTICLE_BLOCKS = 60
# What a paragraph's conflict or focus rule takes from the width (border and padding): a
# Markdown table is fitted to the width left.
RULE_CELLS = 2
RELAYOUT_DELAY = 0.1


@dataclass
class ReaderView:
    """What the reader shows; offsets index ``Article.text`` (a Markdown article is drawn laid
    out, and the reader maps them onto what it draws)."""

    article: Article
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    matches: list[tuple[int, int]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)
    focus: list[tuple[int, int]] = field(default_factory=list)
    current: int | None = None


class Reader(VerticalScroll, can_focus=True):
    """Paragraphs as Static widgets, so a match or a sentence can be scrolled into view; a long
    article as two LongText widgets (headline, body) laid out off the UI thread."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="down"),
        Binding("k", "scroll_up", "Up", show=False, id="up"),
        Binding("space", "page_down", "Page down", show=False, id="page_down"),
        Binding("b", "page_up", "Page up", show=False, id="page_up"),
        Binding("g", "scroll_home", "Top", show=False, id="top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="bottom"),
    ]

    DEFAULT_CSS = """
    Reader { padding: 0 2; }
    Reader > .meta { color: $text-muted; margin-bottom: 1; }
    Reader > .headline { text-style: bold; margin-bottom: 1; }
    Reader > .paragraph { margin-bottom: 1; }
    /* The gutter marker: a paragraph holding a sentence another source contradicts. */
    Reader > .-conflict { border-left: outer $error; padding-left: 1; }
    /* The paragraph holding the sentence opened (mark_focus): a double rule, seen under
       NO_COLOR too, where the sentence's shading is not. */
    Reader > .-focus { border-left: double $accent; padding-left: 1; }
    """

    def __init__(self, *, id: str | None = None, mark_focus: bool = False) -> None:
        super().__init__(id=id)
        self.mark_focus = mark_focus
        self.view: ReaderView | None = None
        self._statics: list[tuple[Paragraph, Static]] = []
        self._long: list[LongText] = []
        # Where to scroll once a long article's lines are laid out (their heights are
        # estimates until then): a scroll_y to restore, or an offset into the text.
        self._pending_y: float | None = None
        self._pending_offset: int | None = None
        self._pending_context = 0
        self._looks: dict[str, str] = {}
        self._looks_theme: str | None = None
        self._layout: Layout | None = None
        self._layout_width: int | None = None
        self._resized: Timer | None = None
        # The header of the article shown in paragraphs (not a long one): reused, with the
        # paragraphs, by the next article shown (see _reuse).
        self._meta_static: Static | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Opening the corpus…"), classes="paragraph")

    def show(
        self, view: ReaderView, *, scroll_y: float = 0, offset: int | None = None, context: int = 0
    ) -> None:
        """Show ``view`` scrolled to ``scroll_y``, or (``offset``) with the paragraph holding
        that offset at the top, ``context`` lines before it left in view."""
        self.view = view
        self._layout_width = self._table_width()
        layout = self._layout = article_layout(view.article, self._layout_width)
        text = layout.text
        blocks = [Paragraph(b.start, b.end) for b in layout.blocks]
        styled = self._styled()
        self._pending_y, self._pending_offset = (scroll_y or None), None
        long = len(text) > LONG_ARTICLE_CHARS or len(blocks) > LONG_ARTICLE_BLOCKS
        if not long and not self._long and self._meta_static is not None:
            mounted = self._reuse(view, text, blocks, styled)
        else:
            mounted = self._mount_afresh(view, text, blocks, styled, long)
        if offset is None:
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False)
            return

        async def scroll_when_laid_out() -> None:
            # Until the paragraphs are mounted and laid out, their places (and how far the
            # reader may scroll) are unknown: a scroll asked for sooner stops at the top.
            await mounted
            self.call_after_refresh(self.scroll_to_offset, offset, context)

        self.call_later(scroll_when_laid_out)

    def _reuse(
        self,
        view: ReaderView,
        text: str,
        blocks: list[Paragraph],
        styled: list[tuple[int, int, str]],
    ) -> AwaitMount:
        """Show the next article in the paragraphs already mounted, adding or removing only
        the difference: mounting a widget per paragraph (its styles matched against the whole
        stylesheet) was a good part of what a key press to the next article cost."""
        assert self._meta_static is not None
        self._meta_static.update(self._meta(view.article))
        old = [static for _, static in self._statics]
        self._statics = []
        added: list[Widget] = []
        for i, block in enumerate(blocks):
            content = paragraph_content(text, block, styled)
            if i < len(old):
                static = old[i]
                static.update(content)
            else:
                static = Static(content)
                added.append(static)
            static.set_class(i == 0, "headline")
            static.set_class(i != 0, "paragraph")
            static.set_class(bool(self._gutters([block])), "-conflict")
            static.set_class(self._holds_focus(block), "-focus")
            self._statics.append((block, static))
        for extra in old[len(blocks) :]:
            extra.remove()
        return self.mount_all(added)

    def _mount_afresh(
        self,
        view: ReaderView,
        text: str,
        blocks: list[Paragraph],
        styled: list[tuple[int, int, str]],
        long: bool,
    ) -> AwaitMount:
        self.remove_children()
        self._statics, self._long = [], []
        self._meta_static = Static(self._meta(view.article), classes="meta")
        widgets: list[Widget] = [self._meta_static]
        if long:
            # Tabs as spaces: Textual would expand them, and the line breaks would not fit.
            shown = printable(text).replace("\t", " ")
            self._long.append(LongText(shown, blocks[:1], classes="headline"))
            if len(blocks) > 1:
                self._long.append(LongText(shown, blocks[1:], classes="paragraph"))
            for part in self._long:
                part.restyle(styled, self._gutters(part.blocks))
            widgets += self._long
        else:
            for i, block in enumerate(blocks):
                static = Static(
                    paragraph_content(text, block, styled),
                    classes="headline" if i == 0 else "paragraph",
                )
                static.set_class(bool(self._gutters([block])), "-conflict")
                static.set_class(self._holds_focus(block), "-focus")
                self._statics.append((block, static))
            widgets += [static for _, static in self._statics]
        return self.mount_all(widgets)

    def message(self, text: str) -> None:
        """Show a plain message instead of an article."""
        self.view = None
        self._layout = None
        self._meta_static = None
        self._statics, self._long = [], []
        self._pending_y = self._pending_offset = None
        self.remove_children()
        self.mount(Static(Content(printable(text)), classes="paragraph"))

    def refresh_styles(self) -> None:
        if self.view is None:
            return
        styled = self._styled()
        text = self._layout.text if self._layout else self.view.article.text
        for block, static in self._statics:
            # New styles over the same text wrap the same (styles never change a cell's width):
            # no layout, which on each article opened ran twice more, once for the entities
            # and once for the conflicts, each time for the whole screen. A gutter class that
            # toggles lays its paragraph out again by itself.
            static.update(paragraph_content(text, block, styled), layout=False)
            static.set_class(bool(self._gutters([block])), "-conflict")
            static.set_class(self._holds_focus(block), "-focus")
        for part in self._long:
            part.restyle(styled, self._gutters(part.blocks))

    def scroll_to_offset(self, offset: int, context: int = 0) -> None:
        """Bring the paragraph holding ``offset`` (in a long article, its line) to the top,
        ``context`` lines of what comes before it left in view."""
        source_offset = offset
        offset = self._to_display(offset)
        for block, static in self._statics:
            if block.start <= offset <= block.end:
                if context:
                    top = static.virtual_region.y - context
                    self.scroll_to(y=max(0, top), animate=False)
                else:
                    self.scroll_to_widget(static, animate=False, top=True)
                return
        for part in self._long:
            if not any(b.start <= offset <= b.end for b in part.blocks):
                continue
            line = part.line_of(offset)
            if not part.laid_out or line is None:
                self._pending_y, self._pending_offset = None, source_offset
                self._pending_context = context
            if line is not None:
                area = part.virtual_region
                self.scroll_to(y=max(0, area.y + line - context), animate=False)
            return

    def centre_on(self, offset: int) -> None:
        """Bring the line holding ``offset`` to the middle of the reader (a match jumped to
        reads with what comes before and after it, never on the bottom line)."""
        middle = self.scrollable_content_region.height // 2
        source_offset = offset
        offset = self._to_display(offset)
        for block, static in self._statics:
            if block.start <= offset <= block.end:
                top = static.virtual_region.y + static.styles.gutter.top
                line = _line_in(self._layout, block, offset, static.content_region.width)
                self.scroll_to(y=max(0, top + line - middle), animate=False)
                return
        for part in self._long:
            if not any(b.start <= offset <= b.end for b in part.blocks):
                continue
            line_no = part.line_of(offset)
            if not part.laid_out or line_no is None:
                self.scroll_to_offset(source_offset, context=middle)
                return
            self.scroll_to(y=max(0, part.virtual_region.y + line_no - middle), animate=False)
            return

    def on_long_text_reflowed(self, event: LongText.Reflowed) -> None:
        event.stop()
        if all(part.laid_out for part in self._long):
            self.call_after_refresh(self._scroll_to_pending)

    def _scroll_to_pending(self) -> None:
        offset, y = self._pending_offset, self._pending_y
        self._pending_y = self._pending_offset = None
        if offset is not None:
            self.scroll_to_offset(offset, self._pending_context)
        elif y is not None:
            self.scroll_to(y=y, animate=False)

    def _meta(self, article: Article) -> Content:
        """Who published it, when, and where it came from; the file's id last and dimmed (it
        names the file for the CLI, not the report)."""
        parts = [
            article.outlet,
            article.published.isoformat() if article.published else None,
            # Where it came from, for anything but a text file: "html", "feed (summary)", URL.
            None
            if article.format in ("text", "markdown")
            else article.format + (" (summary)" if article.is_summary else ""),
            article.source_url or article.url,
        ]
        told = printable(" · ".join(p for p in parts if p))
        ident = printable(article.id)
        if not told:
            return Content(ident)
        return Content.assemble(told, "  ", (ident, "dim"))

    def _styled(self) -> list[tuple[int, int, str]]:
        """Every styled range of what is drawn, later ones drawn over earlier ones: a Markdown
        article's own styles (headings, emphasis) first."""
        view = self.view
        assert view is not None
        looks = self._entity_looks()
        styled = [(s, e, looks.get(kind, "underline")) for s, e, kind in view.entities]
        styled += [(s, e, CONFLICT_STYLE) for s, e in view.conflicts]
        styled += [(s, e, FOCUS_STYLE) for s, e in view.focus]
        styled += match_styles(view.matches, view.current)
        layout = self._layout
        if layout is None or layout.identity:
            return styled
        return layout_styles(layout) + layout.map_ranges(styled)

    def _shown(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Source ranges as ranges of what is drawn."""
        layout = self._layout
        if layout is None or layout.identity:
            return ranges
        return [(s, e) for s, e, _ in layout.map_ranges((s, e, None) for s, e in ranges)]

    def _to_display(self, offset: int) -> int:
        layout = self._layout
        return offset if layout is None or layout.identity else layout.to_display(offset)

    def _table_width(self) -> int | None:
        """The cells a Markdown table may take: a text block's width (the stylesheet caps it at a
        comfortable measure), or the pane's before any is laid out; None before the reader has
        a size."""
        blocks = [
            child.outer_size.width
            for child in self.children
            if child.has_class("paragraph") and child.outer_size.width
        ]
        width = max(blocks) if blocks else self.scrollable_content_region.width
        return width - RULE_CELLS if width > RULE_CELLS else None

    def on_resize(self, event: Resize) -> None:
        # A Markdown table is fitted to the width: lay it out again once resizing pauses.
        layout = self._layout
        if layout is None or not any(b.kind == "table" for b in layout.blocks):
            return
        if self._resized is not None:
            self._resized.stop()
        self._resized = self.set_timer(RELAYOUT_DELAY, self._relayout)

    def _relayout(self) -> None:
        view = self.view
        if view is None or self._layout is None or self._table_width() == self._layout_width:
            return
        self.show(view, scroll_y=self.scroll_y)

    def _entity_looks(self) -> dict[str, str]:
        """Entity styles fitted to the current theme (WCAG AA on its background), worked out
        once per theme."""
        theme = self.app.theme
        if self._looks_theme != theme:
            self._looks, self._looks_theme = entity_styles(self.app.theme_variables), theme
        return self._looks

    def on_mount(self) -> None:
        # Another theme: colours fitted to its background (the cached ones fit the old one).
        self.app.theme_changed_signal.subscribe(self, lambda _: self.refresh_styles())

    def _holds_focus(self, block: Paragraph) -> bool:
        view = self.view
        if not self.mark_focus or view is None:
            return False
        return any(s < block.end and e > block.start for s, e in self._shown(view.focus))

    def _gutters(self, blocks: list[Paragraph]) -> frozenset[int]:
        """Which of ``blocks`` hold a sentence another source contradicts."""
        conflicts = self._shown(self.view.conflicts) if self.view else []
        return frozenset(
            i
            for i, block in enumerate(blocks)
            if any(s < block.end and e > block.start for s, e in conflicts)
        )


def _line_in(layout: Layout | None, block: Paragraph, offset: int, width: int) -> int:
    """Which wrapped line of ``block`` (``width`` cells wide) holds ``offset`` (of the text
    drawn)."""
    if layout is None or width <= 0:
        return 0
    text = printable(layout.text)
    line, start = 0, block.start
    while start <= block.end:
        end = text.find("\n", start, block.end)
        end = block.end if end < 0 else end
        for line_start, line_end in wrap_ranges(text, start, end, width):
            if offset <= line_end or line_start >= end:
                return line
            line += 1
        if end >= block.end:
            break
        start = end + 1
    return max(0, line - 1)
