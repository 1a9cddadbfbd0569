"""File names from URLs (search_index/fetch/names.py), and the URL rules fetch applies before
any request (normalize_url, check_url, Retry-After)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from search_index.fetch.http import check_url, normalize_url, retry_after_seconds
from search_index.fetch.names import (
    MAX_STEM,
    extension_for,
    stem_for_url,
    version_stem,
)

SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{d}{i}" for d in ("com", "lpt") for i in range(10)
}


def test_readable_names_from_ordinary_urls():
    assert (
        stem_for_url("https://www.example.com/news/2026/12/story-title.html")
        == "www.example.com_news_2026_12_story-title"
    )
    assert stem_for_url("https://example.com/world/asia/korea-museum") == (
        "example.com_world_asia_korea-museum"
    )
    assert stem_for_url("https://example.com/") == "example.com"
    assert stem_for_url("http://example.com:8080/a") == "example.com-8080_a"


def test_what_a_name_cannot_keep_is_replaced_by_a_hash():
    a = stem_for_url("https://example.com/story?id=1")
    b = stem_for_url("https://example.com/story?id=2")
    assert a != b and a.startswith("example.com_story-") and b.startswith("example.com_story-")
    # Two paths that clean to the same characters still get different names.
    assert stem_for_url("https://example.com/a b") != stem_for_url("https://example.com/a:b")


def test_hostile_paths_stay_a_single_safe_name():
    for url in [
        "http://example.com/../../etc/passwd",
        "http://example.com/..%2F..%2Fetc%2Fpasswd",
        "http://example.com/%2e%2e/%2e%2e/x",
        "http://example.com/a\\..\\..\\windows\\system32",
        "http://example.com/%00",
        "http://example.com/.bashrc",
        "http://example.com/-rf",
        "http://example.com/" + "x" * 5000,
        "http://example.com/" + "é" * 300,
    ]:
        stem = stem_for_url(url)
        assert SAFE.match(stem), (url, stem)
        assert "/" not in stem and "\\" not in stem and ".." not in stem
        assert len(stem) <= MAX_STEM


def test_windows_device_names_are_never_a_name():
    assert stem_for_url("http://nul/") == "_nul"
    assert stem_for_url("http://con./") == "_con"
    assert stem_for_url("http://aux.example/").split(".")[0] == "_aux"


@given(st.text(max_size=300))
def test_any_url_text_gives_a_safe_bounded_name(path):
    stem = stem_for_url(f"http://example.com/{path}")
    assert SAFE.match(stem)
    assert len(stem) <= MAX_STEM
    assert stem.split(".", 1)[0].lower() not in WINDOWS_RESERVED


def test_later_captures_carry_their_fetch_time():
    when = datetime(2026, 12, 4, 23, 10, 0, tzinfo=UTC)
    assert version_stem("example.com_story", when) == "example.com_story--20261204T231000Z"
    assert version_stem("example.com_story", when, 2) == "example.com_story--20261204T231000Z-2"
    assert len(version_stem("x" * MAX_STEM, when, 99)) <= MAX_STEM


def test_extensions_follow_the_content_type():
    assert extension_for("text/html; charset=utf-8") == ".html"
    assert extension_for("application/xhtml+xml") == ".xhtml"
    assert extension_for("text/plain") == ".txt"
    assert extension_for("TEXT/MARKDOWN") == ".md"
    assert extension_for(None) == ".html"


def test_normalize_url():
    assert normalize_url("  https://Example.COM/a#frag ") == "https://example.com/a"
    assert normalize_url("https://example.com") == "https://example.com/"
    assert normalize_url("https://bücher.example/über") == (
        "https://xn--bcher-kva.example/%C3%BCber"
    )
    assert normalize_url("https://example.com/a%20b") == "https://example.com/a%20b"
    assert normalize_url("https://example.com/a b?q=x y") == "https://example.com/a%20b?q=x%20y"


def test_check_url():
    assert check_url("https://example.com/x") is None
    assert "only http and https" in (check_url("file:///etc/passwd") or "")
    assert "only http and https" in (check_url("javascript:alert(1)") or "")
    assert "no host" in (check_url("http:///x") or "")
    assert "not a valid URL" in (check_url("http://example.com:99999/") or "")


def test_retry_after_in_seconds_or_as_a_date():
    now = datetime(2026, 12, 4, 23, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Fri, 04 Dec 2026 23:11:00 GMT", now) == 60.0
    assert retry_after_seconds("Fri, 04 Dec 2026 23:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
