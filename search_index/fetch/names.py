"""File names for fetched pages, made from their URLs: readable, safe on every OS, never a path.

A name is the URL's host and path with every character outside ``[A-Za-z0-9._-]`` turned into
``-`` (``/`` into ``_``), so nothing in a URL can name a folder, climb out of the target folder
(``..``, ``%2e%2e%2f``, backslashes), hide a file (a leading dot), or trip Windows (reserved
device names such as ``CON``, trailing dots, ``:``). When that loses information (a query
string, characters that had to be replaced, a name cut to length) a short hash of the whole URL
is appended, so two different URLs do not share a name by accident.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = [
    "MAX_STEM",
    "extension_for",
    "is_inside",
    "stem_for_url",
    "url_hash",
    "version_stem",
]

# Room for "--YYYYMMDDTHHMMSSZ-99", an extension and ".provenance.json" within the 255 bytes
# most file systems allow (names are ASCII, so bytes = characters).
MAX_STEM = 150
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RUNS = re.compile(r"([._-])[._-]+")
# Windows refuses these as a file's name before the first dot, whatever the extension.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)
# A URL's own extension that says how the page was made, not what it is: dropped from the stem
# so that "story.html" is saved as "..._story.html", not "..._story.html.html".
_WEB_EXTENSIONS = frozenset("html htm xhtml shtml php php3 asp aspx jsp jspx cfm cgi pl".split())
_TYPE_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}


def url_hash(url: str, length: int = 8) -> str:
    """A short, stable fingerprint of ``url`` (not a security measure: only a tie-breaker)."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def stem_for_url(url: str) -> str:
    """The file stem (no extension) for ``url``: host and path, made safe. Never empty."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    if parts.port is not None:
        host = f"{host}-{parts.port}"
    path = unquote(parts.path)
    segments = [s for s in path.replace("\\", "/").split("/") if s not in ("", ".", "..")]
    if segments:
        last, dot, ext = segments[-1].rpartition(".")
        if dot and last and ext.lower() in _WEB_EXTENSIONS:
            segments[-1] = last
    raw = "_".join([host, *segments])
    safe = _clean(raw)
    lossy = safe != raw or bool(parts.query) or (not segments and bool(parts.path.strip("/")))
    if not safe.strip("._-"):
        safe, lossy = "page", True
    if len(safe) > MAX_STEM - 9 or lossy:
        safe = f"{safe[: MAX_STEM - 9].rstrip('._-')}-{url_hash(url)}"
    return _not_reserved(safe)


def version_stem(stem: str, fetched_at: datetime, attempt: int = 1) -> str:
    """The stem of a later capture of the page saved as ``stem``: its fetch time appended
    (``story--20261204T231000Z``), and a counter if that name is taken too."""
    suffix = fetched_at.strftime("--%Y%m%dT%H%M%SZ")
    if attempt > 1:
        suffix += f"-{attempt}"
    return f"{stem[: MAX_STEM - len(suffix)]}{suffix}"


def extension_for(content_type: str | None) -> str:
    """The extension a page of ``content_type`` is saved with (``.html`` when unsure: kimreader
    reads a page by its extension, and pages without a type are nearly always HTML)."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return _TYPE_EXTENSIONS.get(media, ".html")


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a direct child of ``folder`` (the last guard before writing)."""
    return path.parent.resolve() == folder.resolve() and path.name not in ("", ".", "..")


def _clean(raw: str) -> str:
    safe = _UNSAFE.sub("-", raw)
    safe = _RUNS.sub(r"\1", safe)  # "a-._b" -> "a-b": no runs of separators
    return safe.strip("._-")


def _not_reserved(stem: str) -> str:
    if stem.split(".", 1)[0].lower() in _RESERVED:
        return f"_{stem}"
    return stem
