"""A .md article in the reader: drawn as Markdown (headings without their #, bullets, an aligned
table), with every offset (entities, search matches, jumps) on exactly its letters; a .txt
article drawn as it always was, markdown-looking or not (issue #19).

The articles are written for these tests, in the seeds' style.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.style import Style
from support.pilot import reader, settle
from textual.color import Color
from textual.pilot import Pilot

from tui.app import KimreaderApp
from tui.render import paragraphs

REPORT = """\
# Memorial museum opens in Pyongyang

Pyongyang unveiled a **memorial museum** on Sunday honouring soldiers who died fighting for \
Russia, state media said.

## Reactions in Seoul

| Source | Deployed | Killed |
|---|---:|---:|
| South Korean intelligence | 11,000 | 600 |
| Ukrainian military | 12,000 | about 4,000 |

- The museum stands in central Pyongyang.
- Relatives of the dead were invited.

Tags like [bold]this[/bold] and [link=https://x.example]that[/link] are text.

{filler}

Kim Jong Un attended the ceremony with his daughter.

{filler}
"""
FILLER = "\n\n".join(
    f"Paragraph {i} of background on the deployment, which officials have not confirmed."
    for i in range(12)
)
PLAIN = """\
Notes that only look like Markdown

## Not a heading

| a | b |

|---|---|

Written as a text file, so drawn as written.
"""


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "museum.md").write_text(REPORT.format(filler=FILLER), encoding="utf-8")
    (folder / "notes.txt").write_text(PLAIN, encoding="utf-8")
    return folder


def screen_rows(app: KimreaderApp) -> list[list[tuple[str, Style | None]]]:
    """Each screen row as (character, style) cells."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        cells: list[tuple[str, Style | None]] = []
        for segment in strip:
            for line_filter in app._filters:
                (segment,) = line_filter.apply([segment], Color(0, 0, 0)) or [segment]
            cells += [(char, segment.style) for char in segment.text]
        rows.append(cells)
    return rows


def row_text(row: list[tuple[str, Style | None]]) -> str:
    return "".join(char for char, _ in row)


def reader_rows(app: KimreaderApp) -> list[list[tuple[str, Style | None]]]:
    """The reader's rows of the screen, cut to its width."""
    region = reader(app).scrollable_content_region  # without the scrollbar
    return [row[region.x : region.right] for row in screen_rows(app)[region.y : region.bottom]]


def reader_lines(app: KimreaderApp) -> list[str]:
    return [row_text(row).rstrip() for row in reader_rows(app)]


def styled_runs(row: list[tuple[str, Style | None]], wanted: Style) -> list[str]:
    """The runs of characters on ``row`` drawn with every attribute ``wanted`` sets."""
    runs, current = [], ""
    for char, style in row:
        if style is not None and all(
            getattr(style, name) == getattr(wanted, name)
            for name in ("bold", "italic", "underline", "reverse")
            if getattr(wanted, name) is not None
        ):
            current += char
        elif current:
            runs.append(current)
            current = ""
    return runs + ([current] if current else [])


async def open_article(app: KimreaderApp, pilot: Pilot[None], ident: str) -> None:
    await settle(app, pilot)
    if reader(app).view.article.id != ident:
        await pilot.press("j")
        await pilot.press("enter")
        await settle(app, pilot)
    assert reader(app).view.article.id == ident


async def test_a_markdown_article_shows_headings_bullets_and_an_aligned_table(tmp_path):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, "museum")
        lines = reader_lines(app)
        assert "Memorial museum opens in Pyongyang" in [line.strip() for line in lines]
        assert "Reactions in Seoul" in [line.strip() for line in lines]
        shown = "\n".join(lines)
        assert "#" not in shown and "**" not in shown and "|---" not in shown
        assert "• The museum stands in central Pyongyang." in shown
        table = [line for line in lines if "│" in line or "┼" in line]
        assert len(table) == 4
        assert len({tuple(m.start() for m in re.finditer("[│┼]", t)) for t in table}) == 1
        assert table[2].strip().startswith("South Korean intelligence │")
        # Markup of Rich or Textual in the article is text.
        assert "[bold]this[/bold] and [link=https://x.example]that[/link]" in shown
        # The text every offset refers to is the file's own.
        assert "| Ukrainian military | 12,000 | about 4,000 |" in reader(app).view.article.text


async def test_entities_in_a_table_cell_and_a_heading_are_highlighted_on_their_letters(
    tmp_path,
):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, "museum")
        view = reader(app).view
        text = view.article.text
        found = {text[s:e]: kind for s, e, kind in view.entities}
        assert found.get("12,000") == "QUANTITY" and found.get("Seoul") == "PLACE"
        rows = reader_rows(app)
        cell = next(r for r in rows if "Ukrainian military" in row_text(r))
        # QUANTITY is italic and underlined: exactly the two figures of the row, nothing of
        # the separators or the padding between them.
        assert styled_runs(cell, Style(italic=True, underline=True)) == ["12,000", "about 4,000"]
        heading = next(r for r in rows if row_text(r).strip() == "Reactions in Seoul")
        # The heading is bold; the place in it underlined, on its five letters.
        assert styled_runs(heading, Style(underline=True)) == ["Seoul"]
        assert styled_runs(heading, Style(bold=True)) == ["Reactions in Seoul"]


async def test_a_search_hit_in_a_table_cell_is_marked_on_its_letters(tmp_path):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, "museum")
        await pilot.press("slash", *"intelligence", "enter")
        await settle(app, pilot)
        view = reader(app).view
        assert [view.article.text[s:e] for s, e in view.matches] == ["intelligence"]
        row = next(r for r in reader_rows(app) if "South Korean intelligence" in row_text(r))
        assert styled_runs(row, Style(reverse=True)) == ["intelligence"]


async def test_a_jump_to_a_sentence_after_the_table_brings_it_to_the_top(tmp_path):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(app, pilot, "museum")
        the_reader = reader(app)
        sentence = "Kim Jong Un attended the ceremony"
        assert not any(sentence in line for line in reader_lines(app))
        the_reader.scroll_to_offset(the_reader.view.article.text.index(sentence))
        await pilot.pause()
        assert reader_lines(app)[0].startswith(sentence)


async def test_at_80_columns_the_table_is_fitted_to_the_pane(tmp_path):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(app, pilot, "museum")
        width = reader(app).scrollable_content_region.width
        lines = reader_lines(app)
        table = [line for line in lines if "│" in line or "┼" in line]
        assert table and all(len(line) <= width for line in table)
        assert len({tuple(m.start() for m in re.finditer("[│┼]", t)) for t in table}) == 1
        # Wider again: laid out again, the name back on one line.
        await pilot.resize_terminal(160, 40)
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert any("South Korean intelligence │" in line for line in reader_lines(app))


async def test_a_text_article_is_drawn_as_written(tmp_path):
    app = KimreaderApp(corpus(tmp_path), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, "notes")
        the_reader = reader(app)
        text = the_reader.view.article.text
        # One paragraph widget per blank-line block of the text, each holding it as written.
        assert [(b.start, b.end) for b, _ in the_reader._statics] == [
            (p.start, p.end) for p in paragraphs(text)
        ]
        assert [str(static.content) for _, static in the_reader._statics] == [
            text[p.start : p.end] for p in paragraphs(text)
        ]
        lines = [line.strip() for line in reader_lines(app)]
        assert "## Not a heading" in lines and "|---|---|" in lines and "| a | b |" in lines


async def test_a_long_markdown_article_is_laid_out_too_and_its_hits_land_on_their_letters(
    tmp_path,
):
    # Past 10,000 characters the reader draws with LongText (its own line layout).
    folder = tmp_path / "long"
    folder.mkdir()
    body = REPORT.format(filler="\n\n".join([FILLER] * 12))
    (folder / "long.md").write_text(
        body + "\n| Bird | Count |\n|---|---:|\n| zebrafinch sighting | 3 |\n", encoding="utf-8"
    )
    app = KimreaderApp(folder, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(reader(app).view.article.text) > 10_000 and reader(app)._long
        assert "Reactions in Seoul" in [line.strip() for line in reader_lines(app)]
        await pilot.press("slash", *"zebrafinch", "enter")
        await settle(app, pilot)
        row = next(r for r in reader_rows(app) if "zebrafinch sighting" in row_text(r))
        assert styled_runs(row, Style(reverse=True)) == ["zebrafinch"]
        assert row_text(row).strip().startswith("zebrafinch sighting │")


def test_past_the_size_limit_and_for_other_formats_the_text_is_drawn_as_written():
    from search_index.models import Article
    from tui.render import MAX_MARKDOWN_CHARS, article_layout

    def made(body: str, kind: str) -> Article:
        return Article("a", "a.md", "# Title", None, None, None, body, "0", format=kind)

    assert not article_layout(made("## Heading", "markdown")).identity
    assert article_layout(made("## Heading", "text")).identity
    assert article_layout(made("## Heading", "html")).identity
    huge = made("## Heading\n\n" + "word " * (MAX_MARKDOWN_CHARS // 5), "markdown")
    layout = article_layout(huge)
    assert layout.identity and layout.text == huge.text


async def test_on_a_wide_terminal_the_table_keeps_to_the_texts_measure(tmp_path):
    folder = tmp_path / "wide"
    folder.mkdir()
    cells = ["the account given by the ministry", "the figure the agency reported", "when"]
    (folder / "wide.md").write_text(
        "# Wide\n\n| Who | What | Said | When |\n|---|---|---|---|\n"
        f"| South Korean intelligence | {' | '.join(cells)} |\n",
        encoding="utf-8",
    )
    app = KimreaderApp(folder, remember=False)
    async with app.run_test(size=(200, 45)) as pilot:
        await settle(app, pilot)
        pane = reader(app).scrollable_content_region.width
        table = next(
            child for child in reader(app).children if "┼" in str(getattr(child, "content", ""))
        )
        rows = str(table.content).split("\n")
        width = table.content_region.width
        # Wider than the text's measure by nature (about 130 cells), narrower than the pane:
        # fitted to the measure, its cells wrapped in their columns, no row wrapped by the
        # block (as many lines drawn as the table has).
        assert width < 100 < pane
        assert all(len(row) <= width for row in rows)
        assert table.outer_size.height == len(rows) > 3
        assert len({tuple(m.start() for m in re.finditer("[│┼]", r)) for r in rows}) == 1
