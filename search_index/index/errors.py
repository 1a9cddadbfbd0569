"""What the index reports when it cannot do what was asked, and how an error reads to a user."""

from __future__ import annotations


class IndexUnavailable(Exception):
    """The index could not be opened, built or repaired."""


class QuerySyntaxError(Exception):
    """The query could not be parsed or run as written."""


class QueryTooBroad(Exception):
    """A wildcard, range or fuzzy word matches too many words to be searched in good time."""


class LockBusy(Exception):
    """Another process holds the index's write lock."""
