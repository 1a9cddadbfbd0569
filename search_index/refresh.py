"""Keeping an index in step with its corpus folder: what changed, reading and analysing it,
writing it in one commit.

``Refresher`` holds what a refresh needs between runs (the file stamps, the warnings of
opening); ``Library`` owns one and drops its own caches when a refresh changed the index. The
analysis (entities, claims) is imported only when some article has to be (re)analysed: a
read-only command over an unchanged corpus never loads it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis_pool import analysis_pool
from .analysis_versions import CLAIMS_VERSION, ENTITY_RULES_VERSION
from .article_reader import CHANGED_WHILE_READ, read_article
from .clean_state import CleanState, Snapshot, agrees, load_clean, matches, save_clean, snapshot
from .corpus import (
    RACY_NS,
    READER_VERSION,
    Discovery,
    FileStamp,
    SourceFile,
    discover,
)
from .file_stamps import load_stamps, save_stamps
from .index import IndexUnavailable, LockBusy, SearchEngine
from .models import Article, Extraction, FileNote, IndexReport, SkippedFile
from .sidecar import Overrides

if TYPE_CHECKING:
    from .build_process import BuildOutcome
    from .entities.extract import EntityExtractor

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are (re)indexed."""
PhaseCallback = Callable[[str], None]
"""Called with each phase a refresh enters: "reading" (the folder), "analysing" (the articles,
``progress`` counts them), "writing" (a commit), "merging" (the last commit of a bulk build,
which merges what the writer processes wrote)."""

# Below this many articles, starting worker processes costs more than it saves.
BULK_THRESHOLD = 300
MAX_PROCS = 4
# A threaded caller (the app) commits a large build in batches, so that what is indexed can be
# read while the rest is: the first small, each next one larger, up to the last.
FIRST_BATCH = 100
MAX_BATCH = 1000


class RefreshCancelled(Exception):
    """Raised by a progress callback to stop a refresh: nothing of it is committed."""


@dataclass(frozen=True, slots=True)
class RefreshResult:
    report: IndexReport
    skipped: tuple[SkippedFile, ...]
    notes: tuple[FileNote, ...]
    """What reading the files that were (re)indexed this time had to say about them."""
    recovered: bool = False
    """The index had to be set up afresh (its folder vanished or could not be written)."""

    @property
    def changed(self) -> bool:
        report = self.report
        return bool(report.added or report.updated or report.removed)


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


class Refresher:
    """Brings ``store`` up to date with the files under ``corpus_dir``."""

    def __init__(
        self,
        corpus_dir: Path,
        store: SearchEngine,
        extractor: EntityExtractor | None,
        warnings: list[str],
    ) -> None:
        self.corpus_dir = corpus_dir
        self._store = store
        self._extractor = extractor
        self._custom_extractor = extractor is not None
        self._open_warnings = tuple(warnings)
        self._stamps: tuple[dict[str, FileStamp], int] | None = None
        self._unsettled: set[str] = set()
        self._recovered = False
        self._discovery_warnings: tuple[str, ...] = ()

    @property
    def extractor(self) -> EntityExtractor:
        if self._extractor is None:
            from .entities.extract import RuleExtractor

            self._extractor = RuleExtractor()
        return self._extractor

    def _extractor_when_needed(self) -> EntityExtractor:
        return self.extractor

    def analysis_version(self) -> str:
        """Part of every file's fingerprint: a new extractor or claim reader re-reads them all."""
        # The default extractor's version is read without importing it: a refresh that finds
        # nothing changed must not pay for the extractor.
        entities = self._extractor.version if self._extractor is not None else ENTITY_RULES_VERSION
        return f"{entities}+claims-{CLAIMS_VERSION}"

    def run(
        self,
        progress: ProgressCallback | None = None,
        *,
        parallel: bool = True,
        threaded: bool = False,
        batched: bool = False,
        wait: float | None = None,
        phase: PhaseCallback | None = None,
        committed: Callable[[], None] | None = None,
    ) -> RefreshResult:
        """Index new and changed files, drop removed ones; unchanged files are not read again.

        ``wait`` is how long to wait for another process holding the index (the engine's
        default when None) before reporting it busy. ``parallel`` lets a large first build
        analyse articles in worker processes (forked, and Whoosh's multi-process writer).
        ``batched`` commits a large build in batches, ``committed`` being called after each so
        that the caller can show what is readable already. ``threaded`` is for callers running
        inside a threaded program (the app), where forking is unsafe: a large build runs the
        parallel, batched path in a process of its own (build_process), or, if that process
        cannot run, in worker processes started afresh (spawned). ``phase`` hears of each phase
        (see PhaseCallback).
        """
        if phase is not None:
            phase("reading")
        taken, unchanged = self._as_it_was()
        if unchanged is not None:
            return unchanged
        result = self._run(taken, progress, parallel, threaded, batched, wait, phase, committed)
        if taken is not None:
            self._remember(taken, result)
        return result

    def _as_it_was(self) -> tuple[Snapshot | None, RefreshResult | None]:
        """The folder's snapshot, and the answer when it is just as the index last matched
        (clean_state.py): nothing to read, nothing to write."""
        if self._store.folder is None or self._store.in_memory:
            return None, None
        taken = snapshot(self.corpus_dir)
        clean = load_clean(self._store.folder)
        if (
            clean is None
            or clean.analysis_version != self._fingerprint_version()
            or not matches(taken, clean.seen)
            or self._store.lost() is not None
            or clean.index_version != self._store.version()
        ):
            return taken, None
        warnings = (*self._open_warnings, *clean.warnings)
        self._open_warnings = ()
        self._recovered = False
        report = IndexReport(unchanged=clean.articles, warnings=warnings)
        return taken, RefreshResult(report, clean.skipped, ())

    def _remember(self, taken: Snapshot, result: RefreshResult) -> None:
        """Save the snapshot taken before this refresh as the index's clean state, when the
        refresh wrote everything there was and read the files as the snapshot saw them."""
        report = result.report
        if (
            report.failed
            or report.busy
            or result.recovered
            or self._store.in_memory
            or self._unsettled
            or self._stamps is None
            or not agrees(taken, self._stamps[0])
        ):
            return
        state = CleanState(
            taken.seen(),
            self._fingerprint_version(),
            self._store.version(),
            report.added + report.updated + report.unchanged,
            result.skipped,
            self._discovery_warnings,
        )
        save_clean(self._store.folder, state)

    def _fingerprint_version(self) -> str:
        return f"{READER_VERSION}|{self.analysis_version()}"

    def _run(
        self,
        taken: Snapshot | None,
        progress: ProgressCallback | None,
        parallel: bool,
        threaded: bool,
        batched: bool,
        wait: float | None,
        phase: PhaseCallback | None,
        committed: Callable[[], None] | None,
    ) -> RefreshResult:
        if self._stamps is None:
            self._stamps = load_stamps(self._store.folder)
        stamps, taken_ns = self._stamps
        started_ns = time.time_ns()
        discovery = discover(
            self.corpus_dir,
            self.analysis_version(),
            stamps=stamps,
            stamped_at_ns=taken_ns,
            listing=taken.listing if taken is not None else None,
        )
        # Saved again when something changed, or when a stamp is still too recent to trust
        # (that file is read on every refresh until a later scan vouches for it).
        if discovery.stamps != stamps or any(
            st.mtime_ns >= taken_ns - RACY_NS for st in discovery.stamps.values()
        ):
            save_stamps(self._store.folder, discovery.stamps, started_ns)
            self._stamps = (discovery.stamps, started_ns)
        self._discovery_warnings = discovery.warnings
        warnings = list(self._open_warnings) + list(discovery.warnings)
        self._open_warnings = ()
        self._recovered = False
        lost = self._store.lost()
        if lost is not None:  # the cache folder was deleted or emptied since the last refresh
            warnings.extend(self._store.recover(lost))
            self._recovered = True
        build = _Build(parallel, threaded, batched or threaded, phase, committed)
        # A write that fails (folder removed or made unwritable meanwhile) is tried again in the
        # index set up afresh, and finally in memory, so a refresh never loses articles.
        self._unsettled = set()
        try:
            for attempt in (1, 2):
                try:
                    return self._update(discovery, warnings, progress, build, wait=wait)
                except IndexUnavailable as exc:
                    in_memory = attempt == 2 or self._store.read_only
                    warnings.extend(self._store.recover(str(exc), in_memory=in_memory))
                    self._recovered = True
            try:
                # In memory now.
                return self._update(discovery, warnings, progress, build, wait=wait)
            except IndexUnavailable as exc:  # even memory failed (no room for a temp file?)
                warnings.append(f"could not index the corpus: {exc}")
                report = IndexReport(
                    in_memory=self._store.in_memory, warnings=tuple(warnings), failed=True
                )
                return RefreshResult(report, discovery.skipped, (), recovered=self._recovered)
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
        build: _Build,
        *,
        wait: float | None = None,
    ) -> RefreshResult:
        warnings = list(warnings)
        busy = False
        current = {f.id: f for f in discovery.files}
        skipped = list(discovery.skipped)
        notes: list[FileNote] = []
        added = updated = removed = 0
        work = self._work(current, repair=False)
        elsewhere = None
        if self._builds_elsewhere(build, work):
            elsewhere = self._build_elsewhere(progress, build, wait)
            if elsewhere.failed is not None:
                warnings.append(f"{elsewhere.failed}; indexing the rest here, more slowly")
            warnings.extend(elsewhere.warnings)
            notes.extend(elsewhere.notes)
            added, updated, removed = elsewhere.added, elsewhere.updated, elsewhere.removed
            work = self._work(current, repair=False)  # what the build process left
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
                        counts = self._write(work, discovery, skipped, notes, progress, build)
                        added, updated, removed = (
                            added + counts[0],
                            updated + counts[1],
                            removed + counts[2],
                        )
            except LockBusy as exc:
                warnings.append(f"{exc}; showing the index as it was")
                busy = True
        report = IndexReport(
            added=added,
            updated=updated,
            removed=removed,
            unchanged=len(discovery.files)
            - len(work.todo)
            - (elsewhere.added + elsewhere.updated if elsewhere else 0),
            rebuilt=(not work.stored and bool(work.todo)) or bool(elsewhere and elsewhere.rebuilt),
            in_memory=self._store.in_memory,
            warnings=tuple(warnings),
            busy=busy,
        )
        skipped.sort(key=lambda s: s.path)
        return RefreshResult(report, tuple(skipped), tuple(notes), recovered=self._recovered)

    def _builds_elsewhere(self, build: _Build, work: _Work) -> bool:
        """A large build for a threaded caller runs in a process of its own: see build_process.
        Not for an index in memory (another process cannot reach it) nor for an extractor the
        caller chose (that process makes the default one)."""
        return (
            build.threaded
            and len(work.todo) >= BULK_THRESHOLD
            and self._store.folder is not None
            and not self._store.in_memory
            and not self._custom_extractor
        )

    def _build_elsewhere(
        self, progress: ProgressCallback | None, build: _Build, wait: float | None
    ) -> BuildOutcome:
        from .build_process import build_in_process

        assert self._store.folder is not None
        return build_in_process(
            self.corpus_dir,
            self._store.folder,
            progress=progress,
            phase=build.phase,
            committed=build.committed,
            wait=wait,
        )

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
        build: _Build,
    ) -> tuple[int, int, int]:
        """Store ``work.todo`` and drop ``work.gone``: in one commit, or (a large build for a
        threaded caller) in batches; → (added, updated, removed)."""
        stored, todo = work.stored, work.todo
        added = updated = removed = 0
        large = len(todo) >= BULK_THRESHOLD
        procs = min(MAX_PROCS, os.cpu_count() or 1)
        # Only a truly empty index may be filled by the add-only multi-process writer, which
        # forks: never from a threaded program.
        bulk = build.parallel and not build.threaded and large
        bulk = bulk and not stored and self._store.doc_count() == 0
        # Analysis in worker processes for any large batch of work, an update too (a new
        # analysis version re-reads every article): only the writing stays in this process
        # when the index already holds articles.
        pooled = large and (build.parallel or build.threaded or build.batched)
        batches = _batches(todo) if build.batched and large else [todo]
        done = 0
        with analysis_pool(procs if pooled else 1, spawn=build.threaded) as pool:
            # Worker processes get the extractor itself (pickled); in this process it is made
            # only when a file actually needs analysing.
            extractor = self.extractor if pool else self._extractor_when_needed
            analyse = partial(_analyse, overrides=discovery.overrides, extractor=extractor)

            def submit(batch: list[SourceFile]) -> Iterator[_Analysed]:
                # A pool's map hands the whole batch to the workers at once; map is lazy.
                return pool.map(analyse, batch, chunksize=8) if pool else map(analyse, batch)

            # The first batch is handed out once the writer is open: Whoosh's multi-process
            # writer forks, and this process then has no pool threads running yet.
            upcoming: Iterator[_Analysed] | None = None
            for number, batch in enumerate(batches):
                last = number == len(batches) - 1
                with self._store.writing(procs=procs if bulk else 1, merge=last) as session:
                    if number == 0:
                        for article_id in work.duplicated:
                            session.delete(article_id)
                    if build.phase is not None:
                        build.phase("analysing")
                    analysed = upcoming if upcoming is not None else submit(batch)
                    for source, (article, analysis) in zip(batch, analysed, strict=True):
                        done += 1
                        if isinstance(article, SkippedFile):
                            skipped.append(article)
                            if article.reason == CHANGED_WHILE_READ:
                                # Caught mid-write: the stored version stays until the file
                                # settles (deleting it lost an article that kept changing), and
                                # its stamp is dropped so that the next refresh reads it
                                # whatever its times say.
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
                    if last:
                        for article_id in work.gone:
                            session.delete(article_id)
                            removed += 1
                    else:
                        # The workers analyse the next batch while this one is committed:
                        # otherwise they stand idle for every commit (a third of a 3,000
                        # article build).
                        upcoming = submit(batches[number + 1])
                    if build.phase is not None:
                        build.phase("merging" if bulk else "writing")
                if not last and build.committed is not None:
                    build.committed()
        return added, updated, removed


_Analysed = tuple[Article | SkippedFile, tuple[Extraction, list[dict[str, object]]] | None]


@dataclass(frozen=True, slots=True)
class _Build:
    """How a refresh may use processes, and whom it tells how it goes (see ``Refresher.run``)."""

    parallel: bool
    threaded: bool
    batched: bool
    phase: PhaseCallback | None
    committed: Callable[[], None] | None


def _batches(todo: list[SourceFile]) -> list[list[SourceFile]]:
    """``todo`` cut into commits: FIRST_BATCH, then each twice the one before, up to MAX_BATCH."""
    batches, start, size = [], 0, FIRST_BATCH
    while start < len(todo):
        batches.append(todo[start : start + size])
        start += size
        size = min(MAX_BATCH, size * 2)
    return batches


def _analyse(
    source: SourceFile,
    *,
    overrides: dict[str, Overrides],
    extractor: EntityExtractor | Callable[[], EntityExtractor],
) -> _Analysed:
    """Read and analyse one file: what a first build spreads over worker processes.

    ``extractor`` may be a function giving it: a refresh that only meets files it skips again
    (a page with no article text, re-read each time in case it was fixed) must not pay for
    importing the extractor and the claim readers."""
    article = read_article(source, overrides)
    if isinstance(article, SkippedFile):
        return article, None
    from .claims.extract import extract_claims
    from .claims.records import claim_to_record

    if callable(extractor):
        extractor = extractor()
    extraction = extractor.extract(article.text)
    claims = [claim_to_record(c) for c in extract_claims(article, extraction)]
    return article, (extraction, claims)
