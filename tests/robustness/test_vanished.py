"""Articles that vanish (deleted or renamed) while state or a list still points at them.

Saved state (last article, marks, positions) and the lists on screen hold ids from an earlier
look at the corpus; when the file behind one is gone, the app says so and carries on.
"""

from __future__ import annotations

from pathlib import Path

from support.pilot import reader, settle, sources
from textual.widgets import OptionList

from search_index.library import Library
from search_index.state import ReadingState, StateStore
from tui.app import KimreaderApp
from tui.screens.compare import CompareScreen
from tui.screens.modals import SourcePicker

FIRST = "000_ca11f8d137dfb4bd"
GONE = "003_8aed3a971675dfb7"
OTHER = "002_f8346f1b11c35f47"


def notes(app: KimreaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def index_with_state(corpus: Path, state: ReadingState) -> None:
    """Index the corpus (so the stale index still lists every article) and save a state."""
    with Library.open(corpus) as library:
        library.refresh()
        warning = StateStore(library.corpus_dir).save(state)
    assert warning is None


def refresh_while_open(app: KimreaderApp) -> None:
    """What the app's start-up refresh does while the lists already show the old index."""
    assert app.library is not None
    app.library.refresh()


# -- the reading state ---------------------------------------------------------------------


def test_forget_missing_drops_what_points_at_gone_articles():
    state = ReadingState(
        last_article=GONE, positions={GONE: 4, FIRST: 2}, marked=[GONE, FIRST, "also-gone"]
    )
    forgotten = state.forget_missing({FIRST, OTHER})
    assert forgotten.last_article == GONE
    assert forgotten.marked == (GONE, "also-gone")
    assert forgotten.positions == 1
    assert state == ReadingState(last_article=None, positions={FIRST: 2}, marked=[FIRST])
    assert not state.forget_missing({FIRST})  # nothing more to forget: falsy


def test_forget_missing_keeps_a_present_state_untouched():
    state = ReadingState(last_article=FIRST, positions={FIRST: 2}, marked=[FIRST])
    assert not state.forget_missing([FIRST, OTHER])
    assert state == ReadingState(last_article=FIRST, positions={FIRST: 2}, marked=[FIRST])


# -- start-up ------------------------------------------------------------------------------


async def test_start_when_the_last_article_was_deleted(seeds_copy):
    index_with_state(
        seeds_copy, ReadingState(last_article=GONE, positions={GONE: 7}, marked=[GONE, OTHER])
    )
    (seeds_copy / f"{GONE}.txt").unlink()
    app = KimreaderApp(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert sources(app).option_count == 4
        assert reader(app).view.article.id == FIRST
        shown = "\n".join(notes(app))
        assert f"The article you were last reading ({GONE}) is gone" in shown
        assert "opened the first one" in shown
        assert f"Marked article {GONE} is gone" in shown
        assert GONE not in app.state.marked and OTHER in app.state.marked
        assert GONE not in app.state.positions
        await pilot.press("c")  # the surviving mark is compared with
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert {app.screen.comparison.a.id, app.screen.comparison.b.id} == {OTHER, FIRST}


async def test_start_when_the_last_article_was_renamed(seeds_copy):
    index_with_state(seeds_copy, ReadingState(last_article=GONE))
    (seeds_copy / f"{GONE}.txt").rename(seeds_copy / "renamed.txt")
    app = KimreaderApp(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.is_running and sources(app).option_count == 5
        assert reader(app).view.article.id == FIRST
        assert any("you were last reading" in n for n in notes(app))


async def test_start_with_a_present_last_article_says_nothing(seeds_copy):
    index_with_state(seeds_copy, ReadingState(last_article=GONE, marked=[GONE]))
    app = KimreaderApp(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert reader(app).view.article.id == GONE
        assert not any("gone" in n for n in notes(app))


# -- deleted while the app is open ---------------------------------------------------------


async def test_compare_with_a_vanished_mark_says_so_and_clears_it(seeds_copy):
    app = KimreaderApp(seeds_copy, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        sources(app).highlighted = 3
        await settle(app, pilot)
        await pilot.press("m")
        assert app.state.marked == [GONE]
        sources(app).highlighted = 0
        await settle(app, pilot)
        (seeds_copy / f"{GONE}.txt").unlink()
        refresh_while_open(app)
        await pilot.press("c")
        await settle(app, pilot)
        assert app.is_running
        assert any(f"{GONE} is gone" in n and "mark" in n for n in notes(app))
        assert app.state.marked == []
        # With no mark left, c asks which source to compare with, as it always does.
        assert isinstance(app.screen, SourcePicker)


async def test_opening_a_vanished_article_from_the_list_says_so(seeds_copy):
    app = KimreaderApp(seeds_copy, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        (seeds_copy / f"{GONE}.txt").unlink()
        refresh_while_open(app)
        sources(app).highlighted = 3  # the list still shows the old index
        await settle(app, pilot)
        assert app.is_running
        assert any(f"{GONE} is gone" in n for n in notes(app))
        assert reader(app).view.article.id == FIRST  # what was open stays open
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.is_running


async def test_comparing_and_swapping_when_an_article_vanished(seeds_copy):
    app = KimreaderApp(seeds_copy, remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        sources(app).highlighted = 2
        await settle(app, pilot)
        await pilot.press("m")
        sources(app).highlighted = 3
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        (seeds_copy / f"{GONE}.txt").unlink()
        refresh_while_open(app)
        await pilot.press("x")  # swap: compares again, and one side is gone
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert any(f"{GONE} is gone" in n for n in notes(app))
        await pilot.press("O")  # open a sentence of the vanished article (side B)
        await settle(app, pilot)
        assert app.is_running
        await pilot.press("c")  # the current article is gone: compare says so
        await settle(app, pilot)
        assert app.is_running


async def test_matrix_and_timeline_cells_of_a_vanished_article(seeds_copy):
    app = KimreaderApp(seeds_copy, remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)  # the timeline is built in a worker
        timeline = app.screen.query_one("#timeline", OptionList)
        # The rows in order, one per source's dated claim (the timeline names sources by
        # outlet or title, not by file id).
        claims = [c for event in app.screen.events for c in event.claims]
        assert len(claims) == timeline.option_count
        gone_rows = [i for i, claim in enumerate(claims) if claim.article_id == GONE]
        assert gone_rows
        (seeds_copy / f"{GONE}.txt").unlink()
        refresh_while_open(app)
        timeline.highlighted = gone_rows[0]
        shown = app.screen
        await pilot.press("enter")
        await settle(app, pilot)
        # The sentence would open on top of the timeline: with its article gone, the user is
        # told and stays on the timeline.
        assert app.is_running and app.screen is shown
        assert any(f"{GONE} is gone" in n for n in notes(app))


async def test_conflict_scan_of_a_vanished_article_is_no_error(seeds_copy):
    app = KimreaderApp(seeds_copy, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        (seeds_copy / f"{GONE}.txt").unlink()
        refresh_while_open(app)
        # The background scans for an article gone from the index end quietly.
        for worker in (app.main.find_conflicts(GONE), app.main.load_mentions(GONE)):
            await worker.wait()  # raises WorkerFailed if the worker failed
        await settle(app, pilot)
        assert app.is_running
        await pilot.press("right_square_bracket")
        assert app.is_running


async def test_a_busy_index_does_not_make_saved_state_look_gone(seeds_copy, monkeypatch):
    # While another process builds the index, the app sees it partial or empty: the saved
    # state is judged only once a refresh has finished.
    from search_index.library import RefreshResult
    from search_index.models import IndexReport
    from tui import app as app_module

    index_with_state(seeds_copy, ReadingState(last_article=GONE, marked=[GONE]))
    real_refresh, real_catalog = Library.refresh, Library.catalog
    building = [True]

    def refresh(self: Library, *args: object, **kwargs: object) -> RefreshResult:
        if building[0]:  # as a busy refresh leaves it: nothing written, nothing read
            return RefreshResult(IndexReport(busy=True), (), ())
        return real_refresh(self, *args, **kwargs)

    def catalog(self: Library) -> list:
        return [] if building[0] else real_catalog(self)  # an index still being built

    monkeypatch.setattr(Library, "refresh", refresh)
    monkeypatch.setattr(Library, "catalog", catalog)
    monkeypatch.setattr(app_module, "BUSY_RETRY_SECONDS", 0.1)
    app = KimreaderApp(seeds_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)  # a retry or two, still busy
        await settle(app, pilot)
        assert app.state.marked == [GONE] and app.state.last_article == GONE
        assert not any("gone" in n for n in notes(app))
        building[0] = False  # the other process finished
        for _ in range(100):  # hang guard: the retry comes after 0.1 s
            await pilot.pause(0.05)
            if sources(app).option_count:
                break
        await settle(app, pilot)
        assert reader(app).view.article.id == GONE  # it was there all along
        assert app.state.marked == [GONE]
        assert not any("gone" in n for n in notes(app))
