"""The house rules that no linter holds: no import cycle between any two modules, files
short enough to read, pure rules that touch no database (docs/architecture.md).

The app layers themselves are import-linter contracts (`make lint`)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = (
    "omni_stock",
    "core",
    "users",
    "notifications",
    "vendors",
    "inventory",
    "price_history",
    "valuation",
    "alerts",
    "imports",
    "devtools",
    "scraper",
)
MAX_LINES = 400
#: Data, not code: generated files, migrations, word lists, demo catalogues and the SPA's
#: translation catalogues (one file per namespace and language, grouped by screen inside).
LONG_FILES_ALLOWED = (
    "**/migrations/*.py",
    "frontend/src/i18n/*/*.ts",
    "frontend/src/lib/api/schema.d.ts",
    "backend/devtools/demo_data.py",
    "backend/devtools/bench_catalogue.py",
)
SOURCE_SUFFIXES = {".py", ".ts", ".tsx", ".js", ".mjs", ".css"}
PURE_MODULES = (
    "valuation/rules.py",
    "valuation/conditions.py",
    "valuation/ecb.py",
    "alerts/rules.py",
)


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that reach each other (size > 1)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_tarjan_finds_a_cycle_and_only_cycles():
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back_through_others():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    edges = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    assert strongly_connected(edges) == []


def _source_files() -> list[Path]:
    """The project's files as git sees them (tracked or new, never ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    paths = [ROOT / name for name in listed]
    return [path for path in paths if path.suffix in SOURCE_SUFFIXES and path.is_file()]


def test_source_files_stay_short_enough_to_read():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in _source_files()
        if not any(path.relative_to(ROOT).match(pattern) for pattern in LONG_FILES_ALLOWED)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}, f"split these (at most {MAX_LINES} lines): {too_long}"


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_rules_import_nothing_that_reaches_the_database(module):
    tree = ast.parse((ROOT / "backend" / module).read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    assert not {name for name in imported if name.startswith(("django.db", "psycopg"))}
    assert not {name for name in imported if name.endswith((".selectors", ".services"))}
