"""The console standard output is printed through (rich), imported only when something is
printed with it: ``output.stdout()`` makes one on first use."""

from __future__ import annotations

from rich.console import Console


class StdoutConsole(Console):
    """Standard output. On a pipe or in a file, lines are not hard-wrapped (at 80 columns,
    `kimreader paths | grep index` found half a path); tables still fit the width."""

    @property
    def soft_wrap(self) -> bool:
        return not self.is_terminal

    @soft_wrap.setter
    def soft_wrap(self, value: bool) -> None:
        pass  # decided by where the output goes, at each print
