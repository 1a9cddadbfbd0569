"""Claims: the checkable statements of an article (a quantity or a date, what it is about,
and who says so), built from the entity mentions extraction already found."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ..models import Article, Extraction, Mention
from ..text import fold
from .sentences import CONCEPT_OF, content_words, sentence_spans
from .values import DateValue, QuantityValue, parse_date, parse_quantity

# Bump when claim extraction changes, so every article is analysed again.
CLAIMS_VERSION = "6"

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


def extract_claims(article: Article, extraction: Extraction) -> list[Claim]:
    """Every quantity and date of the article as a claim, in text order."""
    text = article.text
    folded = fold(text)
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    anchor: date | None = article.published.value.date() if article.published else None
    names = [m for m in extraction.mentions if m.type in ("PERSON", "ORG", "PLACE")]
    claims: list[Claim] = []
    previous_attribution: dict[int, str | None] = {}
    for mention in extraction.mentions:
        if mention.type not in ("QUANTITY", "DATE"):
            continue
        if mention.start < article.body_start:
            continue  # a headline repeats the body's figures, less precisely
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        s_start, s_end = spans[index]
        if mention.end > s_end:
            continue
        claim = _claim(article, folded, mention, (s_start, s_end), names, anchor)
        if claim is None:
            continue
        if claim.attribution is None:
            inherited = _inherited_attribution(folded, spans, index, names, previous_attribution)
            if inherited:
                claim = _with_attribution(claim, inherited)
        previous_attribution[index] = claim.attribution
        claims.append(claim)
    return claims


def _claim(
    article: Article,
    folded: str,
    mention: Mention,
    sentence: tuple[int, int],
    names: list[Mention],
    anchor: date | None,
) -> Claim | None:
    s_start, s_end = sentence
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
    inside = [m for m in names if s_start <= m.start and m.end <= s_end]
    # Names say who and where, which the entity overlap already weighs; a subject made of
    # "Kim" and "North Korea" would tie every claim of the story together.
    masked = folded
    for name in inside:
        if name.type == "ORG":
            continue  # "the Memorial Museum" says what, not who
        masked = masked[: name.start] + " " * (name.end - name.start) + masked[name.end :]
    subject = _subject(masked, mention, sentence, quantity)
    return Claim(
        article_id=article.id,
        kind="quantity" if quantity is not None else "date",
        sentence=article.text[s_start:s_end],
        start=s_start,
        end=s_end,
        value_start=mention.start,
        value_end=mention.end,
        value_text=mention.text,
        value=value,
        hedge=hedge,
        unit=unit,
        subject=subject,
        topic=_topic(subject, quantity),
        attribution=_attribution(folded[s_start:s_end], inside, s_start),
        places=tuple(sorted({m.key for m in inside if m.type == "PLACE"})),
        entities=tuple(sorted({m.key for m in inside})),
        quantity=quantity,
        date=when,
    )


def _clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(m.start() for m in _CLAUSE.finditer(folded, start, end)), end]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _subject(
    folded: str, mention: Mention, sentence: tuple[int, int], quantity: QuantityValue | None
) -> tuple[str, ...]:
    """What the value is about: what it counts, plus the content words around it in its clause
    (a date alone in its clause, as in a table row or a timeline entry, borrows its
    neighbours')."""
    clauses = _clauses(folded, *sentence)
    here = next((i for i, (a, b) in enumerate(clauses) if a <= mention.start < b), len(clauses) - 1)
    a, b = clauses[here]
    before = content_words(folded[a : mention.start])[-_WINDOW:]
    after = content_words(folded[mention.end : b])[:_WINDOW]
    words = before + after
    if not words and mention.type == "DATE":
        for neighbour in (here + 1, here - 1, here + 2):
            if 0 <= neighbour < len(clauses):
                words = content_words(folded[slice(*clauses[neighbour])])[: _WINDOW * 2]
                if words:
                    break
    counted = content_words(quantity.counted) if quantity and quantity.counted else []
    # What is measured is part of the subject: an area is never a distance, euros never seats.
    measured = [quantity.dimension] if quantity and quantity.dimension else []
    seen: dict[str, None] = dict.fromkeys([*counted, *measured, *words])
    return tuple(w for w in seen if not w.isdigit())


def _topic(subject: tuple[str, ...], quantity: QuantityValue | None) -> str:
    """A short label: the concept words first ("troops sent", "killed", "construction began")."""
    concepts = [w for w in subject if w in CONCEPT_OF.values()]
    counted = content_words(quantity.counted)[-1:] if quantity and quantity.counted else []
    label = list(dict.fromkeys([*counted, *concepts]))[:3] or list(subject[:3])
    return " ".join(label)


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
    folded: str,
    spans: list[tuple[int, int]],
    index: int,
    names: list[Mention],
    previous: dict[int, str | None],
) -> str | None:
    """ "The same report cited ...": the source named in the sentence before."""
    s_start, s_end = spans[index]
    if not _INHERITS.search(folded[s_start:s_end]) or index == 0:
        return None
    if previous.get(index - 1):
        return previous[index - 1]
    p_start, p_end = spans[index - 1]
    inside = [m for m in names if p_start <= m.start and m.end <= p_end]
    return _attribution(folded[p_start:p_end], inside, p_start)


def _with_attribution(claim: Claim, attribution: str) -> Claim:
    from dataclasses import replace

    return replace(claim, attribution=attribution)


_STORED_FIELDS = (
    "kind",
    "sentence",
    "start",
    "end",
    "value_start",
    "value_end",
    "value_text",
    "value",
    "hedge",
    "unit",
    "subject",
    "topic",
    "attribution",
    "places",
    "entities",
)


def claim_to_record(claim: Claim) -> dict[str, object]:
    """A plain, picklable record of a claim for the index (values are re-read on load)."""
    return {name: getattr(claim, name) for name in _STORED_FIELDS}


def claim_from_record(article: Article, record: dict[str, object]) -> Claim | None:
    anchor = article.published.value.date() if article.published else None
    fields = {name: record.get(name) for name in _STORED_FIELDS}
    fields["subject"] = tuple(fields["subject"] or ())  # type: ignore[arg-type]
    fields["places"] = tuple(fields["places"] or ())  # type: ignore[arg-type]
    fields["entities"] = tuple(fields["entities"] or ())  # type: ignore[arg-type]
    text = str(fields["value_text"])
    if fields["kind"] == "quantity":
        quantity = parse_quantity(text)
        return Claim(article.id, **fields, quantity=quantity) if quantity else None  # type: ignore[arg-type]
    when = parse_date(text, anchor)
    return Claim(article.id, **fields, date=when) if when else None  # type: ignore[arg-type]
