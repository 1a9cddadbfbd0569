"""Writing the story file (see stored.py): its tables, the rows of what an update changed, and a
whole new file in one step."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .listing import story_json
from .state import Changes, Story, StoryState

__all__ = ["STATE_FILE", "StoryFileError", "write_meta", "write_rows", "write_whole"]

STATE_FILE = "kimreader-stories.sqlite"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE fingerprints (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE docs (
    id TEXT PRIMARY KEY, story TEXT NOT NULL, title TEXT NOT NULL, published TEXT,
    outlet TEXT, vector TEXT NOT NULL, retained REAL NOT NULL
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY, members TEXT NOT NULL, norm REAL NOT NULL, first TEXT, last TEXT,
    centroid TEXT NOT NULL, retained REAL NOT NULL
);
CREATE TABLE listing (id TEXT PRIMARY KEY, story TEXT NOT NULL);
CREATE TABLE doc_freq (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE postings (
    term TEXT NOT NULL, story TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (term, story)
) WITHOUT ROWID;
CREATE TABLE surfaces (term TEXT PRIMARY KEY, surface TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pinned (id TEXT PRIMARY KEY, story TEXT NOT NULL) WITHOUT ROWID;
"""


class StoryFileError(Exception):
    """The saved stories cannot be read or written; the message says which file and why."""


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _vector_json(vector: Mapping[str, float]) -> str:
    # Six decimals, as the JSON state kept them: far below what tells stories apart.
    return _dumps({t: round(w, 6) for t, w in vector.items()})


def write_meta(db: sqlite3.Connection, state: StoryState, corrections: str) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("threshold", repr(state.threshold)),
            ("docs", str(len(state.docs))),
            ("stories", str(len(state.stories))),
            ("corrections", corrections),
        ],
    )


def write_rows(
    db: sqlite3.Connection,
    state: StoryState,
    changes: Changes,
    named: Mapping[str, Story],
) -> None:
    """Replace (or delete, when gone from the state) the rows of the keys ``changes`` lists."""
    docs = [(doc_id, state.docs.get(doc_id)) for doc_id in changes.docs]
    db.executemany("DELETE FROM docs WHERE id = ?", [(i,) for i, doc in docs if doc is None])
    db.executemany(
        "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                i,
                doc.story,
                doc.title,
                _iso(doc.published),
                doc.outlet,
                _vector_json(doc.vector),
                doc.retained,
            )
            for i, doc in docs
            if doc is not None
        ),
    )
    kept = [(story_id, state.stories.get(story_id)) for story_id in changes.stories]
    gone = [(story_id,) for story_id, story in kept if story is None]
    db.executemany("DELETE FROM stories WHERE id = ?", gone)
    db.executemany("DELETE FROM listing WHERE id = ?", gone)
    db.executemany(
        "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                story_id,
                _dumps(story.members),
                story.norm,
                _iso(story.first),
                _iso(story.last),
                _vector_json(story.centroid),
                story.retained,
            )
            for story_id, story in kept
            if story is not None
        ),
    )
    db.executemany(
        "INSERT OR REPLACE INTO listing VALUES (?, ?)",
        (
            (story_id, _dumps(story_json(named[story_id])))
            for story_id, story in kept
            if story is not None
        ),
    )
    counts = [(term, state.doc_freq.get(term)) for term in changes.doc_freq]
    db.executemany("DELETE FROM doc_freq WHERE term = ?", [(t,) for t, n in counts if n is None])
    db.executemany(
        "INSERT OR REPLACE INTO doc_freq VALUES (?, ?)", [(t, n) for t, n in counts if n]
    )
    db.executemany("DELETE FROM postings WHERE term = ?", [(t,) for t in changes.postings])
    db.executemany(
        "INSERT INTO postings VALUES (?, ?, ?)",
        (
            (term, story_id, n)
            for term in changes.postings
            for story_id, n in (state.postings.get(term) or {}).items()
            if n > 0
        ),
    )
    db.executemany(
        "INSERT OR REPLACE INTO surfaces VALUES (?, ?)",
        (
            (term, surface)
            for term in changes.surfaces
            if (surface := state.surfaces.get(term)) is not None
        ),
    )
    pins = [(doc_id, state.pinned.get(doc_id)) for doc_id in changes.pinned]
    db.executemany("DELETE FROM pinned WHERE id = ?", [(i,) for i, pin in pins if pin is None])
    db.executemany(
        "INSERT OR REPLACE INTO pinned VALUES (?, ?)", [(i, pin) for i, pin in pins if pin]
    )


def write_whole(
    folder: Path,
    version: str,
    state: StoryState,
    named: Mapping[str, Story],
    fingerprints: Mapping[str, str],
    corrections: str,
) -> None:
    """Write a whole state (and the listing of every story, ``named``) as the folder's story
    file, replacing any file there in one step. Raises StoryFileError, leaving the old file."""
    path = folder / STATE_FILE
    try:
        # Named like kimreader's other temporary files, so the index's cleaner removes the
        # leftovers of a process that died writing it.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{STATE_FILE}.{os.getpid()}-", suffix=".tmp", dir=folder
        )
        os.close(fd)
    except OSError as exc:
        raise StoryFileError(f"cannot save the stories in {folder}: {exc}") from exc
    try:
        db = sqlite3.connect(tmp_name, isolation_level=None)
        try:
            # A file nobody reads until it is renamed into place needs no journal.
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.executescript(_SCHEMA)
            db.execute("BEGIN")
            db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
            everything = _everything(state)
            write_rows(db, state, everything, named)
            db.executemany("INSERT INTO fingerprints VALUES (?, ?)", fingerprints.items())
            write_meta(db, state, corrections)
            db.execute("COMMIT")
        finally:
            db.close()
        os.replace(tmp_name, path)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StoryFileError(f"cannot save the stories in {folder}: {exc}") from exc


def _everything(state: StoryState) -> Changes:
    return Changes(
        docs=set(state.docs),
        stories=set(state.stories),
        doc_freq=set(state.doc_freq),
        postings=set(state.postings),
        surfaces=set(state.surfaces),
        pinned=set(state.pinned),
    )
