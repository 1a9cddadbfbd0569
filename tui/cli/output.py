"""What every command shares: the two consoles, exit codes, failing with a message, JSON out,
and opening the corpus with its index brought up to date.

Standard output carries only data (tables, JSON, article text); every message goes to standard
error, so ``kimreader search ... --json | jq`` always gets clean JSON.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..plain import printable
from ..settings import default_corpus, load_settings

# rich is imported by the first message or table printed, never at start: `search --json`
# writes its answer with the json module, and most runs print nothing on standard error.
if TYPE_CHECKING:
    from click.shell_completion import CompletionItem
    from rich.console import Console

    from search_index.library import Library, RefreshResult
    from search_index.models import Article, ArticleInfo

EXIT_NO_HITS = 1
EXIT_USAGE = 2
# EX_TEMPFAIL from sysexits.h: another kimreader process holds the index; try again later.
EXIT_BUSY = 75
# EX_IOERR: the index could not be written (a full disk, say); the warning says why.
EXIT_WRITE_FAILED = 74
# Fewer changed files than this index in well under a second: a bar would only flicker.
PROGRESS_THRESHOLD = 25

VERBOSE_KEY = "kimreader.verbose"


@functools.cache
def stdout() -> Console:
    """Standard output's console (one a process, made on first use)."""
    from .consoles import StdoutConsole

    return StdoutConsole(highlight=False)


@functools.cache
def stderr() -> Console:
    """Standard error's console (one a process, made on first use)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from rich.text import Text

    stderr().print(Text(printable(f"kimreader: {message}"), style="bold red"))
    raise SystemExit(code)


def article_json(article: Article | ArticleInfo) -> dict[str, Any]:
    """The identifying fields of an article, as every JSON output gives them."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
    }


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def open_library(
    corpus: Path | None, *, rebuild: bool = False, report: bool = True
) -> Iterator[Library]:
    """Open the corpus, bring its index up to date (with a progress bar on long runs) and
    report on standard error what could not be read (unless ``report`` is False)."""
    # Imported when a command opens the corpus: ``paths`` and ``--help`` never need it.
    from search_index.corpus import CorpusError
    from search_index.ids import ArticleNotFound
    from search_index.library import Library, StoryNotFound

    try:
        library = Library.open(corpus, rebuild=rebuild)
    except CorpusError as exc:
        fail(str(exc))
    try:
        with _progress() as progress:
            refresh = library.refresh(progress=progress)
        if report:
            _report(refresh, verbose=_verbose())
        if refresh.report.busy and library.empty():
            # Another process is building the first index: an empty answer would be a lie.
            fail(
                "another kimreader process is building this corpus's index; "
                "try again when it has finished",
                EXIT_BUSY,
            )
        if report and library.empty():
            _say_what_is_read(library.corpus_dir)
        yield library
    except (ArticleNotFound, StoryNotFound) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        stderr().print("interrupted")
        raise SystemExit(130) from None
    finally:
        library.close()


@contextmanager
def _progress() -> Iterator[Any]:
    """A progress callback that shows a bar only for long runs on a terminal."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_THRESHOLD or not stderr().is_terminal:
            return
        if "bar" not in state:
            # Built on the first long run only: most commands find nothing to index.
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=stderr(),
                transient=True,
            )
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("indexing", total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()


def complete_article_id(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Shell completion of an article id: the ids the index already holds (no refresh, so a
    tab press answers at once; a file added since completes after the next command)."""
    from click.shell_completion import CompletionItem

    from search_index.library import Library

    corpus = ctx.find_root().params.get("corpus")
    if corpus is None:  # the group's callback, which reads config.toml, does not run here
        corpus = default_corpus(load_settings())[0]
    try:
        with Library.open(corpus) as library:
            ids = library.ids()
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
    return [CompletionItem(i) for i in ids if i.startswith(incomplete)]


def _say_what_is_read(corpus_dir: Path) -> None:
    """An empty answer from a folder with no article in it would read as "nothing matched":
    say what kimreader reads instead."""
    from rich.text import Text

    from search_index.formats.kinds import SUFFIXES

    stderr().print(
        Text(
            printable(
                f"kimreader: no articles in {corpus_dir}; kimreader reads "
                + ", ".join(sorted(SUFFIXES))
                + " files (.xml and .json only when they hold a feed)"
            ),
            style="yellow",
        ),
        soft_wrap=True,
    )


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().meta.get(VERBOSE_KEY))


def _report(refresh: RefreshResult, *, verbose: bool = False) -> None:
    if not (refresh.report.warnings or refresh.skipped or refresh.notes):
        return  # the usual case: nothing to say, and nothing (rich, the summaries) to import
    from rich.text import Text

    from ..file_report import LIST_HINT, SHOWN, notes_summary, skipped_summary

    for warning in refresh.report.warnings:
        stderr().print(Text(printable(f"warning: {warning}"), style="yellow"))
    # Thousands of unreadable files would bury the command's own messages: the first few are
    # named and the rest counted, unless every one was asked for.
    shown = len(refresh.skipped) + len(refresh.notes) if verbose else SHOWN
    hint = f"{LIST_HINT} (or kimreader --verbose ...)"
    for line in skipped_summary(refresh.skipped, shown=shown, hint=hint):
        stderr().print(Text(line, style="yellow"), soft_wrap=True)
    for line in notes_summary(refresh.notes, shown=shown, hint=hint):
        stderr().print(Text(line), soft_wrap=True)
