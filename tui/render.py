"""Article text as Textual Content with styled spans: the one place the app's styles live.

Article text is never parsed as markup: Content is built from the plain string and styles are
attached by offset, so "[bold]" or "[@click=app.quit]" in an article stay literal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.content import Content, Span

ENTITY_STYLES = {
    "PERSON": "bold $accent",
    "ORG": "bold underline $secondary",
    "PLACE": "underline $success",
    "DATE": "italic $warning",
    "QUANTITY": "italic underline $warning",
}
# Every claim-diff status has a glyph and a word as well as a colour, so it reads under
# NO_COLOR and for colour-blind users; the CLI and the app colour them their own way.
STATUS_WORDS = {
    "agree": ("=", "agree"),
    "compatible": ("~", "compatible"),
    "conflict": ("!", "CONFLICT"),
    "only_a": ("<", "only A"),
    "only_b": (">", "only B"),
}
MATCH_STYLE = "reverse"
CURRENT_MATCH_STYLE = "bold reverse $accent"
CONFLICT_STYLE = "on $error 25%"
FOCUS_STYLE = "on $accent 30%"


# Control characters (except tab and newline) shown as visible stand-ins, one character for
# one so offsets into the text stay valid. search_index cleans article bodies, but ids and
# fallback titles come from file names and overrides from kimreader.toml: an escape sequence
# there (an OSC 52 clipboard write, a clear-screen) must reach the screen as text, not as a
# command to the terminal.
_CONTROL_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: each control character becomes a visible one."""
    return text.translate(_CONTROL_PICTURES)


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
