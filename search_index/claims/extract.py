"""Claims: the checkable statements of an article (a quantity or a date, what it is about,
and who says so), built from the entity mentions extraction already found.

Holds the pipeline: every mention read as a claim (sentence_claims.py), then the passes over
an article's claims that need more than one sentence (lists that share a verb, the day a figure
is about, descriptive modifiers, increments). ``Claim`` lives in claim.py."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from ..analysis_versions import CLAIMS_VERSION as _CLAIMS_VERSION
from ..metadata.dates import parse_published
from ..models import Article, Extraction, Mention
from ..text import fold
from .attribution import _inherited_attribution, _with_attribution
from .claim import Claim as Claim
from .claim import as_framed as as_framed
from .frames import Frame
from .sentence_claims import (
    _claim,
    _conversion_of,
    _coordinated,
    _latest_year_end,
    _Names,
    _Sentence,
)
from .sentences import sentence_spans
from .values import ORDINAL_AT, TIME_AT, DateValue
from .values.ordinals import noun_phrase
from .vocabulary import INCREMENT_WORDS

# Bumped in analysis_versions.py when claim extraction changes; named here for its readers.
CLAIMS_VERSION = _CLAIMS_VERSION


def extract_claims(article: Article, extraction: Extraction) -> list[Claim]:
    """Every quantity and date of the article as a claim, in text order."""
    text = article.text
    folded = fold(text)
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    anchor: date | None = article.published.value.date() if article.published else None
    event_anchor = anchor or _latest_year_end(extraction.mentions)
    names = _Names([m for m in extraction.mentions if m.type in ("PERSON", "ORG", "PLACE")])
    # What the claims of a sentence share is worked out once per sentence: a table row or a
    # list of figures can hold thousands of numbers in one "sentence".
    sentences: dict[int, _Sentence] = {}

    def sentence_at(index: int) -> _Sentence:
        if index not in sentences:
            sentences[index] = _Sentence(text, folded, spans[index], names, anchor, event_anchor)
        return sentences[index]

    claims: list[Claim] = []
    previous_attribution: dict[int, str | None] = {}
    body_start = article.body_start
    dates_by_sentence: dict[int, list[Mention]] = {}
    for mention in extraction.mentions:
        if mention.type == "DATE":
            index = bisect.bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.end <= spans[index][1]:
                dates_by_sentence.setdefault(index, []).append(mention)
    for mention in _with_times(extraction.mentions, folded):
        if mention.type not in ("QUANTITY", "DATE", "TIME"):
            continue
        if mention.start < body_start:
            continue  # a headline repeats the body's figures, less precisely
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        if mention.end > spans[index][1]:
            continue
        parts = _coordinated(mention)
        claim = _claim(
            article.id,
            sentence_at(index),
            parts[0][0] if parts else mention,
            anchor,
            dates_by_sentence.get(index, []),
            counted=parts[0][1] if parts else None,
        )
        if parts:
            # "2.9 and 2.2 aftershocks": two figures of one thing, two claims.
            second = _claim(
                article.id,
                sentence_at(index),
                parts[1][0],
                anchor,
                dates_by_sentence.get(index, []),
            )
            if claim is not None and second is not None:
                claims.append(claim)
                # The second figure is of the same thing as the first.
                quantity = second.quantity
                if quantity is not None and claim.frame is not None:
                    quantity = as_framed(quantity, claim.frame)
                claim = replace(
                    second,
                    frame=claim.frame,
                    topic=claim.topic,
                    quantity=quantity,
                    unit=quantity.unit if quantity is not None else second.unit,
                )
        if claim is None:
            continue
        if claims and _conversion_of(claims[-1], claim, folded):
            continue  # "1,150 kilometres (700 miles)": one figure, written in two units
        if claim.attribution is None:
            inherited = _inherited_attribution(index, sentence_at, previous_attribution)
            if inherited:
                claim = _with_attribution(claim, inherited)
        previous_attribution[index] = claim.attribution
        claims.append(claim)
    claims = _with_ordinals(claims, article, extraction, folded, sentence_at, spans, anchor)
    framed = _price_lists(_descriptive_modifiers(_increments(_lists(claims, folded))))
    return _dated(framed, anchor, undated_day=anchor is None and bool(_RELATIVE_DAY.search(folded)))


def _with_times(mentions: Sequence[Mention], folded: str) -> Sequence[Mention]:
    """The mentions with each time of day ("3:33 a.m.", "around 10 a.m.", "9.25 am") as one
    mention of type TIME, in place of the pieces the entity reader made of it ("9" and "25
    am"), in text order."""
    times = [
        Mention(m.start(), m.end(), "TIME", folded[m.start() : m.end()], "")
        for m in TIME_AT.finditer(folded)
    ]
    if not times:
        return mentions
    spans = [(t.start, t.end) for t in times]
    starts = [a for a, _ in spans]

    def inside_a_time(m: Mention) -> bool:
        at = bisect.bisect_right(starts, m.end - 1) - 1
        return at >= 0 and spans[at][1] > m.start

    kept = [m for m in mentions if m.type not in ("QUANTITY", "DATE") or not inside_a_time(m)]
    return sorted([*kept, *times], key=lambda m: m.start)


def _with_ordinals(
    claims: list[Claim],
    article: Article,
    extraction: Extraction,
    folded: str,
    sentence_at: Callable[[int], _Sentence],
    spans: list[tuple[int, int]],
    anchor: date | None,
) -> list[Claim]:
    """The claims with the ordinals of the body ("stopped Thompson in the sixth round", "the
    fifth anti-piracy operation") added, in text order: which one of a series a thing is, as
    checkable as a count. Not inside a name or another figure ("Fifth Avenue", "May 5th")."""
    taken = sorted((m.start, m.end) for m in extraction.mentions)
    starts = [a for a, _ in taken]
    found: list[Claim] = []
    for index, (s_start, s_end) in enumerate(spans):
        if s_end <= article.body_start:
            continue
        for match in ORDINAL_AT.finditer(folded, max(s_start, article.body_start), s_end):
            start, end = match.span("n")
            phrase = noun_phrase(match["rest"])
            if not phrase[:1].islower():
                continue  # "Fifth Avenue"; "the second of"
            near = bisect.bisect_right(starts, end) - 1
            if near >= 0 and taken[near][1] > start:
                continue
            mention = Mention(start, end, "ORDINAL", folded[start:end], "")
            claim = _claim(article.id, sentence_at(index), mention, anchor, counted=phrase)
            if claim is not None:
                found.append(claim)
    if not found:
        return claims
    return sorted([*claims, *found], key=lambda c: c.value_start)


# A report with no date of its own that tells of "tonight" or "yesterday" is about a day we
# cannot name (with a date, these words are read as that day's date claims).
_RELATIVE_DAY = re.compile(
    r"\b(?:tonight|today|yesterday|last night|this (?:morning|afternoon|evening))\b", re.IGNORECASE
)
# Stands in ``Frame.days`` for such a day: it is none of the weekdays another report names.
UNNAMED_DAY = "unnamed"


_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def _list_glue(previous: Claim, between: str) -> bool:
    """Whether ``between`` joins two items of a list: a comma or "and", after the rest of the
    first item's phrase when its span stopped short ("Six AK| 47 rifles, 12 magazines")."""
    if _LIST_GLUE.match(between) is not None:
        return True
    rest = _LIST_REST.match(between)
    counted = previous.frame.counted_text if previous.frame is not None else None
    return rest is not None and counted is not None and rest["noun"].lower() == counted.lower()


# The rest of a list item's phrase, ending in its counted noun, then the list's glue.
_LIST_REST = re.compile(r"^[\w -]{0,20}?\b(?P<noun>[A-Za-z]+)\s*,\s*(?:and\s+|or\s+)?$")


def _lists(claims: list[Claim], folded: str) -> list[Claim]:
    """ "Six AK-47 rifles, 12 magazines and 300 rounds were seized": the figures of a list
    share the verb said once for all of them."""
    result = list(claims)
    groups: list[list[int]] = []
    for index, claim in enumerate(claims):
        previous = claims[index - 1] if index else None
        joined = (
            previous is not None
            and previous.start == claim.start
            and previous.kind == claim.kind == "quantity"
            and _list_glue(previous, folded[previous.value_end : claim.value_start])
        )
        if joined and groups:
            groups[-1].append(index)
        else:
            groups.append([index])
    for group in groups:
        if len(group) < 2:
            continue
        frames = [claims[i].frame for i in group]
        roles = {frame.role for frame in frames if frame is not None and frame.role}
        if len(roles) != 1:
            continue
        (role,) = roles
        for i in group:
            frame = claims[i].frame
            if frame is not None and frame.role is None and frame.slot == "count":
                result[i] = _reframed(claims[i], frame, role=role)
    return result


def _dated(claims: list[Claim], published: date | None, undated_day: bool = False) -> list[Claim]:
    """Give each quantity the day it is about: a date in its sentence for the same happening
    ("46 were arrested Wednesday night"), else the publication date as the latest it can be
    about. Two nights of protest, one arrest on Monday and 46 on Wednesday, are then two
    figures, and a report cannot be contradicted by what happened after it was written."""
    dates_by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.date is not None and claim.date.granularity in ("day", "week", "weekday"):
            if parse_published(claim.sentence) is not None:
                # "Edited time: March 13, 2013 02:15": when the report was written or
                # changed, not a day the story tells of.
                continue
            dates_by_sentence.setdefault(claim.start, []).append(claim)
    named = (c.date for found in dates_by_sentence.values() for c in found)
    days = tuple(sorted({_weekday(d) for d in named if d and d.granularity in ("day", "weekday")}))
    if not days and undated_day:
        days = (UNNAMED_DAY,)
    result = []
    for claim in claims:
        frame = claim.frame
        if claim.quantity is None or frame is None or frame.background:
            result.append(claim)
            continue
        if days:
            frame = replace(frame, days=days)
            claim = replace(claim, frame=frame)
        bound = [
            d
            for d in dates_by_sentence.get(claim.start, ())
            if d.frame is not None and frame.role and frame.role in (d.frame.role or "").split()
        ]
        if not bound and frame.role:
            # "a second protest the next night; and another on Wednesday night, after which
            # ... there were 46 arrests": the last day named before the figure in its sentence.
            earlier = dates_by_sentence.get(claim.start, ())
            bound = [d for d in earlier if d.value_end <= claim.value_start][-1:]
            if (
                not bound
                and len(earlier) == 1
                and _BOUND_AFTER.match(
                    claim.sentence[
                        claim.value_end - claim.start : earlier[0].value_start - claim.start
                    ]
                )
            ):
                # "86 arrests over the course of Saturday's protests": the one day the
                # sentence names, right after the figure's phrase (not "three people, killing
                # one, at a ... firm from which he was fired last week").
                bound = list(earlier)
        if len(bound) == 1 and bound[0].date is not None:
            day = bound[0].date
            # A weekday with no publication date to place it keeps its name.
            when = (
                (f"weekday:{day.value}", f"weekday:{day.value}")
                if day.granularity == "weekday"
                else (day.start.isoformat(), day.end.isoformat())
            )
            claim = _reframed(claim, frame, when=when, dated=True)
        elif published is not None:
            claim = _reframed(claim, frame, when=(date.min.isoformat(), published.isoformat()))
        result.append(claim)
    return result


# What may stand between a figure and a day that dates it: a few words, no clause break.
_BOUND_AFTER = re.compile(r"^(?![^,;:()]*\b(?:which|who|that|when|after|before)\b)[^,;:()]{0,40}$")


def _weekday(day: DateValue) -> str:
    """The weekday of a day or a weekday ("wednesday")."""
    return day.value if day.granularity == "weekday" else day.start.strftime("%A").lower()


def _descriptive_modifiers(claims: list[Claim]) -> list[Claim]:
    """A modifier narrows what is counted only when the article also counts the thing
    without it: "1,000 engineer troops" beside "more than 10,000 troops" is a part, while
    "two undersea cables" in an article that never counts plain "cables" only describes."""
    plain = {
        (c.frame.slot, c.frame.counted, c.frame.event)
        for c in claims
        if c.frame is not None and c.frame.counted and not c.frame.kind
    }
    result = []
    for claim in claims:
        frame = claim.frame
        if (
            frame is not None
            and frame.kind
            and frame.counted
            and not any(k.startswith("per ") for k in frame.kind)
            and (frame.slot, frame.counted, frame.event) not in plain
        ):
            claim = _reframed(claim, frame, kind=())
        result.append(claim)
    return result


def _price_lists(claims: list[Claim]) -> list[Claim]:
    """ "The 13-inch model comes in $1,199 and $1,499 versions; the 15-inch model is offered in
    $1,799 and $2,199 versions": several different sums of one kind in one sentence are the
    prices of several things, and which is which the frame cannot tell. Each is marked
    ``several``: it may agree with another report's sum, never contradict it."""
    # By sentence, whatever the role read: in "costs $1199, while the 15-inch will sell for
    # $1499" only the first sum has its verb beside it.
    groups: dict[int, list[int]] = {}
    for index, claim in enumerate(claims):
        frame = claim.frame
        if frame is not None and frame.slot == "money" and not frame.background:
            groups.setdefault(claim.start, []).append(index)
    result = list(claims)
    for members in groups.values():
        if len({claims[i].value for i in members}) < 2:
            continue
        for i in members:
            frame = claims[i].frame
            if frame is not None:
                result[i] = replace(claims[i], frame=replace(frame, several=True))
    return result


def _reframed(claim: Claim, frame: Frame, **changes: object) -> Claim:
    """The claim with its frame changed, and the topic that names the new frame."""
    frame = replace(frame, **changes)  # type: ignore[arg-type]
    return replace(claim, frame=frame, topic=frame.label)


_INCREMENT = frozenset(INCREMENT_WORDS)
# "14,000 troops, of whom over 6,000 are reported killed": of a whole counted in another
# role, the figure is the whole count of its own role.
_SUBSET_OF = re.compile(r"\b(?:of whom|of them|of those|among them)\s+(?:\w+\s+){0,2}$")


def _lead(claim: Claim) -> str:
    """The sentence up to the claim's value, lower-cased."""
    return claim.sentence[: claim.value_start - claim.start].lower()


def _increments(claims: list[Claim]) -> list[Claim]:
    """ "Two people were killed and another 23 were injured": "another" adds a new kind of
    figure to the story, it is not a part of the 23 injured. It is a part (an increment)
    only when the figure before it has the same role."""
    result: list[Claim] = []
    previous: Claim | None = None
    for claim in claims:
        frame = claim.frame
        if (
            frame is not None
            and frame.part
            and frame.role
            and claim.quantity is not None
            and (claim.quantity.hedge in _INCREMENT or _SUBSET_OF.search(_lead(claim)))
        ):
            before = previous.frame if previous is not None else None
            if before is None or before.role != frame.role:
                claim = _reframed(claim, frame, part=False)
        result.append(claim)
        if claim.kind == "quantity":
            previous = claim
    return result
