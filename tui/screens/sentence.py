"""One sentence in its article, opened on top of the view it came from (the claim diff, the
story overview, the timeline): ``q``/``esc`` returns there exactly as it was, cursor and all.

Opening a sentence used to replace every screen with the main one, where ``q`` quits: the diff
a user was walking was gone. Here the article is read as in the main reader (entities by type,
the sentence shaded, a few lines of context above it), and ``enter`` still takes it to the
main reader for good.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from search_index.ids import ArticleNotFound
from search_index.library import Library
from search_index.models import Article
from search_index.report import Citation

from ..background import in_daemon_thread
from ..messages import ArticleGone, OpenArticle
from ..notes import forward_failure
from ..render import printable
from ..widgets.reader import Reader, ReaderView

# Lines of the text before the sentence's paragraph left in view: what leads up to it.
CONTEXT_LINES = 3


class SentenceScreen(Screen[None]):
    """Keys: the reader's (j/k, space/b, g/G), y copies the sentence with its citation,
    enter opens the article in the main reader, q/esc goes back."""

    @dataclass
    class Loaded(Message, bubble=False):
        article: Article
        entities: list[tuple[int, int, str]]

    DEFAULT_CSS = """
    SentenceScreen #sentence-title { height: auto; padding: 0 1; background: $boost; }
    SentenceScreen #sentence-reader { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.pop_screen", "Back", id="back"),
        Binding("y", "copy", "Copy sentence", id="copy_sentence"),
        Binding("enter", "to_main", "In the reader", id="to_main"),
    ]

    def __init__(self, library: Library, article_id: str, start: int, end: int) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.span = (start, end)
        self.article: Article | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Opening the sentence…"), id="sentence-title")
        yield Reader(id="sentence-reader", mark_focus=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Reader).focus()
        self.load()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    @work(exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        """The article and its entity mentions, read off the UI thread."""
        library, wanted = self.library, self.article_id

        def read(_: threading.Event) -> SentenceScreen.Loaded:
            # Spans and types only, as the main reader reads them (no corpus-wide table).
            mentions = library.extraction(wanted).mentions
            entities = [(m.start, m.end, m.type) for m in mentions]
            return SentenceScreen.Loaded(library.article(wanted), entities)

        try:
            loaded = await in_daemon_thread(read, name="open")
        except ArticleNotFound as exc:
            self.post_message(ArticleGone(exc.wanted))
            if self.is_current:
                self.app.pop_screen()  # back where it was opened from: nothing to show
            return
        self.post_message(loaded)

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.article = article = event.article
        start, end = self.span
        self.query_one("#sentence-title", Static).update(
            Content.assemble(
                ("Sentence in ", "$text-muted"),
                (printable(article.outlet or article.id), "bold $accent"),
                ": ",
                printable(article.title),
            )
        )
        view = ReaderView(
            article,
            entities=event.entities,
            focus=[(start, end)],
        )
        reader = self.query_one(Reader)
        reader.show(view, offset=start, context=CONTEXT_LINES)

    def citation(self) -> Citation | None:
        article = self.article
        if article is None:
            return None
        start, end = self.span
        return Citation(
            sentence=article.text[start:end],
            outlet=article.outlet,
            title=article.title,
            date=article.published.isoformat() if article.published else None,
            url=article.url or article.source_url,
            article_id=article.id,
        )

    def action_copy(self) -> None:
        citation = self.citation()
        if citation is None:
            self.notify("The article is still opening.", severity="warning")
            return
        self.app.copy_to_clipboard(citation.text())
        self.notify("Copied the sentence with its citation.")

    def action_to_main(self) -> None:
        start, end = self.span
        self.post_message(OpenArticle(self.article_id, start, end, in_reader=True))
