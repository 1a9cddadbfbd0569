"""Taking findings out of the app (issue 19): `w` writes the claim diff or the story overview as
a report file, `y` copies the current sentence with its citation (outlet, title, date, URL)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from support.pilot import settle, sources
from textual.widgets import Input

from search_index.report import Citation
from tui.app import KimreaderApp
from tui.screens.compare import CompareScreen, DiffRow
from tui.screens.modals import ReportPath

SEED_TITLE_002 = "North Korea unveils sculptures of soldiers killed fighting against Ukraine"


async def _diff_of_002_and_003(app: KimreaderApp, pilot) -> CompareScreen:
    await settle(app, pilot)
    sources(app).highlighted = 2  # 002, The Insider
    await settle(app, pilot)
    await pilot.press("m")
    sources(app).highlighted = 3  # 003
    await settle(app, pilot)
    # 003 is open, 002 marked: c compares them with 003 as A; x puts 002 on side A.
    await pilot.press("c")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    if screen.comparison.a.id != "002_f8346f1b11c35f47":
        await pilot.press("x")
        await settle(app, pilot)
    assert screen.comparison.a.id == "002_f8346f1b11c35f47"
    return screen


async def test_y_copies_the_cursor_rows_sentence_with_its_citation():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await _diff_of_002_and_003(app, pilot)
        await pilot.press("right_square_bracket")  # the first conflict
        row = list(screen.query(DiffRow))[screen.cursor].row
        assert row.status == "conflict" and row.a is not None and row.b is not None
        await pilot.press("y")
        copied = app.clipboard
        assert f"“{' '.join(row.a.sentence.split())}”" in copied
        assert "The Insider" in copied and SEED_TITLE_002 in copied
        await pilot.press("Y")  # B's sentence, cited from B's article
        assert " ".join(row.b.sentence.split()) in app.clipboard
        assert "The Insider" not in app.clipboard
        assert screen.comparison.b.title in app.clipboard


async def test_w_writes_the_diff_where_the_user_says_in_the_format_its_suffix_names(
    tmp_path: Path,
):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await _diff_of_002_and_003(app, pilot)
        await pilot.press("w")
        modal = app.screen
        assert isinstance(modal, ReportPath)
        path_box = modal.query_one("#report-path", Input)
        # A path is proposed: the two ids, as HTML, in the working folder.
        assert path_box.value.endswith("report-002_f8346f1b11c35f47-003_8aed3a971675dfb7.html")
        target = tmp_path / "out" / "diff.md"
        path_box.value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen  # back in the diff, where the user was
        text = target.read_text(encoding="utf-8")
        assert text.startswith("#") and "The Insider" in text
        assert any(str(target) in n.message for n in app._notifications)

        await pilot.press("w")
        app.screen.query_one("#report-path", Input).value = str(tmp_path / "diff.csv")
        await pilot.press("enter")
        await settle(app, pilot)
        rows = list(csv.reader(io.StringIO((tmp_path / "diff.csv").read_text("utf-8"))))
        assert rows[0][:2] == ["topic", "verdict"] and len(rows) == len(screen.comparison.rows) + 1

        await pilot.press("w", "escape")  # esc: nothing written, back in the diff
        assert app.screen is screen
        assert sorted(p.name for p in tmp_path.iterdir()) == ["diff.csv", "out"]


async def test_a_report_that_cannot_be_written_is_said(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await _diff_of_002_and_003(app, pilot)
        await pilot.press("w")
        app.screen.query_one("#report-path", Input).value = str(blocker / "diff.html")
        await pilot.press("enter")
        await settle(app, pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "Could not write" in errors[-1].message


def test_a_citation_links_to_the_sentence_and_keeps_escapes_out():
    citation = Citation(
        sentence="North Korea sent\n more than 10,000 troops.",
        outlet="Wire\x1b]52;c;aGk=\x07",
        title="A title",
        date="2026-01-26",
        url="https://example.com/story#top",
        article_id="001",
    )
    text = citation.text()
    assert text.splitlines()[0] == "“North Korea sent more than 10,000 troops.”"
    assert "\x1b" not in text and "\x07" not in text
    assert "A title" in text and "2026-01-26" in text
    assert text.splitlines()[-1].startswith("https://example.com/story#:~:text=North")
    # No web URL: the article's id stands in for a missing outlet, and nothing is linked.
    bare = Citation("S.", None, "T", None, "javascript:alert(1)", "001").text()
    assert "001" in bare and "#:~:" not in bare
