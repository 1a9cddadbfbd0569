"""Driving the app in tests: wait for its workers, and find the widgets a test reads."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from textual.worker import WorkerCancelled

from tui.app import KimreaderApp
from tui.widgets.reader import Reader


async def settle(app: KimreaderApp, pilot: Pilot[None]) -> None:
    """Let workers (indexing, search, conflict scans) finish and the screen catch up.

    A worker cancelled by a newer one is no error: keys typed fast start exclusive workers
    that cancel each other (``wait_for_complete`` would raise on the cancelled one). A worker
    that failed while waited for raises ``WorkerFailed`` here.
    """
    await pilot.pause(0.05)  # let pending key handlers start their workers first
    for _ in range(3):
        outcomes = await asyncio.gather(
            *(worker.wait() for worker in list(app.workers)), return_exceptions=True
        )
        for outcome in outcomes:
            if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
                raise outcome
        await pilot.pause()


def reader(app: KimreaderApp) -> Reader:
    return app.main.query_one("#reader", Reader)


def status(app: KimreaderApp) -> str:
    return str(app.main.query_one("#status", Static).content)


def sources(app: KimreaderApp) -> OptionList:
    return app.main.query_one("#sources", OptionList)
