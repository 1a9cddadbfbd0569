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
    format: str = "text"
    """What the article was read from: "text", "markdown", "html", "mhtml" or "feed"."""
    author: str | None = None
    language: str | None = None
    """As the page or feed states it ("en", "en-US"); None when it does not."""
    is_summary: bool = False
    """Only a summary was there (a feed item without its full text)."""
    source_url: str | None = None
    """Where the file's bytes were fetched from (its provenance record's final URL)."""
    fetched_at: str | None = None
    """When they were fetched, ISO 8601 in UTC ("2026-12-04T23:10:00Z")."""

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
class ArticleInfo:
    """What lists need about an article, without its text (read fast from the catalog)."""

    id: str
    path: str
    title: str
    outlet: str | None
    published: PublishedDate | None
    url: str | None
    words: int
    fingerprint: str
    format: str = "text"
    source_url: str | None = None


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
    offset: int = 0
    """Where ``hits`` start in the ranking: 0 for the first page."""

    @property
    def has_more(self) -> bool:
        """Whether matches beyond these hits are left to page through."""
        return not self.error and self.offset + len(self.hits) < self.total


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
    failed: bool = False
    """The changes could not be written anywhere, not even in memory: the warnings say why."""
    busy: bool = False
    """Another process held the index for longer than this one waited: nothing was written,
    and what the index shows may be older than the corpus (or empty, during a first build)."""

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed


ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "DATE", "QUANTITY")
NAME_TYPES = ("PERSON", "ORG", "PLACE")


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a named entity, a date or a quantity in ``Article.text``."""

    start: int
    end: int
    type: str
    text: str
    key: str
    """What the mention refers to within its article: the closed-up name ("kimjongun"), or for a
    bare "Kim" the key of the full name the article used earlier."""
    ref: str | None = None
    """An outside identity when one is known (a gazetteer place id such as "KP")."""


@dataclass(frozen=True, slots=True)
class Alias:
    """Two names the article itself declares equal ("DPRK stands for ...", "... (KPA)")."""

    short: str
    full: str


@dataclass(frozen=True, slots=True)
class Extraction:
    mentions: tuple[Mention, ...]
    aliases: tuple[Alias, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation, place, date or quantity across the corpus."""

    id: str
    name: str
    type: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: int
    members: frozenset[tuple[str, str]] = frozenset()
    """The (type, key) pairs merged into this entity: what the index can be searched for."""
