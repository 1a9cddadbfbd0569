"""Finding article files in a corpus folder and reading them into Articles.

Reading never writes anything into the corpus folder, and one bad file never stops the rest:
each is returned as a SkippedFile with a reason a person can act on.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .ids import assign_ids
from .models import Article, SkippedFile
from .paths import inside
from .sidecar import SIDECAR_NAME, Overrides, load_sidecar, split_front_matter
from .text import clean_label, replace_surrogates, strip_controls

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# Bump when reading or metadata inference changes, so stored articles are read again.
READER_VERSION = "3"

_SNIFF_BYTES = 8192
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, unreadable)."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An article file found in the corpus, not yet parsed."""

    id: str
    location: str
    """The file's full path as a string: a Path is made only for a file that is read."""
    relpath: str
    fingerprint: str
    """Changes whenever the file's bytes, its metadata overrides or the reader change."""
    content_digest: str = ""
    """SHA-256 of the bytes the fingerprint was taken from: reading checks the file still has
    them, so an article is never stored under the fingerprint of other bytes."""

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class Discovery:
    root: Path
    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]
    warnings: tuple[str, ...]
    overrides: dict[str, Overrides]
    stamps: dict[str, FileStamp] = field(default_factory=dict)
    """What each article file looked like (by relative path), for the next ``discover``."""

    def by_id(self) -> dict[str, SourceFile]:
        return {f.id: f for f in self.files}


def check_corpus_dir(corpus_dir: Path) -> Path:
    path = corpus_dir.expanduser()
    if not path.exists():
        raise CorpusError(f"corpus folder not found: {path}")
    if not path.is_dir():
        raise CorpusError(f"corpus is not a folder: {path}")
    if not os.access(path, os.R_OK | os.X_OK):
        raise CorpusError(f"corpus folder is not readable: {path}")
    return path.resolve()


@dataclass(frozen=True, slots=True)
class FileStamp:
    """A file's size, modification and change times and inode when its bytes had this SHA-256.

    The change time is there because the modification time can be set back (``touch -d``, tools
    that preserve it, a restore): an edit of the same size would then never be read again. The
    change time cannot be set by a user, and every write or ``utime`` moves it on.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    content_digest: str


# A stamp is trusted only for a file last modified this long before the scan that took it: a
# write within the file system's timestamp granularity of that scan may not change the mtime.
RACY_NS = 2_000_000_000


def discover(
    corpus_dir: Path,
    analysis_version: str = "",
    *,
    stamps: Mapping[str, FileStamp] | None = None,
    stamped_at_ns: int = 0,
) -> Discovery:
    """List the corpus's article files with their fingerprints; report the ones to skip.

    ``analysis_version`` names what is computed from each article at index time, so that a
    new extractor re-reads every file. ``stamps`` (a previous discovery's, taken when the
    clock read ``stamped_at_ns``) spare reading and hashing the files whose size, mtime and
    inode are unchanged: that is what made refreshing a 10,000-article corpus take a second.
    """
    root = check_corpus_dir(corpus_dir)
    overrides, warnings = load_sidecar(root)
    skipped: list[SkippedFile] = []
    found: list[tuple[str, str, str, str]] = []
    new_stamps: dict[str, FileStamp] = {}
    known = stamps or {}
    version = f"{READER_VERSION}|{analysis_version}"
    # Paths stay strings (a Path is made only for a file read): at 10,000 files, three Path
    # objects per file were most of what a refresh that reads nothing cost.
    root_text = str(root)
    prefix = len(root_text if root_text.endswith(os.sep) else root_text + os.sep)
    for name, problem in _walk(root):
        rel = name[prefix:] if os.sep == "/" else name[prefix:].replace(os.sep, "/")
        if problem is not None:
            skipped.append(SkippedFile(_shown_path(rel), problem))
            continue
        stamp = _unchanged(name, known.get(rel), stamped_at_ns)
        if stamp is None:
            before = _stat(name)
            data, problem = _read_bytes(Path(name), root)
            if data is None:
                skipped.append(SkippedFile(_shown_path(rel), problem or "unreadable"))
                continue
            if problem is not None:
                skipped.append(SkippedFile(_shown_path(rel), problem))
                continue
            content = hashlib.sha256(data).hexdigest()
            if before is not None and before == _stat(name):
                stamp = FileStamp(*before, content)
        else:
            content = stamp.content_digest
        if stamp is not None:
            new_stamps[rel] = stamp
        digest = hashlib.sha256(f"{content}|{version}".encode()).hexdigest()
        found.append((name, rel, digest, content))

    ids = assign_ids([rel for _, rel, _, _ in found])
    files: list[SourceFile] = []
    for (name, rel, digest, content), article_id in zip(found, ids, strict=True):
        override = overrides.get(article_id) or overrides.get(rel)
        if override is not None:
            digest = hashlib.sha256(f"{digest}|{override!r}".encode()).hexdigest()
        files.append(SourceFile(article_id, name, rel, digest, content))
    files.sort(key=lambda f: f.id)
    skipped.sort(key=lambda s: s.path)
    return Discovery(root, tuple(files), tuple(skipped), warnings, overrides, new_stamps)


def _stat(path: str) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _unchanged(path: str, stamp: FileStamp | None, stamped_at_ns: int) -> FileStamp | None:
    # Only the mtime need be old: a write sets it to now, so a later write is seen even when the
    # change time (moved on by backdating the mtime, say) is recent.
    if stamp is None or stamp.mtime_ns >= stamped_at_ns - RACY_NS:
        return None
    seen = (stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode)
    return stamp if _stat(path) == seen else None


def read_article(source: SourceFile, overrides: dict[str, Overrides]) -> Article | SkippedFile:
    """Decode, clean and describe one file; a file with no article text is skipped."""
    shown = _shown_path(source.relpath)
    root = source.path.parents[len(Path(source.relpath).parts) - 1]
    data, problem = _read_bytes(source.path, root)
    if data is None or problem is not None:
        return SkippedFile(shown, problem or "unreadable")
    if source.content_digest and hashlib.sha256(data).hexdigest() != source.content_digest:
        # Stored under the old fingerprint, these bytes would never be read again if the file
        # went back to its old content (a rewrite in place caught half-way).
        return SkippedFile(shown, CHANGED_WHILE_READ)
    from .metadata import infer_metadata  # its patterns compile only when a file is read

    text, note = decode(data)
    text = strip_controls(text)
    front, text = split_front_matter(text)
    inferred = infer_metadata(text)
    if not inferred.body.strip():
        return SkippedFile(shown, "no article text after removing page furniture")
    article = Article(
        id=source.id,
        path=shown,
        title=inferred.title or _title_from_name(source),
        outlet=inferred.outlet,
        published=inferred.published,
        url=None,
        body=inferred.body,
        content_hash=source.fingerprint,
        notes=(note,) if note else (),
    )
    for layer in (front, overrides.get(source.id) or overrides.get(source.relpath)):
        if layer is not None:
            article = _apply(article, layer)
    return article


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text, saying how when it was not plain UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Scraped text is usually UTF-8 with a few broken bytes: keep it UTF-8 rather than let a
    # detector re-read every accented letter in some legacy code page.
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad * 200 <= len(data):
        return lossy, f"not valid UTF-8: {bad} undecodable byte(s) shown as \ufffd"
    import charset_normalizer  # only for the rare file that is not UTF-8

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), f"not valid UTF-8: read as {best.encoding}"
    return data.decode("cp1252", errors="replace"), "not valid UTF-8: read as windows-1252"


def _read_bytes(path: Path, root: Path) -> tuple[bytes | None, str | None]:
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
        if st.st_size > MAX_ARTICLE_BYTES:
            limit = MAX_ARTICLE_BYTES // (1024 * 1024)
            return b"", f"larger than {limit} MiB ({st.st_size / 1048576:.1f} MiB)"
        try:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            return None, f"cannot read: {exc.strerror or exc}"
    if not data.strip():
        return data, "empty file"
    if _looks_binary(data):
        return data, "binary file, not text"
    return data, None


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls * 10 > len(head)


CHANGED_WHILE_READ = "changed while being indexed; read again next time"
# Links are followed only within the corpus: one to /etc/passwd or to a private notes folder
# must not make it searchable, and one to / must not walk the whole disk.
LINK_OUTSIDE = "link points outside the corpus folder (not followed)"


def _walk(root: Path) -> Iterator[tuple[str, str | None]]:
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
                if link and not inside(Path(entry.path), root):
                    yield entry.path, LINK_OUTSIDE
                else:
                    subfolders.append(entry.path)
                continue
            if os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES or name == SIDECAR_NAME:
                continue
            if link and not os.path.exists(entry.path):
                yield entry.path, "broken link"
                continue
            if link and not inside(Path(entry.path), root):
                yield entry.path, LINK_OUTSIDE
                continue
            yield entry.path, None
        stack.extend(reversed(subfolders))


def _shown_path(rel: str) -> str:
    # Kept as it is, so that it still names the file (displays guard its control characters),
    # except for the undecodable bytes of a name, which nothing could write out.
    return replace_surrogates(rel)


def _title_from_name(source: SourceFile) -> str:
    stem = source.path.stem.replace("_", " ").replace("-", " ")
    return clean_label(stem) or clean_label(source.path.name) or source.id


def _apply(article: Article, overrides: Overrides) -> Article:
    changes: dict[str, object] = {}
    if overrides.title:
        changes["title"] = overrides.title
    if overrides.outlet:
        changes["outlet"] = overrides.outlet
    if overrides.published is not None:
        changes["published"] = overrides.published
    if overrides.url:
        changes["url"] = overrides.url
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]
