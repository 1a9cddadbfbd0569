"""A mapping whose values are read one key at a time, on first use, from somewhere slower.

Why: assigning one article touches a few hundred of a 10,000-article state's rows (its terms'
document frequencies, the stories that share its rarest terms); reading the rest would cost
seconds. The mapping remembers what it read, what was set and what was deleted; writing the
changes back is the caller's (see ``StoryState.changes``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import TypeVar

__all__ = ["LazyTable"]

V = TypeVar("V")


class LazyTable(MutableMapping[str, V]):
    """``load(key)`` gives a key's stored value or None; ``keys_of()`` every stored key (only
    iterating the whole table calls it); ``count()`` how many keys are stored (only ``len``
    calls it, once)."""

    def __init__(
        self,
        load: Callable[[str], V | None],
        keys_of: Callable[[], Iterable[str]],
        count: Callable[[], int],
    ) -> None:
        self._load = load
        self._keys_of = keys_of
        self._counted = count
        self._count: int | None = None
        self._values: dict[str, V] = {}
        self._absent: set[str] = set()

    def _find(self, key: str) -> V | None:
        value = self._values.get(key)
        if value is not None or key in self._absent:
            return value
        value = self._load(key)
        if value is None:
            self._absent.add(key)
        else:
            self._values[key] = value
        return value

    def __getitem__(self, key: str) -> V:
        value = self._find(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __setitem__(self, key: str, value: V) -> None:
        if self._find(key) is None:
            self._count = self._stored_count() + 1
            self._absent.discard(key)
        self._values[key] = value

    def __delitem__(self, key: str) -> None:
        if self._find(key) is None:
            raise KeyError(key)
        del self._values[key]
        self._absent.add(key)
        self._count = self._stored_count() - 1

    def __len__(self) -> int:
        return self._stored_count()

    def _stored_count(self) -> int:
        # Counted on first use, then kept up to date: counting a large table is a scan.
        if self._count is None:
            self._count = self._counted()
        return self._count

    def __iter__(self) -> Iterator[str]:
        # Stored keys first, then those added since; never one deleted since.
        seen: set[str] = set()
        for key in self._keys_of():
            if key not in self._absent:
                seen.add(key)
                yield key
        for key in list(self._values):
            if key not in seen:
                yield key
