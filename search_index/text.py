"""Character-level text helpers that never change a string's length.

Search matching wants "Jong‑un" (U+2011), "Jong-un" and curly quotes to compare equal, while the
reader must show the original characters and highlight the right ones. Folding one character for
one character keeps every offset into the folded text valid in the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00ad"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"

_FOLD_TABLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, _DASHES), "-"),
        **dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"),
        **dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'),
        **dict.fromkeys(map(ord, _SPACES), " "),
    }
)


def fold(text: str) -> str:
    """Fold dashes, quotes and special spaces to ASCII, one character for one character."""
    return text.translate(_FOLD_TABLE)


def normalize_token(token: str) -> str:
    """Full normalisation for a single token (length may change: used only inside analyzers)."""
    return unicodedata.normalize("NFKC", token).casefold()


# Escape sequences first (so their parameters go with them), then any other control character
# except tab and newline. C1 controls (U+0080-U+009F) act as escapes on some terminals.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST (e.g. OSC 52 clipboard writes)
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves)
    r"|\x1b[ -/]*[0-~]?"  # two-character escapes, or a stray ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; unify line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


_WHITESPACE_RUN = re.compile(r"\s+")


def squash_whitespace(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Collapse whitespace runs (paragraph breaks included) to one space for a one-line excerpt,
    moving the ``[start, end)`` spans so they still cover the same characters."""
    runs = [(m.start(), m.end()) for m in _WHITESPACE_RUN.finditer(text)]
    if not runs:
        return text, list(spans)
    starts = [start for start, _ in runs]
    # removed[i]: characters dropped by runs[0..i-1] (each run keeps one space).
    removed = [0]
    for start, end in runs:
        removed.append(removed[-1] + (end - start - 1))

    def moved(offset: int, *, last: bool = False) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        run_start, run_end = runs[i]
        if offset < run_end:  # inside a run: it lands on the run's single space
            # A span's last character inside a run is that space; a start after the run's
            # first character begins after it.
            return run_start - removed[i] + (1 if offset > run_start and not last else 0)
        return offset - removed[i + 1]

    squashed = _WHITESPACE_RUN.sub(" ", text)
    return squashed, [
        (moved(s), max(moved(s), moved(e - 1, last=True) + 1) if e > s else moved(s))
        for s, e in spans
    ]
