"""kimreader's engine: reading a corpus, analysing it, indexing and querying it.

Nothing in this package imports ``tui``, ``textual`` or ``rich``: it is usable from a notebook,
a script or another interface.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
