"""What frames read about a figure's sentence: the ``Context``, and the words near a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Context:
    """Everything about the sentence a frame needs, in folded, lower-cased text."""

    text: str
    """The sentence, folded and lower-cased (same length as the original)."""
    clause: tuple[int, int]
    """The value's clause, as offsets into ``text``."""
    people: tuple[tuple[int, int, str], ...]
    """PERSON mentions: (start, end, "key|name") in sentence offsets."""
    places: tuple[tuple[int, int, str], ...]
    """PLACE mentions: (start, end, key) in sentence offsets."""
    dates: tuple[tuple[int, int, date], ...]
    """Dates read in the sentence: (start, end, last day of the period)."""
    anchor: date | None
    """The article's publication date, or the end of the latest year it mentions."""
    dated: bool = False
    """Whether ``anchor`` is the publication date (then a date weeks before it is news)."""
    parties: tuple[tuple[int, int, str], ...] = ()
    unmasked: str = ""
    """The sentence folded and lower-cased with its names kept: a word the entity reader took
    into a name ("Including EDS' net debt") is still read where it matters."""
    """PERSON and ORG mentions: (start, end, name as written) in sentence offsets."""


# Characters either side of a figure that its frame is read from.
WINDOW = 160


# A word in folded text (letters, then letters, digits, apostrophes and inner hyphens).
_WORD = re.compile(r"[a-z][a-z'\u2019]*(?:-[a-z]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)
