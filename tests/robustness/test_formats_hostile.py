"""Hostile saved pages, archives and feeds: each gives a message (a skip with a reason, or an
article with a note), never a traceback, and none takes time out of proportion to its size
(timed at two sizes, as in test_linear_time)."""

from __future__ import annotations

import pytest
from support.timing import best_time
from support.web_files import STORY, article_html, mhtml, rss

from search_index import corpus
from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.formats import feed as feed_module
from search_index.formats import kinds
from search_index.models import Article, SkippedFile

PARAGRAPH = "<p>" + " ".join(STORY) + "</p>"
FAST = 0.05
STEP = 4
MAX_RATIO = 8


def read_all(root):
    found = discover(root)
    results = {f.id: read_article(f, found.overrides) for f in found.files}
    return results, {s.path: s.reason for s in found.skipped}


def only(root, name, data):
    (root / name).write_bytes(data)
    results, skipped = read_all(root)
    if skipped:
        return SkippedFile(name, skipped[name])
    (result,) = results.values()
    return result


def assert_linear(tmp_path, name, make, n):
    times = []
    for size in (n, STEP * n):
        folder = tmp_path / f"n{size}"
        folder.mkdir()
        (folder / name).write_bytes(make(size))
        times.append(best_time(lambda f=folder: read_all(f)))
    small, large = times
    assert large < FAST or large / small < MAX_RATIO, (
        f"{small:.3f}s for {n}, {large:.3f}s for {STEP * n}"
    )


def test_a_page_over_the_size_cap_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.MAX_BYTES, kinds.HTML, 50_000)
    monkeypatch.setattr(corpus, "MAX_ARTICLE_BYTES", 50_000)
    result = only(tmp_path, "huge.html", article_html(paragraphs=STORY * 200).encode())
    assert isinstance(result, SkippedFile)
    assert "larger than" in result.reason


def test_a_page_of_too_much_markup_is_refused_before_parsing(tmp_path):
    page = "<html><body>" + "<div><span>word</span></div>" * 330_000 + "</body></html>"
    result = only(tmp_path, "dump.html", page.encode())
    assert isinstance(result, SkippedFile)
    assert "too large to extract" in result.reason


def test_inlined_images_do_not_count_against_the_markup_cap(tmp_path):
    image = '<img src="data:image/png;base64,' + "QUJD" * 2_500_000 + '">'  # 10 MB of base64
    page = article_html().replace("<article>", "<article>" + image)
    result = only(tmp_path, "singlefile.html", page.encode())
    assert isinstance(result, Article)
    assert "memorial museum" in result.body


def test_a_page_of_too_many_elements_is_refused(tmp_path):
    page = "<html><body>" + "<i>x</i>" * 400_000 + PARAGRAPH + "</body></html>"
    result = only(tmp_path, "many.html", page.encode())
    assert isinstance(result, SkippedFile)
    assert "elements" in result.reason


def test_a_deeply_nested_page_says_so(tmp_path):
    depth = 50_000
    page = "<html><body>" + "<div>" * depth + PARAGRAPH + "</div>" * depth + "</body></html>"
    result = only(tmp_path, "deep.html", page.encode())
    assert isinstance(result, SkippedFile)
    assert "nested too deeply" in result.reason


def test_deep_nesting_costs_linear_time(tmp_path):
    def make(n):
        return ("<html><body>" + "<div><b>" * n + PARAGRAPH).encode()

    assert_linear(tmp_path, "deep.html", make, 20_000)


def test_a_script_only_page_is_skipped(tmp_path):
    page = (
        "<html><head><script>" + "var a = 1;" * 50_000 + "</script></head><body>"
        "<div id=app></div><script>render(document.getElementById('app'))</script></body></html>"
    )
    result = only(tmp_path, "spa.html", page.encode())
    assert isinstance(result, SkippedFile)
    assert "scripts" in result.reason


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 200,  # binary
        b"\xff\xfe\xfd" * 10_000 + PARAGRAPH.encode(),  # not any text encoding
        b"<html><body>" + "Café".encode("utf-16-le") * 5_000 + b"</body></html>",
        "<html><body>\u202e\u0000\u001b[31m".encode() + PARAGRAPH.encode() * 3,
    ],
)
def test_invalid_bytes_give_a_message(tmp_path, data):
    result = only(tmp_path, "bad.html", data)
    assert isinstance(result, SkippedFile | Article)
    if isinstance(result, Article):
        assert "\x1b" not in result.body and "\x00" not in result.body


def test_a_broken_mhtml_archive_gives_a_message(tmp_path):
    good = mhtml(article_html().encode())
    for i, data in enumerate([good[: len(good) // 3], good.replace(b"boundary=", b"boundary=zz")]):
        folder = tmp_path / f"b{i}"
        folder.mkdir()
        result = only(folder, "broken.mhtml", data)
        assert isinstance(result, SkippedFile | Article)


def test_a_feed_of_10000_items_reads_the_first_thousand_and_says_so(tmp_path):
    items = [
        {
            "title": f"Story {i}",
            "link": f"https://c.example/s/story-{i}",
            "description": STORY[i % 4],
        }
        for i in range(10_000)
    ]
    (tmp_path / "archive.rss").write_bytes(rss(items))
    results, skipped = read_all(tmp_path)
    assert not skipped
    assert len(results) == feed_module.MAX_ITEMS == 1000
    notes = [n for r in results.values() if isinstance(r, Article) for n in r.notes]
    assert notes == ["the feed has 10,000 items: the first 1,000 are read"]


def test_a_feeds_items_are_read_in_linear_time(tmp_path):
    def make(n):
        items = [
            {
                "title": f"S{i}",
                "link": f"https://c.example/s/story-{i}",
                "description": STORY[i % 4],
            }
            for i in range(n)
        ]
        return rss(items)

    assert_linear(tmp_path, "f.rss", make, 200)


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
    "<description>&lol9;</description></item></channel></rss>"
).encode()

EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>'
    b"<description>&xxe;</description></item></channel></rss>"
)


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_expansion_and_external_entities_are_refused(tmp_path, data):
    result = only(tmp_path, "lol.xml", data)
    assert isinstance(result, SkippedFile)
    assert "entities" in result.reason


def test_a_deeply_nested_feed_gives_a_message(tmp_path):
    data = (
        b'<rss version="2.0"><channel><title>x</title><item><title>deep</title><description>'
        + b"<a>" * 300_000
        + b"</description></item></channel></rss>"
    )
    result = only(tmp_path, "deep.rss", data)
    assert isinstance(result, SkippedFile | Article)


def test_a_deeply_nested_json_feed_gives_a_message(tmp_path):
    data = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}"
    )
    result = only(tmp_path, "feed.json", data)
    assert isinstance(result, SkippedFile)
    assert "feed" in result.reason
