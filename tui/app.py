"""The kimreader app (first cut): the source list and a reader pane.

The full reader, search, entity panel and claim diff arrive with later issues; this screen
already opens any corpus, indexes it in a worker thread and shows article text safely.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from search_index.corpus import CorpusError
from search_index.library import Library, RefreshResult
from search_index.models import Article


def article_content(article: Article) -> Content:
    """The article as Content built from plain strings: nothing in it is read as markup."""
    meta = " · ".join(
        part
        for part in (article.outlet, article.published.isoformat() if article.published else None)
        if part
    )
    head = Content(article.title).stylize("bold $accent")
    parts = [head]
    if meta:
        parts.append(Content(meta).stylize("dim"))
    parts.append(Content(article.body))
    return Content("\n\n").join(parts)


class KimreaderApp(App[None]):
    TITLE = "kimreader"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("tab", "focus_next", "Next pane", show=False),
    ]

    def __init__(self, corpus: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.library: Library | None = None
        self.articles: list[Article] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield OptionList(id="sources")
            with VerticalScroll(id="reader-scroll"):
                yield Static(Content("Indexing the corpus…"), id="reader")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sources", OptionList).border_title = "Sources"
        self.load_corpus()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_corpus(self) -> tuple[Library, RefreshResult, list[Article]] | str:
        """Runs off the UI thread; returns the loaded corpus, or why it could not be opened."""
        try:
            library = Library.open(self.corpus)
        except CorpusError as exc:
            return str(exc)
        refresh = library.refresh(parallel=False)
        return library, refresh, library.articles()

    @on(Worker.StateChanged)
    def _loaded(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "load_corpus":
            return
        reader = self.query_one("#reader", Static)
        if event.state == WorkerState.ERROR:
            reader.update(Content(f"Could not open the corpus: {event.worker.error!r}"))
            return
        if event.state != WorkerState.SUCCESS or event.worker.result is None:
            return
        if isinstance(event.worker.result, str):
            reader.update(Content(f"Could not open the corpus: {event.worker.result}"))
            return
        self.library, refresh, self.articles = event.worker.result
        sources = self.query_one("#sources", OptionList)
        sources.clear_options()
        sources.add_options(
            Option(Content(article.title), id=article.id) for article in self.articles
        )
        for warning in refresh.report.warnings:
            self.notify(warning, severity="warning")
        for skipped in refresh.skipped:
            self.notify(f"skipped {skipped.path}: {skipped.reason}", severity="warning")
        if self.articles:
            sources.highlighted = 0
            sources.focus()
        else:
            reader.update(Content("This corpus has no readable articles."))

    @on(OptionList.OptionHighlighted, "#sources")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        article = next((a for a in self.articles if a.id == event.option.id), None)
        if article is not None:
            self.query_one("#reader", Static).update(article_content(article))
            self.query_one("#reader-scroll", VerticalScroll).scroll_home(animate=False)

    def action_cursor_down(self) -> None:
        self.query_one("#sources", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#sources", OptionList).action_cursor_up()

    def on_unmount(self) -> None:
        if self.library is not None:
            self.library.close()


def run_app(corpus: Path | None) -> None:
    KimreaderApp(corpus).run()
