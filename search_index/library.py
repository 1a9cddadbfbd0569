"""The facade the CLI and the app share: open a corpus, keep its index fresh, answer queries."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .corpus import check_corpus_dir, discover, read_article
from .engine import IndexStore, LockBusy, QuerySyntaxError
from .ids import ArticleNotFound, resolve_id
from .models import Article, FileNote, Hit, IndexReport, SearchResult, SkippedFile
from .paths import app_paths, bundled_corpus
from .query_text import plain_terms, prepare_query

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are (re)indexed."""

DEFAULT_LIMIT = 20
# Below this many articles, starting worker processes costs more than it saves.
BULK_THRESHOLD = 300
MAX_PROCS = 4


@dataclass(frozen=True, slots=True)
class RefreshResult:
    report: IndexReport
    skipped: tuple[SkippedFile, ...]
    notes: tuple[FileNote, ...]
    """What reading the files that were (re)indexed this time had to say about them."""


class Library:
    """One corpus and its index."""

    def __init__(self, corpus_dir: Path, store: IndexStore, warnings: list[str]) -> None:
        self.corpus_dir = corpus_dir
        self._store = store
        self._open_warnings = tuple(warnings)
        self._ids: list[str] | None = None
        self.last_refresh: RefreshResult | None = None

    @classmethod
    def open(cls, corpus_dir: Path | None = None, *, rebuild: bool = False) -> Library:
        """Open (or create) the index for a corpus without reading the corpus yet.

        Raises CorpusError when the folder cannot be used.
        """
        corpus = check_corpus_dir(corpus_dir if corpus_dir is not None else bundled_corpus())
        store, warnings = IndexStore.open(app_paths().index_dir(corpus), rebuild=rebuild)
        return cls(corpus, store, warnings)

    @property
    def index_dir(self) -> Path | None:
        return self._store.folder

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping the index fresh -----------------------------------------------------------

    def refresh(
        self, progress: ProgressCallback | None = None, *, parallel: bool = True
    ) -> RefreshResult:
        """Index new and changed files, drop removed ones; unchanged files are not read again.

        ``parallel`` lets a large first build analyse articles in worker processes; callers
        running inside a threaded program (the app) pass False, since forking there is unsafe.
        """
        discovery = discover(self.corpus_dir)
        warnings = list(self._open_warnings) + list(discovery.warnings)
        self._open_warnings = ()
        stored = self._store.fingerprints()
        current = {f.id: f for f in discovery.files}
        todo = [f for f in discovery.files if stored.get(f.id) != f.fingerprint]
        gone = [i for i in stored if i not in current]
        skipped = list(discovery.skipped)
        notes: list[FileNote] = []
        added = updated = removed = 0
        if todo or gone:
            try:
                bulk = parallel and not stored and len(todo) >= BULK_THRESHOLD
                procs = min(MAX_PROCS, os.cpu_count() or 1) if bulk else 1
                with self._store.writing(procs=procs) as session:
                    for done, source in enumerate(todo, start=1):
                        article = read_article(source, discovery.overrides)
                        if isinstance(article, SkippedFile):
                            skipped.append(article)
                            if source.id in stored:
                                session.delete(source.id)
                                removed += 1
                        else:
                            session.put(article)
                            notes.extend(FileNote(article.path, n) for n in article.notes)
                            if source.id in stored:
                                updated += 1
                            else:
                                added += 1
                        if progress is not None:
                            progress(done, len(todo))
                    for article_id in gone:
                        session.delete(article_id)
                        removed += 1
            except LockBusy as exc:
                warnings.append(f"{exc}; showing the index as it was")
                added = updated = removed = 0
        self._ids = None
        report = IndexReport(
            added=added,
            updated=updated,
            removed=removed,
            unchanged=len(discovery.files) - len(todo),
            rebuilt=not stored and bool(todo),
            in_memory=self._store.in_memory,
            warnings=tuple(warnings),
        )
        skipped.sort(key=lambda s: s.path)
        self.last_refresh = RefreshResult(report, tuple(skipped), tuple(notes))
        return self.last_refresh

    # -- reading ---------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        return self._store.articles()

    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = sorted(self._store.fingerprints())
        return self._ids

    def resolve(self, wanted: str) -> str:
        """The full id for an id or a unique prefix; raises ArticleNotFound."""
        return resolve_id(self.ids(), wanted)

    def article(self, wanted: str) -> Article:
        article = self._store.article(self.resolve(wanted))
        if article is None:  # removed from the index since the ids were listed
            raise ArticleNotFound(wanted, tuple(self.ids()), ambiguous=False)
        return article

    # -- searching -------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
        """Search title and body with the index's query language; never raises on bad input."""
        prepared = prepare_query(query)
        if not prepared.text:
            return SearchResult(query, (), 0, error="nothing to search for")
        notices = list(prepared.notices)
        try:
            outcome = self._store.search(prepared.text, limit=max(1, limit))
        except QuerySyntaxError:
            fallback = plain_terms(prepared.text)
            if not fallback:
                return SearchResult(
                    query,
                    (),
                    0,
                    notice=_join(notices),
                    error="the query has no words to search for",
                )
            notices.append(f"could not read the query's syntax; searched for the words: {fallback}")
            try:
                outcome = self._store.search(fallback, limit=max(1, limit))
            except QuerySyntaxError as exc:
                return SearchResult(query, (), 0, error=f"the query could not be run: {exc}")
        if outcome.fuzzy:
            notices.append("no exact matches; showing near spellings")
        hits = tuple(
            Hit(
                id=article.id,
                title=article.title,
                outlet=article.outlet,
                published=article.published,
                score=score,
                snippet=snippet,
                matches=matches,
            )
            for article, score, snippet, matches in outcome.hits
        )
        return SearchResult(
            query=query,
            hits=hits,
            total=outcome.total,
            corrected=outcome.corrected,
            notice=_join(notices),
        )


def _join(notices: list[str]) -> str | None:
    return "; ".join(notices) if notices else None
