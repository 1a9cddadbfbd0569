"""A story's overview as a rich table, JSON and Markdown for the CLI.

Article text (values as written, outlets, names) goes into ``rich.text.Text`` objects and
escaped Markdown cells, never into markup. Stances carry a glyph as well as a colour, so they
read under NO_COLOR.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from search_index.story_overview import Fact, SourceStanding, StoryOverview

from .export_text import markdown_cell
from .plain import printable

# glyph, word, colour
STANCE_MARKS = {
    "agree": ("=", "agrees", "green"),
    "differ": ("!", "DIFFERS", "bold red"),
    "compatible": ("~", "compatible", "cyan"),
    "alone": ("+", "alone", "yellow"),
}
LEGEND = "= agrees with the consensus or another source · ! differs · ~ compatible · + only source"


def overview_json(overview: StoryOverview) -> dict[str, Any]:
    return {
        "story": {"id": overview.story_id, "name": overview.name} if overview.story_id else None,
        "sources": [_source_json(s) for s in overview.sources],
        "facts": [_fact_json(f) for f in overview.facts],
        "conflicts": overview.conflicts,
    }


def _source_json(source: SourceStanding) -> dict[str, Any]:
    return {
        "id": source.article_id,
        "outlet": source.outlet,
        "published": source.published.isoformat() if source.published else None,
        "agrees": source.agrees,
        "differs": source.differs,
        "alone": source.alone,
        "compatible": source.compatible,
        "first": source.first,
        "outlier": source.outlier,
    }


def _fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "topic": fact.topic,
        "kind": fact.kind,
        "conflict": fact.conflicting,
        "consensus": fact.consensus_value,
        "consensus_sources": list(fact.consensus),
        "first": list(fact.first),
        "cells": {
            article_id: {
                "stance": fact.stances[article_id],
                "values": [
                    {
                        "text": c.value_text,
                        "value": c.value,
                        "start": c.value_start,
                        "end": c.value_end,
                        "sentence": c.sentence,
                        "attribution": c.attribution,
                    }
                    for c in claims
                ],
            }
            for article_id, claims in fact.cells.items()
        },
    }


def shared_facts(overview: StoryOverview, show_all: bool) -> list[Fact]:
    """The rows to show: facts two or more sources give, or (``show_all``) every fact."""
    return [f for f in overview.facts if show_all or len(f.cells) > 1]


def source_notes(source: SourceStanding) -> str:
    notes = []
    if source.first:
        notes.append("first")
    if source.outlier:
        notes.append("outlier")
    return ", ".join(notes)


def published_text(source: SourceStanding) -> str:
    return source.published.isoformat(sep=" ", timespec="minutes") if source.published else "—"


def fact_label(fact: Fact) -> Text:
    """The fact's topic, marked "!" and red when sources differ on it."""
    if fact.conflicting:
        return Text(f"! {fact.topic}", style="bold red")
    return Text(fact.topic)


def cell_text(fact: Fact, article_id: str) -> str:
    """A cell as written: "! approximately 11,000", "= over 6,000", "·" when it says nothing."""
    claims = fact.cells.get(article_id)
    if not claims:
        return "·"
    glyph = STANCE_MARKS[fact.stances[article_id]][0]
    return f"{glyph} " + "; ".join(dict.fromkeys(c.value_text for c in claims))


def print_overview(overview: StoryOverview, console: Console, show_all: bool = False) -> None:
    title = overview.name or "the whole corpus"
    facts = shared_facts(overview, show_all)
    console.print(
        Text.assemble(
            ("Story overview: ", "bold"),
            printable(title),
            f"  ({len(overview.sources)} sources, {len(facts)} facts shown, "
            f"{overview.conflicts} with differing values)",
        )
    )
    sources = Table(show_edge=False, pad_edge=False)
    sources.add_column("source", no_wrap=True, style="bold")
    sources.add_column("published", no_wrap=True)
    for label in ("agrees", "differs", "alone"):
        sources.add_column(label, justify="right")
    sources.add_column("", no_wrap=True)
    for source in overview.sources:
        sources.add_row(
            Text(printable(source.outlet)),
            Text(published_text(source)),
            Text(str(source.agrees)),
            Text(str(source.differs), style="bold red" if source.differs else ""),
            Text(str(source.alone)),
            Text(source_notes(source), style="bold"),
        )
    console.print(sources)
    if not facts:
        console.print("No fact is given by two or more sources (--all lists every fact).")
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("fact", min_width=12, ratio=1)
    table.add_column("consensus", ratio=1)
    for source in overview.sources:
        table.add_column(Text(printable(source.outlet[:16])), ratio=1, overflow="fold")
    for fact in facts:
        row = [
            fact_label(fact),
            Text(printable(fact.consensus_value or "—")),
        ]
        for source in overview.sources:
            stance = fact.stances.get(source.article_id)
            style = STANCE_MARKS[stance][2] if stance else "dim"
            row.append(Text(printable(cell_text(fact, source.article_id)), style=style))
        table.add_row(*row)
    console.print(table)
    console.print(Text(LEGEND, style="dim"))


def overview_markdown(overview: StoryOverview, show_all: bool = False) -> str:
    title = overview.name or "the whole corpus"
    lines = [
        f"## Story overview: {markdown_cell(title)}",
        "",
        "| source | published | agrees | differs | alone | |",
        "|---|---|---|---|---|---|",
    ]
    for s in overview.sources:
        when = s.published.isoformat(sep=" ", timespec="minutes") if s.published else ""
        lines.append(
            f"| {markdown_cell(s.outlet)} | {when} | {s.agrees} | {s.differs} | {s.alone} "
            f"| {source_notes(s)} |"
        )
    header = " | ".join(markdown_cell(s.outlet) for s in overview.sources)
    lines += ["", f"| fact | consensus | {header} |", "|---|---|" + "---|" * len(overview.sources)]
    for fact in shared_facts(overview, show_all):
        cells = [markdown_cell(cell_text(fact, s.article_id)) for s in overview.sources]
        topic = ("! " if fact.conflicting else "") + fact.topic
        consensus = markdown_cell(fact.consensus_value or "—")
        lines.append(f"| {markdown_cell(topic)} | {consensus} | " + " | ".join(cells) + " |")
    lines += ["", markdown_cell(LEGEND)]
    return "\n".join(lines) + "\n"
