"""Help generated from every screen's bindings, with a legend (issue 19): the overview's and
timeline's keys were missing from a hand-written list, and no style or mark was explained."""

from __future__ import annotations

import re

from support.pilot import settle
from textual.widgets import Static

from tui.app import KimreaderApp
from tui.render import CONFLICT_STYLE, entity_styles
from tui.screens.compare import CompareScreen
from tui.screens.corpus import TimelineScreen
from tui.screens.help_keys import binding_lines, key_label
from tui.screens.modals import HelpScreen
from tui.screens.overview import OverviewScreen
from tui.screens.sentence import SentenceScreen

KEYS = re.compile(r"  (\S+(?: / \S+)*)")


async def _help_text(app: KimreaderApp, pilot) -> tuple[str, list]:
    await settle(app, pilot)
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    content = app.screen.query_one(Static).content
    return str(content), list(content.spans)


async def test_help_lists_every_key_each_view_binds():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        text, _ = await _help_text(app, pilot)
    lines = text.splitlines()
    # The keys column of each line: keys joined by " / " (the down arrow shares j's line).
    listed = {
        key for line in lines if (found := KEYS.match(line)) for key in found[1].split(" / ")
    }
    for screen in (CompareScreen, OverviewScreen, TimelineScreen, SentenceScreen):
        for binding in screen.BINDINGS:
            label = key_label(binding)  # type: ignore[arg-type]
            assert label.split(" / ")[0] in listed, label
    for keys, words in binding_lines(OverviewScreen.BINDINGS):
        assert any(keys in line and words in line for line in lines), (keys, words)
    for heading in ("Claim diff", "Story overview", "Timeline", "A sentence opened from a view"):
        assert heading in lines
    # The bracket keys are named as typed, never by Textual's key names.
    assert "right_square_bracket" not in text and "question_mark" not in text


async def test_the_legend_draws_each_entity_type_and_mark_in_its_own_style():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        text, spans = await _help_text(app, pilot)
    styled = {text[s.start : s.end]: str(s.style) for s in spans}
    for kind, style in entity_styles(app.theme_variables).items():
        assert styled.get(kind.lower()) == style, kind
    assert styled.get("contradicted by another source") == CONFLICT_STYLE
    for glyph in ("= agree", "~ compatible", "! CONFLICT", "< only A", "> only B", "★"):
        assert glyph in text
