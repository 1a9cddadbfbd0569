"""The main screen's stories: the source list grouped by story, folded and unfolded, with how
many facts each story's sources conflict on counted in the background.

``GroupingScreen`` is kept in its own module as the search half is (main_search.py); MainScreen
(main.py) is the one subclass. Grouping a corpus the first time takes about a minute at 10,000
articles, so it happens unasked only when it is quick (a small corpus, or stories kept from an
earlier session); ``s`` asks for it otherwise. Both workers run off the UI thread, say what
they are doing on the status line, and ``esc`` stops waiting for the grouping.
"""

from __future__ import annotations

import threading
import time

from textual import on, work
from textual.widgets import OptionList

from ..background import in_daemon_thread
from ..heap import settle_heap
from ..messages import StoriesFound, StoryConflictsCounted
from .main_search import SearchingScreen
from .source_rows import story_of_row, worth_grouping

__all__ = ["GroupingScreen"]

# Conflict counts reach the list in batches at most this often: each batch refills the list.
COUNT_BATCH_SECONDS = 0.5


class GroupingScreen(SearchingScreen):
    """The stories half of the main screen (see the module's docstring)."""

    grouping = False
    """The stories are being worked out: esc stops waiting for them."""

    def load_stories(self, *, asked: bool) -> None:
        """Group the list by story: at once if the stories are known, in a worker if they are
        quick to find or ``asked`` (``s``), else not (the list stays flat; ``s`` groups it)."""
        session = self.session
        if session.library is None:
            return
        if session.stories is not None:
            self.populate()
            return
        if asked or session.library.stories_are_cheap(len(session.articles)):
            self._find_stories()

    @work(exclusive=True, group="stories", exit_on_error=False)
    async def _find_stories(self) -> None:
        library = self.session.library
        if library is None:
            return
        self.grouping = True
        told: dict[str, bool] = {}

        def progress(done: int, total: int) -> None:
            if total >= 1000 and not told:  # only a large corpus takes long enough to say so
                told["yes"] = True
                self.app.call_from_thread(
                    self.update_status,
                    f"grouping {total:,} articles into stories (once: kept afterwards)… "
                    "esc stops waiting",
                )

        try:
            found = await in_daemon_thread(lambda _: library.stories(progress), name="stories")
        finally:
            self.grouping = False
            if told:
                self.update_status(None)
        self.post_message(StoriesFound(found))

    @on(StoriesFound)
    def _stories_found(self, event: StoriesFound) -> None:
        session = self.session
        session.stories = event.stories
        session.conflicts = {}
        if session.grouped:
            self.populate()
        settle_heap()
        self._count_conflicts()

    @work(exclusive=True, group="story-conflicts", exit_on_error=False)
    async def _count_conflicts(self) -> None:
        """Each story's conflicting facts, newest story first, posted in batches."""
        library, stories = self.session.library, self.session.stories
        if library is None or not stories:
            return
        wanted = [s.id for s in stories if len(s.members) > 1]

        def count(abandoned: threading.Event) -> None:
            batch: dict[str, int] = {}
            sent = time.monotonic()
            for story_id in wanted:
                if abandoned.is_set():
                    return
                batch[story_id] = library.story_conflicts(story_id)
                if time.monotonic() - sent >= COUNT_BATCH_SECONDS:
                    self.post_message(StoryConflictsCounted(batch))
                    batch, sent = {}, time.monotonic()
            if batch:
                self.post_message(StoryConflictsCounted(batch))

        await in_daemon_thread(count, name="story-conflicts")

    @on(StoryConflictsCounted)
    def _conflicts_counted(self, event: StoryConflictsCounted) -> None:
        self.session.conflicts.update(event.counts)
        if self.session.grouped and self.session.stories is not None and self.result is None:
            self.populate()
        settle_heap()  # each batch leaves its stories' claims cached in the library

    def action_toggle_stories(self) -> None:
        session = self.session
        if session.stories is None:
            session.grouped = True
            self.load_stories(asked=True)
            return
        session.grouped = not session.grouped
        self.populate()
        if session.grouped and not worth_grouping(session.articles, session.stories):
            self.update_status("one story: nothing to group")
        else:
            self.update_status("grouped by story" if session.grouped else "one list, by id")

    def stop_grouping(self) -> None:
        """esc while the stories are worked out: stop waiting (the list stays as it is)."""
        self.workers.cancel_group(self, "stories")
        self.grouping = False
        self.update_status("grouping stopped: s starts it again")

    def story_row_selected(self, row_id: str) -> bool:
        """enter on a story's row folds or unfolds it → whether the row was a story's."""
        story_id = story_of_row(row_id)
        if story_id is None:
            return False
        folded = self.session.folded
        folded.symmetric_difference_update({story_id})
        self.populate(select=row_id)
        return True

    @on(OptionList.OptionHighlighted, "#sources")
    def _story_row_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        story_id = story_of_row(event.option.id or "")
        if story_id is not None:
            folded = story_id in self.session.folded
            self.update_status(f"enter {'unfolds' if folded else 'folds'} this story")
