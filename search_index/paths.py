"""Where kimreader keeps its files: never inside a corpus folder."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kimreader"


@dataclass(frozen=True, slots=True)
class AppPaths:
    cache_dir: Path
    state_dir: Path
    config_dir: Path

    @property
    def index_root(self) -> Path:
        return self.cache_dir / "indexes"

    def index_dir(self, corpus_dir: Path) -> Path:
        """One index folder per corpus, keyed by the corpus's resolved path.

        The readable slug is only for people browsing the cache; the hash keeps two corpora
        with the same folder name apart.
        """
        resolved = str(corpus_dir.resolve())
        digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", corpus_dir.resolve().name).strip("-")[:40]
        return self.index_root / f"{slug or 'corpus'}-{digest}"


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links resolved as far as it exists, is ``folder`` or lies below it.

    Used wherever kimreader must stay within a folder: links followed only inside the corpus,
    and no cache or state written into it."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def cache_inside_warning(folder: Path) -> str:
    return (
        f"the cache folder {folder} lies inside the corpus, and kimreader never writes into a "
        "corpus: using an in-memory index for this run (set XDG_CACHE_HOME to a folder "
        "outside the corpus to keep the index between runs)"
    )


def app_paths() -> AppPaths:
    """The per-user folders, read afresh each call so tests and users can steer them with XDG_*."""
    return AppPaths(
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


def bundled_corpus() -> Path:
    """The seed articles: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "seeds"
    if installed.is_dir():
        return installed
    return here.parent / "seeds"
