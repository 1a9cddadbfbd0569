"""The virtual source list: two rows an entry, only the rows on screen drawn, OptionList's API.

Most tests drive a small app holding one SourceList; the last ones drive the real app over the
seeds. Rows are read back with ``render_line``: what the widget would draw, line by line.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from support.pilot import reader, settle, sources
from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tui.app import KimreaderApp
from tui.render import printable
from tui.screens.source_rows import story_of_row
from tui.widgets.source_list import SourceEntry, SourceList

MANY = 50_000
# Time grows with size as in tests/robustness/test_linear_time.py: four times the work may take
# less than eight times as long (quadratic work takes sixteen), or pass when still very fast.
FAST = 0.05
MAX_RATIO = 8


def make_entries(count: int) -> list[SourceEntry]:
    return [SourceEntry(f"id{i}", f"Title {i}", f"Outlet {i} · 2025-01-01") for i in range(count)]


class ListApp(App[None]):
    """One SourceList filling the screen, recording what it says."""

    def __init__(self, entries: list[SourceEntry]) -> None:
        super().__init__()
        self.entries = entries
        self.highlighted_ids: list[str | None] = []
        self.selected_ids: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield SourceList(id="sources")

    def on_mount(self) -> None:
        source_list = self.query_one(SourceList)
        source_list.set_entries(self.entries)
        if self.entries:
            source_list.highlighted = 0
        source_list.focus()

    @property
    def source_list(self) -> SourceList:
        return self.query_one(SourceList)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.highlighted_ids.append(event.option.id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.selected_ids.append(event.option.id)


def rows(widget: SourceList) -> list[str]:
    """The text of every row the widget shows now (without the padding to its width)."""
    height = widget.scrollable_content_region.height
    return [widget.render_line(y).text.rstrip() for y in range(height)]


def visible(widget: SourceList, index: int) -> bool:
    top = round(widget.scroll_y)
    height = widget.scrollable_content_region.height
    return top <= 2 * index and 2 * index + 2 <= top + height


# -- keys ---------------------------------------------------------------------------------------


async def test_keys_move_the_highlight_and_say_which_entry():
    app = ListApp(make_entries(10))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        await pilot.press("j", "down", "j")
        assert widget.highlighted == 3
        await pilot.press("k", "up")
        assert widget.highlighted == 1
        await pilot.press("G")
        assert widget.highlighted == 9 and visible(widget, 9)
        await pilot.press("g")
        assert widget.highlighted == 0 and widget.scroll_y == 0
        await pilot.press("end")
        assert widget.highlighted == 9
        await pilot.press("home")
        assert widget.highlighted == 0
        await pilot.press("k")  # wraps at the ends, as OptionList does
        assert widget.highlighted == 9
        await pilot.press("enter")
        await pilot.pause()
        assert app.highlighted_ids == [
            *("id0", "id1", "id2", "id3", "id2", "id1", "id9", "id0", "id9", "id0", "id9")
        ]
        assert app.selected_ids == ["id9"]


async def test_paging_moves_a_screenful_and_keeps_the_highlight_in_view():
    app = ListApp(make_entries(100))
    async with app.run_test(size=(40, 22)) as pilot:
        widget = app.source_list
        page = widget.scrollable_content_region.height // 2
        assert page >= 5
        await pilot.press("space")
        assert widget.highlighted == page and visible(widget, page)
        await pilot.press("pagedown")
        assert widget.highlighted == 2 * page and visible(widget, 2 * page)
        await pilot.press("b")
        assert widget.highlighted == page and visible(widget, page)
        await pilot.press("pageup", "pageup")
        assert widget.highlighted == 0 and widget.scroll_y == 0
        await pilot.press("G", "space")  # no further than the last entry
        assert widget.highlighted == 99 and visible(widget, 99)


async def test_setting_highlighted_from_code_scrolls_it_into_view():
    app = ListApp(make_entries(1000))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        widget.highlighted = 500
        await pilot.pause()
        assert visible(widget, 500)
        assert "Title 500" in rows(widget)
        widget.highlighted = 5000  # clamped, as OptionList clamps
        await pilot.pause()
        assert widget.highlighted == 999 and visible(widget, 999)
        assert app.highlighted_ids[-2:] == ["id500", "id999"]


# -- the mouse ------------------------------------------------------------------------------------


async def test_a_click_highlights_and_selects_the_entry_under_it():
    app = ListApp(make_entries(20))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        top = widget.scrollable_content_region.y - widget.region.y
        # Both rows of an entry belong to it: the meta row of entry 2, the title of entry 3.
        assert await pilot.click(SourceList, offset=(3, top + 5))
        assert widget.highlighted == 2
        assert await pilot.click(SourceList, offset=(3, top + 6))
        await pilot.pause()
        assert widget.highlighted == 3
        assert app.selected_ids == ["id2", "id3"]


async def test_the_mouse_wheel_scrolls_without_moving_the_highlight():
    app = ListApp(make_entries(100))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        for _ in range(3):
            widget.post_message(events.MouseScrollDown(widget, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert widget.scroll_y > 0 and widget.highlighted == 0
        first = round(widget.scroll_y)
        assert rows(widget)[0] == (
            f"Title {first // 2}" if first % 2 == 0 else f"Outlet {first // 2}"
        )


# -- drawing ----------------------------------------------------------------------------------


async def test_rows_after_scrolling_show_the_entries_there():
    app = ListApp(make_entries(MANY))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        assert widget.virtual_size.height == 2 * MANY
        widget.scroll_to(y=2 * 31_337, animate=False, immediate=True)
        await pilot.pause()
        shown = rows(widget)
        assert shown[:4] == [
            "Title 31337",
            "Outlet 31337 · 2025-01-01",
            "Title 31338",
            "Outlet 31338 · 2025-01-01",
        ]
        # An odd scroll position starts with an entry's meta row.
        widget.scroll_to(y=2 * 40_000 + 1, animate=False, immediate=True)
        await pilot.pause()
        assert rows(widget)[:2] == [
            "Outlet 40000 · 2025-01-01",
            "Title 40001",
        ]
        width = widget.scrollable_content_region.width
        assert all(widget.render_line(y).cell_length == width for y in range(10))


async def test_long_rows_end_in_an_ellipsis_and_never_wrap():
    long_title = "A very long headline " * 10
    entries = [
        SourceEntry("long", long_title, "meta " * 40),
        SourceEntry("wide", "廣播" * 40, "tab\there, newline\nthere"),
        SourceEntry("next", "Next title", "Next meta"),
    ]
    app = ListApp(entries)
    async with app.run_test(size=(30, 10)):
        widget = app.source_list
        width = widget.scrollable_content_region.width
        shown = rows(widget)
        assert shown[0].endswith("…") and shown[0].startswith("A very long headline")
        assert shown[1].endswith("…")
        assert shown[3].startswith("tab here, newline there")
        assert shown[4:6] == ["Next title", "Next meta"]
        assert all(widget.render_line(y).cell_length == width for y in range(6))


async def test_title_rows_are_bold_and_the_highlight_uses_optionlists_style():
    app = ListApp(make_entries(3))
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        title = widget.render_line(2)  # entry 1, not highlighted
        assert title.text.startswith("Title 1")
        assert all(s.style.bold for s in title if s.text.strip())
        meta = widget.render_line(3)
        assert not any(s.style.bold for s in meta if s.text.strip())
        # The highlighted entry: both rows on the component class's background.
        highlight = widget.get_visual_style(
            "option-list--option", "option-list--option-highlighted"
        ).rich_style.bgcolor
        assert {s.style.bgcolor for s in widget.render_line(0)} == {highlight}
        assert {s.style.bgcolor for s in widget.render_line(1)} == {highlight}
        assert highlight not in {s.style.bgcolor for s in title}
        await pilot.press("j")
        assert {s.style.bgcolor for s in widget.render_line(2)} == {highlight}


async def test_markup_and_escapes_in_titles_are_shown_literally():
    raw_title = "Trap [bold]headline[/] [@click=app.quit]click[/] \x1b[31mred\x1b[0m"
    entries = [
        SourceEntry(
            "markup", printable(raw_title), printable("[red]x[/red] \x1b]52;c;ZXZpbA==\x07")
        ),
        SourceEntry("plain", "Plain", "meta"),
    ]
    app = ListApp(entries)
    async with app.run_test(size=(100, 10)) as pilot:
        widget = app.source_list
        shown = rows(widget)
        assert shown[0] == printable(raw_title)
        assert "[bold]headline[/]" in shown[0] and "[@click=app.quit]" in shown[0]
        assert "[red]x[/red]" in shown[1]
        assert not any("\x1b" in row or "\x07" in row for row in shown)
        # A click on "[@click=app.quit]" selects the entry; it runs nothing.
        top = widget.scrollable_content_region.y - widget.region.y
        assert await pilot.click(SourceList, offset=(27, top))
        await pilot.pause()
        assert app.is_running and app.selected_ids == ["markup"]
        # A control character nobody cleaned never reaches the screen either.
        widget.set_entries([SourceEntry("raw", "bell\x07 escape\x1b[2J", "csi\x9b31m")])
        assert rows(widget)[:2] == [printable("bell\x07 escape\x1b[2J"), printable("csi\x9b31m")]


# -- size ---------------------------------------------------------------------------------------


async def test_fifty_thousand_entries_fill_and_draw_in_time_linear_in_their_number():
    # Wrapping every entry, as OptionList did, took seconds here; drawing costs only the rows
    # on screen, so four times the entries may cost at most about four times the time.
    app = ListApp([])
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.source_list

        async def fill_and_draw(count: int) -> float:
            entries = make_entries(count)
            started = time.perf_counter()
            widget.set_entries(entries)
            widget.highlighted = count - 1
            await pilot.pause()
            rows(widget)
            return time.perf_counter() - started

        small = min([await fill_and_draw(MANY // 4) for _ in range(2)])
        large = min([await fill_and_draw(MANY) for _ in range(2)])
        assert large < FAST or large / small < MAX_RATIO, (small, large)
        shown = rows(widget)
        assert widget.option_count == MANY
        assert f"Title {MANY - 1}" in shown
        assert widget.get_option_at_index(MANY - 1).id == f"id{MANY - 1}"


async def test_empty_lists_and_tiny_terminals_do_not_crash():
    app = ListApp([])
    async with app.run_test(size=(20, 5)) as pilot:
        widget = app.source_list
        await pilot.press("j", "k", "g", "G", "space", "b", "pagedown", "pageup", "enter")
        assert widget.highlighted is None and app.highlighted_ids == app.selected_ids == []
        assert all(row.strip() == "" for row in rows(widget))
        widget.set_entries(make_entries(30))
        widget.highlighted = 0
        for size in ((20, 5), (12, 3), (3, 2), (1, 1), (20, 5), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.press("j", "space", "b", "G", "g", "j")
            assert app.is_running, size
        await pilot.resize_terminal(20, 5)
        await pilot.press("space")
        assert widget.highlighted is not None and widget.highlighted > 1  # pages move at least one
        widget.clear_options()
        await pilot.pause()
        assert widget.option_count == 0 and widget.highlighted is None
        assert all(row.strip() == "" for row in rows(widget))


async def test_optionlist_compatible_methods():
    app = ListApp([])
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.source_list
        assert isinstance(widget, OptionList)
        widget.add_options([SourceEntry("a", "A", "a meta"), SourceEntry("b", "B", "b meta")])
        widget.add_option(SourceEntry("c", "C", "c meta"))
        assert widget.option_count == 3 and len(widget.options) == 3
        assert [o.id for o in widget.options] == ["a", "b", "c"]
        assert widget.get_option("b").prompt.plain == "B\nb meta"
        widget.highlighted = 1
        await pilot.pause()
        assert widget.highlighted_option is not None and widget.highlighted_option.id == "b"
        widget.remove_option("a")
        assert [e.id for e in widget.entries] == ["b", "c"]
        assert widget.highlighted == 1


# -- in the app ---------------------------------------------------------------------------------


async def test_the_app_lists_its_sources_two_rows_each_and_opens_what_is_chosen():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        widget = sources(app)
        assert isinstance(widget, SourceList) and app.focused is widget
        titles = [widget.render_line(2 * i).text.rstrip() for i in range(widget.option_count)]
        assert titles[0].startswith("North Korea's Kim inspects sculptures")
        assert reader(app).view.article.id == "000_ca11f8d137dfb4bd"
        await pilot.press("j", "j")
        await settle(app, pilot)
        assert reader(app).view.article.id == "002_f8346f1b11c35f47"
        assert app.focused is widget  # highlighting opens the article; focus stays
        await pilot.press("G")
        await settle(app, pilot)
        assert reader(app).view.article.id == "004_2da6d9f645c22fe2"
        # A click on the second entry opens it and moves to the reader, as enter does.
        top = widget.scrollable_content_region.y - widget.region.y
        assert await pilot.click("#sources", offset=(4, top + 2))
        await settle(app, pilot)
        assert reader(app).view.article.id == "001_ee6a89961e49bfbf"
        assert app.focused is reader(app)


async def test_enter_on_a_search_hit_opens_it_at_its_first_match():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"troops")
        await settle(app, pilot)
        await pilot.pause(0.4)  # the search waits for typing to pause
        await settle(app, pilot)
        widget = sources(app)
        total = app.main.result.total
        assert widget.border_title == f"{total} matches" and widget.option_count == total >= 2
        assert " matches · " in widget.render_line(1).text
        # One match is "1 match" (the seed 003 mentions troops once), after outlet · date.
        metas = [widget.render_line(2 * i + 1).text for i in range(widget.option_count)]
        assert any(" · 1 match · " in m for m in metas)
        assert not any("1 matches" in m for m in metas)
        widget.focus()
        await pilot.press("j")
        await settle(app, pilot)
        chosen = widget.get_option_at_index(widget.highlighted).id
        assert reader(app).view.article.id == chosen and app.focused is widget
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is reader(app)
        assert reader(app).view.article.id == chosen
        assert app.main.match_index == 0


@pytest.mark.parametrize("grouped", [False, True], ids=["flat", "by-story"])
async def test_populate_with_fifty_thousand_sources_is_linear_and_keeps_the_selection(grouped):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # By story: the seeds' one story, then 50,000 articles no story holds yet (new files).
        app.session.grouped = grouped
        seeds = list(app.articles)
        fake = [replace(seeds[i % len(seeds)], id=f"fake{i:05d}") for i in range(MANY)]
        current = app.main.current.id

        async def populate(count: int) -> float:
            app.articles = [*seeds, *fake[:count]]
            started = time.perf_counter()
            app.main.populate()
            await pilot.pause()
            return time.perf_counter() - started

        small = min([await populate(MANY // 4) for _ in range(2)])
        large = min([await populate(MANY) for _ in range(2)])
        assert large < FAST or large / small < MAX_RATIO, (small, large)
        widget = sources(app)
        listed = [e for e in widget.entries if story_of_row(e.id) is None]
        assert len(listed) == MANY + len(seeds)
        assert widget.option_count == len(listed) + (2 if grouped else 0)
        assert widget.get_option_at_index(widget.highlighted).id == current
        if grouped:
            return
        widget.scroll_to(y=2 * (MANY + len(seeds) - 1), animate=False, immediate=True)
        await pilot.pause()
        assert seeds[(MANY - 1) % len(seeds)].title[:20] in "\n".join(rows(widget))


async def test_a_long_ranking_loads_page_by_page_as_the_list_is_read(tmp_path):
    from tui.screens.main import SEARCH_PAGE

    count = 6 * SEARCH_PAGE + 7
    for n in range(count):
        (tmp_path / f"r{n:03d}.txt").write_text(
            f"Flood report {n}\n\nThe flood reached district {n} on Monday.\n", encoding="utf-8"
        )
    app = KimreaderApp(tmp_path, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"flood", "enter")
        await settle(app, pilot)
        widget = sources(app)
        # The first pages only (the next is fetched while the list is within a screenful of
        # its end); the title says how many match in all.
        loaded = widget.option_count
        assert loaded % SEARCH_PAGE == 0 and SEARCH_PAGE <= loaded < count
        assert widget.border_title == f"{loaded} of {count} matches"
        # Reading down the list fetches the rest, a page at a time.
        widget.focus()
        for _ in range(count // SEARCH_PAGE + 2):
            await pilot.press("G")
            await settle(app, pilot)
            await pilot.pause(0.1)
            await settle(app, pilot)
        assert widget.option_count == count
        assert widget.border_title == f"{count} matches"
        ids = [widget.get_option_at_index(i).id for i in range(count)]
        assert len(set(ids)) == count
        assert widget.highlighted == count - 1
        # A new query starts again from its first pages, at the top.
        await pilot.press("slash")
        app.query_one("#search").value = "flood AND monday"
        await pilot.press("enter")
        await settle(app, pilot)
        assert widget.option_count < count
        assert widget.border_title == f"{widget.option_count} of {count} matches"
        assert widget.highlighted == 0
        # Scrolling (the mouse wheel, the scroll bar) fetches more too, the highlight staying put.
        before = widget.option_count
        widget.scroll_end(animate=False, immediate=True)
        await settle(app, pilot)
        await pilot.pause(0.1)
        await settle(app, pilot)
        assert widget.option_count > before
        assert widget.highlighted == 0
