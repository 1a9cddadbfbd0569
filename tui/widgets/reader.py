"""The reader pane: one article, entities highlighted by type, search matches, conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from search_index.models import Article

from ..render import (
    CONFLICT_STYLE,
    ENTITY_STYLES,
    FOCUS_STYLE,
    Paragraph,
    match_styles,
    paragraph_content,
    paragraphs,
    printable,
)


@dataclass
class ReaderView:
    """What the reader shows; offsets index ``Article.text``."""

    article: Article
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    matches: list[tuple[int, int]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)
    focus: list[tuple[int, int]] = field(default_factory=list)
    current: int | None = None


class Reader(VerticalScroll, can_focus=True):
    """Paragraphs as Static widgets, so a match or a sentence can be scrolled into view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    Reader { padding: 0 2; }
    Reader > .meta { color: $text-muted; margin-bottom: 1; }
    Reader > .headline { text-style: bold; margin-bottom: 1; }
    Reader > .paragraph { margin-bottom: 1; }
    /* The gutter marker: a paragraph holding a sentence another source contradicts. */
    Reader > .-conflict { border-left: outer $error; padding-left: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ReaderView | None = None
        self._blocks: list[Paragraph] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Opening the corpus…"), classes="paragraph")

    def show(self, view: ReaderView, *, scroll_y: float = 0) -> None:
        self.view = view
        self._blocks = paragraphs(view.article.text)
        self.remove_children()
        widgets = [Static(self._meta(view.article), classes="meta")]
        widgets += [
            Static(self._content(block), classes="headline" if i == 0 else "paragraph")
            for i, block in enumerate(self._blocks)
        ]
        self.mount_all(widgets)
        self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False)

    def message(self, text: str) -> None:
        """Show a plain message instead of an article."""
        self.view = None
        self.remove_children()
        self.mount(Static(Content(printable(text)), classes="paragraph"))

    def refresh_styles(self) -> None:
        if self.view is None:
            return
        blocks = list(self.query(".headline, .paragraph").results(Static))
        for block, widget in zip(self._blocks, blocks, strict=False):
            widget.update(self._content(block))
            widget.set_class(
                any(s < block.end and e > block.start for s, e in self.view.conflicts), "-conflict"
            )

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the paragraph holding ``offset`` to the top third of the pane."""
        blocks = list(self.query(".headline, .paragraph").results(Static))
        for block, widget in zip(self._blocks, blocks, strict=False):
            if block.start <= offset <= block.end:
                self.scroll_to_widget(widget, animate=False, top=True)
                return

    def _meta(self, article: Article) -> Content:
        parts = [
            article.id,
            article.outlet,
            article.published.isoformat() if article.published else None,
        ]
        return Content(printable(" · ".join(p for p in parts if p)))

    def _content(self, block: Paragraph) -> Content:
        view = self.view
        assert view is not None
        styled = [(s, e, ENTITY_STYLES.get(kind, "underline")) for s, e, kind in view.entities]
        styled += [(s, e, CONFLICT_STYLE) for s, e in view.conflicts]
        styled += [(s, e, FOCUS_STYLE) for s, e in view.focus]
        styled += match_styles(view.matches, view.current)
        return paragraph_content(view.article.text, block, styled)
