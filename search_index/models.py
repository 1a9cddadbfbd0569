"""The plain, frozen data every other module speaks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


HEADLINE_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date as the text gives it: a day, optionally with a time of day."""

    value: datetime
    has_time: bool = False

    def isoformat(self) -> str:
        if self.has_time:
            return self.value.isoformat(timespec="minutes")
        return self.value.date().isoformat()


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a corpus.

    ``body`` is made of the file's own characters (site chrome removed, control characters
    stripped). Every offset the engine reports for the article points into ``text``: the
    headline, a blank line, then the body.
    """

    id: str
    path: str
    title: str
    outlet: str | None
    published: PublishedDate | None
    url: str | None
    body: str
    content_hash: str
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title}{HEADLINE_BREAK}{self.body}"

    @property
    def body_start(self) -> int:
        """Where the body begins in ``text``."""
        return len(self.title) + len(HEADLINE_BREAK)

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file of the corpus folder that could not be read as an article, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class FileNote:
    """Something the reader had to do to read a file (it was still read)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt around the best matches; ``highlights`` index into ``text``."""

    text: str
    highlights: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    outlet: str | None
    published: PublishedDate | None
    score: float
    snippet: Snippet
    matches: tuple[Span, ...] = ()
    """Every matched token in the article's ``text`` (headline and body), in order."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    total: int
    corrected: str | None = None
    """The query that was actually run when the one typed found nothing and a correction did."""
    notice: str | None = None
    """A message for the user about how the query was read (malformed, shortened, fuzzy)."""
    error: str | None = None
    """Set when nothing could be searched at all; ``hits`` is then empty."""


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What bringing the index up to date did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    in_memory: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed
