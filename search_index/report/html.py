"""A report as one self-contained HTML file: inline CSS, no script, nothing fetched.

Every piece of article data (titles, outlets, sentences, values, URLs) goes through
``html.escape`` with quotes escaped, so an article's ``<script>`` or ``" onload=`` shows as
text. Only http(s) URLs become links. The page reads the same printed: links print their
address, rows do not split across pages.
"""

from __future__ import annotations

from html import escape

from .rows import VERDICT_WORDS, Quote, Report, ReportRow, SourceInfo, sides, web_url

# Colours pass WCAG AA on white; each verdict also has a word, so a grey print reads the same.
_CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; }
.meta { color: #444; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { border: 1px solid #bbb; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
.topic { width: 16%; font-weight: bold; }
.reason { display: block; font-weight: normal; font-style: italic; color: #444; }
.value { font-weight: bold; }
blockquote { margin: .25rem 0 0; padding-left: .5rem; border-left: 3px solid #ccc; }
mark { background: #fff1a8; color: inherit; }
.verdict-conflict h2 { color: #a30000; }
.absent { color: #666; font-style: italic; }
.cite { font-size: .85rem; }
a { color: #0645ad; }
dl.sources dt { font-weight: bold; margin-top: .5rem; }
dl.sources dd { margin-left: 1.5rem; }
@media print {
  body { margin: 0; max-width: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .75rem; word-break: break-all; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def render_html(report: Report) -> str:
    a, b = report.a, report.b
    title = f"Claim diff: {a.outlet or a.id} / {b.outlet or b.id}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # No script and no fetch of any kind, even if escaping were ever bypassed.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        '<p class="meta">Made by kimreader: the figures and dates two sources give for the '
        "same things, side by side, each with the sentence it comes from.</p>",
        '<h2>Sources</h2><dl class="sources">',
        _source(a),
        _source(b),
        "</dl>",
        _summary(report),
    ]
    for verdict, rows in report.groups():
        parts.append(f'<section class="verdict-{_e(verdict)}">')
        parts.append(f"<h2>{_e(VERDICT_WORDS[verdict])} ({len(rows)})</h2>")
        shown = sides(verdict)
        heads = "".join(
            f"<th>{side}: {_e(s.outlet or s.id)}</th>"
            for side, s in (("A", a), ("B", b))
            if side in shown
        )
        parts.append(f"<table><thead><tr><th>topic</th>{heads}</tr></thead><tbody>")
        parts.extend(_row(row, shown) for row in rows)
        parts.append("</tbody></table></section>")
    if not report.rows:
        parts.append("<p>The two sources share no figure or date to compare.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _source(source: SourceInfo) -> str:
    url = web_url(source.url)
    if url is not None:
        where = f'<a href="{_e(url)}">{_e(url)}</a>'
    elif source.url:
        where = _e(source.url)  # not a web address: shown, not linked
    else:
        where = '<span class="absent">URL unknown</span>'
    return (
        f"<dt>{_e(source.label)}: {_e(source.outlet or 'outlet unknown')}</dt>"
        f"<dd>{_e(source.title)}</dd>"
        f"<dd>{_e(source.date or 'date unknown')} · id {_e(source.id)}</dd>"
        f"<dd>{where}</dd>"
    )


def _summary(report: Report) -> str:
    counts = report.counts
    items = "".join(
        f"<li>{_e(VERDICT_WORDS[v])}: {n}</li>" for v, n in counts.items() if n or v == "conflict"
    )
    return f"<h2>Summary</h2><ul>{items}</ul>"


def _row(row: ReportRow, shown: tuple[str, ...]) -> str:
    reason = f'<span class="reason">{_e(row.reason)}</span>' if row.reason else ""
    cells = "".join(f"<td>{_quote(row.quote(side))}</td>" for side in shown)
    return f'<tr><td class="topic">{_e(row.topic)}{reason}</td>{cells}</tr>'


def _quote(quote: Quote | None) -> str:
    if quote is None:
        return '<span class="absent">not reported</span>'
    sentence = f"{_e(quote.before)}<mark>{_e(quote.value)}</mark>{_e(quote.after)}"
    cite = []
    if quote.attribution:
        cite.append(f"attributed to {_e(quote.attribution)}")
    if quote.link:
        cite.append(f'<a href="{_e(quote.link)}">open the source at this sentence</a>')
    cite_html = f'<div class="cite">{" · ".join(cite)}</div>' if cite else ""
    return (
        f'<span class="value">{_e(quote.value)}</span>'
        f"<blockquote>{sentence}</blockquote>{cite_html}"
    )
