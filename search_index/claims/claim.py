"""A claim: one checkable statement of an article (a quantity or a date), the sentence it
sits in, what it is about and who says so; and a value as its frame reads it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .frames import Frame
from .values import DateValue, QuantityValue


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
