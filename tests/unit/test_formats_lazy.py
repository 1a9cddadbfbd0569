"""A corpus of text pays nothing for the web formats: their libraries are imported only when a
page, archive or feed is read (the import costs, not the code, are what start-up would feel)."""

import json
import os
import subprocess
import sys

from support import SEEDS

HEAVY = ("trafilatura", "lxml", "fastfeedparser", "ftfy", "dateparser", "htmldate")

CODE = """
import json, sys
from pathlib import Path
from search_index.library import Library
with Library.open(Path(sys.argv[1])) as library:
    library.refresh(parallel=False)
    library.catalog()
    library.search("museum")
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy})))
"""


def loaded(corpus, tmp_path) -> list[str]:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    out = subprocess.run(
        [sys.executable, "-c", CODE.format(heavy=repr(set(HEAVY))), str(corpus)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return json.loads(out.stdout)


def test_a_text_corpus_imports_no_web_format_library(tmp_path):
    assert loaded(SEEDS, tmp_path) == []


def test_a_corpus_with_a_page_does_import_them(tmp_path):
    # The check above can fail: with one saved page, trafilatura is loaded.
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "p.html").write_text("<html><body><p>" + "word " * 50 + "</p></body></html>")
    assert "trafilatura" in loaded(corpus, tmp_path)
