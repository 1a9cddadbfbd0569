"""Messages the screens post upward and the workers post with their results.

Screens never call the App: they post one of these and the App routes it (its ``on_...``
handlers), so a screen knows nothing of the App or of the other screens. A worker posts its
result as a message rather than returning it, so whoever handles it gets a typed result
instead of picking ``worker.result`` apart by the worker's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

# Only named in the messages' fields: the claim diff, the stories and the rest are imported by
# whoever makes their results, not by the app's start (the claims' patterns alone were a tenth
# of the imports before the first frame).
if TYPE_CHECKING:
    from search_index.claims.align import Comparison
    from search_index.claims.extract import Claim
    from search_index.claims.matrix import TimelineEvent
    from search_index.library import Library, RefreshResult
    from search_index.models import Mention, SearchResult
    from search_index.stories import Story
    from search_index.story_overview import StoryOverview
    from search_index.versions import Version

__all__ = [
    "ArticleGone",
    "CancelCorpusView",
    "CompareRequested",
    "ComparisonMade",
    "ConflictsFound",
    "CorpusFailed",
    "CorpusLoaded",
    "MainReady",
    "MentionsRead",
    "OpenArticle",
    "OverviewBuilt",
    "PageFound",
    "SearchDone",
    "ShowMarks",
    "ShowOverview",
    "ShowTimeline",
    "StoriesFound",
    "StoryConflictsCounted",
    "TimelineBuilt",
    "UnmarkRequested",
    "WorkerFailed",
]


# -- from the screens ------------------------------------------------------------------------


@dataclass
class MainReady(Message):
    """The main screen is mounted: there is somewhere to show what loading the corpus finds."""


@dataclass
class OpenArticle(Message):
    """One sentence (``start``..``end``) of an article: opened on top of the view that asked
    (q returns to it), or, ``in_reader``, in the main screen's reader."""

    article_id: str
    start: int
    end: int
    in_reader: bool = False


@dataclass
class ArticleGone(Message):
    """An id from a list, the saved state or a claim names an article the index no longer
    has (deleted or renamed since): forget it, say so, and list what is there."""

    article_id: str


@dataclass
class CompareRequested(Message):
    """Compare this article with the marked source, or ask which one."""

    article_id: str


@dataclass
class ShowOverview(Message):
    """Open the overview of the open article's story."""


@dataclass
class ShowTimeline(Message):
    """Open the timeline of dated events."""


@dataclass
class ShowMarks(Message):
    """List the sources marked for comparing."""


@dataclass
class UnmarkRequested(Message):
    """Forget these marks (from the marks list)."""

    article_ids: tuple[str, ...]


@dataclass
class CancelCorpusView(Message):
    """esc while a corpus view (diff, overview, timeline) is being built: stop waiting for it."""


# -- worker results --------------------------------------------------------------------------


@dataclass
class CorpusLoaded(Message):
    """The corpus is open and its index as fresh as it could be made."""

    library: Library
    refresh: RefreshResult
    versions: dict[str, Version] = field(default_factory=dict)
    """Saved pages fetched more than once, by id: their place in the page's history."""


@dataclass
class CorpusFailed(Message):
    """The corpus could not be opened; ``reason`` says why, for the reader pane."""

    reason: str


@dataclass
class OverviewBuilt(Message):
    """A story's overview (the whole corpus's when the open article has no story)."""

    overview: StoryOverview


@dataclass
class StoriesFound(Message):
    """The corpus's articles grouped into stories (newest first), for the source list."""

    stories: list[Story]


@dataclass
class StoryConflictsCounted(Message):
    """How many facts some stories' sources conflict on, by story id (a batch of them)."""

    counts: dict[str, int]


@dataclass
class TimelineBuilt(Message):
    events: list[TimelineEvent]
    story: str | None = None
    """The story's name, or None for the whole corpus."""


@dataclass
class ComparisonMade(Message):
    comparison: Comparison


# The main screen's own workers: handled by the screen (they do not bubble to the App).


@dataclass
class SearchDone(Message, bubble=False):
    """A query's first page (None: the query was empty, the list shows every source)."""

    result: SearchResult | None
    open_first: bool
    """Enter was pressed: open the first hit at its first match."""


@dataclass
class PageFound(Message, bubble=False):
    """A further page of the ranking shown, read as the list neared its end."""

    page: SearchResult


@dataclass
class MentionsRead(Message, bubble=False):
    """An article's entity mentions, for the reader to colour."""

    article_id: str
    mentions: tuple[Mention, ...]


@dataclass
class ConflictsFound(Message, bubble=False):
    """The sentences of an article other sources contradict, with their claims."""

    article_id: str
    found: dict[tuple[int, int], list[Claim]]


# -- failures ---------------------------------------------------------------------------------


@dataclass
class WorkerFailed(Message):
    """A background job failed. Whichever screen or widget ran it posts this; it bubbles to
    the App, whose one handler tells the user what failed."""

    job: str
    error: BaseException | None
