"""Keeping an index folder usable: locks, schema stamps, validation, leftovers, recreation.

Two locks guard a folder: Whoosh's own write lock (WRITE_LOCK_NAME), held while a writer is
open, and kimreader's build lock (BUILD_LOCK_NAME), held from reading what the index holds until
the write is committed. Lock waits read WRITE_LOCK_TIMEOUT here, at call time (see
_lock_timeout), so one assignment tunes every wait.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index

from ..files import write_atomically
from . import schema
from .errors import LockBusy
from .schema import build_schema

STAMP_NAME = "kimreader-index.json"
WRITE_LOCK_NAME = "MAIN_WRITELOCK"  # the name Whoosh's own writer locks
# Held by a process from reading what the index holds until its write is committed, so that two
# processes never both decide to add the same articles (Whoosh's own lock covers only a write).
BUILD_LOCK_NAME = "KIMREADER_BUILDLOCK"
WRITE_LOCK_TIMEOUT = 15.0
# A reader opening the index while another process commits can find the table of contents it
# read pointing at segment files the commit has just removed: that is a race, not damage, and
# opening again a moment later reads the new table.
OPEN_ATTEMPTS = 8
TEMP_FOLDER = "MAIN.tmp"  # where Whoosh's writers spill runs and job files (see _leftover_paths)


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


def _lock_timeout(timeout: float | None) -> float:
    """``timeout``, or WRITE_LOCK_TIMEOUT when not given (read now, so that it can be tuned)."""
    return WRITE_LOCK_TIMEOUT if timeout is None else timeout


def _acquire(lock: Any, timeout: float | None = None) -> None:
    """Take a file lock, waiting up to ``timeout`` seconds (WRITE_LOCK_TIMEOUT when not given);
    LockBusy when another holds it."""
    deadline = time.monotonic() + _lock_timeout(timeout)
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise LockBusy("another kimreader process is updating this index")
        time.sleep(0.05)


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


def _clean_leftovers(index: Index, storage: Any, folder: Path) -> None:
    """Remove what killed or failed writers left: spill folders, uncommitted segments,
    half-written tables of contents and catalogs. Only called under the build lock, and
    only when Whoosh's lock is free too (a writer from an older kimreader may hold it)."""
    lock = storage.lock(WRITE_LOCK_NAME)
    try:
        if not lock.acquire(blocking=False):
            return
    except OSError:  # the folder is gone or unwritable: nothing to clean there
        return
    try:
        with contextlib.suppress(Exception), index.reader() as reader:
            # What the last commit refers to stays; other segment files are a dead writer's.
            segments = [
                leaf.segment() for leaf, _ in reader.leaf_readers() if hasattr(leaf, "segment")
            ]
            whoosh_index.clean_files(storage, index.indexname, reader.generation(), segments)
        for path in _leftover_paths(folder):
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
    finally:
        with contextlib.suppress(Exception):
            lock.release()


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
    write_atomically(folder / STAMP_NAME, json.dumps({"schema": schema.SCHEMA_VERSION}))


def _check_writable(folder: Path) -> None:
    probe = folder / f".write-probe-{os.getpid()}"
    probe.write_bytes(b"")
    probe.unlink()
