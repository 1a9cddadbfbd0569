"""Provenance records: where a saved page came from, read back as the article's source.

``kimreader fetch`` saves a page ``X.html`` with a sibling ``X.html.provenance.json``:

    {"requested_url": "...", "final_url": "...", "fetched_at": "2026-12-04T23:10:00Z",
     "status": 200, "content_type": "text/html; charset=utf-8", "sha256": "<hex of the bytes>"}

(other keys may follow and are ignored here). A record that cannot be read or does not hold
these keys is reported and ignored; it is never indexed as an article.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "PROVENANCE_SUFFIX",
    "MalformedProvenance",
    "Provenance",
    "parse_provenance",
    "provenance_path",
    "read_provenance",
]

PROVENANCE_SUFFIX = ".provenance.json"
# A record is a few hundred bytes: anything much larger is not one, and is not read whole.
MAX_RECORD_BYTES = 64 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


class MalformedProvenance(ValueError):
    """A provenance file is present but unusable; the message says why."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """What one fetch of a page recorded."""

    requested_url: str
    final_url: str
    fetched_at: datetime
    """When the page was fetched, in UTC (timezone-aware)."""
    status: int
    content_type: str
    sha256: str
    """Lower-case hex SHA-256 of the bytes that were saved."""

    @property
    def fetched_at_text(self) -> str:
        """``2026-12-04T23:10:00Z``: the time as records spell it."""
        return self.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def matches(self, data: bytes) -> bool:
        """Whether ``data`` are the bytes that were fetched (the page was not edited since)."""
        return hashlib.sha256(data).hexdigest() == self.sha256


def provenance_path(page: Path) -> Path:
    """Where the record of ``page`` lives: ``X.html`` -> ``X.html.provenance.json``."""
    return page.with_name(page.name + PROVENANCE_SUFFIX)


def read_provenance(path: Path) -> Provenance | None:
    """The record beside the saved page ``path``; None when there is none.

    Raises MalformedProvenance when a record exists but cannot be used (unreadable, not
    JSON, a key missing or of the wrong type, too large)."""
    record = provenance_path(path)
    try:
        fd = os.open(record, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise MalformedProvenance(f"cannot read {record.name}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        # Only a regular file is read: a FIFO named like a record must not block the scan.
        if not os.path.isfile(record):
            raise MalformedProvenance(f"{record.name} is not a regular file")
        data = handle.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        raise MalformedProvenance(f"{record.name} is larger than {MAX_RECORD_BYTES // 1024} KiB")
    return parse_provenance(data, record.name)


def parse_provenance(data: bytes, name: str = "provenance record") -> Provenance:
    """A record's bytes as a Provenance; raises MalformedProvenance saying what is wrong."""
    try:
        fields = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise MalformedProvenance(f"{name} is not valid JSON") from None
    if not isinstance(fields, dict):
        raise MalformedProvenance(f"{name} is not a JSON object")
    texts = {}
    for key in ("requested_url", "final_url", "fetched_at", "content_type", "sha256"):
        value = fields.get(key)
        if not isinstance(value, str):
            raise MalformedProvenance(f"{name}: {key!r} is missing or not a string")
        texts[key] = value
    status = fields.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 999:
        raise MalformedProvenance(f"{name}: 'status' is missing or not an HTTP status")
    digest = texts["sha256"].strip().lower()
    if not _SHA256.fullmatch(digest):
        raise MalformedProvenance(f"{name}: 'sha256' is not a SHA-256 in hex")
    try:
        fetched = datetime.fromisoformat(texts["fetched_at"].strip().replace("Z", "+00:00"))
    except ValueError:
        raise MalformedProvenance(f"{name}: 'fetched_at' is not an ISO 8601 time") from None
    if fetched.tzinfo is None:  # a time without a zone is taken as UTC, as records are written
        fetched = fetched.replace(tzinfo=UTC)
    return Provenance(
        requested_url=texts["requested_url"],
        final_url=texts["final_url"],
        fetched_at=fetched.astimezone(UTC),
        status=status,
        content_type=texts["content_type"],
        sha256=digest,
    )
