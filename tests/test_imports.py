"""The package's modules import each other without circles: a circle (web/app.py and the
views, spark/command.py and spark/job.py, once) means a shared piece sits in the wrong
module, and works only as long as one side imports lazily. Lazy imports inside functions
count too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprobe"


def module_names(package: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__)."""
    modules = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return modules


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports. `from . import x` of a submodule x counts
    as importing x alone; a module's imports of its own ancestor packages are left out (a
    package's __init__ defines names such as __version__ before importing its children)."""
    modules = module_names(package)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[:len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                submodules = {f"{source}.{a.name}" for a in node.names} & modules.keys()
                imported |= submodules
                if len(submodules) < len(node.names):
                    imported.add(source)
        graph[name] = {m for m in imported & modules.keys()
                       if m != name and not name.startswith(m + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_circle_finder_finds_a_circle(tmp_path):
    package = tmp_path / "pkg"
    (package / "views").mkdir(parents=True)
    for name in ("__init__.py", "views/__init__.py"):
        (package / name).write_text("", encoding="utf-8")
    (package / "app.py").write_text("def make():\n    from .views import page\n", encoding="utf-8")
    (package / "views" / "page.py").write_text("from ..app import make\n", encoding="utf-8")
    assert circles(import_graph(package)) == [["pkg.app", "pkg.views.page"]]


def test_no_import_circles_in_the_package():
    assert circles(import_graph(PACKAGE)) == []
