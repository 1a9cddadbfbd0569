"""The app, driven through Textual's Pilot."""

from textual.widgets import OptionList, Static

from tui.app import KimreaderApp


async def _loaded(app: KimreaderApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_opens_the_seeds_and_shows_the_first_article():
    app = KimreaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        sources = app.query_one("#sources", OptionList)
        assert sources.option_count == 5
        reader = app.query_one("#reader", Static)
        assert "Kim inspects sculptures" in str(reader.content)


async def test_j_moves_to_the_next_article():
    app = KimreaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        await pilot.press("j")
        await pilot.pause()
        assert "Kim Jong-un Reviews Giant Sculptures" in str(
            app.query_one("#reader", Static).content
        )


async def test_markup_in_articles_is_shown_literally(tmp_path):
    (tmp_path / "trap.txt").write_text(
        "Trap [bold]headline[/] for markup\n\nClick [@click=app.quit]here[/] or [/] now.\n"
    )
    app = KimreaderApp(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(app, pilot)
        await pilot.click("#reader")
        await pilot.pause()
        assert app.is_running
        text = str(app.query_one("#reader", Static).content)
        assert "[@click=app.quit]here[/]" in text
        assert "[bold]headline[/]" in text


async def test_a_missing_corpus_says_so(tmp_path):
    app = KimreaderApp(tmp_path / "missing")
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(app, pilot)
        assert "corpus folder not found" in str(app.query_one("#reader", Static).content)


async def test_tiny_terminal_does_not_crash():
    app = KimreaderApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await _loaded(app, pilot)
        await pilot.resize_terminal(20, 5)
        await pilot.press("j", "k", "tab")
        assert app.is_running
