"""A claim diff as a report a professional can paste or send: HTML, Markdown and CSV.

``rows.py`` turns a :class:`~search_index.claims.align.Comparison` into plain report data (the
two sources' citations, the rows grouped by verdict, conflicts first); ``html.py``,
``markdown.py`` and ``csv_table.py`` each render that data as one format. Article text, titles,
outlets and URLs are data, never markup: every renderer escapes them for its format.

Plain typed functions only: no rich, no Textual (the CLI's ``kimreader report`` and the app's
export keys both call these).
"""

from __future__ import annotations

from .citation import Citation, citation_of, format_for, proposed_name, write_report
from .csv_table import CSV_COLUMNS, render_csv
from .html import render_html
from .markdown import render_markdown
from .markdown_text import markdown_cell as markdown_escape
from .rows import (
    VERDICT_ORDER,
    VERDICT_WORDS,
    Quote,
    Report,
    ReportRow,
    SourceInfo,
    build_report,
    sentence_link,
)
from .story import STORY_CSV_COLUMNS, StoryReport, build_story_report, render_story

FORMATS = ("html", "md", "csv")
"""What ``render`` accepts, as ``--format`` spells it."""


def render(report: Report, fmt: str) -> str:
    """``report`` in one of :data:`FORMATS`."""
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "csv":
        return render_csv(report)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "STORY_CSV_COLUMNS",
    "VERDICT_ORDER",
    "VERDICT_WORDS",
    "Citation",
    "Quote",
    "Report",
    "ReportRow",
    "SourceInfo",
    "StoryReport",
    "build_report",
    "build_story_report",
    "citation_of",
    "format_for",
    "markdown_escape",
    "proposed_name",
    "render",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_story",
    "sentence_link",
    "write_report",
]
