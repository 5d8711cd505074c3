"""Check every part of a plan that can be read, even when other parts cannot.

pydantic reports every schema error at once, but a plan with one bad date would otherwise get
no findings at all, and its author would fix problems in rounds. So the data is repaired for a
second validation: an unknown key is dropped, a bad optional field is dropped, and an item of a
list (an action, a recommendation...) whose required field is broken keeps a placeholder so the
indexes, and with them every position, stay true. The rules then run on the repaired plan, and
a finding is kept only where what its rule reads is intact (`Rule.reads`).
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import Any

from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.loader import LoadedPlan
from sendplan_cli.plan.locate import suggest

_PLACEHOLDER = "(unreadable)"
_ITEM_POINTER = re.compile(r"^(?P<list>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<field>[a-z_]+))?")


@dataclass
class Damage:
    """Which parts of a plan could not be read, by action index and field ("*": the whole action)."""

    actions: dict[int, set[str]] = field(default_factory=dict)
    elsewhere: bool = False
    """Something outside the actions (a recommendation, a person...) could not be read."""

    def keeps(self, diagnostic: Diagnostic, reads: frozenset[str] | None) -> bool:
        """Whether a rule's finding stands, given what the rule reads."""
        if diagnostic.is_load_error or (not self.actions and not self.elsewhere):
            return True
        match = _ITEM_POINTER.match(diagnostic.pointer)
        own = int(match["index"]) if match and match["list"] == "actions" else None
        if reads is None:
            return own is not None and not self.actions.get(own)
        if own is not None and self._touches(self.actions.get(own, set()), reads):
            return False
        if "plan" in reads:
            return not self.elsewhere and not any(
                self._touches(f, reads) for f in self.actions.values()
            )
        return True

    @staticmethod
    def _touches(damaged: set[str], reads: frozenset[str]) -> bool:
        return "*" in damaged or bool(damaged & reads)

    def record(self, diagnostic: Diagnostic) -> None:
        match = _ITEM_POINTER.match(diagnostic.pointer)
        if match is None or match["list"] != "actions":
            if diagnostic.name != "unknown-key" or match is not None:
                self.elsewhere = True
            return
        name = match["field"]
        if (
            diagnostic.name == "unknown-key"
            and name is not None
            and not diagnostic.pointer.endswith("]")
        ):
            name = _intended_field(name)  # `dew:` most likely meant `due:`
            if name is None:
                return
        self.actions.setdefault(int(match["index"]), set()).add(name or "*")


def _intended_field(key: str) -> str | None:
    from sendplan_cli.plan.model import Action

    return key if key in Action.model_fields else suggest(key, Action.model_fields)


def validate_parts(loaded: LoadedPlan) -> tuple[Any, Damage]:
    """The plan model (repaired where needed, None when it cannot be) and what was damaged."""
    from pydantic import ValidationError

    from sendplan_cli.plan.locate import diagnose
    from sendplan_cli.plan.model import Plan

    damage = Damage()
    try:
        return Plan.model_validate(loaded.data), damage
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        before = len(loaded.diagnostics)
        diagnose(loaded, Plan, exc)
        for diagnostic in loaded.diagnostics[before:]:
            damage.record(diagnostic)
    repaired = _repair(loaded.data, errors, Plan, damage)
    if repaired is None:
        return None, damage
    try:
        return Plan.model_validate(repaired), damage
    except ValidationError:
        return None, damage  # the repair was not enough; the errors above stand alone


def _repair(
    data: dict[str, Any], errors: list[Any], plan_model: Any, damage: Damage
) -> dict[str, Any] | None:
    """A copy of the data without the broken parts; the loaded data is never changed (positions key on it)."""
    copies: dict[int, Any] = {}

    def writable(path: tuple[Any, ...]) -> Any:
        node, parent = data, None
        for depth in range(len(path) + 1):
            if id(node) not in copies:
                copy = dict(node) if isinstance(node, dict) else list(node)
                copies[id(copy)] = copy
                copies[id(node)] = copy
                if parent is not None:
                    parent[path[depth - 1]] = copy
                node = copy
            else:
                node = copies[id(node)]
            if depth < len(path):
                part = path[depth]
                if not (
                    isinstance(node, dict)
                    and part in node
                    or isinstance(node, list)
                    and isinstance(part, int)
                    and part < len(node)
                ):
                    return None  # an earlier repair already removed what held it
                parent, node = node, node[part]
        return node

    root = writable(())
    lists = _item_lists(plan_model)
    for error in errors:
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        if not loc:
            return None
        if error["type"] == "extra_forbidden":
            holder = writable(loc[:-1])
            if isinstance(holder, dict):
                holder.pop(loc[-1], None)
            continue
        top = loc[0]
        if (
            isinstance(top, str)
            and top in lists
            and len(loc) >= 2
            and isinstance(loc[1], int)
            and isinstance(root.get(top), list)
        ):
            item_model = lists[top]
            name = loc[2] if len(loc) >= 3 else None
            item = writable(loc[:2]) if isinstance(root[top][loc[1]], dict) else None
            if (
                item is not None
                and isinstance(name, str)
                and not item_model.model_fields[name].is_required()
            ):
                item.pop(name, None)
                continue
            placeholder = _placeholder(item_model, item)
            if placeholder is None:
                return None
            writable((top,))[loc[1]] = placeholder
            if top == "actions":
                damage.actions.setdefault(loc[1], set()).add("*")
            else:
                damage.elsewhere = True
        elif top in plan_model.model_fields and not plan_model.model_fields[top].is_required():
            root.pop(top, None)
        else:
            return None
    return root


def _placeholder(model: Any, item: dict[str, Any] | None) -> dict[str, Any] | None:
    """The item with every required field that is not plain text replaced, so it validates; None if it cannot."""
    out = {k: v for k, v in (item or {}).items() if k in model.model_fields}
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        if info.annotation is not str:
            return None
        if not isinstance(out.get(name), str) or not out[name]:
            out[name] = _PLACEHOLDER
    return out


def _item_lists(plan_model: Any) -> dict[str, Any]:
    """The plan's fields that hold lists of mappings (actions, recommendations...), with the item model."""
    from pydantic import BaseModel

    found = {}
    for name, info in plan_model.model_fields.items():
        annotation = info.annotation
        for arg in (annotation, *typing.get_args(annotation)):
            if typing.get_origin(arg) is list:
                (item,) = typing.get_args(arg)
                if isinstance(item, type) and issubclass(item, BaseModel):
                    found[name] = item
    return found
