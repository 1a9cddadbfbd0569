"""What the main screen marks in the reader and says about it: stepping through matches and
conflicting sentences, and the status line.

Plain functions, so the screen's key handlers only move the reader to what these answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from search_index.claims.extract import Claim
from search_index.models import SearchResult

__all__ = ["ConflictSpan", "conflict_spans", "status_line", "step_index"]

ConflictSpan = tuple[int, int, str]
"""A sentence other sources contradict: its start and end, and what they say instead."""


def step_index(current: int | None, step: int, count: int) -> int:
    """The next (``step`` 1) or previous (-1) of ``count`` places, wrapping round; from none
    yet, the first one forward."""
    index = 0 if current is None and step > 0 else (current or 0) + step
    return index % count


def conflict_spans(found: Mapping[tuple[int, int], Sequence[Claim]]) -> list[ConflictSpan]:
    """The library's contradicted sentences as spans, each with what the others say."""
    return [
        (start, end, "; ".join(f"{c.article_id[:12]}: {c.value_text}" for c in claims))
        for (start, end), claims in found.items()
    ]


def status_line(
    result: SearchResult | None,
    *,
    match_index: int | None,
    match_count: int,
    conflicts: int,
    message: str | None = None,
) -> str:
    """The status line: the search's state and the match in view, the conflicts, a message
    (a message replaces the conflict count: it says what is being stepped through)."""
    parts: list[str] = []
    if result is not None:
        if result.error:
            parts.append(f"search: {result.error}")
        else:
            if result.corrected:
                parts.append(f"showing results for {result.corrected!r}")
            if result.notice:
                parts.append(result.notice)
            if match_count:
                position = (match_index or 0) + 1 if match_index is not None else 0
                parts.append(f"match {position}/{match_count}")
    if conflicts and message is None:
        parts.append(f"{conflicts} conflicting sentences (] [)")
    if message:
        parts.append(message)
    return "  ·  ".join(parts)
