"""``kimreader fetch``: save pages (and what feeds, OPML files and URL lists name) into a folder.

The engine is ``search_index.fetch``; this module only reads the options, shows progress on
standard error and prints one line per URL (or JSON) on standard output. It is imported only
when the command runs, so no other command loads the network code.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text

from ..plain import printable

if TYPE_CHECKING:
    from search_index.fetch import FetchReport, Outcome
    from search_index.fetch.run import Status

EXIT_ALL_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
STATUSES: tuple[Status, ...] = ("saved", "unchanged", "skipped", "failed", "feed")
STYLES = {"saved": "green", "unchanged": "dim", "skipped": "yellow", "failed": "bold red"}


@click.command("fetch")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--into",
    "into",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to save the pages in (created if missing); read it with --corpus.",
)
@click.option("--max", "max_pages", type=click.IntRange(min=1), help="Fetch at most N pages.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Connect and read timeout, in seconds.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0.0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=3,
    show_default=True,
    help="Retries after 429, 5xx or a timeout (exponential backoff).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def fetch_cmd(
    sources: tuple[str, ...],
    into: Path,
    max_pages: int | None,
    timeout: float,
    delay: float,
    retries: int,
    as_json: bool,
) -> None:
    """Save web pages, feeds' articles, OPML feeds' articles or URL lists into a folder.

    The only command that uses the network. Each page is saved as the server sent it, with a
    provenance record beside it; see the README's "Fetching pages".
    """
    from search_index.fetch import (
        USER_AGENT,
        FetchSettings,
        HttpSettings,
        InputError,
        fetch,
        read_inputs,
    )

    from .output import fail, print_json, stderr, stdout

    try:
        targets, rejected = read_inputs(sources)
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)
    http = HttpSettings(connect_timeout=timeout, read_timeout=timeout, retries=retries)
    settings = FetchSettings(http=http, host_delay=delay, max_pages=max_pages)
    cancel = threading.Event()
    done = [0]
    planned = [0]

    def on_planned(count: int) -> None:
        planned[0] = count

    def on_finished(outcome: Outcome) -> None:
        done[0] += 1
        if not as_json:
            stdout().print(_line(outcome))
        if stderr().is_terminal:  # a counter redrawn in place: noise in a log or a pipe
            count = f"{done[0]}/{max(planned[0], done[0])} fetched"
            stderr().print(Text(count, style="dim"), end="\r")

    try:
        report = fetch(
            targets,
            into,
            settings,
            rejected=rejected,
            on_planned=on_planned,
            on_finished=on_finished,
            cancel=cancel,
        )
    except KeyboardInterrupt:
        cancel.set()
        stderr().print("kimreader: interrupted")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except OSError as exc:
        fail(f"cannot use {into}: {exc.strerror or exc}", EXIT_USAGE)
    if as_json:
        print_json(_report_json(report, into, USER_AGENT))
    stderr().print(Text(printable(_summary(report)), style="bold"))
    if report.interrupted:
        raise SystemExit(EXIT_INTERRUPTED)
    if report.all_failed:
        raise SystemExit(EXIT_ALL_FAILED)


def _line(outcome: Outcome) -> Text:
    detail = outcome.path or outcome.reason or ""
    if outcome.status == "saved" and outcome.version and outcome.version > 1:
        detail += f" (version {outcome.version}: the page changed)"
    if outcome.status == "feed":
        detail = f"{outcome.links or 0} links" + (f"; {outcome.reason}" if outcome.reason else "")
    line = Text(f"{outcome.status:9} ", style=STYLES.get(outcome.status, ""))
    line.append(printable(outcome.url))
    if detail:
        line.append(f"  {printable(detail)}", style="dim")
    return line


def _summary(report: FetchReport) -> str:
    parts = [f"{report.count(status)} {status}" for status in STATUSES if report.count(status)]
    if report.not_fetched:
        parts.append(f"{len(report.not_fetched)} left out by --max")
    return "fetch: " + (", ".join(parts) or "nothing to fetch")


def _report_json(report: FetchReport, into: Path, user_agent: str) -> dict[str, Any]:
    return {
        "into": str(into),
        "user_agent": user_agent,
        "summary": {status: report.count(status) for status in STATUSES},
        "not_fetched": list(report.not_fetched),
        "interrupted": report.interrupted,
        "results": [outcome.as_json() for outcome in report.outcomes],
    }
