"""The overview's facts and the timeline take the reader's keys: / asks, n / N step through
the rows holding the query, esc closes the box before the view, ctrl+d / ctrl+u page; the
timeline names sources as the list does and shows whole sentences."""

from __future__ import annotations

from support.pilot import settle
from textual.widgets import DataTable, Input, OptionList

from tui.app import KimreaderApp
from tui.screens.corpus import TimelineScreen
from tui.screens.overview import OverviewScreen
from tui.screens.row_search import row_hits, step_to


def test_row_hits_match_a_phrase_whole_case_aside():
    rows = ["Kim visited  the museum", "the museum", "MUSEUM of combat", "nothing"]
    assert row_hits(rows, "The Museum") == [0, 1]
    assert row_hits(rows, "museum") == [0, 1, 2]
    assert row_hits(rows, "  ") == []


def test_step_to_goes_round_and_keeps_a_hit_under_the_cursor_for_a_new_search():
    hits = [2, 5, 9]
    assert step_to(hits, 5, 1, include_current=True) == 5
    assert step_to(hits, 5, 1, include_current=False) == 9
    assert step_to(hits, 9, 1, include_current=False) == 2
    assert step_to(hits, 2, -1, include_current=False) == 9
    assert step_to(hits, 6, -1, include_current=False) == 5


async def test_the_timeline_searches_pages_and_names_outlets():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        options = screen.query_one("#timeline", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("The Insider" in p for p in prompts)  # an outlet, not a file id
        assert not any("002_f8346f" in p for p in prompts)
        # Whole sentences: each ends as its sentence does, not cut at a width.
        texts = screen.search_texts()
        assert all(not t.endswith(" ") for t in texts)
        wanted = next(i for i, t in enumerate(texts) if "The Insider" in t)
        await pilot.press("slash", *"the", "space", *"insider", "enter")
        await settle(app, pilot)
        assert options.highlighted is not None
        first = options.highlighted
        assert "The Insider" in texts[first]
        assert first == wanted  # the first row holding it, from the top
        hits = row_hits(texts, "the insider")
        await pilot.press("n")
        assert options.highlighted == (hits[(hits.index(first) + 1) % len(hits)])
        await pilot.press("N")
        assert options.highlighted == first
        options.highlighted = 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert (options.highlighted or 0) > 0
        # esc closes the search box first, then the view.
        await pilot.press("slash")
        assert screen.query_one("#row-search", Input).display
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        assert not screen.query_one("#row-search", Input).display
        await pilot.press("escape")
        assert app.screen is app.main


async def test_the_overview_searches_its_facts():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("M")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        texts = screen.search_texts()
        hits = row_hits(texts, "troops")
        assert len(hits) >= 1
        await pilot.press("slash", *"troops", "enter")
        await settle(app, pilot)
        table = screen.query_one("#overview-facts", DataTable)
        assert table.cursor_coordinate.row == hits[0]
        assert table.has_focus
        await pilot.press("n")
        assert table.cursor_coordinate.row == hits[1 % len(hits)]


async def test_the_overview_names_sources_as_the_list_does():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("M")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        table = screen.query_one("#overview-sources", DataTable)
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "The Insider" in shown
        # A seed without an outlet is named by its title's first words, not its file id.
        assert not any(name.startswith(("000_", "001_", "003_", "004_")) for name in shown)
        assert any(name.startswith("“") for name in shown)
