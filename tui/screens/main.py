"""The main screen: source list, reader, search bar and entity panel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from search_index.claims.extract import Claim
from search_index.ids import ArticleNotFound
from search_index.library import DEFAULT_LIMIT
from search_index.models import (
    NAME_TYPES,
    Article,
    ArticleInfo,
    Entity,
    Hit,
    Mention,
    SearchResult,
)

from ..background import in_daemon_thread
from ..messages import ArticleGone, CompareRequested, MainReady, ShowMatrix, ShowTimeline
from ..notes import report_failure
from ..render import printable
from ..session import Session
from ..widgets.lists import VimOptionList
from ..widgets.reader import Reader, ReaderView
from ..widgets.search import SearchInput
from ..widgets.source_list import SourceEntry, SourceList

SEARCH_DEBOUNCE = 0.25
# Hits searched (with snippets) at a time: a screenful, back in milliseconds; the next page
# is fetched when the list is read to within a screenful of its end. The library's default,
# so the benchmarks time the page the app asks for.
SEARCH_PAGE = DEFAULT_LIMIT


class MainScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "start_search", "Search", id="search"),
        Binding("n", "next_match", "Next match", id="next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="previous_match"),
        Binding("e", "toggle_entities", "Entities", id="entities"),
        Binding("m", "mark", "Mark", id="mark"),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("M", "matrix", "Matrix", id="matrix"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("right_square_bracket", "next_conflict", "Next conflict", show=False),
        Binding("left_square_bracket", "previous_conflict", "Prev conflict", show=False),
        Binding("escape", "clear", "Clear", show=False, id="clear"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The App's session, handed over once this screen is mounted (see MainReady).
        self.session = Session()
        self.result: SearchResult | None = None
        self.entity_filter: Entity | None = None
        self.current: Article | None = None
        self.match_index: int | None = None
        self.conflict_index: int | None = None
        self.conflict_spans: list[tuple[int, int, str]] = []
        self._debounce: Timer | None = None
        self._loading_more = False
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
    def entity_panel(self) -> VimOptionList:
        return self.query_one("#entity-panel", VimOptionList)

    def compose(self) -> ComposeResult:
        yield SearchInput(
            placeholder='search: words, "phrases", person:Kim, AND/OR/NOT', id="search"
        )
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield SourceList(id="sources")
                yield VimOptionList(id="entity-panel")
            yield Reader(id="reader")
        yield Static(Content(""), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.sources.border_title = "Sources"
        self.entity_panel.border_title = "Entities"
        self.search_box.display = False
        self.entity_panel.display = False
        self.post_message(MainReady())  # the screen exists now to show what loading finds

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    # -- the list of sources ---------------------------------------------------------------

    def populate(self, select: str | None = None) -> None:
        """Fill the source list from the library, the search result and the entity filter."""
        session = self.session
        sources = self.sources
        # One small frozen entry per source and nothing else: the list draws only the rows on
        # screen, so filling it with 50,000 sources costs this loop and no layout.
        entries: list[SourceEntry] = []
        result = self.result if self.result is not None and not self.result.error else None
        if result is not None:
            entries = self._hit_entries(result.hits)
        else:
            # Once per source, 50,000 times in a large corpus, so written for speed: the day
            # straight from the datetime, no join, and no cleaning of the text (the list makes
            # each row it draws printable, and only those). A set: the entity's sources are a
            # tuple, and an entity found in thousands of sources made each lookup a scan.
            entity = self.entity_filter
            wanted_ids = set(entity.sources) if entity is not None else None
            marked = session.state.marked
            versions = session.versions
            for article in session.articles:
                article_id = article.id
                if wanted_ids is not None and article_id not in wanted_ids:
                    continue
                outlet = article.outlet
                day = article.published.value.date().isoformat() if article.published else None
                meta = f"{outlet} · {day}" if outlet and day else outlet or day or ""
                version = versions.get(article_id)
                if version is not None:  # a capture of a page, not another outlet's report
                    meta = f"{version.label} · {meta}" if meta else version.label
                if article_id in marked:
                    meta = f"★ · {meta}" if meta else "★"
                entries.append(SourceEntry(article_id, article.title, meta or article_id))
        sources.set_entries(entries)
        self._loading_more = False
        self._set_title(len(entries))
        wanted = select or (self.current.id if self.current else None)
        if entries:
            sources.highlighted = next(
                (i for i, entry in enumerate(entries) if entry.id == wanted), 0
            )

    def _hit_entries(self, hits: Iterable[Hit]) -> list[SourceEntry]:
        catalog = self.session.articles
        if self._by_id is None or self._by_id[0] is not catalog:
            self._by_id = (catalog, {a.id: a for a in catalog})
        articles = self._by_id[1]
        entries = []
        for hit in hits:
            article = articles.get(hit.id)
            if article is None or not self._passes_filter(hit.id):
                continue
            count = len(hit.matches)
            meta = f"{count} {'match' if count == 1 else 'matches'} · {hit.snippet.text[:160]}"
            entries.append(SourceEntry(hit.id, article.title, meta))
        return entries

    def _set_title(self, shown: int) -> None:
        result = self.result if self.result is not None and not self.result.error else None
        title = "Sources"
        if result is not None:
            # The whole ranking's size: the list holds its first pages and loads more as it
            # is scrolled.
            noun = "match" if result.total == 1 else "matches"
            title = f"{result.total:,} {noun}"
            if result.has_more or shown != result.total:
                title = f"{shown:,} of {title}"
        if self.entity_filter is not None:
            title += f" · {printable(self.entity_filter.name)}"
        self.sources.border_title = title

    @on(SourceList.NearEnd, "#sources")
    def _near_end(self) -> None:
        result = self.result
        if result is None or not result.has_more or self._loading_more:
            return
        self._loading_more = True
        self.load_more(result.query, len(result.hits))

    @work(exclusive=True, group="more", exit_on_error=False)
    async def load_more(self, query: str, offset: int) -> None:
        """The next page of the ranking, searched off the UI thread (one quitting need not
        wait for: see tui/background.py)."""
        library = self.session.library
        if library is None:
            return
        page = await in_daemon_thread(
            lambda _: library.search(query, limit=SEARCH_PAGE, offset=offset), name="more"
        )
        self._add_page(page)

    def _add_page(self, page: SearchResult) -> None:
        result = self.result
        # A page for a query since replaced, or one already added, is dropped.
        if result is None or page.query != result.query or page.offset != len(result.hits):
            return
        self._loading_more = False
        if page.error:
            return
        self.result = replace(result, hits=result.hits + page.hits)
        sources = self.sources
        sources.extend_entries(self._hit_entries(page.hits))
        self._set_title(sources.option_count)

    def _passes_filter(self, article_id: str) -> bool:
        return self.entity_filter is None or article_id in self.entity_filter.sources

    @on(OptionList.OptionHighlighted, "#sources")
    def _source_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and (self.current is None or event.option.id != self.current.id):
            self.open_article(event.option.id)

    @on(OptionList.OptionSelected, "#sources")
    def _source_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
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
    ) -> None:
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
        reader.show(view, scroll_y=start_y)
        if offset is not None:
            self.call_after_refresh(reader.scroll_to_offset, offset)
        elif first_match and matches:
            self.call_after_refresh(reader.scroll_to_offset, matches[0][0])
        self.conflict_index = None
        self.conflict_spans = []
        self.load_mentions(article.id)
        self.find_conflicts(article.id)
        self.update_status()

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
        self._show_mentions(article_id, extraction.mentions)

    def _show_mentions(self, article_id: str, mentions: tuple[Mention, ...]) -> None:
        reader = self.reader
        if self.current is None or self.current.id != article_id or reader.view is None:
            return
        reader.view.entities = [(m.start, m.end, m.type) for m in mentions]
        if self.entity_filter is not None:
            members = self.entity_filter.members
            reader.view.focus += [(m.start, m.end) for m in mentions if (m.type, m.key) in members]
        reader.refresh_styles()

    def _matches_for(self, article_id: str) -> list[tuple[int, int]]:
        if self.result is None:
            return []
        hit = next((h for h in self.result.hits if h.id == article_id), None)
        return [(m.start, m.end) for m in hit.matches] if hit else []

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
        self._show_conflicts(article_id, found)

    def _show_conflicts(self, article_id: str, found: dict[tuple[int, int], list[Claim]]) -> None:
        reader = self.reader
        if self.current is None or self.current.id != article_id or reader.view is None:
            return
        self.conflict_spans = [
            (start, end, "; ".join(f"{c.article_id[:12]}: {c.value_text}" for c in claims))
            for (start, end), claims in found.items()
        ]
        reader.view.conflicts = [(s, e) for s, e, _ in self.conflict_spans]
        reader.refresh_styles()
        self.update_status()

    # -- search ----------------------------------------------------------------------------

    def action_start_search(self) -> None:
        search = self.search_box
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(SEARCH_DEBOUNCE, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.run_search(event.value, open_first=True)

    @work(exclusive=True, group="search", exit_on_error=False)
    async def run_search(self, query: str, open_first: bool = False) -> None:
        """Search off the UI thread. The query runs in a thread nobody has to wait for: a
        newer query (this worker is exclusive) or ctrl+q stops the waiting at once, however
        long an expensive query takes to finish (see tui/background.py)."""
        library = self.session.library
        if library is None:
            return
        result = (
            await in_daemon_thread(
                lambda _: library.search(query, limit=SEARCH_PAGE), name="search"
            )
            if query.strip()
            else None
        )
        self._show_result(result, open_first)

    def _show_result(self, result: SearchResult | None, open_first: bool) -> None:
        self.result = result
        first = result.hits[0].id if open_first and result is not None and result.hits else None
        self.populate(select=first)
        if open_first and result is not None and result.hits:
            self.open_article(result.hits[0].id, first_match=True)
            self.sources.focus()
        elif self.current is not None:
            reader = self.reader
            if reader.view is not None:
                reader.view.matches = self._matches_for(self.current.id)
                reader.view.current = None
                self.match_index = None
                reader.refresh_styles()
        self.update_status()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        reader = self.reader
        if reader.view is None or not reader.view.matches:
            self.notify("no matches in this article", severity="warning")
            return
        count = len(reader.view.matches)
        index = 0 if self.match_index is None and step > 0 else (self.match_index or 0) + step
        self.match_index = index % count
        reader.view.current = self.match_index
        reader.refresh_styles()
        reader.scroll_to_offset(reader.view.matches[self.match_index][0])
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
        index = 0 if self.conflict_index is None and step > 0 else (self.conflict_index or 0) + step
        self.conflict_index = index % count
        start, end, note = self.conflict_spans[self.conflict_index]
        reader = self.reader
        if reader.view is not None:
            reader.view.focus = [(start, end)]
            reader.refresh_styles()
        reader.scroll_to_offset(start)
        self.update_status(f"conflict {self.conflict_index + 1}/{count}: other sources say {note}")

    # -- entities ----------------------------------------------------------------------------

    def action_toggle_entities(self) -> None:
        panel = self.entity_panel
        panel.display = not panel.display
        if panel.display:
            self.fill_entity_panel()
            panel.focus()
        else:
            self.sources.focus()

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def fill_entity_panel(self) -> None:
        """The corpus's entities by type (merging a large corpus takes a moment: off the UI)."""
        library = self.session.library
        if library is None:
            return
        entities = library.entities().entities
        options: list[Option] = []
        for kind in NAME_TYPES:
            of_kind = [e for e in entities if e.type == kind][:60]
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
        self.app.call_from_thread(self._show_entities, options)

    def _show_entities(self, options: list[Option]) -> None:
        panel = self.entity_panel
        panel.clear_options()
        panel.add_options(options)

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
        self.notify(f"{verb} {printable(self.current.id)}", markup=False)
        self.populate()

    def action_compare(self) -> None:
        if self.current is None:
            return
        self.post_message(CompareRequested(self.current.id))

    def action_matrix(self) -> None:
        self.post_message(ShowMatrix())

    def action_timeline(self) -> None:
        self.post_message(ShowTimeline())

    def action_clear(self) -> None:
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
        parts: list[str] = []
        result = self.result
        if result is not None:
            if result.error:
                parts.append(f"search: {result.error}")
            else:
                if result.corrected:
                    parts.append(f"showing results for {result.corrected!r}")
                if result.notice:
                    parts.append(result.notice)
                reader = self.reader
                count = len(reader.view.matches) if reader.view else 0
                if count:
                    position = (self.match_index or 0) + 1 if self.match_index is not None else 0
                    parts.append(f"match {position}/{count}")
        if self.conflict_spans and message is None:
            parts.append(f"{len(self.conflict_spans)} conflicting sentences (] [)")
        if message:
            parts.append(message)
        self.status.update(Content(printable("  ·  ".join(parts))))
