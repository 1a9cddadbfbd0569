"""`kimreader index` works the stories out at index time (issue 18): afterwards `stories`
reads them back instead of grouping the corpus."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from support.story_corpus import story_corpus

from search_index.library import Library
from tui.cli import cli


def test_index_groups_the_stories_and_keeps_them(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = story_corpus(tmp_path)
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "index"])
    assert result.exit_code == 0, result.output
    assert " stories in " in result.stderr
    with Library.open(corpus) as library:
        library.refresh()
        # Kept: even a corpus far too large to group unasked would be quick now.
        assert library.stories_are_cheap(10**9)
        told = int(result.stderr.split(" stories in ")[0].rsplit(", ", 1)[1])
        assert told == len(library.stories()) >= 2
