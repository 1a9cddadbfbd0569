"""Shell conventions a user of the kimreader command relies on (issue 19): a closed pipe is not
an error, a pipe gets whole lines, contradictory flags are refused, an empty folder is explained."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tui.cli import cli

KIMREADER = "import sys; from tui.cli import main; sys.argv = ['kimreader', *sys.argv[1:]]; main()"


def test_a_reader_that_stops_reading_is_not_an_error():
    # `kimreader list --json | head -1`: the pipe is closed before kimreader writes. It used to
    # exit 1, the code that says a search found nothing.
    process = subprocess.Popen(
        [sys.executable, "-c", KIMREADER, "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait() == 0, errors
    assert "Traceback" not in errors and "Exception ignored" not in errors


def test_output_to_a_pipe_is_not_wrapped(tmp_path: Path):
    # A corpus path longer than a terminal line: `kimreader paths | grep index` must see it whole.
    corpus = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "corpus"
    corpus.mkdir(parents=True)
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "paths"], catch_exceptions=False)
    assert result.exit_code == 0
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("corpus")]
    assert line.split(maxsplit=1)[1] == str(corpus.resolve())
    assert len(line) > 100


def test_json_and_markdown_together_are_refused():
    for command in (["compare", "001", "002"], ["claims"]):
        result = CliRunner().invoke(cli, [*command, "--json", "--markdown"])
        assert result.exit_code == 2
        assert "--json and --markdown cannot be used together" in result.stderr
        assert result.stdout == ""


def test_a_folder_with_no_article_says_what_kimreader_reads(tmp_path: Path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path), "list", "--json"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "[]"
    assert "no articles in" in result.stderr
    assert ".txt" in result.stderr and ".html" in result.stderr and ".md" in result.stderr


def test_a_folder_with_articles_gets_no_such_note(seeds_copy: Path):
    result = CliRunner().invoke(cli, ["--corpus", str(seeds_copy), "list", "--json"])
    assert result.exit_code == 0
    assert "no articles" not in result.stderr


def test_the_shell_completes_article_ids(seeds_copy: Path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--corpus", str(seeds_copy), "index"]).exit_code == 0

    def complete(words: str) -> list[str]:
        env = {
            "_KIMREADER_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        result = runner.invoke(cli, [], prog_name="kimreader", env=env)
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    corpus = f"kimreader --corpus {seeds_copy}"
    assert complete(f"{corpus} show 00") == [
        "000_ca11f8d137dfb4bd",
        "001_ee6a89961e49bfbf",
        "002_f8346f1b11c35f47",
        "003_8aed3a971675dfb7",
        "004_2da6d9f645c22fe2",
    ]
    assert complete(f"{corpus} compare 001 003") == ["003_8aed3a971675dfb7"]
    assert complete(f"{corpus} entities --source 004") == ["004_2da6d9f645c22fe2"]


def test_list_prints_as_it_goes_and_its_chunks_line_up(monkeypatch):
    # 10,000 rows laid out as one table meant seconds with nothing on screen: the list is
    # printed a few rows at a time, every column's width fixed beforehand.
    from tui.cli import output, reading

    monkeypatch.setattr(reading, "LIST_CHUNK", 2)
    prints: list[object] = []
    real_print = output.stdout().print

    def counted(*args: object, **kwargs: object) -> None:
        prints.append(args[0] if args else None)
        real_print(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output.stdout(), "print", counted)
    result = CliRunner().invoke(cli, ["list"], env={"COLUMNS": "120"}, catch_exceptions=False)
    assert result.exit_code == 0
    assert len(prints) == 3  # five seeds, two a chunk
    lines = result.stdout.splitlines()
    assert sum("title" in line for line in lines) == 1  # one header
    separators = {tuple(i for i, c in enumerate(line) if c in "│┃") for line in lines[2:]}
    assert len(separators) == 1  # every row's columns at the same place
    assert all(f"00{n}_" in result.stdout for n in range(5))
