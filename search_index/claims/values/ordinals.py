"""Reading an ordinal ("sixth round", "6th round", "fifth anti-piracy operation"): which one
of a series a thing is. A checkable figure as much as a count ("stopped in the sixth round"),
but never a count of anything."""

from __future__ import annotations

import re

from .quantities import _counted
from .types import QuantityValue

_WORDS = (
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_WORDS = {word: n for n, word in enumerate(_WORDS, start=2)}

_NUMBER = r"(?P<n>" + "|".join(_WORDS) + r"|(?:[2-9]|[1-9]\d{1,2})(?:st|nd|rd|th)|1st)"
# An ordinal and the lower-case words after it, up to a clause break: "sixth round to
# retain" ("Fifth Avenue", "the Second World War" are names). "first" is left out: it mostly
# means "initial" ("the first time", "first reported"), not a place in a counted series.
ORDINAL_AT = re.compile(
    r"\b" + _NUMBER + r"(?:-|\s+)(?P<rest>[a-z][a-z'\u2019-]*(?:\s+[a-z][a-z'\u2019-]*){0,3})",
    re.IGNORECASE,
)
_ALONE = re.compile(_NUMBER + r"$", re.IGNORECASE)


# Where the noun phrase after an ordinal ends: a function word or a participle ("the fifth
# anti-piracy operation carried out by", "the sixth round to retain").
_PHRASE_END = frozenset(
    "to of in on at by for with from into and or but nor that which who whom as after before "
    "since than the a an his her its their is was were are be been has have had will would "
    "can could".split()
)


def noun_phrase(rest: str) -> str:
    """The words after an ordinal up to where its noun phrase ends."""
    kept: list[str] = []
    for word in rest.split():
        bare = word.lower()
        if bare in _PHRASE_END or (kept and bare.endswith("ed")):
            break
        kept.append(word)
    return " ".join(kept)


def parse_ordinal(text: str, counted: str | None = None) -> QuantityValue | None:
    """ "sixth" (and what it numbers, ``counted``: "round") -> 6 of unit "ordinal"; ``None``
    if the text is not an ordinal."""
    match = _ALONE.match(text.strip())
    if match is None:
        return None
    word = match["n"].lower()
    number = ORDINAL_WORDS.get(word)
    if number is None:
        number = int(re.sub(r"\D", "", word))
    figure = float(number)
    return QuantityValue(
        low=figure,
        high=figure,
        figure=figure,
        value=str(number),
        unit="ordinal",
        dimension="ordinal",
        hedge=None,
        counted=_counted(counted) if counted else None,
    )
