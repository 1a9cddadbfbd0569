"""Where a figure applies: a place or a sub-national unit that narrows it ("in the
province", "in five villages", "65% of traffic to India"), or a running total over
several events ("in their five operations so far")."""

from __future__ import annotations

import re

from .context import WINDOW, Context, words
from .vocabulary import (
    SCOPE_NOUNS,
    noun_concept,
)

# A place qualifier right after the counted phrase: "in the province", "in five villages".
_SCOPE_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?(?:in|across|on|at|throughout)\s+(?P<words>[^,;.()]{1,60})"
)
# Only a total over several named events: "so far" alone is as often a running toll of this
# one ("have so far counted 326 homes damaged").
_CUMULATIVE = re.compile(
    r"\b(?:in|during|over|across|from) (?:their |its |the |all )?(?:\w+ )?(?:operations|"
    r"missions|raids|attacks|incidents|games|matches|seasons|patrols|tournaments)\b|"
    r"\bso far this (?:year|season|month)\b|\bcumulative(?:ly)?\b"
)
_SO_FAR_OPENING = re.compile(r"\s*so far,[^;]*\b(?:has|have)\b")
_OVER_SEVERAL = re.compile(
    r"\b(?:over|in|during|across|throughout)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+"
    r"(?:nights|days|weeks|months)\s+(?:of|in a row|running)\b"
)
_PEAK = re.compile(r"\bat (?:one|some|its|the) (?:point|peak|height)\b|\bpeak(?:ed|ing)? at\b")
_PLACE_PHRASE = re.compile(
    r"^(?:\s*[a-z'-]+){0,4}?\s+(?:in|to|with|from|across|throughout)\s+(?:the\s+)?$"
)
# "Fires in the Centro region have burned ...": the scope stated before the figure.
_SCOPE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?P<words>[^,;.()]{1,50})$")


# "Including EDS' net debt, HP values the acquisition at $13.9 billion", "$103.1 million
# --including the $51.1 million posting fee": a sum that says what it includes (or leaves out)
# is another reckoning than a sum that does not.
_INCLUSIVE_OPENING = re.compile(r"\s*(?:including|excluding|not including)\b")
_INCLUSIVE_AFTER = re.compile(
    r"^[^,;.()]{0,25}?\b(?:including|excluding|not including|inclusive of)\b"
)
INCLUSIVE = "inclusive"


def inclusive(context: Context, end: int) -> bool:
    """Whether the sum ending at ``end`` is said to include or leave out something."""
    return (
        _INCLUSIVE_OPENING.match(context.unmasked or context.text) is not None
        or _INCLUSIVE_AFTER.match(context.text[end : end + 60]) is not None
    )


def _scope(context: Context, start: int, end: int, after: str) -> tuple[str, ...]:
    """Where the figure applies, when its clause narrows it: a sub-national unit named right
    after the counted phrase ("in the district", "in five villages"), or the places named in
    its clause."""
    found: list[str] = []
    c_start = context.clause[0]
    before = context.text[max(c_start, start - WINDOW) : start]
    for phrase in (_SCOPE_AFTER.match(after[:80]), _SCOPE_BEFORE.search(before[-80:])):
        if phrase is None:
            continue
        for word in words(phrase.group("words"))[:5]:
            if noun_concept(word) in SCOPE_NOUNS:
                found.append(noun_concept(word))
                break
    # "So far, the navy has confiscated 14 rifles": a running total over several events,
    # never the count of one of them.
    # Up to two windows back ("In their five operations so far, the personnel ... have
    # confiscated 14 rifles, 31 magazines and 923 rounds"), bounded so that a sentence of
    # thousands of figures stays linear.
    # "over 50 arrests have been made over four nights of protesting": a total over several
    # days or nights is a running total, never one night's count; said after the figure, in
    # its clause.
    earlier = context.text[max(0, start - 2 * WINDOW) : start]
    later = context.text[end : min(context.clause[1], end + WINDOW)]
    # A sentence opening "So far, ... has/have confiscated": the perfect tense over the whole
    # sentence tells a running total ("have so far counted 326 homes" inside a clause stays
    # this event's toll).
    so_far = _SO_FAR_OPENING.match(context.text[:start]) is not None
    if _CUMULATIVE.search(earlier) or _OVER_SEVERAL.search(later) or so_far:
        found.append("cumulative")
    # "at one point as much as 55 percent of voice traffic in Saudi Arabia, 52 percent in
    # Egypt, and 82 percent in India": a peak, not the level; said once for a whole list.
    if _PEAK.search(context.text[max(0, start - WINDOW) : start]):
        found.append("peak")
    # A place right after the figure's noun phrase ("55 percent of voice traffic in [Saudi
    # Arabia]", "65% of traffic to [India]") says where the figure applies. Places further
    # off are as often the setting as a part of the whole: saying less is the safer reading.
    for p_start, _, key in context.places:
        if end <= p_start <= end + 50 and _PLACE_PHRASE.search(context.text[end:p_start]):
            found.append(key)
            break
    return tuple(sorted(set(found)))
