"""The reader keeps a comfortable measure: on a wide terminal the article's lines stop at
about 80 characters instead of running the pane's whole width (about 130 at 200 columns)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.pilot import reader, settle
from textual.widget import Widget

from tui.app import KimreaderApp

MEASURE = 84  # the stylesheet's max-width for the reader's text blocks


def _text_blocks(app: KimreaderApp) -> list[Widget]:
    kinds = {"headline", "paragraph", "meta"}
    return [w for w in reader(app).children if kinds & set(w.classes)]


def _long_corpus(tmp_path: Path) -> Path:
    # Past 10,000 characters the reader lays the text out itself (LongText).
    corpus = tmp_path / "long"
    corpus.mkdir()
    filler = "The committee met again and nothing of note was decided that day. " * 6
    (corpus / "long.txt").write_text("A long report\n\n" + "\n\n".join([filler] * 40))
    return corpus


@pytest.mark.parametrize("long", [False, True])
async def test_lines_stop_at_a_comfortable_measure_on_a_wide_terminal(tmp_path, long):
    app = KimreaderApp(_long_corpus(tmp_path) if long else None, remember=False)
    async with app.run_test(size=(200, 45)) as pilot:
        await settle(app, pilot)
        pane = reader(app).content_region.width
        assert pane > MEASURE + 20  # the pane itself is wide
        blocks = _text_blocks(app)
        assert blocks
        assert all(block.outer_size.width <= MEASURE for block in blocks)
        # The text fills the measure, so it is the cap, not a short text, being measured.
        assert max(block.outer_size.width for block in blocks) == MEASURE


async def test_a_narrow_pane_is_filled():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        pane = reader(app).scrollable_content_region.width  # inside the scrollbar
        assert pane < MEASURE
        assert all(block.outer_size.width == pane for block in _text_blocks(app))
