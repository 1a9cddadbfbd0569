"""A corpus mixing .txt, .md, .html, .mhtml and a feed: every article is listed, searched,
highlighted and compared through Library, and keeps its format and source through the index."""

import hashlib
import json
import shutil

import pytest
from support import SEEDS
from support.web_files import HTML_PAGES, STORY, article_html, mhtml, rss

from search_index.library import Library

OTHER_STORY = [
    "North Korea unveiled a museum in Pyongyang on Monday honouring soldiers killed in the "
    "war against Ukraine, with leader Kim Jong Un at the ceremony.",
    "The museum holds sculptures of 2,000 soldiers, according to state media, which did not "
    "say how many troops had died in the Kursk region.",
    "South Korean intelligence has estimated that about 600 North Korean soldiers were killed "
    "since the deployment began in October 2024.",
]


@pytest.fixture(scope="module")
def mixed_and_baseline(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, root / "seed.txt")
    (root / "notes.md").write_text(
        "# Museum notes\n\nThe museum in Pyongyang honours soldiers killed in Kursk. "
        + " ".join(STORY)
        + "\n",
        encoding="utf-8",
    )
    page = article_html().encode()
    (root / "courier.html").write_bytes(page)
    (root / "courier.html.provenance.json").write_text(
        json.dumps(
            {
                "requested_url": "https://courier.example/museum",
                "final_url": "https://courier.example/2026/01/26/museum",
                "fetched_at": "2026-12-04T23:10:00Z",
                "status": 200,
                "content_type": "text/html",
                "sha256": hashlib.sha256(page).hexdigest(),
            }
        )
    )
    other = article_html(
        title="North Korea unveils museum to war dead", paragraphs=OTHER_STORY, slug="unveils"
    )
    (root / "herald.mhtml").write_bytes(mhtml(other.encode(), url="https://herald.example/unveils"))
    (root / "wire.rss").write_bytes(
        rss(
            [
                {
                    "title": "Museum for fallen soldiers opens",
                    "link": "https://wire.example/2026/01/26/museum-fallen",
                    "guid": "w-1",
                    "pubDate": "Mon, 26 Jan 2026 12:00:00 GMT",
                    "content": "".join(f"<p>{p}</p>" for p in OTHER_STORY),
                }
            ],
            title="Wire Service",
        )
    )
    shutil.copy(HTML_PAGES / "expapp-ceo.html", root / "expapp.html")
    # The same two stories as plain text, in a corpus of their own: the comparison baseline.
    text = root.parent / f"{root.name}-text"
    text.mkdir()
    (text / "courier.txt").write_text(
        "Kim opens museum for soldiers killed in Russia\n\n" + "\n\n".join(STORY) + "\n"
    )
    (text / "herald.txt").write_text(
        "North Korea unveils museum to war dead\n\n" + "\n\n".join(OTHER_STORY) + "\n"
    )
    with Library.open(text) as as_text:
        as_text.refresh(parallel=False)
        baseline = as_text.compare("courier", "herald")
    with Library.open(root) as library:
        library.refresh(parallel=False)
        yield library, baseline


@pytest.fixture
def mixed(mixed_and_baseline):
    return mixed_and_baseline[0]


def test_every_format_is_listed_with_its_format_and_source(mixed):
    catalog = {info.id: info for info in mixed.catalog()}
    assert set(catalog) == {"seed", "notes", "courier", "herald", "wire/museum-fallen", "expapp"}
    formats = {i: info.format for i, info in catalog.items()}
    assert formats == {
        "seed": "text",
        "notes": "markdown",
        "courier": "html",
        "herald": "mhtml",
        "wire/museum-fallen": "feed",
        "expapp": "html",
    }
    assert catalog["courier"].source_url == "https://courier.example/2026/01/26/museum"
    assert catalog["herald"].source_url is None
    assert catalog["wire/museum-fallen"].url == "https://wire.example/2026/01/26/museum-fallen"
    assert catalog["wire/museum-fallen"].outlet == "Wire Service"
    assert not mixed.last_refresh.skipped


def test_the_index_keeps_what_each_file_said(mixed):
    courier = mixed.article("courier")
    assert courier.format == "html"
    assert courier.author == "Mina Park"
    assert courier.language == "en-GB"
    assert courier.fetched_at == "2026-12-04T23:10:00Z"
    assert courier.source_url == "https://courier.example/2026/01/26/museum"
    wire = mixed.article("wire/museum-fallen")
    assert wire.format == "feed" and not wire.is_summary
    assert mixed.article("seed").format == "text"


def test_search_finds_and_highlights_every_format(mixed):
    result = mixed.search("museum")
    found = {hit.id for hit in result.hits}
    assert {"seed", "notes", "courier", "herald", "wire/museum-fallen"} <= found
    for hit in result.hits:
        article = mixed.article(hit.id)
        for span in hit.matches:
            assert article.text[span.start : span.end].lower().startswith("museum")
    assert {h.id for h in mixed.search("Gaspard").hits} == {"expapp"}


def test_two_saved_pages_compare_as_text_does(mixed_and_baseline):
    mixed, baseline = mixed_and_baseline
    comparison = mixed.compare("courier", "herald")
    assert comparison.rows
    assert [(r.status, r.topic) for r in comparison.rows] == [
        (r.status, r.topic) for r in baseline.rows
    ]


def test_a_feed_item_compares_with_an_archive(mixed):
    comparison = mixed.compare("wire/museum-fallen", "herald")
    assert comparison.rows
    assert all(row.status != "conflict" for row in comparison.rows)  # the same text


def test_entities_are_found_in_web_pages(mixed):
    names = {m.name for m in mixed.annotated("courier").mentions}
    assert "Kim Jong Un" in names
    assert "Pyongyang" in names
