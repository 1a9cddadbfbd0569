"""Markdown exports carry article text as text: no tag, link or image of an article's survives.

An article is data. Its raw HTML, ``javascript:`` links and remote images, copied into a report
verbatim, became live markup wherever the report was rendered (a tracking pixel, a script).
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.cli import cli
from tui.export_text import markdown_cell, markdown_text

HOSTILE = (
    "<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![](http://evil/track.png) "
    "<script>alert(2)</script> `code` *star* _under_ | pipe & amp ~~strike~~ "
    "[ref]: javascript:alert(3) <http://evil/auto> <a href='javascript:alert(4)'>a</a>"
)
# What a reader of the rendered report must still see, character for character.
VISIBLE = [
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![](http://evil/track.png)",
    "<script>alert(2)</script>",
    "`code`",
    "*star*",
    "_under_",
    "| pipe & amp",
    "~~strike~~",
    "<a href='javascript:alert(4)'>a</a>",
]


def renderers() -> list[MarkdownIt]:
    """CommonMark with raw HTML on (its default); the same trusting every link, as a naive
    renderer would (markdown-it itself refuses javascript: URLs); and a GitHub-like one with
    tables, strikethrough and bare-URL links."""
    trusting = MarkdownIt("commonmark").enable("table")
    trusting.validateLink = lambda url: True  # type: ignore[method-assign]
    found = [MarkdownIt("commonmark").enable("table"), trusting]
    with contextlib.suppress(ImportError, ModuleNotFoundError):
        found.append(MarkdownIt("gfm-like"))  # needs linkify-it-py
    return found


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert "<img" not in lowered
    assert "<script" not in lowered
    assert not re.search(r"<a\s[^>]*href=[\"']?\s*javascript:", lowered)
    assert not re.search(r"<[a-z][^>]*\sonerror\s*=", lowered)
    # Whatever links remain are bare web addresses in the text ("www.example.com", which a
    # GitHub-like renderer links), never a javascript: or image one.
    for href in re.findall(r"href=\"([^\"]*)\"", lowered):
        assert href.startswith(("http://www.", "mailto:")), href


def assert_no_markup_in_source(markdown: str) -> None:
    """Renderer-independent: no link, image or tag opens anywhere in the Markdown itself."""
    assert not re.search(r"(?<!\\)\]\(", markdown), markdown  # [text](url), ![alt](src)
    assert not re.search(r"<[A-Za-z/!?]", markdown), markdown  # a tag, comment or autolink


def visible_text(html: str) -> str:
    """The rendered document as a reader sees it: tags dropped, entities decoded."""
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


# -- the helper ----------------------------------------------------------------------------


@pytest.mark.parametrize("md", renderers())
def test_markdown_text_renders_hostile_text_literally(md):
    assert_no_markup_in_source(markdown_text(HOSTILE))
    html = md.render(markdown_text(HOSTILE))
    assert_inert(html)
    shown = visible_text(html)
    for piece in VISIBLE:
        assert piece in shown, (piece, shown)


@pytest.mark.parametrize("md", renderers())
def test_a_table_cell_keeps_its_row_and_renders_literally(md):
    cell = markdown_cell("one | two\nthree <b>bold</b> \\| already")
    assert "\n" not in cell
    html = md.render(f"| a | b |\n|---|---|\n| {cell} | x |\n")
    assert html.count("<td>") == 2  # the pipe did not split the cell
    shown = visible_text(html)
    assert "one | two three <b>bold</b> \\| already" in shown
    assert "<b>" not in html


@pytest.mark.parametrize(
    "line",
    ["# heading", "- item", "+ item", "1. item", "2) item", "> quote", "=====", "    code"],
)
def test_line_start_constructs_stay_text(line):
    md = MarkdownIt("commonmark")
    html = md.render("before\n\n" + markdown_text(line))
    assert html.count("<p>") == 2, html  # a paragraph, not a heading, list, quote or code
    assert line.strip() in visible_text(html)


@given(st.text(alphabet=st.sampled_from(list("<>&[]()!`*_|#\\~-+=. :/ax\n1")), max_size=40))
def test_any_mix_of_specials_shows_exactly_as_written(text):
    expected = " ".join(text.split())
    for md in renderers():
        html = md.render(markdown_cell(text))
        assert_inert(html)
        assert " ".join(visible_text(html).split()) == expected


# -- the exports ---------------------------------------------------------------------------


def hostile_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "first.txt").write_text(
        f"Flood report <img src=x onerror=alert(1)>\n\n"
        f"Officials said 12 people were killed in the flood on Monday. {HOSTILE}\n\n"
        f"Rescuers said 300 homes were destroyed. ![](http://evil/track.png)\n",
        encoding="utf-8",
    )
    (folder / "second.txt").write_text(
        "Second flood report [x](javascript:alert(1))\n\n"
        f"Officials said 14 people were killed in the flood on Monday. {HOSTILE}\n\n"
        "Rescuers said 300 homes were destroyed.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return hostile_corpus(tmp_path / "corpus")


def test_compare_markdown_is_inert_and_keeps_the_text(corpus):
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "compare", "first", "second", "--markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "onerror" in result.stdout  # the text is there, as text
    assert_no_markup_in_source(result.stdout)
    for md in renderers():
        html = md.render(result.stdout)
        assert_inert(html)
        shown = visible_text(html)
        assert "Flood report <img src=x onerror=alert(1)>" in shown
        assert "Second flood report [x](javascript:alert(1))" in shown
        assert "<img src=x onerror=alert(1)> [x](javascript:alert(1))" in shown
        assert "![](http://evil/track.png)" in shown


def test_claims_markdown_is_inert(corpus):
    # Ids are file names: a hostile one reaches the matrix's header row.
    (corpus / "second.txt").rename(corpus / "[x](javascript:alert(1)).txt")
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "claims", "--markdown", "--all"])
    assert result.exit_code == 0, result.output
    assert_no_markup_in_source(result.stdout)
    for md in renderers():
        html = md.render(result.stdout)
        assert_inert(html)
        assert "[x](javascript:alert(1))" in visible_text(html)
