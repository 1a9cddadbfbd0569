"""Captures of one URL grouped as versions of one article (search_index/versions.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from search_index.versions import (
    Capture,
    group_versions,
    page_key,
    parse_fetched_at,
    versions_by_first,
)

T0 = datetime(2026, 12, 4, 23, 10, tzinfo=UTC)


def cap(article_id, requested, final=None, minutes=0):
    return Capture(article_id, requested, final or requested, T0 + timedelta(minutes=minutes))


def test_captures_of_one_url_are_numbered_by_fetch_time():
    versions = group_versions(
        [
            cap("story--b", "https://x.example/story", minutes=20),
            cap("story", "https://x.example/story", minutes=0),
            cap("story--a", "https://x.example/story", minutes=10),
            cap("other", "https://y.example/other"),
        ]
    )
    assert "other" not in versions  # captured once: no history
    assert [
        (i, versions[i].number, versions[i].count) for i in ("story", "story--a", "story--b")
    ] == [
        ("story", 1, 3),
        ("story--a", 2, 3),
        ("story--b", 3, 3),
    ]
    assert versions["story--b"].first_id == "story"
    assert versions["story--b"].previous_id == "story--a"
    assert versions["story--a"].label == "v2 of story"
    assert versions["story"].label == "v1 (3 versions)"


def test_a_redirect_joins_the_urls_of_one_page():
    versions = group_versions(
        [
            cap("a", "http://x.example/s", "https://x.example/s", minutes=0),
            cap("b", "https://x.example/s", minutes=5),
            cap("c", "https://X.EXAMPLE/s#top", minutes=9),
            cap("d", "https://x.example/S", minutes=9),  # paths are case-sensitive
        ]
    )
    assert {k: v.number for k, v in versions.items()} == {"a": 1, "b": 2, "c": 3}


def test_chains_of_urls_join_transitively():
    versions = group_versions(
        [
            cap("one", "https://short.example/1", "https://news.example/story", minutes=0),
            cap("two", "https://news.example/story", minutes=1),
            cap("three", "https://amp.example/story", "https://news.example/story", minutes=2),
        ]
    )
    assert sorted(versions) == ["one", "three", "two"]
    assert {v.first_id for v in versions.values()} == {"one"}


def test_equal_times_fall_back_to_the_id():
    versions = group_versions([cap("b", "https://x.example/"), cap("a", "https://x.example/")])
    assert versions["a"].number == 1 and versions["b"].number == 2


def test_grouped_by_page():
    versions = group_versions(
        [cap(f"p{i}", "https://x.example/p", minutes=i) for i in range(3)]
        + [cap(f"q{i}", "https://x.example/q", minutes=i) for i in range(2)]
    )
    pages = versions_by_first(versions)
    assert {k: [v.article_id for v in vs] for k, vs in pages.items()} == {
        "p0": ["p0", "p1", "p2"],
        "q0": ["q0", "q1"],
    }


def test_fetch_times_and_keys():
    assert parse_fetched_at("2026-12-04T23:10:00Z") == T0
    assert parse_fetched_at("2026-12-05T00:10:00+01:00") == T0
    assert parse_fetched_at("2026-12-04T23:10:00") == T0
    assert parse_fetched_at("yesterday") is None
    assert parse_fetched_at("2026-12-05T08:10:00+09:00").tzinfo == timezone(timedelta(hours=9))
    assert page_key("HTTPS://Example.COM#x") == "https://example.com/"
