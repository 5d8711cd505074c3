"""Which recommendations are areas for priority action, and which actions answer each.

Worked out here only: the rules read it once per check from their Context (check/rules/base.py),
so the priority-action rules cannot disagree about what a priority action is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendplan_cli.plan.governance_records import PRIORITY
from sendplan_cli.plan.model import Action, Plan, Recommendation


@dataclass(frozen=True)
class PriorityArea:
    """An area for priority action: its place under `recommendations:` and the actions citing it."""

    index: int
    recommendation: Recommendation
    answering: tuple[tuple[int, Action], ...]
    """Each action (with its index under `actions:`) whose `recommendations:` cites it, in plan order."""


def priority_areas(plan: Plan) -> tuple[PriorityArea, ...]:
    """Each area for priority action, in plan order, with the actions that answer it."""
    return tuple(
        PriorityArea(
            index,
            recommendation,
            tuple(
                (i, action)
                for i, action in enumerate(plan.actions)
                if recommendation.id in action.recommendations
            ),
        )
        for index, recommendation in enumerate(plan.recommendations)
        if recommendation.type == PRIORITY
    )
