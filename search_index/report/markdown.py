"""A report as Markdown, every piece of article data escaped so it renders as written.

``<``, ``>`` and ``&`` become HTML entities (an article's raw HTML must not come alive where the
report is rendered); Markdown's punctuation gets a backslash, pipes included, so a sentence
cannot end a table cell, open a link or start emphasis. Only http(s) URLs become links.
"""

from __future__ import annotations

import re

from .rows import VERDICT_WORDS, Quote, Report, ReportRow, SourceInfo, sides, web_url

# The backslash itself first, so a backslash in the text stays one.
_BACKSLASHED = "\\`*_{}[]()!|~#+"
_ESCAPES = {ord(c): "\\" + c for c in _BACKSLASHED} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
}
# A renderer that links bare URLs (GitHub's) sees "javascript:x" before any escape is read: a
# backslash before a scheme's colon stops it seeing a scheme.
_SCHEME_COLON = re.compile(r"(?<=[A-Za-z]):(?=\S)")
_BLANKS = re.compile(r"\s+")
# At the start of a cell or line only: a list item, a rule or heading underline, "1." items.
_LINE_START = re.compile(r"^([-=]|\d{1,9}(?=\.))")
# In a link destination: what would end it or break it.
_URL_UNSAFE = re.compile(r"[\s()<>\\]")


def markdown_escape(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly ``text`` (blanks collapsed)."""
    return _line_start(_inline(text).strip())


def _inline(text: str) -> str:
    # Blanks at either end are kept: parts of one cell are escaped apart and joined.
    escaped = _BLANKS.sub(" ", text).translate(_ESCAPES)
    return _SCHEME_COLON.sub(r"\:", escaped)


def _line_start(escaped: str) -> str:
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group()[0].isdigit():  # "1." -> "1\." (no ordered list)
        return f"{match.group()}\\{escaped[match.end() :]}"
    return "\\" + escaped  # "- x", "=== " -> text


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
    # The sentence as written, the value in it in bold: "**" must touch the value, so blanks
    # around it stay outside.
    lead = " " if quote.value[:1].isspace() else ""
    trail = " " if quote.value[-1:].isspace() else ""
    sentence = f"{_inline(quote.before)}{lead}**{value}**{trail}{_inline(quote.after)}".strip()
    cell = f"**{value}**: “{sentence}”"
    if quote.attribution:
        cell += f" (attributed to {markdown_escape(quote.attribution)})"
    if quote.link:
        cell += " " + _link("source", quote.link)
    return cell
