"""The main screen: source list, reader, search bar and entity panel, wired together.

What the list shows is built in source_rows.py, the stepping and the status line in
reader_marks.py, the entity panel is its own widget. Its workers (search, further pages,
mentions, conflicts) post their results as messages (tui/messages.py) handled here; a worker
that fails is posted upward as WorkerFailed, for the App's one handler to tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.worker import Worker

from search_index.ids import ArticleNotFound
from search_index.models import Article, ArticleInfo, Entity, Hit

from ..background import in_daemon_thread
from ..messages import (
    ArticleGone,
    CancelCorpusView,
    CompareRequested,
    ConflictsFound,
    MainReady,
    MentionsRead,
    ShowMarks,
    ShowOverview,
    ShowTimeline,
)
from ..notes import forward_failure
from ..render import entity_styles, printable
from ..session import Session
from ..widgets.entity_panel import EntityPanel
from ..widgets.reader import Reader, ReaderView
from ..widgets.search import SearchInput
from ..widgets.source_entries import SourceEntry
from ..widgets.source_list import SourceList
from .help_keys import legend
from .main_search import SEARCH_DEBOUNCE, SEARCH_PAGE
from .main_stories import GroupingScreen
from .reader_marks import ConflictSpan, conflict_spans, source_names, status_line, step_index
from .source_rows import (
    catalog_entries,
    hit_entries,
    list_title,
    story_entries,
    story_of_row,
    worth_grouping,
)

__all__ = ["SEARCH_DEBOUNCE", "SEARCH_PAGE", "MainScreen"]


# Lines of what comes before a sentence opened from a view, left in sight above it.
JUMP_CONTEXT = 3
# Narrower than this, the footer packs its keys and names only these (see on_resize).
NARROW_FOOTER = 100
NARROW_FOOTER_KEYS = frozenset({"start_search", "compare", "overview", "app.quit"})


class MainScreen(GroupingScreen):
    # Textual types this "ClassVar[...] | None", which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "start_search", "Search", id="search"),
        Binding("n", "next_match", "Next match", id="next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="previous_match"),
        Binding("e", "toggle_entities", "Entities", id="entities"),
        Binding("m", "mark", "Mark", id="mark"),
        Binding("apostrophe", "show_marks", "Marks", show=False, id="marks"),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("M", "overview", "Overview", id="overview"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("s", "toggle_stories", "Stories", id="stories"),
        Binding(
            "right_square_bracket", "next_conflict", "Next conflict", show=False, id="next_conflict"
        ),
        Binding(
            "left_square_bracket",
            "previous_conflict",
            "Prev conflict",
            show=False,
            id="previous_conflict",
        ),
        Binding("y", "copy_sentence", "Copy", show=False, id="copy_sentence"),
        Binding("L", "toggle_legend", "Legend", show=False, id="legend"),
        Binding("escape", "clear", "Clear", show=False, id="clear"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The App's session, handed over once this screen is mounted (see MainReady).
        self.session = Session()
        self.entity_filter: Entity | None = None
        self.current: Article | None = None
        # A corpus view (diff, overview, timeline) is being built: set by the App, read by esc.
        self.building = False
        self.conflict_index: int | None = None
        self.conflict_spans: list[ConflictSpan] = []
        # The catalog by id, for the list it was made from: rebuilt when the session's list changes.
        self._by_id: tuple[list[ArticleInfo], dict[str, ArticleInfo]] | None = None

    # Typed accessors: the App and the tests reach the panes through these, never by CSS id.

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    @property
    def sources(self) -> SourceList:
        return self.query_one("#sources", SourceList)

    @property
    def status(self) -> Static:
        return self.query_one("#status", Static)

    @property
    def search_box(self) -> SearchInput:
        return self.query_one("#search", SearchInput)

    @property
    def entity_panel(self) -> EntityPanel:
        return self.query_one("#entity-panel", EntityPanel)

    def compose(self) -> ComposeResult:
        yield SearchInput(
            placeholder='search: words, "phrases", person:Kim, AND/OR/NOT', id="search"
        )
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield SourceList(id="sources")
                yield EntityPanel(id="entity-panel")
            yield Reader(id="reader")
        yield Static(Content(""), id="legend")
        yield Static(Content(""), id="status")
        yield Footer()

    def on_mount(self) -> None:
        # The bindings as declared, for on_resize to hide some from a narrow footer. (Textual
        # has no public way to change what its footer shows; this map is what it reads.)
        self._wide_bindings = dict(self._bindings.key_to_bindings)
        self._narrow_footer = False
        self.sources.border_title = "Sources"
        self.entity_panel.border_title = "Entities"
        self.search_box.display = False
        self.entity_panel.display = False
        self.query_one("#legend", Static).display = False
        self.post_message(MainReady())  # the screen exists now to show what loading finds

    def on_resize(self) -> None:
        # Below 100 columns the footer packs its keys and names only the main ones; the
        # palette's hint gives way too (ctrl+p and every key still work, ? lists them), so that
        # q Quit and ? Help stay on the line.
        narrow = self.size.width < NARROW_FOOTER
        footer = self.query_one(Footer)
        footer.compact = narrow
        footer.show_command_palette = not narrow
        if narrow != self._narrow_footer:
            self._narrow_footer = narrow
            self._bindings.key_to_bindings = {
                key: [
                    replace(b, show=b.show and (not narrow or b.action in NARROW_FOOTER_KEYS))
                    for b in bindings
                ]
                for key, bindings in self._wide_bindings.items()
            }
            self.refresh_bindings()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    # -- the list of sources ---------------------------------------------------------------

    def populate(self, select: str | None = None) -> None:
        """Fill the source list from the library, the search result and the entity filter."""
        session = self.session
        sources = self.sources
        # One small frozen entry per source and nothing else: the list draws only the rows on
        # screen, so filling it with 50,000 sources costs building the entries and no layout.
        result = self.result if self.result is not None and not self.result.error else None
        if result is not None:
            entries = self._hit_entries(result.hits)
        elif session.grouped and worth_grouping(session.articles, session.stories):
            entries = story_entries(
                session.articles,
                session.stories or [],
                entity=self.entity_filter,
                marked=session.state.marked,
                versions=session.versions,
                folded=session.folded,
                conflicts=session.conflicts,
            )
        else:
            entries = catalog_entries(
                session.articles,
                entity=self.entity_filter,
                marked=session.state.marked,
                versions=session.versions,
            )
        sources.set_entries(entries)
        self._loading_more = False
        self._set_title(len(entries))
        wanted = select or (self.current.id if self.current else None)
        if entries:
            # The open article's row, else the first article's (a story's row opens nothing).
            sources.highlighted = next(
                (i for i, entry in enumerate(entries) if entry.id == wanted),
                next((i for i, e in enumerate(entries) if story_of_row(e.id) is None), 0),
            )

    def _hit_entries(self, hits: Sequence[Hit]) -> list[SourceEntry]:
        return hit_entries(hits, self._articles_by_id(), self.entity_filter)

    def _articles_by_id(self) -> dict[str, ArticleInfo]:
        """The catalog by id, made again only when the session's list is a new one."""
        catalog = self.session.articles
        if self._by_id is None or self._by_id[0] is not catalog:
            self._by_id = (catalog, {a.id: a for a in catalog})
        return self._by_id[1]

    def _set_title(self, shown: int) -> None:
        self.sources.border_title = list_title(self.result, shown, self.entity_filter)

    @on(OptionList.OptionHighlighted, "#sources")
    def _source_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        row = event.option.id
        if not row or story_of_row(row) is not None:
            return  # a story's row: main_stories.py says what enter does there
        if self.current is None or row != self.current.id:
            self.open_article(row)

    @on(OptionList.OptionSelected, "#sources")
    def _source_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and not self.story_row_selected(event.option.id):
            self.open_article(event.option.id, first_match=True)
            self.reader.focus()

    # -- the reader ------------------------------------------------------------------------

    def open_article(
        self,
        article_id: str,
        *,
        first_match: bool = False,
        offset: int | None = None,
        focus: tuple[int, int] | None = None,
        follow: bool = False,
    ) -> None:
        """Open an article in the reader; ``follow`` (opened from elsewhere than the list)
        moves the list's highlight to it. Not for opens the list asked for: a highlight set
        here while keys still move it would send the two back and forth."""
        session = self.session
        if session.library is None:
            return
        self.save_position()
        try:
            article = session.library.article(article_id)
        except ArticleNotFound:
            # The id came from a list, the saved state or a claim made before the file was
            # deleted or renamed: what is open stays open.
            self.post_message(ArticleGone(article_id))
            return
        self.current = article
        session.state.last_article = article.id
        if follow:
            self._follow_in_list(article.id)
        focus_spans = [focus] if focus is not None else []
        matches = self._matches_for(article.id)
        self.match_index = 0 if matches and first_match else None
        # Entities arrive from a worker (load_mentions), as conflicts do: the text is shown at
        # once, however many mentions the article has to decode.
        view = ReaderView(article, [], matches, [], focus_spans, self.match_index)
        reader = self.reader
        start_y = (
            0 if (first_match or offset is not None) else session.state.positions.get(article.id, 0)
        )
        if offset is not None:
            # A sentence opened from a view: its paragraph at the top, with what leads to it.
            reader.show(view, offset=offset, context=JUMP_CONTEXT)
        else:
            reader.show(view, scroll_y=start_y)
        if offset is None and first_match and matches:
            self.call_after_refresh(reader.centre_on, matches[0][0])
        self.conflict_index = None
        self.conflict_spans = []
        self.load_mentions(article.id)
        self.find_conflicts(article.id)
        self.update_status()

    def action_toggle_legend(self) -> None:
        """What the entity styles and the shading mean, drawn in those styles, above the
        status line (help shows the whole legend)."""
        box = self.query_one("#legend", Static)
        if not box.display:
            lines = legend(entity_styles(self.app.theme_variables))[:2]
            box.update(Content("\n").join(lines))
        box.display = not box.display

    def _follow_in_list(self, article_id: str) -> None:
        """The list's highlight follows the open article (opened from the diff, a sentence,
        the palette); when the list does not show it (a search, a filter, a folded story
        leave it out), the highlight stays where it is."""
        sources = self.sources
        try:
            index = sources.get_option_index(article_id)
        except OptionDoesNotExist:
            return
        if sources.highlighted != index:
            sources.highlighted = index  # current is already this article: nothing reopens

    def action_copy_sentence(self) -> None:
        """Copy the sentence in focus (the conflict stepped to, the current match, or the
        sentence opened from a view) with its citation."""
        view = self.reader.view
        span = None
        if view is not None:
            if self.conflict_index is not None and self.conflict_spans:
                span = self.conflict_spans[self.conflict_index][:2]
            elif view.current is not None and view.current < len(view.matches):
                span = view.matches[view.current]
            elif view.focus:
                span = view.focus[0]
        if view is None or span is None:
            self.notify(
                "Step to a sentence first (n for a match, ] for a conflict, or open one from "
                "the diff), then y copies it with its citation.",
                severity="warning",
            )
            return
        from search_index.report.citation import citation_at

        self.app.copy_to_clipboard(citation_at(view.article, *span).text())
        self.notify("Copied the sentence with its citation.")

    @work(exclusive=True, group="mentions", exit_on_error=False)
    async def load_mentions(self, article_id: str) -> None:
        """The article's entity mentions, read off the UI thread: decoding thousands of them
        held the UI for a few tenths of a second. The reader needs spans and types only: the
        corpus-wide entity table is built when the entity panel asks for it."""
        library = self.session.library
        if library is None:
            return
        try:
            extraction = await in_daemon_thread(
                lambda _: library.extraction(article_id), name="mentions"
            )
        except ArticleNotFound:
            return  # gone since it was opened: opening it said so, and nothing is left to mark
        self.post_message(MentionsRead(article_id, extraction.mentions))

    @on(MentionsRead)
    def _show_mentions(self, event: MentionsRead) -> None:
        article_id, mentions = event.article_id, event.mentions
        reader = self.reader
        if self.current is None or self.current.id != article_id or reader.view is None:
            return
        reader.view.entities = [(m.start, m.end, m.type) for m in mentions]
        if self.entity_filter is not None:
            members = self.entity_filter.members
            reader.view.focus += [(m.start, m.end) for m in mentions if (m.type, m.key) in members]
        reader.refresh_styles()

    def save_position(self) -> None:
        if self.current is not None:
            self.session.state.set_position(self.current.id, int(self.reader.scroll_y))

    @work(exclusive=True, group="conflicts", exit_on_error=False)
    async def find_conflicts(self, article_id: str) -> None:
        """Sentences of this article that another source contradicts (off the UI thread)."""
        library = self.session.library
        if library is None:
            return
        try:
            found = await in_daemon_thread(
                lambda abandoned: library.contradicted(article_id, abandoned.is_set),
                name="conflicts",
            )
        except ArticleNotFound:
            return  # gone since it was opened: no sentence of it is left to mark
        self.post_message(ConflictsFound(article_id, found))

    @on(ConflictsFound)
    def _show_conflicts(self, event: ConflictsFound) -> None:
        reader = self.reader
        if self.current is None or self.current.id != event.article_id or reader.view is None:
            return
        # Names for the sources that contradict it only: the whole catalog, on every article
        # opened, was 10,000 titles split at 10k articles.
        others = {claim.article_id for claims in event.found.values() for claim in claims}
        by_id = self._articles_by_id()
        names = source_names(by_id[i] for i in others if i in by_id)
        self.conflict_spans = conflict_spans(event.found, names)
        reader.view.conflicts = [(s, e) for s, e, _ in self.conflict_spans]
        reader.refresh_styles()
        self.update_status()

    # -- conflicts in the reader -------------------------------------------------------------

    def action_next_conflict(self) -> None:
        self._step_conflict(1)

    def action_previous_conflict(self) -> None:
        self._step_conflict(-1)

    def _step_conflict(self, step: int) -> None:
        if not self.conflict_spans:
            self.notify("no sentence here conflicts with another source")
            return
        count = len(self.conflict_spans)
        self.conflict_index = step_index(self.conflict_index, step, count)
        start, end, note = self.conflict_spans[self.conflict_index]
        reader = self.reader
        if reader.view is not None:
            reader.view.focus = [(start, end)]
            reader.refresh_styles()
        reader.centre_on(start)
        self.update_status(f"conflict {self.conflict_index + 1}/{count}: other sources say {note}")
        # The whole note, wrapped, too: the status line cuts it at the screen's edge.
        self.notify(f"other sources say {note}", title="conflict", markup=False)

    # -- entities ----------------------------------------------------------------------------

    def action_toggle_entities(self) -> None:
        panel = self.entity_panel
        panel.display = not panel.display
        if panel.display:
            if self.session.library is not None:
                panel.fill(self.session.library)
            panel.focus()
        else:
            self.sources.focus()

    @on(OptionList.OptionSelected, "#entity-panel")
    def _entity_chosen(self, event: OptionList.OptionSelected) -> None:
        library = self.session.library
        if library is None or event.option.id is None:
            return
        entity = next((e for e in library.entities().entities if e.id == event.option.id), None)
        self.entity_filter = entity
        self.populate()
        sources = self.sources
        if sources.highlighted is not None:
            option = sources.get_option_at_index(sources.highlighted)
            if option.id:
                self.open_article(option.id)
        self.update_status(f"showing sources that mention {entity.name}" if entity else None)

    # -- marking and comparing ------------------------------------------------------------------

    def action_mark(self) -> None:
        if self.current is None:
            return
        marked = self.session.toggle_mark(self.current.id)
        verb = "marked" if marked else "unmarked"
        # Named as the list names it (a file id says nothing to a reader); ' lists the marks.
        name = self.current.outlet or self.current.title
        hint = " (' lists the marks)" if marked else ""
        self.notify(printable(f"{verb} {name}{hint}"), markup=False)
        self.populate()

    def action_show_marks(self) -> None:
        if not self.session.state.marked:
            self.notify("nothing is marked: m marks the open source for comparing")
            return
        self.post_message(ShowMarks())

    def unmark(self, article_ids: tuple[str, ...]) -> None:
        """Forget these marks, and redraw the list without their ★."""
        gone = set(article_ids)
        marked = self.session.state.marked
        marked[:] = [m for m in marked if m not in gone]
        self.notify(f"{len(gone)} {'mark' if len(gone) == 1 else 'marks'} cleared")
        self.populate()

    def action_compare(self) -> None:
        if self.current is None:
            return
        self.post_message(CompareRequested(self.current.id))

    def action_overview(self) -> None:
        self.post_message(ShowOverview())

    def action_timeline(self) -> None:
        self.post_message(ShowTimeline())

    def action_clear(self) -> None:
        if self.building:  # esc first stops the corpus view being built (the status says so)
            self.post_message(CancelCorpusView())
            return
        if self.grouping:
            self.stop_grouping()
            return
        search = self.search_box
        if search.display:
            search.value = ""
            search.display = False
            self.result = None
        elif self.entity_filter is not None:
            self.entity_filter = None
        elif self.entity_panel.display:
            self.entity_panel.display = False
        self.populate()
        if self.current is not None:
            self.open_article(self.current.id)
        self.sources.focus()

    # -- status line -----------------------------------------------------------------------------

    def update_status(self, message: str | None = None) -> None:
        view = self.reader.view
        line = status_line(
            self.result,
            match_index=self.match_index,
            match_count=len(view.matches) if view else 0,
            conflicts=len(self.conflict_spans),
            message=message,
            conflict_keys=(
                self._keys_shown("next_conflict", "previous_conflict")
                if self.conflict_spans
                else ""
            )
            or "] [",
        )
        self.status.update(Content(printable(line)))

    def _keys_shown(self, *binding_ids: str) -> str:
        """The keys the bindings with these ids answer to now (config.toml may remap them), as
        the footer writes them: the status line's hints name the keys that work."""
        found: dict[str, list[str]] = {wanted: [] for wanted in binding_ids}
        for active in self.active_bindings.values():
            binding = active.binding
            if binding.id in found:
                found[binding.id].append(self.app.get_key_display(binding))
        return " ".join(key for wanted in binding_ids for key in found[wanted])
