"""``kimreader fetch``: the only code in kimreader that touches the network, and only when the
user runs that command. Nothing else imports this package.

It saves each page's original bytes into a folder with a provenance record beside it
(store.py), politely: our User-Agent, timeouts, retries with backoff (http.py), robots.txt
(robots.py), a few hosts at a time and one request at a time per host (run.py). Feeds, OPML
files and URL lists are read for their links (links.py, inputs.py); file names come from URLs
and can never leave the folder (names.py).

May import from search_index only ``files`` (atomic writes), ``provenance`` (the record's name)
and the package version: it must stay usable without the corpus, the index or the UI.
"""

from .http import USER_AGENT, HttpSettings
from .inputs import InputError, Rejected, Target, read_inputs
from .run import FetchReport, FetchSettings, Outcome, Status, fetch
from .store import PROVENANCE_SUFFIX

__all__ = [
    "PROVENANCE_SUFFIX",
    "USER_AGENT",
    "FetchReport",
    "FetchSettings",
    "HttpSettings",
    "InputError",
    "Outcome",
    "Rejected",
    "Status",
    "Target",
    "fetch",
    "read_inputs",
]
