"""Snapshot tests (pytest-textual-snapshot): the main views at a fixed size match reviewed SVGs.

After an intended change, run ``pytest tests/ui/test_snapshots.py --snapshot-update``, look at
the new SVGs in ``__snapshots__/`` (convert them to PNG and open them), then commit them. A
failing run writes ``snapshot_report.html`` showing the old and the new screen side by side.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tui.app import KimreaderApp

SIZE = (120, 36)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause(0.05)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _sources(pilot: Pilot[None]) -> OptionList:
    app = pilot.app
    assert isinstance(app, KimreaderApp)
    return app.main.query_one("#sources", OptionList)


async def _main(pilot: Pilot[None]) -> None:
    await _settle(pilot)
    _sources(pilot).highlighted = 2
    await _settle(pilot)


async def _diff(pilot: Pilot[None]) -> None:
    await _settle(pilot)
    sources = _sources(pilot)
    sources.highlighted = 2
    await _settle(pilot)
    await pilot.press("m")
    sources.highlighted = 3
    await _settle(pilot)
    await pilot.press("c")
    await _settle(pilot)
    # The "marked" toast expires on a timer; the snapshot is of the diff, not of the toast.
    pilot.app.clear_notifications()
    await pilot.pause()


# The search view is covered by Pilot tests instead: where its list scrolls to depends on
# when the search worker returns, which a byte-for-byte snapshot cannot allow for.
@pytest.mark.parametrize("steps", [_main, _diff], ids=["main", "diff"])
def test_view_matches_snapshot(
    steps: Callable[[Pilot[None]], Awaitable[None]], snap_compare, monkeypatch
):
    monkeypatch.setattr(Input, "cursor_blink", False)
    assert snap_compare(KimreaderApp(remember=False), terminal_size=SIZE, run_before=steps)
