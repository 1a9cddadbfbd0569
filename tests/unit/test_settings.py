"""config.toml, the environment over it, and the remembered theme (issue 19): read in plain
code, every bad input a one-line warning and the default in its place, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.keymap import is_key
from tui.settings import (
    CONFIG_ENV,
    THEME_ENV,
    RememberedTheme,
    Settings,
    ThemeMemory,
    check_keymap,
    config_path,
    default_corpus,
    load_settings,
    pick_theme,
    theme_choices,
)

THEMES = {"textual-dark", "textual-light", "nord", "gruvbox"}


def _config(isolated_dirs: Path, text: str | bytes) -> Path:
    path = isolated_dirs / "config" / "kimreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_no_config_file_is_the_defaults_without_a_word(isolated_dirs):
    settings = load_settings({})
    assert settings == Settings(config_path({}))
    assert settings.config_path == isolated_dirs / "config" / "kimreader" / "config.toml"


def test_a_config_file_gives_theme_corpus_and_keymap(isolated_dirs):
    (isolated_dirs / "config" / "kimreader" / "news").mkdir(parents=True)
    _config(
        isolated_dirs,
        '# my settings\ntheme = "nord"\ncorpus = "news"\n\n'
        '[keymap]\nmark = "x"\nsearch = ["f", "ctrl+f"]\n',
    )
    settings = load_settings({})
    assert settings.warnings == ()
    assert settings.config_theme == "nord"
    # A relative corpus is read from the config file's folder, wherever the shell is.
    assert settings.corpus == isolated_dirs / "config" / "kimreader" / "news"
    assert default_corpus(settings) == (settings.corpus, None)
    assert dict(settings.keymap) == {"mark": "x", "search": "f,ctrl+f"}


def test_kimreader_config_names_another_file_and_says_when_it_is_missing(tmp_path):
    mine = tmp_path / "elsewhere.toml"
    mine.write_text('theme = "gruvbox"\n')
    assert load_settings({CONFIG_ENV: str(mine)}).config_theme == "gruvbox"
    missing = load_settings({CONFIG_ENV: str(tmp_path / "nope.toml")})
    (warning,) = missing.warnings
    assert CONFIG_ENV in warning and "nope.toml" in warning and "does not exist" in warning


def test_malformed_toml_is_one_line_naming_where_and_the_rest_is_default(isolated_dirs):
    _config(isolated_dirs, 'theme = "nord"\n[keymap\nmark = "x"\n')
    settings = load_settings({THEME_ENV: "gruvbox"})
    (warning,) = settings.warnings
    assert "config.toml is not valid TOML" in warning and "line 2" in warning
    assert "\n" not in warning
    # What the environment says still holds.
    assert settings.env_theme == "gruvbox" and settings.config_theme is None


def test_text_that_is_not_utf8_or_a_folder_in_the_file_s_place_is_said(isolated_dirs):
    path = _config(isolated_dirs, b'theme = "\xff"\n')
    assert "not UTF-8" in load_settings({}).warnings[0]
    path.unlink()
    path.mkdir()  # unreadable as a file (root can read any file, but not a folder as one)
    (warning,) = load_settings({}).warnings
    assert "could not be read" in warning and "using the defaults" in warning


def test_unknown_settings_and_wrong_types_are_ignored_one_by_one(isolated_dirs):
    _config(
        isolated_dirs,
        'colour = "blue"\ntheme = 3\ncorpus = ""\n[keymap]\nmark = 5\nsearch = "f"\n',
    )
    settings = load_settings({})
    text = "\n".join(settings.warnings)
    assert len(settings.warnings) == 4
    assert "unknown setting 'colour'" in text
    assert "theme must be a non-empty string, not 3" in text
    assert "corpus must be a non-empty string" in text
    assert "keymap.mark must be a key" in text
    # The good entry next to a bad one is kept.
    assert dict(settings.keymap) == {"search": "f"}
    assert settings.config_theme is None and settings.corpus is None


def test_a_keymap_that_is_not_a_table_is_ignored(isolated_dirs):
    _config(isolated_dirs, 'keymap = "x"\n')
    settings = load_settings({})
    assert settings.keymap == {} and "keymap must be a table" in settings.warnings[0]


def test_a_config_corpus_that_is_not_a_folder_falls_back_to_the_seeds(isolated_dirs):
    _config(isolated_dirs, 'corpus = "~/no-such-folder-for-kimreader"\n')
    corpus, warning = default_corpus(load_settings({}))
    assert corpus is None
    assert warning is not None and "no-such-folder-for-kimreader" in warning
    assert "bundled seeds" in warning


def test_theme_precedence_env_then_chosen_in_app_then_config():
    settings = Settings(Path("config.toml"), config_theme="nord", env_theme="gruvbox")
    chosen = RememberedTheme("textual-light", config_theme="nord")
    names = [c.name for c in theme_choices(settings, chosen)]
    assert names == ["gruvbox", "textual-light", "nord"]
    assert pick_theme(theme_choices(settings, chosen), THEMES) == ("gruvbox", [])
    without_env = Settings(Path("config.toml"), config_theme="nord")
    assert pick_theme(theme_choices(without_env, chosen), THEMES)[0] == "textual-light"
    assert pick_theme(theme_choices(without_env, None), THEMES)[0] == "nord"
    assert pick_theme(theme_choices(Settings(Path("c")), None), THEMES) == (None, [])


def test_editing_the_config_theme_after_choosing_one_in_the_app_wins_again():
    chosen = RememberedTheme("textual-light", config_theme="nord")
    edited = Settings(Path("config.toml"), config_theme="gruvbox")
    assert [c.name for c in theme_choices(edited, chosen)] == ["gruvbox"]
    # A theme first written into config.toml after one was chosen in the app is newer too.
    chosen_without_config = RememberedTheme("textual-light", config_theme=None)
    assert [c.name for c in theme_choices(edited, chosen_without_config)] == ["gruvbox"]


def test_an_unknown_theme_is_passed_over_with_a_suggestion():
    settings = Settings(Path("config.toml"), config_theme="nord", env_theme="gruvbx")
    theme, warnings = pick_theme(theme_choices(settings, None), THEMES)
    assert theme == "nord"
    (warning,) = warnings
    assert warning.startswith(THEME_ENV) and "'gruvbx'" in warning
    assert "did you mean 'gruvbox'?" in warning


def test_check_keymap_keeps_known_ids_with_real_keys():
    known = {"search", "mark", "help"}
    keymap = {"serch": "f", "mark": "ctl+x", "help": "f1", "search": " f , ctrl+f "}
    kept, warnings = check_keymap(keymap, known, is_key)
    assert kept == {"help": "f1", "search": "f,ctrl+f"}
    text = "\n".join(warnings)
    assert "no key binding has the id 'serch' (did you mean 'search'?)" in text
    assert "mark = 'ctl+x' names no key ('ctl+x'" in text


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("x", True),
        ("N", True),
        ("?", True),
        ("ctrl+k", True),
        ("shift+tab", True),
        ("f5", True),
        ("pagedown", True),
        ("question_mark", True),
        ("ctrl+shift+up", True),
        ("ctrl-k", False),
        ("ctl+x", False),
        ("foo", False),
        ("", False),
    ],
)
def test_is_key_knows_textual_key_names(key, valid):
    assert is_key(key) is valid


def test_the_chosen_theme_is_remembered_atomically(tmp_path):
    memory = ThemeMemory(tmp_path / "state")
    assert memory.load() == (None, None)
    assert memory.save("gruvbox", "nord") is None
    assert memory.load() == (RememberedTheme("gruvbox", "nord"), None)
    assert json.loads(memory.path.read_text())["theme"] == "gruvbox"
    assert [p.name for p in memory.path.parent.iterdir()] == [memory.path.name]


def test_a_damaged_preferences_file_is_ignored_with_a_word(tmp_path):
    memory = ThemeMemory(tmp_path)
    memory.path.write_text("{not json")
    remembered, warning = memory.load()
    assert remembered is None and warning is not None and "damaged" in warning
    memory.path.write_text('{"theme": 3}')
    assert memory.load()[0] is None


def test_a_state_folder_that_cannot_be_written_is_a_warning(tmp_path):
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    warning = ThemeMemory(blocker / "kimreader").save("nord", None)
    assert warning is not None and warning.startswith("Theme not remembered")
    assert "\n" not in warning
