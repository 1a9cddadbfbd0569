"""Writing kimreader's own files (caches, state) so that a reader or a crash never sees half of
one: the one place that knows how.

Only ever used on kimreader's folders (cache, state), and by ``fetch --into``, the one command
that writes into a folder the user names as a corpus.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["TEMP_SUFFIX", "fsync_folder", "os_reason", "write_atomically"]

# Temporary files are named ".<name>.<pid>-<random>.tmp", so that the index's cleaner can tell
# a dead process's leftovers from a live one's (see index.maintenance._leftover_paths).
TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, text: str | bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8; bytes are written as they are) in one step: a
    temporary file in the same folder (a rename is atomic only within one file system), renamed
    over it.

    ``durable`` also flushes the file and the folder to disk, so the rename survives a power cut
    (the state is worth it; caches are rebuilt anyway). Raises OSError, leaving no temporary
    file behind.
    """
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                # Without fsync a crash can leave the renamed file empty on some file systems.
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_folder(path.parent)


def fsync_folder(directory: Path) -> None:
    """Make a rename in ``directory`` survive a crash (POSIX). Windows cannot open folders, and
    this is only a durability nicety: any failure is ignored."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def os_reason(exc: BaseException) -> str:
    """What went wrong, in words a person reads: the system's message for an OSError ("No space
    left on device"), else the exception's own text, else its type."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
