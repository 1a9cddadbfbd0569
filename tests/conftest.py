from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import SEEDS


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own cache, state and config folders: nothing touches the user's."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("KIMREADER_CORPUS", raising=False)
    yield home
    # The CLI's consoles are made on first use and read COLUMNS, NO_COLOR and the like then:
    # each test gets its own, made under its own environment, whatever ran before it.
    output = sys.modules.get("tui.cli.output")
    if output is not None:
        output.stdout.cache_clear()
        output.stderr.cache_clear()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The seed corpus indexed once for the whole session (read-only use)."""
    from search_index.library import Library

    home = tmp_path_factory.mktemp("seed-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        library = Library.open(SEEDS)
        library.refresh()
    yield library
    library.close()
