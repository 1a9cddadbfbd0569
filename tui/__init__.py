"""kimreader's terminal interface: the ``kimreader`` command and the Textual app.

``cli/`` is the command (click and rich, never Textual); everything else is the app: ``app.py``
routes the messages of ``messages.py`` between ``screens/`` and ``widgets/``, and starts the
workers whose results come back as messages. May import ``search_index`` (never its ``index``
package: the library is the way in); ``search_index`` never imports this package.
"""
