"""Character-level text helpers that never change a string's length.

Search matching wants "Jong‑un" (U+2011), "Jong-un" and curly quotes to compare equal, while the
reader must show the original characters and highlight the right ones. Folding one character for
one character keeps every offset into the folded text valid in the original. The exceptions
make keys, not text to show: normalize_token (inside analyzers) and name_key (a name's identity).
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import unicodedata

# Pd and Zs characters fold by category below; these lists add what scraped text uses in the
# same places from other categories: soft hyphen (Cf) and minus (Sm) in names, primes (Po) and
# U+02BC (Lm) as apostrophes, low-9 and fullwidth quotation marks (Ps, Po).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00ad"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02\u2e42"
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"
# By category, so that rarer dashes (Armenian hyphen, Hebrew maqaf, wave dashes) and spaces
# (Ogham, medium mathematical) fold too, including any a newer Unicode version adds. Quotes
# (Pi/Pf) stay an explicit list: the single angle quotes (U+2039, U+203A) are breadcrumb
# separators on news sites far more often than quotation marks, and metadata inference looks
# for them; the other Pi/Pf characters are editorial brackets, not quotes.
_CATEGORY_FOLDS = {"Pd": "-", "Zs": " "}


# The Pd and Zs code points above U+007F, by the Unicode version of the running Python, so that
# no process scans all 1.1 million code points (0.3-0.45 s, paid by every command that folds).
# tests/unit/test_text.py checks these against a scan; another version is scanned once.
_KNOWN_CATEGORY_POINTS: dict[str, tuple[str, str]] = {
    "14.0.0": (  # Python 3.11
        "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a"
        "\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d"
        "\U00010ead",
        "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000",
    ),
}


def _scan_category_points() -> tuple[str, str]:
    """Every Pd and every Zs code point above U+007F, found by asking each code point."""
    category = unicodedata.category
    found: dict[str, list[str]] = {"Pd": [], "Zs": []}
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        points = found.get(category(char))
        if points is not None:
            points.append(char)
    return "".join(found["Pd"]), "".join(found["Zs"])


@functools.cache
def _fold_table() -> dict[int, str]:
    # Built on first use rather than at import, from the precomputed points when this Python's
    # Unicode version is known.
    dashes, spaces = _KNOWN_CATEGORY_POINTS.get(unicodedata.unidata_version) or (
        _scan_category_points()
    )
    table = dict.fromkeys(map(ord, dashes), _CATEGORY_FOLDS["Pd"])
    table.update(dict.fromkeys(map(ord, spaces), _CATEGORY_FOLDS["Zs"]))
    table.update(dict.fromkeys(map(ord, _DASHES), "-"))
    table.update(dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"))
    table.update(dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'))
    table.update(dict.fromkeys(map(ord, _SPACES), " "))
    return table


def fold(text: str) -> str:
    """Fold dashes, quotes and special spaces to ASCII, one character for one character."""
    return text.translate(_fold_table())


def normalize_token(token: str) -> str:
    """Full normalisation for a single token (length may change: used only inside analyzers)."""
    return unicodedata.normalize("NFKC", token).casefold()


def name_key(surface: str) -> str:
    """The closed-up identity of a name: case, accents, spaces, hyphens and a leading "the"
    dropped, so "Kim Jong-un", "Kim Jong Un" and "Kim Jong‑un" are one key.

    A key, not text to show (its length is not the surface's): entity extraction keys the names
    it finds with it, and the index keys its person:, org: and place: fields the same way."""
    text = fold(surface).strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith(("'s", "'S")):
        text = text[:-2]
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


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


# Any line break, and the spaces and tabs around it, or a run of tabs. A match only starts
# where a run of blanks does (the lookbehind): tried from every position inside a run, the
# leading "[ \t]*" scanned the rest of it each time, and a title of 40,000 spaces took 22 s.
# No match is lost: one that could start inside a run can start at the run's first blank.
_LINE_BREAKS = re.compile(
    r"(?<![ \t])(?:[ \t]*[\n\u2028\u2029][ \t\n\u2028\u2029]*|[ \t]*\t[ \t]*)"
)
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Bidi embeddings, overrides and isolates make a label display as something else
# ("Trojan Source"); a label is one short run of text that needs none of them.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def replace_surrogates(text: str) -> str:
    """Each lone surrogate as U+FFFD.

    A str holds lone surrogates where a file name's bytes are not UTF-8 (``os.fsdecode``); they
    cannot be encoded again, so the index, the catalog and the terminal would all fail on them.
    """
    return _SURROGATES.sub("\ufffd", text)


def one_line(text: str) -> str:
    """``text`` without escape sequences or control characters, each tab and line break a
    space, and nothing else changed: for text being typed, where a trailing space matters."""
    return strip_controls(text).replace("\n", " ").replace("\t", " ")


def clean_label(text: str) -> str:
    """A one-line label (id, title, outlet) from untrusted text: no escape sequences, control
    characters or lone surrogates, and each tab or line break (with the blanks around it) as
    one space. Bidi override and isolate controls go too."""
    if text.isascii() and text.isprintable():  # nothing to remove: most labels, every refresh
        return text.strip()
    text = _BIDI_CONTROLS.sub("", replace_surrogates(strip_controls(text)))
    return _LINE_BREAKS.sub(" ", text).strip()


# A lone space is already what squashing makes: leaving those out keeps a snippet's run list
# (and each span's lookup in it) to the line breaks and doubled blanks.
_WHITESPACE_RUN = re.compile(r"\s{2,}|[^\S ]")


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
