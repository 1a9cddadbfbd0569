"""Writing to the index: opening a writer, the session that stores articles, and the codec.

A writer is Whoosh's own (one process) or its multi-process MpWriter (a first build), made to
fail loudly and never to outlive this process; both write with _Codec, Whoosh's codec without
its per-posting length lookups. IndexStore.writing wraps a session in the locks and the commit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import threading
import time
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3Segment
from whoosh.fields import Schema
from whoosh.index import Index, LockError
from whoosh.multiproc import MpWriter, SubWriterTask

from ..files import os_reason
from ..models import Article, Extraction
from .catalog import _catalog_entry
from .documents import _document_fields
from .errors import IndexUnavailable, LockBusy
from .maintenance import _lock_timeout
from .postings import _RAW_LENGTH, _column_lengths


def _open_writer(index: Index, *, bulk: bool, procs: int, timeout: float | None) -> Any:
    """A writer on ``index``: Whoosh's multi-process one when ``bulk`` (it only adds), else its
    own. Raises LockBusy when another process holds the index for longer than ``timeout``
    (``WRITE_LOCK_TIMEOUT`` when not given, read at call time so it can be tuned)."""
    timeout = _lock_timeout(timeout)
    # compound=False: Whoosh opens a compound segment by copying each of its files out of
    # the mmap into a BytesIO, so every searcher (one per thread) held a private copy of
    # the postings: ~100 MB each at 10,000 articles. Plain files are read where they lie.
    try:
        if bulk:
            return _MpWriter(
                index,
                procs=procs,
                multisegment=True,
                limitmb=128,
                timeout=timeout,
                compound=False,
                codec=_Codec(),
            )
        return index.writer(timeout=timeout, compound=False, codec=_Codec())
    except LockError as exc:
        raise LockBusy("another kimreader process is updating this index") from exc
    except Exception as exc:  # the folder vanished or cannot be written
        raise IndexUnavailable(f"writing failed: {os_reason(exc)}") from exc


class IndexWriterSession:
    """The changes of one commit: articles stored (``put``) and removed (``delete``), with the
    catalog entries they change (``added``, ``deleted``)."""

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
        add = self._writer.add_document if self._add_only else self._writer.update_document
        try:
            add(**_document_fields(article, extraction, claims))
        except OSError as exc:  # a writer spills to disk as it goes
            raise IndexUnavailable(f"writing failed: {os_reason(exc)}") from exc
        self.added[article.id] = _catalog_entry(article)
        self.count += 1

    def delete(self, article_id: str) -> None:
        if self._add_only:
            raise ValueError("a bulk session only adds documents")
        try:
            self._writer.delete_by_term("id", article_id)
        except OSError as exc:
            raise IndexUnavailable(f"writing failed: {os_reason(exc)}") from exc
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
        # Whoosh names segments with the global ``random``, which a program using this library
        # may seed (tests do, for every example): two runs seeded alike would give a new
        # segment the files of one the index still holds. Names from the OS's randomness.
        return W3Segment(W3Codec(), indexname, segid=_segment_id())


def _segment_id(size: int = 16) -> str:
    """A segment name as Whoosh makes them (16 of [0-9a-z]), drawn from ``secrets``."""
    return "".join(secrets.choice(_SEGMENT_CHARS) for _ in range(size))


_SEGMENT_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"


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
