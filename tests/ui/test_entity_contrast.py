"""Entity styles that read on every theme (issue 19): WCAG AA contrast computed from the
theme's own colours, five different hues, and a distinct non-colour cue per type."""

from __future__ import annotations

import pytest
from support.pilot import reader, settle
from textual.color import Color

from tui.app import KimreaderApp
from tui.render import ENTITY_CUES, MIN_CONTRAST, contrast, entity_styles

# The ANSI themes leave colours to the terminal: no background colour to measure against.
THEMES = ["textual-dark", "textual-light", "nord", "gruvbox", "solarized-light", "dracula"]


def _colour(style: str) -> Color:
    return Color.parse(style.split()[-1])


async def test_entity_colours_pass_wcag_aa_on_each_themes_background():
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            looks = entity_styles(variables)
            for name in ("background", "surface"):
                ground = Color.parse(variables[name])
                for kind, style in looks.items():
                    ratio = contrast(_colour(style), ground)
                    assert ratio >= MIN_CONTRAST, (theme, name, kind, round(ratio, 2))
            hues = {round(_colour(style).hsl.h, 2) for style in looks.values()}
            assert len(hues) == len(looks), theme  # no two types share a colour


def test_each_type_has_its_own_non_colour_cue():
    assert len(set(ENTITY_CUES.values())) == len(ENTITY_CUES)
    looks = entity_styles({"background": "#1e1e1e", "surface": "#272727"})
    assert {k: " ".join(v.split()[:-1]) for k, v in looks.items()} == ENTITY_CUES


def test_the_old_theme_colours_failed_where_the_new_ones_pass():
    # textual-dark's secondary, which drew organisations: 1.9:1 on its background.
    assert contrast(Color.parse("#004578"), Color.parse("#121212")) < 2


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_reader_draws_entities_in_the_themes_fitted_colours(theme: str):
    app = KimreaderApp(remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(app, pilot)
        looks = entity_styles(app.theme_variables)
        view = reader(app).view
        assert view is not None and view.entities
        used = {style for *_, style in reader(app)._styled()}
        assert looks["PERSON"] in used and looks["PLACE"] in used
