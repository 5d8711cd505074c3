"""Completion from the plan itself: its rating names, ids, leads and months, and the schema's keys.

The line being typed is read on its own, since while it is typed the YAML around it seldom parses;
the names offered come from the last version of the plan that could be read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lsprotocol import types

from sendplan_cli.lsp.index import PlanIndex

_VALUE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[a-z_]+):\s*(?P<rest>.*)$")
_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<word>[a-z_]*)$")
_PARENT = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[a-z_]+):\s*$")
# Which model a mapping under each list key holds; the top level is the plan.
_SECTION_MODEL = {
    "actions": "Action",
    "updates": "Update",
    "measures": "Measure",
    "milestones": "Milestone",
    "activities": "Activity",
    "recommendations": "Recommendation",
    "workstreams": "Workstream",
    "indicators": "Indicator",
    "people": "Person",
    "papers": "PaperEntry",
    "source": "Source",
    # The inspection framework's records (plan/governance_records.py); a paper entry's `voice` and
    # `risks` are text, so their keys are never asked for there.
    "inspection": "Inspection",
    "reviews": "Review",
    "evidence": "Evidence",
    "voice": "VoiceRecord",
    "decisions": "Decision",
    "risks": "Risk",
}


def complete(
    index: PlanIndex | None, lines: list[str], line: int, before: str, today: date
) -> list[types.CompletionItem]:
    """What may go at the cursor: line is 0-based, before is the line's text up to the cursor."""
    value = _VALUE.match(before)
    if value:
        return _values(index, value["key"], _parent(lines, line, len(value["indent"])), today)
    key = _KEY.match(before)
    if key:
        return _keys(_parent(lines, line, len(key["indent"])))
    in_list = re.match(r"^\s*-\s+\S*$", before)
    if in_list:
        return _values(
            index, _parent(lines, line, len(before) - len(before.lstrip())) or "", None, today
        )
    return []


def _parent(lines: list[str], line: int, indent: int) -> str | None:
    """The key of the nearest line above that is less indented and opens a block (`actions:`), or None at the top."""
    for above in range(min(line, len(lines)) - 1, -1, -1):
        match = _PARENT.match(lines[above])
        text = lines[above]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        depth = len(text) - len(text.lstrip())
        if match and depth < indent:
            return match["key"]
        if depth == 0 and indent > 0 and not match:
            return None
    return None


def _item(
    label: str, kind: types.CompletionItemKind, detail: str | None = None
) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, detail=detail)


def _values(
    index: PlanIndex | None, key: str, parent: str | None, today: date
) -> list[types.CompletionItem]:
    if index is None:
        return []
    if key in ("completion", "impact"):
        return [
            _item(name, types.CompletionItemKind.EnumMember, meaning)
            for name, meaning in _ratings(index, key)
        ]
    if key == "recommendations" and parent in ("actions", None):
        return [
            _item(i, types.CompletionItemKind.Reference, _text_of(index, "recommendations", i))
            for i in index.ids("recommendation")
        ]
    if key == "workstream":
        return [_item(i, types.CompletionItemKind.Reference) for i in index.ids("workstream")]
    if key == "indicator":
        return [_item(i, types.CompletionItemKind.Reference) for i in index.ids("indicator")]
    if key == "leads":
        return [_item(lead, types.CompletionItemKind.Value) for lead in _leads(index)]
    if key == "month":
        months = [
            date(today.year - (today.month - 1 - k < 0), (today.month - 1 - k) % 12 + 1, 1)
            for k in range(3)
        ]
        return [_item(m.strftime("%Y-%m"), types.CompletionItemKind.Constant) for m in months]
    return []


def _ratings(index: PlanIndex, which: str) -> list[tuple[str, str]]:
    from sendplan_cli.plan.scale import west_sussex_scale

    scale = index.plan.rating_scale if index.plan is not None else west_sussex_scale()
    return [(r.name, r.meaning) for r in getattr(scale, which)]


def _text_of(index: PlanIndex, key: str, wanted: str) -> str | None:
    for item in index.data.get(key) or []:
        if isinstance(item, dict) and item.get("id") == wanted:
            text = item.get("text")
            return str(text) if text is not None else None
    return None


def _leads(index: PlanIndex) -> list[str]:
    found: dict[str, None] = {}
    for action in index.data.get("actions") or []:
        leads: Any = action.get("leads") if isinstance(action, dict) else None
        for lead in leads if isinstance(leads, list) else [leads] if isinstance(leads, str) else []:
            if isinstance(lead, str):
                found[lead] = None
    return sorted(found)


def _keys(parent: str | None) -> list[types.CompletionItem]:
    from sendplan_cli.plan import model

    name = _SECTION_MODEL.get(parent or "", "Plan" if parent is None else "")
    cls = getattr(model, name, None) if name else None
    if cls is None:
        return []
    return [
        types.CompletionItem(
            label=field,
            kind=types.CompletionItemKind.Property,
            insert_text=f"{field}: ",
            detail=(info.description or "").strip() or None,
        )
        for field, info in cls.model_fields.items()
    ]
