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
import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .corpus import RACY_NS, FileStamp
from .corpus_files import Listing, Stat, stat_of, walk_listing
from .files import write_atomically
from .models import SkippedFile
from .sidecar import SIDECAR_NAME

__all__ = ["CleanState", "Snapshot", "agrees", "load_clean", "matches", "save_clean", "snapshot"]

CLEAN_NAME = "kimreader-clean.json"
_FORMAT = 1


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


@dataclass(frozen=True, slots=True)
class CleanState:
    """A snapshot the index was brought up to date with, and what that refresh reported."""

    snapshot: Snapshot
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


def matches(now: Snapshot, clean: Snapshot) -> bool:
    """Whether the folder is as it was: the same files with the same stats, none of them
    modified so close to the clean snapshot that an unchanged stat proves nothing."""
    if now.files != clean.files or now.problems != clean.problems or now.sidecar != clean.sidecar:
        return False
    recent = clean.taken_ns - RACY_NS
    return all(stat is not None and stat[1] < recent for stat in clean.files.values()) and (
        clean.sidecar is None or clean.sidecar[1] < recent
    )


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
        if data.get("format") != _FORMAT:
            return None
        files = _files(data["files"])
        if files is None:
            return None
        sidecar = data["sidecar"]
        problems = tuple((str(p), str(w)) for p, w in data["problems"])
        taken = Snapshot(
            int(data["taken_ns"]),
            Listing("", dict(files), problems, stated=True),
            None if sidecar is None else _stat(sidecar),
        )
        return CleanState(
            taken,
            str(data["analysis_version"]),
            str(data["index_version"]),
            int(data["articles"]),
            tuple(SkippedFile(str(p), str(r)) for p, r in data["skipped"]),
            tuple(str(w) for w in data["warnings"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None


def _files(flat: list[object]) -> dict[str, Stat] | None:
    """The saved files (name, size, mtime, ctime, inode, name, ...) by name; None when the list
    is not made of exactly that. Checked and zipped a column at a time: at 10,000 files, a
    loop building each stat took as long as parsing the JSON."""
    names, sizes, mtimes, ctimes, inodes = (flat[i::5] for i in range(5))
    if len(flat) % 5 or not {*map(type, names)} <= {str}:
        return None
    if not {*map(type, sizes), *map(type, mtimes), *map(type, ctimes), *map(type, inodes)} <= {int}:
        return None
    stats = zip(sizes, mtimes, ctimes, inodes, strict=True)
    return cast("dict[str, Stat]", dict(zip(names, stats, strict=True)))


def _stat(values: list[object]) -> Stat:
    size, mtime, ctime, inode = (int(v) for v in values)  # type: ignore[call-overload]
    return (size, mtime, ctime, inode)


def save_clean(folder: Path | None, state: CleanState) -> None:
    """Save atomically; a state that cannot be written only means the full check next time."""
    if folder is None:
        return
    taken = state.snapshot
    flat: list[object] = []
    for rel, stat in taken.files.items():
        if stat is None:  # gone since the walk: nothing to vouch for, the full check next time
            return
        flat += [rel, *stat]
    data = {
        "format": _FORMAT,
        "taken_ns": taken.taken_ns,
        "files": flat,
        "problems": [list(p) for p in taken.problems],
        "sidecar": None if taken.sidecar is None else list(taken.sidecar),
        "analysis_version": state.analysis_version,
        "index_version": state.index_version,
        "articles": state.articles,
        "skipped": [[s.path, s.reason] for s in state.skipped],
        "warnings": list(state.warnings),
    }
    with contextlib.suppress(OSError):
        write_atomically(folder / CLEAN_NAME, json.dumps(data))
