"""A finding's stable identity: what it is about, never where in the file it happens to sit.

Two runs (two commits, two as-of dates, a block moved to another place in the file) give a
finding the same identity when it is the same problem: the same rule, in the same plan, about
the same action, field and offending value. `--since` matches findings by it, and SARIF carries
it as `partialFingerprints` so code scanning tracks an alert across commits.

List positions are replaced by what names the item (an action's ref, a recommendation's id, an
update's month), so moving an action does not change the identity of its findings. Findings
equal in everything else are numbered in file order. Line numbers and messages (which may name
the as-of date) never take part.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sendplan_cli.plan.diagnostics import Diagnostic

# What names an item of a list, tried in this order; an item with none keeps its position.
_NAMING_KEYS = ("ref", "id", "month", "name")
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _parts(pointer: str) -> list[str | int]:
    return [int(index) if index else key for index, key in _PART.findall(pointer)]


def _name_of(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in _NAMING_KEYS:
            value = item.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return f"{key}={value}"
    return None


def stable_pointer(pointer: str, data: Any) -> tuple[str, Any]:
    """The pointer with list positions replaced by item names, and the value found at it."""
    out: list[str] = []
    node: Any = data
    found = True
    for part in _parts(pointer):
        if isinstance(part, int):
            item = (
                node[part] if found and isinstance(node, list) and 0 <= part < len(node) else None
            )
            name = _name_of(item) if item is not None else None
            out.append(f"[{name}]" if name else f"[{part}]")
            found = found and item is not None
            node = item
        else:
            out.append(f".{part}" if out else str(part))
            found = found and isinstance(node, dict) and part in node
            node = node.get(part) if found else None
    return "".join(out), (node if found else None)


def _value_text(value: Any) -> str:
    """A scalar as written; a list of scalars as a list; a mapping contributes nothing (its names do)."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return json.dumps(value, ensure_ascii=False, default=str)
        return ""
    return str(value)


def identity_key(diagnostic: Diagnostic, plan_path: str, data: Any) -> tuple[str, ...]:
    """The readable parts of an identity, before numbering."""
    pointer, value = stable_pointer(diagnostic.pointer, data)
    return (diagnostic.code, plan_path, diagnostic.ref or "", pointer, _value_text(value))


def identities(diagnostics: Sequence[Diagnostic], plan_path: str, data: Any) -> list[str]:
    """One identity per diagnostic of one file, in the order given.

    plan_path is the plan's path from the repository root (as given, outside git); data is the
    plan as loaded (LoadedPlan.data), which may be None when the file could not be read.
    """
    order = sorted(
        range(len(diagnostics)), key=lambda i: (diagnostics[i].line, diagnostics[i].column, i)
    )
    seen: dict[tuple[str, ...], int] = {}
    out = [""] * len(diagnostics)
    for i in order:
        key = identity_key(diagnostics[i], plan_path, data)
        number = seen.get(key, 0)
        seen[key] = number + 1
        text = "\x1f".join((*key, str(number)))
        out[i] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return out


def repository_root(start: Path) -> Path | None:
    """The top folder of the git work tree holding start (a `.git` folder or file there); None outside git."""
    absolute = start.resolve()
    for folder in (absolute, *absolute.parents):
        if (folder / ".git").exists():
            return folder
    return None


def path_from_root(path: Path, shown: str | None = None) -> str:
    """A plan's path from its repository's top folder; outside git, the path as shown."""
    root = repository_root(path.parent)
    if root is None:
        return shown if shown is not None else path.as_posix()
    return path.resolve().relative_to(root).as_posix()
