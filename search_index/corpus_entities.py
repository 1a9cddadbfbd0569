"""The corpus's entity table as the library serves it: merged once per index version (or read
back from beside the index), shared by every thread, and for one article only that article's
entities when the whole table is not loaded yet.

Merging takes seconds at 10,000 articles and the app asks from several worker threads at once
(the entity panel, a ``person:`` search): one lock, one merge. ``kimreader show`` needs the
entities of one article: they come from the node file saved beside the table
(entities/saved_table.py) instead of the whole table, a second at scale.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .index import SearchEngine
from .models import NAME_TYPES, Entity, Extraction

if TYPE_CHECKING:
    from .entities.merge import EntityTable

Node = tuple[str, str]


class CorpusEntities:
    """The merged entities of one index, cached until the index changes (``forget``)."""

    def __init__(self, store: SearchEngine) -> None:
        self._store = store
        self._table: EntityTable | None = None
        self._lock = threading.Lock()

    def forget(self) -> None:
        """The index changed: merge again when next asked."""
        self._table = None

    def table(self) -> EntityTable:
        table = self._table
        if table is not None:
            return table
        with self._lock:
            if self._table is None:
                self._table = self._load_or_merge()
            return self._table

    def of_extraction(self, extraction: Extraction) -> dict[Node, Entity]:
        """The entity behind each mention of one article, by the mention's (type, key)."""
        nodes = [(m.type, m.key) for m in extraction.mentions]
        found = self._saved_entities_of(nodes) if self._table is None else None
        if found is None:
            table = self.table()
            found = {(m.type, m.key): e for m in extraction.mentions if (e := table.entity_of(m))}
        return found

    def members(self, kind: str, name: str) -> list[Node]:
        """Every (type, key) merged into the entity a typed name refers to: what an entity
        field search expands to."""
        table = self.table()
        entity = table.find(name, kind) or table.find(name)
        if entity is None:
            return []
        return [(t, k) for t, k in entity.members if t in NAME_TYPES]

    def _load_or_merge(self) -> EntityTable:
        from .entities.gazetteer import load_gazetteer
        from .entities.merge import merge_entities
        from .entities.saved_table import load_table, save_table, table_key

        folder = self._store.folder
        key = table_key(self._store.version())
        table = load_table(folder, key) if folder is not None else None
        if table is None:
            gazetteer = load_gazetteer()

            def usual_name(place_id: str) -> str | None:
                names = gazetteer.names_of(place_id)  # the canonical name comes first
                return names[0] if names else None

            table = merge_entities(self._store.extractions(), usual_name)
            if folder is not None:
                save_table(folder, key, table)
        return table

    def _saved_entities_of(self, nodes: list[Node]) -> dict[Node, Entity] | None:
        from .entities.saved_table import load_entities_of, table_key

        folder = self._store.folder
        if folder is None:
            return None
        return load_entities_of(folder, table_key(self._store.version()), nodes)
