"""The index is a cache: incremental, self-repairing, safe for two processes, not in the corpus."""

import json
import multiprocessing
import os
import shutil
from pathlib import Path

from support import SEEDS

from search_index.index import maintenance, schema
from search_index.index.catalog import CATALOG_NAME
from search_index.library import Library
from search_index.paths import app_paths

STORY = "Quake strikes coastal town\n\nAt least 40 people died, officials said on Tuesday.\n"


def _open(corpus: Path, **kwargs) -> Library:
    library = Library.open(corpus, **kwargs)
    library.refresh()
    return library


def test_index_lives_in_the_cache_not_the_corpus(seeds_copy, isolated_dirs):
    before = sorted(p.name for p in seeds_copy.rglob("*"))
    with _open(seeds_copy) as library:
        assert library.index_dir is not None
        assert library.index_dir.is_relative_to(isolated_dirs / "cache")
        assert len(library.ids()) == 5
    assert sorted(p.name for p in seeds_copy.rglob("*")) == before


def test_two_corpora_get_two_indexes(tmp_path):
    a, b = tmp_path / "a" / "news", tmp_path / "b" / "news"
    paths = app_paths()
    assert paths.index_dir(a) != paths.index_dir(b)


def test_only_new_changed_and_removed_files_are_reindexed(seeds_copy):
    with _open(seeds_copy) as library:
        assert library.last_refresh.report.added == 5
    (seeds_copy / "003_8aed3a971675dfb7.txt").write_text(STORY, encoding="utf-8")
    (seeds_copy / "004_2da6d9f645c22fe2.txt").unlink()
    (seeds_copy / "005_new.txt").write_text(STORY.replace("40", "41"), encoding="utf-8")
    with _open(seeds_copy) as library:
        report = library.last_refresh.report
        assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 3)
        assert library.article("003").title == "Quake strikes coastal town"
        assert "004_2da6d9f645c22fe2" not in library.ids()
        assert library.search("41").hits[0].id == "005_new"
    with _open(seeds_copy) as library:
        report = library.last_refresh.report
        assert report.changed == 0 and report.unchanged == 5


def test_a_file_that_turns_bad_leaves_the_index(seeds_copy):
    _open(seeds_copy).close()
    (seeds_copy / "000_ca11f8d137dfb4bd.txt").write_bytes(b"\x00\x01\x02" * 50)
    with _open(seeds_copy) as library:
        assert "000_ca11f8d137dfb4bd" not in library.ids()
        assert [s.path for s in library.last_refresh.skipped] == ["000_ca11f8d137dfb4bd.txt"]


def test_corrupt_index_is_rebuilt_with_a_warning(seeds_copy):
    with _open(seeds_copy) as library:
        folder = library.index_dir
    for path in folder.iterdir():
        if path.name.endswith((".seg", ".toc")) or path.name.startswith("_MAIN"):
            path.write_bytes(b"garbage")
    with _open(seeds_copy) as library:
        assert any("damaged" in w for w in library.last_refresh.report.warnings)
        assert len(library.ids()) == 5
        assert library.search("Mansudae").total == 4


def test_half_written_index_is_rebuilt(seeds_copy):
    with _open(seeds_copy) as library:
        folder = library.index_dir
    for path in folder.glob("*.toc"):
        path.unlink()  # a crash before the table of contents was written
    with _open(seeds_copy) as library:
        assert len(library.ids()) == 5


def test_schema_version_change_rebuilds(seeds_copy, monkeypatch):
    with _open(seeds_copy) as library:
        folder = library.index_dir
    stamp = json.loads((folder / maintenance.STAMP_NAME).read_text())
    assert stamp == {"schema": schema.SCHEMA_VERSION}
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with _open(seeds_copy) as library:
        assert any("another version" in w for w in library.last_refresh.report.warnings)
        assert library.last_refresh.report.added == 5


def test_unusable_cache_dir_falls_back_to_memory(seeds_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    with _open(seeds_copy) as library:
        assert library.index_dir is None
        assert library.last_refresh.report.in_memory
        assert any("in-memory" in w for w in library.last_refresh.report.warnings)
        assert library.search('"Kim Jong-un"').total == 5


def test_deleted_cache_dir_is_recreated(seeds_copy, isolated_dirs):
    _open(seeds_copy).close()
    shutil.rmtree(isolated_dirs / "cache")
    with _open(seeds_copy) as library:
        assert library.index_dir is not None and library.index_dir.is_dir()
        assert len(library.ids()) == 5


def _hold_lock(folder: str, ready, release) -> None:
    from whoosh.index import open_dir

    writer = open_dir(folder).writer()
    ready.set()
    release.wait(30)
    writer.cancel()


def test_busy_index_is_used_as_it_was(seeds_copy, monkeypatch):
    with _open(seeds_copy) as library:
        folder = library.index_dir
    (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(folder), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        monkeypatch.setattr(maintenance, "WRITE_LOCK_TIMEOUT", 0.3)
        library = Library.open(seeds_copy)
        refresh = library.refresh()
        assert any("another kimreader process" in w for w in refresh.report.warnings)
        assert len(library.ids()) == 5  # the old index still answers
        library.close()
    finally:
        release.set()
        holder.join(30)
    with _open(seeds_copy) as library:  # the lock died with its process
        assert len(library.ids()) == 6


def test_a_lock_left_by_a_killed_process_does_not_wedge(seeds_copy):
    with _open(seeds_copy) as library:
        folder = library.index_dir
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(folder), ready, release))
    holder.start()
    assert ready.wait(30)
    holder.kill()
    holder.join(30)
    (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
    with _open(seeds_copy) as library:
        assert len(library.ids()) == 6
        assert not library.last_refresh.report.warnings


def _index_in_child(corpus: str, cache: str, results) -> None:
    os.environ["XDG_CACHE_HOME"] = cache
    from search_index.library import Library

    library = Library.open(Path(corpus))
    library.refresh()
    results.put(len(library.ids()))
    library.close()


def test_two_processes_indexing_at_once_agree(seeds_copy, isolated_dirs):
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_index_in_child, args=(str(seeds_copy), str(isolated_dirs / "cache"), results)
        )
        for _ in range(2)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    assert sorted(results.get(timeout=5) for _ in procs) == [5, 5]
    with _open(seeds_copy) as library:
        assert len(library.ids()) == 5
        assert library.last_refresh.report.changed == 0
        assert library.search("Mansudae").total == 4


def test_rebuild_reads_everything_again(seeds_copy):
    _open(seeds_copy).close()
    with _open(seeds_copy, rebuild=True) as library:
        assert library.last_refresh.report.added == 5


def test_parallel_first_build_indexes_the_same_as_serial(seeds_copy, monkeypatch):
    from search_index import refresh as refresh_module

    with _open(seeds_copy) as serial:
        expected = {q: [h.id for h in serial.search(q).hits] for q in ("Kim", '"Jong Un"', "10000")}
        serial_index = serial.index_dir
    shutil.rmtree(serial_index)
    monkeypatch.setattr(refresh_module, "BULK_THRESHOLD", 1)
    with _open(seeds_copy) as parallel:
        assert parallel.last_refresh.report.added == 5
        assert {q: [h.id for h in parallel.search(q).hits] for q in expected} == expected


def test_a_large_update_analyses_in_worker_processes_and_stores_the_same(
    seeds_copy, monkeypatch
):
    """Every article changed at once (a new analysis version does that) is analysed in worker
    processes, as a first build is; what is stored is what one process stores."""
    from search_index import refresh as refresh_module

    with _open(seeds_copy) as library:
        expected = {q: [h.id for h in library.search(q).hits] for q in ("Kim", '"Jong Un"')}
        claims = {i: [c.value_text for c in library.claims(i)] for i in library.ids()}
    for path in seeds_copy.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    pools: list[int] = []
    real_pool = refresh_module.analysis_pool

    def recording(procs, **kwargs):
        pools.append(procs)
        return real_pool(procs, **kwargs)

    monkeypatch.setattr(refresh_module, "analysis_pool", recording)
    monkeypatch.setattr(refresh_module, "BULK_THRESHOLD", 1)
    with _open(seeds_copy) as library:
        assert library.last_refresh.report.updated == 5
        assert (pools and pools[-1] > 1) or (os.cpu_count() or 1) == 1
        assert {q: [h.id for h in library.search(q).hits] for q in expected} == expected
        assert {i: [c.value_text for c in library.claims(i)] for i in library.ids()} == claims


def test_catalog_lists_articles_without_reading_bodies_and_survives_damage(seeds_copy):
    with _open(seeds_copy) as library:
        folder = library.index_dir
        infos = library.catalog()
        assert [i.id for i in infos] == library.ids()
        assert infos[2].outlet == "The Insider" and infos[2].words > 100
    catalog = folder / CATALOG_NAME
    assert catalog.exists()
    catalog.write_text("{not json", encoding="utf-8")
    with _open(seeds_copy) as library:
        assert len(library.catalog()) == 5  # rebuilt from the stored documents
    (seeds_copy / "000_ca11f8d137dfb4bd.txt").unlink()
    with _open(seeds_copy) as library:
        assert "000_ca11f8d137dfb4bd" not in [i.id for i in library.catalog()]
    data = json.loads(catalog.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 4


def test_cached_results_follow_the_index(seeds_copy):
    with _open(seeds_copy) as library:
        assert library.search("quake").total == 0
        assert library.search("quake") is library.search("quake")  # cached
        (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
        library.refresh()
        assert library.search("quake").total == 1


def test_an_index_rebuilt_by_another_process_is_not_mistaken_for_the_old_one(seeds_copy):
    """A rebuild starts the generation count again: a reader that compared generation numbers
    only (Whoosh's own check, and the result cache's key) kept answering from the old index."""
    reader = _open(seeds_copy)
    try:
        assert reader.search("quake").total == 0
        generation = reader._store.searcher().reader().generation()
        (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
        with Library.open(seeds_copy, rebuild=True) as other:
            other.refresh()
            assert other._store.searcher().reader().generation() == generation
        assert reader.search("quake").total == 1
        assert "005_new" in [i.id for i in reader.catalog()]
    finally:
        reader.close()


def test_a_catalog_written_for_another_version_of_the_index_is_not_used(seeds_copy):
    with _open(seeds_copy) as library:
        catalog = library.index_dir / CATALOG_NAME
    data = json.loads(catalog.read_text(encoding="utf-8"))
    stale = data["articles"]["000_ca11f8d137dfb4bd"]
    stale["title"] = "A title from before the last commit"
    data["version"] = "0:someone-else"
    catalog.write_text(json.dumps(data), encoding="utf-8")
    with Library.open(seeds_copy) as library:
        titles = [i.title for i in library.catalog()]
    assert "A title from before the last commit" not in titles


def _count_reads(monkeypatch) -> list[str]:
    from search_index import article_reader, corpus

    reads: list[str] = []
    real = corpus.read_capped

    def counting(path, root):
        reads.append(path.name)
        return real(path, root)

    # Discovery reads (to fingerprint) and the reader reads (to index): both count.
    monkeypatch.setattr(corpus, "read_capped", counting)
    monkeypatch.setattr(article_reader, "read_capped", counting)
    return reads


def _age(folder: Path, seconds: float = 60) -> None:
    """Backdate every file, as a corpus that was not just written: stamps of files modified
    within two seconds of a scan are not trusted (the mtime may not show a second write)."""
    for path in folder.iterdir():
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


def test_a_refresh_reads_only_files_whose_stamp_changed(seeds_copy, monkeypatch):
    _age(seeds_copy)
    _open(seeds_copy).close()
    reads = _count_reads(monkeypatch)
    with _open(seeds_copy) as library:
        assert reads == []  # size, mtime and inode unchanged: nothing read or hashed
        assert library.last_refresh.report.unchanged == 5
    target = seeds_copy / "003_8aed3a971675dfb7.txt"
    target.write_text(STORY, encoding="utf-8")
    with _open(seeds_copy) as library:
        assert set(reads) == {"003_8aed3a971675dfb7.txt"}  # hashed, then read for indexing
        assert library.last_refresh.report.updated == 1
        assert library.article("003").title == "Quake strikes coastal town"


def test_a_file_rewritten_just_after_a_scan_is_read_again(seeds_copy, monkeypatch):
    for path in seeds_copy.iterdir():
        os.utime(path)  # written just now: too recent for a stamp to vouch for
    _open(seeds_copy).close()
    reads = _count_reads(monkeypatch)
    with _open(seeds_copy):
        assert len(reads) == 5


def test_damaged_stamps_mean_every_file_is_read(seeds_copy, monkeypatch):
    from search_index.clean_state import CLEAN_NAME
    from search_index.file_stamps import STAMPS_NAME

    _age(seeds_copy)
    with _open(seeds_copy) as library:
        stamps = library.index_dir / STAMPS_NAME
    stamps.write_text('{"format": 1, "taken_ns": "x", "files": [1, 2]}', encoding="utf-8")
    # And the state that lets an untouched corpus skip the stamps (clean_state.py).
    (stamps.parent / CLEAN_NAME).write_text("[", encoding="utf-8")
    reads = _count_reads(monkeypatch)
    with _open(seeds_copy) as library:
        assert len(reads) == 5 and library.last_refresh.report.unchanged == 5


def test_the_index_writer_writes_what_whoosh_writes(tmp_path):
    """writing._Codec reads each field's lengths once instead of once a posting: a change in
    speed only. The segment files must be byte for byte Whoosh's own, and name its codec."""
    import re

    from whoosh import index as whoosh_index
    from whoosh.codec.whoosh3 import W3Codec

    from search_index.index import writing

    seeds = SEEDS
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] * 60

    def files(folder, codec):
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), schema.build_schema())
        writer = ix.writer(codec=codec, compound=False)
        for n, text in enumerate(texts):
            title = text.split("\n", 1)[0]
            writer.add_document(id=str(n), title=title, body=text, spell=text, pairs=text)
        writer.commit()
        (segment,) = whoosh_index.open_dir(str(folder)).reader().leaf_readers()
        assert type(segment[0].segment().codec()) is W3Codec
        return {
            re.sub(r"^MAIN_\w+?\.", "", p.name): p.read_bytes()
            for p in folder.iterdir()
            if p.name.startswith("MAIN_") and "WRITELOCK" not in p.name
        }

    ours, whooshs = files(tmp_path / "ours", writing._Codec()), files(tmp_path / "w3", W3Codec())
    assert set(ours) == set(whooshs) and len(ours) >= 7
    assert ours == whooshs
