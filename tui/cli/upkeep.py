"""``kimreader index``, ``skipped`` and ``paths``: the index and where kimreader keeps things."""

from __future__ import annotations

import time
from pathlib import Path

import click
from rich.text import Text

from search_index.models import IndexReport
from search_index.paths import app_paths, bundled_corpus

from ..plain import printable
from ..settings import ThemeMemory, config_path
from .output import (
    EXIT_BUSY,
    EXIT_WRITE_FAILED,
    fail,
    open_library,
    print_json,
    stderr,
    stdout,
)


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and read every file again.")
@click.pass_obj
def index_cmd(corpus: Path | None, rebuild: bool) -> None:
    """Bring the corpus's index up to date (only new, changed and removed files are read)."""
    started = time.perf_counter()
    with open_library(corpus, rebuild=rebuild) as library:
        report = library.last_refresh.report if library.last_refresh else IndexReport()
        total = len(library.ids())
        where = str(library.index_dir) if library.index_dir else "memory"
        # Stories are worked out at index time (once; then each new article joins its story
        # as it comes), so that the app, `stories` and `M` find them ready.
        stories = 0
        if not (report.failed or report.busy) and total:
            stories = len(library.stories())
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
    stderr().print(
        f"{total} articles indexed: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed, {report.unchanged} unchanged, {stories} stories "
        f"in {time.perf_counter() - started:.2f} s ({where})"
    )


@click.command("skipped")
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
        stdout().print(Text(printable(f"skipped {s.path}: {s.reason}")))
    for n in notes:
        stdout().print(Text(printable(f"note: {n.path}: {n.message}")))
    if not skipped and not notes:
        stderr().print("no files were skipped")


@click.command("paths")
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
        # The settings file (KIMREADER_CONFIG moves it) and where the theme chosen in the app
        # is remembered.
        "config_file": str(config_path()),
        "preferences": str(ThemeMemory(paths.state_dir).path),
    }
    if as_json:
        print_json(rows)
        return
    width = max(map(len, rows))
    for name, value in rows.items():
        stdout().print(Text.assemble((f"{name:<{width}}", "bold"), " ", value))


# -- helpers ----------------------------------------------------------------------------------
