"""Text made inert for Markdown: shown literally by any Markdown renderer.

An article is data, never markup. Its raw HTML (``<img src=x onerror=...>``), links
(``[x](javascript:...)``) and images (``![](http://tracker/...)``) copied into a report would
come alive wherever the report is rendered. Here every character Markdown or HTML gives a
meaning to is escaped, so the rendered report shows the text as written and nothing else.

``<``, ``>`` and ``&`` become HTML entities, which every Markdown dialect passes through and
every browser shows as the character (a backslash before ``<`` is CommonMark only); the rest of
Markdown's punctuation gets a backslash. The one place this is done: the reports here and the
CLI's and the app's Markdown tables (tui/export_text.py) all escape through it.
"""

from __future__ import annotations

import re

__all__ = ["markdown_cell", "markdown_emphasised_cell", "markdown_text"]

# Backslash escapes, for characters that start emphasis, code, links and images, tables, and
# strikethrough. The backslash itself comes first, so a backslash in the text stays one.
_BACKSLASHED = "\\`*_{}[]()!|~#+"
_ESCAPES = {ord(c): "\\" + c for c in _BACKSLASHED} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
}
# "javascript:", "http:", "mailto:": a renderer that links bare URLs (markdown-it's linkify, in
# GitHub-like setups) finds them in the source, before escapes are read, and took a following
# "\)" into the link. A backslash before the colon (a plain colon once rendered) stops it
# seeing a scheme at all. (A colon before a space, as in prose, starts no scheme.)
_SCHEME_COLON = re.compile(r"(?<=[A-Za-z]):(?=\S)")
# Only at the start of a line is "1." an ordered list item (")" is escaped everywhere).
_ORDERED = re.compile(r"\d{1,9}(?=\.)")
_BLANKS = re.compile(r"\s+")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly ``text`` (line breaks kept as breaks)."""
    lines = [_line_start(_inline(line).strip()) for line in text.split("\n")]
    # A lone line break in Markdown is a space; two trailing spaces keep it a break.
    return "  \n".join(lines)


def markdown_cell(text: str) -> str:
    """``text`` as one line of Markdown (a table cell): blanks collapsed, pipes escaped,
    rendered literally."""
    return _line_start(_inline(text).strip())


def markdown_emphasised_cell(text: str, start: int, end: int) -> str:
    """A table cell of ``text`` with ``text[start:end]`` in bold (the only markup in it)."""
    value = text[start:end]
    if not value.strip():
        return markdown_cell(text)
    inner = _inline(value).strip()
    # "**" must touch the value to open and close the bold: spaces stay outside it.
    lead = " " if value[:1].isspace() else ""
    trail = " " if value[-1:].isspace() else ""
    joined = f"{_inline(text[:start])}{lead}**{inner}**{trail}{_inline(text[end:])}"
    return _line_start(joined.strip())


def _inline(text: str) -> str:
    # Line breaks would end a table row or a paragraph; leading blanks make a code block; and
    # runs of blanks show as one in any rendering. Spaces at either end are kept: parts of
    # one cell are escaped one by one and joined.
    escaped = _BLANKS.sub(" ", text).translate(_ESCAPES)
    return _SCHEME_COLON.sub(r"\:", escaped)


def _line_start(escaped: str) -> str:
    # A list item ("- x"), a setext underline or rule ("===", "---") and an ordered item
    # ("1. x") are text everywhere but at the start of a line.
    if escaped[:1] in ("-", "="):
        return "\\" + escaped
    number = _ORDERED.match(escaped)
    if number is not None:
        return f"{number.group()}\\{escaped[number.end() :]}"
    return escaped
