"""kimreader's terminal interface: the ``kimreader`` command and the Textual app."""
