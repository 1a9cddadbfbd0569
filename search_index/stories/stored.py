"""The story state kept in one SQLite file beside the index: a row per article, story, term and
pin, read on first use and written back only where it changed (issue 18).

Why not one JSON document: at 10,000 articles the state is tens of megabytes (every article's
weighted terms), and reading and rewriting it whole took seconds for one added article whose
assignment takes milliseconds. Here adding an article reads the rows it touches (its terms, the
stories that share its rarest terms) and writes back those rows in one transaction.

A whole new state (the corpus clustered afresh) is written to a temporary file renamed over the
old one: a reader never sees half of it, and a corrupt file is simply replaced.

Each story's listing (its name, dates, members) is kept in its own small table, so listing the
stories reads neither centroids nor vectors.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .lazy import LazyTable
from .state import Changes, Doc, Story, StoryEntry, StoryState

__all__ = [
    "STATE_FILE",
    "SavedStories",
    "StoryFileError",
    "story_from_json",
    "story_json",
    "write_whole",
]

STATE_FILE = "kimreader-stories.sqlite"
# How long to wait for another process's write to the same file before giving up saving.
LOCK_TIMEOUT = 5.0

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE fingerprints (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE docs (
    id TEXT PRIMARY KEY, story TEXT NOT NULL, title TEXT NOT NULL, published TEXT,
    outlet TEXT, vector TEXT NOT NULL
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY, members TEXT NOT NULL, norm REAL NOT NULL, first TEXT, last TEXT,
    centroid TEXT NOT NULL
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


def story_json(story: Story) -> dict[str, Any]:
    """A story as JSON (the CLI prints the same shape)."""
    return {
        "id": story.id,
        "name": story.name,
        "headline": story.headline,
        "entities": list(story.entities),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "articles": list(story.members),
        "outlets": list(story.outlets),
    }


def story_from_json(data: Mapping[str, Any]) -> Story:
    return Story(
        id=str(data["id"]),
        name=str(data["name"]),
        headline=str(data["headline"]),
        entities=tuple(map(str, data["entities"])),
        first=_day(data["first"]),
        last=_day(data["last"]),
        members=tuple(map(str, data["articles"])),
        outlets=tuple(map(str, data["outlets"])),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _vector_json(vector: Mapping[str, float]) -> str:
    # Six decimals, as the JSON state kept them: far below what tells stories apart.
    return _dumps({t: round(w, 6) for t, w in vector.items()})


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit: transactions are begun and ended explicitly, around what must be one step.
    connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None)
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


class SavedStories:
    """An open story file of the wanted version. Raises StoryFileError when the file is there
    but is no SQLite database or is damaged; ``open`` returns None when there is none (or one of
    another version, which is as good as none)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._meta = {str(k): str(v) for k, v in self._rows("SELECT key, value FROM meta")}

    @classmethod
    def open(cls, folder: Path, version: str) -> SavedStories | None:
        path = folder / STATE_FILE
        if not path.is_file():
            return None
        try:
            saved = cls(_connect(path), path)
        except sqlite3.Error as exc:
            raise StoryFileError(f"the saved stories ({path}) cannot be read: {exc}") from exc
        if saved._meta.get("version") != version:
            saved.close()
            return None
        return saved

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> SavedStories:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, *args: object) -> list[Any]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoryFileError(f"the saved stories ({self.path}) cannot be read: {exc}") from exc

    # -- what a listing needs ------------------------------------------------------------------

    def fingerprints(self) -> dict[str, str]:
        """The fingerprint of every article the state was brought up to date with."""
        return dict(self._rows("SELECT id, fingerprint FROM fingerprints"))

    def corrections(self) -> str:
        """The hand corrections (kimreader.toml's [stories], as JSON) last applied."""
        return self._meta.get("corrections", "")

    def listing(self) -> dict[str, Story]:
        """Every story as a reader sees it, by id."""
        try:
            return {
                sid: story_from_json(json.loads(text))
                for sid, text in self._rows("SELECT id, story FROM listing")
            }
        except (ValueError, KeyError, TypeError) as exc:
            raise self._damaged(exc) from exc

    # -- the state, for assigning ----------------------------------------------------------------

    def begin(self) -> bool:
        """Start the one transaction that reads what changes and writes it back, so that two
        processes never both assign the same article; False if the file cannot be written to
        (then the state can still be read, not saved)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return False
        return True

    def state(self) -> StoryState:
        """The state, its rows read as the engine asks for them."""
        try:
            threshold = float(self._meta["threshold"])
            docs = int(self._meta["docs"])
            stories = int(self._meta["stories"])
        except (KeyError, ValueError) as exc:
            raise self._damaged(exc) from exc
        state = StoryState(threshold=threshold)
        state.docs = LazyTable(self._doc, lambda: self._keys("docs", "id"), lambda: docs)
        state.stories = LazyTable(self._story, lambda: self._keys("stories", "id"), lambda: stories)
        state.doc_freq = LazyTable(
            lambda term: self._one("SELECT n FROM doc_freq WHERE term = ?", term),
            lambda: self._keys("doc_freq", "term"),
            lambda: self._count("SELECT COUNT(*) FROM doc_freq"),
        )
        state.postings = LazyTable(
            self._posting,
            lambda: self._keys("postings", "DISTINCT term"),
            lambda: self._count("SELECT COUNT(DISTINCT term) FROM postings"),
        )
        state.surfaces = LazyTable(
            lambda term: self._one("SELECT surface FROM surfaces WHERE term = ?", term),
            lambda: self._keys("surfaces", "term"),
            lambda: self._count("SELECT COUNT(*) FROM surfaces"),
        )
        # Pins are few (written by hand) and all of them are looked at: read them at once.
        state.pinned = dict(self._rows("SELECT id, story FROM pinned"))
        return state

    def _one(self, sql: str, key: str) -> Any:
        rows = self._rows(sql, key)
        return rows[0][0] if rows else None

    def _count(self, sql: str) -> int:
        return int(self._rows(sql)[0][0])

    def _keys(self, table: str, column: str) -> Iterator[str]:
        return (row[0] for row in self._rows(f"SELECT {column} FROM {table}"))

    def _doc(self, doc_id: str) -> Doc | None:
        rows = self._rows(
            "SELECT story, title, published, outlet, vector FROM docs WHERE id = ?", doc_id
        )
        if not rows:
            return None
        story, title, published, outlet, vector = rows[0]
        try:
            return Doc(
                vector=dict(json.loads(vector)),
                title=str(title),
                published=_day(published),
                outlet=outlet,
                story=str(story),
            )
        except (ValueError, TypeError) as exc:
            raise self._damaged(exc) from exc

    def _story(self, story_id: str) -> StoryEntry | None:
        rows = self._rows(
            "SELECT members, norm, first, last, centroid FROM stories WHERE id = ?", story_id
        )
        if not rows:
            return None
        members, norm, first, last, centroid = rows[0]
        try:
            return StoryEntry(
                members=list(json.loads(members)),
                centroid=dict(json.loads(centroid)),
                norm=float(norm),
                first=_day(first),
                last=_day(last),
            )
        except (ValueError, TypeError) as exc:
            raise self._damaged(exc) from exc

    def _posting(self, term: str) -> Counter[str] | None:
        rows = self._rows("SELECT story, n FROM postings WHERE term = ?", term)
        return Counter(dict(rows)) if rows else None

    def _damaged(self, exc: Exception) -> StoryFileError:
        return StoryFileError(f"the saved stories ({self.path}) are damaged: {exc}")

    def save_changes(
        self,
        state: StoryState,
        named: Mapping[str, Story],
        fingerprints: Mapping[str, str],
        gone: Iterable[str],
        corrections: str,
    ) -> None:
        """Write back what ``state.changes`` lists, the listing of the stories in ``named``
        (named again because they changed), the fingerprints of the articles assigned and
        removed, and commit the transaction ``begin`` started. Raises StoryFileError, having
        written nothing."""
        try:
            _write_rows(self._db, state, state.changes, named)
            self._db.executemany("DELETE FROM fingerprints WHERE id = ?", ((i,) for i in gone))
            self._db.executemany(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?)", fingerprints.items()
            )
            _write_meta(self._db, state, corrections)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise StoryFileError(f"cannot save the stories in {self.path}: {exc}") from exc


def _write_meta(db: sqlite3.Connection, state: StoryState, corrections: str) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("threshold", repr(state.threshold)),
            ("docs", str(len(state.docs))),
            ("stories", str(len(state.stories))),
            ("corrections", corrections),
        ],
    )


def _write_rows(
    db: sqlite3.Connection,
    state: StoryState,
    changes: Changes,
    named: Mapping[str, Story],
) -> None:
    """Replace (or delete, when gone from the state) the rows of the keys ``changes`` lists."""
    docs = [(doc_id, state.docs.get(doc_id)) for doc_id in changes.docs]
    db.executemany("DELETE FROM docs WHERE id = ?", [(i,) for i, doc in docs if doc is None])
    db.executemany(
        "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?)",
        (
            (i, doc.story, doc.title, _iso(doc.published), doc.outlet, _vector_json(doc.vector))
            for i, doc in docs
            if doc is not None
        ),
    )
    kept = [(story_id, state.stories.get(story_id)) for story_id in changes.stories]
    gone = [(story_id,) for story_id, story in kept if story is None]
    db.executemany("DELETE FROM stories WHERE id = ?", gone)
    db.executemany("DELETE FROM listing WHERE id = ?", gone)
    db.executemany(
        "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                story_id,
                _dumps(story.members),
                story.norm,
                _iso(story.first),
                _iso(story.last),
                _vector_json(story.centroid),
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
            _write_rows(db, state, everything, named)
            db.executemany("INSERT INTO fingerprints VALUES (?, ?)", fingerprints.items())
            _write_meta(db, state, corrections)
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
