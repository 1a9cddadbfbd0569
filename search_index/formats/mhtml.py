"""Single-file page archives (``.mhtml``/``.mht``, as Chrome, Edge and Hunchly save them): the
page's HTML part, as bytes, for html.py.

An archive is a MIME message (RFC 2557): the page and each of its resources is a part. The
standard library's ``email`` package reads it; the part is taken as bytes after its transfer
encoding (quoted-printable, base64) is undone, because Chrome writes HTML parts with no
charset parameter, so only the page itself (its ``<meta charset>``) or detection can say how to
decode it.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import Message

from .page import NotAnArticle

_HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_PARTS = 10_000


@dataclass(frozen=True, slots=True)
class HtmlPart:
    data: bytes
    charset: str | None
    """The part's charset parameter, when it has one."""
    url: str | None
    """Where the page was saved from (``Snapshot-Content-Location`` or the part's
    ``Content-Location``)."""


def html_part(data: bytes) -> HtmlPart:
    """The archived page's HTML; raises NotAnArticle when the archive holds none."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except (ValueError, TypeError, IndexError, RecursionError):
        raise NotAnArticle("not readable as an MHTML archive") from None
    snapshot = _header(message, "Snapshot-Content-Location")
    candidates: list[Message] = []
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        if part.get_content_type() in _HTML_TYPES and not part.is_multipart():
            candidates.append(part)
    if not candidates:
        if not message.is_multipart() and message.get_content_maintype() != "text":
            raise NotAnArticle("not an MHTML archive (no MIME parts)")
        raise NotAnArticle("the MHTML archive holds no HTML page")
    # The page is the part saved from the snapshot's address; otherwise the first HTML part
    # (frames and iframes come after the page they belong to).
    chosen = next(
        (p for p in candidates if snapshot and _header(p, "Content-Location") == snapshot),
        candidates[0],
    )
    try:
        payload = chosen.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        payload = None
    if not isinstance(payload, bytes) or not payload.strip():
        raise NotAnArticle("the MHTML archive's HTML page is empty or unreadable")
    charset = chosen.get_content_charset()
    return HtmlPart(payload, charset, snapshot or _header(chosen, "Content-Location"))


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None
