"""The app's screens, and the pieces of the main screen kept in modules of their own.

- main.py: the main screen (sources, reader, search box, entity panel) wired together;
  main_search.py its search half, source_rows.py what its list shows, reader_marks.py its
  match and conflict stepping and its status line.
- compare.py: the claim diff of two sources. overview.py: a story's overview (facts by
  sources, consensus, outliers). corpus.py: the timeline. modals.py: help and the source picker.

Screens render and route: they ask the library from workers, whose results come back as the
messages of tui/messages.py, and post messages upward for the App to route (a failed worker
as ``WorkerFailed``, told by the App's one handler). They may import search_index, textual,
rich, tui.widgets, tui.messages, tui.session, tui.notes, tui.background and tui.render; never
the App module (tui.app) nor tui.cli (tests/unit/test_architecture.py checks the App).
"""
