"""The paper's sections built from each action's status: coming up, by lead, findings by rule, the cover."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sendplan_cli.plan.action_status import ActionStatus
from sendplan_cli.plan.dates import month_end
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.model import Plan


def _end_of(day: date) -> date:
    return month_end(day.year, day.month)


def horizons(month: date) -> dict[str, date]:
    """The last day of next month, and of the third month after this one (the next quarter)."""
    return {
        "next month": _end_of(month + timedelta(days=32)),
        "next quarter": _end_of(month + timedelta(days=93)),
    }


@dataclass(frozen=True)
class ComingItem:
    """One dated step falling due in a horizon, with its words."""

    ref: str
    title: str
    what: str
    """"final" or "milestone" (a milestone, activity or earlier date in the due field)."""
    text: str | None
    due: str
    due_end: date
    leads: list[str]


def coming_up(
    statuses: list[ActionStatus], month: date, as_of: date
) -> dict[str, list[ComingItem]]:
    """Each open action's steps ending next month and in the two months after, each step once."""
    out: dict[str, list[ComingItem]] = {name: [] for name in horizons(month)}
    for status in statuses:
        if status.complete:
            continue
        for step in status.ahead:
            if step.end <= as_of:
                continue
            name = next(
                (name for name, limit in horizons(month).items() if step.end <= limit), None
            )
            if name is not None:
                out[name].append(
                    ComingItem(
                        status.ref,
                        status.title,
                        "final" if step.kind == "final" else "milestone",
                        step.text,
                        step.when,
                        step.end,
                        status.leads,
                    )
                )
    for items in out.values():
        items.sort(key=lambda i: (i.due_end, i.ref, i.what != "final"))
    return out


@dataclass
class RuleSummary:
    """Findings of one rule: how many, how severe, and which actions."""

    code: str
    name: str
    severity: str
    count: int
    refs: list[str] = field(default_factory=list)
    example: str = ""


def findings_by_rule(findings: list[Diagnostic]) -> list[RuleSummary]:
    """The findings grouped by rule, errors first, each with its count and the actions concerned."""
    groups: dict[str, RuleSummary] = {}
    refs: dict[
        str, dict[str, None]
    ] = {}  # each rule's refs in first-seen order; a list scan per finding was quadratic
    for d in findings:
        entry = groups.setdefault(
            d.code, RuleSummary(d.code, d.name, d.severity.value, 0, [], d.message)
        )
        entry.count += 1
        if d.ref:
            refs.setdefault(d.code, {})[d.ref] = None
    for code, seen in refs.items():
        groups[code].refs = list(seen)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(groups.values(), key=lambda g: (order.get(g.severity, 3), g.code))


def paper_entry(plan: Plan, month: date) -> Any:
    """The plan's own narrative for this month (`papers:`), or none."""
    return next((p for p in plan.papers if p.month == month), None)
