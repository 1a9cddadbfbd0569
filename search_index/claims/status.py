"""The verdicts a row of a claim diff can carry, as types (JSON writes them as these strings)."""

from __future__ import annotations

from typing import Literal, get_args

Verdict = Literal["agree", "compatible", "conflict"]
"""What two claims about one thing are, from their values."""

Status = Literal["agree", "compatible", "conflict", "only_a", "only_b"]
"""A row's status: a verdict, or a claim one side makes that the other does not."""

STATUSES: tuple[Status, ...] = get_args(Status)
