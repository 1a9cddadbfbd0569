"""A sentence's figures read as claims: the names, clauses and words each figure sits
among, shared by every claim of one sentence, and the claim built for one mention."""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import cached_property
from itertools import pairwise

from ..models import Mention
from .attribution import _INHERITS, _attribution
from .claim import Claim, _slot, as_framed
from .context import Context
from .frames import date_frame, frame_of
from .sentences import concept, content_words, is_stop_word, word_spans
from .values import (
    DateValue,
    QuantityValue,
    parse_date,
    parse_ordinal,
    parse_quantity,
    parse_time,
)

# Clause boundaries inside a sentence: a number's subject rarely crosses them.
_CLAUSE = re.compile(r"[;:|()\u2013\u2014]|,(?=\s)| - | and (?=another|a further)")
_WINDOW = 6  # content words either side of the value that describe it


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
            parties=self._parties,
            unmasked=self.folded[self.start : self.end].lower(),
        )

    @cached_property
    def _parties(self) -> tuple[tuple[int, int, str], ...]:
        return tuple(
            (m.start - self.start, m.end - self.start, m.text)
            for m in sorted(self.inside, key=lambda m: m.start)
            if m.type in ("PERSON", "ORG")
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
    if mention.type in ("ORDINAL", "TIME"):
        quantity = (
            parse_ordinal(mention.text, counted)
            if mention.type == "ORDINAL"
            else parse_time(mention.text)
        )
        if quantity is None:
            return None
        value, hedge, unit = quantity.value, quantity.hedge, quantity.unit
    elif mention.type == "QUANTITY":
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
        frame = date_frame(
            context,
            *local,
            when.end if when is not None else None,
            when.start if when is not None else None,
        )
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
