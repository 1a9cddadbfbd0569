"""The kimreader command as a user runs it: data on stdout, messages on stderr, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli

SEED_IDS = [
    "000_ca11f8d137dfb4bd",
    "001_ee6a89961e49bfbf",
    "002_f8346f1b11c35f47",
    "003_8aed3a971675dfb7",
    "004_2da6d9f645c22fe2",
]


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_list_json_describes_the_seeds():
    result = run("list", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == SEED_IDS
    by_id = {r["id"]: r for r in rows}
    assert by_id["001_ee6a89961e49bfbf"]["title"] == (
        "Kim Jong-un Reviews Giant Sculptures for Ukraine War Memorial Museum"
    )
    assert by_id["002_f8346f1b11c35f47"]["outlet"] == "The Insider"
    assert by_id["000_ca11f8d137dfb4bd"]["published"].startswith("2026-01-26")
    assert all(r["words"] > 100 for r in rows)
    assert set(rows[0]) >= {"id", "title", "outlet", "published", "words"}


def test_list_table_shows_titles():
    result = run("list")
    assert result.exit_code == 0
    assert "The Insider" in result.stdout
    assert "002_f8346f1b11c35f47" in result.stdout


def test_search_json_shape_and_hits():
    result = run("search", '"Kim Jong-un"', "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["query"] == '"Kim Jong-un"'
    assert data["corrected"] is None
    assert data["total"] == 5
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "score", "snippet"}
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] in {"Kim", "Jong", "un", "Un"}


def test_search_words_may_be_given_unquoted():
    data = json.loads(run("search", "Kim", "Jung", "Un", "--json").stdout)
    assert data["query"] == "Kim Jung Un"
    assert data["corrected"] == "Kim Jong Un"
    assert data["total"] == 5


def test_search_correction_is_reported_on_stderr_not_stdout():
    result = run("search", "Kim", "Jung", "Un")
    assert "showing results for 'Kim Jong Un'" in result.stderr
    assert "showing results" not in result.stdout


def test_search_limit():
    data = json.loads(run("search", "Kim", "--limit", "2", "--json").stdout)
    assert data["total"] == 5 and len(data["hits"]) == 2


def test_no_hits_exits_1():
    result = run("search", "zzzqqqxxx", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["total"] == 0


def test_query_with_nothing_to_search_exits_2_with_a_message():
    result = run("search", "(((")
    assert result.exit_code == 2
    assert "nothing to search" in result.stderr or "no words" in result.stderr
    assert result.stdout == ""


def test_unknown_corpus_exits_2(tmp_path):
    result = run("--corpus", str(tmp_path / "missing"), "list")
    assert result.exit_code == 2
    assert "corpus folder not found" in result.stderr


def test_corpus_from_environment(tmp_path):
    (tmp_path / "a.txt").write_text("Storm hits the coast today\n\nWinds reached 150 km/h.\n")
    result = run("list", "--json", env={"KIMREADER_CORPUS": str(tmp_path)})
    assert [r["id"] for r in json.loads(result.stdout)] == ["a"]


def test_skipped_files_are_reported_on_stderr(tmp_path):
    (tmp_path / "a.txt").write_text("Storm hits the coast today\n\nWinds reached 150 km/h.\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01" * 100)
    result = run("--corpus", str(tmp_path), "list", "--json")
    assert result.exit_code == 0
    assert "skipped b.txt: binary file" in result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == ["a"]


def test_index_and_rebuild_report_counts():
    first = run("index")
    assert first.exit_code == 0 and "5 added" in first.stderr
    again = run("index")
    assert "5 unchanged" in again.stderr
    rebuilt = run("index", "--rebuild")
    assert "5 added" in rebuilt.stderr


def test_paths_json_points_into_the_user_dirs(isolated_dirs):
    data = json.loads(run("paths", "--json").stdout)
    assert data["index"].startswith(str(isolated_dirs / "cache"))
    assert data["state"].startswith(str(isolated_dirs / "state"))
    assert Path(data["corpus"]).name == "seeds"


def test_article_text_is_not_read_as_markup(tmp_path):
    (tmp_path / "m.txt").write_text(
        "Markup [bold]trap[/bold] headline here\n\n"
        "Body with [/] and [@click=app.quit]x[/] inside.\n"
    )
    result = run("--corpus", str(tmp_path), "search", "inside")
    assert result.exit_code == 0
    assert "[@click=app.quit]x[/]" in result.stdout
    listed = run("--corpus", str(tmp_path), "list")
    assert "[bold]trap[/bold]" in listed.stdout


@pytest.mark.parametrize("args", [["list"], ["search", "museum"]])
def test_installed_command_runs_from_any_directory(tmp_path, args):
    env = {**os.environ, "KIMREADER_CORPUS": ""}
    env.pop("KIMREADER_CORPUS")
    exe = Path(sys.executable).with_name("kimreader")
    if not exe.exists():
        pytest.fail("the kimreader entry point is not installed in this environment")
    out = subprocess.run(
        [str(exe), *args], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "Mansudae" in out.stdout or "Kim" in out.stdout


def test_entities_json_merges_spellings_across_sources():
    result = run("entities", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert set(rows[0]) == {"name", "type", "variants", "sources", "mentions"}
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    kim = next(r for r in rows if r["type"] == "PERSON" and "Kim Jong-un" in r["variants"])
    assert {"Kim Jong Un", "Kim Jong\u2011un"} <= set(kim["variants"])
    assert kim["sources"] == SEED_IDS
    korea = next(r for r in rows if r["name"] == "North Korea")
    assert {"DPRK", "Democratic People's Republic of Korea"} <= set(korea["variants"])
    ju = next(r for r in rows if "Ju Ae" in r["variants"])
    assert {"Ju-ae", "Ju\u2011a\u2011e"} <= set(ju["variants"])


def test_entities_filters_by_type_and_source():
    rows = json.loads(run("entities", "--type", "org", "--source", "002", "--json").stdout)
    assert rows and all(r["type"] == "ORG" for r in rows)
    assert all("002_f8346f1b11c35f47" in r["sources"] for r in rows)
    assert "Mansudae Art Studio" in {r["name"] for r in rows}


def test_entities_unknown_source_exits_2():
    result = run("entities", "--source", "999")
    assert result.exit_code == 2
    assert "no article '999'" in result.stderr


def test_show_json_offsets_point_into_text():
    data = json.loads(run("show", "003", "--json").stdout)
    assert data["id"] == "003_8aed3a971675dfb7"
    assert data["text"].startswith(data["title"])
    for entity in data["entities"]:
        assert data["text"][entity["start"] : entity["end"]] == entity["text"]
    names = {(e["name"], e["type"]) for e in data["entities"]}
    assert ("Mansudae Art Studio", "ORG") in names
    assert ("North Korea", "PLACE") in names
    # "DPRK" in 003 is tied to the corpus entity North Korea, defined in another article.
    dprk = next(e for e in data["entities"] if e["text"] == "DPRK")
    assert dprk["name"] == "North Korea"


def test_show_prints_text_and_an_ambiguous_prefix_exits_2():
    result = run("show", "002")
    assert result.exit_code == 0
    assert "The Insider" in result.stdout and "Kursk" in result.stdout
    ambiguous = run("show", "00")
    assert ambiguous.exit_code == 2
    assert "matches 5 articles" in ambiguous.stderr


def test_show_keeps_markup_literal(tmp_path):
    (tmp_path / "m.txt").write_text(
        "Markup trap in the headline today\n\n"
        "Officials at [bold]Reuters[/] said [@click=app.quit]Boris Johnson[/] resigned.\n"
    )
    result = run("--corpus", str(tmp_path), "show", "m")
    assert result.exit_code == 0
    assert "[@click=app.quit]Boris Johnson[/]" in result.stdout
    data = json.loads(run("--corpus", str(tmp_path), "show", "m", "--json").stdout)
    assert ("Boris Johnson", "PERSON") in {(e["text"], e["type"]) for e in data["entities"]}


def test_article_without_entities(tmp_path):
    (tmp_path / "plain.txt").write_text("a quiet day\n\nnothing happened here at all.\n")
    data = json.loads(run("--corpus", str(tmp_path), "show", "plain", "--json").stdout)
    assert data["entities"] == []
    assert json.loads(run("--corpus", str(tmp_path), "entities", "--json").stdout) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('person:"Kim Jong Un"', SEED_IDS),
        ("person:Ju-ae", ["001_ee6a89961e49bfbf", "003_8aed3a971675dfb7", "004_2da6d9f645c22fe2"]),
        ("org:Mansudae", SEED_IDS[:4]),
        ("place:Pyongyang", SEED_IDS),
        ("place:DPRK", SEED_IDS),
        (
            'org:"Korean Central News Agency"',
            [
                "000_ca11f8d137dfb4bd",
                "001_ee6a89961e49bfbf",
                "003_8aed3a971675dfb7",
                "004_2da6d9f645c22fe2",
            ],
        ),
    ],
)
def test_entity_field_search(query, expected):
    data = json.loads(run("search", query, "--json", "--limit", "50").stdout)
    assert sorted(h["id"] for h in data["hits"]) == expected


def test_compare_json_shape_and_the_seed_conflicts():
    result = run("compare", "002", "003", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["a"] == {
        "id": "002_f8346f1b11c35f47",
        "title": "North Korea unveils sculptures of soldiers killed fighting against Ukraine",
        "outlet": "The Insider",
        "published": None,
    }
    assert set(data["summary"]) == {"agree", "compatible", "conflict", "only_a", "only_b"}
    assert sum(data["summary"].values()) == len(data["rows"])
    row = data["rows"][0]
    assert set(row) >= {"status", "topic", "reason", "a", "b"}
    conflicts = {
        (r["a"]["values"][0], r["b"]["values"][0])
        for r in data["rows"]
        if r["status"] == "conflict"
    }
    assert {("11000", "14000"), ("1500", "6000")} <= conflicts
    text = json.loads(run("show", "002", "--json").stdout)["text"]
    for r in data["rows"]:
        if r["a"]:
            assert text[r["a"]["start"] : r["a"]["end"]] == r["a"]["text"]


def test_compare_terminal_and_markdown():
    table = run("compare", "002", "003")
    assert table.exit_code == 0
    assert "CONFLICT" in table.stdout and "agree" in table.stdout
    markdown = run("compare", "002", "003", "--markdown").stdout
    assert markdown.splitlines()[5].startswith("| status | topic | A | B |")
    assert "**about 14,000 troops**" in markdown


def test_compare_unknown_id_exits_2():
    result = run("compare", "002", "nope")
    assert result.exit_code == 2 and "no article 'nope'" in result.stderr


def test_claims_matrix_and_timeline_json():
    matrix = json.loads(run("claims", "--json").stdout)
    assert matrix["sources"] == SEED_IDS
    assert any(s["conflict"] for s in matrix["subjects"])
    assert all(len(s["cells"]) > 1 for s in matrix["subjects"])
    events = json.loads(run("timeline", "--json").stdout)
    whens = [e["when"] for e in events]
    assert whens == sorted(whens)
    construction = [e for e in events if e["conflict"]]
    assert construction and all(len(e["sources"]) > 1 for e in construction)


def test_show_json_reads_quantities_and_dates():
    data = json.loads(run("show", "002", "--json").stdout)
    by_text = {e["text"]: e for e in data["entities"]}
    assert by_text["approximately 11,000 North Korean soldiers"]["value"] == "11000"
    assert by_text["approximately 11,000 North Korean soldiers"]["hedge"] == "approximately"
    assert by_text["two to three times life-size"]["value"] == "2-3"
    assert by_text["two to three times life-size"]["unit"] == "times"
    assert by_text["October 2024"]["value"] == "2024-10"


def test_the_command_loads_no_textual_module():
    # The CLI starts fast and works where Textual cannot: the app is imported only when opened.
    code = (
        "import sys, tui.cli;print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_very_long_file_name_leaves_room_for_every_title(tmp_path):
    titles = [
        "Flood waters reach the capital",
        "Officials count the damage",
        "Rescue teams search the valley",
    ]
    for number, title in enumerate(titles):
        (tmp_path / f"report-{number}.txt").write_text(
            f"{title}\n\nOfficials said {number + 12} people were hurt on Monday.\n",
            encoding="utf-8",
        )
    long_name = "a-very-long-file-name-" + "x" * 224 + ".txt"  # 250 characters
    (tmp_path / long_name).write_text(
        "Long named report\n\nOfficials said 20 people were hurt.\n", encoding="utf-8"
    )
    result = run("--corpus", str(tmp_path), "list", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    for title in titles:
        # Each title's first words on its own row, not squeezed into one letter a line.
        assert any(" ".join(title.split()[:2]) in line for line in lines), result.stdout
    assert "…" in result.stdout  # the long id is cut, and shows it was
