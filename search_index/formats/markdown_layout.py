"""A Markdown article laid out for reading, every shown character tied to its offset in the text.

``Article.text`` of a ``.md`` file stays the file's raw text (every offset of the product points
into it); this module only decides how to show it: heading markers and emphasis markers hidden,
list bullets drawn as ``•``, blockquotes with a bar, tables aligned into columns with
box-drawing separators and the ``|---|`` rule drawn as a line. markdown-it-py (CommonMark plus
GFM tables and strikethrough) finds the structure; its tokens give block line ranges, and the
inline offsets are found here by walking each inline token's children along the source.

Two rules keep every offset-based feature exact:

- a source character is either copied (once, as itself) or hidden, and only markup is hidden:
  the markers a token names (``#``, ``**``, ``[``, a table's pipes and rule row) and
  whitespace. A letter or digit is never hidden, so an entity, a search hit or a sentence always
  has all its characters on screen. Whatever the walk does not recognise is copied as it is.
- the inserted decorations (bullets, box-drawing, a space before a link's address) map to no
  offset.

The metadata reader writes each line of a text file's body as its own paragraph (lines joined
by a blank line), so a table's rows reach us a blank line apart: runs of pipe lines whose second
line is a table's rule row are put back together before parsing, and mapped back line by line.

Plain data, no UI: the reader styles the ``roles`` as it likes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, NamedTuple, TypeVar

# markdown-it is imported, and its parser built, for the first Markdown article laid out: the
# app's first frame (a list of sources, often no Markdown at all) does not wait for it.
if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

T = TypeVar("T")
_ALNUM = re.compile(r"[^\W_]")

# Roles a shown range may have (the UI gives each a style).
HEADING = "heading"
STRONG = "strong"
EMPHASIS = "emphasis"
STRIKE = "strike"
CODE = "code"
LINK = "link"
LINK_TARGET = "link-target"
MARKER = "marker"
"""Drawn decoration: bullets, the quote bar, table separators and rules, a thematic break."""
TABLE_HEADER = "table-header"

BULLET = "• "
QUOTE_BAR = "│ "
COLUMN_SEPARATOR = " │ "
RULE_CROSS = "─┼─"
RULE = "─"
BREAK_WIDTH = 40
"""How wide a thematic break (``---``) is drawn, at most."""
MIN_COLUMN = 6
"""A table column is never squeezed narrower than this to fit the pane."""
MAX_NESTING = 20
"""markdown-it stops nesting containers here (``> > > ...``); the lines past it are shown as
they are."""

_INLINE_OPEN = {"strong_open": STRONG, "em_open": EMPHASIS, "s_open": STRIKE}
_INLINE_CLOSE = {"strong_close", "em_close", "s_close"}


class Piece(NamedTuple):
    """``length`` characters copied from the source at ``source`` to the display at ``display``.

    A named tuple: a table makes one per cell line, and a frozen dataclass costs three times as
    much to make."""

    display: int
    source: int
    length: int


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    """One block as shown: ``text[start:end]`` of the layout, drawn from ``source_start`` to
    ``source_end`` of the article text."""

    start: int
    end: int
    source_start: int
    source_end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Layout:
    """What to show for an article's text, and how its offsets map onto it.

    ``text`` holds the blocks a blank line apart (``blocks`` are ranges of it); ``pieces`` are
    sorted by source offset and never overlap; ``roles`` are ``(start, end, role)`` ranges of
    ``text``.
    """

    text: str
    blocks: tuple[DisplayBlock, ...]
    pieces: tuple[Piece, ...]
    roles: tuple[tuple[int, int, str], ...]
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [p.source for p in self.pieces])

    @property
    def identity(self) -> bool:
        """Whether the text is shown as it is (offsets need no mapping)."""
        return len(self.pieces) == 1 and self.pieces[0] == Piece(0, 0, len(self.text))

    def to_display(self, offset: int) -> int:
        """Where source ``offset`` is shown; a hidden one, where the next shown character is."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0:
            piece = self.pieces[index]
            if offset < piece.source + piece.length:
                return piece.display + offset - piece.source
        following = index + 1
        if following < len(self.pieces):
            return self.pieces[following].display
        return len(self.text)

    def map_ranges(self, ranges: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
        """Source ``(start, end, value)`` ranges as display ranges, in order: a range over a
        table's cells becomes one per cell line it shows on; one over hidden markup only,
        nothing."""
        starts = self._starts
        shown: list[tuple[int, int, T]] = []
        for start, end, value in ranges:
            if end <= start:
                continue
            index = max(0, bisect.bisect_right(starts, start) - 1)
            while index < len(self.pieces) and self.pieces[index].source < end:
                piece = self.pieces[index]
                low = max(start, piece.source)
                high = min(end, piece.source + piece.length)
                if high > low:
                    base = piece.display - piece.source
                    shown.append((base + low, base + high, value))
                index += 1
        return shown


def plain_layout(text: str, blocks: Sequence[tuple[int, int]]) -> Layout:
    """The text shown as it is: one piece, each ``(start, end)`` block a block of it."""
    return Layout(
        text=text,
        blocks=tuple(DisplayBlock(s, e, s, e, "paragraph") for s, e in blocks),
        pieces=(Piece(0, 0, len(text)),) if text else (),
        roles=(),
    )


# -- building ----------------------------------------------------------------------------------


class _Builder:
    """Display text under construction, with its pieces and roles."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.pieces: list[Piece] = []
        self.roles: list[tuple[int, int, str]] = []

    def copy(self, start: int, end: int, roles: Sequence[str] = ()) -> None:
        if end <= start:
            return
        last = self.pieces[-1] if self.pieces else None
        follows = last and last.display + last.length == self.length
        if last and follows and last.source + last.length == start:
            self.pieces[-1] = Piece(last.display, last.source, last.length + end - start)
        else:
            self.pieces.append(Piece(self.length, start, end - start))
        self._add(self.source[start:end], roles)

    def mark(self) -> tuple[int, int, int]:
        return self.length, len(self.pieces), len(self.roles)

    def rollback(self, mark: tuple[int, int, int]) -> None:
        """Forget everything drawn since ``mark``."""
        length, pieces, roles = mark
        self.parts = [self.text[:length]]
        self.length = length
        del self.pieces[pieces:], self.roles[roles:]

    def shows_letters(self, mark: tuple[int, int, int], start: int, end: int) -> bool:
        """Whether every letter and digit of ``source[start:end]`` was copied since ``mark``."""
        position = start
        for piece in sorted(self.pieces[mark[1] :], key=lambda p: p.source):
            if _ALNUM.search(self.source, position, min(piece.source, end)):
                return False
            position = max(position, piece.source + piece.length)
        return position >= end or not _ALNUM.search(self.source, position, end)

    def insert(self, text: str, roles: Sequence[str] = ()) -> None:
        self._add(text, roles)

    def place(self, other: _Builder, start: int, end: int, roles: Sequence[str] = ()) -> None:
        """Characters ``start:end`` of another builder's text (a table cell), with its pieces
        and roles."""
        shift = self.length - start
        for piece in other.pieces:
            low = max(start, piece.display)
            high = min(end, piece.display + piece.length)
            if high > low:
                source = piece.source + low - piece.display
                self.pieces.append(Piece(low + shift, source, high - low))
        for s, e, role in other.roles:
            if s < end and e > start:
                self.roles.append((max(s, start) + shift, min(e, end) + shift, role))
        self._add(other.text[start:end], roles)

    @property
    def text(self) -> str:
        joined = "".join(self.parts)
        self.parts = [joined]
        return joined

    def _add(self, text: str, roles: Sequence[str]) -> None:
        if not text:
            return
        self.roles.extend((self.length, self.length + len(text), r) for r in roles)
        self.parts.append(text)
        self.length += len(text)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # No raw HTML (a tag stays text) and no typographer (it would change the characters).
    return MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"]
    )


@dataclass(frozen=True, slots=True)
class _Lines:
    """The document given to markdown-it: some lines of the text, and where each starts."""

    starts: list[int]
    ends: list[int]

    def document(self, text: str) -> str:
        return "\n".join(text[s:e] for s, e in zip(self.starts, self.ends, strict=True))


def _source_lines(text: str) -> _Lines:
    """The text's lines, minus the blank line between the rows of a table (see the module's
    docstring)."""
    starts, ends = [], []
    position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        starts.append(position)
        ends.append(end)
        position = end + 1
    keep = [True] * len(starts)
    index = 0
    while index < len(starts):
        run = _table_run(text, starts, ends, index)
        for blank in range(index + 1, run, 2):
            keep[blank] = False
        index = max(run, index + 1)
    return _Lines(
        [s for s, k in zip(starts, keep, strict=True) if k],
        [e for e, k in zip(ends, keep, strict=True) if k],
    )


def _table_run(text: str, starts: list[int], ends: list[int], first: int) -> int:
    """If a table's header line is at ``first`` and its rows come every other line (a blank
    line between), the line index past the run's last row; else ``first``."""

    def piped(index: int) -> bool:
        return index < len(starts) and "|" in text[starts[index] : ends[index]]

    def blank(index: int) -> bool:
        return index < len(starts) and not text[starts[index] : ends[index]].strip()

    if not (piped(first) and blank(first + 1) and piped(first + 2)):
        return first
    rule = text[starts[first + 2] : ends[first + 2]]
    if "-" not in rule or rule.strip(" \t|:-"):
        return first
    last = first + 2
    while blank(last + 1) and piped(last + 2):
        last += 2
    return last + 1


def markdown_layout(text: str, width: int | None = None) -> Layout:
    """``text`` (Markdown) laid out for reading; tables fitted to ``width`` cells when given.

    Linear in the text's length: every token is visited once and every search along the
    source starts where the last one ended.
    """
    lines = _source_lines(text)
    tokens = _parser().parse(lines.document(text))
    out = _Builder(text)
    blocks: list[DisplayBlock] = []
    line = 0  # the first document line not yet shown
    index = 0
    while index < len(tokens):
        token = tokens[index]
        close = _closing(tokens, index)
        span = token.map
        if span is None or span[0] < line or span[1] <= span[0]:
            index = close + 1
            continue
        for raw in range(line, span[0]):  # lines markdown-it made nothing of (link definitions)
            _raw_block(out, blocks, lines, raw)
        start = out.length
        mark = out.mark()
        kind = _block(out, tokens[index : close + 1], lines, width)
        first, last = lines.starts[span[0]], lines.ends[min(span[1], len(lines.ends)) - 1]
        if not out.shows_letters(mark, first, last):
            # Something the walk did not foresee (an empty list item, nesting markdown-it gave
            # up on): the block as written rather than a letter left out.
            out.rollback(mark)
            out.copy(first, last)
            kind = "paragraph"
        if out.length > start:
            _finish_block(out, blocks, start, lines, span[0], span[1], kind)
        line = span[1]
        index = close + 1
    for raw in range(line, len(lines.starts)):
        _raw_block(out, blocks, lines, raw)
    pieces = sorted(out.pieces, key=lambda p: p.source)
    return Layout(out.text, tuple(blocks), tuple(pieces), tuple(out.roles))


def _closing(tokens: list[Token], index: int) -> int:
    """The index of the token closing the block opened at ``index`` (itself for a leaf)."""
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for at in range(index, len(tokens)):
        depth += tokens[at].nesting
        if depth == 0:
            return at
    return len(tokens) - 1


def _finish_block(
    out: _Builder,
    blocks: list[DisplayBlock],
    start: int,
    lines: _Lines,
    first: int,
    past: int,
    kind: str,
) -> None:
    source_end = lines.ends[min(past, len(lines.ends)) - 1]
    blocks.append(DisplayBlock(start, out.length, lines.starts[first], source_end, kind))
    out.insert("\n\n")


def _raw_block(out: _Builder, blocks: list[DisplayBlock], lines: _Lines, line: int) -> None:
    start, end = lines.starts[line], lines.ends[line]
    if not out.source[start:end].strip():
        return
    shown = out.length
    out.copy(start, end)
    _finish_block(out, blocks, shown, lines, line, line + 1, "paragraph")


def _block(out: _Builder, tokens: list[Token], lines: _Lines, width: int | None) -> str:
    """Draw one top-level block; its kind."""
    first = tokens[0]
    if first.type == "table_open":
        _table(out, tokens, lines, width)
        return "table"
    if first.type in ("fence", "code_block"):
        assert first.map is not None
        out.copy(lines.starts[first.map[0]], lines.ends[first.map[1] - 1], (CODE,))
        return "code"
    if first.type == "hr":
        assert first.map is not None
        out.insert(RULE * BREAK_WIDTH, (MARKER,))
        return "rule"
    _containers(out, tokens, lines)
    return first.type.removesuffix("_open")


def _containers(out: _Builder, tokens: list[Token], lines: _Lines) -> None:
    """Headings, paragraphs, lists and blockquotes: each leaf on a line of its own, prefixed by
    the markers of the containers it is in."""
    text = out.source
    pending: list[Token] = []  # containers opened since the last leaf: their markers lead it
    depth_lists = 0
    quotes = 0
    leaves = 0
    covered = -1  # the last document line drawn
    previous: Token | None = None
    for token in tokens:
        before, previous = previous, token
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth_lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth_lists -= 1
        elif kind == "blockquote_open":
            quotes += 1
            pending.append(token)
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "list_item_open":
            pending.append(token)
        if kind in ("fence", "code_block", "hr", "html_block") or kind == "inline":
            span = token.map
            if span is None or span[0] <= covered:
                continue
            if leaves:
                out.insert("\n")
            leaves += 1
            covered = span[1] - 1
            start, end = lines.starts[span[0]], lines.ends[span[1] - 1]
            position = _prefixes(out, start, end, pending, quotes, depth_lists)
            pending = []
            if kind != "inline":
                out.copy(position, end, (CODE,) if kind in ("fence", "code_block") else ())
                continue
            heading = before.markup if before and before.type == "heading_open" else ""
            roles: tuple[str, ...] = ()
            if heading:
                position = _skip_marker(text, position, end, heading)
                roles = (HEADING,)
            _inline(out, position, end, token.children or [], roles)


def _skip_marker(text: str, position: int, end: int, marker: str) -> int:
    """Past ``marker`` at ``position`` and the spaces after it (hidden), if it is there."""
    if not text.startswith(marker, position, end):
        return position
    position += len(marker)
    while position < end and text[position] in " \t":
        position += 1
    return position


def _prefixes(
    out: _Builder, start: int, end: int, pending: list[Token], quotes: int, lists: int
) -> int:
    """Draw the quote bars, the indent and the bullet or number leading a leaf (their markers
    in the source hidden, a number copied); where its content starts."""
    text = out.source
    items = sum(1 for c in pending if c.type == "list_item_open")
    out.insert(QUOTE_BAR * min(quotes, MAX_NESTING), (MARKER,))
    out.insert("  " * max(min(lists, MAX_NESTING) - max(items, 1), 0))
    position = start
    for container in pending:
        if container.type == "blockquote_open":
            position = _skip_marker(text, position, end, ">")
        elif container.markup in ("-", "*", "+"):
            after = _skip_marker(text, position, end, container.markup)
            if after > position:
                position = after
                out.insert(BULLET, (MARKER,))
        else:
            number_end = position
            while number_end < end and text[number_end] not in " \t":
                number_end += 1
            out.copy(position, number_end, (MARKER,))  # "3." as written: digits never hidden
            out.insert(" ")
            position = _skip_marker(text, number_end, end, "")
    return position


def _inline(
    out: _Builder, position: int, end: int, children: list[Token], base: tuple[str, ...]
) -> None:
    """The inline content ``source[position:end]``, its markers hidden where the tokens name
    them, everything else copied."""
    text = out.source
    roles = list(base)
    for child in children:
        kind = child.type
        if kind in ("text", "html_inline"):
            content = child.content
            if not content:
                continue
            found = text.find(content, position, end)
            if found < 0:
                break  # escapes or entities: the rest is shown as written
            out.copy(position, found, roles)
            out.copy(found, found + len(content), roles)
            position = found + len(content)
        elif kind in _INLINE_OPEN or kind in _INLINE_CLOSE:
            if text.startswith(child.markup, position, end):
                position += len(child.markup)
            if kind in _INLINE_OPEN:
                roles.append(_INLINE_OPEN[kind])
            elif len(roles) > len(base):
                roles.pop()
        elif kind == "code_inline":
            marker = child.markup
            if not text.startswith(marker, position, end):
                continue
            found = text.find(child.content, position + len(marker), end)
            closing = found + len(child.content)
            if found < 0 or not text.startswith(marker, closing, end):
                break  # shown as written from here
            out.copy(position + len(marker), found)  # the space CommonMark strips
            out.copy(found, closing, [*roles, CODE])
            position = closing + len(marker)
        elif kind == "link_open":
            opening = "<" if child.markup == "autolink" else "["
            if text.startswith(opening, position, end):
                position += 1
            roles.append(LINK)
        elif kind == "link_close":
            if len(roles) > len(base):
                roles.pop()
            position = _link_target(out, position, end, child.markup == "autolink", roles)
        elif kind in ("softbreak", "hardbreak"):
            newline = text.find("\n", position, end)
            if newline < 0:
                break
            out.copy(position, newline + 1, roles)
            position = newline + 1
    out.copy(position, end, base)


def _link_target(out: _Builder, position: int, end: int, autolink: bool, roles: list[str]) -> int:
    """After a link's text: ``](address)`` shown as `` (address)``, dimmed (its letters stay on
    screen: a search may match them). Where the source continues."""
    text = out.source
    if autolink:
        return position + 1 if text.startswith(">", position, end) else position
    if not text.startswith("](", position, end):
        return position
    depth = 0
    for at in range(position + 1, end):
        if text[at] == "(":
            depth += 1
        elif text[at] == ")":
            depth -= 1
            if depth == 0:
                out.insert(" ", roles)
                out.copy(position + 1, at + 1, (LINK_TARGET,))
                return at + 1
    return position  # no closing parenthesis on the line: shown as written


# -- tables -----------------------------------------------------------------------------------


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A row's cells as source ranges, trimmed, split at pipes not escaped by a backslash (as
    GFM does); the outer pipes are optional."""
    cells: list[tuple[int, int]] = []
    cell_start = start
    at = start
    while at < end:
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if char == "|":
            cells.append((cell_start, at))
            cell_start = at + 1
        at += 1
    cells.append((cell_start, end))
    trimmed = [_trim(text, s, e) for s, e in cells]
    if len(trimmed) > 1 and trimmed[0][0] == trimmed[0][1]:
        trimmed = trimmed[1:]  # before a leading pipe
    if len(trimmed) > 1 and trimmed[-1][0] == trimmed[-1][1]:
        trimmed = trimmed[:-1]  # after a trailing pipe
    return trimmed


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _table(out: _Builder, tokens: list[Token], lines: _Lines, width: int | None) -> None:
    text = out.source
    table_map = tokens[0].map
    assert table_map is not None
    inlines: dict[int, list[Token]] = {}
    for token in tokens:
        if token.type == "inline" and token.map is not None:
            inlines.setdefault(token.map[0], []).append(token)
    rule_line = table_map[0] + 1
    rule_cells = _cells(text, lines.starts[rule_line], lines.ends[rule_line])
    aligns = [_alignment(text[s:e]) for s, e in rule_cells]
    rows: list[list[_Builder]] = []
    for line in range(table_map[0], table_map[1]):
        if line == rule_line:
            continue
        cells = _cells(text, lines.starts[line], lines.ends[line])
        parsed = inlines.get(line, [])
        row: list[_Builder] = []
        for number, (start, end) in enumerate(cells):
            cell = _Builder(text)
            roles = (TABLE_HEADER,) if line == table_map[0] else ()
            if len(parsed) == len(cells):
                _inline(cell, start, end, parsed[number].children or [], roles)
            else:
                cell.copy(start, end, roles)
            row.append(cell)
        rows.append(row)
    columns = max(len(row) for row in rows)
    natural = [0] * columns
    for row in rows:
        for number, cell in enumerate(row):
            natural[number] = max(natural[number], cell_width(cell.text))
    widths = _fit(natural, width)
    for number, row in enumerate(rows):
        if number:
            out.insert("\n")
        _row(out, row, widths, aligns)
        if number == 0:
            out.insert("\n")
            out.insert(RULE_CROSS.join(RULE * w for w in widths), (MARKER,))


def _alignment(rule: str) -> str:
    if rule.endswith(":"):
        return "center" if rule.startswith(":") else "right"
    return "left"


def _fit(natural: list[int], width: int | None) -> list[int]:
    """Column widths: as wide as their widest cell, the widest ones narrowed (to no less than
    MIN_COLUMN) until the row fits ``width``. Too many columns to fit stay at that minimum and
    the row wraps in the pane."""
    widths = [max(w, 1) for w in natural]
    if width is None:
        return widths
    room = width - len(COLUMN_SEPARATOR) * (len(widths) - 1)
    if sum(widths) <= room:
        return widths
    low, high = MIN_COLUMN, max(widths)
    while low < high:  # the widest cap under which the columns fit
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= room:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


def _row(out: _Builder, row: list[_Builder], widths: list[int], aligns: list[str]) -> None:
    wrapped = [_wrap(cell.text, widths[n]) for n, cell in enumerate(row)]
    height = max((len(w) for w in wrapped), default=1)
    for line in range(height):
        if line:
            out.insert("\n")
        for number, column in enumerate(widths):
            if number:
                out.insert(COLUMN_SEPARATOR, (MARKER,))
            parts = wrapped[number] if number < len(wrapped) else []
            start, end = parts[line] if line < len(parts) else (0, 0)
            cell = row[number] if number < len(row) else None
            shown = cell_width(cell.text[start:end]) if cell else 0
            pad = max(column - shown, 0)
            align = aligns[number] if number < len(aligns) else "left"
            before = pad if align == "right" else pad // 2 if align == "center" else 0
            out.insert(" " * before)
            if cell is not None:
                out.place(cell, start, end)
            if number < len(widths) - 1:
                out.insert(" " * (pad - before))


def _wrap(text: str, width: int) -> list[tuple[int, int]]:
    """``text`` cut into lines of at most ``width`` cells: at spaces, a longer word cut."""
    lines: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        while start < len(text) and text[start] == " ":
            start += 1
        end, cells, last_space = start, 0, -1
        while end < len(text):
            size = cell_width(text[end])
            if cells + size > width and end > start:
                break
            if text[end] == " ":
                last_space = end
            cells += size
            end += 1
        if end < len(text) and last_space > start:
            end = last_space
        stop = end
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        if stop > start:
            lines.append((start, stop))
        start = end
    return lines or [(0, 0)]
