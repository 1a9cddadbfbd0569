"""Snapshot tests: the main views rendered at a fixed size must match the reviewed SVGs.

After an intended change, regenerate with KIMREADER_UPDATE_SNAPSHOTS=1, look at the new SVGs
(convert them to PNG and open them), then commit them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tui.app import KimreaderApp

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SIZE = (120, 36)


async def _settle(app, pilot) -> None:
    await pilot.pause(0.05)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def _main(app, pilot) -> None:
    app.main.query_one("#sources", OptionList).highlighted = 2


async def _diff(app, pilot) -> None:
    sources = app.main.query_one("#sources", OptionList)
    sources.highlighted = 2
    await _settle(app, pilot)
    await pilot.press("m")
    sources.highlighted = 3
    await _settle(app, pilot)
    await pilot.press("c")


def _normalise(svg: str) -> str:
    # The SVG's element ids embed a hash of the whole document; compare the drawing, not ids.
    return re.sub(r"terminal-\d+", "terminal", svg)


# The search view is covered by Pilot tests instead: where its list scrolls to depends on
# when the search worker returns, which a byte-for-byte snapshot cannot allow for.
@pytest.mark.parametrize(("name", "steps"), [("main", _main), ("diff", _diff)])
async def test_view_matches_snapshot(name, steps, monkeypatch):
    monkeypatch.setattr(Input, "cursor_blink", False)
    app = KimreaderApp(remember=False)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await steps(app, pilot)
        await _settle(app, pilot)
        svg = _normalise(app.export_screenshot())
    path = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("KIMREADER_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(svg, encoding="utf-8")
        pytest.fail(f"snapshot {path.name} written; review it and run the tests again")
    assert svg == path.read_text(encoding="utf-8"), f"{name} view changed; see {path}"
