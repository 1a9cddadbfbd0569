"""The app keeps its lasting structures out of the collector's full passes while it runs,
and hands them back when it closes (see tui/heap.py)."""

from __future__ import annotations

import gc

from support.pilot import settle

from tui.app import KimreaderApp


async def test_loaded_structures_are_frozen_while_the_app_runs_and_released_after():
    gc.unfreeze()
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.articles
        # The catalog the list shows is no longer scanned by full collections.
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
