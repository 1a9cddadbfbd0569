"""Marks are listed and cleared: ' lists the sources marked for comparing (newest first, the one
c compares with on top), enter opens one, d unmarks it, D clears them all; c says which mark
it compared with (marks are remembered, so it may be one set days ago)."""

from __future__ import annotations

from datetime import datetime

from support.pilot import reader, settle, sources
from textual.widgets import OptionList

from search_index.models import ArticleInfo, PublishedDate
from tui.app import KimreaderApp
from tui.screens.compare import CompareScreen
from tui.screens.marks import MarksScreen, mark_rows

INSIDER = "002_f8346f1b11c35f47"  # The Insider
THIRD = "003_8aed3a971675dfb7"


def _info(ident: str, title: str, outlet: str | None, day: str | None) -> ArticleInfo:
    published = PublishedDate(datetime.fromisoformat(day)) if day else None
    return ArticleInfo(ident, f"{ident}.txt", title, outlet, published, None, 100, "0")


def test_mark_rows_newest_first_named_by_outlet_and_day():
    articles = {
        "a": _info("a", "Quake hits the coast", "Reuters", "2026-01-02"),
        "b": _info("b", "Aftershocks", None, None),
    }
    rows = mark_rows(["a", "b", "gone"], articles)
    assert rows == [
        ("gone", "gone (not in the corpus now)"),
        ("b", "b — Aftershocks"),
        ("a", "Reuters · 2026-01-02 — Quake hits the coast"),
    ]


async def _mark(app: KimreaderApp, pilot, index: int) -> str:
    sources(app).highlighted = index
    await settle(app, pilot)
    await pilot.press("m")
    await settle(app, pilot)
    return reader(app).view.article.id


def _rows(app: KimreaderApp) -> list[str]:
    return [
        str(sources(app).get_option_at_index(i).prompt)
        for i in range(sources(app).option_count)
    ]


async def test_marks_are_listed_unmarked_and_cleared():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = await _mark(app, pilot, 2)
        second = await _mark(app, pilot, 3)
        assert app.state.marked == [first, second]
        assert sum("★" in row for row in _rows(app)) == 2
        await pilot.press("apostrophe")
        screen = app.screen
        assert isinstance(screen, MarksScreen)
        listed = screen.query_one("#marks", OptionList)
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            second,
            first,
        ]
        assert "The Insider" in str(listed.get_option_at_index(1).prompt)
        await pilot.press("d")  # the highlighted one, the newest
        await settle(app, pilot)
        assert app.state.marked == [first]
        assert listed.option_count == 1
        await pilot.press("escape")
        await settle(app, pilot)
        assert sum("★" in row for row in _rows(app)) == 1
        await pilot.press("apostrophe", "D")
        await settle(app, pilot)
        assert not isinstance(app.screen, MarksScreen)
        assert app.state.marked == []
        assert not any("★" in row for row in _rows(app))


async def test_enter_opens_the_marked_source_and_the_list_follows():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        marked = await _mark(app, pilot, 2)
        sources(app).highlighted = 0
        await settle(app, pilot)
        assert reader(app).view.article.id != marked
        await pilot.press("apostrophe", "enter")
        await settle(app, pilot)
        assert reader(app).view.article.id == marked
        highlighted = sources(app).get_option_at_index(sources(app).highlighted or 0)
        assert highlighted.id == marked


async def test_marking_names_the_source_as_the_list_does():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _mark(app, pilot, 2)
        said = [str(n.message) for n in app._notifications]
        assert any(text.startswith("marked The Insider") for text in said), said


async def test_nothing_marked_says_how_to_mark():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("apostrophe")
        await settle(app, pilot)
        assert not isinstance(app.screen, MarksScreen)
        assert any("m marks the open source" in str(n.message) for n in app._notifications)


async def test_compare_with_a_remembered_mark_says_which():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.state.marked.append(INSIDER)  # as if marked in an earlier session
        sources(app).highlighted = 3
        await settle(app, pilot)
        assert reader(app).view.article.id == THIRD
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("compared with ★ The Insider" in text for text in said)
