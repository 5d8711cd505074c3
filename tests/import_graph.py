"""The import graph of a package, read with `ast`: every import, where it points, which loops.

Every import of one of the package's own modules counts: at module level, inside a function (lazy)
and under `if TYPE_CHECKING:`. A lazy or type-only import that points up still ties the lower floor
to the upper one, so tests/test_import_direction.py refuses it like any other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Top-down. Packages on one floor sit side by side: each imports only itself and lower floors.
# The package root holds only __version__ and the lookup of templates/ and schemas/ (which has to
# sit at the root to find them beside it), so it is ground; __main__ only starts the CLI.
FLOORS: list[set[str]] = [
    {"__main__"},
    {"cli"},
    {"authoring", "output", "lsp"},
    {"check"},
    {"git"},
    {"plan"},
    {"ground", "resources", "__init__"},
]

# The board paper has floors of its own inside output/ (output/paper/__init__.py draws them): its
# model and charts, then what builds and sandboxes, then the renderers, then the evidence pack.
PAPER = "sendplan_cli.output.paper"
PAPER_FLOORS: list[set[str]] = [
    {"review_paper"},
    {"jinja", "docx"},
    {"build", "templating"},
    {"document", "charts", "__init__"},
]


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    kind: str  # "module-level", "lazy" or "type-checking"


def module_names(source: Path) -> dict[str, Path]:
    """Dotted name of every module and package under source, e.g. sendplan_cli.plan.dates."""
    names = {}
    for path in sorted(source.rglob("*.py")):
        parts = list(path.relative_to(source.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, kind: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, kind
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _walk(child, "lazy" if kind == "module-level" else kind)
        elif isinstance(child, ast.If) and _type_checking(child):
            for stmt in child.body:
                yield from _walk(ast.Module(body=[stmt], type_ignores=[]), "type-checking")
            for stmt in child.orelse:
                yield from _walk(ast.Module(body=[stmt], type_ignores=[]), kind)
        else:
            yield from _walk(child, kind)


def imports(source: Path) -> list[Import]:
    """Every import of one of the package's own modules, resolved to the module it loads."""
    names = module_names(source)
    package = source.name
    found = []
    for name, path in names.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node, kind in _walk(ast.parse(path.read_text(encoding="utf-8")), "module-level"):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
                # `from package import module` loads the module; `from module import name` the module.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in names else base
                    for alias in node.names
                ]
            for target in targets:
                if target != package and not target.startswith(package + "."):
                    continue
                while target not in names and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target != name:
                    found.append(Import(name, target, node.lineno, kind))
    return found


def _top(module: str, package: str) -> str:
    """The package or module of package's own that module sits in; package itself is its __init__."""
    parts = module.split(".")
    depth = package.count(".") + 1
    return parts[depth] if len(parts) > depth else "__init__"


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def floor_of(module: str, package: str = "sendplan_cli", floors: list[set[str]] = FLOORS) -> int:
    """0 for the top floor; the package itself (its __init__) is ground."""
    top = _top(module, package)
    for index, packages in enumerate(floors):
        if top in packages:
            return index
    raise AssertionError(
        f"{module} is on no floor: add its package to the floors and ARCHITECTURE.md"
    )


def upward(
    found: list[Import], package: str = "sendplan_cli", floors: list[set[str]] = FLOORS
) -> list[str]:
    """Each import within package that points to a higher floor or to another package on the same floor."""
    wrong = []
    for imp in found:
        if not (_inside(imp.source, package) and _inside(imp.target, package)):
            continue
        source_top, target_top = (_top(m, package) for m in (imp.source, imp.target))
        source_floor = floor_of(imp.source, package, floors)
        target_floor = floor_of(imp.target, package, floors)
        if target_floor < source_floor or (
            target_floor == source_floor and source_top != target_top
        ):
            wrong.append(f"{imp.source}:{imp.line} imports {imp.target} ({imp.kind})")
    return wrong


def cycles(found: list[Import]) -> list[list[str]]:
    """Every group of modules that import one another, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for imp in found:
        graph.setdefault(imp.source, set()).add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups
