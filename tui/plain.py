"""Text made safe to show, with no Textual in sight: the CLI imports this, never Textual.

The app's modules reach these through ``tui.render``.
"""

from __future__ import annotations

# Every claim-diff status has a glyph and a word as well as a colour, so it reads under
# NO_COLOR and for colour-blind users; the CLI and the app colour them their own way.
STATUS_WORDS = {
    "agree": ("=", "agree"),
    "compatible": ("~", "compatible"),
    "conflict": ("!", "CONFLICT"),
    "only_a": ("<", "only A"),
    "only_b": (">", "only B"),
}

# Control characters (except tab and newline) shown as visible stand-ins, one character for
# one so offsets into the text stay valid. search_index cleans article bodies, but ids and
# fallback titles come from file names and overrides from kimreader.toml: an escape sequence
# there (an OSC 52 clipboard write, a clear-screen) must reach the screen as text, not as a
# command to the terminal.
_CONTROL_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: each control character becomes a visible one."""
    return text.translate(_CONTROL_PICTURES)
