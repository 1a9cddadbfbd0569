"""What the reader remembers between runs, per corpus: the last article open, where each article
was scrolled to, and which articles are marked.

The state is a convenience, so losing it must never stop the app: every failure (missing file,
damaged file, read-only folder) becomes a warning the caller can show, never an exception. It
lives in the per-user state folder, never in the corpus folder, which may be read-only or shared.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import os_reason, write_atomically
from .paths import app_paths, inside

__all__ = ["MAX_POSITIONS", "Forgotten", "ReadingState", "StateStore", "merge_states"]

# Scroll positions pile up as the user browses; only recent ones are worth a larger file.
MAX_POSITIONS = 500

# Written into the file so a later layout can tell old files apart instead of guessing.
_FORMAT_VERSION = 1


@dataclass
class ReadingState:
    last_article: str | None = None
    positions: dict[str, int] = field(default_factory=dict)  # article id -> scroll y (lines)
    marked: list[str] = field(default_factory=list)

    def set_position(self, article_id: str, scroll_y: int) -> None:
        """Remember a scroll position; the dict's order doubles as recency, which the cap uses."""
        # Re-inserting moves the key to the end, so the oldest-set article is the one dropped.
        self.positions.pop(article_id, None)
        self.positions[article_id] = max(0, int(scroll_y))
        _trim_positions(self.positions)

    def forget_missing(self, known: Collection[str]) -> Forgotten:
        """Drop whatever points at an article not in ``known`` → what was dropped.

        Files are deleted and renamed between runs (and while the app is open): state naming
        them must not be opened, compared or restored, and the caller tells the user.
        """
        # One set lookup per entry, whatever collection the caller has to hand.
        present = known if isinstance(known, set | frozenset) else set(known)
        return self._forget(lambda article_id: article_id not in present)

    def forget(self, article_id: str) -> Forgotten:
        """Drop whatever points at one article (found gone) → what was dropped."""
        return self._forget(lambda other: other == article_id)

    def _forget(self, gone: Callable[[str], bool]) -> Forgotten:
        last = self.last_article
        gone_last = last if last is not None and gone(last) else None
        if gone_last is not None:
            self.last_article = None
        gone_marks = tuple(m for m in self.marked if gone(m))
        if gone_marks:
            self.marked = [m for m in self.marked if not gone(m)]
        gone_positions = [key for key in self.positions if gone(key)]
        for key in gone_positions:
            del self.positions[key]
        return Forgotten(gone_last, gone_marks, len(gone_positions))


@dataclass(frozen=True)
class Forgotten:
    """What ``ReadingState.forget_missing`` dropped; falsy when it dropped nothing."""

    last_article: str | None = None
    marked: tuple[str, ...] = ()
    positions: int = 0

    def __bool__(self) -> bool:
        return self.last_article is not None or bool(self.marked) or self.positions > 0

    def __or__(self, other: Forgotten) -> Forgotten:
        """Both drops together (the same article dropped twice counts once)."""
        return Forgotten(
            self.last_article if self.last_article is not None else other.last_article,
            tuple(dict.fromkeys(self.marked + other.marked)),
            self.positions + other.positions,
        )


class StateStore:
    """One JSON file per corpus in the state folder."""

    def __init__(self, corpus_dir: Path, state_dir: Path | None = None) -> None:
        paths = app_paths()
        self._corpus_dir = corpus_dir
        self._state_dir = state_dir if state_dir is not None else paths.state_dir
        # Same key as the index folder, so a corpus's cache and state are easy to match up.
        self._path = self._state_dir / f"{paths.index_dir(corpus_dir).name}.json"
        # The state as this process last read or wrote it: what it changed since is what a save
        # writes over the file, so two apps on one corpus keep each other's marks and positions.
        self._baseline: ReadingState | None = None

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> tuple[ReadingState, str | None]:
        """The saved state, or a fresh one → (state, warning or None)."""
        try:
            raw = self._path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            # Nothing saved yet (first run); not worth telling anyone about.
            return ReadingState(), None
        except OSError as exc:
            # Unreadable but maybe fine (permissions): leave it alone rather than set it aside.
            return ReadingState(), f"Reading state not loaded ({os_reason(exc)}); starting fresh."

        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            # RecursionError: absurdly deep nesting, which only a damaged file would contain.
            return ReadingState(), self._set_aside(f"not valid JSON: {exc}")
        if not isinstance(data, dict):
            return ReadingState(), self._set_aside("not a JSON object")

        state, bad_fields = _from_json(data)
        self._baseline = _copy(state)
        if bad_fields:
            names = ", ".join(bad_fields)
            return state, f"Reading state: ignored invalid {names} in {self._path}."
        return state, None

    def _read_quietly(self) -> ReadingState | None:
        try:
            data = json.loads(self._path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return None
        return _from_json(data)[0] if isinstance(data, dict) else None

    def save(self, state: ReadingState) -> str | None:
        """Write the state atomically → warning or None. Never raises.

        What this process changed since it last loaded or saved is merged into the file as it is
        now (another app on the same corpus may have written it meanwhile), and ``state`` takes
        in the other's marks and positions."""
        if self._inside_corpus():
            return f"Reading state not saved: {self._path} is inside the corpus folder."
        try:
            self._state_dir.mkdir(parents=True, exist_ok=True)
            with _locked(self._state_dir):
                return self._merge_and_write(state)
        except OSError as exc:
            return f"Reading state not saved ({os_reason(exc)})."

    def _merge_and_write(self, state: ReadingState) -> str | None:
        disk = self._read_quietly()
        if disk is not None:
            merged = merge_states(disk, self._baseline or ReadingState(), state)
            state.positions, state.marked = dict(merged.positions), list(merged.marked)
            state.last_article = merged.last_article
        # Serialise first, through the same checks as loading, so a stray value in the state
        # cannot fail halfway through writing.
        text = json.dumps(_to_json(state), indent=1, ensure_ascii=True) + "\n"
        try:
            write_atomically(self._path, text, durable=True)
        except OSError as exc:
            return f"Reading state not saved ({os_reason(exc)})."
        self._baseline = _copy(state)
        return None

    def _set_aside(self, why: str) -> str:
        """Move a damaged file out of the way, keeping it for anyone who wants to look."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self._path.with_name(f"{self._path.name}.corrupt-{stamp}")
        counter = 1
        try:
            # Two damaged files within one second must not overwrite each other.
            while aside.exists():
                aside = self._path.with_name(f"{self._path.name}.corrupt-{stamp}-{counter}")
                counter += 1
            os.replace(self._path, aside)
        except OSError as exc:
            return (
                f"Reading state file {self._path} is damaged ({why}) and could not be moved "
                f"aside ({os_reason(exc)}); starting fresh."
            )
        return f"Reading state file was damaged ({why}); kept it as {aside}; starting fresh."

    def _inside_corpus(self) -> bool:
        # Guards against a state folder steered (XDG_STATE_HOME, state_dir=) into the corpus.
        return inside(self._path, self._corpus_dir)


def merge_states(disk: ReadingState, baseline: ReadingState, mine: ReadingState) -> ReadingState:
    """The file's state with this process's changes since ``baseline`` applied over it.

    Positions and marks this process set or removed win; everything else stays as the other
    writer left it. The last article is this process's if it opened one since ``baseline``."""
    positions = dict(disk.positions)
    for key in baseline.positions.keys() - mine.positions.keys():
        positions.pop(key, None)  # forgotten here (a deleted article)
    for key, value in mine.positions.items():
        if baseline.positions.get(key) != value:
            positions.pop(key, None)  # re-inserted last: the newest, kept by the cap
            positions[key] = value
    _trim_positions(positions)
    added = [m for m in mine.marked if m not in baseline.marked]
    removed = set(baseline.marked) - set(mine.marked)
    marked = [m for m in disk.marked if m not in removed]
    marked += [m for m in added if m not in marked]
    last = mine.last_article if mine.last_article != baseline.last_article else disk.last_article
    return ReadingState(last, positions, marked)


def _copy(state: ReadingState) -> ReadingState:
    return ReadingState(state.last_article, dict(state.positions), list(state.marked))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes saving state (where flock exists), taken on the state
    folder itself so that no lock file is left behind: without it, two saves could each merge
    before the other's write and lose it."""
    try:
        import fcntl
    except ImportError:  # Windows: saves are rare and small; the merge still narrows the race
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _from_json(data: dict[str, Any]) -> tuple[ReadingState, list[str]]:
    """Build a state from parsed JSON, keeping whatever is valid → (state, names of bad fields)."""
    bad: list[str] = []
    state = ReadingState()

    last = data.get("last_article")
    if isinstance(last, str) or last is None:
        state.last_article = last
    else:
        bad.append("last_article")

    positions = data.get("positions", {})
    if isinstance(positions, dict):
        state.positions = _clean_positions(positions)
        if len(state.positions) != len(positions):
            bad.append("positions entries")
    else:
        bad.append("positions")
    _trim_positions(state.positions)

    marked = data.get("marked", [])
    if isinstance(marked, list):
        state.marked = _clean_marked(marked)
        if any(not isinstance(item, str) for item in marked):
            bad.append("marked entries")
    else:
        bad.append("marked")
    return state, bad


def _to_json(state: ReadingState) -> dict[str, Any]:
    last = state.last_article if isinstance(state.last_article, str) else None
    positions = _clean_positions(state.positions if isinstance(state.positions, dict) else {})
    _trim_positions(positions)
    marked = _clean_marked(state.marked if isinstance(state.marked, list) else [])
    return {
        "version": _FORMAT_VERSION,
        "last_article": last,
        "positions": positions,
        "marked": marked,
    }


def _clean_positions(raw: dict[Any, Any]) -> dict[str, int]:
    # bool is an int subclass, but true/false is never a scroll offset.
    return {
        key: value
        for key, value in raw.items()
        if isinstance(key, str)
        and isinstance(value, int)
        and not isinstance(value, bool)
        and value >= 0
    }


def _clean_marked(raw: list[Any]) -> list[str]:
    # A mark is a yes/no per article, so repeats carry nothing; keep first-marked order.
    return list(dict.fromkeys(item for item in raw if isinstance(item, str)))


def _trim_positions(positions: dict[str, int]) -> None:
    excess = len(positions) - MAX_POSITIONS
    if excess > 0:
        for key in list(positions)[:excess]:
            del positions[key]
