"""Who an article credits with a statement: "according to X", "X said", "said X",
"citing X", a generic source ("police said"), or the source of the sentence before
("the same report")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import Mention
from .claim import Claim

if TYPE_CHECKING:
    from .sentence_claims import _Sentence

_ATTRIBUTION_VERBS = (
    r"said|says|say|reported|reports|report|told|tells|estimated|estimates|estimate|"
    r"announced|announces|confirmed|confirms|claimed|claims|stated|states|wrote|writes"
)
_ACCORDING_TO = re.compile(r"\baccording to (?:the )?([^,.;:]{2,60})", re.IGNORECASE)
_CITING = re.compile(r"\bciting (?:the )?([^,.;:]{2,60})", re.IGNORECASE)
_INHERITS = re.compile(
    r"\b(?:the same (?:report|source|agency|outlet)|the report|the agency|it said|it added|"
    r"they said|those sources|the sources)\b",
    re.IGNORECASE,
)
_GENERIC_SOURCES = re.compile(
    r"\b(?:state media|state television|officials?|intelligence(?: reports| officials| services)?|"
    r"police|authorities|analysts|sources|witnesses|the ministry|the government|the military|"
    r"the army|rescuers|the agency|the report)\b",
    re.IGNORECASE,
)


def _attribution(sentence: str, inside: list[Mention], offset: int) -> str | None:
    """The source a sentence credits: "according to X", "X said", "said X", "citing X"."""
    match = _ACCORDING_TO.search(sentence)
    if match:
        return _source_phrase(match, inside, offset)
    for mention in inside:
        if mention.type not in ("ORG", "PERSON"):
            continue
        local_start, local_end = mention.start - offset, mention.end - offset
        after = sentence[local_end : local_end + 24]
        before = sentence[max(0, local_start - 20) : local_start]
        if re.match(rf"(?:'s)?\s+(?:also\s+)?(?:{_ATTRIBUTION_VERBS})\b", after) or re.search(
            rf"\b(?:{_ATTRIBUTION_VERBS})\s+(?:the\s+)?$", before
        ):
            return mention.text
    generic = re.search(
        rf"({_GENERIC_SOURCES.pattern})\s+(?:{_ATTRIBUTION_VERBS})\b", sentence, re.IGNORECASE
    )
    if generic:
        return generic.group(1).lower()
    match = _CITING.search(sentence)
    return _source_phrase(match, inside, offset) if match else None


def _source_phrase(match: re.Match[str], inside: list[Mention], offset: int) -> str:
    named = _name_in(inside, offset + match.start(1), offset + match.end(1))
    if named:
        return named
    generic = _GENERIC_SOURCES.search(match.group(1))
    return generic.group().lower() if generic else match.group(1).strip().lower()


def _name_in(inside: list[Mention], start: int, end: int) -> str | None:
    for mention in inside:
        if start <= mention.start and mention.end <= end and mention.type in ("ORG", "PERSON"):
            return mention.text
    return None


def _inherited_attribution(
    index: int,
    sentence_at: Callable[[int], _Sentence],
    previous: dict[int, str | None],
) -> str | None:
    """ "The same report cited ...": the source named in the sentence before."""
    if index == 0 or not sentence_at(index).inherits:
        return None
    if previous.get(index - 1):
        return previous[index - 1]
    return sentence_at(index - 1).attribution


def _with_attribution(claim: Claim, attribution: str) -> Claim:
    return replace(claim, attribution=attribution)
