"""Claim diffs, matrices and timelines as rich tables, JSON and Markdown for the CLI.

Every piece of article text goes into ``rich.text.Text`` objects, never into markup strings.
Statuses carry a glyph and a word as well as a colour, so they read under NO_COLOR.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from search_index.claims.align import STATUSES, Comparison, Row
from search_index.claims.extract import Claim
from search_index.claims.matrix import Subject, TimelineEvent

from .cli.output import article_json
from .export_text import markdown_cell, markdown_emphasised_cell
from .plain import STATUS_WORDS, printable

_COLOURS = {
    "agree": "green",
    "compatible": "cyan",
    "conflict": "bold red",
    "only_a": "yellow",
    "only_b": "yellow",
}
STATUS_MARKS = {s: (*STATUS_WORDS[s], _COLOURS[s]) for s in STATUS_WORDS}


def _claim_json(claim: Claim | None) -> dict[str, Any] | None:
    if claim is None:
        return None
    return {
        "text": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "value_text": claim.value_text,
        "value_start": claim.value_start,
        "value_end": claim.value_end,
        "values": [claim.value],
        "hedge": claim.hedge,
        "unit": claim.unit,
        "attribution": claim.attribution,
        "frame": _frame_json(claim),
    }


def _frame_json(claim: Claim) -> dict[str, Any] | None:
    """What the figure counts or measures, in what role, for which event and scope."""
    frame = claim.frame
    if frame is None:
        return None
    return {
        "slot": frame.slot,
        "counted": frame.counted_text,
        "role": frame.role,
        "event": frame.event,
        "part": frame.part,
        "scope": list(frame.scope),
        "narrowed_by": list(frame.kind),
        "whose": frame.whose_text,
    }


def _row_json(row: Row) -> dict[str, Any]:
    return {
        "status": row.status,
        "topic": row.topic,
        "reason": row.reason,
        "a": _claim_json(row.a),
        "b": _claim_json(row.b),
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "a": article_json(comparison.a),
        "b": article_json(comparison.b),
        "summary": comparison.summary,
        "rows": [_row_json(r) for r in comparison.rows],
        "internal_conflicts": {
            "a": [_row_json(r) for r in comparison.internal_a],
            "b": [_row_json(r) for r in comparison.internal_b],
        },
    }


def _summary_text(comparison: Comparison) -> str:
    counts = comparison.summary
    return "  ".join(f"{STATUS_MARKS[s][0]} {STATUS_MARKS[s][1]}: {counts[s]}" for s in STATUSES)


def _claim_cell(claim: Claim | None, emphasise: bool) -> Text:
    if claim is None:
        return Text("·" * 3, style="dim")
    text = Text(claim.sentence)
    start, end = claim.value_start - claim.start, claim.value_end - claim.start
    text.stylize("bold underline" + (" red" if emphasise else ""), start, end)
    if claim.attribution:
        text.append(f"  ({claim.attribution})", style="dim italic")
    return text


def print_comparison(comparison: Comparison, console: Console) -> None:
    a, b = comparison.a, comparison.b
    for side, article in (("A ", a), ("B ", b)):
        console.print(
            Text.assemble(
                (side, "bold"), (printable(f"{article.id}  "), "cyan"), printable(article.title)
            )
        )
    console.print(Text(_summary_text(comparison), style="bold"))
    table = Table(show_lines=True, expand=True)
    table.add_column("", no_wrap=True, width=12)
    table.add_column("topic", ratio=1)
    # Text headers: a str header is read as markup, and an outlet may say "[/]".
    table.add_column(Text(printable(f"A: {a.outlet or a.id}")), ratio=3)
    table.add_column(Text(printable(f"B: {b.outlet or b.id}")), ratio=3)
    for row in comparison.rows:
        mark, word, style = STATUS_MARKS[row.status]
        label = Text(f"{mark} {word}", style=style)
        if row.reason:
            label.append(f"\n{row.reason.replace('_', ' ')}", style="dim")
        differs = row.status in ("conflict", "compatible")
        table.add_row(
            label,
            Text(row.topic),
            _claim_cell(row.a, differs),
            _claim_cell(row.b, differs),
        )
    console.print(table)
    for side, rows in (("A", comparison.internal_a), ("B", comparison.internal_b)):
        for row in rows:
            console.print(
                Text.assemble(
                    ("! ", "bold red"),
                    f"{side} contradicts itself on {row.topic or 'one subject'}: ",
                    (row.a.value_text if row.a else "", "bold"),
                    " vs ",
                    (row.b.value_text if row.b else "", "bold"),
                )
            )


def comparison_markdown(comparison: Comparison) -> str:
    a, b = comparison.a, comparison.b
    # Article text is data: every piece of it is escaped (markdown_cell), so the report shows
    # an article's HTML, links and images as text and none of them works.
    lines = [
        f"**A** {markdown_cell(a.id)}: {markdown_cell(a.title)}  ",
        f"**B** {markdown_cell(b.id)}: {markdown_cell(b.title)}",
        "",
        _summary_text(comparison),  # counts and status words: no article text
        "",
        "| status | topic | A | B |",
        "|---|---|---|---|",
    ]
    for row in comparison.rows:
        mark, word, _ = STATUS_MARKS[row.status]
        status = f"{mark} {word}" + (f" ({row.reason.replace('_', ' ')})" if row.reason else "")
        cells = []
        for claim in (row.a, row.b):
            if claim is None:
                cells.append("")
                continue
            s, e = claim.value_start - claim.start, claim.value_end - claim.start
            cells.append(markdown_emphasised_cell(claim.sentence, s, e))
        lines.append(f"| {status} | {markdown_cell(row.topic)} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


def _cell_values(subject: Subject, article_id: str) -> list[Claim]:
    return subject.cells().get(article_id, [])


def matrix_json(subjects: list[Subject], ids: list[str]) -> dict[str, Any]:
    return {
        "sources": ids,
        "subjects": [
            {
                "topic": s.topic,
                "kind": s.kind,
                "conflict": s.conflicting,
                "cells": {
                    article_id: [
                        {
                            "value": c.value,
                            "text": c.value_text,
                            "start": c.value_start,
                            "end": c.value_end,
                            "attribution": c.attribution,
                        }
                        for c in claims
                    ]
                    for article_id, claims in s.cells().items()
                },
            }
            for s in subjects
        ],
    }


def print_matrix(subjects: list[Subject], ids: list[str], console: Console) -> None:
    table = Table(show_lines=True, expand=True)
    table.add_column("", no_wrap=True, min_width=10)
    table.add_column("subject", min_width=12, ratio=1)
    for article_id in ids:
        table.add_column(Text(printable(article_id[:8])), ratio=1, overflow="fold")
    for subject in subjects:
        flag = Text("! conflict", style="bold red") if subject.conflicting else Text("")
        cells = [
            Text(", ".join(c.value_text for c in _cell_values(subject, i)) or "·") for i in ids
        ]
        table.add_row(flag, Text(subject.topic), *cells)
    console.print(table)
    conflicts = sum(1 for s in subjects if s.conflicting)
    console.print(f"{len(subjects)} subjects, {conflicts} with conflicting values")


def matrix_markdown(subjects: list[Subject], ids: list[str]) -> str:
    header = " | ".join(markdown_cell(i) for i in ids)
    lines = [f"| | subject | {header} |", "|---|---|" + "---|" * len(ids)]
    for subject in subjects:
        flag = "! conflict" if subject.conflicting else ""
        cells = [
            markdown_cell(", ".join(c.value_text for c in _cell_values(subject, i))) for i in ids
        ]
        lines.append(f"| {flag} | {markdown_cell(subject.topic)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def timeline_json(events: list[TimelineEvent]) -> list[dict[str, Any]]:
    return [
        {
            "when": e.when,
            "topic": e.topic,
            "conflict": e.conflicting,
            "sources": [
                {
                    "id": c.article_id,
                    "value": c.value,
                    "text": c.sentence,
                    "start": c.start,
                    "end": c.end,
                }
                for c in e.claims
            ],
        }
        for e in events
    ]


def print_timeline(events: list[TimelineEvent], console: Console) -> None:
    for event in events:
        flag = ("! ", "bold red") if event.conflicting else ("  ", "")
        console.print(Text.assemble(flag, (f"{event.when:<10}", "bold"), "  ", event.topic))
        for claim in event.claims:
            console.print(
                Text.assemble(
                    "      ",
                    (printable(f"{claim.article_id[:8]} "), "cyan"),
                    (claim.value, "bold"),
                    "  ",
                    claim.sentence[:160],
                )
            )
