"""The corpus-wide entity table, saved beside the index it was merged from.

Merging every mention of every article takes seconds at scale (7 s at 10,000 articles, 45 s
at 50,000) and was redone in each session, on the first ``person:`` query or entity panel.
The table only changes when the index does, so it is saved as JSON under the index's version
and read back (a fraction of a second) until the index moves on. A table that is missing, for
another index version or damaged is simply merged again: it is a cache.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from ..files import write_atomically
from ..models import Entity
from .merge import EntityTable

FILE_NAME = "kimreader-entities.json"
# Part of the key: a change to how mentions are merged makes saved tables stale.
TABLE_VERSION = "2"


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


def _table(rows: list[list[Any]]) -> EntityTable:
    table = EntityTable([])
    for entity_id, name, kind, variants, sources, mentions, members in rows:
        entity = Entity(
            id=str(entity_id),
            name=str(name),
            type=str(kind),
            variants=tuple(map(str, variants)),
            sources=tuple(map(str, sources)),
            mentions=int(mentions),
            members=frozenset((str(t), str(k)) for t, k in members),
        )
        table.entities.append(entity)
        for node in entity.members:
            table._by_node[node] = entity
    return table
