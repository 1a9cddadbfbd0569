"""Provenance records (written by `kimreader fetch`) read back: good, absent, malformed."""

import json
import os
from datetime import UTC, datetime

import pytest

from search_index.provenance import (
    MalformedProvenance,
    parse_provenance,
    provenance_path,
    read_provenance,
)

GOOD = {
    "requested_url": "http://example.org/a",
    "final_url": "https://example.org/a",
    "fetched_at": "2026-12-04T23:10:00Z",
    "status": 200,
    "content_type": "text/html; charset=utf-8",
    "sha256": "AB" * 32,
    "via_feed": "https://example.org/feed",  # extra keys are allowed
}


def write(tmp_path, record):
    page = tmp_path / "a.html"
    page.write_bytes(b"<html></html>")
    provenance_path(page).write_text(record if isinstance(record, str) else json.dumps(record))
    return page


def test_reads_a_record(tmp_path):
    got = read_provenance(write(tmp_path, GOOD))
    assert got is not None
    assert got.final_url == "https://example.org/a"
    assert got.requested_url == "http://example.org/a"
    assert got.fetched_at == datetime(2026, 12, 4, 23, 10, tzinfo=UTC)
    assert got.fetched_at_text == "2026-12-04T23:10:00Z"
    assert got.status == 200
    assert got.sha256 == "ab" * 32


def test_offset_times_are_converted_to_utc():
    got = parse_provenance(json.dumps({**GOOD, "fetched_at": "2026-12-05T01:10:00+02:00"}).encode())
    assert got.fetched_at_text == "2026-12-04T23:10:00Z"


def test_no_record_is_none(tmp_path):
    page = tmp_path / "b.html"
    page.write_text("x")
    assert read_provenance(page) is None


@pytest.mark.parametrize(
    "record",
    [
        "not json",
        "[1, 2]",
        json.dumps({**GOOD, "status": "200"}),
        json.dumps({**GOOD, "status": True}),
        json.dumps({k: v for k, v in GOOD.items() if k != "final_url"}),
        json.dumps({**GOOD, "sha256": "xyz"}),
        json.dumps({**GOOD, "fetched_at": "yesterday"}),
        "[" * 100_000,
        "\xff\xfe",
    ],
)
def test_malformed_records_say_why(tmp_path, record):
    with pytest.raises(MalformedProvenance) as caught:
        read_provenance(write(tmp_path, record))
    assert "provenance" in str(caught.value)


def test_an_oversized_record_is_not_read_whole(tmp_path):
    page = write(tmp_path, {**GOOD, "padding": "x" * 200_000})
    with pytest.raises(MalformedProvenance, match="larger than"):
        read_provenance(page)


def test_a_fifo_named_like_a_record_does_not_block(tmp_path):
    page = tmp_path / "c.html"
    page.write_text("x")
    os.mkfifo(provenance_path(page))
    with pytest.raises(MalformedProvenance):
        read_provenance(page)


def test_matches_checks_the_bytes():
    import hashlib

    data = b"<html>page</html>"
    digest = hashlib.sha256(data).hexdigest()
    record = parse_provenance(json.dumps({**GOOD, "sha256": digest}).encode())
    assert record.matches(data)
    assert not record.matches(data + b" ")
