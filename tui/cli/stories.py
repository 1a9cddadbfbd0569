"""``kimreader stories``: the corpus's articles grouped into the events they report."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from search_index.stories import Story
from search_index.story_index import story_json

from ..plain import printable
from .output import open_library, print_json, stderr, stdout

# A story's sources are listed by outlet; past this many the rest are counted.
SHOWN_OUTLETS = 4


@click.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def stories_cmd(corpus: Path | None, as_json: bool) -> None:
    """The corpus's articles grouped into stories (one event, several sources), newest first."""
    with open_library(corpus) as library:
        told: dict[str, bool] = {}

        def progress(done: int, total: int) -> None:
            # The first grouping of a large corpus takes a while: say so once, on a terminal.
            if not told and stderr().is_terminal and total >= 1000:
                stderr().print(f"grouping {total} articles into stories (once: kept afterwards)…")
                told["yes"] = True

        found = library.stories(progress)
        warnings = library.story_warnings
    for warning in warnings:
        stderr().print(Text(printable(f"warning: {warning}"), style="yellow"))
    if as_json:
        print_json([story_json(s) for s in found])
        return
    table = Table(show_edge=False, pad_edge=False)
    # The name is what the list is read for: it keeps the room, the outlets are cut.
    table.add_column("story", no_wrap=True, style="bold")
    table.add_column("name", ratio=1, min_width=30)
    table.add_column("dates", no_wrap=True)
    table.add_column("articles", justify="right", min_width=8)
    table.add_column("outlets", no_wrap=True, overflow="ellipsis", max_width=24)
    for story in found:
        outlets = list(story.outlets[:SHOWN_OUTLETS])
        if len(story.outlets) > SHOWN_OUTLETS:
            outlets.append(f"+{len(story.outlets) - SHOWN_OUTLETS}")
        table.add_row(
            Text(story.id),
            Text(printable(story.name)),
            Text(_span(story)),
            Text(str(len(story.members))),
            Text(printable(", ".join(outlets) or "—")),
        )
    stdout().print(table)
    stderr().print(f"{len(found)} stor{'y' if len(found) == 1 else 'ies'}")


def _span(story: Story) -> str:
    if story.first is None:
        return "—"
    if story.last is None or story.last == story.first:
        return story.first.isoformat()
    return f"{story.first.isoformat()} – {story.last.isoformat()}"
