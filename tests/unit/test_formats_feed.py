"""Feeds: one article per item, stable ids, summaries marked, and a refresh that follows edits."""

import os

from support.web_files import STORY, atom, json_feed, rss

from search_index import corpus
from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.file_stamps import load_stamps, save_stamps
from search_index.formats import feed as feed_module
from search_index.library import Library
from search_index.models import Article, SkippedFile

FULL = "".join(f"<p>{p}</p>" for p in STORY)

RSS_ITEMS = [
    {
        "title": "Kim opens museum for soldiers killed in Russia",
        "link": "https://courier.example/2026/01/26/museum-opens.html",
        "guid": "courier-1001",
        "pubDate": "Mon, 26 Jan 2026 09:30:00 GMT",
        "dc:creator": "Mina Park",
        "description": "North Korea honours its dead.",
        "content": FULL,
    },
    {
        "title": "Seoul doubts Pyongyang's figures",
        "link": "https://courier.example/2026/01/27/seoul-doubts",
        "description": "South Korea's spy agency questions the numbers given at the museum.",
    },
]


def read_all(root):
    found = discover(root)
    return {f.id: read_article(f, found.overrides) for f in found.files}, found


def test_an_rss_feed_is_one_article_per_item(tmp_path):
    (tmp_path / "courier.rss").write_bytes(rss(RSS_ITEMS))
    articles, _ = read_all(tmp_path)
    assert sorted(articles) == ["courier/museum-opens", "courier/seoul-doubts"]
    full = articles["courier/museum-opens"]
    assert isinstance(full, Article)
    assert full.format == "feed"
    assert full.title == "Kim opens museum for soldiers killed in Russia"
    assert full.outlet == "The Courier"
    assert full.author == "Mina Park"
    assert full.url == "https://courier.example/2026/01/26/museum-opens.html"
    assert full.published.isoformat() == "2026-01-26T09:30"
    assert full.body == "\n\n".join(STORY)
    assert not full.is_summary
    summary = articles["courier/seoul-doubts"]
    assert summary.is_summary
    assert summary.body == RSS_ITEMS[1]["description"]
    assert all(a.path == "courier.rss" for a in articles.values())


def test_atom_and_json_feeds_are_read_too(tmp_path):
    (tmp_path / "harbour.atom").write_bytes(
        atom(
            [
                {
                    "id": "tag:harbour.example,2026:42",
                    "title": "Museum &amp; statues",
                    "link": "https://harbour.example/news/museum",
                    "updated": "2026-01-26T11:00:00+09:00",
                    "author": "Lee Ji-won",
                    "content": FULL,
                },
                {"id": "tag:harbour.example,2026:43", "title": "Brief", "summary": "Short one."},
            ]
        )
    )
    (tmp_path / "feed.json").write_bytes(
        json_feed(
            [
                {
                    "id": "r-7",
                    "url": "https://ridge.example/p/7",
                    "title": "Ridge report",
                    "content_text": " ".join(STORY),
                    "date_published": "2026-01-25T08:00:00Z",
                    "authors": [{"name": "Cy Dunn"}],
                }
            ]
        )
    )
    (tmp_path / "package.json").write_text('{"name": "not-a-feed"}')
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>https://x.example/</loc></url></urlset>"
    )
    articles, found = read_all(tmp_path)
    assert sorted(articles) == ["feed/ridge-report", "harbour/brief", "harbour/museum"]
    assert not found.skipped  # .json and .xml files that are not feeds are simply not articles
    museum = articles["harbour/museum"]
    assert museum.outlet == "Harbour Times" and museum.author == "Lee Ji-won"
    assert museum.title == "Museum & statues"
    assert museum.published.isoformat() == "2026-01-26T02:00"  # in UTC
    assert not museum.is_summary
    assert articles["harbour/brief"].is_summary
    ridge = articles["feed/ridge-report"]
    assert ridge.outlet == "Ridge Daily" and ridge.author == "Cy Dunn" and not ridge.is_summary


def test_item_ids_do_not_depend_on_order_or_neighbours(tmp_path):
    (tmp_path / "c.rss").write_bytes(rss(RSS_ITEMS))
    first = set(read_all(tmp_path)[0])
    (tmp_path / "c.rss").write_bytes(rss(list(reversed(RSS_ITEMS))))
    assert set(read_all(tmp_path)[0]) == first


def test_items_sharing_a_slug_get_distinct_stable_ids(tmp_path):
    items = [
        {
            "title": "Update",
            "link": "https://a.example/live/update",
            "guid": "g1",
            "description": STORY[0],
        },
        {
            "title": "Update",
            "link": "https://b.example/live/update",
            "guid": "g2",
            "description": STORY[1],
        },
    ]
    (tmp_path / "live.rss").write_bytes(rss(items))
    ids = sorted(read_all(tmp_path)[0])
    assert len(ids) == 2 and all(i.startswith("live/update~") for i in ids)
    (tmp_path / "live.rss").write_bytes(rss(list(reversed(items))))
    assert sorted(read_all(tmp_path)[0]) == ids


def test_a_file_that_is_not_a_feed_is_skipped_when_its_name_says_feed(tmp_path):
    (tmp_path / "news.rss").write_text("<html><body><p>Hello</p></body></html>")
    (tmp_path / "empty.atom").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'
    )
    articles, found = read_all(tmp_path)
    assert articles == {}
    reasons = {s.path: s.reason for s in found.skipped}
    assert "not an RSS, Atom or JSON feed" in reasons["news.rss"]
    assert "no items" in reasons["empty.atom"]


def test_an_unchanged_feed_is_not_parsed_again(tmp_path, monkeypatch):
    path = tmp_path / "c.rss"
    path.write_bytes(rss(RSS_ITEMS))
    old = path.stat().st_mtime_ns - 60_000_000_000
    os.utime(path, ns=(old, old))
    first = discover(tmp_path)
    save_stamps(tmp_path.parent, first.stamps, 10**19)  # stamps round-trip through their file
    stamps, taken = load_stamps(tmp_path.parent)

    def refuse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(feed_module, "parse_feed", refuse)
    from search_index.formats import reading

    monkeypatch.setattr(reading, "parse_feed", refuse)
    again = discover(tmp_path, stamps=stamps, stamped_at_ns=taken)
    assert [(f.id, f.fingerprint) for f in again.files] == [
        (f.id, f.fingerprint) for f in first.files
    ]


def test_a_refresh_follows_edited_added_and_vanished_items(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    path = corpus_dir / "courier.rss"
    path.write_bytes(rss(RSS_ITEMS))
    with Library.open(corpus_dir) as library:
        library.refresh(parallel=False)
        assert library.ids() == ["courier/museum-opens", "courier/seoul-doubts"]
        edited = dict(
            RSS_ITEMS[0], content=FULL + "<p>Correction: the museum opened on Tuesday.</p>"
        )
        added = {
            "title": "Analysts weigh Russia ties",
            "link": "https://courier.example/2026/01/28/ties",
            "description": STORY[3],
        }
        path.write_bytes(rss([edited, added]))  # seoul-doubts vanished
        report = library.refresh(parallel=False).report
        assert library.ids() == ["courier/museum-opens", "courier/ties"]
        assert (report.added, report.updated, report.removed) == (1, 1, 1)
        assert "Correction" in library.article("courier/museum-opens").body
        assert library.search("Tuesday").hits[0].id == "courier/museum-opens"
        # Nothing changed: nothing re-read.
        assert library.refresh(parallel=False).report.changed == 0


def test_a_feeds_items_have_the_feed_ids_prefix_and_never_collide_with_files(tmp_path):
    (tmp_path / "courier.rss").write_bytes(rss(RSS_ITEMS))
    sub = tmp_path / "courier"
    sub.mkdir()
    (sub / "museum-opens.txt").write_text("A text file\n\n" + " ".join(STORY) + "\n")
    articles, _ = read_all(tmp_path)
    assert len(articles) == 3
    assert all(isinstance(a, Article) for a in articles.values())


def test_items_left_out_of_a_huge_feed_are_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(feed_module, "MAX_ITEMS", 5)
    items = [
        {
            "title": f"Story {i}",
            "link": f"https://c.example/s/{i}-story",
            "description": STORY[i % 4],
        }
        for i in range(8)
    ]
    (tmp_path / "big.rss").write_bytes(rss(items))
    articles, _ = read_all(tmp_path)
    assert len(articles) == 5
    notes = [n for a in articles.values() if isinstance(a, Article) for n in a.notes]
    assert notes == ["the feed has 8 items: the first 5 are read"]


def test_reading_an_item_the_feed_no_longer_has_is_a_skip(tmp_path):
    path = tmp_path / "c.rss"
    path.write_bytes(rss(RSS_ITEMS))
    found = discover(tmp_path)
    source = found.files[0]
    gone = corpus.SourceFile(
        source.id,
        source.location,
        source.relpath,
        source.fingerprint,
        source.content_digest,
        source.format,
        "no-such-key",
    )
    result = read_article(gone, found.overrides)
    assert isinstance(result, SkippedFile)
    assert "no longer in the feed" in result.reason
