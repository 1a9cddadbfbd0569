"""``kimreader report``: a claim diff, or a story's overview, as a report to paste or send
(HTML, Markdown or CSV).

The rendering is search_index.report's; this module only picks the format, opens the corpus
and writes the result to a file or standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.text import Text

from ..plain import printable
from .output import complete_article_id, fail, open_library, stderr


@click.command("report")
@click.argument("first", metavar="A", shell_complete=complete_article_id)
@click.argument("second", metavar="[B]", required=False, shell_complete=complete_article_id)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "csv"]),
    help="html (one self-contained file), md (Markdown) or csv (one row per claim-diff row). "
    "Default: from -o's suffix, else html.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--all", "show_all", is_flag=True, help="A story: include facts only one source gives."
)
@click.pass_obj
def report_cmd(
    corpus: Path | None,
    first: str,
    second: str | None,
    fmt: str | None,
    output: Path | None,
    show_all: bool,
) -> None:
    """A report of the claim diff of articles A and B: each source's outlet, title, date and
    URL, the rows grouped by verdict (conflicts first), each value as written with the
    sentence it comes from and, when the URL is known, a link that opens the source at it.
    With A alone (a story id, or an article id: its story), the story's overview: every
    source cited, every fact with each source's value and sentence."""
    from search_index.report import (
        build_report,
        build_story_report,
        format_for,
        render,
        render_story,
        write_report,
    )

    chosen = format_for(output, fmt)
    with open_library(corpus) as library:
        if second is not None:
            text = render(build_report(library.compare(first, second)), chosen)
        else:
            from .analysis import _story_id

            overview = library.story_overview(_story_id(library, first))
            articles = {s.article_id: library.article(s.article_id) for s in overview.sources}
            text = render_story(build_story_report(overview, articles, show_all), chosen)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_report(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    note = printable(f"kimreader: wrote the {chosen} report to {output}")
    stderr().print(Text(note), soft_wrap=True)
