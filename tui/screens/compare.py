"""The claim diff screen: two sources side by side, row by row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import Worker

from search_index.claims.align import STATUSES, Comparison, Row
from search_index.claims.extract import Claim
from search_index.ids import ArticleNotFound
from search_index.library import Library
from search_index.report import build_report, citation_of, proposed_name, render

from ..background import in_daemon_thread
from ..messages import ArticleGone
from ..notes import forward_failure
from ..render import STATUS_WORDS, printable
from .modals import ReportPath, write_report_and_tell
from .row_search import RowSearch
from .sentence import SentenceScreen

_COLOURS = {
    "agree": "$success",
    "compatible": "$accent",
    "conflict": "bold $error",
    "only_a": "$warning",
    "only_b": "$warning",
}
STATUS_LOOK = {s: (*STATUS_WORDS[s], _COLOURS[s]) for s in STATUS_WORDS}
FILTERS = ("all rows", "conflicts only", "hide agreements")
MIN_WIDTH, MIN_HEIGHT = 40, 10


def claim_content(claim: Claim | None, emphasise: bool) -> Content:
    if claim is None:
        return Content("· · ·").stylize("$text-muted")
    content = Content(claim.sentence)
    start, end = claim.value_start - claim.start, claim.value_end - claim.start
    content = content.stylize("bold underline" + (" $error" if emphasise else ""), start, end)
    if claim.attribution:
        content = Content.assemble(content, (f"  ({claim.attribution})", "italic $text-muted"))
    return content


class DiffRow(Horizontal):
    """One aligned row: status, A's sentence, B's sentence (filler where a side has none)."""

    def __init__(self, row: Row) -> None:
        super().__init__(classes=f"diff-row -{row.status}")
        self.row = row

    def compose(self) -> ComposeResult:
        glyph, word, style = STATUS_LOOK[self.row.status]
        label = Content.assemble((f"{glyph} {word}", style))
        if self.row.reason:
            label = Content.assemble(
                label, "\n", (self.row.reason.replace("_", " "), "$text-muted")
            )
        if self.row.topic:
            label = Content.assemble(label, "\n", (self.row.topic, "italic $text-muted"))
        differs = self.row.status in ("conflict", "compatible")
        yield Static(label, classes="status")
        # "A"/"B" tags keep the sides apart when a narrow terminal stacks them.
        yield Static(
            Content.assemble(("A ", "bold $text-muted"), claim_content(self.row.a, differs)),
            classes="side side-a",
        )
        yield Static(
            Content.assemble(("B ", "bold $text-muted"), claim_content(self.row.b, differs)),
            classes="side side-b",
        )


class CompareScreen(RowSearch):
    """Keys: j/k rows, ] [ conflicts, f filter, x swap, enter/o open A's sentence, O B's,
    w writes the diff as a report, y / Y copy A's / B's sentence with its citation."""

    SEARCH_PLACEHOLDER = "search the diff: words or a phrase, enter to find"

    @dataclass
    class Swapped(Message, bubble=False):
        """The swap worker's result: the comparison with its sides swapped."""

        comparison: Comparison

    # Textual types this "ClassVar[...] | None", which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "move(1)", "Down", show=False, id="down"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False, id="up"),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("right_square_bracket", "conflict(1)", "Conflict", id="next_conflict"),
        Binding(
            "left_square_bracket",
            "conflict(-1)",
            "Prev conflict",
            show=False,
            id="previous_conflict",
        ),
        Binding("f", "cycle_filter", "Filter", id="filter"),
        Binding("x", "swap", "Swap", show=False, id="swap"),
        Binding("enter,o", "open('a')", "Open", id="open_a"),
        Binding("O", "open('b')", "Open B", show=False, id="open_b"),
        Binding("w", "export", "Report", id="export"),
        Binding("y", "copy('a')", "Copy", id="copy_a"),
        Binding("Y", "copy('b')", "Copy B", show=False, id="copy_b"),
        Binding("space,ctrl+d", "page(1)", "Page down", show=False, id="page_down"),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("b,ctrl+u", "page(-1)", "Page up", show=False, id="page_up"),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g", "edge(0)", "Top", show=False, id="top"),
        Binding("G", "edge(-1)", "Bottom", show=False, id="bottom"),
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "find(1)", "Next match", show=False, id="next_match"),
        Binding("N", "find(-1)", "Prev match", show=False, id="previous_match"),
        Binding("q", "app.pop_screen", "Back", id="back"),
        Binding("escape", "close", "Back", show=False, id="close"),
    ]

    def __init__(self, comparison: Comparison, library: Library) -> None:
        super().__init__()
        self.comparison = comparison
        self.library = library  # to compare again, sides swapped
        self.filter = 0
        self.cursor = 0

    def compose(self) -> ComposeResult:
        yield Static(id="diff-header")
        yield Static(id="too-small")
        yield Static(Content("No rows to show with this filter (f to change it)."), id="no-rows")
        yield VerticalScroll(id="diff-rows")
        yield from self.search_box()
        yield Footer()

    async def on_mount(self) -> None:
        await self.rebuild()

    def on_resize(self) -> None:
        # Below 100 columns the footer packs its keys so q Back and ? Help stay on the line.
        footer = self.query_one(Footer)
        footer.compact = self.size.width < 100
        footer.show_command_palette = self.size.width >= 100  # ctrl+p still works; help says so
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        self.query_one("#too-small", Static).update(
            Content(
                f"The claim diff needs at least {MIN_WIDTH}x{MIN_HEIGHT}; make the terminal larger."
            )
            if small
            else ""
        )
        self.query_one("#too-small").display = small
        self.query_one("#diff-rows").display = not small

    def visible_rows(self) -> list[Row]:
        rows = list(self.comparison.rows)
        if self.filter == 1:
            rows = [r for r in rows if r.status == "conflict"]
        elif self.filter == 2:
            rows = [r for r in rows if r.status != "agree"]
        return rows

    async def rebuild(self) -> None:
        """The header and every row of the comparison (the filter only hides rows)."""
        self._show_header()
        container = self.query_one("#diff-rows", VerticalScroll)
        await container.remove_children()
        await container.mount_all(DiffRow(row) for row in self.comparison.rows)
        self._apply_filter()

    def _apply_filter(self) -> None:
        """Rows the filter leaves out are hidden, not rebuilt: the rows stay on screen while
        the filter changes (rebuilding them all blanked the diff for most of a second)."""
        shown = {id(row) for row in self.visible_rows()}
        for widget in self.query(DiffRow).results(DiffRow):
            widget.display = id(widget.row) in shown
        self.query_one("#no-rows").display = not shown
        rows = self._row_widgets()
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self.call_after_refresh(self._highlight)

    def _show_header(self) -> None:
        a, b = self.comparison.a, self.comparison.b
        counts = self.comparison.summary
        summary = "   ".join(
            f"{STATUS_LOOK[s][0]} {STATUS_LOOK[s][1]} {counts[s]}" for s in STATUSES
        )
        internal = len(self.comparison.internal_a) + len(self.comparison.internal_b)
        header = Content.assemble(
            ("A ", "bold"),
            (f"{printable(a.outlet or a.id)}: ", "$accent"),
            printable(a.title),
            "\n",
            ("B ", "bold"),
            (f"{printable(b.outlet or b.id)}: ", "$accent"),
            printable(b.title),
            "\n",
            (summary, "bold"),
            f"   [{FILTERS[self.filter]}]",
            (f"   {internal} contradiction(s) inside one article" if internal else "", "$error"),
        )
        self.query_one("#diff-header", Static).update(header)

    def _row_widgets(self) -> list[DiffRow]:
        """The rows the filter shows, in order (the cursor indexes these)."""
        return [w for w in self.query(DiffRow).results(DiffRow) if w.display]

    def _highlight(self) -> None:
        widgets = self._row_widgets()
        for index, widget in enumerate(widgets):
            widget.set_class(index == self.cursor, "-cursor")
        if widgets:
            self.query_one("#diff-rows", VerticalScroll).scroll_to_widget(
                widgets[self.cursor], animate=False
            )

    def action_move(self, step: int) -> None:
        widgets = self._row_widgets()
        if widgets:
            self.cursor = max(0, min(len(widgets) - 1, self.cursor + step))
            self._highlight()

    def action_edge(self, where: int) -> None:
        widgets = self._row_widgets()
        if widgets:
            self.cursor = 0 if where == 0 else len(widgets) - 1
            self._highlight()

    def action_conflict(self, step: int) -> None:
        widgets = self._row_widgets()
        conflicts = [i for i, w in enumerate(widgets) if w.row.status == "conflict"]
        if not conflicts:
            self.notify("no conflicts between these two sources")
            return
        after = [i for i in conflicts if (i > self.cursor if step > 0 else i < self.cursor)]
        self.cursor = (
            (after[0] if step > 0 else after[-1])
            if after
            else (conflicts[0] if step > 0 else conflicts[-1])
        )
        self._highlight()

    def action_cycle_filter(self) -> None:
        self.filter = (self.filter + 1) % len(FILTERS)
        self.cursor = 0
        self._show_header()
        self._apply_filter()

    def action_page(self, step: int) -> None:
        """The cursor a screenful of rows down (or up), as space and b page the reader."""
        widgets = self._row_widgets()
        if not widgets:
            return
        height = self.query_one("#diff-rows", VerticalScroll).scrollable_content_region.height
        target = widgets[self.cursor].virtual_region.y + step * max(1, height)
        if step > 0:
            after = [i for i, w in enumerate(widgets) if w.virtual_region.y <= target]
            self.cursor = max(self.cursor + 1, after[-1]) if after else len(widgets) - 1
        else:
            before = [i for i, w in enumerate(widgets) if w.virtual_region.y >= target]
            self.cursor = min(self.cursor - 1, before[0]) if before else 0
        self.cursor = max(0, min(len(widgets) - 1, self.cursor))
        self._highlight()

    def action_swap(self) -> None:
        self.swap()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    @work(exclusive=True, group="swap", exit_on_error=False)
    async def swap(self) -> None:
        """Compare again with the sides swapped, off the UI thread (long articles take a
        while); the rows wait under a loading indicator."""
        library, a, b = self.library, self.comparison.a.id, self.comparison.b.id
        rows = self.query_one("#diff-rows", VerticalScroll)
        rows.loading = True
        try:
            comparison = await in_daemon_thread(lambda _: library.compare(b, a), name="swap")
        except ArticleNotFound as exc:
            # Deleted or renamed since the comparison was made: this one stays on screen.
            self.post_message(ArticleGone(exc.wanted))
            return
        finally:
            if rows.is_attached:
                rows.loading = False
        self.post_message(self.Swapped(comparison))

    @on(Swapped)
    async def _swapped(self, event: Swapped) -> None:
        self.comparison = event.comparison
        await self.rebuild()

    def action_open(self, side: str) -> None:
        widgets = self._row_widgets()
        if not widgets:
            return
        row = widgets[self.cursor].row
        claim = row.a if side == "a" else row.b
        if claim is None:
            claim = row.b if side == "a" else row.a
        if claim is not None:
            # On top of the diff: q/esc comes back to this row (enter there: the main reader).
            self.app.push_screen(
                SentenceScreen(self.library, claim.article_id, claim.start, claim.end)
            )

    def _claim(self, side: str) -> tuple[Claim, str] | None:
        """The cursor row's claim on ``side`` (the other side's when it has none), and the
        side it is on."""
        widgets = self._row_widgets()
        if not widgets:
            return None
        row = widgets[min(self.cursor, len(widgets) - 1)].row
        first, second = (row.a, row.b) if side == "a" else (row.b, row.a)
        other = "b" if side == "a" else "a"
        if first is not None:
            return first, side
        return (second, other) if second is not None else None

    def action_copy(self, side: str) -> None:
        found = self._claim(side)
        if found is None:
            self.notify("No sentence to copy here.", severity="warning")
            return
        claim, where = found
        article = self.comparison.a if where == "a" else self.comparison.b
        self.app.copy_to_clipboard(citation_of(claim, article).text())
        self.notify(
            printable(f"Copied {where.upper()}'s sentence with its citation."), markup=False
        )

    def action_export(self) -> None:
        a, b = self.comparison.a.id, self.comparison.b.id
        proposed = Path.cwd() / proposed_name(a, b)

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.write_report_to(path)

        self.app.push_screen(ReportPath("this claim diff", proposed), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_report_to(self, path: Path) -> None:
        """Rendered and written off the UI thread (a slow disk must not freeze the screen);
        a file that cannot be written is said, not raised."""
        report = build_report(self.comparison)
        write_report_and_tell(self, path, lambda fmt: render(report, fmt))

    # -- search (row_search.py): / asks, n / N step through the rows that hold it ------------

    def search_texts(self) -> list[str]:
        return [row_text(w.row) for w in self._row_widgets()]

    def search_cursor(self) -> int:
        return self.cursor

    def search_move(self, row: int) -> None:
        self.cursor = row
        self._highlight()


def row_text(row: Row) -> str:
    """What / finds a row by: its topic, its reason and either sentence."""
    parts = [row.topic, row.reason or ""]
    parts += [c.sentence for c in (row.a, row.b) if c is not None]
    # A mark between the parts: a phrase is found within one of them, not across two.
    return " ¦ ".join(parts)
