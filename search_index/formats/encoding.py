"""Bytes to text, and mojibake repair.

Plain text is read as UTF-8, detected only when it is not; a web page says its own charset
(a BOM, ``<meta charset>``, an XML declaration, or the MIME part that carried it), which wins
over detection. Text that is valid UTF-8 but was decoded twice somewhere upstream ("Ã©" for
"é", "â€™" for "’") is repaired with ftfy's ``fix_encoding`` (only the encoding: quotes,
ligatures and widths are left as the author wrote them) and the repair is reported.
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
BOMS = _BOMS

# Where a page declares its charset: in its first bytes, as every browser looks for it.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_PRESCAN = 4096
# Browsers read these labels as windows-1252, which pages labelled so nearly always are.
_AS_CP1252 = frozenset({"iso8859-1", "latin-1", "ascii"})

# Two or more characters that UTF-8 bytes become when read as windows-1252 or Latin-1: a lead
# byte (Â-ô) followed by a continuation byte's character. Cheap to look for, so that ftfy is
# imported only for text that may need it.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


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


def declared_charset(data: bytes) -> str | None:
    """The Python codec a page's ``<meta charset>`` or XML declaration names, if known."""
    match = _DECLARED.search(data[:_PRESCAN])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    return codec_for(label)


def codec_for(label: str | None) -> str | None:
    """A charset label (as in HTTP or MIME) as a Python codec name, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def decode_page(data: bytes, charset: str | None = None) -> tuple[str, str | None]:
    """A web page's bytes as text: its BOM, else the charset given (a MIME part's), else the
    one it declares, else as plain text (UTF-8, then detected). A declared charset that does
    not fit the bytes is reported and detection decides."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return decode(data)
    codec = codec_for(charset) or declared_charset(data)
    if codec is not None and codec not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            text, note = decode(data)
            return text, f"not valid {codec} as declared; {note or 'read as UTF-8'}"
    return decode(data)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """``text`` with doubly-decoded UTF-8 repaired, and a note when something was."""
    if not _MOJIBAKE_HINT.search(text):
        return text, None
    import ftfy  # only for text that looks doubly decoded

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, None
    return fixed, "repaired mojibake (UTF-8 that had been decoded as windows-1252 or Latin-1)"
