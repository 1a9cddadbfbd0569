"""Hostile articles, file names and users: nothing crashes, nothing reaches the terminal raw.

The corpus is built once per module and indexed once (every test points XDG_CACHE_HOME at one
shared cache), so the CLI and app tests read the same index.
"""

from __future__ import annotations

import inspect
import json
import random
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.pilot import reader, settle, sources
from textual import events, on
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.worker import Worker, WorkerState

from search_index.corpus import MAX_ARTICLE_BYTES
from tui.app import KimreaderApp
from tui.cli import cli
from tui.messages import WorkerFailed
from tui.screens.compare import CompareScreen
from tui.screens.main import SEARCH_DEBOUNCE, MainScreen
from tui.screens.modals import HelpScreen
from tui.screens.source_rows import story_of_row
from tui.widgets.long_text import REFLOW_DELAY

# A file name carrying an OSC 52 clipboard write and a clear-screen, and one carrying markup.
EVIL_NAME = "evil\x1b]52;c;ZXZpbA==\x07name\x1b[2J"
EVIL_ID = "evilname"  # ids are cleaned of escapes and controls where they are made
MARKUP_ID = "[@click=app.quit]click[red]me"

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet".split()
ONE_MEGABYTE = 1024 * 1024
# The sizes that used to hang indexing and comparing (quadratic paths, since fixed; see
# tests/robustness/test_linear_time.py): a word of 100,000 characters, and 10,000 numbers in
# one sentence.
LONG_WORD = 100_000
ONE_LINE_END = " and its last words: xylophone zeppelin"
NUMBERS_PER_SENTENCE = 10_000

ESCAPES_BODY = (
    "Officials in Pyongyang said \x1b[31mred\x1b[0m text appeared on Monday.\n\n"
    "A clipboard write \x1b]52;c;ZXZpbA==\x07 and another \x1b]52;c;ZXZpbA==\x1b\\ hid here.\n\n"
    "Then \x1b[2J\x1b[H cleared the screen, \x1b]8;;https://evil.example\x1b\\a link\x1b]8;;"
    "\x1b\\ followed, \x1bP1$qm\x1b\\ a device query, \x9b31m an eight-bit CSI, a bare \x1b "
    "escape and a bell \x07 rang.\n"
)
# A stray "[/]" in a headline is a MarkupError wherever the title is read as markup.
MARKUP_TITLE = "Trap [bold]headline[/] for [/] markup and [@click=app.quit]clicks[/]"
MARKUP_LINES = (
    "Click [@click=app.quit]here[/] or [/] now",
    "[link=https://evil.example]this link[/link]",
    "[red]red[/red] and [on red]x[/]",
)
# What must never reach a terminal: raw escape sequences, bells, NULs, 8-bit CSI.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TERMINAL_ATTACKS = ("\x1b]", "\x1b[2J", "\x1b[H", "\x1bP", "\x07", "\x9b", "\x00")


def build_corpus(root: Path) -> None:
    root.mkdir(parents=True)
    # 50 MB, written sparsely: the size is what matters, not the bytes.
    with (root / "huge.txt").open("wb") as handle:
        handle.write(b"A huge headline that nobody will read\n\nSome text.\n")
        handle.truncate(50 * 1024 * 1024)
    words = " ".join(WORDS[i % len(WORDS)] for i in range(ONE_MEGABYTE // 5))
    line = words[: ONE_MEGABYTE - len(ONE_LINE_END)] + ONE_LINE_END
    (root / "one_line.txt").write_text(line, encoding="utf-8")
    (root / "nul_early.txt").write_bytes(b"Nul bytes at the very start\n\nText\x00more\x00text.\n")
    filler = "Officials said the museum opened its doors to visitors again. " * 150
    (root / "nul_inside.txt").write_bytes(
        b"Nul bytes deep inside an otherwise ordinary article\n\n"
        + filler.encode()
        + b"\n\nThe report said 12 people\x00 were hurt\x00 on Monday.\n"
    )
    (root / "bad_utf8.txt").write_bytes(
        b"Broken bytes inside an otherwise ordinary article\n\n"
        + filler.encode()
        + b"\n\nThe caf\xe9 in Pyongyang \xff\xfe opened with 40 seats.\n"
    )
    (root / "all_bad_utf8.txt").write_bytes(
        b"Broken \xe9\xe8 headline \xff of a \xfe\xfe legacy page\n\nThe caf\xe9 \xe0 c\xf4t\xe9 "
        b"opened with 40 seats in Pyongyang on \xab Monday \xbb.\n"
    )
    (root / "markup.txt").write_text(
        f"{MARKUP_TITLE}\n\n" + "\n\n".join(MARKUP_LINES) + ".\n",
        encoding="utf-8",
    )
    (root / "escapes.txt").write_text(
        "Escape \x1b[1msequences\x1b[0m hidden in a scraped article\n\n" + ESCAPES_BODY,
        encoding="utf-8",
    )
    (root / "long_word.txt").write_text(
        "An article made of one very long word\n\n" + "a" * LONG_WORD + " ends here.\n",
        encoding="utf-8",
    )
    numbers = [str(n) for n in range(10_000)]
    sentences = [
        "Officials counted " + ", ".join(numbers[i : i + NUMBERS_PER_SENTENCE]) + " people."
        for i in range(0, len(numbers), NUMBERS_PER_SENTENCE)
    ]
    (root / "numbers.txt").write_text(
        "Ten thousand numbers in one long article\n\n" + " ".join(sentences) + "\n",
        encoding="utf-8",
    )
    ordinary = (
        "An ordinary headline about a museum visit\n\n"
        "Officials said that 12 people were hurt on Monday in the city.\n\n"
        "The museum opened in 2024 with 40 halls.\n"
    )
    # No headline: the title falls back to the file name, cleaned of its escapes.
    untitled = (
        "Officials said that 12 people were hurt on Monday in the city, and more text follows "
        "here with several words to make it long enough. The museum opened in 2024 with 40 halls.\n"
    )
    (root / f"{EVIL_NAME}.txt").write_text(untitled, encoding="utf-8")
    (root / f"{MARKUP_ID}.txt").write_text(ordinary, encoding="utf-8")
    (root / "sidecar.txt").write_text(ordinary, encoding="utf-8")
    (root / "kimreader.toml").write_text(
        "[sidecar]\n"
        'title = "Sidecar \\u001b[2J title [@click=app.quit]x[/]"\n'
        'outlet = "[/] Evil \\u001b]52;c;ZXZpbA==\\u0007 Outlet"\n',
        encoding="utf-8",
    )


READABLE = sorted(
    [
        "one_line",
        "nul_inside",
        "bad_utf8",
        "all_bad_utf8",
        "markup",
        "escapes",
        "long_word",
        "numbers",
        EVIL_ID,
        MARKUP_ID,
        "sidecar",
    ]
)


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    build_corpus(root)
    return root


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-cache")


@pytest.fixture
def hostile(hostile_root: Path, shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hostile corpus, indexed once for the module."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache))
    return hostile_root


# -- helpers ----------------------------------------------------------------------------------


class WatchedMain(MainScreen):
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        record_failure(self.app, event)


class WatchedApp(KimreaderApp):
    """The app, remembering every worker that failed (they fail silently otherwise)."""

    CSS_PATH = Path(inspect.getfile(KimreaderApp)).with_name("app.tcss")

    def __init__(self, corpus: Path | None = None) -> None:
        super().__init__(corpus, remember=False)
        self.worker_errors: list[str] = []

    def get_default_screen(self) -> MainScreen:
        return WatchedMain()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        record_failure(self, event)

    @on(WorkerFailed)
    def _record_posted_failure(self, event: WorkerFailed) -> None:
        # Workers of widgets and screens post WorkerFailed upward (Worker.StateChanged does
        # not bubble): record those too, so any failing worker fails these tests.
        self.worker_errors.append(f"{event.job}: {event.error!r}")


def record_failure(app: object, event: Worker.StateChanged) -> None:
    if event.state == WorkerState.ERROR and isinstance(app, WatchedApp):
        app.worker_errors.append(f"{event.worker.name}: {event.worker.error!r}")


def cli_run(corpus: Path, *args: str):
    return CliRunner().invoke(cli, ["--corpus", str(corpus), *args], catch_exceptions=False)


def no_attacks(text: str) -> bool:
    return not any(seq in text for seq in TERMINAL_ATTACKS)


def shown_text(app: KimreaderApp) -> str:
    """Everything the current screen shows, as plain text, plus the SVG screenshot."""
    parts = [app.export_screenshot()]
    for widget in app.screen.query(Static):
        parts.append(str(widget.content))
    for option_list in app.screen.query(OptionList):
        for index in range(option_list.option_count):
            prompt = option_list.get_option_at_index(index).prompt
            parts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return "\n".join(parts)


def assert_clean_screen(app: KimreaderApp) -> None:
    text = shown_text(app)
    bad = sorted({repr(c) for c in RAW.findall(text)})
    assert not bad, f"control characters reached the screen: {bad}"


def reader_text(app: KimreaderApp) -> str:
    return "\n".join(str(w.content) for w in reader(app).query(Static))


# -- the CLI ----------------------------------------------------------------------------------


def test_cli_list_skips_what_it_must_and_says_why(hostile):
    result = cli_run(hostile, "list", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert sorted(r["id"] for r in rows) == READABLE
    limit = MAX_ARTICLE_BYTES // (1024 * 1024)
    assert f"skipped huge.txt: larger than {limit} MiB (50.0 MiB)" in result.stderr
    assert "skipped nul_early.txt: binary file, not text" in result.stderr
    assert "bad_utf8.txt: not valid UTF-8" in result.stderr
    assert no_attacks(result.stdout) and no_attacks(result.stderr)
    by_id = {r["id"]: r for r in rows}
    assert by_id["markup"]["title"] == MARKUP_TITLE
    assert by_id["one_line"]["words"] > 150_000


def test_cli_show_json_cleans_every_article(hostile):
    for article_id in READABLE:
        # An id can be given in full even when it holds escapes or markup.
        result = cli_run(hostile, "show", article_id, "--json")
        assert result.exit_code == 0, (article_id, result.stderr)
        data = json.loads(result.stdout)
        assert data["id"] == article_id
        body = data["text"][len(data["title"]) :]
        assert not RAW.search(body.replace("\n", "").replace("\t", "")), article_id
        assert no_attacks(result.stderr)
        for mention in data["entities"]:
            assert data["text"][mention["start"] : mention["end"]] == mention["text"]
    escapes = json.loads(cli_run(hostile, "show", "escapes", "--json").stdout)
    assert "52;c;" not in escapes["text"] and "ZXZpbA==" not in escapes["text"]
    assert "red text appeared" in escapes["text"]
    markup = json.loads(cli_run(hostile, "show", "markup", "--json").stdout)
    assert all(line in markup["text"] for line in MARKUP_LINES)
    nul = json.loads(cli_run(hostile, "show", "nul_inside", "--json").stdout)
    assert "12 people were hurt on Monday" in nul["text"]
    broken = json.loads(cli_run(hostile, "show", "bad_utf8", "--json").stdout)
    assert "\ufffd" in broken["text"] and "40 seats" in broken["text"]


@pytest.mark.parametrize(
    "query",
    [
        "alpha",
        "[bold]",
        "[@click=app.quit]here[/]",
        "\x1b]52;c;ZXZpbA==\x07",
        "\x1b[2J",
        "people\x00hurt",
        "a" * LONG_WORD,
        "aaaa*",
        "4999 OR 5000",
        '"Officials counted"',
        "((( [/] )))",
    ],
)
def test_cli_search_json_always_parses(hostile, query):
    result = cli_run(hostile, "search", query, "--json", "--limit", "50")
    assert result.exit_code in (0, 1, 2), result.stderr
    if result.stdout.strip():
        data = json.loads(result.stdout)
        for hit in data["hits"]:
            assert not RAW.search(hit["snippet"])
            for start, end in hit["highlights"]:
                assert 0 <= start <= end <= len(hit["snippet"])
    else:
        assert result.exit_code == 2 and "kimreader:" in result.stderr
    assert no_attacks(result.stdout) and no_attacks(result.stderr)


def test_cli_text_output_never_carries_escapes_or_reads_markup(hostile):
    for args in (
        ["list"],
        ["show", EVIL_ID],
        ["show", EVIL_NAME],  # the raw file name finds the article too
        ["show", MARKUP_ID],
        ["show", "sidecar"],
        ["show", "escapes"],
        ["search", "museum"],
        ["compare", "sidecar", EVIL_ID],
        ["compare", MARKUP_ID, "sidecar", "--markdown"],
        ["claims"],
        ["claims", "--all", "--markdown"],
        ["timeline"],
        ["entities", "-n", "50"],
    ):
        result = cli_run(hostile, *args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert no_attacks(result.stdout), (args, result.stdout[:2000])
        assert no_attacks(result.stderr), (args, result.stderr[:2000])
    shown = cli_run(hostile, "show", "markup").stdout
    assert "[@click=app.quit]here[/]" in shown and "[link=https://evil.example]" in shown


# -- the app ----------------------------------------------------------------------------------


async def test_app_reads_every_hostile_article_and_stays_responsive(hostile):
    app = WatchedApp(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        rows = [sources(app).get_option_at_index(i).id for i in range(sources(app).option_count)]
        # Grouped by story or not, every readable article has its row; story headings are
        # the only other rows (hostile titles are drawn in them too).
        ids = [row for row in rows if story_of_row(row) is None]
        assert sorted(ids) == READABLE
        for article_id in ids:
            sources(app).highlighted = rows.index(article_id)
            await settle(app, pilot)
            assert reader(app).view is not None and reader(app).view.article.id == article_id
            assert_clean_screen(app)
            assert app.is_running
        sources(app).highlighted = rows.index("markup")
        await settle(app, pilot)
        shown = reader_text(app)
        assert all(line in shown for line in (MARKUP_TITLE, *MARKUP_LINES))
        await pilot.click("#reader")  # a click on "[@click=app.quit]" text must not quit
        await pilot.pause()
        assert app.is_running
        # Still responsive: keys move through the list and the reader follows (one list).
        sources(app).focus()
        if len(rows) > len(ids):
            await pilot.press("s")
            await settle(app, pilot)
            ids = [sources(app).get_option_at_index(i).id for i in range(sources(app).option_count)]
            assert sorted(ids) == READABLE
        await pilot.press("g")
        await settle(app, pilot)
        assert reader(app).view.article.id == ids[0]
        await pilot.press("j")
        await settle(app, pilot)
        assert reader(app).view.article.id == ids[1]
        assert_clean_screen(app)
        # The command palette lists every article by title: titles are not markup there.
        await pilot.press("ctrl+p")
        for _ in range(60):
            await pilot.pause(0.05)
            if MARKUP_TITLE in shown_text(app):
                break
        assert f"Open: {MARKUP_TITLE}" in shown_text(app)
        assert_clean_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.worker_errors == []
        assert app.is_running


async def test_app_search_entities_and_compare_over_hostile_text(hostile):
    app = WatchedApp(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"[bold]", "enter")
        await settle(app, pilot)
        assert_clean_screen(app)
        search = app.main.query_one("#search", Input)
        for query in ("a" * 2000, "museum", "aaaa*", "((( [/]"):
            search.value = query
            await pilot.press("enter")
            await settle(app, pilot)
            assert_clean_screen(app)
        # Escapes in a query that reaches the search without the box (which cleans its input:
        # see the paste test below).
        app.main.run_search("\x1b]52;c;ZXZpbA==\x07 museum \x1b[2J", open_first=True)
        await settle(app, pilot)
        assert_clean_screen(app)
        await pilot.press("escape", "e")
        await settle(app, pilot)
        assert_clean_screen(app)
        await pilot.press("escape")
        await settle(app, pilot)
        ids = [sources(app).get_option_at_index(i).id for i in range(sources(app).option_count)]
        sources(app).highlighted = ids.index("sidecar")
        await settle(app, pilot)
        await pilot.press("m")
        sources(app).highlighted = ids.index(EVIL_ID)
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert_clean_screen(app)
        await pilot.press("q", "M")
        await settle(app, pilot)
        assert_clean_screen(app)
        await pilot.press("q", "t")
        await settle(app, pilot)
        assert_clean_screen(app)
        await pilot.press("q")
        assert app.screen is app.main
        assert app.worker_errors == []
        assert app.is_running


async def test_a_pasted_query_loses_its_escapes_and_still_searches(hostile):
    app = WatchedApp(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        expected = sorted(hit.id for hit in app.library.search("museum", limit=200).hits)
        assert expected
        await pilot.press("slash")
        search = app.main.query_one("#search", Input)
        assert app.focused is search
        app.post_message(events.Paste("\x1b]52;c;ZXZpbA==\x07 museum \x1b[2J\x85more"))
        await pilot.pause(SEARCH_DEBOUNCE + 0.1)  # the search runs once typing pauses
        await settle(app, pilot)
        assert search.value == " museum more"
        assert not RAW.search(search.value) and search.cursor_position == len(search.value)
        assert_clean_screen(app)
        assert "museum more" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press(*["backspace"] * 4)
        await pilot.pause(SEARCH_DEBOUNCE + 0.1)
        await settle(app, pilot)
        assert search.value == " museum "
        shown = [sources(app).get_option_at_index(i).id for i in range(sources(app).option_count)]
        assert sorted(shown) == expected
        # A value set by code is cleaned too, newlines and tabs included.
        search.value = "\x07bell\x1b[31m\tred\nline\x00"
        assert search.value == "bell red line"
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.worker_errors == []


# Opening, resizing and keys take 0.1-0.3 s of the UI thread here (workers decoding in C hold
# the GIL meanwhile); the freeze this guards against was 2-4 s. A busy CI machine has been seen
# to add a few tenths, so the bound leaves room for that rather than fail at random.
MAX_FREEZE = 1.0


class LoopWatch:
    """The longest the event loop went between two ticks of a 20 ms timer: how long the UI
    froze (a timer cannot fire while a handler or a layout holds the loop)."""

    def __init__(self, app: KimreaderApp) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        app.set_interval(0.02, self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()


async def shows(app: KimreaderApp, pilot, text: str, tries: int = 100) -> bool:
    """Whether ``text`` appears on screen within a few frames: a loaded machine may need more
    than one pause for a scroll to be painted (a hang guard, not a speed claim)."""
    for _ in range(tries):
        if text in screen_text(app):
            return True
        await pilot.pause(0.02)
    return False


def screen_text(app: KimreaderApp) -> str:
    return app.export_screenshot().replace("&#160;", " ")


async def test_a_one_megabyte_paragraph_opens_without_freezing_the_app(hostile):
    app = WatchedApp(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        ids = [sources(app).get_option_at_index(i).id for i in range(sources(app).option_count)]
        sources(app).highlighted = ids.index("markup")
        await settle(app, pilot)
        watch = LoopWatch(app)
        await pilot.pause(0.1)
        # Before the fix Textual wrapped the megabyte on the UI thread: a 2-4 s freeze.
        sources(app).highlighted = ids.index("one_line")
        await settle(app, pilot)
        await pilot.pause(0.3)  # the layout and paint that follow the reflow
        assert reader(app).view.article.id == "one_line"
        assert watch.longest < MAX_FREEZE, f"the UI froze for {watch.longest:.2f} s"
        assert "alpha bravo charlie delta" in screen_text(app)
        # The end of the megabyte is there to scroll to, and a resize reflows it.
        reader(app).focus()
        await pilot.press("G")
        assert await shows(app, pilot, "zeppelin")
        watch.reset()
        await pilot.resize_terminal(90, 30)
        await pilot.pause(REFLOW_DELAY + 0.05)  # the reflow waits for resizing to pause
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert watch.longest < MAX_FREEZE, f"the UI froze for {watch.longest:.2f} s on a resize"
        await pilot.press("G")
        assert await shows(app, pilot, "zeppelin")
        # Keys are handled at once: the list moves on, and back.
        watch.reset()
        sources(app).focus()
        await pilot.press("k", "j")
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert reader(app).view.article.id == "one_line"
        assert watch.longest < MAX_FREEZE, f"the UI froze for {watch.longest:.2f} s"
        assert app.worker_errors == []


# -- resize storm -----------------------------------------------------------------------------


def storm_sizes() -> list[tuple[int, int]]:
    """40 sizes swinging between 200x60 and 20x5, with 40x12 and 100x30 among them."""
    sizes = [(40, 12), (100, 30)]
    for i in range(19):
        t = i / 18
        sizes.append((round(200 - 180 * t), round(60 - 55 * t)))
        sizes.append((round(20 + 180 * t), round(5 + 55 * t)))
    return sizes


async def resize_storm(app: KimreaderApp, pilot, count: int = 40) -> None:
    for width, height in storm_sizes()[:count]:
        await pilot.resize_terminal(width, height)
        assert app.is_running, (width, height)
    await pilot.resize_terminal(120, 40)
    await pilot.pause()


async def test_resize_storm_on_the_main_diff_and_help_screens():
    app = WatchedApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")  # the entity panel too: every pane of the main screen
        await settle(app, pilot)
        await resize_storm(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        sources(app).highlighted = 2
        await settle(app, pilot)
        await pilot.press("m", "j")
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("right_square_bracket")
        await resize_storm(app, pilot)
        assert app.screen.query(".diff-row.-cursor")
        await pilot.press("q", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await resize_storm(app, pilot, count=20)  # both extremes; a modal over the main screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.main
        assert reader(app).view is not None
        assert app.worker_errors == []
        assert app.is_running


# -- a thousand keys --------------------------------------------------------------------------

KEYS = (
    "j k g G space b tab shift+tab enter escape slash n N e m c M t right_square_bracket "
    "left_square_bracket f x o O q question_mark"
).split()
TYPED = [*"kimjongun", "backspace"]
KEY_CHARS = {
    "space": " ",
    "tab": "\t",
    "escape": "\x1b",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "backspace": "\x08",
}


class StormApp(WatchedApp):
    """q on the main screen is skipped: counted, not obeyed (nothing else asks to quit)."""

    quits = 0

    async def action_quit(self) -> None:
        self.quits += 1


async def test_a_thousand_random_keys():
    rng = random.Random(20260126)
    keys = [rng.choice(KEYS + TYPED) for _ in range(1000)]
    assert "ctrl+q" not in keys
    app = StormApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for count, key in enumerate(keys, 1):
            # The event pilot.press sends, without its two waits for an idle CPU (40 ms or
            # more a key): keys come in bursts of eight, as fast as the app takes them.
            app.post_message(events.Key(key, KEY_CHARS.get(key, key if len(key) == 1 else None)))
            if count % 8 == 0:
                await pilot.pause(0)
                assert app.is_running, f"the app stopped after {keys[max(0, count - 20) : count]}"
            if count % 50 == 0:
                await pilot.pause()
            if count % 200 == 0:
                await settle(app, pilot)
        await settle(app, pilot)
        assert app.quits > 0  # q reached the main screen, and was skipped
        assert app.worker_errors == []
        # Still responsive: back to the main screen and its list, and j still moves.
        while len(app.screen_stack) > 1:
            app.pop_screen()
        await pilot.press("escape", "escape", "escape")
        await settle(app, pilot)
        sources(app).focus()
        await pilot.press("g")
        await settle(app, pilot)
        first = reader(app).view.article.id
        await pilot.press("j")
        await settle(app, pilot)
        assert reader(app).view.article.id != first
        assert app.is_running


async def test_the_watch_records_a_failure_a_widget_posts():
    """The watch itself: a worker failure posted from a widget (as every screen and widget
    worker does) is recorded, so the hostile-input tests above would fail on one."""
    app = WatchedApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.main.post_message(WorkerFailed("mentions", ValueError("boom")))
        await pilot.pause()
        assert app.worker_errors == ["mentions: ValueError('boom')"]
