"""Headless Chromium for the report tests: Debian's `chromium` package, started as CI starts it.

Where Chromium is not installed the browser tests skip, unless KIMREADER_REQUIRE_CHROMIUM is
set: CI installs Chromium (.ci/run) and sets it, so a browser that fails to install or start
is a red run there rather than a silent skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def needs_chromium() -> pytest.MarkDecorator:
    """A skip mark where Chromium is missing, or no mark where CI requires it."""
    required = bool(os.environ.get("KIMREADER_REQUIRE_CHROMIUM"))
    return pytest.mark.skipif(
        chromium() is None and not required,
        reason="chromium is not installed (apt-get install chromium)",
    )


def headless(page: Path, *flags: str) -> subprocess.CompletedProcess[bytes]:
    """Chromium on one local page. --no-sandbox: CI runs as root, where Chromium's sandbox
    refuses to start. The background-networking flags keep it from dialling Google's hosts,
    which this machine's closed network refuses; a fresh profile keeps runs independent."""
    browser = chromium()
    if browser is None:
        pytest.fail("KIMREADER_REQUIRE_CHROMIUM is set but chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="kimreader-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
        ]
        return subprocess.run(
            [*command, *flags, page.as_uri()], capture_output=True, check=False, timeout=120
        )
