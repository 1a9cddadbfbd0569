"""Saved web pages read as articles: text, metadata, charsets, mojibake, provenance, skips."""

import hashlib
import json
import shutil

from support.web_files import HTML_PAGES, STORY, article_html

from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.formats.html import fragment_text
from search_index.models import Article, SkippedFile


def read_all(root):
    found = discover(root)
    out = {f.id: read_article(f, found.overrides) for f in found.files}
    return out, found


def test_a_real_saved_page_gives_its_text_and_metadata(tmp_path):
    shutil.copy(HTML_PAGES / "expapp-ceo.html", tmp_path / "expapp-ceo.html")
    articles, _ = read_all(tmp_path)
    article = articles["expapp-ceo"]
    assert isinstance(article, Article)
    assert article.format == "html"
    assert article.title == "Introducing Junior Gaspard, New CEO at Experience"
    assert article.outlet == "Experience"
    assert article.published is not None
    assert article.published.isoformat() == "2018-04-09"
    assert (
        article.url == "https://www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/"
    )
    assert article.language == "en-US"
    assert article.author == "Josh"
    # The hand-checked body's first sentence is there; the site's navigation is not.
    assert "Experience is thrilled to have Junior Gaspard" in article.body
    assert "<" not in article.body and "{" not in article.body
    # The headline is not repeated as the body's first line.
    assert not article.body.startswith(article.title)


def test_a_german_page_keeps_its_umlauts(tmp_path):
    shutil.copy(HTML_PAGES / "comwrap-dmexco.html", tmp_path / "dmexco.html")
    article = read_all(tmp_path)[0]["dmexco"]
    assert "Europas größter Expo" in article.body
    assert article.outlet == "Comwrap"


def test_a_built_page_gives_outlet_author_date_and_canonical_url(tmp_path):
    (tmp_path / "museum.htm").write_text(article_html(), encoding="utf-8")
    article = read_all(tmp_path)[0]["museum"]
    assert article.title == "Kim opens museum for soldiers killed in Russia"
    assert article.outlet == "The Courier"
    assert article.author == "Mina Park"
    assert article.published.isoformat() == "2026-01-26"
    assert article.url == "https://courier.example/2026/01/26/museum"
    assert article.language == "en-GB"
    assert all(p in article.body for p in STORY)
    assert "All rights reserved" not in article.body and "Sport" not in article.body


def test_a_legacy_charset_declared_by_the_page_is_used(tmp_path):
    paragraphs = [p.replace("Pyongyang", "Пхеньян") for p in STORY]
    page = article_html(
        title="Музей открыт в Пхеньяне", paragraphs=paragraphs, charset="windows-1251"
    )
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    article = read_all(tmp_path)[0]["ru"]
    assert isinstance(article, Article)
    assert article.title == "Музей открыт в Пхеньяне"
    assert "Пхеньян" in article.body
    assert not article.notes  # declared, not guessed: nothing to report


def test_an_undeclared_legacy_page_is_detected_and_reported(tmp_path):
    page = article_html(paragraphs=[p + " Café crème, naïve façade." for p in STORY])
    page = page.replace('<meta charset="utf-8">', "")
    (tmp_path / "latin.html").write_bytes(page.encode("cp1252"))
    article = read_all(tmp_path)[0]["latin"]
    # Which legacy code page is a guess (charset-normalizer's); that it was one is reported.
    assert "Caf\u00e9" in article.body and "fa\u00e7ade" in article.body
    assert any("not valid UTF-8" in n for n in article.notes)


def test_mojibake_in_valid_utf8_is_repaired_and_reported(tmp_path):
    doubled = [p.replace("said", "said \u2019") for p in STORY]
    page = article_html(paragraphs=doubled)
    broken = page.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    # Only the article text is doubly decoded here: keep the markup's own charset line.
    (tmp_path / "moji.html").write_bytes(broken)
    article = read_all(tmp_path)[0]["moji"]
    assert "\u2019" in article.body
    assert "â€" not in article.body
    assert any("mojibake" in n for n in article.notes)
    # Quotes the author typed are left as they were (fix_encoding, not fix_text).
    assert "\u2019" in article.body and "'" not in article.body.replace("'s", "")


def test_mojibake_in_a_text_file_is_repaired_too(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Museum opens\n\nThe museumâ€™s halls hold 1,500 sculptures, officials said on Monday. "
        + " ".join(STORY)
        + "\n",
        encoding="utf-8",
    )
    article = read_all(tmp_path)[0]["a"]
    assert "museum’s halls" in article.body
    assert any("mojibake" in n for n in article.notes)


def test_text_without_mojibake_is_left_alone(tmp_path):
    (tmp_path / "b.txt").write_text(
        "Déjà vu\n\nÅngström and naïve café owners met “quoted” people in São Paulo. "
        + " ".join(STORY)
        + "\n",
        encoding="utf-8",
    )
    article = read_all(tmp_path)[0]["b"]
    assert "“quoted”" in article.body and "São Paulo" in article.body
    assert not article.notes


def provenance_for(page_path, data, **changes):
    record = {
        "requested_url": "http://courier.example/museum",
        "final_url": "https://courier.example/2026/01/26/museum",
        "fetched_at": "2026-12-04T23:10:00Z",
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "sha256": hashlib.sha256(data).hexdigest(),
        **changes,
    }
    page_path.with_name(page_path.name + ".provenance.json").write_text(json.dumps(record))


def test_a_provenance_record_gives_the_source_url_and_fetch_time(tmp_path):
    page = tmp_path / "museum.html"
    data = (
        article_html()
        .replace('<link rel="canonical" href="https://courier.example/2026/01/26/museum">', "")
        .encode()
    )
    page.write_bytes(data)
    provenance_for(page, data)
    articles, found = read_all(tmp_path)
    assert list(articles) == ["museum"]  # the record is not an article
    article = articles["museum"]
    assert article.source_url == "https://courier.example/2026/01/26/museum"
    assert article.fetched_at == "2026-12-04T23:10:00Z"
    assert article.url == "https://courier.example/2026/01/26/museum"
    assert not article.notes
    assert not found.skipped


def test_a_malformed_provenance_record_is_a_note_and_ignored(tmp_path):
    page = tmp_path / "museum.html"
    page.write_text(article_html(), encoding="utf-8")
    (tmp_path / "museum.html.provenance.json").write_text("{not json")
    articles, found = read_all(tmp_path)
    article = articles["museum"]
    assert article.source_url is None
    assert any("provenance record ignored" in n for n in article.notes)
    assert not found.skipped


def test_a_page_edited_after_its_fetch_says_so(tmp_path):
    page = tmp_path / "museum.html"
    data = article_html().encode()
    page.write_bytes(data + b"<!-- edited -->")
    provenance_for(page, data)
    article = read_all(tmp_path)[0]["museum"]
    assert article.source_url is not None
    assert any("changed after it was fetched" in n for n in article.notes)


def test_a_page_fetched_with_an_error_status_is_skipped(tmp_path):
    page = tmp_path / "gone.html"
    data = article_html().encode()
    page.write_bytes(data)
    provenance_for(page, data, status=404)
    result = read_all(tmp_path)[0]["gone"]
    assert isinstance(result, SkippedFile)
    assert "404" in result.reason


def test_pages_without_article_text_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "index.html").write_text(
        "<html><head><title>The Courier</title></head><body><ul>"
        + "".join(f'<li><a href="/s{i}">Story {i}</a></li>' for i in range(40))
        + "</ul></body></html>"
    )
    (tmp_path / "404.html").write_text(
        "<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1>"
        "<p>Sorry, the page you were looking for does not exist.</p></body></html>"
    )
    (tmp_path / "paywall.html").write_text(
        "<html><head><title>Subscribe</title></head><body><article><h1>Kim opens museum</h1>"
        "<p>North Korea opened a museum on Monday.</p><div class=paywall>Subscribe to read "
        "the rest of this story.</div></article></body></html>"
    )
    articles, _ = read_all(tmp_path)
    for name in ("index", "404", "paywall"):
        result = articles[name]
        assert isinstance(result, SkippedFile), name
        assert "article text" in result.reason or "error page" in result.reason


def test_a_save_page_as_resource_folder_is_not_read(tmp_path):
    (tmp_path / "Story.html").write_text(article_html(), encoding="utf-8")
    resources = tmp_path / "Story_files"
    resources.mkdir()
    (resources / "frame.html").write_text(article_html(title="An advert"), encoding="utf-8")
    other = tmp_path / "notes_files"  # no notes.html beside it: an ordinary folder
    other.mkdir()
    (other / "n.txt").write_text("A note\n\nSomething written down about the museum today.\n")
    articles, _ = read_all(tmp_path)
    assert set(articles) == {"Story", "n"}


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    text = fragment_text("<p>One <b>bold</b> word.</p><script>alert(1)</script><p>Two</p>")
    assert text == "One bold word.\n\nTwo"
    assert fragment_text("plain &amp; simple") == "plain & simple"
