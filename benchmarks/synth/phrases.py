"""Phrase pools shared by every kind of story: openers, attributions, fillers, US spelling.

The words are in ``data/phrases.json``; this module gives them names and builds the
per-kind section pools (the kind's own templates plus its family's).
"""

from __future__ import annotations

import re

from .events import EventSpec, family_of
from .resources import load

_PHRASES = load("phrases")
_FAMILY_CONTEXT: dict[str, tuple[str, ...]] = _PHRASES["family_context"]
# Templates that can take an opener ("Meanwhile, the ...") without a capitalised name losing
# its capital letter.
OPENABLE: tuple[str, ...] = _PHRASES["openable"]
OPENERS: tuple[str, ...] = _PHRASES["openers"]
# Spoken lead-ins put in front of a quote that starts with one of these words ("Right now, we").
LOWERABLE = frozenset(_PHRASES["lowerable"])
QUOTE_LEADS: tuple[str, ...] = _PHRASES["quote_leads"]
WITNESS_LEADS: tuple[str, ...] = _PHRASES["witness_leads"]
SAID: tuple[str, ...] = _PHRASES["said"]
PREV_TIME: tuple[str, ...] = _PHRASES["prev_time"]
NEXT_REL: tuple[str, ...] = _PHRASES["next_rel"]
SOON: tuple[str, ...] = _PHRASES["soon"]
SAID_WITNESS: tuple[str, ...] = _PHRASES["said_witness"]
_GENERIC_FILLER: tuple[str, ...] = _PHRASES["generic_filler"]
_FAMILY_FILLER: dict[str, tuple[str, ...]] = _PHRASES["family_filler"]

# American spelling for American outlets (the templates are written in British spelling).
US_SPELLING: dict[str, str] = _PHRASES["us_spelling"]
US_RE = re.compile(r"\b(" + "|".join(sorted(US_SPELLING, key=len, reverse=True)) + r")\b")
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# Words a title-case headline leaves in lower case.
SMALL_WORDS = frozenset(_PHRASES["small_words"])


_POOL_CACHE: dict[str, dict[str, tuple[str, ...]]] = {}


def section_pools(spec: EventSpec) -> dict[str, tuple[str, ...]]:
    """The sentence templates of each section of a story of this kind."""
    if spec.kind not in _POOL_CACHE:
        family = family_of(spec)
        _POOL_CACHE[spec.kind] = {
            "lead": spec.lead,
            "detail": spec.detail,
            "impact": spec.impact,
            "response": spec.response,
            "context": spec.context + _FAMILY_CONTEXT[family],
            "reaction": spec.reaction,
            "outlook": spec.outlook,
            "filler": _GENERIC_FILLER + _FAMILY_FILLER[family],
        }
    return _POOL_CACHE[spec.kind]
