"""Claims: the checkable statements of an article (a quantity or a date, what it is about,
and who says so), built from the entity mentions extraction already found."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import pairwise

from ..models import Article, Extraction, Mention
from ..text import fold
from .context import Context
from .frames import Frame, date_frame, frame_of
from .sentences import concept, content_words, is_stop_word, sentence_spans, word_spans
from .values import DateValue, QuantityValue, parse_date, parse_quantity
from .vocabulary import INCREMENT_WORDS

# Bump when claim extraction changes, so every article is analysed again.
CLAIMS_VERSION = "17"

# Clause boundaries inside a sentence: a number's subject rarely crosses them.
_CLAUSE = re.compile(r"[;:|()\u2013\u2014]|,(?=\s)| - | and (?=another|a further)")
_WINDOW = 6  # content words either side of the value that describe it
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


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement: a value, the sentence it sits in, what it is about."""

    article_id: str
    kind: str
    """"quantity" or "date"."""
    sentence: str
    start: int
    end: int
    """The sentence's span in ``Article.text``."""
    value_start: int
    value_end: int
    value_text: str
    value: str
    """Canonical: "11000", "6.1", "2-3", "2025-10", "2026-01-25"."""
    hedge: str | None
    unit: str | None
    subject: tuple[str, ...]
    """Concepts of the words that say what is counted or dated ("troops", "sent", ...)."""
    topic: str
    """A short human label for the subject ("troops sent", "construction began")."""
    attribution: str | None
    """Who the article credits with the statement ("Reuters", "state media"), if anyone."""
    places: tuple[str, ...]
    entities: tuple[str, ...]
    quantity: QuantityValue | None = None
    date: DateValue | None = None
    frame: Frame | None = None
    """What the figure counts or measures, in what role, for which event and scope."""


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
    for mention in extraction.mentions:
        if mention.type not in ("QUANTITY", "DATE"):
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
    return _dated(_descriptive_modifiers(_increments(_lists(claims, folded))), anchor)


_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


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
            and _LIST_GLUE.match(folded[previous.value_end : claim.value_start]) is not None
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


def _dated(claims: list[Claim], published: date | None) -> list[Claim]:
    """Give each quantity the day it is about: a date in its sentence for the same happening
    ("46 were arrested Wednesday night"), else the publication date as the latest it can be
    about. Two nights of protest, one arrest on Monday and 46 on Wednesday, are then two
    figures, and a report cannot be contradicted by what happened after it was written."""
    dates_by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.date is not None and claim.date.granularity in ("day", "week", "weekday"):
            dates_by_sentence.setdefault(claim.start, []).append(claim)
    result = []
    for claim in claims:
        frame = claim.frame
        if claim.quantity is None or frame is None or frame.background:
            result.append(claim)
            continue
        bound = [
            d
            for d in dates_by_sentence.get(claim.start, ())
            if d.frame is not None and frame.role and frame.role in (d.frame.role or "").split()
        ]
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


class _Names:
    """The article's names, found by offset with bisection rather than a scan per sentence."""

    def __init__(self, names: list[Mention]) -> None:
        self.names = names
        self.order = sorted(range(len(names)), key=lambda i: names[i].start)
        self.starts = [names[i].start for i in self.order]

    def inside(self, start: int, end: int) -> list[Mention]:
        """The names within ``[start, end)``, in the extraction's order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end + 1)
        chosen = sorted(i for i in self.order[lo:hi] if self.names[i].end <= end)
        return [self.names[i] for i in chosen]


class _Clause:
    """A clause's words with their offsets, so that the words either side of any value in it
    are found by bisection."""

    def __init__(self, masked: str, offset: int, start: int, end: int) -> None:
        self.masked = masked
        self.offset = offset
        self.words = word_spans(masked, start - offset, end - offset)
        self.word_starts = [a for a, _, _ in self.words]
        self.content = [(a, b, concept(w)) for a, b, w in self.words if not is_stop_word(w)]
        self.content_starts = [a for a, _, _ in self.content]
        self.content_ends = [b for _, b, _ in self.content]

    def _cut_word(self, local: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self.word_starts, local) - 1
        if index >= 0 and self.words[index][0] < local < self.words[index][1]:
            return self.words[index][0], self.words[index][1]
        return None

    def before(self, at: int) -> list[str]:
        """The last content words before ``at`` (a word cut by ``at`` counts its first part)."""
        local = at - self.offset
        count = bisect.bisect_right(self.content_ends, local)
        words = [c for _, _, c in self.content[max(0, count - _WINDOW) : count]]
        cut = self._cut_word(local)
        if cut is not None:
            words += content_words(self.masked[cut[0] : local])
        return words[-_WINDOW:]

    def after(self, at: int) -> list[str]:
        """The first content words from ``at`` on (a word cut by ``at`` counts its last part)."""
        local = at - self.offset
        cut = self._cut_word(local)
        words = content_words(self.masked[local : cut[1]]) if cut is not None else []
        first = bisect.bisect_left(self.content_starts, local)
        words += [c for _, _, c in self.content[first : first + _WINDOW]]
        return words[:_WINDOW]

    def concepts(self) -> list[str]:
        return [c for _, _, c in self.content]


class _Sentence:
    """What every claim of one sentence shares; ``masked`` is its folded text with the names
    of people and places blanked, from ``start`` on."""

    def __init__(
        self,
        text: str,
        folded: str,
        span: tuple[int, int],
        names: _Names,
        anchor: date | None = None,
        event_anchor: date | None = None,
    ) -> None:
        self.start, self.end = span
        self.folded = folded
        self.text = text[self.start : self.end]
        self.inside = names.inside(self.start, self.end)
        self.anchor = anchor
        self.event_anchor = event_anchor
        self.places = tuple(sorted({m.key for m in self.inside if m.type == "PLACE"}))
        self.entities = tuple(sorted({m.key for m in self.inside}))
        # Names say who and where, which the entity overlap already weighs; a subject made of
        # "Kim" and "North Korea" would tie every claim of the story together.
        pieces: list[str] = []
        cursor = self.start
        for name in sorted(self.inside, key=lambda m: m.start):
            if name.type == "ORG" or name.end <= cursor:
                continue  # "the Memorial Museum" says what, not who
            pieces.append(folded[cursor : max(cursor, name.start)])
            pieces.append(" " * (name.end - max(cursor, name.start)))
            cursor = name.end
        pieces.append(folded[cursor : self.end])
        self.masked = "".join(pieces)
        self.clauses = [
            (a + self.start, b + self.start) for a, b in _clauses(self.masked, 0, len(self.masked))
        ]
        self.clause_starts = [a for a, _ in self.clauses]
        self._clause_words: dict[int, _Clause] = {}

    def clause(self, index: int) -> _Clause:
        if index not in self._clause_words:
            self._clause_words[index] = _Clause(self.masked, self.start, *self.clauses[index])
        return self._clause_words[index]

    def clause_index(self, offset: int) -> int:
        index = bisect.bisect_right(self.clause_starts, offset) - 1
        if index >= 0 and offset < self.clauses[index][1]:
            return index
        return len(self.clauses) - 1

    @cached_property
    def lowered(self) -> str:
        """The folded sentence in lower case, offset for offset, with the names of people,
        places and organisations blanked: frames read the words that bind to a figure, and
        "two cables in the Mediterranean suffered severe damage" binds "damage" to "two"."""
        sentence = self.folded[self.start : self.end]
        lowered = sentence.lower()
        if len(lowered) != len(sentence):  # "İ" lowers to two characters
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
        pieces: list[str] = []
        cursor = 0
        for name in sorted(self.inside, key=lambda m: m.start):
            start, end = name.start - self.start, name.end - self.start
            if start < cursor:
                continue
            pieces.append(lowered[cursor:start])
            pieces.append(" " * (end - start))
            cursor = end
        pieces.append(lowered[cursor:])
        return "".join(pieces)

    @cached_property
    def _names(self) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
        people = tuple(
            (m.start - self.start, m.end - self.start, f"{m.key}|{m.text}")
            for m in self.inside
            if m.type == "PERSON"
        )
        places = tuple(
            (m.start - self.start, m.end - self.start, m.key)
            for m in self.inside
            if m.type == "PLACE"
        )
        return people, places

    def dates(self, mentions: list[Mention]) -> tuple[tuple[int, int, date], ...]:
        if self._dates is None:
            found = []
            for m in mentions:
                when = parse_date(m.text, self.anchor)
                if when is not None:
                    found.append((m.start - self.start, m.end - self.start, when.end))
            self._dates = tuple(sorted(found))
        return self._dates

    _dates: tuple[tuple[int, int, date], ...] | None = None

    def context(self, offset: int, dates: list[Mention]) -> Context:
        """What a frame reads about the value at ``offset`` (article offsets)."""
        clause = self.clauses[self.clause_index(offset)]
        # A clause that only dates the sentence ("In 2003, ...") belongs with the next one.
        people, places = self._names
        return Context(
            text=self.lowered,
            clause=(clause[0] - self.start, clause[1] - self.start),
            people=people,
            places=places,
            dates=self.dates(dates),
            anchor=self.event_anchor,
            dated=self.anchor is not None,
        )

    @cached_property
    def attribution(self) -> str | None:
        return _attribution(self.folded[self.start : self.end], self.inside, self.start)

    @cached_property
    def inherits(self) -> bool:
        return _INHERITS.search(self.folded[self.start : self.end]) is not None


def _latest_year_end(mentions: tuple[Mention, ...]) -> date | None:
    """The last day of the latest year the article's dates name: what "long ago" is measured
    from when the article carries no publication date."""
    years = [
        int(year)
        for m in mentions
        if m.type == "DATE"
        for year in _YEAR_IN.findall(m.text)
        if 1900 <= int(year) <= date.today().year
    ]
    return date(max(years), 12, 31) if years else None


_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


def _conversion_of(previous: Claim, claim: Claim, folded: str) -> bool:
    """Whether ``claim`` is ``previous`` converted to another unit, in brackets after it."""
    if previous.quantity is None or claim.quantity is None:
        return False
    if previous.quantity.dimension is None:
        return False
    between = folded[previous.value_end : claim.value_start]
    return (
        between.strip() == "("
        and previous.quantity.dimension == claim.quantity.dimension
        and previous.quantity.unit != claim.quantity.unit
    )


_COORDINATED = re.compile(
    r"^(?P<first>(?:about |some |around |nearly |almost )?[$€£]?\d[\d,.]*)\s+(?:and|or)\s+"
    r"(?P<second>[$€£]?\d[\d,.]*(?:\s+(?P<rest>[^\d].*))?)$"
)


def _coordinated(mention: Mention) -> list[tuple[Mention, str]] | None:
    """ "2.9 and 2.2 aftershocks" as two mentions ("2.9", "2.2 aftershocks") and what the
    first counts ("aftershocks"), or ``None``."""
    if mention.type != "QUANTITY":
        return None
    match = _COORDINATED.match(mention.text)
    if match is None:
        return None
    first_end = mention.start + match.end("first")
    second_start = mention.start + match.start("second")
    first = Mention(mention.start, first_end, "QUANTITY", match["first"], mention.key)
    second = Mention(second_start, mention.end, "QUANTITY", match["second"], mention.key)
    rest = match["rest"] or ""
    return [(first, rest), (second, rest)]


def as_framed(quantity: QuantityValue, frame: Frame | None) -> QuantityValue:
    """The value with what its frame learnt from the sentence: a bare 4.6 "measuring 4.6"
    after a quake is a magnitude."""
    if frame is not None and frame.slot == "magnitude" and quantity.dimension is None:
        return replace(quantity, unit="magnitude", dimension="magnitude")
    if frame is not None and frame.slot == "age" and quantity.dimension is None:
        return replace(quantity, unit="years", dimension="age")  # "Gray, 16,"
    return quantity


def _slot(quantity: QuantityValue) -> str:
    dimension = quantity.dimension
    if dimension is None:
        return "count"
    if dimension.startswith("money:"):
        return "money"
    return dimension


def _claim(
    article_id: str,
    sentence: _Sentence,
    mention: Mention,
    anchor: date | None,
    dates: list[Mention] | None = None,
    counted: str | None = None,
) -> Claim | None:
    quantity: QuantityValue | None = None
    when: DateValue | None = None
    if mention.type == "QUANTITY":
        quantity = parse_quantity(mention.text)
        if quantity is None:
            return None
        value, hedge, unit = quantity.value, quantity.hedge, quantity.unit
    else:
        when = parse_date(mention.text, anchor)
        if when is None:
            return None
        value, hedge, unit = when.value, None, None
    subject = _subject(sentence, mention, quantity)
    context = sentence.context(mention.start, dates or [])
    local = mention.start - sentence.start, mention.end - sentence.start
    if quantity is not None:
        frame = frame_of(
            context,
            *local,
            slot=_slot(quantity),
            counted=counted or quantity.counted,
            original=mention.text,
            figure=quantity.figure,
        )
        quantity = as_framed(quantity, frame)
        unit = quantity.unit
    else:
        frame = date_frame(context, *local, when.end if when is not None else None)
    return Claim(
        article_id=article_id,
        kind="quantity" if quantity is not None else "date",
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        value_start=mention.start,
        value_end=mention.end,
        value_text=mention.text,
        value=value,
        hedge=hedge,
        unit=unit,
        subject=subject,
        topic=frame.label,
        attribution=sentence.attribution,
        places=sentence.places,
        entities=sentence.entities,
        quantity=quantity,
        date=when,
        frame=frame,
    )


def _clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(m.start() for m in _CLAUSE.finditer(folded, start, end)), end]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _subject(
    sentence: _Sentence, mention: Mention, quantity: QuantityValue | None
) -> tuple[str, ...]:
    """What the value is about: what it counts, plus the content words around it in its clause
    (a date alone in its clause, as in a table row or a timeline entry, borrows its
    neighbours')."""
    here = sentence.clause_index(mention.start)
    clause = sentence.clause(here)
    words = clause.before(mention.start) + clause.after(mention.end)
    if not words and mention.type == "DATE":
        for neighbour in (here + 1, here - 1, here + 2):
            if 0 <= neighbour < len(sentence.clauses):
                words = sentence.clause(neighbour).concepts()[: _WINDOW * 2]
                if words:
                    break
    counted = content_words(quantity.counted) if quantity and quantity.counted else []
    # What is measured is part of the subject: an area is never a distance, euros never seats.
    measured = [quantity.dimension] if quantity and quantity.dimension else []
    seen: dict[str, None] = dict.fromkeys([*counted, *measured, *words])
    return tuple(w for w in seen if not w.isdigit())


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
