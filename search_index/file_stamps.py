"""The corpus files' stamps (size, mtime, ctime, inode, content hash) kept beside the index between
runs, so that a refresh reads only the files that changed."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .corpus import FileStamp
from .files import write_atomically

STAMPS_NAME = "kimreader-files.json"
_FORMAT = 3  # 2: with the change time; 3: with the kind of file and a feed's items


def load_stamps(folder: Path | None) -> tuple[dict[str, FileStamp], int]:
    """The stamps saved in ``folder`` and when they were taken; none when missing or damaged
    (every file is then read and hashed, as on a first run)."""
    if folder is None:
        return {}, 0
    try:
        data = json.loads((folder / STAMPS_NAME).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return {}, 0
        files = {
            str(rel): FileStamp(
                int(size),
                int(mtime),
                int(ctime),
                int(inode),
                str(digest),
                str(kind),
                tuple((str(slug), str(key), str(item)) for slug, key, item in items),
            )
            for rel, (size, mtime, ctime, inode, digest, kind, items) in data["files"].items()
        }
        return files, int(data["taken_ns"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}, 0


def save_stamps(folder: Path | None, stamps: dict[str, FileStamp], taken_ns: int) -> None:
    """Save atomically; a cache that cannot be written is simply not used next time."""
    if folder is None:
        return
    data = {
        "format": _FORMAT,
        "taken_ns": taken_ns,
        "files": {
            rel: [
                s.size,
                s.mtime_ns,
                s.ctime_ns,
                s.inode,
                s.content_digest,
                s.kind,
                [list(item) for item in s.items],
            ]
            for rel, s in stamps.items()
        },
    }
    with contextlib.suppress(OSError):  # the folder itself may be gone
        write_atomically(folder / STAMPS_NAME, json.dumps(data))
