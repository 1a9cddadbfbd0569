"""``kimreader search``: the corpus searched from the shell, as text or JSON.

A module of its own, apart from ``reading``'s list, entities and show, so that a search loads
only what it needs: ``--json`` is written with the json module alone, and rich is imported only
for text output or a message on standard error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from search_index.library import DEFAULT_LIMIT

from ..plain import printable
from .output import EXIT_NO_HITS, fail, open_library, print_json, stderr, stdout

if TYPE_CHECKING:
    from rich.text import Text

    from search_index.models import Hit, SearchResult


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--limit", "-n", type=click.IntRange(1, 10_000), default=DEFAULT_LIMIT, show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def search_cmd(corpus: Path | None, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search titles and text. QUERY uses Whoosh's syntax: words, "phrases", AND/OR/NOT,
    title:/outlet:/body: fields, wildcards (sculpt*)."""
    text = " ".join(query)
    with open_library(corpus) as library:
        result = library.search(text, limit=limit)
    if result.notice:
        _say(f"note: {result.notice}", style="yellow")
    if result.error:
        if as_json:
            print_json(_search_json(result))
        fail(result.error)
    if result.corrected:
        _say(f"no results for {text!r}; showing results for {result.corrected!r}")
    if as_json:
        print_json(_search_json(result))
    else:
        _print_hits(result)
    if not result.total:
        raise SystemExit(EXIT_NO_HITS)


def _say(message: str, style: str = "") -> None:
    """A line on standard error (rich, loaded here: most searches have nothing to say)."""
    from rich.text import Text

    stderr().print(Text(message, style=style))


def _print_hits(result: SearchResult) -> None:
    if not result.hits:
        stderr().print("no matches")
        return
    for hit in result.hits:
        stdout().print(_hit_text(hit))
    shown = len(result.hits)
    more = f" (showing {shown})" if shown < result.total else ""
    stderr().print(f"{result.total} matching article{'s' if result.total != 1 else ''}{more}")


def _hit_text(hit: Hit) -> Text:
    from rich.text import Text

    meta = " · ".join(
        part for part in (hit.outlet, hit.published.isoformat() if hit.published else None) if part
    )
    line = Text.assemble((printable(hit.id), "bold cyan"), "  ", (printable(hit.title), "bold"))
    if meta:
        line.append(printable(f"  ({meta})"), style="dim")
    snippet = Text(printable(hit.snippet.text))
    for span in hit.snippet.highlights:
        # Bold and underline, not colour alone, so matches stand out under NO_COLOR too.
        snippet.stylize("bold underline yellow", span.start, span.end)
    return Text.assemble(line, "\n  ", snippet, "\n")


def _search_json(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "corrected": result.corrected,
        "total": result.total,
        "notice": result.notice,
        "error": result.error,
        "hits": [
            {
                "id": hit.id,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published.isoformat() if hit.published else None,
                "score": round(hit.score, 4),
                "snippet": hit.snippet.text,
                "highlights": [[s.start, s.end] for s in hit.snippet.highlights],
                "matches": [[s.start, s.end] for s in hit.matches],
            }
            for hit in result.hits
        ],
    }
