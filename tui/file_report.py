"""What indexing could not read (or read only with help), told in a few lines however many
files it was: a folder of 2,000 empty files must not print 2,000 warnings on every command, nor
raise 2,000 toasts in the app. The first few files are named; the rest are counted by reason.

Shared by the CLI and the app, so it never imports Textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from search_index.models import FileNote, SkippedFile

from .plain import printable

# Files named before the rest are counted: enough to recognise the problem, few enough to read.
SHOWN = 5
# Distinct reasons counted one by one; the rest are added up (reasons can carry details).
REASONS_SHOWN = 4
LIST_HINT = "`kimreader skipped` lists them all"
# A reason is a short phrase; one carrying a long detail is cut so the summary stays a line.
REASON_WIDTH = 60


def skipped_summary(
    skipped: Sequence[SkippedFile], *, shown: int = SHOWN, hint: str = LIST_HINT
) -> list[str]:
    """One line per skipped file up to ``shown``, then one line counting the rest by reason."""
    return _summary(
        [(f"skipped {s.path}: {s.reason}", s.reason) for s in skipped],
        shown=shown,
        noun=("skipped file", "skipped files"),
        hint=hint,
    )


def notes_summary(
    notes: Sequence[FileNote], *, shown: int = SHOWN, hint: str = LIST_HINT
) -> list[str]:
    """One line per note up to ``shown``, then one line counting the rest by message."""
    return _summary(
        [(f"note: {n.path}: {n.message}", n.message) for n in notes],
        shown=shown,
        noun=("note", "notes"),
        hint=hint,
    )


def _summary(
    items: list[tuple[str, str]], *, shown: int, noun: tuple[str, str], hint: str
) -> list[str]:
    # File names may carry escape sequences: every line is made printable here, once.
    lines = [printable(line) for line, _ in items[:shown]]
    rest = items[shown:]
    if rest:
        counts = Counter(reason for _, reason in rest).most_common()
        parts = [f"{_short(reason)}: {count:,}" for reason, count in counts[:REASONS_SHOWN]]
        others = sum(count for _, count in counts[REASONS_SHOWN:])
        if others:
            parts.append(f"other reasons: {others:,}")
        word = noun[0] if len(rest) == 1 else noun[1]
        lines.append(printable(f"… and {len(rest):,} more {word} ({'; '.join(parts)}); {hint}"))
    return lines


def _short(reason: str) -> str:
    return reason if len(reason) <= REASON_WIDTH else reason[: REASON_WIDTH - 1] + "…"
