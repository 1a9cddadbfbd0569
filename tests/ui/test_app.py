"""The app as a user drives it, through Textual's Pilot."""

from __future__ import annotations

import asyncio
import random
import time

import pytest
from rich.style import Style
from support.pilot import reader, settle, sources, status
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Input, OptionList, Static
from textual.worker import WorkerFailed

from tui.app import KimreaderApp
from tui.render import wrap_ranges
from tui.screens.compare import CompareScreen, DiffRow
from tui.screens.corpus import TimelineScreen
from tui.screens.modals import HelpScreen, SourcePicker
from tui.screens.overview import OverviewScreen
from tui.screens.sentence import SentenceScreen
from tui.screens.source_rows import story_of_row
from tui.widgets.long_text import LongText


async def test_opens_the_seeds_and_shows_the_first_article():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert sources(app).option_count == 5
        view = reader(app).view
        assert view is not None and view.article.id == "000_ca11f8d137dfb4bd"
        assert any(kind == "PERSON" for _, _, kind in view.entities)


async def test_j_moves_to_the_next_source_and_the_reader_follows():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        assert reader(app).view.article.id == "001_ee6a89961e49bfbf"


async def test_search_as_you_type_then_jump_between_matches():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"Mansudae")
        await pilot.pause(0.4)
        await settle(app, pilot)
        assert sources(app).option_count == 4  # 004 never names the studio
        # "n" typed into the search box is text, not the next-match key
        assert app.main.query_one("#search", Input).value == "Mansudae"
        await pilot.press("enter")
        await settle(app, pilot)
        view = reader(app).view
        assert view.matches and view.current == 0
        assert "match 1/" in status(app)
        await pilot.press("n")
        assert "match 2/" in status(app)
        assert view.current == 1
        await pilot.press("N")
        assert view.current == 0


async def test_spelling_correction_and_malformed_queries_are_reported():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Kim Jung Un", "enter")
        await settle(app, pilot)
        assert "showing results for 'Kim Jong Un'" in status(app)
        # Enter opened the first hit and moved focus to the list: "/" comes back to the box.
        await pilot.press("slash")
        search = app.main.query_one("#search", Input)
        assert app.focused is search
        search.value = "((("
        await pilot.press("enter")
        await settle(app, pilot)
        assert "search:" in status(app)
        assert app.is_running


async def test_entity_panel_filters_the_sources_and_highlights_mentions():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        panel = app.main.query_one("#entity-panel", OptionList)
        assert panel.display and panel.option_count > 5
        index = next(
            i
            for i in range(panel.option_count)
            if "Mansudae Art Studio" in str(panel.get_option_at_index(i).prompt)
        )
        panel.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert sources(app).option_count == 4
        assert reader(app).view.focus  # the entity's mentions are highlighted
        await pilot.press("escape")
        await settle(app, pilot)
        assert sources(app).option_count == 5


async def test_compare_two_seeds_and_walk_the_conflicts():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        sources(app).highlighted = 2  # 002
        await settle(app, pilot)
        await pilot.press("m")
        sources(app).highlighted = 3  # 003
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        values = {
            (r.a.value, r.b.value)
            for r in screen.comparison.rows
            if r.a and r.b and r.status == "conflict"
        }
        assert ("11000", "14000") in values
        await pilot.press("right_square_bracket")
        rows = list(screen.query(DiffRow))
        assert rows[screen.cursor].row.status == "conflict"
        await pilot.press("f")  # conflicts only
        assert all(w.row.status == "conflict" for w in screen.query(DiffRow) if w.display)
        await pilot.press("x")
        await settle(app, pilot)  # the comparison is made again in a worker
        assert screen.comparison.a.id == "003_8aed3a971675dfb7"
        await pilot.press("enter")  # open A's sentence in its article, on top of the diff
        await settle(app, pilot)
        assert isinstance(app.screen, SentenceScreen)
        await pilot.press("enter")  # and from there, in the main reader
        await settle(app, pilot)
        assert not isinstance(app.screen, (CompareScreen, SentenceScreen))
        assert reader(app).view.article.id == "003_8aed3a971675dfb7"
        assert reader(app).view.focus


async def test_compare_without_a_mark_opens_a_picker():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, SourcePicker)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        assert not isinstance(app.screen, CompareScreen)


async def test_reader_marks_sentences_other_sources_contradict():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        sources(app).highlighted = 2  # 002
        await settle(app, pilot)
        assert reader(app).view.conflicts
        await pilot.press("right_square_bracket")
        assert "other sources say" in status(app)


async def test_help_overview_and_timeline_screens():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("M")
        await settle(app, pilot)  # the overview is built in a worker
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.facts
        await pilot.press("q")
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("q")
        assert app.screen is app.main


async def test_tiny_terminal_does_not_crash():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "k", "tab", "e", "e")
        await pilot.press("c", "enter")
        await settle(app, pilot)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        if isinstance(app.screen, CompareScreen):
            assert "needs at least" in str(app.screen.query_one("#too-small", Static).content)
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        assert app.is_running


async def test_markup_in_articles_is_shown_literally(tmp_path):
    (tmp_path / "trap.txt").write_text(
        "Trap [bold]headline[/] for markup\n\nClick [@click=app.quit]here[/] or [/] now.\n",
        encoding="utf-8",
    )
    app = KimreaderApp(tmp_path, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#reader")
        await pilot.pause()
        assert app.is_running
        shown = " ".join(str(w.content) for w in reader(app).query(Static))
        assert "[@click=app.quit]here[/]" in shown
        assert "[bold]headline[/]" in shown


async def test_a_missing_corpus_says_so(tmp_path):
    app = KimreaderApp(tmp_path / "missing", remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = " ".join(str(w.content) for w in reader(app).query(Static))
        assert "corpus folder not found" in shown


async def test_remembers_the_last_article_between_runs():
    first = KimreaderApp()
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
        sources(first).highlighted = 3
        await settle(first, pilot)
        await pilot.press("q")
    second = KimreaderApp()
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        assert reader(second).view.article.id == "003_8aed3a971675dfb7"


async def test_light_theme_and_the_command_palette():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.theme = "textual-light"
        await pilot.pause()
        assert "Sources" in app.export_screenshot()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Story overview" in titles and "Search" in titles
        assert any(t.startswith("Open: North Korea unveils") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running


async def test_sources_are_readable_while_a_changed_corpus_reindexes(seeds_copy):
    first = KimreaderApp(seeds_copy, remember=False)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
    (seeds_copy / "005_new.txt").write_text(
        "A new report arrives\n\nOfficials said 12 people were hurt on Monday.\n", encoding="utf-8"
    )
    second = KimreaderApp(seeds_copy, remember=False)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        listed = [e.id for e in sources(second).entries if story_of_row(e.id) is None]
        assert len(listed) == 6
        assert "indexing" not in status(second)


async def test_settle_waits_past_cancelled_workers_but_fails_on_failed_ones():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)

        async def slow() -> None:
            await asyncio.sleep(5)

        # What fast typing does: a newer exclusive worker cancels the one settle waits for.
        app.run_worker(slow(), group="typed", exclusive=True)
        app.set_timer(
            0.2, lambda: app.run_worker(asyncio.sleep(0.1), group="typed", exclusive=True)
        )
        await settle(app, pilot)
        assert not list(app.workers)

        def broken() -> None:
            time.sleep(0.2)
            raise RuntimeError("broken worker")

        app.run_worker(broken, thread=True, exit_on_error=False)
        with pytest.raises(WorkerFailed):
            await settle(app, pilot)


async def test_paging_an_entity_panel_with_no_room_for_a_line():
    # Textual's OptionList pages by its laid-out lines and raised KeyError when it had none:
    # in a small terminal the entity panel gets a height of 0 rows inside its border.
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        panel = app.main.query_one("#entity-panel", OptionList)
        assert app.focused is panel and panel.option_count and not panel.scrollable_content_region
        await pilot.press("j", "space", "b", "space")
        assert app.is_running and panel.highlighted is not None
        await pilot.resize_terminal(120, 40)  # once there is room, the keys page as usual
        await pilot.pause()
        await pilot.press("space")
        assert panel.highlighted > 1


def test_long_text_breaks_ordinary_text_where_textual_does():
    rng = random.Random(7)
    words = ["a", "to", "the", "museum", "Pyongyang", "日本", "café", "Mansudae"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 80)))
        width = rng.randint(9, 60)
        ours = [text[a:b] for a, b in wrap_ranges(text, 0, len(text), width)]
        assert ours == [line.plain.rstrip() for line in Content(text).wrap(width)], (text, width)
    # A word longer than a line is cut into whole lines; a run of spaces makes no blank line.
    assert wrap_ranges("ab " + "x" * 10 + "     cd", 0, 20, 4) == [
        (0, 2),
        (3, 7),
        (7, 11),
        (11, 13),
        (18, 20),
    ]


LONG_PARAGRAPH = " ".join(["Officials said the museum opened its doors again."] * 600)


async def test_a_long_article_is_laid_out_in_a_worker_and_keeps_its_highlights(tmp_path):
    (tmp_path / "long.txt").write_text(
        "A long report from Pyongyang\n\n"
        "Kim Jong Un visited the Mansudae Art Studio on Monday.\n\n"
        f"{LONG_PARAGRAPH}\n\nThe last paragraph names a zeppelin.\n",
        encoding="utf-8",
    )
    (tmp_path / "short.txt").write_text(
        "A short report\n\nKim Jong Un visited a museum.\n", encoding="utf-8"
    )
    app = KimreaderApp(tmp_path, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zeppelin", "enter")
        await settle(app, pilot)
        view = reader(app).view
        assert view.article.id == "long" and view.current == 0
        headline, body = reader(app).query(LongText)
        assert not list(reader(app).query(".paragraph").results(Static))

        def drawn(part: LongText, offset: int) -> tuple[int, Strip]:
            line = part.line_of(offset)
            assert line is not None
            return line, part.render_line(line)

        def style_of(strip: Strip, word: str) -> Style:
            return next(s.style for s in strip if word in s.text)

        # The first match was scrolled into view, and is drawn reversed.
        start = view.matches[0][0]
        line, strip = drawn(body, start)
        top = body.virtual_region.y + line - reader(app).scroll_y
        assert 0 <= top < reader(app).scrollable_content_region.height
        assert style_of(strip, "zeppelin").reverse
        assert "zeppelin" in app.export_screenshot()
        # Entities keep their styles; the headline is bold.
        kim = next(s for s, _, kind in view.entities if kind == "PERSON")
        _, strip = drawn(body, kim)
        assert style_of(strip, "Kim").bold and not style_of(strip, "visited").bold
        assert style_of(headline.render_line(0), "Pyongyang").bold
        # A contradicted sentence marks its paragraph's lines in the gutter (a reflow later).
        view.conflicts = [(kim, kim + 20)]
        reader(app).refresh_styles()
        await settle(app, pilot)
        line, strip = drawn(body, kim)
        assert strip.text.startswith("▌ Kim Jong Un")
        assert not drawn(body, start)[1].text.startswith("▌")
        width = body.size.width
        assert all(body.render_line(y).cell_length <= width for y in range(body.size.height))
        # The short article is still a Static a paragraph.
        sources(app).focus()
        await pilot.press("escape")
        await settle(app, pilot)
        sources(app).highlighted = 1
        await settle(app, pilot)
        assert reader(app).view.article.id == "short" and not reader(app).query(LongText)
        # Back to the long one: where it was read to comes back once its lines are laid out.
        saved = app.state.positions["long"]
        assert saved > 100
        sources(app).highlighted = 0
        await settle(app, pilot)
        assert reader(app).view.article.id == "long" and reader(app).scroll_y == saved


async def _failures_told(app: KimreaderApp, pilot) -> list[str]:
    """Every worker waited for (failed ones included), then the error toasts shown."""
    await pilot.pause(0.05)
    await asyncio.gather(*(w.wait() for w in list(app.workers)), return_exceptions=True)
    await pilot.pause()
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_a_failing_search_worker_is_told_once_by_a_notification(monkeypatch):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert await _failures_told(app, pilot) == []

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("index unreadable")

        monkeypatch.setattr(app.library, "search", broken)
        await pilot.press("slash", *"museum", "enter")
        told = await _failures_told(app, pilot)
        # The main screen's worker goes through the App's one handler: told once, by name.
        assert told == ["run_search failed: index unreadable"]


async def test_a_failing_entity_panel_worker_is_told_by_a_notification(monkeypatch):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)

        def broken() -> None:
            raise RuntimeError("entity table unreadable")

        monkeypatch.setattr(app.library, "entities", broken)
        await pilot.press("e")
        told = await _failures_told(app, pilot)
        assert told == ["fill failed: entity table unreadable"]
