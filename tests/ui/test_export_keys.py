"""Taking findings out of the app (issue 19): `w` writes the claim diff or the story overview as
a report file, `y` copies the current sentence with its citation (outlet, title, date, URL)."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from support.browser import headless, needs_chromium
from support.pilot import settle, sources
from textual.widgets import DataTable, Input

from search_index.claims.claim import Claim
from search_index.models import Article
from search_index.report import Citation, build_story_report, render_story
from search_index.story_overview import Fact, SourceStanding, StoryOverview
from tui.app import KimreaderApp
from tui.screens.compare import CompareScreen, DiffRow
from tui.screens.modals import ReportPath
from tui.screens.overview import OverviewScreen

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


async def _overview_cell(app: KimreaderApp, pilot) -> tuple[OverviewScreen, Claim]:
    """The seeds' story overview, its cursor on the first value a source gives."""
    await settle(app, pilot)
    await pilot.press("M")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, OverviewScreen)
    fact = screen.facts[0]
    column = next(n for n, s in enumerate(screen.overview.sources) if s.article_id in fact.cells)
    screen.query_one("#overview-facts", DataTable).move_cursor(row=0, column=column + 2)
    source = screen.overview.sources[column]
    return screen, fact.cells[source.article_id][0]


async def test_y_in_the_overview_copies_the_highlighted_values_sentence():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        _, claim = await _overview_cell(app, pilot)
        await pilot.press("y")
        assert " ".join(claim.sentence.split()) in app.clipboard
        assert app.library is not None
        assert app.library.article(claim.article_id).title in app.clipboard


async def test_w_in_the_overview_writes_the_story_with_every_sources_citation(tmp_path: Path):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        screen, claim = await _overview_cell(app, pilot)
        await pilot.press("w")
        box = app.screen.query_one("#report-path", Input)
        assert Path(box.value).name.startswith("report-story-") and box.value.endswith(".html")
        box.value = str(tmp_path / "story.html")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        page = (tmp_path / "story.html").read_text(encoding="utf-8")
        assert app.library is not None
        for source in screen.overview.sources:
            assert html.escape(app.library.article(source.article_id).title) in page
        assert html.escape(claim.sentence[claim.value_end - claim.start :]) in page


def test_the_story_report_escapes_article_text_in_every_format():
    overview, articles = _hostile_story()
    report = build_story_report(overview, articles, show_all=True)
    page = render_story(report, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="https://example.com/a#:~:text=' in page
    assert 'href="javascript' not in page  # b's URL is shown, never linked
    markdown = render_story(report, "md")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "](javascript" not in markdown and "](https://example.com/a#:~:text=" in markdown
    rows = list(csv.reader(io.StringIO(render_story(report, "csv"))))
    assert rows[0][0] == "fact" and len(rows) == 3
    assert rows[1][5].startswith("'=")  # a formula is shown as text, not run


def _hostile_story() -> tuple[StoryOverview, dict[str, Article]]:
    hostile = "<script>alert(1)</script> said =1+1 people died."
    articles = {
        ident: Article(
            id=ident,
            path=f"{ident}.txt",
            title=f"{ident} <b>title</b>",
            outlet=f"Outlet {ident}",
            published=None,
            url=url,
            body=hostile,
            content_hash="0",
        )
        for ident, url in (("a", "https://example.com/a"), ("b", "javascript:alert(2)"))
    }
    claims = {
        ident: Claim(
            article_id=ident,
            kind="quantity",
            sentence=hostile,
            start=0,
            end=len(hostile),
            value_start=hostile.index("=1"),
            value_end=hostile.index("=1") + 4,
            value_text="=1+1",
            value="2",
            hedge=None,
            unit=None,
            subject=(),
            topic="people killed",
            attribution=None,
            places=(),
            entities=(),
        )
        for ident in articles
    }
    fact = Fact(
        topic="people killed",
        kind="quantity",
        cells={ident: (claims[ident],) for ident in articles},
        stances=dict.fromkeys(articles, "agree"),
        consensus=tuple(articles),
        first=(),
        consensus_value="=1+1",
    )
    standings = tuple(
        SourceStanding(
            article_id=ident,
            outlet=article.outlet or ident,
            published=None,
            agrees=1,
            differs=0,
            alone=0,
            compatible=0,
            first=False,
            outlier=False,
        )
        for ident, article in articles.items()
    )
    return StoryOverview(None, "<i>story</i>", standings, (fact,)), articles


@needs_chromium()
def test_chromium_builds_no_markup_from_a_story_report(tmp_path: Path):
    """The DOM headless Chromium parses from a hostile story report: no script, no bold or
    italic from a title, the article text shown as written, the sentence link kept."""
    overview, articles = _hostile_story()
    page = tmp_path / "story.html"
    page.write_text(render_story(build_story_report(overview, articles), "html"), "utf-8")
    done = headless(page, "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    dom = done.stdout.decode("utf-8")
    assert "<script" not in dom and "<i>" not in dom and "<b>title" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt; said" in dom
    assert 'href="https://example.com/a#:~:text=' in dom


async def test_the_overview_pages_with_the_readers_keys():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen, _ = await _overview_cell(app, pilot)
        await pilot.press("a")  # every fact: more rows than a screenful
        table = screen.query_one("#overview-facts", DataTable)
        table.move_cursor(row=0, column=0)
        await pilot.press("space")
        paged = table.cursor_coordinate.row
        assert paged > 1
        await pilot.press("ctrl+d")
        further = table.cursor_coordinate.row
        assert further > paged
        await pilot.press("b")
        assert table.cursor_coordinate.row < further
        back = table.cursor_coordinate.row
        await pilot.press("ctrl+u")
        assert table.cursor_coordinate.row < back
        await pilot.press("G")
        assert table.cursor_coordinate.row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_coordinate.row == 0
