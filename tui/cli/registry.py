"""Every ``kimreader`` subcommand: its name, and where it is defined as ``module:function``.

Commands are imported only when run (or when ``--help`` lists them), so a search never pays
for the claim diff's or the fetcher's imports. A new command is one line here.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "list": "tui.cli.reading:list_cmd",
    "search": "tui.cli.search:search_cmd",
    "entities": "tui.cli.reading:entities_cmd",
    "show": "tui.cli.reading:show_cmd",
    "compare": "tui.cli.analysis:compare_cmd",
    "overview": "tui.cli.analysis:overview_cmd",
    "claims": "tui.cli.analysis:claims_cmd",
    "timeline": "tui.cli.analysis:timeline_cmd",
    "report": "tui.cli.report:report_cmd",
    "index": "tui.cli.upkeep:index_cmd",
    "skipped": "tui.cli.upkeep:skipped_cmd",
    "paths": "tui.cli.upkeep:paths_cmd",
    "fetch": "tui.cli.fetch:fetch_cmd",
    "stories": "tui.cli.stories:stories_cmd",
}
