"""The facade the CLI and the app share: open a corpus, keep its index fresh, answer queries."""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .claims.align import Comparison
from .claims.align import compare as compare_claims
from .claims.extract import CLAIMS_VERSION, Claim, extract_claims
from .claims.matrix import Subject, TimelineEvent, claim_matrix, timeline
from .claims.records import claim_to_record, claims_from_records
from .corpus import (
    CHANGED_WHILE_READ,
    RACY_NS,
    Discovery,
    FileStamp,
    SourceFile,
    check_corpus_dir,
    discover,
    read_article,
)
from .entities.extract import EntityExtractor, RuleExtractor
from .entities.gazetteer import load_gazetteer
from .entities.merge import EntityTable, merge_entities
from .entities.saved_table import load_table, save_table, table_key
from .file_stamps import load_stamps, save_stamps
from .ids import ArticleNotFound, resolve_id
from .index import (
    IndexStore,
    IndexUnavailable,
    LockBusy,
    QuerySyntaxError,
    QueryTooBroad,
    SearchEngine,
    exit_with_parent,
    info_from_entry,
)
from .models import (
    NAME_TYPES,
    Article,
    ArticleInfo,
    Entity,
    Extraction,
    FileNote,
    Hit,
    IndexReport,
    Mention,
    SearchResult,
    SkippedFile,
)
from .paths import app_paths, bundled_corpus, cache_inside_warning, inside
from .query_text import expand_entity_terms, plain_terms, prepare_query
from .sidecar import Overrides

if TYPE_CHECKING:
    from .versions import Version

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are (re)indexed."""

DEFAULT_LIMIT = 20
RESULT_CACHE_SIZE = 256
RELATED_LIMIT = 12
# Below this many articles, starting worker processes costs more than it saves.
BULK_THRESHOLD = 300
MAX_PROCS = 4


class RefreshCancelled(Exception):
    """Raised by a progress callback to stop a refresh: nothing of it is committed."""


@dataclass(frozen=True, slots=True)
class RefreshResult:
    report: IndexReport
    skipped: tuple[SkippedFile, ...]
    notes: tuple[FileNote, ...]
    """What reading the files that were (re)indexed this time had to say about them."""


@dataclass(frozen=True, slots=True)
class _Work:
    """What a refresh has to write, as read from the index."""

    todo: list[SourceFile]
    gone: list[str]
    stored: dict[str, str]
    """id -> fingerprint of what the index held when this was read."""
    suspect: bool
    """More documents than ids: some article may be stored twice."""
    duplicated: tuple[str, ...] = ()
    """Ids stored more than once: every copy is deleted before the article is stored again
    (Whoosh's update replaces only one)."""


@dataclass(frozen=True, slots=True)
class EntityMention:
    mention: Mention
    name: str
    """The canonical name of the entity mentioned (the mention's own text when unmerged)."""
    entity: Entity | None


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    mentions: tuple[EntityMention, ...]


class Library:
    """One corpus and its index."""

    def __init__(
        self,
        corpus_dir: Path,
        store: SearchEngine,
        warnings: list[str],
        extractor: EntityExtractor | None = None,
    ) -> None:
        self.corpus_dir = corpus_dir
        self._store = store
        self.extractor: EntityExtractor = extractor or RuleExtractor()
        self._entities: EntityTable | None = None
        self._claims: dict[str, list[Claim]] = {}
        # (query, limit, offset, index version) -> result
        self._results: OrderedDict[tuple[str, int, int, str], SearchResult] = OrderedDict()
        self._cache_lock = threading.Lock()
        # The entity table takes seconds at 10,000 articles, and the app asks for it from more
        # than one worker thread (the entity panel, a person: search): build it once.
        self._entities_lock = threading.Lock()
        self._open_warnings = tuple(warnings)
        self._ids: list[str] | None = None
        self._id_set: frozenset[str] | None = None
        self._stamps: tuple[dict[str, FileStamp], int] | None = None
        self._unsettled: set[str] = set()
        self.last_refresh: RefreshResult | None = None

    @classmethod
    def open(
        cls,
        corpus_dir: Path | None = None,
        *,
        rebuild: bool = False,
        extractor: EntityExtractor | None = None,
    ) -> Library:
        """Open (or create) the index for a corpus without reading the corpus yet.

        Raises CorpusError when the folder cannot be used.
        """
        corpus = check_corpus_dir(corpus_dir if corpus_dir is not None else bundled_corpus())
        folder = app_paths().index_dir(corpus)
        if inside(folder, corpus):
            # `--corpus ~` with the cache in ~/.cache: kimreader never writes into a corpus.
            return cls(
                corpus, IndexStore.in_memory_store(), [cache_inside_warning(folder)], extractor
            )
        store, warnings = IndexStore.open(folder, rebuild=rebuild)
        return cls(corpus, store, warnings, extractor)

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
        self,
        progress: ProgressCallback | None = None,
        *,
        parallel: bool = True,
        wait: float | None = None,
    ) -> RefreshResult:
        """Index new and changed files, drop removed ones; unchanged files are not read again.

        ``wait`` is how long to wait for another process holding the index (the engine's
        default when None) before reporting it busy: the app waits briefly and tries again
        later, so that it can say what is happening. ``parallel`` lets a large first build
        analyse articles in worker processes; callers running inside a threaded program (the
        app) pass False, since forking there is unsafe.
        """
        if self._stamps is None:
            self._stamps = load_stamps(self._store.folder)
        stamps, taken_ns = self._stamps
        started_ns = time.time_ns()
        discovery = discover(
            self.corpus_dir,
            f"{self.extractor.version}+claims-{CLAIMS_VERSION}",
            stamps=stamps,
            stamped_at_ns=taken_ns,
        )
        # Saved again when something changed, or when a stamp is still too recent to trust
        # (that file is read on every refresh until a later scan vouches for it).
        if discovery.stamps != stamps or any(
            st.mtime_ns >= taken_ns - RACY_NS for st in discovery.stamps.values()
        ):
            save_stamps(self._store.folder, discovery.stamps, started_ns)
            self._stamps = (discovery.stamps, started_ns)
        warnings = list(self._open_warnings) + list(discovery.warnings)
        self._open_warnings = ()
        lost = self._store.lost()
        if lost is not None:  # the cache folder was deleted or emptied since the last refresh
            warnings.extend(self._store.recover(lost))
            self.clear_cache()
        # A write that fails (folder removed or made unwritable meanwhile) is tried again in the
        # index set up afresh, and finally in memory, so a refresh never loses articles.
        self._unsettled = set()
        try:
            for attempt in (1, 2):
                try:
                    return self._update(discovery, warnings, progress, parallel=parallel, wait=wait)
                except IndexUnavailable as exc:
                    in_memory = attempt == 2 or self._store.read_only
                    warnings.extend(self._store.recover(str(exc), in_memory=in_memory))
                    self.clear_cache()
            try:
                # In memory now.
                return self._update(discovery, warnings, progress, parallel=parallel, wait=wait)
            except IndexUnavailable as exc:  # even memory failed (no room for a temp file?)
                warnings.append(f"could not index the corpus: {exc}")
                report = IndexReport(
                    in_memory=self._store.in_memory, warnings=tuple(warnings), failed=True
                )
                self.last_refresh = RefreshResult(report, discovery.skipped, ())
                return self.last_refresh
        finally:
            if self._unsettled and self._stamps is not None:
                kept = {r: st for r, st in self._stamps[0].items() if r not in self._unsettled}
                save_stamps(self._store.folder, kept, self._stamps[1])
                self._stamps = (kept, self._stamps[1])

    def _update(
        self,
        discovery: Discovery,
        warnings: list[str],
        progress: ProgressCallback | None,
        *,
        parallel: bool,
        wait: float | None = None,
    ) -> RefreshResult:
        warnings = list(warnings)
        busy = False
        current = {f.id: f for f in discovery.files}
        skipped = list(discovery.skipped)
        notes: list[FileNote] = []
        added = updated = removed = 0
        work = self._work(current, repair=False)
        if work.todo or work.gone or work.suspect:
            try:
                # What the index holds is read again under the build lock: another process may
                # have written since, and deciding from the earlier reading stored every article
                # twice when two first builds ran at once.
                with self._store.exclusive(timeout=wait):
                    work = self._work(current, repair=True)
                    if work.duplicated:
                        warnings.append(
                            f"{len(work.duplicated)} article(s) were stored more than once; "
                            "stored them once again"
                        )
                    if work.todo or work.gone:
                        added, updated, removed = self._write(
                            work, discovery, skipped, notes, progress, parallel=parallel
                        )
            except LockBusy as exc:
                warnings.append(f"{exc}; showing the index as it was")
                busy = True
        self._ids = None
        self._id_set = None
        if added or updated or removed:
            self._entities = None
            self._claims = {}
        report = IndexReport(
            added=added,
            updated=updated,
            removed=removed,
            unchanged=len(discovery.files) - len(work.todo),
            rebuilt=not work.stored and bool(work.todo),
            in_memory=self._store.in_memory,
            warnings=tuple(warnings),
            busy=busy,
        )
        skipped.sort(key=lambda s: s.path)
        self.last_refresh = RefreshResult(report, tuple(skipped), tuple(notes))
        return self.last_refresh

    def _work(self, current: dict[str, SourceFile], *, repair: bool) -> _Work:
        """What the index lacks or holds in excess, read from the index as it is now."""
        stored = self._store.fingerprints()
        todo = [f for f in current.values() if stored.get(f.id) != f.fingerprint]
        gone = [i for i in stored if i not in current]
        # More documents than ids means an article is stored twice: re-storing it (which
        # replaces every copy) or removing it repairs that.
        suspect = self._store.doc_count() != len(stored)
        duplicated: list[str] = []
        if repair and suspect:
            queued = {f.id for f in todo}
            for article_id in self._store.duplicated_ids():
                duplicated.append(article_id)
                if article_id in current and article_id not in queued:
                    todo.append(current[article_id])
                elif article_id not in current and article_id not in gone:
                    gone.append(article_id)
            todo.sort(key=lambda f: f.id)
        return _Work(todo, gone, stored, suspect, tuple(duplicated))

    def _write(
        self,
        work: _Work,
        discovery: Discovery,
        skipped: list[SkippedFile],
        notes: list[FileNote],
        progress: ProgressCallback | None,
        *,
        parallel: bool,
    ) -> tuple[int, int, int]:
        """Store ``work.todo`` and drop ``work.gone`` in one commit; (added, updated, removed)."""
        stored, todo = work.stored, work.todo
        added = updated = removed = 0
        # Only a truly empty index may be filled by the add-only multi-process writer.
        bulk = parallel and not stored and self._store.doc_count() == 0
        bulk = bulk and len(todo) >= BULK_THRESHOLD
        procs = min(MAX_PROCS, os.cpu_count() or 1) if bulk else 1
        with self._store.writing(procs=procs) as session, _analysis_pool(procs) as pool:
            for article_id in work.duplicated:
                session.delete(article_id)
            analyse = partial(_analyse, overrides=discovery.overrides, extractor=self.extractor)
            analysed = pool.map(analyse, todo, chunksize=8) if pool else map(analyse, todo)
            for done, (source, (article, analysis)) in enumerate(
                zip(todo, analysed, strict=True), start=1
            ):
                if isinstance(article, SkippedFile):
                    skipped.append(article)
                    if article.reason == CHANGED_WHILE_READ:
                        # Caught mid-write: the stored version stays until the file settles
                        # (deleting it lost an article that kept changing), and its stamp is
                        # dropped so that the next refresh reads it whatever its times say.
                        self._unsettled.add(source.relpath)
                    elif source.id in stored:
                        session.delete(source.id)
                        removed += 1
                else:
                    extraction, claims = analysis  # type: ignore[misc]
                    session.put(article, extraction, claims)
                    notes.extend(FileNote(article.path, n) for n in article.notes)
                    if source.id in stored:
                        updated += 1
                    else:
                        added += 1
                if progress is not None:
                    progress(done, len(todo))
            for article_id in work.gone:
                session.delete(article_id)
                removed += 1
        return added, updated, removed

    # -- reading ---------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every article with its text (reads every stored document: prefer ``catalog``)."""
        return self._store.articles()

    def catalog(self) -> list[ArticleInfo]:
        """Every article's id, title, outlet, date and length, sorted by id; fast."""
        return [info_from_entry(i, e) for i, e in sorted(self._store.catalog().items())]

    def versions(self, articles: list[ArticleInfo] | None = None) -> dict[str, Version]:
        """The articles that are captures of one web page fetched more than once (by id), with
        their place in that page's history. Only saved pages can have one: the provenance
        records beside them are read, nothing else."""
        from .versions import versions_of_files

        chosen = self.catalog() if articles is None else articles
        return versions_of_files(
            (info.id, str(self.corpus_dir / info.path))
            for info in chosen
            if info.format != "text" and info.source_url
        )

    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = sorted(self._store.fingerprints())
        return self._ids

    def resolve(self, wanted: str) -> str:
        """The full id for an id or a unique prefix; raises ArticleNotFound."""
        ids = self.ids()
        # Exact ids (what the app and compare pass) without resolve_id's sort and prefix scan:
        # at 50,000 articles those took most of a comparison's 78 ms.
        if self._id_set is None:
            self._id_set = frozenset(ids)
        if wanted in self._id_set:
            return wanted
        return resolve_id(ids, wanted)

    def article(self, wanted: str) -> Article:
        article = self._store.article(self.resolve(wanted))
        if article is None:  # removed from the index since the ids were listed
            raise ArticleNotFound(wanted, tuple(self.ids()), ambiguous=False)
        return article

    # -- entities --------------------------------------------------------------------------

    def entities(self) -> EntityTable:
        """The corpus's entities, merged across articles and spellings (cached until the
        index changes)."""
        table = self._entities
        if table is not None:
            return table
        with self._entities_lock:
            if self._entities is None:
                self._entities = self._load_or_merge_entities()
            return self._entities

    def _load_or_merge_entities(self) -> EntityTable:
        folder = self._store.folder
        key = table_key(self._store.version())
        table = load_table(folder, key) if folder is not None else None
        if table is None:
            gazetteer = load_gazetteer()

            def usual_name(place_id: str) -> str | None:
                names = gazetteer.names_of(place_id)  # the canonical name comes first
                return names[0] if names else None

            table = merge_entities(self._store.extractions(), usual_name)
            if folder is not None:
                save_table(folder, key, table)
        return table

    def annotated(self, wanted: str) -> AnnotatedArticle:
        """An article with every mention tied to its corpus entity."""
        article = self.article(wanted)
        extraction = self._store.extraction(article.id) or Extraction(())
        table = self.entities()
        mentions = []
        for mention in extraction.mentions:
            entity = table.entity_of(mention)
            mentions.append(EntityMention(mention, entity.name if entity else mention.text, entity))
        return AnnotatedArticle(article, tuple(mentions))

    # -- claims ----------------------------------------------------------------------------

    def claims(self, wanted: str) -> list[Claim]:
        """An article's claims, as extracted at index time."""
        article = self.article(wanted)
        if article.id not in self._claims:
            records = self._store.claim_records(article.id)
            self._claims[article.id] = claims_from_records(article, records)
        return self._claims[article.id]

    def extraction(self, wanted: str) -> Extraction:
        """An article's mentions and aliases as extracted at index time (no corpus merge)."""
        return self._store.extraction(self.resolve(wanted)) or Extraction(())

    def related(self, wanted: str, limit: int = RELATED_LIMIT) -> list[str]:
        """The other reports most likely about the same story, most similar first."""
        return self._store.related(self.resolve(wanted), limit)

    def compare(self, first: str, second: str) -> Comparison:
        a, b = self.article(first), self.article(second)
        return compare_claims(a, self.claims(a.id), b, self.claims(b.id))

    def claim_matrix(self) -> list[Subject]:
        return claim_matrix({i: self.claims(i) for i in self.ids()})

    def timeline(self) -> list[TimelineEvent]:
        return timeline({i: self.claims(i) for i in self.ids()})

    # -- searching -------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> SearchResult:
        """Search title and body with the index's query language; never raises on bad input.

        ``offset`` asks for a later page of the ranking (the app loads more as the list is
        scrolled); ``total`` counts every match whatever the page.

        Results are cached per index version: typing in the app repeats queries constantly
        (each keystroke's prefix, backspacing), and an unchanged index gives the same answer.
        """
        try:
            key = (query, limit, offset, self._store.version())
            with self._cache_lock:
                cached = self._results.get(key)
                if cached is not None:
                    self._results.move_to_end(key)
                    return cached
            result = self._search(query, limit=limit, offset=max(0, offset))
        except IndexUnavailable as exc:  # the cache folder went away: the next refresh rebuilds
            return SearchResult(query, (), 0, error=f"{exc}; refresh to rebuild it")
        with self._cache_lock:
            self._results[key] = result
            while len(self._results) > RESULT_CACHE_SIZE:
                self._results.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._results.clear()

    def _search(self, query: str, *, limit: int, offset: int = 0) -> SearchResult:
        prepared = prepare_query(query)
        if not prepared.text:
            return SearchResult(query, (), 0, error="nothing to search for")
        notices = list(prepared.notices)
        text = expand_entity_terms(prepared.text, self._entity_members)
        try:
            outcome = self._store.search(text, limit=max(1, limit), offset=offset)
        except QueryTooBroad as exc:
            return SearchResult(query, (), 0, notice=_join(notices), error=str(exc))
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
                outcome = self._store.search(fallback, limit=max(1, limit), offset=offset)
            except QuerySyntaxError as exc:
                return SearchResult(query, (), 0, error=f"the query could not be run: {exc}")
        notices.extend(outcome.notices)
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
            offset=offset,
        )

    def _entity_members(self, kind: str, name: str) -> list[tuple[str, str]]:
        entity = self.entities().find(name, kind) or self.entities().find(name)
        if entity is None:
            return []
        return [(t, k) for t, k in entity.members if t in NAME_TYPES]

    def contradicted(
        self, wanted: str, stop: Callable[[], bool] = lambda: False
    ) -> dict[tuple[int, int], list[Claim]]:
        """Sentence span of an article → the claims of related reports that contradict it, in
        text order (search_index/conflicts.py). Only the most related reports are compared:
        a whole large corpus would keep a core busy for minutes. ``stop`` ends it early."""
        from .conflicts import contradicted_sentences

        article_id = self.resolve(wanted)
        return contradicted_sentences(article_id, self.related(article_id), self.compare, stop)


def _analyse(
    source: SourceFile, *, overrides: dict[str, Overrides], extractor: EntityExtractor
) -> tuple[Article | SkippedFile, tuple[Extraction, list[dict[str, object]]] | None]:
    """Read and analyse one file: what a first build spreads over worker processes."""
    article = read_article(source, overrides)
    if isinstance(article, SkippedFile):
        return article, None
    extraction = extractor.extract(article.text)
    claims = [claim_to_record(c) for c in extract_claims(article, extraction)]
    return article, (extraction, claims)


@contextmanager
def _analysis_pool(procs: int) -> Iterator[ProcessPoolExecutor | None]:
    if procs <= 1:
        yield None
        return
    # Workers are forked while the index's write lock is held: they must not outlive this
    # process, or they would keep the lock (see exit_with_parent).
    with ProcessPoolExecutor(
        max_workers=procs, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield pool


def _join(notices: list[str]) -> str | None:
    return "; ".join(notices) if notices else None
