"""The kimreader app: a thin App that routes the screens' messages and its workers' results.

All analysis lives in ``search_index``; the screens only render what the Library answers.
Screens never call the App: they post the messages of tui/messages.py, handled here. What its
workers do lives beside it: opening the corpus in startup.py, building the corpus-wide views
in corpus_views.py; the palette's commands are in palette.py. Every worker failure, from any
screen or widget, reaches ``_worker_failed`` here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from search_index.ids import ArticleNotFound
from search_index.library import Library
from search_index.models import ArticleInfo
from search_index.state import Forgotten, ReadingState, StateStore

from . import messages
from .corpus_views import build_overview, build_timeline, compare_first
from .file_report import skipped_summary
from .heap import release_heap, settle_heap
from .keymap import binding_ids, is_key, keys_lost
from .notes import forward_failure, gone_notes, report_failure
from .palette import kimreader_commands
from .render import printable

# The other screens (the claim diff, the overview, the timeline, a sentence, the marks) are
# imported when first opened: with the claim diff and the reports they import, they were a
# fifth of what the app imported before its first frame.
from .screens.main import MainScreen
from .screens.modals import HelpScreen, SourcePicker
from .screens.reader_marks import source_names
from .session import Session
from .settings import Settings, ThemeMemory, check_keymap, pick_theme, theme_choices
from .startup import StartupSteps, open_corpus

# Skipped files named in the app's one toast about them: a toast has room for a few lines.
SKIPPED_SHOWN = 3
# While another process holds the index (a first build from `kimreader index`, another app),
# the corpus is loaded again this often until the index is free.
BUSY_RETRY_SECONDS = 3.0


class KimreaderApp(App[None]):
    TITLE = "kimreader"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="force_quit"),
        # Textual adds this binding itself when none is declared, but without an id: declared
        # here, the key map can move it.
        Binding(
            "ctrl+p", "command_palette", "palette", show=False, priority=True, id="command_palette"
        ),
    ]

    def __init__(
        self,
        corpus: Path | None = None,
        *,
        remember: bool = True,
        settings: Settings | None = None,
    ) -> None:
        """``settings``: config.toml and the environment as read (tui.settings); None (tests,
        screenshots) keeps Textual's theme and keys, and neither reads nor saves the theme."""
        super().__init__()
        self.corpus = corpus
        self.settings = settings
        self.keymap: dict[str, str] = {}
        """Binding id -> keys, as applied from config.toml (help and the palette name them)."""
        self._themes = ThemeMemory() if settings is not None and remember else None
        self._theme_kept: str | None = None
        self.session = Session()
        self._store: StateStore | None = None
        self._remember = remember
        # Until the start-up refresh ends, the lists show the index as it was: an article found
        # gone meanwhile is dropped from the state here and reported with the refresh's finds.
        self._loaded = False
        self._gone_while_loading = Forgotten()
        self._busy_told = False

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    def on_mount(self) -> None:
        self._apply_settings()

    # -- settings --------------------------------------------------------------------------

    def _apply_settings(self) -> None:
        """The theme and key map from the settings; whatever cannot be used is said in a
        notification and left at its default."""
        settings = self.settings
        if settings is None:
            return
        warnings = list(settings.warnings)
        remembered = None
        if self._themes is not None:
            remembered, warning = self._themes.load()
            if warning:
                warnings.append(warning)
        theme, unknown = pick_theme(theme_choices(settings, remembered), self.available_themes)
        warnings += unknown
        if theme is not None:
            self.theme = theme
        # Only a theme chosen from now on is remembered, not the one the settings gave.
        self._theme_kept = self.theme
        self.watch(self, "theme", self._theme_chosen, init=False)
        keymap: dict[str, str] = {}
        if settings.keymap:  # every view's bindings are read only when there is a map to check
            keymap, dropped = check_keymap(settings.keymap, binding_ids([DOMNode]), is_key)
            warnings += dropped
        if keymap:
            # Said at start-up for every view, before the user meets a key gone missing.
            warnings += keys_lost([DOMNode], keymap)
            self.keymap = keymap
            self.set_keymap(keymap)
        for warning in warnings:
            self.notify(printable(warning), severity="warning", markup=False, timeout=10)

    def _theme_chosen(self, theme: str) -> None:
        """A theme chosen in the app (the palette's "Change theme") is used next launch."""
        if self._themes is None or self.settings is None or theme == self._theme_kept:
            return
        self._theme_kept = theme
        warning = self._themes.save(theme, self.settings.config_theme)
        if warning:
            self.notify(warning, severity="warning", markup=False)

    @property
    def main(self) -> MainScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    # The session's parts, as the App's: what it opened and what the tests look at.

    @property
    def library(self) -> Library | None:
        return self.session.library

    @library.setter
    def library(self, library: Library | None) -> None:
        self.session.library = library

    @property
    def articles(self) -> list[ArticleInfo]:
        return self.session.articles

    @articles.setter
    def articles(self, articles: list[ArticleInfo]) -> None:
        self.session.articles = articles

    @property
    def state(self) -> ReadingState:
        return self.session.state

    @state.setter
    def state(self, state: ReadingState) -> None:
        self.session.state = state

    @on(messages.MainReady)
    def _main_ready(self) -> None:
        self.main.session = self.session
        self.load_corpus()

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_corpus(self) -> None:
        """Off the UI thread: open the index, bring it up to date, read the saved state.

        Posts CorpusLoaded, or CorpusFailed with the reason (the reader pane shows it: with
        no corpus there is nothing else to show).
        """
        try:
            self._load_corpus()
        except Exception as exc:
            self.post_message(messages.CorpusFailed(repr(exc)))

    def _load_corpus(self) -> None:
        def state_read(store: StateStore, state: ReadingState, warning: str | None) -> None:
            self._store, self.state = store, state
            if warning:
                self.notify(printable(warning), severity="warning", markup=False)

        def progress(text: str) -> None:
            if self.screen_stack:  # else the app quit while the corpus was still loading
                self.main.update_status(text)

        steps = StartupSteps(
            state_read=lambda *args: self.call_from_thread(state_read, *args),
            indexed_so_far=lambda *args: self.call_from_thread(self._show_articles, *args),
            progress=lambda text: self.call_from_thread(progress, text),
        )
        outcome = open_corpus(
            self.corpus, remember=self._remember, worker=get_current_worker(), steps=steps
        )
        if outcome is not None:
            self.post_message(outcome)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    @on(messages.WorkerFailed)
    def _worker_failed(self, event: messages.WorkerFailed) -> None:
        """The one handler of every failed worker, the App's and each screen's and widget's."""
        report_failure(self, event)

    @on(messages.CorpusFailed)
    def _corpus_failed(self, event: messages.CorpusFailed) -> None:
        if self.screen_stack:  # else the app quit while the corpus was still loading
            self.main.reader.message(f"Could not open the corpus: {event.reason}")

    @on(messages.CorpusLoaded)
    def _corpus_loaded(self, event: messages.CorpusLoaded) -> None:
        if not self.screen_stack:
            return  # the app quit while the corpus was still loading
        reader = self.main.reader
        previous = self.library
        self.library, refresh = event.library, event.refresh
        if previous is not None and previous is not self.library:
            previous.close()
        had_articles = bool(self.articles)
        self.articles = self.library.catalog()
        self.session.versions = event.versions
        busy = refresh.report.busy
        # Only a finished refresh knows which articles exist: while another process builds the
        # index, what it shows may be partial (or empty), and no saved state is judged by it.
        self._loaded = not busy
        if busy:
            # Look again until the other process lets go; say so once, not every few seconds.
            self.set_timer(BUSY_RETRY_SECONDS, self.load_corpus)
        # File names and kimreader.toml text are neither markup nor terminal escapes.
        for warning in refresh.report.warnings:
            if busy and self._busy_told and "another kimreader process" in warning:
                continue
            self.notify(printable(warning), severity="warning", markup=False)
        self._busy_told = busy
        # One toast for every skipped file, however many: a toast each made starting and
        # quitting quadratic (a minute for a folder of 2,000 empty files).
        skipped = skipped_summary(refresh.skipped, shown=SKIPPED_SHOWN)
        if skipped:
            self.notify("\n".join(skipped), severity="warning", markup=False)
        # Saved state and what the stale index showed may name files since deleted or renamed.
        current_gone = False
        if self._loaded:
            ids = {a.id for a in self.articles}
            forgotten = self._gone_while_loading | self.state.forget_missing(ids)
            self._gone_while_loading = Forgotten()
            current = self.main.current
            current_gone = current is not None and current.id not in ids
            if current_gone:
                self.main.current = None
            for note in gone_notes(forgotten, opened_first=bool(self.articles)):
                self.notify(note, severity="warning", markup=False)
        if not self.articles:
            reader.message(
                "Another kimreader process is indexing this corpus; the articles appear here "
                "when it has finished."
                if busy
                else "This corpus has no readable articles."
            )
            return
        if refresh.report.changed:
            self.session.stories = None  # worked out again below, for the corpus as it is
        if refresh.report.changed or not had_articles or current_gone:
            # The state holds only present articles now: no gone one is selected again.
            last = self.main.current.id if self.main.current else self.state.last_article
            self.main.populate(select=last)
            if not had_articles:
                self.main.sources.focus()
        self.main.update_status(None)
        settle_heap()
        if self._loaded:
            self.main.load_stories(asked=False)

    def on_unmount(self) -> None:
        release_heap()

    def _show_articles(self, library: Library, articles: list[ArticleInfo]) -> None:
        """Show what is indexed so far (the library is safe to read while it is updated): at
        start, and after each batch a large first build commits."""
        if not articles or not self.screen_stack or len(articles) <= len(self.articles):
            return
        first = not self.articles
        self.library = library
        self.articles = articles
        if not first:
            self.main.populate()  # the open article stays open and highlighted
            settle_heap()
            return
        ids = {a.id for a in articles}
        last = self.state.last_article if self.state.last_article in ids else None
        self.main.populate(select=last)
        self.main.sources.focus()
        settle_heap()

    # -- state -------------------------------------------------------------------------------

    @on(messages.ArticleGone)
    def _article_gone(self, event: messages.ArticleGone) -> None:
        self.article_gone(event.article_id)

    def article_gone(self, article_id: str) -> None:
        """An id from saved state or an earlier list names an article the index no longer
        has (its file was deleted or renamed): forget it, say so, and list what is there."""
        forgotten = self.state.forget(article_id)
        if not self._loaded and forgotten.last_article is not None:
            # The saved last article, opened from the index as it was: the refresh under way
            # re-reads the list and reports it with whatever else it finds gone.
            self._gone_while_loading |= forgotten
            return
        note = f"{article_id} is gone: deleted or renamed since it was listed."
        if forgotten.marked:
            note += " Its mark is cleared."
        self.notify(printable(note), severity="warning", markup=False)
        if self.library is None or not self._loaded:
            return  # the refresh under way lists what is there when it ends
        main = self.main
        if main.current is not None and main.current.id == article_id:
            main.current = None  # the list opens the first article in its place
        self.articles = self.library.catalog()
        main.populate()

    def save_state(self) -> None:
        if self._store is not None:
            self.main.save_position()
            warning = self._store.save(self.state)
            if warning:
                self.log.warning(warning)

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    # -- navigation ----------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    @on(messages.CompareRequested)
    def _compare_requested(self, event: messages.CompareRequested) -> None:
        self.compare_with(event.article_id)

    @on(messages.ShowOverview)
    def _overview_wanted(self) -> None:
        self.show_overview()

    @on(messages.ShowTimeline)
    def _timeline_wanted(self) -> None:
        self.show_timeline()

    @on(messages.ShowMarks)
    def _marks_wanted(self) -> None:
        by_id = {article.id: article for article in self.articles}

        def chosen(article_id: str | None) -> None:
            if article_id:
                self.main.open_article(article_id, follow=True)

        from .screens.marks import MarksScreen, mark_rows

        self.push_screen(MarksScreen(mark_rows(self.state.marked, by_id)), chosen)

    @on(messages.UnmarkRequested)
    def _unmark(self, event: messages.UnmarkRequested) -> None:
        self.main.unmark(event.article_ids)

    @on(messages.OpenArticle)
    def _open_article(self, event: messages.OpenArticle) -> None:
        if event.in_reader or len(self.screen_stack) <= 1 or self.library is None:
            self.open_sentence(event.article_id, event.start, event.end)
        else:
            # Opened from the overview or the timeline: on top of it, so that q comes back
            # to exactly where the user was.
            from .screens.sentence import SentenceScreen

            self.push_screen(SentenceScreen(self.library, event.article_id, event.start, event.end))

    # The claim diff, the overview and the timeline take seconds on a large corpus: built off the
    # UI thread (corpus_views.py) while the status line says what is coming; the screen opens
    # when its result message arrives.

    def compare_with(self, article_id: str) -> None:
        """Compare with the marked source, or ask which one."""
        if self.library is None:
            return
        # Newest mark first; a mark whose article has gone is cleared (with a note) and the
        # next one tried, and with none left the picker asks.
        marks = [m for m in reversed(self.state.marked) if m != article_id]
        if marks:
            self._compare(article_id, [(mark, article_id) for mark in marks], ask=True)
        else:
            self._pick_other(article_id)

    def _pick_other(self, article_id: str) -> None:
        def chosen(other: str | None) -> None:
            if other:
                self.show_comparison(article_id, other)

        # The story's other sources first, when the stories are already known: working them out
        # here could take a minute on a large corpus, and the picker must open at once.
        story = self.library.known_story_of(article_id) if self.library is not None else None
        first = frozenset(story.members) if story is not None else frozenset()
        self.push_screen(SourcePicker(self.articles, exclude=article_id, first=first), chosen)

    def show_comparison(self, first: str, second: str) -> None:
        self._compare(first, [(first, second)], ask=False)

    @work(exclusive=True, group="corpus-view", exit_on_error=False)
    async def _compare(self, article_id: str, pairs: list[tuple[str, str]], ask: bool) -> None:
        """The first of ``pairs`` whose articles are both there, compared; each one found gone
        is forgotten (with a note), and with none left the picker asks if ``ask``."""
        library = self.library
        if library is None:
            return
        self._busy("comparing the two sources…")
        try:
            comparison, gone = await compare_first(library, pairs)
        finally:
            self._busy(None)
        for wanted in gone:
            self.article_gone(wanted)
        if comparison is not None:
            if ask:  # compared with a mark, perhaps one set days ago: say which
                marked = comparison.a if comparison.a.id != article_id else comparison.b
                name = marked.outlet or marked.title
                self.notify(
                    printable(f"compared with ★ {name} (marked); ' lists the marks"),
                    markup=False,
                )
            self.post_message(messages.ComparisonMade(comparison))
        elif ask and article_id not in gone:  # this article itself gone: nothing to compare
            self._pick_other(article_id)

    @on(messages.ComparisonMade)
    def _comparison_made(self, event: messages.ComparisonMade) -> None:
        if self.library is not None:
            from .screens.compare import CompareScreen

            self.push_screen(CompareScreen(event.comparison, self.library))

    @work(exclusive=True, group="corpus-view", exit_on_error=False)
    async def show_overview(self) -> None:
        library = self.library
        if library is None:
            return
        self._busy("building the story overview…")
        try:
            built = await build_overview(library, self._open_id())
        except ArticleNotFound:
            # Only while the start-up refresh removes files: the ids were read just before.
            self.notify("The corpus changed while the overview was built; try again.")
            return
        finally:
            self._busy(None)
        self.post_message(built)

    @on(messages.OverviewBuilt)
    def _overview_built(self, event: messages.OverviewBuilt) -> None:
        wanted = {source.article_id for source in event.overview.sources}
        names = source_names(a for a in self.articles if a.id in wanted)
        from .screens.overview import OverviewScreen

        self.push_screen(OverviewScreen(event.overview, self.library, names))

    @work(exclusive=True, group="corpus-view", exit_on_error=False)
    async def show_timeline(self) -> None:
        library = self.library
        if library is None:
            return
        self._busy("building the timeline…")
        try:
            timeline = await build_timeline(library, self._open_id())
        except ArticleNotFound:
            self.notify("The corpus changed while the timeline was built; try again.")
            return
        finally:
            self._busy(None)
        self.post_message(timeline)

    @on(messages.TimelineBuilt)
    def _timeline_built(self, event: messages.TimelineBuilt) -> None:
        wanted = {claim.article_id for e in event.events for claim in e.claims}
        names = source_names(a for a in self.articles if a.id in wanted)
        from .screens.corpus import TimelineScreen

        self.push_screen(TimelineScreen(event.events, event.story, names))

    def _open_id(self) -> str | None:
        """The article open in the reader: the overview and timeline show its story."""
        current = self.main.current
        return current.id if current is not None else None

    def _busy(self, doing: str | None) -> None:
        """The loading state of a corpus view being built: said on the main screen's status
        line (None: done). The app may have quit meanwhile."""
        if self.screen_stack:
            self.main.building = doing is not None
            self.main.update_status(f"{doing} (esc cancels)" if doing else None)

    @on(messages.CancelCorpusView)
    def _cancel_corpus_view(self) -> None:
        # The worker stops waiting; the thread it started finishes unseen (it only reads).
        self.workers.cancel_group(self, "corpus-view")
        self._busy(None)
        self.notify("Cancelled.", timeout=2)

    def open_sentence(self, article_id: str, start: int, end: int) -> None:
        """Back to the main screen with one sentence of one article in view."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.main.open_article(article_id, offset=start, focus=(start, end), follow=True)
        self.main.reader.focus()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        yield from super().get_system_commands(screen)
        yield from kimreader_commands(
            self.main,
            self.articles,
            show_overview=self.show_overview,
            show_timeline=self.show_timeline,
            show_help=self.action_help,
            compare_with=self.compare_with,
            keymap=self.keymap,
        )


def run_app(corpus: Path | None, settings: Settings | None = None) -> None:
    KimreaderApp(corpus, settings=settings).run()
