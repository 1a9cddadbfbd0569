"""Article text as Textual Content with styled spans: the one place the app's styles live.

Article text is never parsed as markup: Content is built from the plain string and styles are
attached by offset, so "[bold]" or "[@click=app.quit]" in an article stay literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content, Span

# Re-exported: the app's modules import everything about showing text from here. They live in
# .plain so the CLI can use them without loading Textual.
from .plain import STATUS_WORDS as STATUS_WORDS
from .plain import printable as printable

ENTITY_STYLES = {
    "PERSON": "bold $accent",
    "ORG": "bold underline $secondary",
    "PLACE": "underline $success",
    "DATE": "italic $warning",
    "QUANTITY": "italic underline $warning",
}
MATCH_STYLE = "reverse"
CURRENT_MATCH_STYLE = "bold reverse $accent"
CONFLICT_STYLE = "on $error 25%"
FOCUS_STYLE = "on $accent 30%"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article: its range in ``Article.text``."""

    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks separated by blank lines (the headline is the first)."""
    blocks: list[Paragraph] = []
    start = 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            blocks.append(Paragraph(start, end))
        start = end + 2
    return blocks


def paragraph_content(
    text: str,
    block: Paragraph,
    styled: Iterable[tuple[int, int, str]],
) -> Content:
    """The block's text with every (start, end, style) that overlaps it, re-based to it."""
    spans = [
        Span(max(s, block.start) - block.start, min(e, block.end) - block.start, style)
        for s, e, style in styled
        if s < block.end and e > block.start
    ]
    return Content(printable(text[block.start : block.end]), spans=spans)


def match_styles(
    matches: Sequence[tuple[int, int]], current: int | None
) -> list[tuple[int, int, str]]:
    return [
        (s, e, CURRENT_MATCH_STYLE if i == current else MATCH_STYLE)
        for i, (s, e) in enumerate(matches)
    ]


# What Textual wraps as a word: the first may start with spaces, every one keeps those after it.
_WORD = re.compile(r"\s*\S+\s*")


def wrap_ranges(
    text: str,
    start: int,
    end: int,
    width: int,
    cancelled: Callable[[], bool] | None = None,
) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` (one line, no newline) breaks to fit ``width`` cells, as
    ``(start, end)`` ranges without trailing spaces.

    Greedy at spaces, as Textual wraps a Static; a word longer than a line is cut into lines
    of its own. Unlike Textual, runs of spaces at a break never make blank lines. Stops early
    (with the lines so far) once ``cancelled`` says so: a megabyte is one line to wrap.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line_start, cells = start, 0
    for count, match in enumerate(_WORD.finditer(text, start, end)):
        if cancelled is not None and count % 4096 == 4095 and cancelled():
            return lines
        word = match.group()
        bare = word.rstrip()
        bare_end = match.start() + len(bare)
        if word.isascii():
            word_cells, bare_cells = len(word), len(bare)
        else:
            word_cells, bare_cells = cell_len(word), cell_len(bare)
        if cells + bare_cells <= width:
            cells += word_cells
            continue
        if cells:
            lines.append((line_start, _rstrip(text, line_start, match.start())))
            line_start, cells = match.start(), word_cells
        if bare_cells > width:
            pieces = _fold(text, match.start(), bare_end, width)
            lines.extend(pieces[:-1])
            line_start = pieces[-1][0]
            cells = cell_len(text[line_start : match.end()])
    lines.append((line_start, _rstrip(text, line_start, end)))
    return lines


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _fold(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of at most ``width`` cells (at least a character)."""
    if text[start:end].isascii():
        return [(a, min(a + width, end)) for a in range(start, end, width)]
    pieces: list[tuple[int, int]] = []
    piece_start, cells = start, 0
    for index in range(start, end):
        size = cell_len(text[index])
        if cells + size > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, cells = index, 0
        cells += size
    pieces.append((piece_start, end))
    return pieces
