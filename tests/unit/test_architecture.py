"""Which package may import what.

search_index must stay usable without the UI: it may not import tui, textual or rich. Whoosh is
imported only by search_index/index/, the adapter that can be replaced in one place, and that
package imports from the rest of search_index only modules that know nothing of the index.
"""

import ast
import subprocess
import sys
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "search_index"
INDEX = PACKAGE / "index"
FORBIDDEN = ("tui", "textual", "rich")
# What search_index/index/ may import from search_index (its __init__ docstring says why).
INDEX_MAY_IMPORT = (
    "search_index.index",
    "search_index.models",
    "search_index.text",
    "search_index.files",
    "search_index.ranking",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved to their absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                base = ".".join([*package[: len(package) - node.level + 1], *[node.module or ""]])
                base = base.rstrip(".")
            if node.module:
                names.add(base)
            else:  # "from . import schema": the names are modules
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_relative_imports_are_resolved():
    names = _imported_modules(INDEX / "store.py")
    assert {"search_index.models", "search_index.index.schema", "whoosh.index"} <= names


def test_search_index_sources_do_not_import_the_ui():
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert not offenders


def test_importing_the_index_loads_no_ui_module():
    code = (
        "import sys, search_index.library, search_index.corpus, search_index.index;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tui', 'textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_index_package_imports_whoosh():
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if any(name.split(".")[0] == "whoosh" for name in _imported_modules(path))
    }
    assert importers  # the check itself still finds the adapter
    assert {p for p in importers if not p.startswith("index/")} == set()


def test_the_index_package_imports_only_what_it_may_from_search_index():
    offenders = {
        f"{path.name}: {name}"
        for path in INDEX.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] == "search_index" and not _within(name, INDEX_MAY_IMPORT)
    }
    assert not offenders


def test_importing_whoosh_through_the_index_prints_no_warning(tmp_path):
    # No cached bytecode, every warning shown: what a first run on Python 3.12+ would print.
    env = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-W", "default", "-c", "import search_index.index"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stderr == ""


TUI = PACKAGE.parent / "tui"


def _tui_imports(path: Path) -> set[str]:
    """Every module a tui/ source imports, relative imports resolved (``from .. import app``
    included), and those imported only for type checking too."""
    package = list(path.relative_to(TUI.parent).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = [*base, *(node.module.split(".") if node.module else [])]
            names.add(".".join(module))
            names.update(".".join([*module, alias.name]) for alias in node.names)
    return names


def test_screens_and_widgets_do_not_import_the_app():
    # They post the messages of tui/messages.py and the App routes them: a screen that reached
    # for the App would tie it to one App and to every other screen.
    offenders = {
        f"{path.relative_to(TUI)}: {name}"
        for folder in ("screens", "widgets")
        for path in (TUI / folder).rglob("*.py")
        for name in _tui_imports(path)
        if name == "tui.app" or name.startswith("tui.app.")
    }
    assert not offenders
    assert "tui.app" in _tui_imports(TUI / "cli" / "__init__.py")  # relative imports seen


def test_no_tui_module_but_the_cli_launcher_imports_the_app():
    offenders = {
        f"{path.relative_to(TUI)}: {name}"
        for path in TUI.rglob("*.py")
        if path not in (TUI / "app.py", TUI / "cli" / "__init__.py")
        for name in _tui_imports(path)
        if name == "tui.app" or name.startswith("tui.app.")
    }
    assert not offenders


def test_cli_modules_do_not_import_textual():
    offenders = {
        f"{path.relative_to(TUI)}: {name}"
        for path in (TUI / "cli").rglob("*.py")
        for name in _tui_imports(path)
        if name.split(".")[0] == "textual"
    }
    assert not offenders


def _modules_after(*args: str) -> set[str]:
    """The modules loaded by a whole ``kimreader`` run (on the bundled seeds)."""
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"sys.argv = ['kimreader', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stderr.splitlines())


def test_a_search_from_the_shell_loads_neither_textual_nor_the_analysis():
    _modules_after("index")  # a first build analyses every article: that may load anything
    loaded = _modules_after("search", "Kim", "--json")
    assert "tui.cli.search" in loaded  # the command ran
    heavy = {
        m
        for m in loaded
        if m.split(".")[0] in ("textual", "rich")  # JSON needs no console, and nothing was said
        or m.startswith(("search_index.claims", "search_index.entities.extract", "tui.cli.fetch"))
        or m in ("tui.cli.reading", "click.shell_completion")  # list's and show's, completion's
        # Spelling suggestions (a search with no hits), config.toml and kimreader.toml parsing,
        # a misspelt setting's suggestion: none of them happen here.
        or m.split(".")[0] in ("rapidfuzz", "tomllib", "difflib")
    }
    assert not heavy


def test_the_app_imports_the_claim_diff_and_markdown_parser_only_when_they_are_used():
    # What the first frame waits for: the source list needs neither the claim diff, the
    # reports, the fuzzy matching under them, nor a Markdown parser.
    code = "import sys, tui.app\nsys.stdout.write('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.splitlines())
    assert "tui.app" in loaded
    heavy = {
        m
        for m in loaded
        if m.startswith(("search_index.claims", "search_index.report", "tui.screens.compare"))
        or m.split(".")[0] in ("markdown_it", "rapidfuzz")
    }
    assert not heavy


def test_show_and_compare_run_without_textual():
    for args in (("show", "001", "--json"), ("compare", "001", "002", "--json")):
        loaded = _modules_after(*args)
        assert "tui.cli" in loaded
        assert not {m for m in loaded if m.split(".")[0] == "textual"}, args
