"""Concurrency: two writers at once, a reader racing a writer, a writer that dies mid-build.

Each test reproduces a fault a stress run found (issue 13). Subprocesses are bounded by
timeouts and killed with their process group when a test ends; no test bounds speed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support import ROOT

from search_index.index import IndexStore, IndexWriterSession, maintenance
from search_index.index.catalog import CATALOG_NAME
from search_index.library import Library
from search_index.paths import app_paths

BIG = 320  # above refresh.BULK_THRESHOLD: a first build runs the multi-process writer
posix_only = pytest.mark.skipif(os.name != "posix", reason="fork, process groups and flock")


def _generate(out: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(out, count, seed=11, words=200)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("concurrency") / "corpus"
    _generate(folder, BIG)
    return folder


def _env() -> dict[str, str]:
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


def _kimreader(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("kimreader")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-c", "from tui.cli import main; main()", *args]


def _run_together(commands: list[list[str]], timeout: float = 240) -> list[tuple[int, str, str]]:
    """Start the commands at once; (exit code, stdout, stderr) of each."""
    procs = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for command in commands
    ]
    outputs = []
    try:
        for proc in procs:
            outputs.append(proc.communicate(timeout=timeout))
    finally:
        for proc in procs:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]


def _documents(corpus: Path) -> int:
    store, notes = IndexStore.open(app_paths().index_dir(corpus))
    try:
        assert not notes, notes
        return store.doc_count()
    finally:
        store.close()


@posix_only
def test_two_first_builds_at_once_store_each_article_once(big_corpus):
    """Both used to see an empty index, both filled it: 2 x BIG documents, never repaired."""
    runs = _run_together([_kimreader("--corpus", str(big_corpus), "index")] * 2)
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert _documents(big_corpus) == BIG
    with Library.open(big_corpus) as library:
        report = library.refresh().report
        assert (report.changed, report.unchanged) == (0, BIG)
        assert len(library.ids()) == BIG


@posix_only
def test_the_app_and_the_cli_building_at_once_store_each_article_once(big_corpus, tmp_path):
    """The app refreshes without worker processes, `kimreader index` with them."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom search_index.library import Library\n"
        "with Library.open(Path(sys.argv[1])) as library:\n"
        "    library.refresh(parallel=False)\n"
    )
    runs = _run_together(
        [
            [sys.executable, "-c", code, str(big_corpus)],
            _kimreader("--corpus", str(big_corpus), "index"),
        ]
    )
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert _documents(big_corpus) == BIG


def test_a_bulk_build_that_waited_for_another_build_adds_nothing_twice(big_corpus):
    """The exact interleaving: a second build decides what to write while the first is still
    writing (it sees an empty index), then fills the index with the add-only bulk writer once
    the first has committed. Deciding under the build lock makes the second see the commit."""
    first, second = Library.open(big_corpus), Library.open(big_corpus)
    started = threading.Event()
    errors: list[BaseException] = []

    def run_second() -> None:
        try:
            started.set()
            second.refresh(parallel=True)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run_second)

    def progress(done: int, total: int) -> None:
        if done == 1:  # the first build is writing: let the second one plan meanwhile
            thread.start()
            started.wait(10)
            thread.join(1.0)

    try:
        first.refresh(progress, parallel=False)
        thread.join(240)
    finally:
        first.close()
        second.close()
    assert not thread.is_alive() and not errors, errors
    assert _documents(big_corpus) == BIG


def test_an_article_stored_twice_is_stored_once_again_by_the_next_refresh(seeds_copy):
    """An index that already holds duplicates (left by an older build) is repaired."""
    with Library.open(seeds_copy) as library:
        library.refresh()
        store = library._store
        first = library.ids()[0]
        article = library.article(first)
        writer = store._index.writer()
        session = IndexWriterSession(writer, add_only=True)
        session.put(article, library.extraction(first), [])
        writer.commit()
        assert store.doc_count() == 6
        assert store.duplicated_ids() == [first]
    with Library.open(seeds_copy) as library:
        report = library.refresh().report
        assert any("more than once" in w for w in report.warnings), report.warnings
        assert library._store.doc_count() == 5
        assert library.search("Mansudae", limit=50).total == len(
            {h.id for h in library.search("Mansudae", limit=50).hits}
        )
    with Library.open(seeds_copy) as library:
        assert library.refresh().report.warnings == ()


@posix_only
def test_opening_the_index_while_another_process_commits_never_wipes_it(seeds_copy):
    """A reader that opened the index mid-commit judged it damaged and deleted it (300 -> 0),
    and the writer then died with a TypeError."""
    with Library.open(seeds_copy) as library:
        library.refresh()
    folder = app_paths().index_dir(seeds_copy)
    commits = 40
    code = (
        "import sys\nfrom pathlib import Path\nfrom search_index.library import Library\n"
        "corpus = Path(sys.argv[1])\n"
        "library = Library.open(corpus)\n"
        f"for n in range({commits}):\n"
        "    path = sorted(corpus.glob('*.txt'))[n % 5]\n"
        "    path.write_text(path.read_text(encoding='utf-8') + f'\\nUpdate {n}.\\n',"
        " encoding='utf-8')\n"
        "    report = library.refresh().report\n"
        "    assert report.updated == 1 and not report.warnings, report\n"
        "library.close()\n"
        "print('committed', flush=True)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(seeds_copy)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    opens, counts, problems = 0, set(), []
    try:
        while writer.poll() is None:
            store, notes = IndexStore.open(folder)
            opens += 1
            problems.extend(notes)
            try:
                counts.add(store.doc_count())
                store.search("Pyongyang", limit=3)
            except Exception as exc:  # any failure to read is what this test is about
                problems.append(repr(exc))
            finally:
                store.close()
        out, err = writer.communicate(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(writer.pid, signal.SIGKILL)
        writer.wait(10)
    assert writer.returncode == 0 and out.strip() == "committed", err
    assert opens > commits // 4  # the reader really raced the writer
    assert problems == []
    assert counts == {5}


def test_threads_of_one_process_also_take_turns(seeds_copy):
    """The build lock is a file lock: two threads (two Library objects) serialise like two
    processes, so a refresh in each never writes the same articles twice."""
    libraries = [Library.open(seeds_copy), Library.open(seeds_copy)]
    errors: list[BaseException] = []

    def refresh(library: Library) -> None:
        try:
            library.refresh()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=refresh, args=(lib,)) for lib in libraries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for library in libraries:
        library.close()
    assert not errors
    assert _documents(seeds_copy) == 5


def test_leftovers_of_a_dead_writer_are_removed_by_the_next_write(seeds_copy):
    """A killed 100,000-file build left 868 MB of spill files that nothing ever removed."""
    with Library.open(seeds_copy) as library:
        library.refresh()
    folder = app_paths().index_dir(seeds_copy)
    spill = folder / maintenance.TEMP_FOLDER
    spill.mkdir()
    (spill / "abc.doclist").write_bytes(b"x" * 1000)
    (folder / "_MAIN_7.toc.1700000000.5").write_bytes(b"half a table")
    (folder / "MAIN_deadbeef00000000.seg").write_bytes(b"an uncommitted segment")
    dead = f".{CATALOG_NAME}.{2**22 + 12345}.tmp"  # beyond pid_max: no such process
    (folder / dead).write_text("{}")
    alive = f".{CATALOG_NAME}.{os.getppid()}.tmp"  # a live process's: left alone
    (folder / alive).write_text("{}")
    (seeds_copy / "new.md").write_text("A new report on the museum\n\nIt opened today.\n")
    with Library.open(seeds_copy) as library:
        assert library.refresh().report.added == 1
    names = set(os.listdir(folder))
    assert maintenance.TEMP_FOLDER not in names
    assert "_MAIN_7.toc.1700000000.5" not in names
    assert "MAIN_deadbeef00000000.seg" not in names
    assert dead not in names
    assert alive in names
    assert _documents(seeds_copy) == 6


@posix_only
def test_a_sub_writer_that_fails_loses_no_article_and_prints_no_traceback(big_corpus, tmp_path):
    """Whoosh commits without a sub-writer's segment when it died (a full disk): its articles
    were reported added but never stored, and its traceback went to the terminal."""
    code = (
        "import errno, sys\nfrom pathlib import Path\n"
        "from whoosh.multiproc import SubWriterTask\n"
        "from search_index.library import Library\n"
        "original = SubWriterTask._process_file\n"
        "def full(self, *args):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "SubWriterTask._process_file = full\n"
        "with Library.open(Path(sys.argv[1])) as library:\n"
        "    report = library.refresh().report\n"
        "    print(len(library.ids()), report.in_memory, flush=True)\n"
        "    print('\\n'.join(report.warnings), flush=True)\n"
    )
    copy = tmp_path / "corpus"
    copy.symlink_to(big_corpus, target_is_directory=True)
    ((returncode, out, err),) = _run_together([[sys.executable, "-c", code, str(copy)]])
    assert returncode == 0, err
    first, *warnings = out.splitlines()
    assert first.split()[0] == str(BIG)  # every article is searchable, in memory if need be
    assert any(os.strerror(errno.ENOSPC) in w for w in warnings), warnings
    assert "Traceback" not in err


# -- a busy index, as the command line sees it (issue 13: 12) ----------------------------------


def _cli(*args: str):
    from click.testing import CliRunner

    from tui.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _hold_build_lock(corpus: Path):
    from whoosh.filedb.filestore import FileStorage

    lock = FileStorage(str(app_paths().index_dir(corpus))).lock(maintenance.BUILD_LOCK_NAME)
    assert lock.acquire(blocking=False)
    return lock


def test_commands_say_so_when_another_process_is_building_the_first_index(seeds_copy, monkeypatch):
    """`search` printed "no matches" (exit 1) and `index` exited 0 having done nothing."""
    from tui.cli import EXIT_BUSY

    Library.open(seeds_copy).close()  # the other process has created the empty index
    monkeypatch.setattr(maintenance, "WRITE_LOCK_TIMEOUT", 0.3)
    lock = _hold_build_lock(seeds_copy)
    try:
        for args in (("search", "Mansudae"), ("index",), ("list",)):
            result = _cli("--corpus", str(seeds_copy), *args)
            assert result.exit_code == EXIT_BUSY, (args, result.output)
            assert "another kimreader process" in result.output
    finally:
        lock.release()
    result = _cli("--corpus", str(seeds_copy), "search", "Mansudae")
    assert result.exit_code == 0 and "Mansudae" in result.output


def test_a_busy_index_that_holds_articles_still_answers_reads(seeds_copy, monkeypatch):
    from tui.cli import EXIT_BUSY

    with Library.open(seeds_copy) as library:
        library.refresh()
    (seeds_copy / "new.txt").write_text(
        "Quake strikes coastal town\n\nAt least 40 people died, officials said on Tuesday.\n"
    )
    monkeypatch.setattr(maintenance, "WRITE_LOCK_TIMEOUT", 0.3)
    lock = _hold_build_lock(seeds_copy)
    try:
        result = _cli("--corpus", str(seeds_copy), "search", "Mansudae")
        assert result.exit_code == 0
        assert "showing the index as it was" in " ".join(result.output.split())
        result = _cli("--corpus", str(seeds_copy), "index")
        assert result.exit_code == EXIT_BUSY and "nothing was written" in result.output
    finally:
        lock.release()
    result = _cli("--corpus", str(seeds_copy), "index")
    assert result.exit_code == 0 and "1 added" in result.output


# -- a busy index, as the app sees it (issue 13: 12) -------------------------------------------


async def test_the_app_waits_for_another_process_building_the_index_then_shows_it(
    seeds_copy, monkeypatch
):
    """It said "This corpus has no readable articles." and never looked again."""
    from textual.widgets import OptionList, Static

    from tui import app as app_module
    from tui.app import KimreaderApp
    from tui.widgets.reader import Reader

    Library.open(seeds_copy).close()  # the other process has created the empty index
    monkeypatch.setattr(maintenance, "WRITE_LOCK_TIMEOUT", 0.2)
    monkeypatch.setattr(app_module, "BUSY_RETRY_SECONDS", 0.2)
    lock = _hold_build_lock(seeds_copy)
    released = False
    app = KimreaderApp(seeds_copy, remember=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:

            def shown() -> str:
                reader = app.main.query_one("#reader", Reader)
                return " ".join(str(s.content) for s in reader.query(Static))

            for _ in range(200):  # a hang guard: the lock times out after 0.2 s
                await pilot.pause(0.05)
                if "Another kimreader process" in shown():
                    break
            assert "Another kimreader process is indexing" in shown()
            assert "no readable articles" not in shown()
            lock.release()
            released = True
            sources = app.main.query_one("#sources", OptionList)
            for _ in range(400):
                await pilot.pause(0.05)
                if sources.option_count == 5:
                    break
            assert sources.option_count == 5
            warnings = [n for n in app._notifications if "another kimreader" in n.message]
            assert len(warnings) <= 1  # told once, not at every retry
    finally:
        if not released:
            lock.release()


# -- a write that runs out of room (issue 13: 13) ----------------------------------------------

_LIMITED = (
    "import os, resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, resource.RLIM_INFINITY))\n"
    "from tui.cli import main\n"
    "sys.argv = ['kimreader', *sys.argv[1:]]\n"
    "main()\n"
)


@posix_only
def test_a_write_that_runs_out_of_room_indexes_in_memory_and_leaves_no_leftovers(big_corpus):
    """Files may not grow past 200 KB (as on a disk that fills up): the build used to end in a
    raw traceback, even from its in-memory fallback (Whoosh spills to the temp folder)."""
    ((code, _, err),) = _run_together(
        [[sys.executable, "-c", _LIMITED, "--corpus", str(big_corpus), "index"]]
    )
    assert code == 0, err
    assert "Traceback" not in err
    assert os.strerror(errno.EFBIG) in err
    assert f"{BIG} articles indexed" in err and "(memory)" in err
    folder = app_paths().index_dir(big_corpus)
    ((code, _, err),) = _run_together([_kimreader("--corpus", str(big_corpus), "index")])
    assert code == 0, err
    assert maintenance.TEMP_FOLDER not in os.listdir(folder)
    store, _ = IndexStore.open(folder)
    try:
        reader = store.searcher().reader()
        live = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()}
        assert store.doc_count() == BIG
    finally:
        store.close()
    on_disk = {name.split(".")[0] for name in os.listdir(folder) if name.startswith("MAIN_")}
    assert on_disk - {"MAIN_WRITELOCK"} <= live  # no segment of the failed build is left


def test_the_entity_table_is_built_once_when_two_threads_ask_at_once(seeds_copy, monkeypatch):
    """The app asks from several worker threads; each used to merge the corpus on its own."""
    import time

    from search_index.entities import merge as merge_module
    from search_index.entities import saved_table

    calls: list[int] = []
    real = merge_module.merge_entities

    def slow_merge(*args, **kwargs):
        calls.append(1)
        time.sleep(0.3)  # long enough for the other thread to arrive meanwhile
        return real(*args, **kwargs)

    monkeypatch.setattr(merge_module, "merge_entities", slow_merge)
    monkeypatch.setattr(saved_table, "load_table", lambda folder, key: None)
    with Library.open(seeds_copy) as library:
        library.refresh()
        tables: list[object] = []
        threads = [
            threading.Thread(target=lambda: tables.append(library.entities())) for _ in range(3)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert len(calls) == 1
    assert len(tables) == 3 and tables[0] is tables[1] is tables[2]
