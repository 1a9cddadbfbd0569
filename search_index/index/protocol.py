"""SearchEngine: what the rest of kimreader asks of an index, with no Whoosh in sight.

library.Library holds its store as a SearchEngine, so mypy checks both sides: that IndexStore
provides every method listed here, and that Library calls nothing else. Replacing Whoosh means
writing a class with these methods (plus what Library.open calls on the class: ``open(folder,
rebuild=...) -> (store, warnings)`` and ``in_memory_store()``), returning these models, and
raising the exceptions of errors.py: IndexUnavailable when the index cannot be used, LockBusy
when another process holds it, QuerySyntaxError and QueryTooBroad for queries it will not run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..models import Article, Extraction, Snippet, Span


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    hits: tuple[tuple[Article, float, Snippet, tuple[Span, ...]], ...]
    total: int
    corrected: str | None = None
    fuzzy: bool = False
    notices: tuple[str, ...] = ()
    """What was changed in the query, or cut short, for the user to know."""


class WriterSession(Protocol):
    """The changes of one commit (writing.IndexWriterSession)."""

    def put(
        self,
        article: Article,
        extraction: Extraction | None = None,
        claims: list[dict[str, object]] | None = None,
    ) -> None: ...

    def delete(self, article_id: str) -> None: ...


class SearchEngine(Protocol):
    """One corpus's index (store.IndexStore): its folder, or None when it is held in memory."""

    folder: Path | None

    @property
    def in_memory(self) -> bool: ...

    @property
    def read_only(self) -> bool: ...

    # -- its life: closing, noticing it vanished, setting it up again
    def close(self) -> None: ...

    def lost(self) -> str | None: ...

    def recover(self, why: str, *, in_memory: bool = False) -> list[str]: ...

    # -- writing: the build lock, then one commit per session
    def exclusive(self, *, timeout: float | None = None) -> AbstractContextManager[None]: ...

    def writing(
        self, *, timeout: float | None = None, procs: int = 1, merge: bool = True
    ) -> AbstractContextManager[WriterSession]: ...

    # -- what it holds
    def version(self) -> str: ...

    def doc_count(self) -> int: ...

    def fingerprints(self) -> dict[str, str]: ...

    def catalog(self) -> dict[str, dict[str, Any]]: ...

    def duplicated_ids(self) -> list[str]: ...

    def articles(self) -> list[Article]: ...

    def article(self, article_id: str) -> Article | None: ...

    def extraction(self, article_id: str) -> Extraction | None: ...

    def extractions(self) -> Iterator[tuple[str, Extraction]]: ...

    def claim_records(self, article_id: str) -> list[dict[str, object]]: ...

    # -- finding
    def related(self, article_id: str, limit: int) -> list[str]: ...

    def search(self, query_text: str, *, limit: int, offset: int = 0) -> QueryOutcome: ...
