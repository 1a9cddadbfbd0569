"""The fetch folder: which URLs it already holds, and saving a new capture with its provenance.

Each saved page ``X.html`` has a sibling ``X.html.provenance.json`` (the format the corpus reads
back: requested_url, final_url, fetched_at, status, content_type, sha256, and optional etag,
last_modified, via_feed, redirects, fetched_by). A page whose bytes equal the latest capture of
its URL is not saved again; a page that changed is saved next to the old one, its stem followed
by the fetch time (``X--20261204T231000Z.html``), so both captures stay as versions of one
article. Pages and records are written atomically (a temporary hidden file renamed into place),
page first: a crash leaves at worst a page without its record, never a record without its page.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from search_index import __version__
from search_index.files import write_atomically
from search_index.provenance import PROVENANCE_SUFFIX, provenance_path

from .names import extension_for, is_inside, stem_for_url, url_hash, version_stem

__all__ = ["PROVENANCE_SUFFIX", "Capture", "CaptureStore", "Saved", "iso_utc"]

_VERSION_SUFFIX = re.compile(r"--\d{8}T\d{6}Z(?:-\d+)?$")
# A provenance record is a few hundred bytes; anything far larger is not one of ours.
_MAX_RECORD_BYTES = 1024 * 1024


def iso_utc(moment: datetime) -> str:
    """``2026-12-04T23:10:00.123Z``: the fetch time as the provenance record spells it (UTC, ISO
    8601). Milliseconds, because a page fetched twice in one second (a script, a test) must
    still have a first and a second capture."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _moment(text: str) -> datetime:
    """A record's fetch time for ordering (an unreadable one sorts first)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Capture:
    """One saved page of the folder, as its provenance record describes it."""

    path: Path
    requested_url: str
    final_url: str
    fetched_at: str
    sha256: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Saved:
    """What became of a fetched page: saved as a new file, or the same as the latest capture."""

    outcome: Literal["saved", "unchanged"]
    path: Path
    version: int  # 1 for a URL's first capture, 2 for the next that differed, ...


class CaptureStore:
    """The captures in one folder (its top level only: fetch saves nothing deeper), read once
    when the run starts and kept up to date as pages are saved. Safe to share between threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._by_url: dict[str, list[Capture]] = {}
        self._taken: set[str] = set()
        self._scan()

    def latest(self, *urls: str) -> Capture | None:
        """The newest capture of the first of ``urls`` the folder holds."""
        with self._lock:
            return self._latest(urls)

    def save(
        self,
        *,
        requested_url: str,
        final_url: str,
        status: int,
        content_type: str,
        body: bytes,
        fetched_at: datetime,
        extra: dict[str, Any] | None = None,
    ) -> Saved:
        """Save ``body`` unless it equals the latest capture of the URL; raises OSError."""
        digest = hashlib.sha256(body).hexdigest()
        with self._lock:
            family = self._family(requested_url, final_url)
            if family and family[-1].sha256 == digest:
                return Saved("unchanged", family[-1].path, len(family))
            path = self._new_path(final_url, content_type, fetched_at, family)
            self._taken.add(path.name.casefold())
        record: dict[str, Any] = {
            "requested_url": requested_url,
            "final_url": final_url,
            "fetched_at": iso_utc(fetched_at),
            "status": status,
            "content_type": content_type,
            "sha256": digest,
            **(extra or {}),
            "fetched_by": f"kimreader {__version__}",
        }
        write_atomically(path, body)
        write_atomically(provenance_path(path), json.dumps(record, indent=2) + "\n")
        capture = Capture(
            path,
            requested_url,
            final_url,
            record["fetched_at"],
            digest,
            record.get("etag"),
            record.get("last_modified"),
        )
        with self._lock:
            self._remember(capture)
            return Saved("saved", path, len(self._family(requested_url, final_url)))

    def _family(self, *urls: str) -> list[Capture]:
        """Every capture of the page one of ``urls`` names, oldest first: a page is every URL
        it was asked for or redirected to, so ``http://x`` -> ``https://x`` and a later
        ``https://x`` are one page."""
        for url in urls:
            if url in self._by_url:
                return self._by_url[url]
        return []

    def _latest(self, urls: tuple[str, ...]) -> Capture | None:
        family = self._family(*urls)
        return family[-1] if family else None

    def _new_path(
        self, url: str, content_type: str, fetched_at: datetime, family: list[Capture]
    ) -> Path:
        candidates: Iterator[str]
        if family:
            first = family[0].path
            stem = _VERSION_SUFFIX.sub("", first.name[: -len(first.suffix) or None])
            ext = first.suffix or extension_for(content_type)
            candidates = (version_stem(stem, fetched_at, n) for n in range(1, 1000))
        else:
            stem, ext = stem_for_url(url), extension_for(content_type)
            # Another URL made the same name (case, characters that had to be replaced): the
            # URL's hash tells them apart, then the fetch time.
            candidates = iter(
                [
                    stem,
                    f"{stem}-{url_hash(url)}",
                    *(version_stem(stem, fetched_at, n) for n in range(1, 1000)),
                ]
            )
        for candidate in candidates:
            path = self.folder / f"{candidate}{ext}"
            if not self._is_taken(path):
                if not is_inside(path, self.folder):
                    raise OSError(f"refusing to write outside {self.folder}: {path.name}")
                return path
        raise OSError(f"no free file name for {url} in {self.folder}")

    def _is_taken(self, path: Path) -> bool:
        names = (path.name, provenance_path(path).name)
        if any(name.casefold() in self._taken for name in names):
            return True
        return any(os.path.lexists(self.folder / name) for name in names)

    def _remember(self, capture: Capture) -> None:
        # The URLs' families merge into one list, shared by every URL of the page.
        urls = {capture.requested_url, capture.final_url}
        family: list[Capture] = []
        for url in urls:
            for known in self._by_url.get(url, []):
                if known not in family:
                    family.append(known)
        family.append(capture)
        # By time only: the sort is stable, so a capture saved now stays after an older one
        # recorded in the same millisecond.
        family.sort(key=lambda c: _moment(c.fetched_at))
        for member in family:
            for url in (member.requested_url, member.final_url):
                self._by_url[url] = family

    def _scan(self) -> None:
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return
        for entry in entries:
            self._taken.add(entry.name.casefold())
        for entry in entries:
            if entry.name.endswith(PROVENANCE_SUFFIX) and entry.is_file():
                capture = _read_record(Path(entry.path))
                if capture is not None and capture.path.name.casefold() in self._taken:
                    self._remember(capture)


def _read_record(record: Path) -> Capture | None:
    """The capture a provenance record describes; None for anything unreadable (a record that
    is not ours is ignored, never fatal). Read here rather than with
    ``provenance.read_provenance`` because fetch also needs the optional etag and
    last_modified, which the corpus has no use for."""
    try:
        if record.stat().st_size > _MAX_RECORD_BYTES:
            return None
        data = json.loads(record.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    fields = ("requested_url", "final_url", "fetched_at", "sha256")
    if not all(isinstance(data.get(key), str) for key in fields):
        return None
    etag, modified = data.get("etag"), data.get("last_modified")
    return Capture(
        record.with_name(record.name[: -len(PROVENANCE_SUFFIX)]),
        data["requested_url"],
        data["final_url"],
        data["fetched_at"],
        data["sha256"],
        etag if isinstance(etag, str) else None,
        modified if isinstance(modified, str) else None,
    )
