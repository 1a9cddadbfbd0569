"""The app on a folder of several stories (issue 18): the overview and timeline show the open
article's story, and the compare picker offers that story's sources first and filters as you
type. Real excerpts: ECB+ reports of two different Klitschko title defences and another story
(tests/corpora/stories/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.pilot import settle, sources
from support.story_corpus import SECOND_FIGHT, story_corpus
from textual.widgets import DataTable, Input, OptionList

from tui.app import KimreaderApp
from tui.screens.corpus import TimelineScreen
from tui.screens.modals import SourcePicker
from tui.screens.overview import OverviewScreen
from tui.screens.sentence import SentenceScreen
from tui.screens.source_rows import story_of_row


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return story_corpus(tmp_path)


async def _open(app: KimreaderApp, pilot, article_id: str) -> None:
    options = sources(app)
    index = next(
        i for i in range(options.option_count) if options.get_option_at_index(i).id == article_id
    )
    options.highlighted = index
    await settle(app, pilot)
    assert app.main.current is not None and app.main.current.id == article_id


async def test_overview_and_timeline_show_the_open_articles_story(corpus: Path):
    app = KimreaderApp(corpus, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open(app, pilot, "t07-plus_7_2ecbplus")
        await pilot.press("M")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        shown = [s.article_id for s in app.screen.overview.sources]
        assert sorted(shown) == sorted(SECOND_FIGHT)
        assert "Klitschko" in app.screen.overview.name
        await pilot.press("q")
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.story and "Klitschko" in app.screen.story
        dated = {c.article_id for event in app.screen.events for c in event.claims}
        assert dated <= set(SECOND_FIGHT)
        # A dated sentence opens on top of the timeline, and q comes back to it unmoved.
        timeline = app.screen
        listing = timeline.query_one("#timeline", OptionList)
        listing.focus()
        chosen = next(n for n in range(listing.option_count) if listing.get_option_at_index(n).id)
        listing.highlighted = chosen
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SentenceScreen)
        assert app.screen.article_id in SECOND_FIGHT
        await pilot.press("q")
        await settle(app, pilot)
        assert app.screen is timeline and listing.highlighted == chosen
        await pilot.press("q")
        assert app.screen is app.main


async def test_the_picker_offers_the_story_first_and_filters_as_you_type(corpus: Path):
    app = KimreaderApp(corpus, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open(app, pilot, "t07-plus_7_2ecbplus")
        await pilot.press("M")  # works the stories out
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.press("c")
        assert isinstance(app.screen, SourcePicker)
        picker = app.screen.query_one("#picker", OptionList)
        offered = [picker.get_option_at_index(i).id for i in range(picker.option_count)]
        assert set(offered[:2]) == {"t07-plus_7_1ecbplus", "t07-plus_7_3ecbplus"}
        assert len(offered) == 7
        await pilot.press(*"t01-ecb_1_3")
        assert app.screen.query_one("#picker-filter", Input).value == "t01-ecb_1_3"
        assert picker.option_count == 1
        await pilot.press("enter")
        await settle(app, pilot)
        comparison = app.screen.comparison  # type: ignore[attr-defined]
        assert {comparison.a.id, comparison.b.id} == {"t07-plus_7_2ecbplus", "t01-ecb_1_3ecb"}


async def test_esc_stops_waiting_for_an_overview_being_built(monkeypatch):
    """A corpus-wide view can take minutes on a large corpus: the status says it is coming and
    that esc cancels, and esc gives the main screen back at once."""
    import asyncio

    from tui import app as app_module

    started = asyncio.Event()

    async def never_done(library, article_id=None):
        started.set()
        await asyncio.Event().wait()  # an overview that takes forever

    real = app_module.build_overview
    monkeypatch.setattr(app_module, "build_overview", never_done)
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("M")
        await started.wait()
        await pilot.pause()
        status = str(app.main.status.content)
        assert "story overview" in status and "esc cancels" in status
        await pilot.press("escape")
        await pilot.pause()
        assert not any(w.group == "corpus-view" and w.is_running for w in app.workers)
        assert "esc cancels" not in str(app.main.status.content)
        assert app.screen is app.main
        monkeypatch.setattr(app_module, "build_overview", real)
        await pilot.press("M")  # and the next M builds it as usual
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)


async def test_overview_keys_show_all_facts_and_open_a_value(corpus: Path):
    app = KimreaderApp(corpus, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open(app, pilot, "t07-plus_7_2ecbplus")
        await pilot.press("M")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shared = len(screen.facts)
        await pilot.press("a")  # every fact, also those one source alone gives
        assert len(screen.facts) == len(screen.overview.facts) > shared
        table = screen.query_one("#overview-facts", DataTable)
        assert table.row_count == len(screen.facts)
        # The first cell that holds a value: enter opens that article at its sentence.
        row, fact = 0, screen.facts[0]
        column = next(
            n for n, s in enumerate(screen.overview.sources) if s.article_id in fact.cells
        )
        table.move_cursor(row=row, column=column + 2)
        await pilot.press("enter")
        await settle(app, pilot)
        # The sentence opens on top of the overview: q comes back to the same cell.
        claim = fact.cells[screen.overview.sources[column].article_id][0]
        sentence = app.screen
        assert isinstance(sentence, SentenceScreen)
        assert sentence.article_id == claim.article_id
        assert sentence.span == (claim.start, claim.end)
        await pilot.press("q")
        await settle(app, pilot)
        assert app.screen is screen
        assert tuple(table.cursor_coordinate) == (row, column + 2)
        # enter again, then enter in the sentence: the article in the main reader.
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.main
        assert app.main.current is not None and app.main.current.id == claim.article_id


async def test_the_list_is_grouped_by_story_and_folds(corpus: Path):
    app = KimreaderApp(corpus, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        widget = sources(app)
        headers = [e for e in widget.entries if story_of_row(e.id) is not None]
        assert len(headers) == 3  # two different fights and the other story: each its own
        second = next(n for n, e in enumerate(widget.entries) if e.id == f"story/{_story_id(app)}")
        members = [e.id for e in widget.entries[second + 1 : second + 4]]
        assert sorted(members) == sorted(SECOND_FIGHT)
        # Counted in the background: how many facts the story's sources conflict on.
        assert all("conflict" in e.meta for e in headers), [e.meta for e in headers]
        assert all(e.meta.startswith(("2 sources", "3 sources")) for e in headers)
        opened = app.main.current
        widget.highlighted = second
        await settle(app, pilot)
        assert app.main.current is opened  # a story's row opens nothing
        widget.focus()
        await pilot.press("enter")  # folds it
        ids = [e.id for e in widget.entries]
        assert not set(SECOND_FIGHT) & set(ids) and widget.entries[second].title.startswith("▸")
        await pilot.press("enter")  # unfolds it
        assert set(SECOND_FIGHT) <= {e.id for e in widget.entries}
        await pilot.press("s")  # one list again
        assert not [e for e in widget.entries if story_of_row(e.id) is not None]
        assert widget.option_count == 8


def _story_id(app: KimreaderApp) -> str:
    library = app.library
    assert library is not None
    story = library.story_of(SECOND_FIGHT[0])
    assert story is not None
    return story.id
