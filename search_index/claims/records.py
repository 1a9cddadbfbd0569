"""Claims as plain records for the index, and back: extraction runs once, at index time."""

from __future__ import annotations

from ..models import Article
from .extract import Claim, as_framed
from .frames import Frame
from .values import parse_date, parse_ordinal, parse_quantity, parse_time

__all__ = ["claim_from_record", "claim_to_record", "claims_from_records"]

# The sentence is not stored: it is the article's text from ``start`` to ``end``, and a copy in
# every record grows with the square of a sentence's figures (10,000 numbers in one 50 kB
# sentence made 500 MB of records).
_STORED_FIELDS = (
    "kind",
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
    record: dict[str, object] = {name: getattr(claim, name) for name in _STORED_FIELDS}
    if claim.frame is not None:
        record["frame"] = {f: getattr(claim.frame, f) for f in _FRAME_FIELDS}
    return record


_FRAME_FIELDS = (
    "slot",
    "counted",
    "counted_text",
    "role",
    "event",
    "part",
    "scope",
    "whose",
    "kind",
    "role_text",
    "actors",
    "when",
    "dated",
    "days",
    "party",
    "described",
    "several",
)


def _frame_from(record: object) -> Frame | None:
    if not isinstance(record, dict):
        return None
    try:
        fields = {f: record.get(f) for f in _FRAME_FIELDS}
        fields["scope"] = tuple(fields["scope"] or ())
        fields["kind"] = tuple(fields["kind"] or ())
        fields["actors"] = tuple(fields["actors"] or ())
        fields["when"] = tuple(fields["when"]) if fields["when"] else None
        fields["dated"] = bool(fields["dated"])
        fields["days"] = tuple(fields["days"] or ())
        fields["part"] = bool(fields["part"])
        fields["described"] = bool(fields["described"])
        fields["several"] = bool(fields["several"])
        return Frame(**fields)  # type: ignore[arg-type]
    except TypeError:
        return None


def claims_from_records(article: Article, records: list[dict[str, object]]) -> list[Claim]:
    """An article's claims read back; claims of one sentence share one string (each
    would otherwise hold a copy of it)."""
    sentences: dict[tuple[int, int], str] = {}
    return [c for r in records if (c := claim_from_record(article, r, sentences)) is not None]


def claim_from_record(
    article: Article,
    record: dict[str, object],
    sentences: dict[tuple[int, int], str] | None = None,
) -> Claim | None:
    """One claim read back; ``sentences`` (offsets -> text) lets claims share sentence text."""
    anchor = article.published.value.date() if article.published else None
    fields = {name: record.get(name) for name in _STORED_FIELDS}
    start, end = fields["start"], fields["end"]
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    known = sentences if sentences is not None else {}
    sentence = known.get((start, end))
    if sentence is None:
        sentence = known[(start, end)] = _sentence_of(article, start, end)
    fields["sentence"] = sentence
    fields["subject"] = tuple(fields["subject"] or ())  # type: ignore[arg-type]
    fields["places"] = tuple(fields["places"] or ())  # type: ignore[arg-type]
    fields["entities"] = tuple(fields["entities"] or ())  # type: ignore[arg-type]
    text = str(fields["value_text"])
    frame = _frame_from(record.get("frame"))
    if fields["kind"] == "quantity":
        # An ordinal ("sixth") reads as one only with its frame: alone it is no quantity.
        if frame is not None and frame.slot == "ordinal":
            quantity = parse_ordinal(text, frame.counted_text)
        elif frame is not None and frame.slot == "time":
            quantity = parse_time(text)
        else:
            quantity = parse_quantity(text)
        quantity = as_framed(quantity, frame) if quantity is not None else None
        return Claim(article.id, **fields, quantity=quantity, frame=frame) if quantity else None  # type: ignore[arg-type]
    when = parse_date(text, anchor)
    return Claim(article.id, **fields, date=when, frame=frame) if when else None  # type: ignore[arg-type]


def _sentence_of(article: Article, start: int, end: int) -> str:
    offset = article.body_start
    # Slicing the body spares building the whole text (headline and body) for every sentence.
    if start >= offset:
        sentence = article.body[start - offset : end - offset]
    else:
        sentence = article.text[start:end]
    return sentence
