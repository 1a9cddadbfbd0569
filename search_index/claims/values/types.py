"""What a value reads as: a quantity's interval, unit and counted noun; a date's period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Spans longer than this are sentences, not quantities or dates; the cap also bounds regex work.
MAX_SPAN = 300


# Spans longer than this are sentences, not quantities or dates; the cap also bounds regex
# work.
MAX_SPAN = 300


@dataclass(frozen=True, slots=True)
class QuantityValue:
    low: float | None
    high: float | None
    figure: float | None
    value: str
    unit: str | None
    dimension: str | None
    hedge: str | None
    counted: str | None


@dataclass(frozen=True, slots=True)
class DateValue:
    start: date
    end: date
    granularity: str
    value: str
    relative: bool
