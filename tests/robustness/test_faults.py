"""Fault injection: killed indexers, a cache folder that vanishes or turns unwritable while open,
corpus files that change under the reader, damaged reading state. Every test is bounded in time:
subprocesses run with timeouts and are killed (with their process group) when a test ends."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from support import ROOT
from whoosh.filedb.filestore import FileStorage

from search_index import refresh as refresh_module
from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.index.maintenance import WRITE_LOCK_NAME
from search_index.library import Library
from search_index.models import Article, SkippedFile
from search_index.paths import app_paths
from search_index.state import ReadingState, StateStore

BIG = 400  # above refresh.BULK_THRESHOLD: a first build runs the multi-process writer
STORY = "Quake strikes coastal town\n\nAt least 40 people died, officials said on Tuesday.\n"
posix_only = pytest.mark.skipif(os.name != "posix", reason="process groups and SIGKILL are POSIX")


def _generate(out: Path, count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    # Shorter articles than the benchmark default: the same shape, indexed in half the time.
    return generate(out, count, seed=7, words=300)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus the tests only read (each test indexes it into its own cache)."""
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    assert len(_generate(folder, BIG)) == BIG
    return folder


def _kimreader() -> tuple[list[str], dict[str, str]]:
    """The installed ``kimreader`` command (or its module when there is none), and an
    environment that makes it run this checkout's code with the test's isolated folders."""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))
    script = Path(sys.executable).with_name("kimreader")
    if script.is_file():
        return [str(script)], env
    return [sys.executable, "-c", "from tui.cli import main; main()"], env


def _group_alive(pgid: int) -> list[int]:
    """The processes of a process group that are still running (zombies do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        return [pgid]
    alive = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...: comm may hold spaces, so split after its ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _index_files_written(folder: Path) -> bool:
    """True once documents reach the writer: job files for the sub-writers or segment files."""
    try:
        return any(
            p.suffix == ".doclist" or (p.name.startswith("MAIN_") and p.name != WRITE_LOCK_NAME)
            for p in folder.rglob("*")
        )
    except OSError:
        return False


# -- 1. SIGKILL while indexing -------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("kill_at", ["0.5", "1.5", "3.0", "writing"])
def test_sigkill_mid_rebuild_leaves_an_index_the_next_run_completes(big_corpus, kill_at):
    folder = app_paths().index_dir(big_corpus)
    command, env = _kimreader()
    proc = subprocess.Popen(
        [*command, "--corpus", str(big_corpus), "index", "--rebuild"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: every worker can be found and reaped
    )
    try:
        if kill_at == "writing":
            deadline = time.monotonic() + 60
            while not _index_files_written(folder):
                assert proc.poll() is None, "indexing ended before the write could be caught"
                assert time.monotonic() < deadline, "indexing never started writing"
                time.sleep(0.01)
        else:
            time.sleep(float(kill_at))
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, as the OOM killer would
        proc.wait(10)
        # Its worker processes must not outlive it: they share its write lock.
        deadline = time.monotonic() + 10
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(proc.pid), "workers outlived the killed indexer"
    finally:
        _kill_group(proc.pid)
        proc.wait(10)

    with Library.open(big_corpus) as library:
        refresh = library.refresh()
        report = refresh.report
        assert not report.in_memory
        assert all("damaged" in w for w in report.warnings), report.warnings
        assert (report.added + report.unchanged, report.updated, report.removed) == (BIG, 0, 0)
        if kill_at == "writing":  # killed before its commit: nothing of it may show
            assert report.added == BIG
        assert not refresh.skipped
        ids = library.ids()
        assert len(ids) == BIG
        for article_id in (ids[0], ids[BIG // 2], ids[-1]):
            title = library.article(article_id).title
            hits = library.search(f'title:"{title}"', limit=BIG).hits
            assert article_id in [h.id for h in hits]
    with Library.open(big_corpus) as library:  # one rebuild was enough, and it was saved
        report = library.refresh().report
        assert (report.changed, report.unchanged, report.warnings) == (0, BIG, ())


def test_a_failed_multi_process_build_stops_its_workers(big_corpus):
    """Whoosh's MpWriter.cancel left its sub-writers waiting for work for ever: a failed first
    build then hung the process at exit (multiprocessing joins non-daemon children)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from search_index.index import IndexWriterSession\n"
        "from search_index.library import Library\n"
        "put = IndexWriterSession.put\n"
        "def failing(self, *args, **kwargs):\n"
        "    if self.count == 250:\n"
        "        raise RuntimeError('injected')\n"
        "    return put(self, *args, **kwargs)\n"
        "IndexWriterSession.put = failing\n"
        "library = Library.open(Path(sys.argv[1]))\n"
        "try:\n"
        "    library.refresh()\n"
        "except RuntimeError:\n"
        "    print('failed as injected', flush=True)\n"
        "library.close()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(big_corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        _kill_group(proc.pid)
        proc.wait(10)
    assert out.strip() == "failed as injected", err
    assert proc.returncode == 0


# -- 2. the cache folder deleted while open ------------------------------------------------------


class _Searching(threading.Thread):
    """Searches without pause (a new limit each time, so the result cache does not answer),
    recording every result or exception under the phase the main thread has set."""

    def __init__(self, library: Library) -> None:
        super().__init__(daemon=True)
        self.library = library
        self.phase = "before"
        self.stop = threading.Event()
        self.results: list[tuple[str, int, str | None]] = []
        self.errors: list[BaseException] = []

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            phase = self.phase
            try:
                result = self.library.search("Mansudae", limit=1 + n % 50)
            except BaseException as exc:
                self.errors.append(exc)
                return
            self.results.append((phase, result.total, result.error))
            time.sleep(0.002)

    def wait_for(self, phase: str, count: int = 5) -> None:
        deadline = time.monotonic() + 20
        while sum(1 for p, _, _ in self.results if p == phase) < count:
            assert not self.errors, self.errors
            assert time.monotonic() < deadline, f"the search thread stalled in {phase}"
            time.sleep(0.01)


def test_cache_deleted_while_open_and_searching(seeds_copy, isolated_dirs):
    with Library.open(seeds_copy) as library:
        library.refresh()
        folder = library.index_dir
        searching = _Searching(library)
        searching.start()
        try:
            searching.wait_for("before")
            searching.phase = "deleted"
            shutil.rmtree(isolated_dirs / "cache")
            searching.wait_for("deleted")
            # A thread that never searched before has no open files to answer from.
            late: list[object] = []
            thread = threading.Thread(target=lambda: late.append(library.search("Kim")))
            thread.start()
            thread.join(20)
            (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
            searching.phase = "refresh"
            refresh = library.refresh()
            searching.phase = "after"
            searching.wait_for("after")
        finally:
            searching.stop.set()
            searching.join(20)
        assert not searching.errors, searching.errors
        # Until the refresh, searches answered from the files they had open.
        assert {(t, e) for p, t, e in searching.results if p in ("before", "deleted")} == {
            (4, None)
        }
        assert {(t, e) for p, t, e in searching.results if p == "after"} == {(4, None)}
        assert late and late[0].error and "refresh" in late[0].error
        report = refresh.report
        assert any("stopped working" in w and "rebuilding it" in w for w in report.warnings)
        assert (report.added, report.in_memory) == (6, False)
        assert library.index_dir == folder and folder.is_dir()
        assert len(library.ids()) == 6
        assert library.search("quake").total == 1
        assert library.search("Mansudae").total == 4
    with Library.open(seeds_copy) as library:  # the recreated index was saved
        report = library.refresh().report
        assert (report.changed, report.unchanged, report.warnings) == (0, 6, ())


def test_searching_an_index_with_nothing_committed(tmp_path):
    """An index with no segments (an empty corpus; a rebuild, here or in another process, that
    has not committed yet) has no generation: searching it raised TypeError."""
    corpus = tmp_path / "empty"
    corpus.mkdir()
    with Library.open(corpus) as library:
        library.refresh()
        result = library.search("hello")
        assert (result.total, result.error) == (0, None)


def test_cache_deleted_during_a_refresh_write(seeds_copy, isolated_dirs):
    with Library.open(seeds_copy) as library:
        fired = []

        def progress(done: int, total: int) -> None:
            if done == 3 and not fired:  # mid-write, once (not again on the retry)
                fired.append(done)
                shutil.rmtree(isolated_dirs / "cache")

        refresh = library.refresh(progress)
        assert fired
        report = refresh.report
        assert any("stopped working" in w for w in report.warnings), report.warnings
        assert (report.added, report.in_memory) == (5, False)
        assert len(library.ids()) == 5
        assert library.search("Mansudae").total == 4
    with Library.open(seeds_copy) as library:
        report = library.refresh().report
        assert (report.changed, report.unchanged, report.warnings) == (0, 5, ())


def test_cache_emptied_between_refreshes(seeds_copy):
    with Library.open(seeds_copy) as library:
        library.refresh()
        for path in library.index_dir.iterdir():
            if path.is_file():
                path.unlink()
        assert library.search("Mansudae").total == 4
        refresh = library.refresh()
        assert any("its files were removed" in w for w in refresh.report.warnings)
        assert len(library.ids()) == 5
        assert library.search("Mansudae").total == 4


# -- 3. the cache folder turns unwritable while open ---------------------------------------------


def test_index_folder_replaced_by_a_file_while_open(seeds_copy):
    with Library.open(seeds_copy) as library:
        library.refresh()
        folder = library.index_dir
        shutil.rmtree(folder)
        folder.write_text("a file where the index folder was", encoding="utf-8")
        (seeds_copy / "005_new.txt").write_text(STORY, encoding="utf-8")
        assert library.search("Mansudae").total == 4  # still answering
        refresh = library.refresh()
        report = refresh.report
        assert report.in_memory and library.index_dir is None
        assert any("stopped working" in w for w in report.warnings)
        assert any("in-memory" in w for w in report.warnings)
        assert len(library.ids()) == 6  # nothing lost: the new article too
        assert library.search("quake").total == 1
        assert library.search("Mansudae").total == 4
        assert library.refresh().report.changed == 0
    assert folder.read_text(encoding="utf-8") == "a file where the index folder was"


def test_index_folder_unwritable_while_open(seeds_copy):
    with Library.open(seeds_copy) as library:
        library.refresh()
        folder = library.index_dir
        before = sorted((p.name, p.stat().st_size) for p in folder.iterdir() if p.is_file())

        def denied(path: object) -> None:
            if Path(str(path)).resolve().is_relative_to(folder):
                raise PermissionError(13, "Permission denied", str(path))

        create_file, write_bytes, write_text = (
            FileStorage.create_file,
            Path.write_bytes,
            Path.write_text,
        )

        def guarded_create(self, name, *args, **kwargs):
            denied(os.path.join(self.folder, name))
            return create_file(self, name, *args, **kwargs)

        def guarded_bytes(self, *args, **kwargs):
            denied(self)
            return write_bytes(self, *args, **kwargs)

        def guarded_text(self, *args, **kwargs):
            denied(self)
            return write_text(self, *args, **kwargs)

        mkstemp = tempfile.mkstemp

        def guarded_mkstemp(*args, dir=None, **kwargs):  # kimreader's atomic writes
            denied(os.path.join(str(dir), "x"))
            return mkstemp(*args, dir=dir, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(FileStorage, "create_file", guarded_create)
            patch.setattr(Path, "write_bytes", guarded_bytes)
            patch.setattr(Path, "write_text", guarded_text)
            patch.setattr(tempfile, "mkstemp", guarded_mkstemp)
            (seeds_copy / "005_new.txt").write_bytes(STORY.encode())  # outside: allowed
            refresh = library.refresh()
        report = refresh.report
        assert report.in_memory
        assert any("Permission denied" in w for w in report.warnings), report.warnings
        assert len(library.ids()) == 6
        assert library.search("quake").total == 1
    after = sorted((p.name, p.stat().st_size) for p in folder.iterdir() if p.is_file())
    assert after == before  # the index on disk was left as it was
    with Library.open(seeds_copy) as library:  # and the next run brings it up to date
        report = library.refresh().report
        assert (report.added, report.unchanged, report.warnings) == (1, 5, ())


# -- 4. corpus files that change between discover() and read_article() ---------------------------


@contextlib.contextmanager
def _reads_after(change):
    """Make the library's reads run ``change(source)`` first, as if the file changed between
    being listed and being read."""
    real = refresh_module.read_article

    def read(source, overrides):
        change(source)
        return real(source, overrides)

    # A scoped patch: undoing the test's own monkeypatch would also undo its isolated folders.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(refresh_module, "read_article", read)
        yield


def test_files_that_change_between_discovery_and_reading(seeds_copy):
    names = sorted(p.name for p in seeds_copy.glob("*.txt"))
    deleted, rewritten, emptied = names[0], names[1], names[2]

    def change(source):
        if source.relpath == deleted:
            source.path.unlink()
        elif source.relpath == rewritten:
            source.path.write_text(STORY, encoding="utf-8")
        elif source.relpath == emptied:
            source.path.write_bytes(b"")

    with _reads_after(change), Library.open(seeds_copy) as library:
        refresh = library.refresh()
        reasons = {s.path: s.reason for s in refresh.skipped}
        assert reasons == {
            deleted: "file disappeared or is a broken link",
            rewritten: "changed while being indexed; read again next time",
            emptied: "empty file",
        }
        assert len(library.ids()) == 2
    with Library.open(seeds_copy) as library:
        refresh = library.refresh()
        assert [(s.path, s.reason) for s in refresh.skipped] == [(emptied, "empty file")]
        assert refresh.report.added == 1  # the rewritten file, read again
        assert library.search("quake").hits[0].id == Path(rewritten).stem
        assert len(library.ids()) == 3


def test_a_file_rewritten_in_place_is_never_stored_under_its_old_fingerprint(seeds_copy):
    """A file caught half-way through a rewrite to the same content: stored under the old
    fingerprint, the half-written text would have stayed in the index for good."""
    name = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    path = seeds_copy / name
    original = path.read_bytes()
    with Library.open(seeds_copy) as library:
        library.refresh()
        full = library.article(path.stem).text
    path.write_bytes(original + b"\n\nUpdate: a correction followed.\n")  # a real change

    def half_rewritten(source):
        if source.relpath == name:
            source.path.write_bytes(original[: len(original) // 3])

    with _reads_after(half_rewritten), Library.open(seeds_copy) as library:
        library.refresh()
    path.write_bytes(original + b"\n\nUpdate: a correction followed.\n")  # the rewrite ends
    with Library.open(seeds_copy) as library:
        library.refresh()
        text = library.article(path.stem).text
        assert text.startswith(full[:200]) and "a correction followed" in text


def test_read_article_checks_the_bytes_it_was_given(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    found = discover(tmp_path)
    source = found.files[0]
    assert isinstance(read_article(source, found.overrides), Article)
    source.path.write_text(STORY.replace("40", "41"), encoding="utf-8")
    result = read_article(source, found.overrides)
    assert isinstance(result, SkippedFile) and "changed while being indexed" in result.reason
    source.path.write_bytes(b"")
    assert read_article(source, found.overrides) == SkippedFile("a.txt", "empty file")
    source.path.unlink()
    source.path.mkdir()
    assert read_article(source, found.overrides) == SkippedFile("a.txt", "not a regular file")


def test_an_indexed_article_truncated_to_nothing_leaves_the_index(seeds_copy):
    with Library.open(seeds_copy) as library:
        library.refresh()
    victim = sorted(seeds_copy.glob("*.txt"))[0]
    with victim.open("r+b") as handle:
        handle.truncate(0)
    with Library.open(seeds_copy) as library:
        refresh = library.refresh()
        assert refresh.report.removed == 1
        assert [(s.path, s.reason) for s in refresh.skipped] == [(victim.name, "empty file")]
        assert victim.stem not in library.ids()


# -- 5. reading state across runs ----------------------------------------------------------------


def test_damaged_state_and_damaged_index_between_runs(seeds_copy, isolated_dirs):
    with Library.open(seeds_copy) as library:
        library.refresh()
        first = library.ids()[0]
        folder = library.index_dir
    store = StateStore(seeds_copy)
    assert store.save(ReadingState(last_article=first, positions={first: 12})) is None
    assert not store.path.is_relative_to(isolated_dirs / "cache")  # not swept with the cache

    store.path.write_bytes(b'{"last_article": "' + first.encode() + b'", "positions": {')
    for path in folder.glob("*.toc"):
        path.write_bytes(b"garbage")
    with Library.open(seeds_copy) as library:
        refresh = library.refresh()
        assert any("damaged" in w for w in refresh.report.warnings)
        state, warning = StateStore(seeds_copy).load()
        assert state == ReadingState()
        assert warning and "damaged" in warning
        assert store.save(ReadingState(last_article=library.ids()[-1])) is None
    aside = list(store.path.parent.glob(f"{store.path.name}.corrupt-*"))
    assert len(aside) == 1

    shutil.rmtree(isolated_dirs / "cache")  # clearing the cache leaves the reading state
    with Library.open(seeds_copy) as library:
        library.refresh()
        state, warning = StateStore(seeds_copy).load()
        assert warning is None and state.last_article == library.ids()[-1]


def test_state_path_taken_by_a_folder_warns_on_load_and_save(seeds_copy):
    store = StateStore(seeds_copy)
    store.path.mkdir(parents=True)
    state, warning = store.load()
    assert state == ReadingState() and warning and "not loaded" in warning
    assert "not saved" in (store.save(ReadingState(last_article="a")) or "")
    assert store.path.is_dir()


@posix_only
def test_killing_a_save_never_leaves_a_damaged_state(seeds_copy):
    store = StateStore(seeds_copy)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from search_index.state import ReadingState, StateStore\n"
        "store = StateStore(Path(sys.argv[1]))\n"
        "print('ready', flush=True)\n"
        "n = 0\n"
        "while True:\n"
        "    n += 1\n"
        "    positions = {f'art{i}': n for i in range(400)}\n"
        "    store.save(ReadingState(last_article=f'art{n}', positions=positions))\n"
    )
    for delay in (0.05, 0.2, 0.4):
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(seeds_copy)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        finally:
            _kill_group(proc.pid)
            proc.wait(10)
            proc.stdout.close()
        state, warning = store.load()
        assert warning is None
        if store.path.exists():
            assert state.last_article and len(state.positions) == 400
