"""A Markdown article's layout (search_index/formats/markdown_layout.py): what is shown, and
that every offset of the article text lands on the same characters on screen.

The article below was written for these tests (a report in the seeds' style, with a heading, a
table, lists and a quote); it is read the way the corpus reads a .md file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.formats import markdown_layout as md
from search_index.models import Article

ARTICLE = """\
# North Korea opens memorial museum for troops killed in Russia

Pyongyang unveiled a **memorial museum** on Sunday honouring soldiers who died fighting for \
Russia in the Kursk region, state media said.

## Casualty estimates

| Source | Deployed | Killed |
|---|---:|---:|
| South Korean intelligence | 11,000 | 600 |
| Ukrainian military | 12,000 | about 4,000 |
| [KCNA](https://kcna.kp) | not stated | *not stated* |

Kim Jong Un attended the ceremony with his daughter. Officials did not say how many had died.

### What we know

- The museum stands in central Pyongyang.
- Relatives of the dead were invited.

1. First point with `code`.
2. Second point.

> "They fought for justice," Kim said.

---

The museum will open to the public in January. Tags like [bold]this[/bold] and \
[link=https://x.example]that[/link] are text.
"""


def read(tmp_path: Path, name: str, content: str) -> Article:
    (tmp_path / name).write_text(content, encoding="utf-8")
    found = discover(tmp_path)
    (source,) = [f for f in found.files if f.relpath == name]
    article = read_article(source, found.overrides)
    assert isinstance(article, Article)
    return article


@pytest.fixture
def article(tmp_path: Path) -> Article:
    return read(tmp_path, "museum.md", ARTICLE)


def block_texts(layout: md.Layout) -> list[str]:
    return [layout.text[b.start : b.end] for b in layout.blocks]


def shown(layout: md.Layout, text: str, start: int, end: int) -> str:
    """What is drawn for ``text[start:end]``: its display ranges' characters, joined."""
    return "".join(layout.text[s:e] for s, e, _ in layout.map_ranges([(start, end, None)]))


def assert_exact(layout: md.Layout, text: str) -> None:
    """Every piece copies its source, and no letter or digit of the source is left out."""
    covered = bytearray(len(text))
    for piece in layout.pieces:
        assert (
            layout.text[piece.display : piece.display + piece.length]
            == text[piece.source : piece.source + piece.length]
        )
        for offset in range(piece.source, piece.source + piece.length):
            assert not covered[offset]  # each source character shown once at most
            covered[offset] = 1
    hidden = [c for c, seen in zip(text, covered, strict=True) if not seen and c.isalnum()]
    assert hidden == []


def test_the_article_text_is_the_raw_file_text(article):
    # The layout draws it; the text every offset refers to keeps its markers.
    assert "| South Korean intelligence | 11,000 | 600 |" in article.text
    assert "## Casualty estimates" in article.text
    assert article.format == "markdown"


def test_headings_lists_quotes_and_rules_are_drawn_without_their_markers(article):
    layout = md.markdown_layout(article.text)
    texts = block_texts(layout)
    assert texts[0] == "North Korea opens memorial museum for troops killed in Russia"
    assert "Casualty estimates" in texts and "What we know" in texts
    assert not any(t.startswith("#") for t in texts)
    assert (
        "• The museum stands in central Pyongyang.\n• Relatives of the dead were invited." in texts
    )
    assert "1. First point with code.\n2. Second point." in texts
    assert '│ "They fought for justice," Kim said.' in texts
    assert md.RULE * md.BREAK_WIDTH in texts
    kinds = [b.kind for b in layout.blocks]
    # The headline is the title, read without its "#" (article_reader): the reader draws it as
    # the headline; the body's two headings are headings.
    assert article.title == texts[0]
    assert kinds.count("heading") == 2 and "table" in kinds and "bullet_list" in kinds
    heading = texts.index("Casualty estimates")
    block = layout.blocks[heading]
    assert (block.start, block.end, md.HEADING) in layout.roles
    assert_exact(layout, article.text)


def test_emphasis_and_code_markers_are_hidden_and_their_text_styled(article):
    layout = md.markdown_layout(article.text)
    text = layout.text
    start = text.index("memorial museum on Sunday")
    assert "**" not in text and "`" not in text
    assert (start, start + len("memorial museum"), md.STRONG) in layout.roles
    code = text.index("code.")
    assert (code, code + 4, md.CODE) in layout.roles


def test_a_link_keeps_its_address_on_screen_dimmed(article):
    layout = md.markdown_layout(article.text)
    at = layout.text.index("KCNA (https://kcna.kp)")
    address = at + len("KCNA ")
    assert (address, address + len("(https://kcna.kp)"), md.LINK_TARGET) in layout.roles


def test_a_table_is_aligned_into_columns_with_its_rule_drawn(article):
    layout = md.markdown_layout(article.text)
    (table,) = [b for b in layout.blocks if b.kind == "table"]
    rows = layout.text[table.start : table.end].split("\n")
    assert rows[0].split(md.COLUMN_SEPARATOR) == ["Source" + " " * 19, "  Deployed", "     Killed"]
    assert set(rows[1]) == {"─", "┼"}
    # Every separator at the same column, the right-aligned numbers ending together.
    columns = {tuple(m.start() for m in re.finditer("[│┼]", row)) for row in rows}
    assert len(columns) == 1
    assert rows[2].endswith("│     11,000 │         600")
    assert rows[4].startswith("KCNA (https://kcna.kp)")
    assert "|" not in layout.text[table.start : table.end]
    assert_exact(layout, article.text)


def test_a_table_wider_than_the_pane_wraps_its_cells_within_their_columns(article):
    layout = md.markdown_layout(article.text, width=40)
    (table,) = [b for b in layout.blocks if b.kind == "table"]
    rows = layout.text[table.start : table.end].split("\n")
    assert all(md.cell_width(row) <= 40 for row in rows)
    assert len({tuple(m.start() for m in re.finditer("[│┼]", row)) for row in rows}) == 1
    first = [row.split(md.COLUMN_SEPARATOR)[0].strip() for row in rows]
    assert "South Korean" in first and "intelligence" in first
    assert_exact(layout, article.text)
    text = article.text
    at = text.index("South Korean intelligence")
    # The cell is on two lines: the name's two parts, each on the letters it names.
    assert shown(layout, text, at, at + len("South Korean intelligence")) == (
        "South Koreanintelligence"
    )


def test_entities_in_a_table_cell_and_a_heading_map_to_exactly_their_letters(article):
    text = article.text
    layout = md.markdown_layout(text)
    for name in ("Ukrainian", "12,000", "about 4,000", "Russia", "Casualty", "KCNA", "not stated"):
        for match in re.finditer(re.escape(name), text):
            ranges = layout.map_ranges([(match.start(), match.end(), "x")])
            assert len(ranges) == 1, name
            assert layout.text[ranges[0][0] : ranges[0][1]] == name


def test_an_offset_after_a_table_lands_on_its_sentence(article):
    text = article.text
    layout = md.markdown_layout(text)
    sentence = text.index("Kim Jong Un attended")
    at = layout.to_display(sentence)
    assert layout.text[at:].startswith("Kim Jong Un attended the ceremony")
    # A hidden marker: the next character shown.
    marker = text.index("## Casualty")
    assert layout.text[layout.to_display(marker) :].startswith("Casualty estimates")


def test_markup_of_rich_and_textual_stays_text(article):
    layout = md.markdown_layout(article.text)
    assert "[bold]this[/bold]" in layout.text
    assert "[link=https://x.example]that[/link]" in layout.text


def test_plain_layout_is_the_text_itself():
    text = "A headline\n\n## not parsed | a | b |\n\n|---|"
    layout = md.plain_layout(text, [(0, 10), (12, 34)])
    assert layout.identity and layout.text == text
    assert layout.map_ranges([(15, 21, "x")]) == [(15, 21, "x")]
    assert layout.to_display(20) == 20


def test_lines_markdown_it_makes_nothing_of_are_shown_as_written():
    text = "Title\n\n[ref]: https://example.com\n\n" + "> " * 40 + "deep"
    layout = md.markdown_layout(text)
    assert "https://example.com" in layout.text and "deep" in layout.text
    assert_exact(layout, text)


MARKDOWNISH = st.lists(
    st.sampled_from([*"ab1 |-:*_`#>[]()!\\~+.\n", "\n\n", "|---|", "- ", "1. ", "日", "&amp;"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH, st.none() | st.integers(min_value=1, max_value=60))
def test_no_letter_is_ever_hidden_and_every_piece_is_its_source(text, width):
    layout = md.markdown_layout(text, width)
    assert_exact(layout, text)
    for block in layout.blocks:
        assert 0 <= block.start <= block.end <= len(layout.text)


def test_a_markdown_headline_is_named_without_its_heading_markers(tmp_path):
    from search_index.article_reader import read_article
    from search_index.corpus import discover

    (tmp_path / "quake.md").write_text(
        "# Strong quake shakes northern Chile #\n\n"
        "A magnitude 6.1 earthquake struck off the coast of northern Chile on Saturday, the "
        "U.S. Geological Survey said.\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text(
        "# not a heading in a text file\n\nA magnitude 6.1 earthquake struck off the coast of "
        "northern Chile on Saturday, the U.S. Geological Survey said.\n",
        encoding="utf-8",
    )
    found = discover(tmp_path)
    titles = {f.id: read_article(f, found.overrides).title for f in found.files}  # type: ignore[union-attr]
    assert titles == {
        "quake": "Strong quake shakes northern Chile",
        "notes": "# not a heading in a text file",
    }
