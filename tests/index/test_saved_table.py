"""The entity table saved beside the index: read back while the index is unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from search_index.entities import merge
from search_index.entities.saved_table import (
    FILE_NAME,
    NODES_NAME,
    load_table,
    save_table,
    table_key,
)
from search_index.entities.saved_table import load_entities_of as saved_table_nodes


def test_a_saved_table_reads_back_equal(seed_library, tmp_path: Path):
    table = seed_library.entities()
    save_table(tmp_path, "k", table)
    loaded = load_table(tmp_path, "k")
    assert loaded is not None
    assert loaded.entities == table.entities
    for entity in table.entities:
        for node in entity.members:
            assert loaded._by_node[node] == entity
    kim = table.find("Kim Jong Un", "PERSON")
    assert kim is not None and loaded.find("Kim Jong-un", "PERSON") == kim


def test_a_table_for_another_index_version_is_not_used(seed_library, tmp_path: Path):
    save_table(tmp_path, table_key("one"), seed_library.entities())
    assert load_table(tmp_path, table_key("two")) is None
    assert load_table(tmp_path, table_key("one")) is not None


@pytest.mark.parametrize(
    "content", ["", "{", "[]", '{"key": "k"}', '{"key": "k", "entities": [[1]]}']
)
def test_a_damaged_table_is_merged_again_not_an_error(tmp_path: Path, content: str):
    (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    assert load_table(tmp_path, "k") is None


def test_an_unwritable_folder_only_costs_the_cache(seed_library, tmp_path: Path, monkeypatch):
    # A read-only cache folder, as a non-root user would meet it (tests may run as root).
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # how kimreader's files are written
    save_table(tmp_path, "k", seed_library.entities())
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_only_costs_the_cache(seed_library, tmp_path: Path):
    save_table(tmp_path / "gone", "k", seed_library.entities())
    assert not (tmp_path / "gone").exists()


def test_the_next_session_reads_the_table_instead_of_merging(seeds_copy, monkeypatch):
    from search_index.library import Library

    first = Library.open(seeds_copy)
    first.refresh()
    expected = first.entities().entities
    first.close()

    def no_merge(*args, **kwargs):
        raise AssertionError("merged again though the index did not change")

    real_merge = merge.merge_entities
    monkeypatch.setattr(merge, "merge_entities", no_merge)
    second = Library.open(seeds_copy)
    second.refresh()
    assert second.entities().entities == expected
    assert second.search("person:Kim").total == 5
    second.close()

    # A changed article changes the index: the table is merged again, with the change.
    monkeypatch.setattr(merge, "merge_entities", real_merge)
    path = next(seeds_copy.glob("*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\nMaria Ortega-Lindqvist agreed.\n")
    third = Library.open(seeds_copy)
    third.refresh()
    assert third.entities().find("Maria Ortega-Lindqvist", "PERSON") is not None
    third.close()


def test_one_article_is_annotated_without_reading_the_whole_table(seeds_copy, monkeypatch):
    """`kimreader show` names one article's entities; at scale the whole table costs a second."""
    from search_index.entities import saved_table
    from search_index.library import Library

    with Library.open(seeds_copy) as first:
        first.refresh()
        wanted = first.ids()[0]
        expected = first.annotated(wanted).mentions  # merges and saves the table

    def whole_table(*args, **kwargs):
        raise AssertionError("read the whole table for one article")

    monkeypatch.setattr(saved_table, "load_table", whole_table)
    monkeypatch.setattr(merge, "merge_entities", whole_table)
    with Library.open(seeds_copy) as second:
        second.refresh()
        assert second.annotated(wanted).mentions == expected
        assert any(m.entity is not None for m in expected)


def test_a_stale_node_file_is_not_believed(seed_library, tmp_path: Path):
    table = seed_library.entities()
    save_table(tmp_path, "old", table)
    kim = table.find("Kim Jong Un", "PERSON")
    assert kim is not None
    node = sorted(kim.members)[0]
    assert saved_table_nodes(tmp_path, "old", [node]) == {node: kim}
    assert saved_table_nodes(tmp_path, "new", [node]) is None
    (tmp_path / NODES_NAME).write_bytes(b"not a database")
    assert saved_table_nodes(tmp_path, "old", [node]) is None
