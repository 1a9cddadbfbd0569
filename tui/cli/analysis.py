"""``kimreader compare``, ``overview``, ``claims`` and ``timeline``: the claim diff, a story's
overview, the claim matrix and the timeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.text import Text

from search_index.ids import ArticleNotFound
from search_index.library import Library, StoryNotFound
from search_index.stories import Story

from ..claim_views import (
    comparison_json,
    comparison_markdown,
    matrix_json,
    matrix_markdown,
    print_comparison,
    print_matrix,
    print_timeline,
    timeline_json,
)
from ..export_text import markdown_cell
from ..plain import printable
from .output import complete_article_id, open_library, print_json, stdout

STORY_OPTION = click.option(
    "--story",
    metavar="ID",
    help="Only this story's articles (a story id from `kimreader stories`, or an article id: "
    "its story).",
)


@click.command("compare")
@click.argument("first", metavar="A", shell_complete=complete_article_id)
@click.argument("second", metavar="B", shell_complete=complete_article_id)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print a Markdown table.")
@click.pass_obj
def compare_cmd(
    corpus: Path | None, first: str, second: str, as_json: bool, as_markdown: bool
) -> None:
    """The claim diff of two articles (ids or unique prefixes): what they agree on, where
    their numbers or dates conflict, and what only one reports."""
    _one_format(as_json, as_markdown)
    with open_library(corpus) as library:
        comparison = library.compare(first, second)
    if as_json:
        print_json(comparison_json(comparison))
    elif as_markdown:
        sys.stdout.write(comparison_markdown(comparison))
    else:
        print_comparison(comparison, stdout())


@click.command("overview")
@click.argument("wanted", metavar="[STORY]", required=False, shell_complete=complete_article_id)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print Markdown tables.")
@click.option("--all", "show_all", is_flag=True, help="Include facts only one source gives.")
@click.pass_obj
def overview_cmd(
    corpus: Path | None, wanted: str | None, as_json: bool, as_markdown: bool, show_all: bool
) -> None:
    """A story's overview: every fact its sources give, each source's value as written, the
    consensus, and which sources differ, report alone, or reported first. STORY is a story id
    from `kimreader stories` or an article id (its story); without it, every story that has
    two or more sources, one after the other."""
    from ..overview_views import overview_json, overview_markdown, print_overview

    _one_format(as_json, as_markdown)
    with open_library(corpus) as library:
        if wanted is not None:
            story_ids: list[str | None] = [_story_id(library, wanted)]
        else:
            story_ids = [s.id for s in library.stories() if len(s.members) > 1] or [None]
        found = []
        for story_id in story_ids:
            overview = library.story_overview(story_id)
            if as_json:
                found.append(overview_json(overview))
            elif as_markdown:
                sys.stdout.write(overview_markdown(overview, show_all) + "\n")
            else:
                print_overview(overview, stdout(), show_all)
                stdout().print()
    if as_json:
        print_json(found[0] if wanted is not None else found)


@click.command("claims")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print a Markdown table.")
@click.option("--all", "show_all", is_flag=True, help="Include subjects only one source gives.")
@STORY_OPTION
@click.pass_obj
def claims_cmd(
    corpus: Path | None, as_json: bool, as_markdown: bool, show_all: bool, story: str | None
) -> None:
    """The claim matrix: one row per subject, one column per source, conflicts flagged.
    Without --story, one section per story that has two or more sources (JSON: an object
    with "stories"), or the whole corpus when it holds one story."""
    _one_format(as_json, as_markdown)
    with open_library(corpus) as library:
        sections = []
        for heading, story_id in _sections(library, story):
            ids = library.articles_in(story_id)
            subjects = [s for s in library.claim_matrix(story_id) if show_all or len(s.sources) > 1]
            sections.append((heading, ids, subjects))
    if len(sections) == 1 and sections[0][0] is None:
        _, ids, subjects = sections[0]
        if as_json:
            print_json(matrix_json(subjects, ids))
        elif as_markdown:
            sys.stdout.write(matrix_markdown(subjects, ids))
        else:
            print_matrix(subjects, ids, stdout())
        return
    if as_json:
        print_json(
            {
                "stories": [
                    {"story": _story_json(heading), **matrix_json(subjects, ids)}
                    for heading, ids, subjects in sections
                ]
            }
        )
        return
    for heading, ids, subjects in sections:
        if as_markdown:
            sys.stdout.write(f"## {_markdown_heading(heading)}\n\n")
            sys.stdout.write(matrix_markdown(subjects, ids) + "\n")
        else:
            _print_heading(heading)
            print_matrix(subjects, ids, stdout())


@click.command("timeline")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@STORY_OPTION
@click.pass_obj
def timeline_cmd(corpus: Path | None, as_json: bool, story: str | None) -> None:
    """Dated events from every source in date order; conflicting dates marked. Without
    --story, one section per story that has two or more sources (JSON: an object with
    "stories"), or the whole corpus when it holds one story."""
    with open_library(corpus) as library:
        sections = [
            (heading, library.timeline(story_id)) for heading, story_id in _sections(library, story)
        ]
    if len(sections) == 1 and sections[0][0] is None:
        events = sections[0][1]
        if as_json:
            print_json(timeline_json(events))
        else:
            print_timeline(events, stdout())
        return
    if as_json:
        print_json(
            {
                "stories": [
                    {"story": _story_json(heading), "events": timeline_json(events)}
                    for heading, events in sections
                ]
            }
        )
        return
    for heading, events in sections:
        _print_heading(heading)
        print_timeline(events, stdout())


def _sections(library: Library, wanted: str | None) -> list[tuple[Story | None, str | None]]:
    """What to print: the story asked for; else each story with two or more sources,
    newest first; the whole corpus (heading None) when there are fewer than two such."""
    if wanted is not None:  # one story: printed as the whole corpus is, without a heading
        return [(None, _story_id(library, wanted))]
    shared = [s for s in library.stories() if len(s.members) > 1]
    if len(shared) < 2:
        return [(None, None)]
    return [(s, s.id) for s in shared]


def _story_json(story: Story | None) -> dict[str, object] | None:
    if story is None:
        return None
    return {
        "id": story.id,
        "name": story.name,
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "sources": len(story.members),
    }


def _print_heading(story: Story | None) -> None:
    if story is None:
        return
    span = " to ".join(
        dict.fromkeys(d.isoformat() for d in (story.first, story.last) if d is not None)
    )
    stdout().print()
    stdout().print(
        Text.assemble(
            ("Story: ", "bold"),
            printable(story.name),
            f"  ({len(story.members)} sources{', ' + span if span else ''}, id {story.id})",
        )
    )


def _markdown_heading(story: Story | None) -> str:
    return markdown_cell(story.name) if story is not None else "The whole corpus"


def _story_id(library: Library, wanted: str | None) -> str | None:
    """A story id from what the user typed: a story id (or prefix), else an article id (or
    prefix) whose story is meant. None: the whole corpus."""
    if wanted is None:
        return None
    try:
        return library.story(wanted).id
    except StoryNotFound as exc:
        try:
            story = library.story_of(wanted)
        except ArticleNotFound:
            raise exc from None
        if story is None:
            raise exc from None
        return story.id


def _one_format(as_json: bool, as_markdown: bool) -> None:
    if as_json and as_markdown:
        raise click.UsageError("--json and --markdown cannot be used together")
