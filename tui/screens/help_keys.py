"""The help's content: every screen's keys, read from its bindings, and a legend of what the
styles and marks mean.

A hand-written list drifted from the bindings (the overview's and timeline's keys were never
in it). Here each section lists its screen's BINDINGS, so a new key shows up in help by being
bound; ``WORDS`` only gives some actions a longer explanation than the footer's label, and
``EXTRA`` names the keys that are no binding of the screen (Textual's own, a list's enter).
Keys remapped in config.toml's ``[keymap]`` (by binding id) are shown as remapped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.binding import Binding, BindingType
from textual.content import Content

from ..render import CONFLICT_STYLE, FOCUS_STYLE, STATUS_WORDS

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "apostrophe": "'",
    "slash": "/",
    "escape": "esc",
}
# Longer words than a footer label has room for, by action (the screen's binding's action).
WORDS = {
    "help": "this help",
    "force_quit": "quit",
    "command_palette": "command palette (open a source, compare, theme)",
    "app.pop_screen": "back to where you were",
    "app.quit": "quit kimreader (in any other view q goes back)",
    "start_search": "search as you type (phrases, AND/OR/NOT, person:, org:, place:)",
    "next_match": "next match in the article",
    "previous_match": "previous match in the article",
    "toggle_entities": "entity panel: choose one to filter sources and highlight it",
    "mark": "mark the source for comparing (★ in the list)",
    "show_marks": "the marks, newest first: open one, d unmarks, D clears all",
    "unmark": "unmark the highlighted source",
    "unmark_all": "clear every mark",
    "compare": "compare with the marked source, or pick one",
    "overview": "overview of the open article's story: facts by sources, consensus, outliers",
    "timeline": "timeline of dated events in the open article's story",
    "toggle_stories": "group the list by story (newest first), or one list again",
    "next_conflict": "next sentence another source contradicts, and what it says",
    "previous_conflict": "previous sentence another source contradicts",
    "clear": "stop a view being built; clear the search or the filter, close a panel",
    "conflict(1)": "next conflict",
    "conflict(-1)": "previous conflict",
    "cycle_filter": "filter: all rows, conflicts only, hide agreements",
    "swap": "swap sides",
    "open('a')": "open A's sentence in its article, on top of this view",
    "open('b')": "open B's sentence in its article, on top of this view",
    "export": "write a report: .html, .md or .csv (asks where)",
    "copy('a')": "copy A's sentence with its citation (outlet, title, date, URL)",
    "copy('b')": "copy B's sentence with its citation",
    "copy": "copy the sentence with its citation (outlet, title, date, URL)",
    "to_main": "open the article in the main reader",
    "open_cell": "open the highlighted value's sentence in its article",
    "toggle_all": "show or hide the facts only one source gives",
}
EXTRA = {
    "Everywhere": [
        ("tab / shift+tab", "next / previous pane"),
    ],
    "Sources and reader": [
        ("enter", "open the source (at its first match); on a story's row, fold / unfold it"),
    ],
    "Timeline": [("enter", "open the event's sentence in its article")],
}


def key_label(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The binding's keys as typed (``]``, not ``right_square_bracket``), or those ``keymap``
    (binding id -> keys) gives it instead."""
    keys = (keymap or {}).get(binding.id or "", binding.key)
    return " / ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


def binding_lines(
    bindings: Iterable[BindingType], keymap: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding with a description or known action, its keys as
    ``keymap`` has them; bindings of one action (j and down) share a line."""
    lines: dict[str, tuple[list[str], str]] = {}
    for item in bindings:
        binding = item if isinstance(item, Binding) else Binding(*item)
        words = (
            WORDS.get(binding.id or "") or WORDS.get(binding.action) or binding.description.lower()
        )
        if not words:
            continue
        keys, _ = lines.setdefault(binding.action, ([], words))
        keys.append(key_label(binding, keymap))
    return [(" / ".join(keys), words) for keys, words in lines.values()]


def sections(
    app_bindings: Sequence[BindingType], keymap: Mapping[str, str] | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each screen's keys, from its bindings (imported here: the screens import this module's
    neighbours), after the app's own (``app_bindings``: handed in, as no screen imports the
    App), remapped as ``keymap`` says."""
    from ..widgets.reader import Reader
    from .compare import CompareScreen
    from .corpus import TimelineScreen
    from .main import MainScreen
    from .marks import MarksScreen
    from .overview import OverviewScreen
    from .sentence import SentenceScreen

    screens: list[tuple[str, Sequence[BindingType]]] = [
        ("Everywhere", app_bindings),
        ("Sources and reader", [*Reader.BINDINGS, *MainScreen.BINDINGS]),
        ("Claim diff", CompareScreen.BINDINGS),
        ("A sentence opened from a view", SentenceScreen.BINDINGS),
        ("Story overview", OverviewScreen.BINDINGS),
        ("Timeline", TimelineScreen.BINDINGS),
        ("Marks (')", MarksScreen.BINDINGS),
    ]
    return [(name, binding_lines(keys, keymap) + EXTRA.get(name, [])) for name, keys in screens]


def legend(entity_looks: Mapping[str, str]) -> list[Content]:
    """What each style and mark means, drawn in that style (each entity type has a non-colour
    cue too: bold, underline, italic, so the legend reads under NO_COLOR)."""
    entities = Content.assemble(
        *[part for kind, style in entity_looks.items() for part in ((kind.lower(), style), "  ")]
    )
    marks = Content.assemble(
        ("contradicted by another source", CONFLICT_STYLE),
        "  ",
        ("the sentence you opened", FOCUS_STYLE),
        "  ▌ in the margin: a paragraph holding a contradicted sentence",
    )
    statuses = "   ".join(f"{glyph} {word}" for glyph, word in STATUS_WORDS.values())
    return [
        Content.assemble(("  entities  ", "bold"), entities),
        Content.assemble(("  shading   ", "bold"), marks),
        Content.assemble(("  diff      ", "bold"), statuses),
        Content(
            "            = same value · ~ compatible (rounder, vaguer, another scope) · "
            "! CONFLICT (cannot both hold) · < only A / > only B (the other does not say)"
        ),
        Content.assemble(
            ("  list      ", "bold"), "★ marked for comparing · ▾ / ▸ a story, unfolded / folded"
        ),
        # Under NO_COLOR a Markdown heading's bold reads like a person's: said here.
        Content(
            "  markdown  an .md article's headings and strong text are bold, its emphasis "
            "italic, as it writes them; entities keep their own marks on top"
        ),
    ]
