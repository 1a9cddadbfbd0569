"""The ``kimreader`` command: subcommands print tables or JSON; no subcommand opens the app.

A command that needs its own module (``fetch``) lives beside this one and registers itself
with ``cli.add_command``.

Standard output carries only data (tables, JSON, article text); every message goes to standard
error, so ``kimreader search ... --json | jq`` always gets clean JSON.

Exit codes: 0 success; 1 a search found nothing; 2 bad usage, an unusable corpus folder, an
unknown or ambiguous article id, or a query with nothing to search; 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, NoReturn

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from search_index import __version__
from search_index.claims.values import parse_date, parse_quantity
from search_index.corpus import CorpusError
from search_index.ids import ArticleNotFound
from search_index.library import DEFAULT_LIMIT, EntityMention, Library, RefreshResult
from search_index.models import (
    ENTITY_TYPES,
    Article,
    ArticleInfo,
    Hit,
    IndexReport,
    SearchResult,
)
from search_index.paths import app_paths, bundled_corpus
from search_index.versions import Version

from ..claim_views import (
    article_json,
    comparison_json,
    comparison_markdown,
    matrix_json,
    matrix_markdown,
    print_comparison,
    print_matrix,
    print_timeline,
    timeline_json,
)
from ..file_report import LIST_HINT, SHOWN, notes_summary, skipped_summary
from ..plain import printable

# Colour plus a non-colour cue per type, so highlights still read under NO_COLOR.
ENTITY_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold underline magenta",
    "PLACE": "underline green",
    "DATE": "italic yellow",
    "QUANTITY": "italic underline blue",
}
EXIT_NO_HITS = 1
EXIT_USAGE = 2
# EX_TEMPFAIL from sysexits.h: another kimreader process holds the index; try again later.
EXIT_BUSY = 75
# EX_IOERR: the index could not be written (a full disk, say); the warning says why.
EXIT_WRITE_FAILED = 74
# Fewer changed files than this index in well under a second: a bar would only flicker.
PROGRESS_THRESHOLD = 25

VERBOSE_KEY = "kimreader.verbose"
# The list table's narrowest id and outlet columns (wider on a wider terminal), and the room a
# title always keeps.
ID_MIN_WIDTH = 10
TITLE_MIN_WIDTH = 20

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    stderr.print(Text(printable(f"kimreader: {message}"), style="bold red"))
    raise SystemExit(code)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="KIMREADER_CORPUS",
    show_envvar=True,
    help="Folder of articles (.txt, .md). Default: the bundled seed corpus.",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="List every file that was skipped or needed help to read, not just the first few.",
)
@click.version_option(__version__, prog_name="kimreader")
@click.pass_context
def cli(ctx: click.Context, corpus: Path | None, verbose: bool) -> None:
    """kimreader: compare how several news sources report one story.

    With no command, opens the reader app over the corpus.
    """
    ctx.obj = corpus
    # Read by open_library, which every command calls: ctx.obj stays the corpus they expect.
    ctx.meta[VERBOSE_KEY] = verbose
    if ctx.invoked_subcommand is None:
        from ..app import run_app  # Textual loads only when the app is wanted

        run_app(corpus)


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def list_cmd(corpus: Path | None, as_json: bool) -> None:
    """List the corpus's articles: id, title, outlet, publication date, words."""
    with open_library(corpus) as library:
        articles = library.catalog()
        versions = library.versions(articles)
    if as_json:
        print_json([_article_json(a) | _version_json(versions.get(a.id)) for a in articles])
        return
    rows = [
        # printable(): ids and titles from file names must not write escape sequences to the
        # terminal.
        (
            printable(article.id),
            printable(_listed_title(article, versions)),
            printable(article.outlet or "—"),
            article.published.isoformat() if article.published else "—",
            str(article.words),
        )
        for article in articles
    ]
    table = Table(show_edge=False, pad_edge=False, expand=False)
    for name, width in _list_columns(rows, stdout.width):
        if name == "title":
            # The rest of the line: titles are what the list is read for, so they wrap.
            table.add_column(name, ratio=1, min_width=width, overflow="fold")
        else:
            # Ids and outlets come from file names and metadata and can be any length: one
            # of 250 characters took the whole width and left every title a letter wide.
            # They are cut with an ellipsis (--json has them whole; a prefix finds the id).
            justify: Literal["left", "right"] = "right" if name == "words" else "left"
            table.add_column(
                name,
                justify=justify,
                no_wrap=True,
                overflow="ellipsis",
                max_width=width,
                style="bold" if name == "id" else "",
            )
    shown = [name for name, _ in _list_columns(rows, stdout.width)]
    for row in rows:
        cells = dict(zip(LIST_COLUMNS, row, strict=True))
        # Text(), never str: article text must not be read as Rich markup.
        table.add_row(*(Text(cells[name]) for name in shown))
    stdout.print(table)


LIST_COLUMNS = ("id", "title", "outlet", "published", "words")


def _list_columns(rows: list[tuple[str, ...]], total: int) -> list[tuple[str, int]]:
    """The list table's columns and the widest each may be, for a terminal ``total`` wide.

    Ids get at most a quarter of the line and outlets a sixth; the title keeps at least
    TITLE_MIN_WIDTH (or a fifth of a narrow line). Where even that does not fit, the date and
    then the outlet are left out rather than squeezing every column to nothing.
    """

    def longest(index: int, header: str) -> int:
        return max([len(header), *(len(row[index]) for row in rows)])

    limits = {
        "id": min(longest(0, "id"), max(ID_MIN_WIDTH, total // 4)),
        "outlet": min(longest(2, "outlet"), max(ID_MIN_WIDTH, total // 6)),
        "published": longest(3, "published"),
        "words": longest(4, "words"),
    }
    title = min(TITLE_MIN_WIDTH, max(1, total // 5))
    names = list(LIST_COLUMNS)
    for optional in ("published", "outlet"):
        others = [n for n in names if n != "title"]
        gaps = 3 * (len(names) - 1)  # " │ " between columns, none at the edges
        if sum(limits[n] for n in others) + gaps + title <= total:
            break
        names.remove(optional)
    return [(n, title if n == "title" else limits[n]) for n in names]


@cli.command("search")
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
        stderr.print(Text(f"note: {result.notice}", style="yellow"))
    if result.error:
        if as_json:
            print_json(_search_json(result))
        fail(result.error)
    if result.corrected:
        stderr.print(Text(f"no results for {text!r}; showing results for {result.corrected!r}"))
    if as_json:
        print_json(_search_json(result))
    else:
        _print_hits(result)
    if not result.total:
        raise SystemExit(EXIT_NO_HITS)


@cli.command("entities")
@click.option(
    "--type",
    "kind",
    type=click.Choice(ENTITY_TYPES, case_sensitive=False),
    help="Only entities of this type.",
)
@click.option("--source", "source", metavar="ID", help="Only entities this article mentions.")
@click.option("--limit", "-n", type=click.IntRange(1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def entities_cmd(
    corpus: Path | None, kind: str | None, source: str | None, limit: int | None, as_json: bool
) -> None:
    """People, organisations, places, dates and quantities, merged across spellings and
    sources, most mentioned first."""
    with open_library(corpus) as library:
        source_id = library.resolve(source) if source else None
        entities = [
            e
            for e in library.entities().entities
            if (kind is None or e.type == kind.upper())
            and (source_id is None or source_id in e.sources)
        ][:limit]
    if as_json:
        print_json(
            [
                {
                    "name": e.name,
                    "type": e.type,
                    "variants": list(e.variants),
                    "sources": list(e.sources),
                    "mentions": e.mentions,
                }
                for e in entities
            ]
        )
        return
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("type", no_wrap=True)
    table.add_column("name", style="bold")
    table.add_column("mentions", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("variants")
    for entity in entities:
        others = [v for v in entity.variants if v != entity.name]
        table.add_row(
            Text(entity.type, style=ENTITY_STYLES.get(entity.type, "")),
            Text(printable(entity.name)),
            Text(str(entity.mentions)),
            Text(str(len(entity.sources))),
            Text(printable(", ".join(others))),
        )
    stdout.print(table)


@cli.command("show")
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def show_cmd(corpus: Path | None, article_id: str, as_json: bool) -> None:
    """Print one article (ID or a unique prefix of it) with its entities highlighted."""
    with open_library(corpus) as library:
        annotated = library.annotated(article_id)
    article = annotated.article
    if as_json:
        print_json(
            {
                **{k: v for k, v in _article_json(article).items() if k != "words"},
                "text": article.text,
                "entities": [_mention_json(m, article) for m in annotated.mentions],
            }
        )
        return
    text = Text(printable(article.text))  # one character for one: the offsets stay valid
    text.stylize("bold", 0, len(article.title))
    for m in annotated.mentions:
        text.stylize(ENTITY_STYLES.get(m.mention.type, "underline"), m.mention.start, m.mention.end)
    source = f"{article.format} from {article.source_url}" if article.format != "text" else None
    meta = " · ".join(p for p in (article.id, article.outlet, _published(article), source) if p)
    stdout.print(Text(printable(meta), style="dim"))
    stdout.print(text)
    stdout.print(_legend())


def _mention_json(m: EntityMention, article: Article) -> dict[str, Any]:
    """A mention for JSON; quantities and dates also carry their reading."""
    data: dict[str, Any] = {
        "start": m.mention.start,
        "end": m.mention.end,
        "type": m.mention.type,
        "name": m.name,
        "text": m.mention.text,
    }
    if m.mention.type == "QUANTITY":
        quantity = parse_quantity(m.mention.text)
        data |= {
            "value": quantity.value if quantity else None,
            "unit": quantity.unit if quantity else None,
            "hedge": quantity.hedge if quantity else None,
        }
    elif m.mention.type == "DATE":
        anchor = article.published.value.date() if article.published else None
        when = parse_date(m.mention.text, anchor)
        data |= {"value": when.value if when else None, "unit": None, "hedge": None}
    return data


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _legend() -> Text:
    legend = Text("\n")
    for kind in ENTITY_TYPES:
        legend.append(f" {kind} ", style=ENTITY_STYLES[kind])
        legend.append(" ")
    return legend


@cli.command("compare")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print a Markdown table.")
@click.pass_obj
def compare_cmd(
    corpus: Path | None, first: str, second: str, as_json: bool, as_markdown: bool
) -> None:
    """The claim diff of two articles (ids or unique prefixes): what they agree on, where
    their numbers or dates conflict, and what only one reports."""
    with open_library(corpus) as library:
        comparison = library.compare(first, second)
    if as_json:
        print_json(comparison_json(comparison))
    elif as_markdown:
        sys.stdout.write(comparison_markdown(comparison))
    else:
        print_comparison(comparison, stdout)


@cli.command("claims")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print a Markdown table.")
@click.option("--all", "show_all", is_flag=True, help="Include subjects only one source gives.")
@click.pass_obj
def claims_cmd(corpus: Path | None, as_json: bool, as_markdown: bool, show_all: bool) -> None:
    """The claim matrix: one row per subject, one column per source, conflicts flagged."""
    with open_library(corpus) as library:
        ids = library.ids()
        subjects = [s for s in library.claim_matrix() if show_all or len(s.sources) > 1]
    if as_json:
        print_json(matrix_json(subjects, ids))
    elif as_markdown:
        sys.stdout.write(matrix_markdown(subjects, ids))
    else:
        print_matrix(subjects, ids, stdout)


@cli.command("timeline")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def timeline_cmd(corpus: Path | None, as_json: bool) -> None:
    """Dated events from every source in date order; conflicting dates marked."""
    with open_library(corpus) as library:
        events = library.timeline()
    if as_json:
        print_json(timeline_json(events))
    else:
        print_timeline(events, stdout)


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and read every file again.")
@click.pass_obj
def index_cmd(corpus: Path | None, rebuild: bool) -> None:
    """Bring the corpus's index up to date (only new, changed and removed files are read)."""
    started = time.perf_counter()
    with open_library(corpus, rebuild=rebuild) as library:
        report = library.last_refresh.report if library.last_refresh else IndexReport()
        total = len(library.ids())
        where = str(library.index_dir) if library.index_dir else "memory"
    if report.failed:
        fail(
            f"the index could not be updated ({total} articles indexed as it stands)",
            EXIT_WRITE_FAILED,
        )
    if report.busy:
        fail(
            f"another kimreader process is updating this index; nothing was written "
            f"({total} articles indexed as it stands)",
            EXIT_BUSY,
        )
    stderr.print(
        f"{total} articles indexed: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed, {report.unchanged} unchanged "
        f"in {time.perf_counter() - started:.2f} s ({where})"
    )


@cli.command("skipped")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def skipped_cmd(corpus: Path | None, as_json: bool) -> None:
    """Every file indexing skipped, and every file it needed help to read, with why."""
    # The listing is this command's output: a summary of it on standard error would repeat it.
    with open_library(corpus, report=False) as library:
        refresh = library.last_refresh
    skipped = refresh.skipped if refresh else ()
    notes = refresh.notes if refresh else ()
    if as_json:
        print_json(
            {
                "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
                "notes": [{"path": n.path, "message": n.message} for n in notes],
            }
        )
        return
    for s in skipped:
        stdout.print(Text(printable(f"skipped {s.path}: {s.reason}")))
    for n in notes:
        stdout.print(Text(printable(f"note: {n.path}: {n.message}")))
    if not skipped and not notes:
        stderr.print("no files were skipped")


@cli.command("paths")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def paths_cmd(corpus: Path | None, as_json: bool) -> None:
    """Where kimreader keeps its index, state and configuration."""
    paths = app_paths()
    corpus_dir = (corpus or bundled_corpus()).expanduser().resolve()
    rows = {
        "corpus": str(corpus_dir),
        "index": str(paths.index_dir(corpus_dir)),
        "cache": str(paths.cache_dir),
        "state": str(paths.state_dir),
        "config": str(paths.config_dir),
    }
    if as_json:
        print_json(rows)
        return
    for name, value in rows.items():
        stdout.print(Text.assemble((f"{name:<7}", "bold"), " ", value))


# -- helpers ----------------------------------------------------------------------------------


@contextmanager
def open_library(
    corpus: Path | None, *, rebuild: bool = False, report: bool = True
) -> Iterator[Library]:
    """Open the corpus, bring its index up to date (with a progress bar on long runs) and
    report on standard error what could not be read (unless ``report`` is False)."""
    try:
        library = Library.open(corpus, rebuild=rebuild)
    except CorpusError as exc:
        fail(str(exc))
    try:
        with _progress() as progress:
            refresh = library.refresh(progress=progress)
        if report:
            _report(refresh, verbose=_verbose())
        if refresh.report.busy and not library.ids():
            # Another process is building the first index: an empty answer would be a lie.
            fail(
                "another kimreader process is building this corpus's index; "
                "try again when it has finished",
                EXIT_BUSY,
            )
        yield library
    except ArticleNotFound as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        stderr.print("interrupted")
        raise SystemExit(130) from None
    finally:
        library.close()


@contextmanager
def _progress() -> Iterator[Any]:
    """A progress callback that shows a bar only for long runs on a terminal."""
    state: dict[str, Any] = {}
    bar = Progress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    )

    def update(done: int, total: int) -> None:
        if total < PROGRESS_THRESHOLD or not stderr.is_terminal:
            return
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task("indexing", total=total)
        bar.update(state["task"], completed=done)

    try:
        yield update
    finally:
        if "task" in state:
            bar.stop()


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().meta.get(VERBOSE_KEY))


def _report(refresh: RefreshResult, *, verbose: bool = False) -> None:
    for warning in refresh.report.warnings:
        stderr.print(Text(printable(f"warning: {warning}"), style="yellow"))
    # Thousands of unreadable files would bury the command's own messages: the first few are
    # named and the rest counted, unless every one was asked for.
    shown = len(refresh.skipped) + len(refresh.notes) if verbose else SHOWN
    hint = f"{LIST_HINT} (or kimreader --verbose ...)"
    for line in skipped_summary(refresh.skipped, shown=shown, hint=hint):
        stderr.print(Text(line, style="yellow"), soft_wrap=True)
    for line in notes_summary(refresh.notes, shown=shown, hint=hint):
        stderr.print(Text(line), soft_wrap=True)


def _print_hits(result: SearchResult) -> None:
    if not result.hits:
        stderr.print("no matches")
        return
    for hit in result.hits:
        stdout.print(_hit_text(hit))
    shown = len(result.hits)
    more = f" (showing {shown})" if shown < result.total else ""
    stderr.print(f"{result.total} matching article{'s' if result.total != 1 else ''}{more}")


def _hit_text(hit: Hit) -> Text:
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


def _article_json(article: Article | ArticleInfo) -> dict[str, Any]:
    return {
        **article_json(article),
        "words": article.words,
        "path": article.path,
        "url": article.url,
        "format": article.format,
        "source_url": article.source_url,
    }


def _version_json(version: Version | None) -> dict[str, Any]:
    if version is None:
        return {"version": None}
    return {
        "version": {
            "number": version.number,
            "of": version.count,
            "first": version.first_id,
            "previous": version.previous_id,
            "fetched_at": version.fetched_at.isoformat(),
        }
    }


def _listed_title(article: ArticleInfo, versions: dict[str, Version]) -> str:
    """The title, with the format of anything but a text file and its place among the
    captures of one page ("v2 of X"), so a second capture never passes for another outlet."""
    marks = [article.format] if article.format != "text" else []
    if article.id in versions:
        marks.append(versions[article.id].label)
    return f"{article.title}  [{', '.join(marks)}]" if marks else article.title


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


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    cli(prog_name="kimreader")


def _register_fetch() -> None:
    # Registered here, defined apart: its module imports the network code only when it runs.
    from .fetch import fetch_cmd

    cli.add_command(fetch_cmd)


_register_fetch()
