"""Worker processes for a build started from a program that replaced sys.stderr (the app:
Textual captures prints with an object whose fileno() is -1, and multiprocessing's resource
tracker, started on the first pool, is handed that descriptor)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from support import ROOT

from search_index.analysis_pool import analysis_pool

# In a fresh interpreter: a resource tracker started by an earlier test would hide the fault.
SCRIPT = textwrap.dedent(
    """
    import contextlib, io, os
    from search_index.analysis_pool import analysis_pool

    class CapturedStderr(io.StringIO):
        def fileno(self):
            return -1

    def pid(_):
        return os.getpid()

    if __name__ == "__main__":
        with contextlib.redirect_stderr(CapturedStderr()):
            with analysis_pool(2, spawn=True) as pool:
                pids = set(pool.map(pid, range(8))) if pool is not None else set()
        print("workers", len(pids - {os.getpid()}))
    """
)


def test_spawned_workers_start_under_a_stderr_without_a_descriptor(tmp_path):
    script = tmp_path / "pool_script.py"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    workers = int(done.stdout.split()[-1])
    assert workers >= 1, done.stdout


def test_one_process_needs_no_pool():
    with analysis_pool(1, spawn=True) as pool:
        assert pool is None
