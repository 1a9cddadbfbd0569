"""search_index.report (issue 19): a claim diff as HTML, Markdown and CSV, article data escaped.

An article's text, title, outlet and URL are data: whatever markup they hold must show as
text in every format, never become markup, a link or a spreadsheet formula.
"""

from __future__ import annotations

import csv
import html as html_module
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from support.browser import headless, needs_chromium

from search_index.claims.align import Comparison, Row
from search_index.claims.claim import Claim
from search_index.models import Article
from search_index.report import (
    CSV_COLUMNS,
    Quote,
    Report,
    ReportRow,
    SourceInfo,
    build_report,
    markdown_escape,
    render,
    render_csv,
    render_html,
    render_markdown,
    sentence_link,
)

HOSTILE = '<script>alert(1)</script> "onload=alert(2) [bold]x[/] | pipe & *star* [a](javascript:x)'


def quote(sentence: str, value: str, url: str | None = "https://news.example/a") -> Quote:
    start = sentence.index(value)
    return Quote(
        value=value,
        sentence=sentence,
        value_start=start,
        value_end=start + len(value),
        attribution=None,
        link=sentence_link(url, sentence),
    )


def make_report(
    sentence_a: str = "Officials said 1,500 soldiers were killed.",
    value_a: str = "1,500",
    title: str = "A title",
    url_a: str | None = "https://news.example/a",
) -> Report:
    a = SourceInfo("A", "aaa_1", "Outlet A", title, "2026-01-26", url_a)
    b = SourceInfo("B", "bbb_2", "Outlet B", "B title", None, None)
    rows = (
        ReportRow(
            "people killed",
            "conflict",
            None,
            quote(sentence_a, value_a, url_a),
            quote("About 300 soldiers were killed.", "About 300", None),
        ),
        ReportRow(
            "troops sent",
            "agree",
            None,
            quote("It sent 11,000 troops.", "11,000 troops"),
            quote("11,000 troops went.", "11,000 troops", None),
        ),
        ReportRow(
            "date", "only_b", "different scope", None, quote("On Sunday, he came.", "On Sunday")
        ),
    )
    return Report(a=a, b=b, rows=rows)


def hostile_report() -> Report:
    sentence = f"{HOSTILE} said 12 people."
    return make_report(sentence, "12 people", title=HOSTILE, url_a="javascript:alert(3)")


# -- HTML ---------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Every tag and attribute the browser would build, and the text a reader would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_html_escapes_article_text_and_titles():
    html = render_html(hostile_report())
    parsed = parse(html)
    names = {tag for tag, _ in parsed.tags}
    assert "script" not in names
    for _, attrs in parsed.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any("javascript:" in (v or "") for v in attrs.values()), attrs
    visible = "".join(parsed.text)
    assert HOSTILE in visible  # shown as written, character for character
    assert "javascript:alert(3)" in visible  # the bad URL is shown, not linked


def test_html_is_self_contained_and_script_free():
    html = render_html(make_report())
    parsed = parse(html)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    assert "iframe" not in names
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        if tag == "a":
            assert attrs["href"] and attrs["href"].startswith("https://")
    assert "@media print" in html and "<style>" in html
    assert not re.search(r"url\(|@import", html)  # the CSS fetches nothing either


def test_html_cites_sources_and_groups_rows_conflict_first():
    html = render_html(make_report())
    visible = "".join(parse(html).text)
    for cited in ("Outlet A", "A title", "2026-01-26", "https://news.example/a", "Outlet B"):
        assert cited in visible
    assert "date unknown" in visible and "URL unknown" in visible  # B's, said, not left blank
    assert visible.index("conflict (1)") < visible.index("agree (1)") < visible.index("only B (1)")
    # Values as written, the sentence each comes from, the value marked in it.
    assert "<mark>1,500</mark>" in html
    assert "Officials said 1,500 soldiers were killed." in visible
    assert "different scope" in visible
    only_b = html.split("only B (1)")[1]
    assert "<th>B: Outlet B</th>" in only_b and "<th>A:" not in only_b


def test_html_links_each_quoted_sentence_when_the_url_is_known():
    hrefs = [a.get("href") for t, a in parse(render_html(make_report())).tags if t == "a"]
    fragment = [h for h in hrefs if h and "#:~:text=" in h]
    assert fragment and all(h.startswith("https://news.example/a#:~:text=") for h in fragment)


# -- Markdown -----------------------------------------------------------------------------


def test_markdown_escape_renders_as_written():
    md = MarkdownIt("commonmark").enable("table")
    for text in (HOSTILE, "- a list?", "1. an item?", "# heading?", "a_b*c*`d` ~~e~~", "x\\y"):
        rendered = md.render(markdown_escape(text))
        assert "<script" not in rendered and "<a " not in rendered and "<em>" not in rendered
        assert "<li>" not in rendered and "<h1>" not in rendered
        visible = re.sub(r"<[^>]+>", "", rendered).strip()
        assert html_module.unescape(visible) == text


def test_markdown_report_keeps_hostile_text_inside_its_table_cells():
    text = render_markdown(hostile_report())
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered
    assert "javascript:" not in re.sub(r"\\:", ":", "".join(re.findall(r'href="[^"]*"', rendered)))
    # A pipe in a sentence must not end its cell (a renderer drops cells past the header's
    # count, so the whole sentence must be found inside A's cell).
    first_row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", rendered, re.S)
    assert first_row is not None
    cells = re.findall(r"<td>(.*?)</td>", first_row.group(1), re.S)
    assert len(cells) == 3
    assert HOSTILE in html_module.unescape(re.sub(r"<[^>]+>", "", cells[1]))
    assert "&lt;script&gt;" in rendered  # shown, as text


def test_markdown_report_cites_and_orders():
    text = render_markdown(make_report())
    assert "Outlet A" in text and "A title" in text and "2026-01-26" in text
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert '<a href="https://news.example/a">https://news.example/a</a>' in rendered
    assert text.index("## conflict") < text.index("## agree") < text.index("## only B")
    assert "**1,500**" in text and "Officials said **1,500** soldiers were killed." in text
    assert "](https://news.example/a#:~:text=" in text
    # A group of rows only B reports has no empty A column.
    assert text.split("## only B (1)")[1].split("\n")[2] == "| topic | B: Outlet B |"


# -- CSV ----------------------------------------------------------------------------------


def test_csv_round_trips_through_csv_reader():
    tricky = 'He said, "1,500 dead"\nthen left | [bold] <b>'
    report = make_report(tricky, "1,500 dead")
    text = render_csv(report)
    assert "\r\n" in text  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(report.rows)
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["topic"] == "people killed" and first["verdict"] == "conflict"
    assert first["source A value"] == "1,500 dead"
    assert first["source B value"] == "About 300"
    assert first["sentences"] == f"A: {tricky}\nB: About 300 soldiers were killed."
    only_b = dict(zip(CSV_COLUMNS, rows[3], strict=True))
    assert only_b["source A value"] == "" and only_b["reason"] == "different scope"
    assert only_b["sentences"] == "B: On Sunday, he came."


def test_csv_guards_cells_a_spreadsheet_would_run():
    report = make_report("=HYPERLINK(1) and 5 more", "=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO(render_csv(report), newline="")))
    assert rows[1][3] == "'=HYPERLINK(1)"
    assert rows[2][3] == "11,000 troops"  # ordinary cells untouched


# -- links and formats --------------------------------------------------------------------


def test_sentence_link_encodes_the_text_directive():
    link = sentence_link("https://x.example/p?q=1#top", "Kim-Jong, 3 & 4.")
    assert link == "https://x.example/p?q=1#:~:text=Kim%2DJong%2C%203%20%26%204."
    long = " ".join(f"w{i}" for i in range(20))
    start, end = sentence_link("https://x.example/", long).split("#:~:text=")[1].split(",")
    assert unquote(start) == "w0 w1 w2 w3 w4" and unquote(end) == "w15 w16 w17 w18 w19"
    assert sentence_link("javascript:alert(1)", "x") is None
    assert sentence_link(None, "x") is None


def test_render_refuses_unknown_formats():
    assert render(make_report(), "md") == render_markdown(make_report())
    with pytest.raises(ValueError, match="pdf"):
        render(make_report(), "pdf")


NO_CHROMIUM = needs_chromium()


@NO_CHROMIUM
def test_html_report_prints_to_pdf_in_headless_chromium(tmp_path: Path):
    page = tmp_path / "report.html"
    page.write_text(render_html(hostile_report()), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    done = headless(page, f"--print-to-pdf={pdf}")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF")


@NO_CHROMIUM
def test_the_browser_builds_no_markup_from_article_text(tmp_path: Path):
    """The DOM as Chromium parsed it: the hostile text is text, the sentence links are there."""
    page = tmp_path / "report.html"
    page.write_text(render_html(hostile_report()), encoding="utf-8")
    done = headless(page, "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    parsed = parse(done.stdout.decode("utf-8"))
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert HOSTILE in "".join(parsed.text)
    hrefs = [attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"]
    assert any("#:~:text=" in h for h in hrefs)


# -- from a claim diff --------------------------------------------------------------------

ESCAPE = "\x1b]52;c;aGk=\x07"  # an OSC 52 clipboard write, as a file name might carry it


def _article(
    ident: str, title: str, url: str | None = None, source_url: str | None = None
) -> Article:
    return Article(
        id=ident,
        path=f"{ident}.txt",
        title=title,
        outlet=None,
        published=None,
        url=url,
        body="Body.",
        content_hash="0",
        source_url=source_url,
    )


def _claim(article_id: str, text_before: str, sentence: str, value: str) -> Claim:
    start = len(text_before)
    value_start = start + sentence.index(value)
    return Claim(
        article_id=article_id,
        kind="quantity",
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        value_start=value_start,
        value_end=value_start + len(value),
        value_text=value,
        value=value,
        hedge=None,
        unit=None,
        subject=(),
        topic="people killed",
        attribution=None,
        places=(),
        entities=(),
    )


def test_build_report_orders_by_verdict_and_keeps_offsets_and_citations():
    a = _article("a1", f"Title {ESCAPE}", source_url="https://fetched.example/a")
    b = _article("b1", "B", url="https://b.example/story")
    claim_a = _claim("a1", "Title\n\nSome text. ", "Police said 12 died.", "12")
    claim_b = _claim("b1", "B\n\n", "Nine died, police said.", "Nine")
    comparison = Comparison(
        a=a,
        b=b,
        rows=(
            Row("only_a", "only one", None, claim_a, None),
            Row("agree", "same", None, claim_a, claim_b),
            Row("conflict", "people killed", "different_scope", claim_a, claim_b),
        ),
    )
    report = build_report(comparison)
    assert [r.verdict for r in report.rows] == ["conflict", "agree", "only_a"]
    first = report.rows[0]
    assert first.reason == "different scope"
    assert first.a is not None and first.a.sentence[first.a.value_start : first.a.value_end] == "12"
    assert first.b is not None and first.b.before == "" and first.b.after == " died, police said."
    # Where the bytes were fetched from, when the page names no URL of its own.
    assert report.a.url == "https://fetched.example/a"
    assert first.a.link and first.a.link.startswith("https://fetched.example/a#:~:text=")
    assert first.b.link and first.b.link.startswith("https://b.example/story#:~:text=")
    for fmt in ("html", "md", "csv"):
        out = render(report, fmt)
        assert "\x1b" not in out and "\x07" not in out, fmt
        assert "Title" in out or fmt == "csv"
