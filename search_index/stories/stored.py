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
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .lazy import LazyTable
from .listing import day_from_iso, story_from_json, story_json
from .state import Doc, Story, StoryEntry, StoryState
from .stored_rows import STATE_FILE, StoryFileError, write_meta, write_rows, write_whole

__all__ = [
    "STATE_FILE",
    "SavedStories",
    "StoryFileError",
    "story_from_json",
    "story_json",
    "write_whole",
]

# How long to wait for another process's write to the same file before giving up saving.
LOCK_TIMEOUT = 5.0


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

    def begin(self) -> None:
        """Start the one transaction that reads what changes and writes it back, so that two
        processes never both assign the same article. Raises StoryFileError when the file is
        locked past ``LOCK_TIMEOUT`` or cannot be written to: the state can still be read, and
        ``save_changes`` must not be called."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoryFileError(f"cannot save the stories in {self.path}: {exc}") from exc

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
            "SELECT story, title, published, outlet, vector, retained FROM docs WHERE id = ?",
            doc_id,
        )
        if not rows:
            return None
        story, title, published, outlet, vector, retained = rows[0]
        try:
            return Doc(
                vector=dict(json.loads(vector)),
                title=str(title),
                published=day_from_iso(published),
                outlet=outlet,
                story=str(story),
                retained=float(retained),
            )
        except (ValueError, TypeError) as exc:
            raise self._damaged(exc) from exc

    def _story(self, story_id: str) -> StoryEntry | None:
        rows = self._rows(
            "SELECT members, norm, first, last, centroid, retained FROM stories WHERE id = ?",
            story_id,
        )
        if not rows:
            return None
        members, norm, first, last, centroid, retained = rows[0]
        try:
            return StoryEntry(
                members=list(json.loads(members)),
                centroid=dict(json.loads(centroid)),
                norm=float(norm),
                first=day_from_iso(first),
                last=day_from_iso(last),
                retained=float(retained),
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
            write_rows(self._db, state, state.changes, named)
            self._db.executemany("DELETE FROM fingerprints WHERE id = ?", ((i,) for i in gone))
            self._db.executemany(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?)", fingerprints.items()
            )
            write_meta(self._db, state, corrections)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise StoryFileError(f"cannot save the stories in {self.path}: {exc}") from exc
