"""A report as Markdown, every piece of article data escaped so it renders as written.

``<``, ``>`` and ``&`` become HTML entities (an article's raw HTML must not come alive where the
report is rendered); Markdown's punctuation gets a backslash, pipes included, so a sentence
cannot end a table cell, open a link or start emphasis. Only http(s) URLs become links.
"""

from __future__ import annotations

import re

from .markdown_text import markdown_cell as markdown_escape
from .markdown_text import markdown_emphasised_cell
from .rows import VERDICT_WORDS, Quote, Report, ReportRow, SourceInfo, sides, web_url

# In a link destination: what would end it or break it.
_URL_UNSAFE = re.compile(r"[\s()<>\\]")


def _link(label: str, url: str | None) -> str:
    """``[label](url)`` for a web URL (its parentheses and blanks percent-encoded), else the
    escaped label alone."""
    safe = web_url(url)
    if safe is None:
        return markdown_escape(label)
    target = _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", safe)
    return f"[{markdown_escape(label)}]({target})"


def render_markdown(report: Report) -> str:
    a, b = report.a, report.b
    lines = [
        f"# Claim diff: {markdown_escape(a.outlet or a.id)} / {markdown_escape(b.outlet or b.id)}",
        "",
        "## Sources",
        "",
        _source(a),
        _source(b),
        "",
        "## Summary",
        "",
        ", ".join(f"{VERDICT_WORDS[v]}: {n}" for v, n in report.counts.items()),
    ]
    for verdict, rows in report.groups():
        lines += [
            "",
            f"## {VERDICT_WORDS[verdict]} ({len(rows)})",
            "",
            "| topic | "
            + " | ".join(
                f"{side}: {markdown_escape(s.outlet or s.id)}"
                for side, s in (("A", a), ("B", b))
                if side in sides(verdict)
            )
            + " |",
            "|---" * (1 + len(sides(verdict))) + "|",
        ]
        lines.extend(_row(row, sides(verdict)) for row in rows)
    if not report.rows:
        lines += ["", "The two sources share no figure or date to compare."]
    return "\n".join(lines) + "\n"


def _source(source: SourceInfo) -> str:
    if web_url(source.url) is not None:
        where = _link(source.url or "", source.url)
    else:
        where = markdown_escape(source.url) if source.url else "URL unknown"
    outlet = markdown_escape(source.outlet or "outlet unknown")
    title = markdown_escape(source.title)
    date = markdown_escape(source.date or "date unknown")
    # A list item per source, read aloud as a citation: outlet, title, date, URL.
    ident = markdown_escape(source.id)
    return f"- **{source.label}**: {outlet}, “{title}”, {date}, {where} (id {ident})"


def _row(row: ReportRow, shown: tuple[str, ...]) -> str:
    topic = markdown_escape(row.topic)
    if row.reason:
        topic += f" ({markdown_escape(row.reason)})"
    return "| " + " | ".join([topic, *(_quote(row.quote(side)) for side in shown)]) + " |"


def _quote(quote: Quote | None) -> str:
    if quote is None:
        return "not reported"
    value = markdown_escape(quote.value)
    # The sentence as written, the value in it in bold.
    start = len(quote.before)
    sentence = markdown_emphasised_cell(
        quote.before + quote.value + quote.after, start, start + len(quote.value)
    )
    cell = f"**{value}**: “{sentence}”"
    if quote.attribution:
        cell += f" (attributed to {markdown_escape(quote.attribution)})"
    if quote.link:
        cell += " " + _link("source", quote.link)
    return cell
