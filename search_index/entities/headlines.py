"""People a Title Case headline names and the sentences below call by surname alone.

In a headline capitals prove nothing, so its names are found by matching what the sentences
established (known.py). A report that writes "Lindsay Lohan Checks Into Betty Ford Clinic"
above sentences that say only "Lohan" establishes neither: the first and last name together,
one in the headline and one alone in the sentences, are the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from ..text import name_key
from .lexicon import FUNCTION_WORDS
from .places import PlaceRules
from .tokens import _join, _joined, _name_word, _Token

Found = dict[tuple[int, int], tuple[str, str | None]]


def headline_people(
    tokens: list[_Token], folded: str, found: Found, common: set[str], places: PlaceRules
) -> Iterable[tuple[tuple[int, int], tuple[str, str | None]]]:
    """A title line opening with one or two name words and then a word the sentences write
    alone, as a surname, names that person ("Arcade Joseph Comeaux" above "Comeaux, 49,
    took the officers' weapons")."""
    openers = [
        t
        for t in tokens
        if t.in_title_line and (t.index == 0 or tokens[t.index - 1].line != t.line)
    ]
    if not openers:
        return
    taken: set[str] | None = None
    alone: set[str] | None = None
    for first in openers:
        line = tokens[first.index : first.index + 4]
        for end in (1, 2):
            if end >= len(line) or line[end].line != first.line:
                break
            piece = line[: end + 1]
            if not all(
                _name_word(t) and t.lower not in common and t.lower not in FUNCTION_WORDS
                for t in piece
            ) or not all(_joined(a, b) for a, b in pairwise(piece)):
                break
            if alone is None:  # one pass, for an article whose headline may hold a name
                alone = _lone_words(tokens, found)
            last = piece[-1].core
            if (
                last in alone
                and not any(t.core in alone for t in piece[:-1])
                and places.place(last) is None
            ):
                surface = _join(piece)
                if taken is None:
                    taken = {name_key(folded[s:e]) for s, e in found}
                if name_key(surface) not in taken and places.place(surface) is None:
                    yield (piece[0].start, piece[-1].core_end), ("PERSON", None)
                break


def _lone_words(tokens: list[_Token], found: Found) -> set[str]:
    """Capitalised words the sentences write alone (no capitalised neighbour) that no rule
    typed: candidates for a surname (a gazetteer place is ruled out for the one asked about)."""
    starts = {s for s, _ in found}
    alone: set[str] = set()
    for t in tokens:
        if t.in_title_line or t.start in starts or t.lower in FUNCTION_WORDS or not _name_word(t):
            continue
        before = tokens[t.index - 1] if t.index else None
        after = tokens[t.index + 1] if t.index + 1 < len(tokens) else None
        if (before is not None and before.capitalised and _joined(before, t)) or (
            after is not None and after.capitalised and _joined(t, after)
        ):
            continue
        alone.add(t.core)
    return alone
