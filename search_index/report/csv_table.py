"""A report as CSV (RFC 4180, by the csv module): one row per claim-diff row.

Quoting, embedded commas, quotes and line breaks are the csv module's job. One more guard: a
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to a
spreadsheet (OWASP's "CSV injection"), so such a cell gets a leading apostrophe, which
spreadsheets show as text and which says plainly that the cell was guarded.
"""

from __future__ import annotations

import csv
import io

from .rows import VERDICT_WORDS, Quote, Report

CSV_COLUMNS = ("topic", "verdict", "reason", "source A value", "source B value", "sentences")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report) -> str:
    out = io.StringIO()
    # RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        writer.writerow(
            [
                _cell(row.topic),
                VERDICT_WORDS[row.verdict],
                _cell(row.reason or ""),
                _cell(row.a.value if row.a else ""),
                _cell(row.b.value if row.b else ""),
                _cell(_sentences(row.a, row.b)),
            ]
        )
    return out.getvalue()


def _sentences(a: Quote | None, b: Quote | None) -> str:
    """Each source's sentence on its own line, labelled by source."""
    return "\n".join(f"{label}: {q.sentence}" for label, q in (("A", a), ("B", b)) if q)


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
