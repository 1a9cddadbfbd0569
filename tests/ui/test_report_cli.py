"""``kimreader report`` (issue 19) on the seed corpus: formats, files, refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_html_report_of_the_seed_diff_on_stdout():
    result = run("report", "000", "002")
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "The Insider" in html  # B's outlet
    assert "North Korea unveils sculptures of soldiers" in html  # B's title
    assert "2026-01-26" in html  # A's date
    # Conflicts first, each value marked in the sentence it comes from.
    assert html.index("conflict (") < html.index("compatible (") < html.index("only A (")
    assert "<mark>October 2024</mark>" in html


def test_csv_report_has_one_row_per_diff_row():
    diff = json.loads(run("compare", "000", "002", "--json").stdout)
    result = run("report", "000", "002", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == [
        "topic",
        "verdict",
        "reason",
        "source A value",
        "source B value",
        "sentences",
    ]
    assert len(rows) - 1 == len(diff["rows"])
    conflicts = [r for r in rows[1:] if r[1] == "conflict"]
    assert conflicts and rows[1][1] == "conflict"
    written = {(r["a"] or {}).get("value_text", "") for r in diff["rows"]}
    assert {r[3] for r in rows[1:]} == written


def test_output_file_format_from_its_suffix(tmp_path: Path):
    target = tmp_path / "diff.md"
    result = run("report", "000", "002", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the report went to the file; the note to standard error
    assert str(target) in result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Claim diff") and "| topic | A:" in text
    forced = tmp_path / "diff.txt"
    assert run("report", "000", "002", "--format", "csv", "-o", str(forced)).exit_code == 0
    assert forced.read_bytes().startswith(b"topic,verdict,")
    assert b"\r\n" in forced.read_bytes()  # RFC 4180 line ends kept in the file


def test_refusals():
    bad = run("report", "000", "002", "--format", "pdf")
    assert bad.exit_code == 2 and "pdf" in bad.output
    unknown = run("report", "000", "nope")
    assert unknown.exit_code == 2 and "nope" in unknown.output
    listed = run("--help")
    assert "report" in listed.output


def test_one_id_reports_its_story_with_every_source_cited(tmp_path: Path):
    target = tmp_path / "story.csv"
    result = run("report", "002", "-o", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"), newline="")))
    assert rows[0][:3] == ["fact", "consensus", "source"]
    cited = {row[3] for row in rows[1:]}
    assert len(cited) == 5  # every seed gives a value the others also give
    assert "The Insider" in {row[2] for row in rows[1:]}
    html = run("report", "002").stdout
    assert html.startswith("<!DOCTYPE html>") and "Story report" in html
    assert "North Korea unveils sculptures of soldiers" in html
    shared = run("report", "002", "--format", "md").stdout
    everything = run("report", "002", "--format", "md", "--all").stdout
    assert everything.count("\n### ") > shared.count("\n### ")
    assert run("report", "no-such-story").exit_code == 2
