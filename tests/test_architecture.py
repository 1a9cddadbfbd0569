"""search_index must stay usable without the UI: it may not import tui, textual or rich."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "search_index"
FORBIDDEN = ("tui", "textual", "rich")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_search_index_sources_do_not_import_the_ui():
    offenders = {
        f"{path.name}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert not offenders


def test_importing_the_engine_loads_no_ui_module():
    code = (
        "import sys, search_index.library, search_index.corpus, search_index.engine;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tui', 'textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_engine_imports_whoosh():
    importers = {
        path.name
        for path in PACKAGE.rglob("*.py")
        if any(name.split(".")[0] == "whoosh" for name in _imported_modules(path))
    }
    assert importers == {"engine.py"}


def test_importing_whoosh_through_the_engine_prints_no_warning(tmp_path):
    # No cached bytecode, every warning shown: what a first run on Python 3.12+ would print.
    env = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-W", "default", "-c", "import search_index.engine"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stderr == ""
