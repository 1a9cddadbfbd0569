"""The app's widgets, each drawing one region of a screen from what it is given.

- source_list.py: the source list, drawn a screenful at a time; source_entries.py its entries.
- reader.py: the reader pane; long_text.py the article text it lays out in a worker.
- entity_panel.py: the corpus's entities by type. search.py: the search box.
  lists.py: option lists with the vim keys.

A widget that runs a worker posts its result as a message and a failure as ``WorkerFailed``
(tui/messages.py). Widgets may import search_index, textual, rich, tui.messages, tui.notes and
tui.render; never the App module (tui.app), a screen (tui.screens) or tui.cli.
"""
