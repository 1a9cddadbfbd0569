"""config.toml as a user meets it (issue 19): a key map that moves real keys (and help and the
footer saying so), a theme from the file, a theme chosen in the app kept for the next launch,
the default corpus, and bad input told in one line while everything else still works."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support import SEEDS
from support.pilot import settle
from textual.command import CommandPalette
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tui.app import KimreaderApp
from tui.cli import cli
from tui.screens.modals import HelpScreen
from tui.settings import ThemeMemory, load_settings


def _config(isolated_dirs: Path, text: str) -> Path:
    path = isolated_dirs / "config" / "kimreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _warnings(app: KimreaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


async def test_a_keymap_moves_a_real_key_and_help_and_the_footer_say_so(isolated_dirs):
    _config(isolated_dirs, '[keymap]\nmark = "x"\nhelp = "f1"\n')
    app = KimreaderApp(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        current = app.main.current
        assert current is not None
        await pilot.press("m")  # the old key does nothing now
        await pilot.pause()
        assert app.state.marked == []
        await pilot.press("x")
        await pilot.pause()
        assert app.state.marked == [current.id]
        footer = {key.description: key.key for key in app.screen.query(FooterKey)}
        assert footer["Mark"] == "x" and footer["Help"] == "f1"
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.query_one(Static).content).splitlines()
        assert any(line.split()[:2] == ["x", "mark"] for line in lines)
        assert any(line.split()[:3] == ["f1", "this", "help"] for line in lines)
        await pilot.press("f1")  # the key that opened help closes it
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert _warnings(app) == []


async def test_a_key_taken_from_another_binding_is_said_at_start(isolated_dirs):
    # In the claim diff, f filters: giving f to search there leaves the filter without a key.
    _config(isolated_dirs, '[keymap]\nsearch = "f"\n')
    app = KimreaderApp(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        (warning,) = _warnings(app)
        assert "search takes 'f' from 'Filter' in CompareScreen" in warning


async def test_a_theme_from_config_is_applied(isolated_dirs):
    _config(isolated_dirs, 'theme = "nord"\n')
    app = KimreaderApp(settings=load_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    # Applying the configured theme is not choosing one: nothing is remembered.
    assert ThemeMemory().load() == (None, None)


async def test_a_theme_chosen_in_the_app_is_there_next_launch(isolated_dirs, monkeypatch):
    config = _config(isolated_dirs, '# my theme\ntheme = "nord"\n')
    before = config.read_text()
    first = KimreaderApp(settings=load_settings())
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
        # As a user does: the palette's "Change theme", then the theme's name.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await settle(first, pilot)
        await pilot.press("enter")
        await settle(first, pilot)
        assert isinstance(first.screen, CommandPalette)
        await pilot.press(*"gruvbox")
        await settle(first, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert first.theme == "gruvbox"
    assert config.read_text() == before  # the user's file, comments and all, is never written

    second = KimreaderApp(settings=load_settings())
    async with second.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert second.theme == "gruvbox"

    # KIMREADER_THEME beats the remembered theme, for that run.
    monkeypatch.setenv("KIMREADER_THEME", "textual-light")
    third = KimreaderApp(settings=load_settings())
    async with third.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert third.theme == "textual-light"


async def test_bad_settings_are_told_and_the_app_starts_with_defaults(isolated_dirs, monkeypatch):
    _config(isolated_dirs, '[keymap]\nmark = "x"\nserch = "z"\n')
    monkeypatch.setenv("KIMREADER_THEME", "no-such-theme")
    app = KimreaderApp(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        warnings = _warnings(app)
        assert len(warnings) == 2
        assert any("KIMREADER_THEME" in w and "no-such-theme" in w for w in warnings)
        assert any("'serch' (did you mean 'search'?)" in w for w in warnings)
        assert all("\n" not in w for w in warnings)
        # The good entry beside the bad one still applies.
        await pilot.press("x")
        await pilot.pause()
        assert len(app.state.marked) == 1


async def test_malformed_toml_is_a_notification_and_nothing_else_changes(isolated_dirs):
    _config(isolated_dirs, 'theme = "nord"\n[keymap\n')
    app = KimreaderApp(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        (warning,) = _warnings(app)
        assert "not valid TOML" in warning
        assert app.theme == "textual-dark" and app.articles


async def test_a_read_only_state_folder_is_told_when_the_theme_is_chosen(isolated_dirs):
    (isolated_dirs / "state").write_text("a file where the state folder should be")
    app = KimreaderApp(settings=load_settings())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
        await pilot.pause()
        assert app.theme == "gruvbox"
        assert any(w.startswith("Theme not remembered") for w in _warnings(app))


# -- the command line ------------------------------------------------------------------------


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_paths_names_the_config_file_and_kimreader_config_moves_it(isolated_dirs, tmp_path):
    data = json.loads(_run("paths", "--json").stdout)
    assert data["config_file"] == str(isolated_dirs / "config" / "kimreader" / "config.toml")
    assert data["preferences"].startswith(str(isolated_dirs / "state"))
    mine = tmp_path / "mine.toml"
    moved = json.loads(_run("paths", "--json", env={"KIMREADER_CONFIG": str(mine)}).stdout)
    assert moved["config_file"] == str(mine)
    text = _run("paths").stdout
    assert f"config_file {isolated_dirs}" in text


def test_corpus_flag_beats_env_beats_config_beats_seeds(isolated_dirs, tmp_path):
    def corpus(*args: str, env: dict[str, str] | None = None) -> str:
        result = _run(*args, "paths", "--json", env=env)
        assert result.exit_code == 0, result.stderr
        return str(json.loads(result.stdout)["corpus"])

    assert Path(corpus()).resolve() == SEEDS.resolve()
    from_config, from_env, from_flag = (tmp_path / n for n in ("config", "env", "flag"))
    for folder in (from_config, from_env, from_flag):
        folder.mkdir()
    _config(isolated_dirs, f"corpus = {json.dumps(str(from_config))}\n")
    assert corpus() == str(from_config)
    env = {"KIMREADER_CORPUS": str(from_env)}
    assert corpus(env=env) == str(from_env)
    assert corpus("--corpus", str(from_flag), env=env) == str(from_flag)


def test_the_cli_says_what_is_wrong_with_the_config_on_stderr_and_carries_on(isolated_dirs):
    _config(isolated_dirs, 'colour = "blue"\ncorpus = "/no/such/kimreader/folder"\n')
    result = _run("list", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 5  # the seeds
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(lines) == 2
    assert "unknown setting 'colour'" in lines[0]
    assert "/no/such/kimreader/folder is not a folder; using the bundled seeds" in lines[1]


def test_the_shell_completes_ids_of_the_config_corpus(isolated_dirs, tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "zeta_report.txt").write_bytes((SEEDS / "001_ee6a89961e49bfbf.txt").read_bytes())
    _config(isolated_dirs, f"corpus = {json.dumps(str(corpus))}\n")
    assert _run("index").exit_code == 0
    env = {"_KIMREADER_COMPLETE": "bash_complete", "COMP_WORDS": "kimreader show z"}
    result = CliRunner().invoke(cli, [], prog_name="kimreader", env={**env, "COMP_CWORD": "2"})
    assert [line.split(",", 1)[1] for line in result.stdout.splitlines()] == ["zeta_report"]


async def test_the_status_line_names_the_conflict_keys_the_key_map_gives(isolated_dirs):
    # The seeds' first article has a sentence other sources contradict: the status line tells
    # how to step through them, with the keys that do it now.
    _config(isolated_dirs, '[keymap]\nnext_conflict = "greater_than_sign"\n')
    app = KimreaderApp(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)
        await settle(app, pilot)
        line = str(app.main.status.content)
        assert "conflicting sentences (> [)" in line, line
