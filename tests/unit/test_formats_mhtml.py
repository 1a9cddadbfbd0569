"""MHTML archives: the page's HTML part found and read as bytes, whatever its charset."""

import pytest
from support.web_files import STORY, article_html, mhtml

from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.formats.mhtml import html_part
from search_index.formats.page import NotAnArticle
from search_index.models import Article, SkippedFile


def read_one(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    found = discover(tmp_path)
    (source,) = found.files
    return read_article(source, found.overrides)


def test_a_chrome_archive_reads_as_its_page(tmp_path):
    article = read_one(tmp_path, "museum.mhtml", mhtml(article_html().encode()))
    assert isinstance(article, Article)
    assert article.format == "mhtml"
    assert article.title == "Kim opens museum for soldiers killed in Russia"
    assert article.outlet == "The Courier"
    assert all(p in article.body for p in STORY)
    assert article.url == "https://courier.example/2026/01/26/museum"


def test_quoted_printable_utf8_without_a_charset_parameter_is_not_garbled(tmp_path):
    # Chrome writes no charset on the part: the bytes are UTF-8 (and the page says so).
    paragraphs = [p + " Ce musée « rend hommage » aux soldats — 1 500 statues." for p in STORY]
    data = mhtml(article_html(paragraphs=paragraphs).encode("utf-8"))
    assert b"=C3=A9" in data  # é as quoted-printable bytes, not as a character
    article = read_one(tmp_path, "fr.mht", data)
    assert "Ce musée « rend hommage » aux soldats — 1 500 statues." in article.body
    assert not any("mojibake" in n or "UTF-8" in n for n in article.notes)


def test_a_legacy_page_in_a_base64_part_uses_the_pages_own_charset(tmp_path):
    paragraphs = [p.replace("Pyongyang", "Пхеньян") for p in STORY]
    page = article_html(paragraphs=paragraphs, charset="koi8-r").encode("koi8-r")
    article = read_one(tmp_path, "ru.mhtml", mhtml(page, transfer="base64"))
    assert "Пхеньян" in article.body


def test_a_charset_on_the_part_is_used(tmp_path):
    paragraphs = [p.replace("Pyongyang", "Pjöngjang") for p in STORY]
    page = article_html(paragraphs=paragraphs).replace('<meta charset="utf-8">', "")
    data = mhtml(page.encode("iso-8859-1"), charset="iso-8859-1")
    article = read_one(tmp_path, "de.mhtml", data)
    assert "Pjöngjang" in article.body


def test_the_snapshots_page_is_chosen_over_a_frame_before_it():
    data = mhtml(article_html().encode(), html_first=False)
    part = html_part(data)
    assert b"memorial museum" in part.data
    assert part.url == "https://courier.example/2026/01/26/museum"


def test_archives_without_a_page_are_skipped_with_a_reason(tmp_path):
    no_html = mhtml(b"", extra_parts=2).replace(
        b"Content-Type: text/html", b"Content-Type: text/css"
    )
    result = read_one(tmp_path, "css.mhtml", no_html)
    assert isinstance(result, SkippedFile)
    assert "MHTML" in result.reason


@pytest.mark.parametrize(
    "data",
    [
        b"just some words, not a MIME message at all\n",
        b"Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\n",
        b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nnot really",
    ],
)
def test_broken_archives_never_raise(data):
    with pytest.raises(NotAnArticle):
        html_part(data)
