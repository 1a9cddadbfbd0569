"""Parsers of files that come with the corpus are bounded in depth and size (issue #13).

A 2 KB ``kimreader.toml`` nested 500 levels deep used to make every command die with a
RecursionError traceback. Whatever shape the sidecar has, the corpus still loads: the sidecar
is skipped with a warning naming the file and the reason, and nothing else is lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import search_index.sidecar as sidecar
from search_index.sidecar import SIDECAR_NAME, load_sidecar, split_front_matter
from tui.cli import cli

ARTICLE = "Kim visits the studio today\n\nThe leader spoke on Monday. Officials said so.\n"
DEPTH = 500

BOMBS = {
    "arrays": "a = " + "[" * DEPTH + "]" * DEPTH + "\n",
    "inline-tables": "a = " + "{a = " * DEPTH + "1" + " }" * DEPTH + "\n",
    "in-a-table": '["a"]\ntitle = "x"\nnested = ' + "[" * DEPTH + "]" * DEPTH + "\n",
    "unclosed": "a = " + "[" * (DEPTH * 4) + "\n",
}


def corpus(tmp_path: Path, sidecar: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / SIDECAR_NAME).write_text(sidecar, encoding="utf-8")
    return folder


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_a_deeply_nested_sidecar_is_a_warning(tmp_path, bomb):
    assert len(bomb.encode()) < 4_096  # small files: the depth, not the size, is the attack
    overrides, warnings = load_sidecar(corpus(tmp_path, bomb))
    assert overrides == {}
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{SIDECAR_NAME}: ") and "nested too deeply" in warnings[0]
    assert warnings[0].endswith("ignored")


def test_nesting_the_depth_check_cannot_see_is_still_a_warning(tmp_path, monkeypatch):
    # The depth check is a guard in front of tomllib; should anything recurse deeply past it,
    # the RecursionError is still a warning rather than a traceback.
    monkeypatch.setattr(sidecar, "MAX_NESTING", 10**6, raising=False)
    deep = "a = " + "[" * DEPTH * 10 + "]" * DEPTH * 10 + "\n"
    overrides, warnings = load_sidecar(corpus(tmp_path, deep))
    assert overrides == {}
    assert len(warnings) == 1 and "nested too deeply" in warnings[0]


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting(tmp_path):
    deep = "[" * DEPTH + "{" * DEPTH
    text = (
        f'["a"]\ntitle = "{deep}"  # {deep}\n'
        f"outlet = '{deep}'\n"
        f'url = """{deep}\\"""{deep}"""\n'
        f"# {deep}\n"
        f"[\"b\"]\ntitle = '''{deep}\n{deep}'''\n"
        '["c"]\ntitle = "a \\" [ quote"\nurl = "[[[["\n'
    )
    overrides, warnings = load_sidecar(corpus(tmp_path, text))
    assert warnings == ()
    assert overrides["a"].title == deep and overrides["a"].outlet == deep
    assert overrides["a"].url == f'{deep}"""{deep}'
    assert overrides["b"].title == f"{deep} {deep}"
    assert overrides["c"].title == 'a " [ quote'


def test_ordinary_nesting_is_allowed(tmp_path):
    # Arrays and inline tables a few levels deep are valid TOML; the unknown key is a warning.
    text = '["a"]\ntitle = "Kept"\nextra = [[1, [2, {x = [3]}]], {y = {z = 1}}]\n'
    overrides, warnings = load_sidecar(corpus(tmp_path, text))
    assert overrides["a"].title == "Kept"
    assert len(warnings) == 1 and "unknown key 'extra'" in warnings[0]


def test_deep_dotted_keys_make_a_short_warning(tmp_path):
    # Dotted keys nest tables without a bracket: the warning that shows the value must neither
    # recurse through it nor print all of it.
    text = '["a"]\ntitle = "Kept"\npublished.' + ".".join(["k"] * 2_000) + " = 1\n"
    overrides, warnings = load_sidecar(corpus(tmp_path, text))
    assert overrides["a"].title == "Kept"
    assert len(warnings) == 1 and "published" in warnings[0] and len(warnings[0]) < 300


def test_a_long_value_in_a_warning_is_shortened(tmp_path):
    text = '["a"]\ntitle = [' + ", ".join(["1"] * 50_000) + "]\n"
    _, warnings = load_sidecar(corpus(tmp_path, text))
    assert len(warnings) == 1 and "title must be a string" in warnings[0]
    assert len(warnings[0]) < 300


def test_an_oversized_sidecar_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(sidecar, "MAX_SIDECAR_BYTES", 64 * 1024)
    filler = "# " + "x" * 100 + "\n"
    text = '["a"]\ntitle = "Never read"\n' + filler * (sidecar.MAX_SIDECAR_BYTES // len(filler) + 1)
    overrides, warnings = load_sidecar(corpus(tmp_path, text))
    assert overrides == {}
    assert len(warnings) == 1
    assert warnings[0] == f"{SIDECAR_NAME}: larger than 64 KiB; ignored"


def test_a_sidecar_just_under_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sidecar, "MAX_SIDECAR_BYTES", 64 * 1024)
    head = '["a"]\ntitle = "Read"\n'
    filler = "#" * (sidecar.MAX_SIDECAR_BYTES - len(head) - 1) + "\n"
    overrides, warnings = load_sidecar(corpus(tmp_path, head + filler))
    assert warnings == () and overrides["a"].title == "Read"


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_the_cli_lists_the_corpus_and_warns_about_a_nested_sidecar(tmp_path, bomb):
    folder = corpus(tmp_path, bomb)
    result = CliRunner().invoke(cli, ["--corpus", str(folder), "list", "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.stdout)] == ["a"]
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    assert f"warning: {SIDECAR_NAME}:" in result.stderr
    assert "nested too deeply" in " ".join(result.stderr.split())


def test_deep_front_matter_is_only_text(tmp_path):
    # Front matter is read line by line as "key: value"; nested YAML is skipped, never parsed,
    # so depth costs nothing there.
    nested = "".join(" " * i + "k:\n" for i in range(1, 150))
    text = f"---\ntitle: Kept\nextra:\n{nested}flow: {'[' * DEPTH}{']' * DEPTH}\n---\nBody."
    front, body = split_front_matter(text)
    assert front is not None and front.title == "Kept"
    assert body == "Body."


def test_a_deeply_nested_saved_entity_table_is_merged_again(tmp_path):
    # The saved entity table is a cache beside the index; json recurses on nesting as tomllib
    # does, and a damaged cache must mean "merge again", never a RecursionError.
    from search_index.entities.saved_table import FILE_NAME, load_table

    deep = '{"key": "k", "entities": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (tmp_path / FILE_NAME).write_text(deep, encoding="utf-8")
    assert load_table(tmp_path, "k") is None
