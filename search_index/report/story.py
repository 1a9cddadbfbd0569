"""A story overview as a report: every source cited, every fact with each source's value and
the sentence it comes from, in HTML, Markdown or CSV.

The same escaping as the claim diff's report (html.escape, markdown_escape, the CSV formula
guard): titles, outlets, sentences and URLs are data, never markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..models import Article
from ..story_overview import StoryOverview
from .csv_table import _cell
from .html import _CSS
from .markdown import _link
from .markdown_text import markdown_cell as markdown_escape
from .rows import Quote, SourceInfo, _quote, _shown, _source, web_url

STANCE_WORDS = {
    "agree": "agrees",
    "differ": "differs",
    "compatible": "compatible",
    "alone": "only source",
}
STORY_CSV_COLUMNS = (
    "fact",
    "consensus",
    "source",
    "article id",
    "stance",
    "value",
    "sentence",
    "link",
)


@dataclass(frozen=True, slots=True)
class StoryCell:
    source: SourceInfo
    stance: str
    """One of :data:`STANCE_WORDS`' keys."""
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class StoryRow:
    topic: str
    consensus: str | None
    conflicting: bool
    cells: tuple[StoryCell, ...]


@dataclass(frozen=True, slots=True)
class StoryReport:
    name: str
    sources: tuple[tuple[SourceInfo, str], ...]
    """Each source and how it stands ("agrees 4, differs 1, alone 2, first")."""
    rows: tuple[StoryRow, ...]


def build_story_report(
    overview: StoryOverview,
    articles: Mapping[str, Article],
    show_all: bool = False,
) -> StoryReport:
    """``overview`` as report data; ``articles`` (by id) give each source's title and URL.
    Facts only one source gives are left out unless ``show_all``, as the overview shows."""
    infos = {
        s.article_id: _source(s.outlet or s.article_id, articles[s.article_id])
        for s in overview.sources
    }
    standings = []
    for s in overview.sources:
        notes = [f"agrees {s.agrees}", f"differs {s.differs}", f"alone {s.alone}"]
        notes += ["first"] * s.first + ["outlier"] * s.outlier
        standings.append((infos[s.article_id], ", ".join(notes)))
    rows = []
    for fact in overview.facts:
        if not show_all and len(fact.cells) < 2:
            continue
        cells = tuple(
            StoryCell(
                source=infos[article_id],
                stance=fact.stances[article_id],
                quotes=tuple(
                    q for c in claims if (q := _quote(c, infos[article_id].url)) is not None
                ),
            )
            for article_id, claims in fact.cells.items()
            if article_id in infos
        )
        rows.append(
            StoryRow(
                topic=_shown(fact.topic),
                consensus=_shown(fact.consensus_value) if fact.consensus_value else None,
                conflicting=fact.conflicting,
                cells=cells,
            )
        )
    return StoryReport(_shown(overview.name or "the whole corpus"), tuple(standings), tuple(rows))


def render_story(report: StoryReport, fmt: str) -> str:
    if fmt == "html":
        return _html(report)
    if fmt == "md":
        return _markdown(report)
    if fmt == "csv":
        return _csv(report)
    raise ValueError(f"unknown report format {fmt!r}; expected html, md or csv")


def _cited(source: SourceInfo) -> str:
    """Outlet, title, date: the words of a citation (a Markdown or HTML caller escapes them)."""
    parts = [source.outlet or source.id, f"“{source.title}”"]
    if source.date:
        parts.append(source.date)
    return ", ".join(parts)


def _markdown(report: StoryReport) -> str:
    lines = [f"# Story report: {markdown_escape(report.name)}", "", "## Sources", ""]
    for source, standing in report.sources:
        url = f" — {_link(source.url, source.url)}" if source.url else ""
        lines.append(f"- {markdown_escape(_cited(source))}{url} ({markdown_escape(standing)})")
    lines += ["", "## Facts"]
    for row in report.rows:
        mark = "! " if row.conflicting else ""
        lines += ["", f"### {markdown_escape(mark + row.topic)}", ""]
        if row.consensus:
            lines += [f"Consensus: **{markdown_escape(row.consensus)}**", ""]
        for cell in row.cells:
            who = markdown_escape(cell.source.outlet or cell.source.id)
            for quote in cell.quotes:
                link = f" ({_link('source', quote.link)})" if quote.link else ""
                lines.append(
                    f"- **{who}** ({STANCE_WORDS[cell.stance]}): **{markdown_escape(quote.value)}**"
                    f" — “{markdown_escape(quote.sentence)}”{link}"
                )
    return "\n".join(lines) + "\n"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _html(report: StoryReport) -> str:
    title = f"Story report: {report.name}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # No script and no fetch of any kind, even if escaping were ever bypassed.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        "<h2>Sources</h2>",
        '<dl class="sources">',
    ]
    for source, standing in report.sources:
        parts.append(f"<dt>{_e(_cited(source))}</dt>")
        if source.url:
            parts.append(f"<dd>{_a(source.url, source.url)}</dd>")
        parts.append(f'<dd class="meta">{_e(standing)}</dd>')
    parts += ["</dl>", "<h2>Facts</h2>"]
    for row in report.rows:
        mark = "! " if row.conflicting else ""
        parts.append(f"<h3>{_e(mark + row.topic)}</h3>")
        if row.consensus:
            parts.append(f'<p class="meta">Consensus: <b>{_e(row.consensus)}</b></p>')
        parts.append("<ul>")
        for cell in row.cells:
            who = _e(cell.source.outlet or cell.source.id)
            for quote in cell.quotes:
                cite = _a("source", quote.link)
                link = f' <span class="cite">{cite}</span>' if quote.link else ""
                parts.append(
                    f"<li><b>{who}</b> ({_e(STANCE_WORDS[cell.stance])}): "
                    f'<span class="value">{_e(quote.value)}</span>'
                    f"<blockquote>{_e(quote.before)}<mark>{_e(quote.value)}</mark>"
                    f"{_e(quote.after)}</blockquote>{link}</li>"
                )
        parts.append("</ul>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _a(label: str, url: str | None) -> str:
    safe = web_url(url)
    return f'<a href="{_e(safe)}">{_e(label)}</a>' if safe else _e(label)


def _csv(report: StoryReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STORY_CSV_COLUMNS)
    for row in report.rows:
        for cell in row.cells:
            for quote in cell.quotes:
                writer.writerow(
                    [
                        _cell(row.topic),
                        _cell(row.consensus or ""),
                        _cell(cell.source.outlet or ""),
                        _cell(cell.source.id),
                        STANCE_WORDS[cell.stance],
                        _cell(quote.value),
                        _cell(quote.sentence),
                        quote.link or "",
                    ]
                )
    return out.getvalue()
