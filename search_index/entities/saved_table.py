"""The corpus-wide entity table, saved beside the index it was merged from.

Merging every mention of every article takes seconds at scale (7 s at 10,000 articles, 45 s
at 50,000) and was redone in each session, on the first ``person:`` query or entity panel.
The table only changes when the index does, so it is saved as JSON under the index's version
and read back (a fraction of a second) until the index moves on. A table that is missing, for
another index version or damaged is simply merged again: it is a cache.

Reading the whole table still costs about a second at 10,000 articles, which ``kimreader show``
paid to name the entities of one article. So the same rows are also saved as a small SQLite
file keyed by mention node, from which one article's entities are read without the rest.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..files import write_atomically
from ..models import Entity
from .merge import EntityTable

FILE_NAME = "kimreader-entities.json"
NODES_NAME = "kimreader-entity-nodes.sqlite"
# Part of the key: a change to how mentions are merged makes saved tables stale.
TABLE_VERSION = "4"  # 3: the node file beside the table; 4: family names join people only


def table_key(index_version: str) -> str:
    return f"{TABLE_VERSION}:{index_version}"


def save_table(folder: Path, key: str, table: EntityTable) -> None:
    """Write the table atomically; a folder that cannot be written only costs the cache."""
    rows = [
        [e.id, e.name, e.type, list(e.variants), list(e.sources), e.mentions, sorted(e.members)]
        for e in table.entities
    ]
    with contextlib.suppress(OSError):
        write_atomically(
            folder / FILE_NAME, json.dumps({"key": key, "entities": rows}, ensure_ascii=False)
        )
        write_atomically(folder / NODES_NAME, _nodes_database(key, rows))


def _nodes_database(key: str, rows: list[list[Any]]) -> bytes:
    # Built in memory and written in one piece like every other cache file: a reader never
    # meets a half-written database, and no journal file is left beside it.
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE TABLE meta (key TEXT NOT NULL)")
        db.execute("CREATE TABLE entities (row INTEGER PRIMARY KEY, data TEXT NOT NULL)")
        db.execute(
            "CREATE TABLE nodes (type TEXT, key TEXT, row INTEGER, PRIMARY KEY (type, key))"
            " WITHOUT ROWID"
        )
        db.execute("INSERT INTO meta VALUES (?)", (key,))
        db.executemany(
            "INSERT INTO entities VALUES (?, ?)",
            ((i, json.dumps(row, ensure_ascii=False)) for i, row in enumerate(rows)),
        )
        db.executemany(
            "INSERT OR IGNORE INTO nodes VALUES (?, ?, ?)",
            ((t, k, i) for i, row in enumerate(rows) for t, k in row[6]),
        )
        db.commit()
        return db.serialize()
    finally:
        db.close()


def load_entities_of(
    folder: Path, key: str, nodes: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Entity] | None:
    """The entities behind ``nodes`` (a mention's (type, key)), read from the saved table
    without loading the rest of it; None when no table is saved under ``key``. A node no
    entity holds is left out."""
    path = folder / NODES_NAME
    if not path.is_file():
        return None
    try:
        # Read-only and immutable: the file is only ever replaced whole, never changed in place.
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        saved = db.execute("SELECT key FROM meta").fetchone()
        if saved is None or saved[0] != key:
            return None
        found: dict[tuple[str, str], Entity] = {}
        by_row: dict[int, Entity] = {}
        for node in dict.fromkeys(nodes):
            hit = db.execute(
                "SELECT n.row, e.data FROM nodes n JOIN entities e ON e.row = n.row"
                " WHERE n.type = ? AND n.key = ?",
                node,
            ).fetchone()
            if hit is None:
                continue
            row, data = hit
            if row not in by_row:
                by_row[row] = _entity(json.loads(data))
            found[node] = by_row[row]
        return found
    except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None
    finally:
        db.close()


def load_table(folder: Path, key: str) -> EntityTable | None:
    """The table saved under ``key``, or None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return _table(data["entities"])
    # Whatever is wrong with a cache file (missing, truncated, edited by hand, nested deeper
    # than json can recurse) means the same thing: merge again.
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None


def _entity(row: list[Any]) -> Entity:
    entity_id, name, kind, variants, sources, mentions, members = row
    return Entity(
        id=str(entity_id),
        name=str(name),
        type=str(kind),
        variants=tuple(map(str, variants)),
        sources=tuple(map(str, sources)),
        mentions=int(mentions),
        members=frozenset((str(t), str(k)) for t, k in members),
    )


def _table(rows: list[list[Any]]) -> EntityTable:
    table = EntityTable([])
    for row in rows:
        entity = _entity(row)
        table.entities.append(entity)
        for node in entity.members:
            table._by_node[node] = entity
    return table
