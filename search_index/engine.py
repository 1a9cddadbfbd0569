"""The Whoosh adapter: the only module that imports Whoosh.

Everything Whoosh-specific (schema, analyzers, locking, repair, query parsing, correction and
highlighting) stays here, so the engine can be replaced without touching the rest.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import json
import os
import re
import shutil
import threading
import time
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import accumulate, islice
from pathlib import Path
from typing import Any, TypeVar

# Whoosh 2.7.4 predates Python 3.12's stricter string escapes: compiling its sources emits
# SyntaxWarnings, and some calls emit DeprecationWarnings. Neither means anything to a user, so
# both are silenced before the first import (a module= filter does not catch compile-time ones).
for _category in (SyntaxWarning, DeprecationWarning):  # 3.12+ and 3.11 names for bad escapes
    warnings.filterwarnings("ignore", category=_category, module=r".*[/\\]whoosh[/\\]")
warnings.filterwarnings("ignore", module=r"whoosh(\.|$)")

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein  # noqa: E402
from whoosh import collectors, highlight, scoring  # noqa: E402
from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import (  # noqa: E402
    Analyzer,
    BiWordFilter,
    Filter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.codec.whoosh3 import (  # noqa: E402
    LENGTHS_COLUMN,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3Segment,
)
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema  # noqa: E402
from whoosh.filedb.filestore import FileStorage, RamStorage  # noqa: E402
from whoosh.index import Index, LockError  # noqa: E402
from whoosh.multiproc import MpWriter, SubWriterTask  # noqa: E402
from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, MultifieldParser  # noqa: E402
from whoosh.query import (  # noqa: E402
    And,
    Every,
    FuzzyTerm,
    MultiTerm,
    NullQuery,
    Phrase,
    Query,
    Term,
    TermRange,
)
from whoosh.searching import Results, Searcher  # noqa: E402
from whoosh.support.charset import accent_map  # noqa: E402
from whoosh.util.numeric import byte_to_length  # noqa: E402

from .entities.extract import name_key  # noqa: E402
from .files import write_atomically  # noqa: E402
from .models import (  # noqa: E402
    NAME_TYPES,
    Alias,
    Article,
    ArticleInfo,
    Extraction,
    Mention,
    PublishedDate,
    Snippet,
    Span,
)
from .ranking import Ranked, Segment, TermPostings, rank_all_terms  # noqa: E402
from .text import fold, normalize_token, squash_whitespace  # noqa: E402

# Bump whenever the schema or the analyzers change: an index with another version is rebuilt.
SCHEMA_VERSION = 8
STAMP_NAME = "kimreader-index.json"
# id -> what lists need (fingerprint, title, outlet, date, words): one small file read instead
# of every stored document, so opening a 50,000-article corpus does not unpickle 50,000 bodies.
CATALOG_NAME = "kimreader-catalog.json"
WRITE_LOCK_NAME = "MAIN_WRITELOCK"  # the name Whoosh's own writer locks
# Held by a process from reading what the index holds until its write is committed, so that two
# processes never both decide to add the same articles (Whoosh's own lock covers only a write).
BUILD_LOCK_NAME = "KIMREADER_BUILDLOCK"
WRITE_LOCK_TIMEOUT = 15.0
# A reader opening the index while another process commits can find the table of contents it
# read pointing at segment files the commit has just removed: that is a race, not damage, and
# opening again a moment later reads the new table.
OPEN_ATTEMPTS = 8
TEMP_FOLDER = "MAIN.tmp"  # where Whoosh's writers spill runs and job files (see _clean_leftovers)
TEXT_FIELDS = ("title", "body")
# What a query word searches when it names no field. The body is indexed with its headline, so
# "title" adds no documents; and a query on one field is one matcher, whose blocks Whoosh can
# skip when they cannot reach the top hits (an OR across two fields scores every match).
DEFAULT_FIELDS = ("body",)
# The fields a typed query may name. The others (word pairs, the spelling dictionary, ids and
# fingerprints) are the engine's own: `pairs:*` expanded every word pair of the corpus (25 s).
USER_FIELDS = ("title", "body", "outlet", "published", "person", "org", "place")
# A wildcard, range or fuzzy word becomes one term per word it matches: past this many, the
# query is refused with a message rather than run for half a minute.
MAX_EXPANSION = 2000
MAX_FUZZY_EDITS = 2
# A query still running after this long returns the hits found so far, saying so.
QUERY_SECONDS = 4.0
SNIPPET_CHARS = 180

# Digit groups ("10,000", "1,250.50") stay one token so 10000 and 10,000 meet; otherwise words
# with inner dots ("U.S") stay whole.
TOKEN_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:\.?\w+)*"
# Words worth a spelling suggestion: not field names, not wildcards, boosts or fuzzy markers.
_CORRECTABLE_WORD = re.compile(r"(?<![\w*?~^])\w+(?![\w*?~:])")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
MAX_CORRECTABLE = 30
_DIGIT_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


class IndexUnavailable(Exception):
    """The index could not be opened, built or repaired."""


class NormalizeFilter(Filter):
    """NFKC, case folding and accent folding per token ("Sındırgı" meets "Sindirgi").

    This may change a token's length, which is safe inside a token. Most tokens are ASCII, for
    which lower-casing is the whole job: the fast path keeps indexing speed.
    """

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            text = token.text
            if text.isascii():
                token.text = text.lower()
            else:
                token.text = normalize_token(text).translate(accent_map)
            yield token


class DigitGroupFilter(Filter):
    """Drop thousands separators so "10,000" is indexed and queried as 10000."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if "," in token.text and _DIGIT_GROUPS.fullmatch(token.text):
                token.text = token.text.replace(",", "")
            yield token


class EntityKeyTokenizer(Tokenizer):
    """Tokens for the per-type entity fields.

    Indexed values are lines of "key<TAB>surface": each line gives the closed-up key (so
    person:"Kim Jong Un" finds every spelling) and the surface's words (so org:Mansudae finds
    "Mansudae Art Studio"). A query value gives only its key.
    """

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            pieces = [name_key(value)]
        else:
            pieces = []
            for line in value.split("\n"):
                key, _, surface = line.partition("\t")
                pieces.append(key)
                pieces.extend(name_key(word) for word in surface.split())
        for offset, piece in enumerate(p for p in pieces if p):
            token.text = piece
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = piece
            if positions:
                token.pos = start_pos + offset
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token


def make_analyzer(*, stem: bool) -> Analyzer:
    # No stop-word filter: the stock one drops one-letter tokens ("Ju-a-e" would index as "ju")
    # and "a", which breaks phrase queries on names.
    analyzer = RegexTokenizer(TOKEN_PATTERN) | NormalizeFilter() | DigitGroupFilter()
    if stem:
        analyzer = analyzer | StemFilter()
    return analyzer


def build_schema() -> Schema:
    stemmed = make_analyzer(stem=True)
    plain = make_analyzer(stem=False)
    # multitoken_query="phrase": a query word that analyses into several tokens ("Jong-un",
    # "Ri Sol-ju") must match them in order, not as an unordered AND.
    return Schema(
        id=ID(stored=True, unique=True),
        path=STORED,
        fingerprint=ID(stored=True),
        title=TEXT(analyzer=stemmed, stored=True, field_boost=1.5, multitoken_query="phrase"),
        outlet=TEXT(analyzer=plain, stored=True, multitoken_query="phrase"),
        published=DATETIME(stored=True),
        published_has_time=STORED,
        url=STORED,
        notes=STORED,
        body=TEXT(analyzer=stemmed, stored=True, chars=True, multitoken_query="phrase"),
        # Spelling suggestions must be real words, not stems ("sanctions", not "sanction"), and
        # fuzzy terms on a stemmed field that also keeps spelling data find nothing: so the
        # spelling dictionary lives in its own unstemmed field.
        spell=TEXT(analyzer=plain, phrase=False, spelling=True),
        # Each pair of adjacent body words as one term (Whoosh's BiWordFilter): a two-word
        # phrase is one posting list instead of a position check in every article holding
        # both words ("said on": all of them), and a longer phrase is checked only where all
        # its pairs occur.
        pairs=TEXT(analyzer=stemmed | BiWordFilter(sep=" "), phrase=False),
        # One field per name type: person:, org:, place: in queries.
        person=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        org=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        place=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        # Mentions, aliases and claims as one compressed JSON blob: every search hit unpickles
        # its stored fields, and a blob of bytes costs nothing to unpickle until it is read.
        analysis=STORED,
    )


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    hits: tuple[tuple[Article, float, Snippet, tuple[Span, ...]], ...]
    total: int
    corrected: str | None = None
    fuzzy: bool = False
    notices: tuple[str, ...] = ()
    """What was changed in the query, or cut short, for the user to know."""


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
        self._all_searchers: list[Searcher] = []
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
        storage.temp_storage = lambda name=None: RamStorage()  # type: ignore[method-assign]
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
                    f"the index cache at {folder} is read-only ({_reason(exc)}); reading the "
                    "index as it is"
                )
                return readable, notes
            notes.append(
                f"cannot write the index cache at {folder} ({_reason(exc)}); "
                "using an in-memory index for this run"
            )
            return cls.in_memory_store(), notes

        storage = FileStorage(str(folder))
        stamp = _read_stamp(folder)
        damage: Exception | None = None
        if not rebuild and stamp == SCHEMA_VERSION:
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
                notes.append(f"the index at {folder} was damaged ({_reason(damage)}); rebuilt it")
        except (OSError, LockError, LockBusy) as exc:
            notes.append(
                f"cannot rebuild the index at {folder} ({_reason(exc)}); "
                "using an in-memory index for this run"
            )
            return cls.in_memory_store(), notes
        return cls(index, folder, storage), notes

    def close(self) -> None:
        with self._lock:
            for searcher in self._all_searchers:
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
            raise IndexUnavailable(f"the index at {self.folder} is gone ({_reason(exc)})") from exc
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
                self._all_searchers.remove(old)
            self._all_searchers.append(searcher)
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
        catalog = self._read_catalog(version)
        if catalog is None or len(catalog) != self.doc_count():
            catalog = {
                fields["id"]: _catalog_entry(_article_from_fields(fields))
                for fields in self.searcher().all_stored_fields()
            }
            self._write_catalog(catalog, version)
        with self._lock:
            self._catalog = catalog
            self._catalog_version = version
        return catalog

    def _read_catalog(self, version: str) -> dict[str, dict[str, Any]] | None:
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / CATALOG_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # a cache file nested absurdly deep
            return None
        # A process killed between its commit and its catalog write leaves a catalog of the
        # index before: the version it was written for says so.
        if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
            return None
        if data.get("version") != version:
            return None
        entries = data.get("articles")
        return entries if isinstance(entries, dict) else None

    def _write_catalog(self, catalog: dict[str, dict[str, Any]], version: str) -> None:
        if self.folder is None:
            return
        data = {"schema": SCHEMA_VERSION, "version": version, "articles": catalog}
        # The catalog is a cache: it is rebuilt when missing. The folder may be gone too.
        with contextlib.suppress(OSError):
            write_atomically(self.folder / CATALOG_NAME, json.dumps(data, ensure_ascii=False))

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
            _acquire(lock, WRITE_LOCK_TIMEOUT if timeout is None else timeout)
        except OSError as exc:
            raise IndexUnavailable(f"writing failed: {_reason(exc)}") from exc
        try:
            self._clean_leftovers()
            yield
        finally:
            with contextlib.suppress(Exception):
                lock.release()

    def _clean_leftovers(self) -> None:
        """Remove what killed or failed writers left: spill folders, uncommitted segments,
        half-written tables of contents and catalogs. Only called under the build lock, and
        only when Whoosh's lock is free too (a writer from an older kimreader may hold it)."""
        folder = self.folder
        if folder is None or self.read_only:
            return
        lock = self._storage.lock(WRITE_LOCK_NAME)
        try:
            if not lock.acquire(blocking=False):
                return
        except OSError:  # the folder is gone or unwritable: nothing to clean there
            return
        try:
            with contextlib.suppress(Exception), self._index.reader() as reader:
                # What the last commit refers to stays; other segment files are a dead writer's.
                segments = [
                    leaf.segment() for leaf, _ in reader.leaf_readers() if hasattr(leaf, "segment")
                ]
                whoosh_index.clean_files(
                    self._storage, self._index.indexname, reader.generation(), segments
                )
            for path in _leftover_paths(folder):
                with contextlib.suppress(OSError):
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
        finally:
            with contextlib.suppress(Exception):
                lock.release()

    @contextmanager
    def writing(
        self, *, timeout: float | None = None, procs: int = 1
    ) -> Iterator[IndexWriterSession]:
        """Batch changes into one commit; nothing is committed if the block raises.

        ``procs > 1`` analyses documents in that many processes (Whoosh's MpWriter, about 2.5x
        faster on two cores); it only adds, so use it to fill an empty on-disk index.
        Raises LockBusy when another process holds the index for longer than ``timeout``
        (``WRITE_LOCK_TIMEOUT`` when not given, read at call time so it can be tuned).
        """
        if timeout is None:
            timeout = WRITE_LOCK_TIMEOUT
        # compound=False: Whoosh opens a compound segment by copying each of its files out of
        # the mmap into a BytesIO, so every searcher (one per thread) held a private copy of
        # the postings: ~100 MB each at 10,000 articles. Plain files are read where they lie.
        bulk = procs > 1 and not self.in_memory
        try:
            if bulk:
                writer = _MpWriter(
                    self._index,
                    procs=procs,
                    multisegment=True,
                    limitmb=128,
                    timeout=timeout,
                    compound=False,
                    codec=_Codec(),
                )
            else:
                writer = self._index.writer(timeout=timeout, compound=False, codec=_Codec())
        except LockError as exc:
            raise LockBusy("another kimreader process is updating this index") from exc
        except Exception as exc:  # the folder vanished or cannot be written
            raise IndexUnavailable(f"writing failed: {_reason(exc)}") from exc
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
                writer.commit()
            except Exception as exc:
                _cancel(writer)
                self._clean_leftovers()
                raise IndexUnavailable(f"writing failed: {_reason(exc)}") from exc
            for article_id in session.deleted:
                before.pop(article_id, None)
            before.update(session.added)
            # Move this thread's searcher on to the commit now, while the files are there: if
            # the folder is removed before the next query, that searcher still answers with it.
            version = _version(self.searcher().reader())
            self._write_catalog(before, version)
            with self._lock:
                self._catalog = before
                self._catalog_version = version
        else:
            _cancel(writer)

    # -- querying ------------------------------------------------------------------------

    def search(self, query_text: str, *, limit: int, offset: int = 0) -> QueryOutcome:
        """Parse and run a query; QuerySyntaxError when the engine cannot make sense of it.

        ``offset`` pages through the ranking: hits ``offset`` to ``offset + limit``, each
        with its snippet; ``total`` always counts every match."""
        try:
            query = self._parser().parse(query_text)
            if query is NullQuery:
                raise QuerySyntaxError("the query has no words to search for")
            notices: list[str] = []
            query = _bounded(query, self.searcher().reader(), notices)
            outcome = self.run(query, query_text, limit=limit, offset=offset)
            if notices:
                outcome = replace(outcome, notices=(*notices, *outcome.notices))
            return outcome
        except (QuerySyntaxError, QueryTooBroad, IndexUnavailable):
            raise
        # Whoosh's parser and query classes raise a zoo of exception types on odd input;
        # every one of them means "this query cannot be run as written".
        except Exception as exc:
            raise QuerySyntaxError(str(exc) or type(exc).__name__) from exc

    def _parser(self) -> MultifieldParser:
        # The searcher's schema, not the index's: the index re-reads its table of contents from
        # disk for it, which fails once the cache folder is gone.
        schema = self.searcher().schema
        # Only the user's fields: any other "name:" is read as words, not as a field.
        user = Schema(**{name: schema[name] for name in USER_FIELDS if name in schema})
        parser = MultifieldParser(list(DEFAULT_FIELDS), schema=user)
        parser.add_plugin(FuzzyTermPlugin())  # "said~" and "said~2", as the README promises
        parser.add_plugin(
            FieldAliasPlugin(
                {"org": ["organisation", "organization"], "place": ["location", "loc"]}
            )
        )
        return parser

    def _correct_text(self, searcher: Searcher, text: str) -> str | None:
        """The query with each word the corpus never uses replaced by Whoosh's best spelling
        suggestion, or None when no word changed.

        Correcting the typed words (not the parsed, stemmed terms) keeps the correction readable:
        "Kim Jung Un" becomes "Kim Jong Un".
        """
        reader = searcher.reader()
        analyzer = searcher.schema["spell"].analyzer
        changed = False

        def fix(match: re.Match[str]) -> str:
            nonlocal changed
            word = match.group(0)
            if word in _OPERATORS or len(word) > MAX_CORRECTABLE or word.isdigit():
                return word
            tokens = [token.text for token in analyzer(word)]
            if len(tokens) != 1 or reader.doc_frequency("spell", tokens[0]):
                return word
            best = _spelling_suggestion(reader, tokens[0])
            if best is None:
                return word
            changed = True
            return _match_case(word, best)

        result = _CORRECTABLE_WORD.sub(fix, text)
        return result if changed else None

    def run(self, query: Query, query_text: str, *, limit: int, offset: int = 0) -> QueryOutcome:
        """Run a parsed query; when it finds nothing, try spelling correction, then fuzzy terms."""
        searcher = self.searcher()
        outcome = self._collect(searcher, query, limit, offset)
        if outcome.total or query is NullQuery or _has_multiterm(query):
            # A query with wildcards, ranges or fuzzy words already says how loosely to match:
            # no spelling correction or fuzzy retry (each would build its matchers again).
            return outcome
        corrected_text = self._correct_text(searcher, query_text)
        if corrected_text is not None:
            corrected = self._collect(searcher, self._parser().parse(corrected_text), limit, offset)
            if corrected.total:
                return QueryOutcome(corrected.hits, corrected.total, corrected=corrected_text)
        fuzzy = _fuzzy(query)
        if fuzzy != query:
            loose = self._collect(searcher, fuzzy, limit, offset)
            if loose.total:
                return QueryOutcome(loose.hits, loose.total, fuzzy=True)
        return outcome

    def _collect(
        self, searcher: Searcher, query: Query, limit: int, offset: int = 0
    ) -> QueryOutcome:
        answered = _with_word_pairs(query)
        notices: list[str] = []
        read: _ReadValues = {}
        # A later page ranks the pages before it again (cheap next to snippets) and shows
        # only its own hits. Neither path records matched terms for every match (Whoosh's
        # terms=True): _record_top_terms finds them for the top hits alone.
        ranked = _rank_plain_terms(searcher, answered, offset + limit, read)
        if ranked is not None:
            results = Results(searcher, answered, ranked.top[offset:])
            results._total = ranked.total
        else:
            # usequality=False: Whoosh's block skipping almost never skips a block of news
            # text (every report of a story scores alike), and with it on, counting the
            # matches takes a second pass over them all. replace=0: Whoosh otherwise swaps an
            # OR's matcher, once the top hits are full, for one that skips documents only the
            # weaker words match: they are never counted, and the total shrinks with the page.
            collector = collectors.TopCollector(limit=offset + limit, usequality=False, replace=0)
            # use_alarm=False: the alarm signal only works in the main thread, and the app
            # searches in a worker thread.
            timed = collectors.TimeLimitCollector(collector, QUERY_SECONDS, use_alarm=False)
            try:
                searcher.search_with_collector(answered, timed)
            except collectors.TimeLimit:
                notices.append(
                    f"the search stopped after {QUERY_SECONDS:g} s: the hits and the count are "
                    "those found by then; a narrower query finds them all"
                )
            ranked_all = timed.results()
            results = Results(searcher, answered, ranked_all.top_n[offset:])
            results._total = len(ranked_all)
        results.highlighter = highlight.Highlighter(
            # Pinpoint fragments come from the character offsets stored at index time: no
            # re-tokenising of every hit's text on each query.
            fragmenter=highlight.PinpointFragmenter(
                maxchars=SNIPPET_CHARS, surround=60, autotrim=True, charlimit=None
            ),
            scorer=_EarliestFirstScorer(),
            formatter=_SpanFormatter(),
        )
        _record_top_terms(searcher, results, query, read)
        hits = []
        phrases, loose = _phrase_and_loose_words(query)
        for hit in results:
            article = _article_from_fields(hit.fields())
            text = article.text
            # Highlighting reads the matched terms' stored offsets for all top hits in one
            # pass per term; the match list reuses what it read.
            # Pinpoint fragments need only the text's length and offsets, which folding keeps:
            # the original text serves, and folding a long article per hit is not free.
            fragments = hit.highlights("body", text=text, top=2)
            occurrences = results._char_cache.get("body", {}).get(hit.docnum, {})
            matches = _body_matches(occurrences, phrases, loose)
            snippet = _snippet(text, fragments) if fragments else _snippet(article.body, [])
            hits.append((article, float(hit.score or 0.0), snippet, matches))
        return QueryOutcome(tuple(hits), len(results), notices=tuple(notices))


# (field, term) -> per segment: its offset, and the ids and raw posting values it read.
_ReadValues = dict[tuple[str, bytes], list[tuple[int, list[int], list[Any]]]]


def _rank_plain_terms(
    searcher: Searcher, query: Query, limit: int, read: _ReadValues
) -> Ranked | None:
    """A word, a word pair or words joined by AND, ranked a posting list at a time
    (search_index.ranking); None for any other query, which Whoosh's collector runs.

    The body terms' posting values (positions and character offsets) are decoded with their
    ids anyway: they are kept in ``read`` for highlighting the top hits."""
    terms = _plain_terms(query)
    if terms is None:
        return None
    schema = searcher.schema
    if any(field not in schema for field, _ in terms):
        return None
    weighting = searcher.weighting
    segments = []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if not hasattr(reader, "_terms") or not hasattr(reader, "_perdoc"):
            return None  # not Whoosh 2.7's segment reader: its internals are not ours to read
        postings: list[TermPostings] = []
        for field, text in terms:
            btext = schema[field].to_bytes(text)
            if (field, btext) not in reader:
                postings = []
                break
            scorer = weighting.scorer(sub, field, btext)
            lengths = _field_lengths(reader, field)
            matcher = reader._terms.matcher(field, btext, schema[field].format)
            if (
                not isinstance(scorer, scoring.BM25FScorer)
                or lengths is None
                or not isinstance(matcher, W3LeafMatcher)
            ):
                return None
            values: list[Any] | None = [] if field == "body" else None
            ids, weights = _read_postings(matcher, values)
            if values is not None:
                read.setdefault((field, btext), []).append((offset, ids, values))
            postings.append(
                TermPostings(ids, weights, lengths, scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
            )
        segments.append(Segment(offset, postings, frozenset(reader._perdoc.deleted_docs())))
    return rank_all_terms(segments, limit)


def _plain_terms(query: Query) -> list[tuple[str, str]] | None:
    if isinstance(query, Term):
        children: list[Query] = [query]
    elif isinstance(query, And):
        children = list(query.children())
    else:
        return None
    terms = []
    for child in children:
        if type(child) is not Term or child.boost != 1.0 or not isinstance(child.text, str):
            return None
        terms.append((child.fieldname, child.text))
    return terms or None


def _read_postings(
    matcher: W3LeafMatcher, values: list[Any] | None = None
) -> tuple[list[int], list[float]]:
    """Every id and weight of a term (and raw value, into ``values``), read block by block
    (a block is one zlib-compressed pickle) instead of a posting at a time."""
    ids: list[int] = []
    weights: list[float] = []
    while True:
        ids.extend(_block_ids(matcher))
        matcher._read_weights()
        weights.extend(matcher._weights)
        if values is not None:
            matcher._read_values()
            values.extend(matcher._values)
        if matcher._lastblock:
            return ids, weights
        matcher._goto(matcher._nextoffset)


def _block_ids(matcher: W3LeafMatcher) -> Sequence[int]:
    # Whoosh decodes a block's delta-coded ids with a Python generator, a step per posting;
    # accumulate does the same sum in C.
    if matcher._data is None:
        matcher._read_data()
    deltas = matcher._data[0]
    return deltas if matcher._byteids else list(accumulate(deltas))


def _values_at(matcher: W3LeafMatcher, wanted: list[int]) -> dict[int, Any]:
    """The raw posting values of the ``wanted`` (ascending, segment-local) documents that hold
    the term. Blocks ending before the next wanted document are passed over on their header
    alone; each block holding one is decoded once."""
    found: dict[int, Any] = {}
    i = 0
    while i < len(wanted):
        if matcher._maxid >= wanted[i]:
            ids = _block_ids(matcher)
            matcher._read_values()
            values = matcher._values
            while i < len(wanted) and wanted[i] <= matcher._maxid:
                at = bisect.bisect_left(ids, wanted[i])
                if at < len(ids) and ids[at] == wanted[i]:
                    found[wanted[i]] = values[at]
                i += 1
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return found


def _record_top_terms(
    searcher: Searcher, results: Results, query: Query, read: _ReadValues
) -> None:
    """Which query terms each top hit's body holds, as ``terms=True`` would have recorded them
    for every match: enough for pinpoint highlighting, at one block read per hit and term."""
    top = sorted(docnum for _, docnum in results.top_n)
    termdocs: dict[tuple[str, bytes], list[int]] = {}
    docterms: dict[int, list[tuple[str, bytes]]] = {}
    # The same pass fills the highlighter's cache of character offsets (what its _load_chars
    # would read in a second pass over the same postings).
    chars: dict[int, dict[str, Any]] = {docnum: {} for docnum in top}
    field = searcher.schema["body"]
    decode = field.format.decoder("characters")
    leaves = searcher.leaf_searchers()
    for fieldname, btext in query.existing_terms(searcher.reader(), expand=True):
        if fieldname != "body" or not top:
            continue
        word = field.from_bytes(btext)
        found = (
            _known_values(read[fieldname, btext], top)
            if (fieldname, btext) in read
            else _term_values(leaves, fieldname, btext, top)
        )
        for docnum, value in found:
            termdocs.setdefault((fieldname, btext), []).append(docnum)
            docterms.setdefault(docnum, []).append((fieldname, btext))
            chars[docnum][word] = decode(value)
    results.termdocs = termdocs
    results.docterms = docterms
    results._char_cache["body"] = chars


def _known_values(
    segments: list[tuple[int, list[int], list[Any]]], top: list[int]
) -> Iterator[tuple[int, Any]]:
    for offset, ids, values in segments:
        for docnum in top:
            at = bisect.bisect_left(ids, docnum - offset)
            if at < len(ids) and ids[at] == docnum - offset:
                yield docnum, values[at]


def _term_values(
    leaves: list[tuple[Searcher, int]], fieldname: str, btext: bytes, top: list[int]
) -> Iterator[tuple[int, Any]]:
    """(global document number, raw posting value) for each of ``top`` holding the term."""
    for sub, offset in leaves:
        reader = sub.reader()
        local = [d - offset for d in top if 0 <= d - offset < reader.doc_count_all()]
        if not local or (fieldname, btext) not in reader:
            continue
        matcher = reader.postings(fieldname, btext)
        if isinstance(matcher, W3LeafMatcher):
            for docnum, value in _values_at(matcher, local).items():
                yield docnum + offset, value
            continue
        for docnum in local:  # deletions wrap the matcher: step through Whoosh's own API
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                yield docnum + offset, matcher.value()


class LengthCachedBM25F(scoring.BM25F):
    """Whoosh's BM25F with each segment's field lengths read once, not once per match.

    Profiled on 10,000 articles, looking a document's length up in its column took two thirds
    of the time spent scoring a common word's 2,000 matches; a list lookup costs next to none.
    """

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = _field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


def _open_columns(searcher: Searcher) -> None:
    """Open every column file a query will read now. Whoosh opens a segment's postings with
    the searcher but its stored fields and lengths only on first use, and a searcher must
    keep answering after its files are deleted (an index rebuilt or a cache folder emptied
    by another process): open files survive that, files opened later do not."""
    for leaf, _ in searcher.reader().leaf_readers():
        if not hasattr(leaf, "_perdoc"):
            continue
        for name, field_type in searcher.schema.items():
            if field_type.scorable:
                leaf._perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN)
        if leaf.doc_count_all():
            leaf.stored_fields(0)


def _field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    cache = reader.__dict__.setdefault("_kimreader_lengths", {})
    if fieldname not in cache:
        lengths = (
            _column_lengths(reader._perdoc, fieldname, _LENGTH_OF_BYTE)
            if hasattr(reader, "_perdoc")
            else None
        )
        if lengths is not None:
            lengths += [1] * max(0, reader.doc_count_all() - len(lengths))
        cache[fieldname] = lengths
    return cache[fieldname]


def _column_lengths(perdoc: Any, fieldname: str, of_byte: list[int]) -> list[int] | None:
    """A field's length for every document of a segment, or None when it cannot be read
    this way (Whoosh's own lookup then serves)."""
    try:
        # The lengths column is the codec's, not the schema's: read through the segment's
        # per-document reader, and as one block of bytes (one length byte a document): item
        # by item took 0.2 s at 50,000.
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        raw = column._dbfile.get(column._basepos, column._count) if column else b""
    except Exception:
        return None
    return [of_byte[b] for b in raw]


# Whoosh stores a field's length in one byte (lossy above 108). Scoring reads 0 as 1, as
# Whoosh's own doc_field_length(default=1) does; the writer's block statistics read it as is.
_LENGTH_OF_BYTE = [byte_to_length(b) or 1 for b in range(256)]
_RAW_LENGTH = [byte_to_length(b) for b in range(256)]


class QuerySyntaxError(Exception):
    """The query could not be parsed or run as written."""


class QueryTooBroad(Exception):
    """A wildcard, range or fuzzy word matches too many words to be searched in good time."""


class LockBusy(Exception):
    """Another process holds the index's write lock."""


class IndexWriterSession:
    def __init__(self, writer: Any, *, add_only: bool = False) -> None:
        self._writer = writer
        self._add_only = add_only
        self.count = 0
        self.added: dict[str, dict[str, Any]] = {}
        self.deleted: list[str] = []

    def put(
        self,
        article: Article,
        extraction: Extraction | None = None,
        claims: list[dict[str, object]] | None = None,
    ) -> None:
        published = article.published
        add = self._writer.add_document if self._add_only else self._writer.update_document

        def write(**fields: Any) -> None:
            try:
                add(**fields)
            except OSError as exc:  # a writer spills to disk as it goes
                raise IndexUnavailable(f"writing failed: {_reason(exc)}") from exc

        mentions = extraction.mentions if extraction else ()
        folded = fold(article.text)
        entity_fields = {
            kind.lower(): "\n".join(f"{m.key}\t{m.text}" for m in mentions if m.type == kind)
            for kind in NAME_TYPES
        }
        write(
            **entity_fields,
            analysis=zlib.compress(
                json.dumps(
                    {
                        "mentions": [
                            [m.start, m.end, m.type, m.text, m.key, m.ref] for m in mentions
                        ],
                        "aliases": [
                            [a.short, a.full] for a in (extraction.aliases if extraction else ())
                        ],
                        "claims": claims or [],
                    },
                    ensure_ascii=False,
                ).encode("utf-8")
            ),
            id=article.id,
            path=article.path,
            fingerprint=article.content_hash,
            title=fold(article.title),
            _stored_title=article.title,
            outlet=article.outlet or "",
            _stored_outlet=article.outlet,
            published=published.value if published else None,
            published_has_time=bool(published and published.has_time),
            url=article.url,
            notes=list(article.notes),
            # The headline is indexed with the body so that every offset Whoosh stores points
            # into Article.text, the one string that entities, matches and claims share.
            body=folded,
            _stored_body=article.body,
            pairs=folded,
            # Each word once: the spelling dictionary needs the words, not how often each
            # article repeats them, and analysing the text a third time in full is not free.
            spell=" ".join(dict.fromkeys(folded.split())),
        )
        self.added[article.id] = _catalog_entry(article)
        self.count += 1

    def delete(self, article_id: str) -> None:
        if self._add_only:
            raise ValueError("a bulk session only adds documents")
        try:
            self._writer.delete_by_term("id", article_id)
        except OSError as exc:
            raise IndexUnavailable(f"writing failed: {_reason(exc)}") from exc
        self.added.pop(article_id, None)
        self.deleted.append(article_id)
        self.count += 1


def exit_with_parent(parent: int, interval: float = 0.2) -> None:
    """Make this worker process exit as soon as ``parent`` (the process that started it) is gone.

    Workers are forked while the index's write lock is held, and a forked child shares that
    lock: a worker left waiting for work after its parent was killed (SIGKILL, the OOM killer)
    would hold the lock for ever, so every later run would find the index busy.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class _Codec(W3Codec):
    """Whoosh's own codec, writing postings without asking a column for every length.

    While it writes a segment's postings, Whoosh looks each posting's field length up in the
    lengths column it has just written, through four calls: 9% of a first build's time
    (profiled on 500 articles). The lengths are read once per field instead. The files are
    byte for byte what W3Codec writes, and segments name W3Codec as theirs, so any Whoosh
    reads them.
    """

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return _FieldWriter(self, storage, segment)

    def new_segment(self, storage: Any, indexname: str) -> Any:
        return W3Segment(W3Codec(), indexname)


class _FieldWriter(W3FieldWriter):
    def add_postings(self, schema: Schema, lengths: Any, items: Any) -> None:
        super().add_postings(schema, _ReadOnceLengths(lengths) if lengths else None, items)


class _ReadOnceLengths:
    """``doc_field_length`` from each field's lengths column read as one block."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._fields: dict[str, list[int] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if fieldname not in self._fields:
            self._fields[fieldname] = _column_lengths(self._reader, fieldname, _RAW_LENGTH)
        lengths = self._fields[fieldname]
        if lengths is None:
            return self._reader.doc_field_length(docnum, fieldname, default)
        return lengths[docnum] if docnum < len(lengths) else default


class _SubWriterTask(SubWriterTask):
    """Whoosh's indexing subprocess, made to die with its parent, and to fail loudly to it but
    silently to the terminal.

    Whoosh's parent writer waits one second for each sub-writer's segment and commits without
    the ones that never came: a sub-writer that died (a full disk) lost its documents while the
    build reported them added. Its exit code now fails the commit instead, and the parent says
    why; a traceback printed from the subprocess would only garble the terminal or the app.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._parent = os.getpid()

    def run(self) -> None:
        exit_with_parent(self._parent)
        try:
            super().run()
        except BaseException as exc:
            code = exc.errno if isinstance(exc, OSError) and exc.errno in _EXIT_ERRNOS else 1
            os._exit(code)

    def join(self, timeout: float | None = None) -> None:
        super().join(timeout)
        if timeout is None and self.exitcode not in (0, None):
            code = self.exitcode
            why = os.strerror(code) if code in _EXIT_ERRNOS else f"exit code {code}"
            raise IndexUnavailable(f"writing failed: an indexing process stopped ({why})")


# Write failures a sub-writer reports through its exit code, so the parent can name them.
_EXIT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES})


class _MpWriter(MpWriter):
    """Whoosh's multi-process writer, with subprocesses that never outlive the writer."""

    def _new_task(self) -> SubWriterTask:
        task = _SubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        # Whoosh's cancel only flags the tasks in this process: the real ones would wait for
        # work for ever, and as non-daemon children they would hang this process at exit.
        try:
            for task in self.tasks:
                task.terminate()
            for task in self.tasks:
                task.join(10)
        finally:
            super().cancel()


def _cancel(writer: Any) -> None:
    """Cancel a writer; if cancelling fails (its folder is gone), still let go of the lock."""
    try:
        writer.cancel()
    except Exception:
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            with contextlib.suppress(Exception):
                lock.release()


class _EarliestFirstScorer(highlight.BasicFragmentScorer):
    """Whoosh's fragment score, with equal scores going to the earlier fragment.

    Whoosh breaks ties between fragments by their objects' memory addresses (Fragment.__lt__
    compares id()), so one query could show different snippets from run to run, or page to
    page. Fragment scores are multiples of 100 per matched term, so a fraction of a point by
    position only ever separates ties."""

    def __call__(self, fragment: highlight.Fragment) -> float:
        return float(super().__call__(fragment)) - fragment.startchar * 1e-9


class _SpanFormatter(highlight.Formatter):
    """Fragments as offsets, not marked-up text: the caller decides how to show them."""

    def format(
        self, fragments: list[Any], replace: bool = False
    ) -> list[tuple[int, int, list[tuple[int, int]]]]:
        return [
            (f.startchar, f.endchar, [(t.startchar, t.endchar) for t in f.matches])
            for f in fragments
        ]


def _snippet(body: str, fragments: list[tuple[int, int, list[tuple[int, int]]]]) -> Snippet:
    if not fragments:
        head = body[:SNIPPET_CHARS]
        cut = head.rfind(" ") if len(body) > SNIPPET_CHARS else -1
        text, _ = squash_whitespace(head[:cut] if cut > 40 else head, [])
        return Snippet(text + ("…" if len(body) > SNIPPET_CHARS else ""))
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for index, (start, end, tokens) in enumerate(sorted(fragments)):
        if index:
            parts.append(" … ")
            offset += 3
        segment = body[start:end]
        lead = len(segment) - len(segment.lstrip())
        text, moved = squash_whitespace(
            segment.strip(), [(s - start - lead, e - start - lead) for s, e in tokens]
        )
        parts.append(text)
        spans.extend(Span(offset + s, offset + e) for s, e in moved)
        offset += len(text)
    return Snippet("".join(parts), tuple(spans))


def _body_matches(
    occurrences: dict[str, list[tuple[int, int, int]]],
    phrases: list[tuple[str, ...]],
    loose: set[str],
) -> tuple[Span, ...]:
    """The hit's matched tokens in Article.text, from the character offsets stored at index
    time (``occurrences``: word -> [(position, start, end)]).

    Words that the query only asks for inside phrases are marked only where the whole phrase
    occurs, so "Kim Jong-un" does not light up every other "Kim".
    """
    spans: set[tuple[int, int]] = set()
    for word, places in occurrences.items():
        if word in loose or not any(word in phrase for phrase in phrases):
            spans.update((start, end) for _, start, end in places)
    for phrase in phrases:
        if not all(word in occurrences for word in phrase):
            continue
        at = [{pos: (start, end) for pos, start, end in occurrences[word]} for word in phrase]
        for first in at[0]:
            if all(first + i in at[i] for i in range(1, len(phrase))):
                spans.update(at[i][first + i] for i in range(len(phrase)))
    return tuple(Span(s, e) for s, e in sorted(spans))


def _with_word_pairs(query: Query) -> Query:
    """The query with each exact body phrase answered from the word-pair field: a two-word
    phrase is exactly its pair; a longer one needs all its pairs, then its positions checked
    in those documents only. Highlighting still reads the original query's words."""
    if isinstance(query, Phrase):
        if query.fieldname != "body" or query.slop != 1 or len(query.words) < 2:
            return query
        pairs = [
            Term("pairs", f"{a} {b}", boost=query.boost)
            for a, b in zip(query.words, query.words[1:], strict=False)
        ]
        return pairs[0] if len(pairs) == 1 else And([*pairs, query])
    return query.apply(_with_word_pairs)


def _phrase_and_loose_words(query: Query) -> tuple[list[tuple[str, ...]], set[str]]:
    phrases: list[tuple[str, ...]] = []
    loose: set[str] = set()

    def walk(node: Query) -> None:
        if isinstance(node, Phrase):
            if node.fieldname == "body":
                phrases.append(tuple(node.words))
        elif isinstance(node, Term):
            if node.fieldname == "body":
                loose.add(node.text)
        else:
            for child in node.children():
                walk(child)

    walk(query)
    return phrases, loose


def _spelling_suggestion(reader: Any, word: str) -> str | None:
    """The corpus word nearest ``word`` (at most two edits, same first letter), the most used
    of equals; None when there is none.

    What Whoosh's ReaderCorrector.suggest does, with two changes. Its edit distance is pure
    Python, run on every dictionary word with the same first letter (8 ms a query at 10,000
    articles): rapidfuzz computes the same Damerau-Levenshtein distance in C, over a word list
    read once per searcher. And it ranks suggestions by frequency alone (its score ignores the
    distance): the nearest spelling comes first here ("Jung" is "Jong" before "Ju").
    """
    cache = reader.__dict__.setdefault("_kimreader_spelling", {})
    if word[:1] not in cache:
        cache[word[:1]] = [b.decode("utf-8") for b in reader.expand_prefix("spell", word[:1])]
    near = [
        text
        for text, _, _ in process.extract(
            word, cache[word[:1]], scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=None
        )
        if text != word
    ]
    if not near:
        return None
    return min(near, key=lambda s: (Levenshtein.distance(word, s), -reader.frequency("spell", s)))


def _match_case(original: str, suggestion: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _bounded(query: Query, reader: Any, notices: list[str]) -> Query:
    """The query with fuzzy words held to MAX_FUZZY_EDITS; QueryTooBroad when a wildcard, range
    or fuzzy word matches more than MAX_EXPANSION words (counting stops there)."""
    if isinstance(query, FuzzyTerm):
        # As most engines do: short words get fewer edits (every three-letter word is within
        # two edits of "the"), and the first letter is kept, which makes matching far cheaper.
        allowed = min(
            MAX_FUZZY_EDITS, 0 if len(query.text) <= 2 else 1 if len(query.text) <= 5 else 2
        )
        if query.maxdist > allowed:
            notices.append(
                f"{query.text}~{query.maxdist}: at most {allowed} letter(s) may differ in a word "
                f"of {len(query.text)}; searched {query.text}~{allowed}"
            )
        query = FuzzyTerm(
            query.fieldname,
            query.text,
            boost=query.boost,
            maxdist=min(query.maxdist, allowed),
            prefixlength=max(query.prefixlength, 1),
        )
    if isinstance(query, Every) and query.fieldname not in (None, "", "*"):
        # "title:*" reads the posting list of every word of the field (Whoosh's own comment
        # calls it slow): the same bound as a wildcard.
        words = sum(1 for _ in islice(reader.lexicon(query.fieldname), MAX_EXPANSION + 1))
        if words > MAX_EXPANSION:
            raise QueryTooBroad(
                f"{query.fieldname}:* matches more than {MAX_EXPANSION:,} different words; "
                "search for words in that field instead"
            )
        return query
    if isinstance(query, MultiTerm):
        words = sum(1 for _ in islice(query.expanded_terms(reader), MAX_EXPANSION + 1))
        if words > MAX_EXPANSION:
            raise QueryTooBroad(
                f"{_shown_query(query)} matches more than {MAX_EXPANSION:,} different words; "
                "make it narrower (more letters before a *, a shorter range)"
            )
        return query
    return query.apply(lambda sub: _bounded(sub, reader, notices))


def _has_multiterm(query: Query) -> bool:
    if isinstance(query, (MultiTerm, Every)):
        return True
    return any(_has_multiterm(q) for q in query.children())


def _shown_query(query: Query) -> str:
    if isinstance(query, TermRange):
        return f"{query.fieldname}:[{query.start or ''} TO {query.end or ''}]"
    if isinstance(query, FuzzyTerm):
        return f"{query.text}~{query.maxdist}"
    text = getattr(query, "text", "")
    return f"{query.fieldname}:{text}" if query.fieldname not in DEFAULT_FIELDS else str(text)


def _fuzzy(query: Query) -> Query:
    if isinstance(query, Term) and query.fieldname in TEXT_FIELDS and isinstance(query.text, str):
        if not 3 <= len(query.text) <= MAX_CORRECTABLE or query.text.isdigit():
            return query
        return FuzzyTerm(
            query.fieldname,
            query.text,
            boost=query.boost,
            maxdist=1 if len(query.text) <= 5 else 2,
            prefixlength=1,
        )
    return query.apply(_fuzzy)


def _article_from_fields(fields: dict[str, Any]) -> Article:
    published = fields.get("published")
    return Article(
        id=fields["id"],
        path=fields.get("path", ""),
        title=fields.get("title") or fields["id"],
        outlet=fields.get("outlet") or None,
        published=(
            PublishedDate(published, bool(fields.get("published_has_time")))
            if isinstance(published, datetime)
            else None
        ),
        url=fields.get("url") or None,
        body=fields.get("body", ""),
        content_hash=fields.get("fingerprint", ""),
        notes=tuple(fields.get("notes") or ()),
    )


def _catalog_entry(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        "fingerprint": article.content_hash,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": published.value.isoformat() if published else None,
        "has_time": bool(published and published.has_time),
        "url": article.url,
        "words": article.words,
    }


def info_from_entry(article_id: str, entry: dict[str, Any]) -> ArticleInfo:
    published = entry.get("published")
    return ArticleInfo(
        id=article_id,
        path=str(entry.get("path", "")),
        title=str(entry.get("title") or article_id),
        outlet=entry.get("outlet"),
        published=(
            PublishedDate(datetime.fromisoformat(published), bool(entry.get("has_time")))
            if published
            else None
        ),
        url=entry.get("url"),
        words=int(entry.get("words") or 0),
        fingerprint=str(entry.get("fingerprint", "")),
    )


def _extraction_from_fields(fields: dict[str, Any]) -> Extraction:
    analysis = _analysis(fields)
    mentions = tuple(
        Mention(int(s), int(e), str(kind), str(text), str(key), ref)
        for s, e, kind, text, key, ref in analysis.get("mentions") or ()
    )
    aliases = tuple(Alias(str(a), str(b)) for a, b in analysis.get("aliases") or ())
    return Extraction(mentions, aliases)


def _analysis(fields: dict[str, Any]) -> dict[str, Any]:
    blob = fields.get("analysis")
    if not blob:
        return {}
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError):
        return {}  # unreadable analysis reads as none; a rebuild restores it
    return data if isinstance(data, dict) else {}


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


def _validate(index: Index) -> None:
    """Touch what a search will touch, so a damaged index fails here rather than mid-session."""
    with index.searcher() as searcher:
        # Sample the stored documents (first and last) rather than read them all: opening a
        # 50,000-article index must not unpickle every document.
        reader = searcher.reader()
        if reader.doc_count_all():
            for docnum in {0, reader.doc_count_all() - 1}:
                if not reader.is_deleted(docnum) and "id" not in reader.stored_fields(docnum):
                    raise ValueError("a stored article has no id")
        for fieldname in ("body", "spell"):
            for _ in zip(range(1), reader.lexicon(fieldname), strict=False):
                pass


def _recreate(
    storage: FileStorage, folder: Path, *, keep_valid: bool = False
) -> tuple[Index, bool]:
    """Empty the folder and create a fresh index, holding both locks so that no other process
    decides what to write or writes meanwhile. With ``keep_valid``, an index that opens cleanly
    under the locks is kept (its failure was a race with a commit). Returns (index, rebuilt)."""
    build_lock = storage.lock(BUILD_LOCK_NAME)
    _acquire(build_lock, WRITE_LOCK_TIMEOUT)
    try:
        lock = storage.lock(WRITE_LOCK_NAME)
        _acquire(lock, WRITE_LOCK_TIMEOUT)
        try:
            if keep_valid:
                opened = _open_valid(storage, attempts=1)
                if isinstance(opened, Index):
                    return opened, False
            for name in os.listdir(folder):
                if name in (WRITE_LOCK_NAME, BUILD_LOCK_NAME):
                    continue  # deleting a held lock's file would let a second holder in
                path = folder / name
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)  # a dead writer's spill folder
                elif path.exists() or path.is_symlink():
                    path.unlink()
            index = storage.create_index(build_schema())
            _write_stamp(folder)
            return index, True
        finally:
            lock.release()
    finally:
        build_lock.release()


def _acquire(lock: Any, timeout: float) -> None:
    """Take a file lock, waiting up to ``timeout`` seconds; LockBusy when another holds it."""
    deadline = time.monotonic() + timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise LockBusy("another kimreader process is updating this index")
        time.sleep(0.05)


def _open_read_only(folder: Path) -> IndexStore | None:
    if not folder.is_dir() or _read_stamp(folder) != SCHEMA_VERSION:
        return None
    storage = FileStorage(str(folder), readonly=True)
    opened = _open_valid(storage, attempts=2)
    return IndexStore(opened, folder, storage) if isinstance(opened, Index) else None


def _open_valid(storage: FileStorage, *, attempts: int = OPEN_ATTEMPTS) -> Index | Exception:
    """The index in ``storage`` if it opens and validates (trying again while a commit may be
    swapping its files), else the last error."""

    def attempt() -> Index:
        index = storage.open_index()
        _validate(index)
        return index

    try:
        return _retry_open(attempt, attempts=attempts)
    except Exception as exc:
        return exc


_T = TypeVar("_T")


def _retry_open(
    opener: Callable[[], _T],
    *,
    attempts: int = OPEN_ATTEMPTS,
    while_true: Callable[[], bool] = lambda: True,
) -> _T:
    """Run ``opener`` until it succeeds, a little longer apart each time (about 1.3 s in all),
    as long as ``while_true`` says a retry could help (a folder that is gone will not return)."""
    for attempt in range(1, attempts + 1):
        try:
            return opener()
        except Exception:
            if attempt == attempts or not while_true():
                raise
            time.sleep(0.005 * 2 ** min(attempt, 7))
    raise AssertionError("unreachable")


def _leftover_paths(folder: Path) -> list[Path]:
    """Files of writers that are gone: Whoosh's spill folder and half-written tables of contents,
    and kimreader's own temporary files whose process has exited."""
    found: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # removed meanwhile
        return found
    for entry in entries:
        name = entry.name
        if name == TEMP_FOLDER or re.fullmatch(r"_MAIN_\d+\.toc\..+", name):
            found.append(Path(entry.path))
            continue
        owner = re.fullmatch(r"\..+?\.(\d+)(?:-\w+)?\.tmp|\.write-probe-(\d+)", name)
        if owner is not None and not _running(int(owner.group(1) or owner.group(2))):
            found.append(Path(entry.path))
    return found


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _has_index_files(folder: Path) -> bool:
    return any(p.suffix in (".toc", ".seg") for p in folder.iterdir())


def _read_stamp(folder: Path) -> int | None:
    try:
        data = json.loads((folder / STAMP_NAME).read_text(encoding="utf-8"))
        return int(data["schema"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _write_stamp(folder: Path) -> None:
    write_atomically(folder / STAMP_NAME, json.dumps({"schema": SCHEMA_VERSION}))


def _check_writable(folder: Path) -> None:
    probe = folder / f".write-probe-{os.getpid()}"
    probe.write_bytes(b"")
    probe.unlink()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
