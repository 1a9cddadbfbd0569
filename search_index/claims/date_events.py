"""What happened on a date: the event words bound to it ("construction began",
"arrested early Sunday"), read from the verbs and event nouns next to the date."""

from __future__ import annotations

from .context import words
from .counted import _PAST_VERBS
from .vocabulary import (
    DATE_EVENTS,
    DATE_ROLES,
    EVENT_NOUNS,
    ROLE_OF,
)


def _date_events(before: str, after: str, reach: int = 4) -> str | None:
    """What happened on a date: the event words of its clause ("construction began",
    "arrested"), as space-separated concepts, or ``None``."""
    found: list[str] = []
    words_before, words_after = words(before), words(after)
    # The verb that governs a date is the first word before it past prepositions and
    # adverbs ("arrested early Sunday"), or right after it; a verb further off governs
    # something else ("tests given when Williams was arrested were released Wednesday").
    governing = [w for w in words_before[-4:] if w not in _DATE_GLUE][-1:]
    near = {*governing, *words_after[:1]}
    wide = [*words_before[-8:], *words_after[:reach]]
    following = dict(zip(wide, [*wide[1:], ""], strict=False))
    # Only verbs right at a date bind to it ("was killed on Sunday", "began in October"); a
    # noun such as "murder" in "questioned on suspicion of murder yesterday" does not say what
    # happened then. Nouns that name an event ("construction", "election") may stand further
    # off, unless they only qualify another noun ("the construction site").
    for word in wide:
        role = ROLE_OF.get(word)
        verb = (word.endswith("ed") or word in _PAST_VERBS) and word in near
        event = role if role in DATE_ROLES and verb else None
        if event is None and word in DATE_EVENTS:
            if word in EVENT_NOUNS:
                if following.get(word) not in _NOUN_HEADS:
                    event = DATE_EVENTS[word]
            elif word in near:
                event = DATE_EVENTS[word]
        if event and event not in found:
            found.append(event)
    return " ".join(sorted(found)) or None


_DATE_GLUE = frozenset(
    "on in at by of the early late last this next until since from during around about "
    "before after".split()
)
# Nouns an event noun may only qualify: "the construction site", "election officials".
_NOUN_HEADS = frozenset(
    "site sites worker workers work crew crews company firm equipment zone project officials "
    "official campaign results result day".split()
)
