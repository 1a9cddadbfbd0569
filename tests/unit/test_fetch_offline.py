"""Offline stays first-class: only search_index/fetch/ may reach the network, and nothing loads it
unless ``kimreader fetch`` runs."""

from __future__ import annotations

import ast
import subprocess
import sys

from support import ROOT

# Modules that open connections. urllib.parse and urllib.robotparser's parsing are plain text
# work, but robotparser can also fetch, so it is kept inside fetch/ too.
NETWORK = ("socket", "ssl", "http", "urllib.request", "urllib.robotparser", "ftplib", "smtplib")
FETCH = ROOT / "search_index" / "fetch"


def _imports(path):
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _network(name):
    return any(name == n or name.startswith(n + ".") for n in NETWORK)


def test_only_the_fetch_package_imports_network_modules():
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for folder in ("search_index", "tui")
        for path in (ROOT / folder).rglob("*.py")
        if FETCH not in path.parents
        for name in _imports(path)
        if _network(name)
    }
    assert not offenders
    assert any(_network(n) for p in FETCH.glob("*.py") for n in _imports(p))  # the check works


def test_the_command_line_and_the_library_load_no_fetch_code():
    # (Whoosh's compat module imports urllib.request for its names, so that one is loaded.)
    code = (
        "import sys, tui.cli, search_index.library, search_index.corpus;"
        "print(sorted(m for m in sys.modules if m.startswith('search_index.fetch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
