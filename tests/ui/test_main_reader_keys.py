"""The main screen's reader as a professional uses it (issue 19): y copies the sentence in
focus with its citation, the list follows an article opened from elsewhere, a sentence opened
from a view lands with context above it, and at 80x24 the footer keeps q and ?."""

from __future__ import annotations

from support.pilot import reader, settle, sources
from textual.widgets import Static

from tui.app import KimreaderApp
from tui.screens.main import JUMP_CONTEXT


async def test_y_copies_the_conflict_stepped_to_with_its_citation():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader(app).focus()
        await pilot.press("y")  # nothing in focus yet: told how, nothing copied
        await pilot.pause()
        assert app.clipboard == ""
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        start, end, _ = app.main.conflict_spans[app.main.conflict_index]
        await pilot.press("y")
        await pilot.pause()
        article = app.main.current
        copied = app.clipboard
        figure = article.text[start:end]
        assert figure in copied and copied.startswith("“")
        assert article.title.split()[0] in copied
        assert (article.outlet or article.id) in copied


async def test_the_list_follows_an_article_opened_from_elsewhere():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        listing = sources(app)
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        other = ids[-1] if listing.highlighted != len(ids) - 1 else ids[0]
        article = app.library.article(other)
        sentence = article.text.index(".", len(article.title) + 200) + 2
        app.open_sentence(other, sentence, sentence + 20)
        await settle(app, pilot)
        assert app.main.current.id == other
        assert listing.highlighted == ids.index(other)
        # The sentence's paragraph is in view, with lines before it above.
        view_top = reader(app).scroll_y
        assert view_top > 0
        assert any(
            block.start <= sentence <= block.end
            and static.virtual_region.y - JUMP_CONTEXT == int(view_top)
            for block, static in reader(app)._statics
        )


async def test_at_80x24_the_footer_keeps_quit_and_help():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = app.export_screenshot()
        assert "Quit" in footer and "Help" in footer
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        wide = app.export_screenshot()
        assert "Timeline" in wide and "Quit" in wide  # every key named again when wide


async def test_L_shows_and_hides_the_legend_of_styles_and_shading():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        box = app.main.query_one("#legend", Static)
        assert not box.display
        await pilot.press("L")
        await pilot.pause()
        shown = str(box.content)
        assert box.display
        assert all(kind in shown for kind in ("person", "org", "place", "date"))
        assert "contradicted by another source" in shown
        await pilot.press("L")
        await pilot.pause()
        assert not box.display
