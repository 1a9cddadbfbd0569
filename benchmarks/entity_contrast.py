"""Contrast of the reader's entity colours on each bundled theme, before and after issue 19.

Before: each type drawn in a theme variable ($accent, $secondary, $success, $warning).
After: tui.render.entity_styles (a hue per type, lightness fitted to the theme).
Prints, per theme, the lowest ratio over types against the background and the surface, and
which type it is. Run: python benchmarks/entity_contrast.py
"""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.color import Color

from tui.render import ENTITY_STYLES, contrast, entity_styles

THEMES = ["textual-dark", "textual-light", "nord", "gruvbox", "dracula", "solarized-light"]


def _worst(colours: dict[str, Color], grounds: list[Color]) -> tuple[float, str]:
    return min((min(contrast(c, g) for g in grounds), kind) for kind, c in colours.items())


async def main() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        print(f"{'theme':<16} {'before':>14} {'after':>14}")
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            grounds = [Color.parse(variables[n]) for n in ("background", "surface")]
            before = {
                kind: Color.parse(variables[style.split("$")[-1]])
                for kind, style in ENTITY_STYLES.items()
            }
            after = {k: Color.parse(s.split()[-1]) for k, s in entity_styles(variables).items()}
            (b, bk), (a, ak) = _worst(before, grounds), _worst(after, grounds)
            print(f"{theme:<16} {b:>5.2f} {bk:<8} {a:>5.2f} {ak:<8}")


if __name__ == "__main__":
    asyncio.run(main())
