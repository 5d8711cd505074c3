"""No module keeps state that changes after import: options travel as arguments.

Every module under src/sendplan_cli is read with `ast`. A `global` or `nonlocal` statement fails,
and so does a module-level name bound to a list, dict or set that a function in the same module
then changes (a mutating method, an item assigned or deleted). A cache keyed by its arguments
(functools.lru_cache) is not a container the module names, so it passes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "sendplan_cli"
MODULES = sorted(SOURCE.rglob("*.py"))

_CONTAINER_CALLS = {"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque"}
_MUTATORS = {
    "append",
    "extend",
    "insert",
    "add",
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "remove",
    "discard",
    "sort",
    "reverse",
    "appendleft",
    "extendleft",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
}


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else func.attr
            if isinstance(func, ast.Attribute)
            else None
        )
        return name in _CONTAINER_CALLS
    return False


def _module_containers(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_container(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and _is_container(node.value)
        ):
            names.add(node.target.id)
    return names


def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """Names a function binds itself (parameters and assignments), which shadow the module's."""
    args = function.args
    names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _mutated(function: ast.AST, containers: set[str]) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(function):
        target = None
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _MUTATORS
        ):
            target = node.func.value
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            for t in node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]:
                if isinstance(t, ast.Subscript):
                    target = t.value
        if isinstance(target, ast.Name) and target.id in containers:
            found.append((target.id, node.lineno))
    return found


def problems(source: str) -> list[str]:
    """Each `global`, `nonlocal` and mutation of a module-level container, as 'line: what'."""
    tree = ast.parse(source)
    out = [
        f"{node.lineno}: {type(node).__name__.lower()} {', '.join(node.names)}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.Global, ast.Nonlocal))
    ]
    containers = _module_containers(tree)
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            outer = containers - _local_names(function)
            out += [
                f"{line}: {name} changed in {getattr(function, 'name', 'a lambda')}"
                for name, line in _mutated(function, outer)
            ]
    return sorted(set(out), key=lambda p: int(p.split(":")[0]))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_module_keeps_state_changed_after_import(module: Path) -> None:
    assert problems(module.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "_CHOICE = 'auto'\ndef set_choice(c):\n    global _CHOICE\n    _CHOICE = c\n",
            ["3: global _CHOICE"],
        ),
        (
            "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n",
            ["4: nonlocal n"],
        ),
        ("_SEEN = set()\ndef see(x):\n    _SEEN.add(x)\n", ["3: _SEEN changed in see"]),
        ("_BY: dict[str, int] = {}\ndef put(k):\n    _BY[k] = 1\n", ["3: _BY changed in put"]),
        (
            "_BY = {}\ndef put(_BY, k):\n    _BY[k] = 1\n",
            [],
        ),  # a parameter of the same name is the caller's
        ("_BY = {'a': 1}\ndef get(k):\n    return _BY.get(k)\n", []),
        ("from functools import lru_cache\n@lru_cache\ndef f(x):\n    return [x]\n", []),
    ],
)
def test_the_check_finds_what_it_should(source: str, expected: list[str]) -> None:
    assert problems(source) == expected
