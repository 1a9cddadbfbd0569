"""The ``kimreader`` command: subcommands print tables or JSON; no subcommand opens the app.

Each subcommand lives in a module by job (``reading``: list, entities, show; ``search``;
``analysis``: compare, claims, timeline; ``upkeep``: index, skipped, paths; ``fetch``) and is
named in ``registry.py``; the group imports a command's module only when that command runs, and
Textual only when the app opens. What they share (consoles, exit codes, opening the corpus) is
in ``output.py``; its rich consoles are made on first use, so a run that prints only JSON never
loads rich. May import search_index, click and rich; never Textual, never ``tui.app`` except to
launch it.

Exit codes: 0 success; 1 a search found nothing; 2 bad usage, an unusable corpus folder, an
unknown or ambiguous article id, or a query with nothing to search; 130 interrupted.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from search_index import __version__

from ..plain import printable
from ..settings import default_corpus, load_settings
from .output import EXIT_BUSY, EXIT_NO_HITS, EXIT_USAGE, EXIT_WRITE_FAILED, VERBOSE_KEY, stderr
from .registry import COMMANDS

__all__ = ["EXIT_BUSY", "EXIT_NO_HITS", "EXIT_USAGE", "EXIT_WRITE_FAILED", "cli", "main"]


class LazyGroup(click.Group):
    """A group whose commands are imported when first asked for (click's documented pattern
    for large command lines)."""

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module_name, attribute = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # `kimreader list | head -1`: the reader has what it wanted. Quiet, and 0 (click
            # would exit 1, the code that says a search found nothing).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # the final flush must not fail again
            raise SystemExit(0) from None


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="KIMREADER_CORPUS",
    show_envvar=True,
    help=(
        "Folder of articles (.txt, .md). Default: `corpus` in config.toml (`kimreader paths` "
        "says where), else the bundled seed corpus."
    ),
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
    settings = load_settings()
    warnings = list(settings.warnings)
    if corpus is None:  # neither --corpus nor KIMREADER_CORPUS: config.toml's, if it has one
        corpus, warning = default_corpus(settings)
        if warning:
            warnings.append(warning)
    ctx.obj = corpus
    # Read by open_library, which every command calls: ctx.obj stays the corpus they expect.
    ctx.meta[VERBOSE_KEY] = verbose
    if ctx.invoked_subcommand is None:
        from ..app import run_app  # Textual loads only when the app is wanted

        _imports_done()
        # The app shows these as notifications, with what only it can check (themes, keys).
        run_app(corpus, dataclasses.replace(settings, warnings=tuple(warnings)))
        return
    _imports_done()  # the command's module was imported before this ran (click resolves it)
    if warnings:
        _warn(warnings)


def _imports_done() -> None:
    """Turn the collector back on once the modules are loaded, if main() held it off: they
    stay for the whole run, so they are frozen first, and later passes skip them."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _warn(warnings: list[str]) -> None:
    from rich.text import Text  # only when there is something to say: most runs never load rich

    for warning in warnings:  # one line each, however narrow the terminal: grep finds it
        stderr().print(Text(printable(f"warning: {warning}"), style="yellow"), soft_wrap=True)


def main() -> None:
    # A command is a short process that imports several hundred modules and frees little:
    # the collector's passes over them at start-up and at exit found nothing to free and took
    # a tenth of a `search` at 10,000 articles (and 9% of the app's imports before its first
    # frame). It is held off until the command's or the app's modules are imported
    # (``_imports_done``), and at exit what is left is frozen, so the interpreter's last pass
    # skips it (memory is returned to the system with the process).
    gc.disable()
    try:
        cli(prog_name="kimreader")
    finally:
        gc.enable()
        gc.freeze()
