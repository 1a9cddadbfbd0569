"""A story's overview: how each source stands, and every fact by source with the consensus."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from search_index.claims.claim import Claim
from search_index.library import Library
from search_index.models import Article
from search_index.report import build_story_report, citation_of, proposed_name, render_story
from search_index.story_overview import Fact, StoryOverview

from ..messages import OpenArticle
from ..overview_views import (
    LEGEND,
    STANCE_MARKS,
    cell_text,
    fact_label,
    published_text,
    shared_facts,
    source_notes,
)
from ..render import printable
from .modals import ReportPath, write_report_and_tell
from .row_search import SEARCH_BINDINGS, RowSearch

# Fixed leading columns of the facts table: the fact and the consensus.
_LEADING = 2
_FACT_WIDTH = 20
_CONSENSUS_WIDTH = 18
# A value is shown as written, wrapped; past this many lines the rest is one enter away.
_MAX_LINES = 3


def _wrapped(text: Text, width: int) -> Text:
    """``text`` folded onto at most _MAX_LINES lines of ``width`` (DataTable cells do not wrap)."""
    lines = list(text.wrap(_CONSOLE, width))
    if len(lines) > _MAX_LINES:
        lines = lines[:_MAX_LINES]
        lines[-1].truncate(width - 1)
        lines[-1].append("…")
    return Text("\n").join(lines)


_CONSOLE = Console(width=200, color_system=None)


class OverviewScreen(RowSearch):
    """Sources by how they stand, then facts by sources; enter opens the highlighted value in
    its article, ``a`` shows or hides the facts only one source gives, ``w`` writes the story as
    a report, ``y`` copies the highlighted value's sentence with its citation."""

    AUTO_FOCUS = "#overview-facts"  # not the search box, hidden until / asks

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.pop_screen", "Back", id="back"),
        *SEARCH_BINDINGS,
        Binding("enter", "open_cell", "Open", id="open"),
        Binding("a", "toggle_all", "All facts", id="all_facts"),
        Binding("w", "export", "Report", id="export"),
        Binding("y", "copy", "Copy", id="copy_sentence"),
        Binding("j", "cursor_down", show=False, id="down"),
        Binding("k", "cursor_up", show=False, id="up"),
        # The reader's paging keys, on the facts table.
        Binding("space,ctrl+d", "facts('page_down')", "Page down", show=False, id="page_down"),
        Binding("b,ctrl+u", "facts('page_up')", "Page up", show=False, id="page_up"),
        Binding("g", "facts('scroll_top')", "Top", show=False, id="top"),
        Binding("G", "facts('scroll_bottom')", "Bottom", show=False, id="bottom"),
    ]

    def __init__(
        self,
        overview: StoryOverview,
        library: Library | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.overview = overview
        # Each source named as the list names it: its outlet, else its title's first words
        # (the overview knows outlets only, and fell back to file ids).
        self.names = {
            source.article_id: (names or {}).get(source.article_id, source.outlet)
            for source in overview.sources
        }
        # For the titles and URLs a report and a citation give (the overview has outlets only).
        self._library = library
        self.show_all = False
        self.facts: list[Fact] = shared_facts(overview, False)

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title")
        yield from self.search_box()
        yield DataTable(id="overview-sources", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="overview-facts", cursor_type="cell", zebra_stripes=True)
        yield Static(Content(LEGEND), id="overview-legend")
        yield Footer()

    def on_mount(self) -> None:
        sources = self.query_one("#overview-sources", DataTable)
        for label in ("source", "published", "agrees", "differs", "alone", ""):
            sources.add_column(label, key=label or "notes")
        for source in self.overview.sources:
            sources.add_row(
                # rich Text, not str: a str cell would be read as markup.
                Text(printable(self.names[source.article_id])),
                Text(published_text(source)),
                Text(str(source.agrees)),
                Text(str(source.differs), style="bold red" if source.differs else ""),
                Text(str(source.alone)),
                Text(source_notes(source), style="bold"),
                key=source.article_id,
            )
        self._fill_facts()

    def _fill_facts(self) -> None:
        overview = self.overview
        title = overview.name or "the whole corpus"
        self.query_one("#overview-title", Static).update(
            Content.assemble(
                "Story overview: ",
                (printable(title), "bold"),
                f" · {len(overview.sources)} sources, {len(self.facts)} facts "
                + ("in all" if self.show_all else "given by two or more")
                + f", {overview.conflicts} with differing values",
            )
        )
        table = self.query_one("#overview-facts", DataTable)
        table.clear(columns=True)
        table.add_column("fact", key="fact", width=_FACT_WIDTH)
        table.add_column("consensus", key="consensus", width=_CONSENSUS_WIDTH)
        room = self.size.width - _FACT_WIDTH - _CONSENSUS_WIDTH - 6
        width = max(10, min(28, room // max(1, len(overview.sources)) - 2))
        for source in overview.sources:
            table.add_column(
                Text(printable(self.names[source.article_id][:width])),
                key=source.article_id,
                width=width,
            )
        for index, fact in enumerate(self.facts):
            cells = [
                _wrapped(fact_label(fact), _FACT_WIDTH),
                _wrapped(Text(printable(fact.consensus_value or "—")), _CONSENSUS_WIDTH),
            ]
            for source in overview.sources:
                stance = fact.stances.get(source.article_id)
                style = STANCE_MARKS[stance][2] if stance else "dim"
                text = Text(printable(cell_text(fact, source.article_id)), style=style)
                cells.append(_wrapped(text, width))
            height = max(len(c.plain.splitlines()) for c in cells)
            table.add_row(*cells, key=str(index), height=height)
        if not self.facts:
            self.notify("No fact is given by two or more sources: a shows every fact.")
        table.focus()

    # -- / n N: the facts' rows (a fact, its consensus, every source's value and sentence) --

    def search_texts(self) -> list[str]:
        texts = []
        for fact in self.facts:
            parts = [fact_label(fact).plain, fact.consensus_value or ""]
            for source in self.overview.sources:
                parts.append(cell_text(fact, source.article_id))
                parts += [claim.sentence for claim in fact.cells.get(source.article_id, ())]
            texts.append(" ¦ ".join(parts))  # a phrase found within one part, not across
        return texts

    def search_cursor(self) -> int:
        return self.query_one("#overview-facts", DataTable).cursor_coordinate.row

    def search_move(self, row: int) -> None:
        table = self.query_one("#overview-facts", DataTable)
        table.move_cursor(row=row, column=table.cursor_coordinate.column, animate=False)

    def search_focus(self) -> None:
        self.query_one("#overview-facts", DataTable).focus()

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.facts = shared_facts(self.overview, self.show_all)
        self._fill_facts()

    def action_cursor_down(self) -> None:
        self.query_one("#overview-facts", DataTable).action_cursor_down()

    def action_facts(self, action: str) -> None:
        """One of DataTable's paging actions on the facts table."""
        getattr(self.query_one("#overview-facts", DataTable), f"action_{action}")()

    def action_cursor_up(self) -> None:
        self.query_one("#overview-facts", DataTable).action_cursor_up()

    # The tables take enter themselves (DataTable's select_cursor): their selection events
    # are what opens a value; the screen's enter binding only names the key in the footer.
    @on(DataTable.RowSelected, "#overview-sources")
    def _source_selected(self, event: DataTable.RowSelected) -> None:
        row = event.cursor_row
        if 0 <= row < len(self.overview.sources):  # a source: its article, from the top
            self.post_message(OpenArticle(self.overview.sources[row].article_id, 0, 0))

    @on(DataTable.CellSelected, "#overview-facts")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        self._open(event.coordinate.row, event.coordinate.column)

    def action_open_cell(self) -> None:
        table = self.query_one("#overview-facts", DataTable)
        self._open(*table.cursor_coordinate)

    def _claim_at(self, row: int, column: int) -> Claim | None:
        if row >= len(self.facts) or column < _LEADING:
            return None
        source = self.overview.sources[column - _LEADING]
        claims = self.facts[row].cells.get(source.article_id, ())
        return claims[0] if claims else None

    def _open(self, row: int, column: int) -> None:
        claim = self._claim_at(row, column)
        if claim is not None:
            self.post_message(OpenArticle(claim.article_id, claim.start, claim.end))

    @property
    def library(self) -> Library | None:
        # The App passes its library; until it does, the one it holds (read, not called).
        return self._library or getattr(self.app, "library", None)

    def action_copy(self) -> None:
        table = self.query_one("#overview-facts", DataTable)
        claim = self._claim_at(*table.cursor_coordinate)
        library = self.library
        if claim is None or library is None:
            self.notify("Move to a source's value to copy its sentence.", severity="warning")
            return
        self.app.copy_to_clipboard(citation_of(claim, library.article(claim.article_id)).text())
        self.notify("Copied the sentence with its citation.")

    def action_export(self) -> None:
        ids = [self.overview.story_id or "corpus"]
        proposed = Path.cwd() / proposed_name("story", *ids)

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.write_report_to(path)

        self.app.push_screen(ReportPath("this story overview", proposed), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_report_to(self, path: Path) -> None:
        """Read the sources' titles and URLs, render and write, off the UI thread; a file that
        cannot be written is said, not raised."""
        library = self.library
        if library is None:
            self.notify("The corpus is not open.", severity="error")
            return
        articles: dict[str, Article] = {
            s.article_id: library.article(s.article_id) for s in self.overview.sources
        }
        report = build_story_report(self.overview, articles, show_all=self.show_all)
        write_report_and_tell(self, path, lambda fmt: render_story(report, fmt))
