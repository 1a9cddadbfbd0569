"""``kimreader fetch`` as a user runs it: pages from a local server into a folder that the other
commands then read, a report per URL, JSON, and exit codes (the engine has its own tests in
tests/robustness/test_fetch.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.http_server import Reply, serve

from search_index.library import Library
from tui.cli import cli
from tui.cli.reading import _listed_title

STORY = (
    "<html><head><title>Museum opens</title></head><body><article><h1>Museum opens</h1>"
    + "".join(
        f"<p>Kim Jong Un opened the memorial museum in Pyongyang on Friday, paragraph {i}, "
        "state media said, adding that thousands of soldiers were honoured there.</p>"
        for i in range(8)
    )
    + "</article></body></html>"
).encode()


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("no_proxy", "*")
    with serve() as running:
        running.routes["/robots.txt"] = Reply(404, b"", "text/plain")
        yield running


def fetch(*args: str):
    return CliRunner().invoke(cli, ["fetch", "--delay", "0", "--retries", "0", *args])


def fetch_twice_after_an_edit(server, into: Path) -> Path:
    """The story fetched, edited on the server, fetched again: two captures of one page."""
    edited = STORY.replace(b"thousands of soldiers", b"some 2,000 soldiers")
    server.routes["/news/story.html"] = [
        Reply(body=STORY, content_type="text/html"),
        Reply(body=edited, content_type="text/html"),
    ]
    for _ in range(2):
        assert fetch(server.url("/news/story.html"), "--into", str(into)).exit_code == 0
    return into


def test_fetch_saves_pages_that_list_then_reads_with_their_source(server, tmp_path: Path):
    server.routes["/news/story.html"] = Reply(body=STORY, content_type="text/html")
    into = tmp_path / "pages"
    result = fetch(server.url("/news/story.html"), "--into", str(into))
    assert result.exit_code == 0, result.output
    assert "saved" in result.stdout and server.url("/news/story.html") in result.stdout
    saved = [p for p in into.iterdir() if p.suffix == ".html"]
    assert len(saved) == 1 and saved[0].read_bytes() == STORY
    listed = CliRunner().invoke(cli, ["--corpus", str(into), "list", "--json"])
    assert listed.exit_code == 0, listed.output
    (article,) = json.loads(listed.stdout)
    assert article["title"] == "Museum opens"
    assert server.url("/news/story.html") in json.dumps(article)


def test_fetch_json_reports_each_url_and_fails_when_nothing_was_saved(server, tmp_path: Path):
    into = tmp_path / "pages"
    result = fetch(server.url("/gone.html"), "--into", str(into), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["failed"] == 1 and data["summary"]["saved"] == 0
    assert data["results"][0]["http_status"] == 404
    assert "kimreader" in data["user_agent"]


def test_fetch_refuses_an_argument_that_is_neither_url_nor_list(tmp_path: Path):
    result = fetch("ftp://example.org/x", "--into", str(tmp_path / "pages"))
    assert result.exit_code == 2
    assert "kimreader:" in result.stderr
    assert not (tmp_path / "pages").exists()


def test_a_page_fetched_again_after_a_change_lists_as_two_versions_of_one_article(
    server, tmp_path: Path
):
    into = fetch_twice_after_an_edit(server, tmp_path / "pages")
    listed = CliRunner().invoke(cli, ["--corpus", str(into), "list", "--json"])
    rows = json.loads(listed.stdout)
    assert [row["format"] for row in rows] == ["html", "html"]
    numbers = sorted((row["version"]["number"], row["version"]["of"]) for row in rows)
    assert numbers == [(1, 2), (2, 2)]
    second = next(row for row in rows if row["version"]["number"] == 2)
    first = next(row for row in rows if row["version"]["number"] == 1)
    assert second["version"]["first"] == first["id"]
    # The table's title cell (it wraps, so its text is checked where it is made).
    with Library.open(into) as library:
        infos = library.catalog()
        versions = library.versions(infos)
    titles = {info.id: _listed_title(info, versions) for info in infos}
    assert titles[second["id"]].endswith(f"[html, v2 of {first['id']}]")
    assert titles[first["id"]].endswith("[html, v1 (2 versions)]")
    shown = CliRunner().invoke(cli, ["--corpus", str(into), "show", first["id"]])
    assert f"html from {server.url('/news/story.html')}" in " ".join(shown.stdout.split())
    compared = CliRunner().invoke(
        cli, ["--corpus", str(into), "compare", first["id"], second["id"]]
    )
    assert compared.exit_code == 0, compared.output


async def test_the_app_lists_a_second_capture_as_a_version_not_another_source(
    server, tmp_path: Path
):
    from support.pilot import settle, sources

    from tui.app import KimreaderApp

    into = fetch_twice_after_an_edit(server, tmp_path / "pages")
    app = KimreaderApp(into, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        widget = sources(app)
        assert widget.option_count == 2
        metas = [widget.render_line(2 * i + 1).text for i in range(widget.option_count)]
        assert any("v1 (2 versions)" in meta for meta in metas), metas
        assert any("v2 of " in meta for meta in metas), metas


def test_the_report_says_a_changed_page_is_a_new_version(server, tmp_path: Path):
    edited = STORY.replace(b"thousands", b"hundreds")
    server.routes["/live"] = [
        Reply(body=STORY, content_type="text/html"),
        Reply(body=edited, content_type="text/html"),
    ]
    into = str(tmp_path / "pages")
    fetch(server.url("/live"), "--into", into)
    again = fetch(server.url("/live"), "--into", into)
    assert again.exit_code == 0 and "version 2: the page changed" in again.stdout
    third = fetch(server.url("/live"), "--into", into)
    assert "unchanged" in third.stdout and "1 unchanged" in third.stderr
    assert "\r" not in third.stderr  # no redrawn counter when stderr is not a terminal


def test_a_url_list_with_max(server, tmp_path: Path):
    for i in range(4):
        server.routes[f"/p{i}"] = Reply(body=STORY, content_type="text/html")
    listing = tmp_path / "urls.txt"
    listing.write_text("# reading\n" + "".join(server.url(f"/p{i}") + "\n" for i in range(4)))
    result = fetch(str(listing), "--into", str(tmp_path / "out"), "--max", "2")
    assert result.exit_code == 0, result.output
    assert "2 saved" in result.stderr and "2 left out by --max" in result.stderr
    assert sum(server.hits(f"/p{i}") for i in range(4)) == 2


def test_into_must_be_a_folder(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    result = fetch("https://example.org/", "--into", str(tmp_path / "file"))
    assert result.exit_code == 2
    missing = fetch(str(tmp_path / "nope.txt"), "--into", str(tmp_path / "o"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
