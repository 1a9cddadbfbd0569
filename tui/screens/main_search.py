"""The main screen's search: the query box, the ranking paged in as the list is read, and
stepping through an article's matches.

``SearchingScreen`` is the main screen's search half, kept in its own module so each half reads
on its own; MainScreen (main.py) is the one subclass and supplies the panes and the list
filling named at the end of the class. Its workers post their results (tui/messages.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual import on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from search_index.library import DEFAULT_LIMIT
from search_index.models import Article, Hit, SearchResult

from ..background import in_daemon_thread
from ..messages import MentionsRead, PageFound, SearchDone
from ..session import Session
from ..widgets.reader import Reader
from ..widgets.search import SearchInput
from ..widgets.source_entries import SourceEntry
from ..widgets.source_list import SourceList
from .reader_marks import entity_matches, entity_terms, occurrences, step_index

__all__ = ["SEARCH_DEBOUNCE", "SEARCH_PAGE", "SearchingScreen"]

SEARCH_DEBOUNCE = 0.25
# Hits searched (with snippets) at a time: a screenful, back in milliseconds; the next page
# is fetched when the list is read to within a screenful of its end. The library's default,
# so the benchmarks time the page the app asks for.
SEARCH_PAGE = DEFAULT_LIMIT


class SearchingScreen(Screen[None]):
    """The search half of the main screen (see the module's docstring)."""

    session: Session
    current: Article | None

    def __init__(self) -> None:
        super().__init__()
        self.result: SearchResult | None = None
        self.match_index: int | None = None
        self._debounce: Timer | None = None
        self._loading_more = False
        # An article whose entity matches, when its mentions arrive, are marked without moving
        # to the first: it was open before the search was typed.
        self._mark_only: str | None = None

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
        self.post_message(SearchDone(result, open_first))

    @on(SearchDone)
    def _show_result(self, event: SearchDone) -> None:
        result, open_first = event.result, event.open_first
        self.result = result
        first = result.hits[0].id if open_first and result is not None and result.hits else None
        self.populate(select=first)
        if open_first and result is not None and result.hits:
            self.open_article(result.hits[0].id, first_match=True)
            self.sources.focus()
            self._centre_current()
        elif self.current is not None:
            reader = self.reader
            if reader.view is not None:
                reader.view.matches = self._matches_for(self.current.id)
                reader.view.current = None
                self.match_index = None
                reader.refresh_styles()
                if result is not None and entity_terms(result.query):
                    # The open article's mentions again, for the entity field's matches: marked,
                    # not jumped to, as a search typed marks the words.
                    self._mark_only = self.current.id
                    self.load_mentions(self.current.id)
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
        self.match_index = step_index(self.match_index, step, len(reader.view.matches))
        reader.view.current = self.match_index
        reader.refresh_styles()
        reader.centre_on(reader.view.matches[self.match_index][0])
        self.update_status()

    def _centre_current(self) -> None:
        """Once laid out, the current match in the middle of the reader (the screen's own
        jump brings its paragraph to the top, which can leave the match on the last line)."""
        view = self.reader.view
        if view is not None and view.current is not None and view.current < len(view.matches):
            offset = view.matches[view.current][0]
            self.call_after_refresh(self.reader.centre_on, offset)

    @on(MentionsRead)
    def _entity_hits(self, event: MentionsRead) -> None:
        """person:/place:/org: hits: their mentions become the article's matches once read (the
        index finds them in its entity fields, so the library marks no word of the text).
        Runs after MainScreen's own handler has coloured the mentions."""
        reader, current = self.reader, self.current
        if self.result is None or current is None or current.id != event.article_id:
            return
        terms = entity_terms(self.result.query)
        view = reader.view
        if not terms or view is None:
            return
        found = entity_matches(event.mentions, terms)
        if not found:
            return
        mark_only, self._mark_only = self._mark_only == current.id, None
        opened_at_match = not mark_only and (self.match_index is not None or not view.matches)
        view.matches = occurrences(list(view.matches) + found)
        if opened_at_match:
            # Opened at its first match, or a hit only by its entity (nothing to open at till
            # now): the first match is the entity's first mention, or the earliest match.
            self.match_index = view.current = 0
            reader.refresh_styles()
            self._centre_current()
        else:
            reader.refresh_styles()
        self.update_status()

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
        self.post_message(PageFound(page))

    @on(PageFound)
    def _add_page(self, event: PageFound) -> None:
        page, result = event.page, self.result
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

    def _matches_for(self, article_id: str) -> list[tuple[int, int]]:
        if self.result is None:
            return []
        hit = next((h for h in self.result.hits if h.id == article_id), None)
        return occurrences((m.start, m.end) for m in hit.matches) if hit else []

    # -- what MainScreen supplies -----------------------------------------------------------

    @property
    def reader(self) -> Reader:
        raise NotImplementedError

    @property
    def sources(self) -> SourceList:
        raise NotImplementedError

    @property
    def search_box(self) -> SearchInput:
        raise NotImplementedError

    def populate(self, select: str | None = None) -> None:
        raise NotImplementedError

    def load_mentions(self, article_id: str) -> object:
        raise NotImplementedError

    def open_article(self, article_id: str, *, first_match: bool = False) -> None:
        raise NotImplementedError

    def update_status(self, message: str | None = None) -> None:
        raise NotImplementedError

    def _hit_entries(self, hits: Sequence[Hit]) -> list[SourceEntry]:
        raise NotImplementedError

    def _set_title(self, shown: int) -> None:
        raise NotImplementedError
