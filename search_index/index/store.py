"""IndexStore: one corpus's index, and every way the rest of kimreader uses it.

It opens the index (repairing it, or falling back to memory), hands each thread its own
searcher, keeps the catalog in step with the index, and is the one door to writing and to
querying, whose work lives in writing.py and query.py. The class is the facade library.py
talks to (see protocol.SearchEngine), so it stays whole; each method is short and delegates.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import Index, LockError
from whoosh.qparser import MultifieldParser
from whoosh.searching import Searcher

from ..files import os_reason
from ..models import Article, Extraction
from ..text import fold
from . import schema
from .catalog import _catalog_entry, _read_catalog, _write_catalog
from .documents import _analysis, _article_from_fields, _extraction_from_fields
from .errors import IndexUnavailable, LockBusy
from .maintenance import (
    BUILD_LOCK_NAME,
    _acquire,
    _check_writable,
    _clean_leftovers,
    _has_index_files,
    _open_valid,
    _read_stamp,
    _recreate,
    _retry_open,
)
from .postings import LengthCachedBM25F, _open_columns
from .protocol import QueryOutcome
from .query import make_parser, search
from .schema import build_schema
from .writing import IndexWriterSession, _cancel, _open_writer


class IndexStore:
    """One corpus's Whoosh index, on disk or in memory, and a cached searcher over it."""

    def __init__(self, index: Index, folder: Path | None, storage: Any) -> None:
        self._index = index
        self.folder = folder
        self._storage = storage
        # One searcher per thread: Whoosh readers share file handles, so the app's UI thread
        # and its indexing worker must not read through the same one.
        self._local = threading.local()
        self._catalog: dict[str, dict[str, Any]] | None = None
        self._catalog_version: str | None = None
        # Every open searcher with the thread it belongs to (each thread has its own).
        self._all_searchers: list[tuple[threading.Thread, Searcher]] = []
        self._lock = threading.Lock()

    @property
    def in_memory(self) -> bool:
        return self.folder is None

    @property
    def read_only(self) -> bool:
        return bool(getattr(self._storage, "readonly", False))

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def in_memory_store(cls) -> IndexStore:
        storage = RamStorage()
        # Whoosh's RamStorage spills a writer's posting runs to files in the system temp folder:
        # on a full disk (the case that sends an index to memory) that failed too.
        storage.temp_storage = lambda name=None: RamStorage()
        return cls(storage.create_index(build_schema()), None, storage)

    @classmethod
    def open(cls, folder: Path, *, rebuild: bool = False) -> tuple[IndexStore, list[str]]:
        """Open the index in ``folder``, creating or repairing it; fall back to memory.

        Returns the store and the warnings a user should see.
        """
        notes: list[str] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _check_writable(folder)
        except OSError as exc:
            # A read-only mount may still hold a good index: read it as it is (a refresh that
            # has something to write moves to memory then, see Library.refresh).
            readable = None if rebuild else _open_read_only(folder)
            if readable is not None:
                notes.append(
                    f"the index cache at {folder} is read-only ({os_reason(exc)}); reading the "
                    "index as it is"
                )
                return readable, notes
            notes.append(
                f"cannot write the index cache at {folder} ({os_reason(exc)}); "
                "using an in-memory index for this run"
            )
            return cls.in_memory_store(), notes

        storage = FileStorage(str(folder))
        stamp = _read_stamp(folder)
        damage: Exception | None = None
        if not rebuild and stamp == schema.SCHEMA_VERSION:
            index_or_error = _open_valid(storage)
            if isinstance(index_or_error, Index):
                return cls(index_or_error, folder, storage), notes
            damage = index_or_error
        elif not rebuild and stamp is not None:
            notes.append("the index was made by another version of kimreader; rebuilt it")
        had_index = damage is not None and _has_index_files(folder)
        try:
            # A damaged index is thrown away only if it still fails to open while this process
            # holds the locks, that is when no other process can be committing to it.
            index, rebuilt = _recreate(storage, folder, keep_valid=damage is not None)
            if damage is not None and rebuilt and had_index:
                notes.append(f"the index at {folder} was damaged ({os_reason(damage)}); rebuilt it")
        except (OSError, LockError, LockBusy) as exc:
            notes.append(
                f"cannot rebuild the index at {folder} ({os_reason(exc)}); "
                "using an in-memory index for this run"
            )
            return cls.in_memory_store(), notes
        return cls(index, folder, storage), notes

    def close(self) -> None:
        with self._lock:
            for _, searcher in self._all_searchers:
                searcher.close()
            self._all_searchers.clear()
        self._local = threading.local()

    def lost(self) -> str | None:
        """Why the folder no longer holds this index (removed, emptied, replaced), or None."""
        if self.folder is None:
            return None
        if not self.folder.is_dir():
            return "its folder was removed"
        if self._index.latest_generation() < 0:
            return "its files were removed"
        return None

    def recover(self, why: str, *, in_memory: bool = False) -> list[str]:
        """Set the index up again after it vanished or failed while open: in its folder when
        that works, else in memory; the caller then refreshes into it. Searchers already handed
        out keep working until ``close``. Returns the warnings a user should see."""
        folder = self.folder
        notes: list[str]
        if in_memory or folder is None:
            fresh, notes = IndexStore.in_memory_store(), []
        else:
            fresh, notes = IndexStore.open(folder)
        what = f"the index at {folder} stopped working while open ({why})"
        if notes:  # opening it again failed too: the notes say why and what happens instead
            notes.insert(0, what)
        else:
            where = "using an in-memory index for this run" if fresh.in_memory else "rebuilding it"
            notes.insert(0, f"{what}; {where}")
        with self._lock:
            self._index, self.folder, self._storage = fresh._index, fresh.folder, fresh._storage
            self._catalog = None
            self._catalog_version = None
            self._local = threading.local()  # every thread's next searcher reads the new index
        return notes

    # -- reading -------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """A searcher kept open between queries and refreshed only when the index changed."""
        old: Searcher | None = getattr(self._local, "searcher", None)
        if old is not None and old.up_to_date() and self._same_toc(old):
            return old
        # A fresh searcher rather than old.refresh(): refresh() shares segment readers with
        # the old searcher and closes some of them, which another thread may still be using.
        try:
            searcher = _retry_open(self._new_searcher, while_true=self._folder_exists)
        except Exception as exc:  # the folder was emptied or removed under us
            if old is not None:
                return old  # its files are still open: keep answering as the index was
            raise IndexUnavailable(
                f"the index at {self.folder} is gone ({os_reason(exc)})"
            ) from exc
        if old is not None and searcher.reader().generation() in (None, -1):
            # No table of contents at all: the folder is being emptied (deleted, or rebuilt
            # by another process, which writes a new table at once). Not a newer index.
            searcher.close()
            return old
        self._local.searcher = searcher
        self._local.toc = self._toc_identity(searcher.reader().generation())
        with self._lock:
            if old is not None:
                old.close()
            # The searchers of threads that have ended are closed: the app reads in a short
            # thread per article or sentence opened, and kept, each one's open files added up
            # to "too many open files" within a few hundred keys.
            kept = []
            for thread, other in self._all_searchers:
                if other is old:
                    continue
                if thread.is_alive():
                    kept.append((thread, other))
                else:
                    other.close()
            kept.append((threading.current_thread(), searcher))
            self._all_searchers = kept
        return searcher

    def _folder_exists(self) -> bool:
        return self.folder is not None and self.folder.is_dir()

    def _new_searcher(self) -> Searcher:
        searcher = self._index.searcher(weighting=LengthCachedBM25F())
        try:
            _open_columns(searcher)
        except BaseException:
            searcher.close()
            raise
        return searcher

    def _same_toc(self, searcher: Searcher) -> bool:
        # Whoosh only compares generation numbers, which start again from 0 when an index is
        # rebuilt (by another process too): the table of contents file tells the two apart.
        generation = searcher.reader().generation()
        return self._toc_identity(generation) == getattr(self._local, "toc", None)

    def _toc_identity(self, generation: int | None) -> tuple[int, int] | None:
        if self.folder is None or generation is None or generation < 0:
            return None
        try:
            stat = (self.folder / f"_{self._index.indexname}_{generation}.toc").stat()
        except OSError:
            return None
        return (stat.st_ino, stat.st_mtime_ns)

    def fingerprints(self) -> dict[str, str]:
        return {i: entry["fingerprint"] for i, entry in self.catalog().items()}

    def catalog(self) -> dict[str, dict[str, Any]]:
        """Every article's catalog entry, read from the catalog file when it matches the
        index, else rebuilt from the stored documents (and saved for next time)."""
        version = self.version()
        with self._lock:
            if self._catalog is not None and self._catalog_version == version:
                return self._catalog
        catalog = _read_catalog(self.folder, version)
        if catalog is None or len(catalog) != self.doc_count():
            catalog = {
                fields["id"]: _catalog_entry(_article_from_fields(fields))
                for fields in self.searcher().all_stored_fields()
            }
            _write_catalog(self.folder, catalog, version)
        with self._lock:
            self._catalog = catalog
            self._catalog_version = version
        return catalog

    def articles(self) -> list[Article]:
        return sorted(
            (_article_from_fields(fields) for fields in self.searcher().all_stored_fields()),
            key=lambda a: a.id,
        )

    def article(self, article_id: str) -> Article | None:
        fields = self.searcher().document(id=article_id)
        return _article_from_fields(fields) if fields else None

    def extraction(self, article_id: str) -> Extraction | None:
        fields = self.searcher().document(id=article_id)
        return _extraction_from_fields(fields) if fields else None

    def claim_records(self, article_id: str) -> list[dict[str, object]]:
        fields = self.searcher().document(id=article_id)
        return list(_analysis(fields).get("claims") or ()) if fields else []

    def extractions(self) -> Iterator[tuple[str, Extraction]]:
        """Every article's extraction, one at a time (a large corpus's do not fit at once)."""
        for fields in self.searcher().all_stored_fields():
            yield fields["id"], _extraction_from_fields(fields)

    def related(self, article_id: str, limit: int) -> list[str]:
        """The articles most like this one (Whoosh's more-like-this over the text): its story's
        other reports, found without comparing it with the whole corpus."""
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        article = _article_from_fields(searcher.stored_fields(docnum))
        results = searcher.more_like(
            docnum, "body", text=fold(article.text), top=limit, numterms=12
        )
        return [hit["id"] for hit in results if hit["id"] != article_id]

    def version(self) -> str:
        """Which version of the index the searcher reads: it changes with every commit.

        The generation number alone is not enough: it starts again from 0 when an index is
        rebuilt (by this process or another one), so the segments' random ids go with it.
        """
        return _version(self.searcher().reader())

    def doc_count(self) -> int:
        return int(self.searcher().doc_count())

    def duplicated_ids(self) -> list[str]:
        """Ids stored more than once (two first builds at once left them before the build
        lock existed); empty, and cheap, when the catalog and the document count agree."""
        searcher = self.searcher()
        if searcher.doc_count() == len(self.catalog()):
            return []
        reader = searcher.reader()
        candidates = [
            text if isinstance(text, str) else text.decode("utf-8")
            for text, info in reader.iter_field("id")
            if info.doc_frequency() > 1  # counts deleted copies too: checked below
        ]
        return [i for i in candidates if len(list(searcher.document_numbers(id=i))) > 1]

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def exclusive(self, *, timeout: float | None = None) -> Iterator[None]:
        """Hold the build lock: while it is held no other kimreader process decides what to
        write or writes, so what this one reads of the index stays true until its commit.

        Raises LockBusy after ``timeout`` (``WRITE_LOCK_TIMEOUT``), IndexUnavailable when the
        folder cannot hold a lock file. Leftovers of writers that died are removed on entry.
        """
        if self.folder is None:
            yield
            return
        if self.read_only:
            raise IndexUnavailable("its folder is read-only")
        lock = self._storage.lock(BUILD_LOCK_NAME)
        try:
            _acquire(lock, timeout)
        except OSError as exc:
            raise IndexUnavailable(f"writing failed: {os_reason(exc)}") from exc
        try:
            self._clean_leftovers()
            yield
        finally:
            with contextlib.suppress(Exception):
                lock.release()

    def _clean_leftovers(self) -> None:
        """Remove what killed or failed writers left (see maintenance._clean_leftovers)."""
        if self.folder is None or self.read_only:
            return
        _clean_leftovers(self._index, self._storage, self.folder)

    @contextmanager
    def writing(
        self, *, timeout: float | None = None, procs: int = 1, merge: bool = True
    ) -> Iterator[IndexWriterSession]:
        """Batch changes into one commit; nothing is committed if the block raises.

        ``procs > 1`` analyses documents in that many processes (Whoosh's MpWriter, about 2.5x
        faster on two cores); it only adds, so use it to fill an empty on-disk index.
        ``merge=False`` only adds a segment (a build committed in batches: merging the earlier
        batches' segments at each commit rewrote them again and again).
        Raises LockBusy when another process holds the index for longer than ``timeout``
        (``WRITE_LOCK_TIMEOUT`` when not given, read at call time so it can be tuned).
        """
        bulk = procs > 1 and not self.in_memory
        writer = _open_writer(self._index, bulk=bulk, procs=procs, timeout=timeout)
        session = IndexWriterSession(writer, add_only=bulk)
        try:
            before = dict(self.catalog())
            yield session
        except BaseException:
            _cancel(writer)
            self._clean_leftovers()  # what it wrote before failing would fill a full disk more
            raise
        if session.count:
            try:
                writer.commit(merge=merge)
            except Exception as exc:
                _cancel(writer)
                self._clean_leftovers()
                raise IndexUnavailable(f"writing failed: {os_reason(exc)}") from exc
            for article_id in session.deleted:
                before.pop(article_id, None)
            before.update(session.added)
            # Move this thread's searcher on to the commit now, while the files are there: if
            # the folder is removed before the next query, that searcher still answers with it.
            version = _version(self.searcher().reader())
            _write_catalog(self.folder, before, version)
            with self._lock:
                self._catalog = before
                self._catalog_version = version
        else:
            _cancel(writer)

    # -- querying ------------------------------------------------------------------------

    def search(self, query_text: str, *, limit: int, offset: int = 0) -> QueryOutcome:
        """Parse and run a query (see query.search); QuerySyntaxError when the engine cannot
        make sense of it, QueryTooBroad when it would expand to too many words.

        ``offset`` pages through the ranking: hits ``offset`` to ``offset + limit``, each
        with its snippet; ``total`` always counts every match."""
        return search(self.searcher(), query_text, limit=limit, offset=offset)

    def _parser(self) -> MultifieldParser:
        # The searcher's schema, not the index's: the index re-reads its table of contents from
        # disk for it, which fails once the cache folder is gone.
        return make_parser(self.searcher().schema)


def _open_read_only(folder: Path) -> IndexStore | None:
    if not folder.is_dir() or _read_stamp(folder) != schema.SCHEMA_VERSION:
        return None
    storage = FileStorage(str(folder), readonly=True)
    opened = _open_valid(storage, attempts=2)
    return IndexStore(opened, folder, storage) if isinstance(opened, Index) else None


def _version(reader: Any) -> str:
    # An index with no segments (nothing indexed yet, or a rebuild that has not committed) is
    # read by a reader without a generation; any such index answers every query alike.
    generation = reader.generation()
    segments = [
        leaf.segment().segment_id()
        for leaf, _ in reader.leaf_readers()
        if hasattr(leaf, "segment") and leaf.segment() is not None
    ]
    return ":".join([str(-1 if generation is None else generation), *segments])
