"""Thousands of unreadable files: told about in a summary, never one message (or toast) each.

A corpus folder can hold thousands of empty or binary files (a failed download, a synced
folder of placeholders). Each used to become a toast in the app, which made starting and
quitting quadratic (about a minute for 2,000), and a warning line per command in the CLI.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from support.pilot import settle

from search_index.models import FileNote, SkippedFile
from tui.app import KimreaderApp
from tui.cli import cli
from tui.file_report import SHOWN, notes_summary, skipped_summary


def corpus_with_empty_files(folder: Path, empty: int, binary: int = 0) -> Path:
    folder.mkdir()
    (folder / "alpha.txt").write_text(
        "Alpha report on the flood\n\nOfficials said 12 people were hurt on Monday.\n",
        encoding="utf-8",
    )
    (folder / "beta.txt").write_text(
        "Beta report on the flood\n\nOfficials said 14 people were hurt on Monday.\n",
        encoding="utf-8",
    )
    for i in range(empty):
        (folder / f"empty-{i:05d}.txt").write_bytes(b"")
    for i in range(binary):
        (folder / f"zz-binary-{i:03d}.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    return folder


# -- the summary -----------------------------------------------------------------------------


def test_a_few_skipped_files_are_each_listed():
    skipped = [SkippedFile("a.txt", "empty file"), SkippedFile("b.txt", "binary file, not text")]
    assert skipped_summary(skipped) == [
        "skipped a.txt: empty file",
        "skipped b.txt: binary file, not text",
    ]
    assert skipped_summary([]) == []


def test_many_skipped_files_are_counted_by_reason_after_the_first_few():
    skipped = [SkippedFile(f"e{i:04d}.txt", "empty file") for i in range(1990)]
    skipped += [SkippedFile(f"b{i}.txt", "binary file, not text") for i in range(5)]
    skipped += [SkippedFile(f"z{i}.txt", "empty file") for i in range(5)]
    lines = skipped_summary(skipped)
    assert len(lines) == SHOWN + 1
    assert lines[:SHOWN] == [f"skipped {s.path}: {s.reason}" for s in skipped[:SHOWN]]
    assert lines[-1] == (
        "… and 1,995 more skipped files (empty file: 1,990; binary file, not text: 5); "
        "`kimreader skipped` lists them all"
    )


def test_many_different_reasons_are_capped_too():
    skipped = [SkippedFile(f"f{i}.txt", f"reason number {i}") for i in range(100)]
    last = skipped_summary(skipped, shown=2)[-1]
    assert last.startswith("… and 98 more skipped files (reason number 2: 1;")
    assert "other reasons: 94" in last and len(last) < 300


def test_many_notes_are_summarised_the_same_way():
    notes = [FileNote(f"n{i}.txt", "not valid UTF-8: read as windows-1252") for i in range(50)]
    lines = notes_summary(notes)
    assert lines[0] == "note: n0.txt: not valid UTF-8: read as windows-1252"
    assert len(lines) == SHOWN + 1
    assert lines[-1].startswith("… and 45 more notes (not valid UTF-8: read as windows-1252: 45)")


def test_the_summary_makes_file_names_printable():
    (line,) = skipped_summary([SkippedFile("evil\x1b]52;c;aGk=\x07.txt", "empty file")])
    assert "\x1b" not in line and "\x07" not in line


# -- the CLI ---------------------------------------------------------------------------------


def test_the_cli_summarises_two_thousand_empty_files(tmp_path):
    corpus = corpus_with_empty_files(tmp_path / "corpus", empty=1995, binary=5)
    runner = CliRunner()
    result = runner.invoke(cli, ["--corpus", str(corpus), "list"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) <= SHOWN + 3, lines[:20]
    assert "… and 1,995 more skipped files (empty file: 1,990; binary file, not text: 5)" in (
        result.stderr
    )
    assert "Alpha report" in result.stdout and "Beta report" in result.stdout
    # Every run, not only the one that indexed them.
    again = runner.invoke(cli, ["--corpus", str(corpus), "search", "flood"])
    assert again.exit_code == 0 and len(again.stderr.splitlines()) <= SHOWN + 4


def test_verbose_and_the_skipped_command_list_every_file(tmp_path):
    corpus = corpus_with_empty_files(tmp_path / "corpus", empty=40, binary=2)
    runner = CliRunner()
    verbose = runner.invoke(cli, ["--corpus", str(corpus), "--verbose", "list"])
    assert verbose.exit_code == 0
    assert sum("skipped " in line for line in verbose.stderr.splitlines()) == 42
    listing = runner.invoke(cli, ["--corpus", str(corpus), "skipped"])
    assert listing.exit_code == 0
    assert len([line for line in listing.stdout.splitlines() if line.strip()]) == 42
    assert "empty-00039.txt" in listing.stdout and "zz-binary-001.txt" in listing.stdout
    assert listing.stderr == ""  # the listing is the data: no summary of it as well
    as_json = runner.invoke(cli, ["--corpus", str(corpus), "skipped", "--json"])
    data = json.loads(as_json.stdout)
    assert len(data["skipped"]) == 42 and data["skipped"][0] == {
        "path": "empty-00000.txt",
        "reason": "empty file",
    }
    assert data["notes"] == []


# -- the app ---------------------------------------------------------------------------------


async def mount_and_quit(corpus: Path) -> tuple[float, list[str]]:
    app = KimreaderApp(corpus, remember=False)
    start = time.perf_counter()
    # Toasts are what cost: the test harness turns them off unless asked.
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.1)
        messages = [str(n.message) for n in app._notifications]
        await pilot.press("ctrl+q")
    return time.perf_counter() - start, messages


async def test_many_skipped_files_make_one_notification_and_quitting_stays_linear(tmp_path):
    n = 500
    small = corpus_with_empty_files(tmp_path / "small", empty=n)
    large = corpus_with_empty_files(tmp_path / "large", empty=2 * n)
    # The first run of each indexes its corpus; the best of the later two is timed.
    times: dict[Path, float] = {}
    for corpus in (small, large):
        await mount_and_quit(corpus)
        first, messages = await mount_and_quit(corpus)
        second, _ = await mount_and_quit(corpus)
        times[corpus] = min(first, second)
        skipped_notes = [m for m in messages if "skipped" in m]
        assert len(skipped_notes) == 1, len(skipped_notes)
        assert "`kimreader skipped` lists them all" in skipped_notes[0]
    ratio = times[large] / times[small]
    # Linear work and fixed costs give at most 2 for twice the files (about 1 measured); a
    # toast per file gave about 3 here, and a minute's quit for 2,000 files.
    assert ratio < 2.0, times
