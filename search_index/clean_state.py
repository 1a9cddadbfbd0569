"""The corpus as it was when the index last matched it: a refresh that finds the folder just so
answers at once, without reading the stamps, hashing fingerprints or asking the index.

A read-only command (`kimreader search`, `show`, `list`) refreshes first, so that it never
answers from an index older than the files. On a 10,000-article corpus that nothing touched,
the full check (the stamps file parsed into objects, a fingerprint hashed and an id made per
file, the index's fingerprints compared) was most of what `search` took. Here the same
question is asked of what the file system says alone: the same files, each with the same size,
times and inode as when the index was last brought up to date, the same sidecar, the same
analysis version and the same index. Anything else, and the full refresh runs as before.

The snapshot is taken *before* a refresh reads the files and saved only after that refresh
wrote everything and its stamps agree with it, so a file changed while a refresh ran is read
again next time; a file modified within RACY_NS of the snapshot is never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import cast

from .corpus import RACY_NS, FileStamp
from .corpus_files import Listing, Stat, stat_of, walk_listing
from .files import write_atomically
from .models import SkippedFile
from .sidecar import SIDECAR_NAME

__all__ = [
    "CleanState",
    "Seen",
    "Snapshot",
    "agrees",
    "files_digest",
    "load_clean",
    "matches",
    "save_clean",
    "snapshot",
]

CLEAN_NAME = "kimreader-clean.json"
# 2: the files as one digest, not listed one by one (a state of format 1 means one full check).
_FORMAT = 2


@dataclass(frozen=True, slots=True)
class Seen:
    """What a snapshot says of the folder, in the form it is saved and compared in: every
    file's path and stat as one digest. At 10,000 files, reading the saved list back and
    comparing it with the folder's took 7 ms of a 0.25 s search; the digest takes 2."""

    taken_ns: int
    files: str | None
    """``files_digest`` of the files; None when one vanished during the walk (then the snapshot
    vouches for nothing)."""
    problems: tuple[tuple[str, str], ...]
    sidecar: Stat | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the folder held, by the file system's word alone."""

    taken_ns: int
    listing: Listing
    """Every article file the walk yields, by its path relative to the corpus folder, with its
    stat (None: gone since the walk); what the walk could not follow (broken links, loops). The
    refresh's discovery reads the same listing rather than walking the folder again."""
    sidecar: Stat | None

    @property
    def files(self) -> dict[str, Stat | None]:
        return self.listing.files

    @property
    def problems(self) -> tuple[tuple[str, str], ...]:
        return self.listing.problems

    def seen(self) -> Seen:
        return Seen(self.taken_ns, files_digest(self.files), self.problems, self.sidecar)


@dataclass(frozen=True, slots=True)
class CleanState:
    """What the folder was when the index was brought up to date with it, and what that
    refresh reported."""

    seen: Seen
    analysis_version: str
    index_version: str
    articles: int
    skipped: tuple[SkippedFile, ...]
    warnings: tuple[str, ...]


def snapshot(root: Path) -> Snapshot:
    """Walk the corpus as discovery does (corpus_files.walk) and stat every article file."""
    taken_ns = time.time_ns()
    listing = walk_listing(root, with_stats=True)
    return Snapshot(taken_ns, listing, stat_of(os.path.join(listing.root, SIDECAR_NAME)))


def files_digest(files: Mapping[str, Stat | None]) -> str | None:
    """One digest of every path and stat, in the walk's order (which is by name); None when a
    stat is missing. Equal digests are equal listings: the paths are joined with NUL, which no
    path holds, and their count fixes where the stats begin."""
    found = list(files.values())
    if None in found:
        return None
    stats = cast("list[Stat]", found)
    digest = hashlib.blake2b(digest_size=20)
    digest.update(len(stats).to_bytes(8, "little"))
    digest.update("\0".join(files).encode("utf-8", "surrogateescape"))
    try:
        digest.update(array("q", chain.from_iterable(stats)).tobytes())
    except OverflowError:  # an inode or time beyond 64 bits: slower, as exact
        digest.update(repr(stats).encode("ascii"))
    return digest.hexdigest()


def matches(now: Snapshot, clean: Seen) -> bool:
    """Whether the folder is as it was: the same files with the same stats, none of them
    modified so close to the clean snapshot that an unchanged stat proves nothing."""
    if clean.files is None or now.problems != clean.problems or now.sidecar != clean.sidecar:
        return False
    recent = clean.taken_ns - RACY_NS
    # Read off the files now: when they are not the clean ones, the digests differ below.
    if not all(stat is not None and stat[1] < recent for stat in now.files.values()):
        return False
    if clean.sidecar is not None and clean.sidecar[1] >= recent:
        return False
    return files_digest(now.files) == clean.files


def agrees(taken: Snapshot, stamps: Mapping[str, FileStamp]) -> bool:
    """Whether what a refresh read (its stamps) is what the snapshot taken before it saw: a
    file changed in between must be read again next time."""
    return all(
        (stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode) == taken.files.get(rel)
        for rel, stamp in stamps.items()
    )


def load_clean(folder: Path | None) -> CleanState | None:
    """The saved clean state, or None when missing, damaged or of another format."""
    if folder is None:
        return None
    try:
        data = json.loads((folder / CLEAN_NAME).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or not isinstance(data["files"], str):
            return None
        sidecar = data["sidecar"]
        seen = Seen(
            int(data["taken_ns"]),
            data["files"],
            tuple((str(p), str(w)) for p, w in data["problems"]),
            None if sidecar is None else _stat(sidecar),
        )
        return CleanState(
            seen,
            str(data["analysis_version"]),
            str(data["index_version"]),
            int(data["articles"]),
            tuple(SkippedFile(str(p), str(r)) for p, r in data["skipped"]),
            tuple(str(w) for w in data["warnings"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None


def _stat(values: list[object]) -> Stat:
    size, mtime, ctime, inode = (int(v) for v in values)  # type: ignore[call-overload]
    return (size, mtime, ctime, inode)


def save_clean(folder: Path | None, state: CleanState) -> None:
    """Save atomically; a state that cannot be written only means the full check next time."""
    seen = state.seen
    if folder is None or seen.files is None:  # a file gone since the walk: vouch for nothing
        return
    data = {
        "format": _FORMAT,
        "taken_ns": seen.taken_ns,
        "files": seen.files,
        "problems": [list(p) for p in seen.problems],
        "sidecar": None if seen.sidecar is None else list(seen.sidecar),
        "analysis_version": state.analysis_version,
        "index_version": state.index_version,
        "articles": state.articles,
        "skipped": [[s.path, s.reason] for s in state.skipped],
        "warnings": list(state.warnings),
    }
    with contextlib.suppress(OSError):
        write_atomically(folder / CLEAN_NAME, json.dumps(data))
