"""Walking a corpus folder and reading one file's bytes, safely: links followed only inside the
folder and never around a loop, FIFOs and devices never opened for a blocking read, a size cap
checked on the opened file, binary files told apart from text.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .formats import kinds
from .formats.encoding import BOMS
from .paths import inside
from .provenance import PROVENANCE_SUFFIX
from .sidecar import SIDECAR_NAME

_SNIFF_BYTES = 8192


Stat = tuple[int, int, int, int]
"""size, mtime_ns, ctime_ns, inode of a regular file."""


def stat_of(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def read_bytes(path: Path, root: Path, cap: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or why not. What is checked is the file that was opened (fstat of its
    descriptor), not the name: a file swapped for a FIFO or a device after a stat would block
    the read for ever, and one swapped for a link may point out of the corpus."""
    if path.is_symlink() and not inside(path, root):
        return None, LINK_OUTSIDE
    try:
        # O_NONBLOCK: opening a FIFO for reading waits for a writer; with it, open returns at
        # once and fstat says what it is. (It changes nothing for regular files.)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None, "file disappeared or is a broken link"
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return None, "not a regular file"
    with os.fdopen(fd, "rb") as handle:
        if st.st_size == 0:
            return b"", "empty file"
        if st.st_size > cap:
            limit = cap // (1024 * 1024)
            return b"", f"larger than {limit} MiB ({st.st_size / 1048576:.1f} MiB)"
        try:
            data = handle.read(cap + 1)
        except OSError as exc:
            return None, f"cannot read: {exc.strerror or exc}"
    if not data.strip():
        return data, "empty file"
    if looks_binary(data):
        return data, "binary file, not text"
    return data, None


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls * 10 > len(head)


# Links are followed only within the corpus: one to /etc/passwd or to a private notes folder
# must not make it searchable, and one to / must not walk the whole disk.
LINK_OUTSIDE = "link points outside the corpus folder (not followed)"


def walk(root: Path) -> Iterator[tuple[str, str | None]]:
    """Article files below root (as path strings), following links inside root but never
    around a loop; hidden names skipped."""
    seen: set[tuple[int, int]] = set()
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield folder, f"cannot open folder: {exc.strerror or exc}"
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield folder, "link loops back to a folder already read"
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot list folder: {exc.strerror or exc}"
            continue
        subfolders: list[str] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            link = entry.is_symlink()
            if is_dir:
                if name.endswith("_files") and _saved_page_folder(folder, name):
                    continue
                if link and not inside(Path(entry.path), root):
                    yield entry.path, LINK_OUTSIDE
                else:
                    subfolders.append(entry.path)
                continue
            if kinds.suffix_of(name) not in kinds.SUFFIXES or name == SIDECAR_NAME:
                continue
            if name.endswith(PROVENANCE_SUFFIX):  # a saved page's record, read with the page
                continue
            if link and not os.path.exists(entry.path):
                yield entry.path, "broken link"
                continue
            if link and not inside(Path(entry.path), root):
                yield entry.path, LINK_OUTSIDE
                continue
            yield entry.path, None
        stack.extend(reversed(subfolders))


@dataclass(frozen=True, slots=True)
class Listing:
    """One walk of a corpus folder: its article files by path relative to the folder ("/"
    between folders), in the order walked, and what the walk could not follow."""

    root: str
    files: dict[str, Stat | None]
    """Each file's stat when the listing took them (``stated``: None for a file gone since the
    walk), else None for every file."""
    problems: tuple[tuple[str, str], ...]
    stated: bool

    def path_of(self, rel: str) -> str:
        return os.path.join(self.root, rel if os.sep == "/" else rel.replace("/", os.sep))


def walk_listing(root: Path, *, with_stats: bool) -> Listing:
    """``walk`` as a Listing, each file stat'ed too when ``with_stats``."""
    root_text = str(root)
    prefix = len(root_text if root_text.endswith(os.sep) else root_text + os.sep)
    files: dict[str, Stat | None] = {}
    problems: list[tuple[str, str]] = []
    for name, problem in walk(root):
        rel = name[prefix:] if os.sep == "/" else name[prefix:].replace(os.sep, "/")
        if problem is not None:
            problems.append((rel, problem))
        else:
            files[rel] = stat_of(name) if with_stats else None
    return Listing(root_text, files, tuple(problems), with_stats)


def _saved_page_folder(folder: str, name: str) -> bool:
    """Whether ``name`` is the resources folder a browser's "Save page as" wrote beside a page
    (``Story.html`` + ``Story_files/``): its scripts, frames and ads are not articles."""
    stem = os.path.join(folder, name[: -len("_files")])
    return any(os.path.isfile(stem + ext) for ext in (".html", ".htm", ".xhtml"))
