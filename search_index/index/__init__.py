"""The search index: kimreader's adapter over Whoosh, and the only package that imports it.

Everything Whoosh-specific stays here, so the engine can be replaced without touching the rest
(protocol.SearchEngine lists what the rest asks of it):

- schema.py       the fields and analyzers (SCHEMA_VERSION)
- store.py        IndexStore: open, repair or fall back to memory; searchers; the catalog
- maintenance.py  locks, schema stamps, validation, leftovers of dead writers, recreation
- catalog.py      the catalog file beside the index (what article lists need)
- documents.py    what one article is stored as, and how it is read back
- writing.py      writers (one process or several), IndexWriterSession, the codec
- query.py        parsing, bounds, running, spelling correction and fuzzy retries
- postings.py     the posting-list fast path (ranking, offsets, field lengths)
- highlight.py    snippets and matched spans
- protocol.py     SearchEngine: what library.py needs of an index (and QueryOutcome)
- errors.py       the exceptions it raises

It may import Whoosh, rapidfuzz, and from search_index only the modules that know nothing of
it: models, text, files and ranking (tests/unit/test_architecture.py checks both rules).

Names with a leading underscore are shared between this package's modules, not outside it
(tests and benchmarks aside).
"""

# Whoosh 2.7.4 predates Python 3.12's stricter string escapes: compiling its sources emits
# SyntaxWarnings, and some calls emit DeprecationWarnings. Neither means anything to a user, so
# both are silenced before the first import (a module= filter does not catch compile-time ones).
# This runs before any module of the package does, so before any of them imports Whoosh.
import warnings

for _category in (SyntaxWarning, DeprecationWarning):  # 3.12+ and 3.11 names for bad escapes
    warnings.filterwarnings("ignore", category=_category, module=r".*[/\\]whoosh[/\\]")
warnings.filterwarnings("ignore", module=r"whoosh(\.|$)")

from .catalog import info_from_entry  # noqa: E402
from .errors import IndexUnavailable, LockBusy, QuerySyntaxError, QueryTooBroad  # noqa: E402
from .protocol import QueryOutcome, SearchEngine, WriterSession  # noqa: E402
from .store import IndexStore  # noqa: E402
from .writing import IndexWriterSession, exit_with_parent  # noqa: E402

__all__ = [
    "IndexStore",
    "IndexUnavailable",
    "IndexWriterSession",
    "LockBusy",
    "QueryOutcome",
    "QuerySyntaxError",
    "QueryTooBroad",
    "SearchEngine",
    "WriterSession",
    "exit_with_parent",
    "info_from_entry",
]
