"""Article text as Textual Content with styled spans: the one place the app's styles live.

Article text is never parsed as markup: Content is built from the plain string and styles are
attached by offset, so "[bold]" or "[@click=app.quit]" in an article stay literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.color import Color
from textual.content import Content, Span

from search_index.formats import markdown_layout as md
from search_index.models import Article

# Re-exported: the app's modules import everything about showing text from here. They live in
# .plain so the CLI can use them without loading Textual.
from .plain import STATUS_WORDS as STATUS_WORDS
from .plain import printable as printable

# A non-colour cue per type, distinct under NO_COLOR and for colour-blind readers.
ENTITY_CUES = {
    "PERSON": "bold",
    "ORG": "bold underline",
    "PLACE": "underline",
    "DATE": "italic",
    "QUANTITY": "italic underline",
}
# A hue per type (0-1 around the colour wheel), five apart: theme colours repeat (accent and
# warning are one orange in textual-dark) and some are too dark to read (textual-dark's
# secondary blue made organisations 1.9:1). The lightness is fitted to each theme's background.
ENTITY_HUES = {
    "PERSON": 30 / 360,  # orange
    "ORG": 275 / 360,  # violet
    "PLACE": 130 / 360,  # green
    "DATE": 190 / 360,  # cyan
    "QUANTITY": 330 / 360,  # pink
}
MIN_CONTRAST = 4.5
"""WCAG AA for body text."""
# Until a theme is known (and for callers without one): theme variables, as before.
ENTITY_STYLES = {
    "PERSON": "bold $accent",
    "ORG": "bold underline $secondary",
    "PLACE": "underline $success",
    "DATE": "italic $warning",
    "QUANTITY": "italic underline $warning",
}
# Every match reversed, without the cues of an entity it falls on (bold, underline, italic),
# so that the current one, reversed in the accent colour, bold and underlined, stands out from
# the others under NO_COLOR too and on an entity whose cue is bold or underline itself.
MATCH_STYLE = "reverse not bold not underline not italic"
CURRENT_MATCH_STYLE = "bold underline reverse $accent"
# How a Markdown article's structure is drawn (search_index/formats/markdown_layout.py names the
# roles). Entity, match and conflict styles are drawn over these.
MARKDOWN_STYLES = {
    md.HEADING: "bold",
    md.STRONG: "bold",
    md.EMPHASIS: "italic",
    md.STRIKE: "strike",
    md.CODE: "$text-muted",
    md.LINK: "",
    md.LINK_TARGET: "dim",
    md.MARKER: "dim",
    md.TABLE_HEADER: "bold",
}
# Past this a Markdown article is shown as written: its layout is worked out on the UI thread,
# linear but not free (measured: 200,000 characters of prose in 44 ms, 135,000 of table in
# 0.5 s), and an article this long is rarely a news report.
MAX_MARKDOWN_CHARS = 100_000
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


def article_layout(article: Article, width: int | None = None) -> md.Layout:
    """What the reader shows for ``article``: a Markdown file laid out (tables fitted to
    ``width``), anything else its text as it is, in blocks separated by blank lines."""
    text = article.text
    if article.format == "markdown" and len(text) <= MAX_MARKDOWN_CHARS:
        return md.markdown_layout(text, width)
    return md.plain_layout(text, [(p.start, p.end) for p in paragraphs(text)])


def layout_styles(layout: md.Layout) -> list[tuple[int, int, str]]:
    """The layout's roles as styled display ranges."""
    return [(s, e, MARKDOWN_STYLES[role]) for s, e, role in layout.roles if MARKDOWN_STYLES[role]]


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


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(first: Color, second: Color) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible_colour(
    hue: float, backgrounds: Sequence[Color], minimum: float = MIN_CONTRAST
) -> Color:
    """The most saturated-looking colour of ``hue`` that reads at ``minimum`` contrast on every
    one of ``backgrounds``: from mid lightness, lighter on a dark theme, darker on a light one."""
    dark = sum(_luminance(b) for b in backgrounds) / len(backgrounds) < 0.18
    for step in range(51):
        lightness = 0.5 + (step / 100 if dark else -step / 100)
        colour = Color.from_hsl(hue, 0.85, lightness)
        if all(contrast(colour, b) >= minimum for b in backgrounds):
            return colour
    return Color(255, 255, 255) if dark else Color(0, 0, 0)


def entity_styles(variables: Mapping[str, str]) -> dict[str, str]:
    """Each entity type's style for a theme (its CSS variables): its cue and a colour of its
    own hue at WCAG AA contrast on the theme's background and surface."""
    backgrounds = [
        Color.parse(variables[name]) for name in ("background", "surface") if name in variables
    ]
    if not backgrounds:
        return dict(ENTITY_STYLES)
    return {
        kind: f"{ENTITY_CUES[kind]} {legible_colour(hue, backgrounds).hex}"
        for kind, hue in ENTITY_HUES.items()
    }
