"""The navigation stack (issue 19): a sentence opened from the claim diff opens on top of it,
in view with what leads up to it, and q returns to the diff exactly as it was."""

from __future__ import annotations

from support.pilot import settle, sources
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tui.app import KimreaderApp
from tui.screens.compare import CompareScreen, DiffRow
from tui.screens.sentence import SentenceScreen
from tui.widgets.reader import Reader


async def _diff(app: KimreaderApp, pilot) -> CompareScreen:
    await settle(app, pilot)
    sources(app).highlighted = 2  # 002
    await settle(app, pilot)
    await pilot.press("m")
    sources(app).highlighted = 3  # 003
    await settle(app, pilot)
    await pilot.press("c")
    await settle(app, pilot)
    assert isinstance(app.screen, CompareScreen)
    return app.screen


def _focused_static(screen: SentenceScreen) -> Static:
    reader = screen.query_one(Reader)
    assert reader.view is not None
    start, _ = reader.view.focus[0]
    return next(w for block, w in reader._statics if block.start <= start <= block.end)


async def test_q_after_opening_a_sentence_returns_to_the_diff_with_its_cursor():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        diff = await _diff(app, pilot)
        rows = list(diff.query(DiffRow))
        # A row far enough down that the diff has scrolled, with a sentence on B's side.
        target = max(i for i, w in enumerate(rows) if w.row.b is not None)
        await pilot.press(*["j"] * target)
        assert diff.cursor == target
        scrolled = diff.query_one("#diff-rows").scroll_y
        claim = rows[target].row.b
        assert claim is not None
        await pilot.press("O")  # B's sentence
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SentenceScreen)
        reader = screen.query_one(Reader)
        assert reader.view is not None and reader.view.article.id == claim.article_id
        assert reader.view.focus == [(claim.start, claim.end)]
        assert reader.view.entities  # read as in the main reader, entities by type
        # The sentence's paragraph is in view, below a few lines of what comes before it.
        static = _focused_static(screen)
        top = static.virtual_region.y
        assert reader.scroll_y <= top < reader.scroll_y + reader.scrollable_content_region.height
        assert top == 0 or reader.scroll_y < top
        # Marked in the margin too, which NO_COLOR keeps (the shading it drops).
        assert static.has_class("-focus")
        assert [w for _, w in reader._statics if w.has_class("-focus")] == [static]

        await pilot.press("y")
        assert " ".join(claim.sentence.split()) in app.clipboard

        await pilot.press("q")
        await settle(app, pilot)
        assert app.screen is diff
        assert diff.cursor == target
        assert list(diff.query(DiffRow))[target].has_class("-cursor")
        assert diff.query_one("#diff-rows").scroll_y == scrolled
        await pilot.press("q")  # and q again leaves the diff, not the app
        assert app.screen is app.main and app.is_running


async def test_esc_also_goes_back_and_enter_takes_the_sentence_to_the_main_reader():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        diff = await _diff(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SentenceScreen)
        await pilot.press("escape")
        assert app.screen is diff
        await pilot.press("enter")
        await settle(app, pilot)
        opened = app.screen
        assert isinstance(opened, SentenceScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.main
        assert app.main.current is not None
        assert app.main.current.id == opened.article_id


async def test_the_diff_pages_like_the_reader_and_filters_without_rebuilding():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        diff = await _diff(app, pilot)
        rows = diff.query_one("#diff-rows")
        widgets = list(diff.query(DiffRow))
        assert len(widgets) > 6
        await pilot.press("space")
        paged = diff.cursor
        assert paged > 1  # a screenful of rows, not one
        cursor_row = widgets[paged].virtual_region
        assert rows.scroll_y <= cursor_row.y < rows.scroll_y + rows.size.height
        await pilot.press("ctrl+d")
        assert diff.cursor > paged
        await pilot.press("b", "ctrl+u")
        assert diff.cursor == 0
        await pilot.press("G")
        assert diff.cursor == len(widgets) - 1
        assert rows.scroll_y == rows.max_scroll_y  # jumped, not animated
        # f hides rows: the same widgets stay mounted, only those the filter keeps are shown.
        await pilot.press("f", "f")  # hide agreements
        await pilot.pause()
        assert list(diff.query(DiffRow)) == widgets
        shown = [w for w in widgets if w.display]
        assert shown and all(w.row.status != "agree" for w in shown)
        assert len(shown) == len([r for r in diff.comparison.rows if r.status != "agree"])
        await pilot.press("f")  # all rows again
        assert all(w.display for w in widgets)


async def test_slash_searches_the_diff_and_n_steps_through_the_rows_that_hold_it():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        diff = await _diff(app, pilot)
        phrase = "North Korean soldiers"
        holding = [
            i
            for i, w in enumerate(diff.query(DiffRow))
            if any(
                c is not None and phrase.casefold() in " ".join(c.sentence.casefold().split())
                for c in (w.row.a, w.row.b)
            )
        ]
        assert len(holding) >= 2
        await pilot.press("slash")
        box = diff.query_one("#row-search")
        assert box.display and app.focused is box
        await pilot.press(*"north korean soldiers", "enter")  # a phrase, any case
        assert not box.display
        assert diff.cursor == holding[0]
        await pilot.press("n")
        assert diff.cursor == holding[1]
        await pilot.press("N", "N")  # back, then round to the last
        assert diff.cursor == holding[-1]
        # esc closes an open search box and leaves the diff where it is; then esc goes back.
        await pilot.press("slash", "escape")
        assert app.screen is diff and not box.display
        await pilot.press("escape")
        assert app.screen is app.main


async def test_at_80x24_the_diffs_footer_keeps_back_and_help_in_view():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _diff(app, pilot)
        await pilot.pause()
        keys = {k.action: k for k in app.screen.query(FooterKey)}
        for action in ("app.pop_screen", "help"):
            region = keys[action].region
            assert region.width > 0 and region.right <= 80, (action, region)
