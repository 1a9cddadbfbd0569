"""The user's settings: ``config.toml`` in the config folder, the environment over it, and the
theme last chosen in the app.

Plain and typed, with no Textual: the CLI reads the default corpus here, and the app its theme
and key map. Settings are a convenience, so nothing here raises on bad input: a missing,
unreadable or malformed file, an unknown setting or a value of the wrong type becomes a one-line
warning (the CLI prints it on standard error, the app shows it as a notification) and the
default stands in for what could not be read.

Precedence: ``--corpus`` > ``KIMREADER_CORPUS`` > ``corpus`` in config.toml > the bundled seeds.
For the theme: ``KIMREADER_THEME`` > the theme last chosen in the app > ``theme`` in config.toml
> Textual's default; a theme chosen in the app stops winning once config.toml's ``theme`` is
edited (the newer explicit choice wins). config.toml is only ever read: it may hold the user's
comments. The chosen theme goes to a small JSON file in the state folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search_index.files import os_reason, write_atomically
from search_index.paths import app_paths

from .plain import printable

__all__ = [
    "CONFIG_ENV",
    "CONFIG_NAME",
    "CORPUS_ENV",
    "PREFERENCES_NAME",
    "THEME_ENV",
    "RememberedTheme",
    "Settings",
    "ThemeChoice",
    "ThemeMemory",
    "check_keymap",
    "config_path",
    "default_corpus",
    "load_settings",
    "pick_theme",
    "theme_choices",
]

CONFIG_ENV = "KIMREADER_CONFIG"
THEME_ENV = "KIMREADER_THEME"
CORPUS_ENV = "KIMREADER_CORPUS"  # read by click as --corpus's envvar; named here for the docs
CONFIG_NAME = "config.toml"
PREFERENCES_NAME = "preferences.json"

# What config.toml may hold, and what each must be: a warning names them when one is unknown.
_KNOWN = ("theme", "corpus", "keymap")
# Written into the preferences file so a later layout can tell old files apart.
_PREFERENCES_VERSION = 1


@dataclass(frozen=True, slots=True)
class Settings:
    """What config.toml and the environment ask for, checked for type (not yet for meaning:
    theme names and binding ids are the app's to know)."""

    config_path: Path
    corpus: Path | None = None
    """The default corpus folder from config.toml (absolute), or None."""
    config_theme: str | None = None
    env_theme: str | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> keys (comma-separated, as Textual writes them), as config.toml gives them."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThemeChoice:
    name: str
    source: str
    """Where the name came from, as a warning names it (``KIMREADER_THEME``, ``config.toml``)."""


@dataclass(frozen=True, slots=True)
class RememberedTheme:
    theme: str
    config_theme: str | None
    """config.toml's ``theme`` when this one was chosen: once it differs, config.toml was edited
    since, and its theme is the newer choice."""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``KIMREADER_CONFIG`` when set, else config.toml in the per-user config folder."""
    env = os.environ if environ is None else environ
    named = env.get(CONFIG_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    return app_paths().config_dir / CONFIG_NAME


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """config.toml and the environment read → Settings, with a warning for whatever was ignored.
    Never raises."""
    env = os.environ if environ is None else environ
    path = config_path(env)
    env_theme = env.get(THEME_ENV, "").strip() or None
    named = bool(env.get(CONFIG_ENV, "").strip())
    data, warning = _read_toml(path, named=named)
    warnings = [warning] if warning else []
    if data is None:
        return Settings(path, env_theme=env_theme, warnings=tuple(warnings))

    where = printable(str(path))
    for key in data:
        if key not in _KNOWN:
            warnings.append(
                f"{where}: unknown setting {printable(key)!r} ignored "
                f"(kimreader reads {', '.join(_KNOWN)})"
            )
    theme = _string(data, "theme", where, warnings)
    corpus_text = _string(data, "corpus", where, warnings)
    corpus = None
    if corpus_text is not None:
        # Relative to the config file, which is where the user wrote it, not wherever the shell is.
        corpus = (path.parent / Path(corpus_text).expanduser()).absolute()
    keymap = _keymap(data.get("keymap"), where, warnings)
    return Settings(path, corpus, theme, env_theme, keymap, tuple(warnings))


def default_corpus(settings: Settings) -> tuple[Path | None, str | None]:
    """The corpus to open when neither ``--corpus`` nor ``KIMREADER_CORPUS`` names one →
    (folder or None for the bundled seeds, warning or None)."""
    corpus = settings.corpus
    if corpus is None:
        return None, None
    if corpus.is_dir():
        return corpus, None
    return None, (
        f"{printable(str(settings.config_path))}: corpus {printable(str(corpus))} is not a "
        "folder; using the bundled seeds"
    )


def theme_choices(settings: Settings, remembered: RememberedTheme | None) -> list[ThemeChoice]:
    """The themes to try, best first (see the module's precedence)."""
    choices: list[ThemeChoice] = []
    if settings.env_theme:
        choices.append(ThemeChoice(settings.env_theme, THEME_ENV))
    if remembered is not None and remembered.config_theme == settings.config_theme:
        choices.append(ThemeChoice(remembered.theme, "the theme last chosen in the app"))
    if settings.config_theme:
        choices.append(ThemeChoice(settings.config_theme, printable(str(settings.config_path))))
    return choices


def pick_theme(
    choices: Collection[ThemeChoice], available: Collection[str]
) -> tuple[str | None, list[str]]:
    """The first choice that names a known theme → (name, or None for the default; a warning
    for each unknown name passed over)."""
    warnings: list[str] = []
    for choice in choices:
        if choice.name in available:
            return choice.name, warnings
        warnings.append(
            f"{choice.source}: no theme is called {printable(choice.name)!r}"
            f"{_did_you_mean(choice.name, available)}; ignored"
        )
    return None, warnings


def check_keymap(
    keymap: Mapping[str, str], known_ids: Collection[str], is_key: Callable[[str], bool]
) -> tuple[dict[str, str], list[str]]:
    """The entries of ``keymap`` that name a known binding id and only valid keys → (those
    entries, a warning for each one dropped)."""
    kept: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known_ids:
            warnings.append(
                f"keymap: no key binding has the id {printable(binding_id)!r}"
                f"{_did_you_mean(binding_id, known_ids)}; ignored"
            )
            continue
        bad = [key for key in _split_keys(keys) if not is_key(key)]
        if bad or not _split_keys(keys):
            named = ", ".join(repr(printable(key)) for key in bad) or "nothing"
            warnings.append(
                f"keymap: {printable(binding_id)} = {printable(keys)!r} names no key "
                f"({named}; write e.g. 'f2', 'ctrl+k', 'x'); ignored"
            )
            continue
        kept[binding_id] = ",".join(_split_keys(keys))
    return kept, warnings


class ThemeMemory:
    """The theme last chosen in the app, in a small JSON file in the state folder (never in
    config.toml, which the user writes and may annotate)."""

    def __init__(self, state_dir: Path | None = None) -> None:
        folder = state_dir if state_dir is not None else app_paths().state_dir
        self.path = folder / PREFERENCES_NAME

    def load(self) -> tuple[RememberedTheme | None, str | None]:
        """→ (the remembered theme or None, a warning or None). Never raises."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None, None  # nothing chosen yet
        except OSError as exc:
            return None, f"Remembered theme not read ({os_reason(exc)}); using the default."
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        theme = data.get("theme") if isinstance(data, dict) else None
        config_theme = data.get("config_theme") if isinstance(data, dict) else None
        if not isinstance(theme, str) or not (
            config_theme is None or isinstance(config_theme, str)
        ):
            # Rewritten whole at the next theme change: nothing to set aside.
            where = printable(str(self.path))
            return None, f"{where} is damaged; the remembered theme is ignored."
        return RememberedTheme(theme, config_theme), None

    def save(self, theme: str, config_theme: str | None) -> str | None:
        """Remember ``theme`` (atomically) → a warning or None. Never raises."""
        text = json.dumps(
            {"version": _PREFERENCES_VERSION, "theme": theme, "config_theme": config_theme},
            indent=1,
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, text + "\n", durable=True)
        except OSError as exc:
            return printable(f"Theme not remembered: {self.path}: {os_reason(exc)}.")
        return None


def _read_toml(path: Path, *, named: bool) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed file → (table or None, warning or None). A missing default file is no news;
    one named by KIMREADER_CONFIG is (the user expects it to be read)."""
    where = printable(str(path))
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if named:
            return None, f"{CONFIG_ENV} names {where}, which does not exist; using the defaults"
        return None, None
    except OSError as exc:
        return None, f"{where} could not be read ({os_reason(exc)}); using the defaults"
    import tomllib  # only when there is a file to parse: most users have none

    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, f"{where} is not UTF-8 text; using the defaults"
    except tomllib.TOMLDecodeError as exc:
        return None, f"{where} is not valid TOML ({printable(str(exc))}); using the defaults"


def _string(data: Mapping[str, Any], key: str, where: str, warnings: list[str]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    warnings.append(f"{where}: {key} must be a non-empty string, not {_shown(value)}; ignored")
    return None


def _keymap(value: Any, where: str, warnings: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        warnings.append(f"{where}: keymap must be a table ([keymap]), not {_shown(value)}; ignored")
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        # A list of keys reads better in TOML than Textual's comma-separated string: take both.
        if isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if isinstance(keys, str) and _split_keys(keys):
            keymap[binding_id] = keys
        else:
            warnings.append(
                f"{where}: keymap.{printable(binding_id)} must be a key such as 'ctrl+k' "
                f"(or a list of keys), not {_shown(keys)}; ignored"
            )
    return keymap


def _split_keys(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _shown(value: Any) -> str:
    return printable(repr(value))[:40]


def _did_you_mean(name: str, known: Collection[str]) -> str:
    import difflib  # only for a setting misspelt

    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
