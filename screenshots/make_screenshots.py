"""Regenerate the README's screenshots (SVG) from the bundled seeds.

    .venv/bin/python screenshots/make_screenshots.py

Drives the real app headless with Textual's Pilot and saves one SVG per view next to this file.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from textual.widgets import OptionList

from tui.app import KimreaderApp

HERE = Path(__file__).resolve().parent
SIZE = (130, 40)


async def _settle(app: KimreaderApp, pilot) -> None:
    await pilot.pause(0.1)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def _shoot(name: str, steps, size: tuple[int, int] = SIZE) -> None:
    app = KimreaderApp(remember=False)
    async with app.run_test(size=size) as pilot:
        await _settle(app, pilot)
        await steps(app, pilot)
        await _settle(app, pilot)
        app.save_screenshot(f"{name}.svg", str(HERE))
    print(f"wrote {HERE / name}.svg")


async def main_view(app, pilot) -> None:
    app.main.query_one("#sources", OptionList).highlighted = 2


async def search_view(app, pilot) -> None:
    await pilot.press("slash", *'"Kim Jong-un" troops', "enter")
    await _settle(app, pilot)
    await pilot.press("n")


async def entity_view(app, pilot) -> None:
    await pilot.press("e")
    panel = app.main.query_one("#entity-panel", OptionList)
    panel.highlighted = next(
        i
        for i in range(panel.option_count)
        if "Kim Jong" in str(panel.get_option_at_index(i).prompt)
    )
    await pilot.press("enter")


async def diff_view(app, pilot) -> None:
    sources = app.main.query_one("#sources", OptionList)
    sources.highlighted = 2
    await _settle(app, pilot)
    await pilot.press("m")
    sources.highlighted = 3
    await _settle(app, pilot)
    await pilot.press("c")
    await _settle(app, pilot)
    await pilot.press("f", "f")  # hide agreements: conflicts and what only one side says


async def overview_view(app, pilot) -> None:
    sources = app.main.query_one("#sources", OptionList)
    sources.highlighted = 2  # the open article's story is the one shown
    await _settle(app, pilot)
    await pilot.press("M")


async def run() -> None:
    with tempfile.TemporaryDirectory() as cache:
        # A private cache, so the screenshots never depend on the user's index.
        os.environ["XDG_CACHE_HOME"] = cache
        for name, steps in (
            ("main", main_view),
            ("search", search_view),
            ("entities", entity_view),
            ("claim-diff", diff_view),
            ("story-overview", overview_view),
        ):
            await _shoot(name, steps)
        # A small terminal, and no colour: what each looks like (the reader keeps priority,
        # q and ? stay in the footer; every entity type keeps a mark of its own).
        await _shoot("main-80x24", main_view, (80, 24))
        os.environ["NO_COLOR"] = "1"
        try:
            await _shoot("main-no-color", main_view)
        finally:
            del os.environ["NO_COLOR"]


if __name__ == "__main__":
    asyncio.run(run())
