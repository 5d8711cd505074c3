"""An action's state as at a date: what the latest updates recorded, else the ratings as published.

An update records what changed that month: one that gives only a proposed date or only the
completion rating leaves the other ratings and the commentary as the months before left them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendplan_cli.plan.dates import DatePhrase, Period
from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Action, Update


@dataclass(frozen=True)
class ActionState:
    """What the plan records as in force on a date (ratings, commentary, due date), and where each is.

    Recorded, not judged: plan/action_status.py judges it against the dates (`ActionStatus`).
    """

    completion: str | None
    impact: str | None
    commentary: str | None
    due: DatePhrase | None
    completion_at: Pointer
    impact_at: Pointer
    due_at: Pointer
    update: Update | None

    @property
    def published(self) -> bool:
        """True when no update applies, so the ratings are as published."""
        return self.update is None


def latest_update(action: Action, on_or_before: date) -> tuple[int, Update] | None:
    """The newest update whose month starts on or before the date."""
    best: tuple[int, Update] | None = None
    for index, update in enumerate(action.updates):
        if update.month <= on_or_before and (best is None or update.month >= best[1].month):
            best = (index, update)
    return best


def state_at(action: Action, index: int, as_of: date) -> ActionState:
    """The action's state on as_of; index is its position in the plan's action list."""
    base: Pointer = ("actions", index)
    due, due_at = action.due, (*base, "due")
    for j, update in enumerate(action.updates):
        if update.due is not None and update.month <= as_of:
            due, due_at = update.due, (*base, "updates", j, "due")
    found = latest_update(action, as_of)
    if found is None:
        return ActionState(
            action.completion,
            action.impact,
            action.commentary,
            due,
            (*base, "completion"),
            (*base, "impact"),
            due_at,
            None,
        )
    # Newest first; on the same month the later entry in the file wins, as in latest_update.
    in_force = sorted(
        ((j, u) for j, u in enumerate(action.updates) if u.month <= as_of),
        key=lambda item: (item[1].month, item[0]),
        reverse=True,
    )
    completion, completion_at = _latest(in_force, "completion", action.completion, base)
    impact, impact_at = _latest(in_force, "impact", action.impact, base)
    commentary, _ = _latest(in_force, "commentary", action.commentary, base)
    return ActionState(
        completion, impact, commentary, due, completion_at, impact_at, due_at, found[1]
    )


def _latest(
    in_force: list[tuple[int, Update]], field: str, published: str | None, base: Pointer
) -> tuple[str | None, Pointer]:
    """The newest value an update gave the field, and where; else the published value."""
    for j, update in in_force:
        value = getattr(update, field)
        if value is not None:
            return value, (*base, "updates", j, field)
    return published, (*base, field)


def dated_steps(
    action: Action, index: int, due: DatePhrase | None, due_at: Pointer
) -> list[tuple[Pointer, Period]]:
    """Every dated step other than the final due date: milestones, activity dates, earlier dates in the due field."""
    base: Pointer = ("actions", index)
    steps: list[tuple[Pointer, Period]] = []
    if due is not None:
        steps += [(due_at, p) for p in due.milestones]
    for j, milestone in enumerate(action.milestones):
        steps += [((*base, "milestones", j, "due"), p) for p in milestone.due.periods if p.end]
    for j, activity in enumerate(action.activities):
        if activity.due is not None:
            steps += [((*base, "activities", j, "due"), p) for p in activity.due.periods if p.end]
    return steps


def final_due(
    due: DatePhrase | None, due_at: Pointer, steps: list[tuple[Pointer, Period]]
) -> tuple[Pointer, date] | None:
    """Where the final due period is written and when it ends; from the dated steps when the due field names no end."""
    if due is not None and due.end is not None:
        return due_at, due.end
    dated = [(pointer, p.end) for pointer, p in steps if p.end is not None]
    return max(dated, key=lambda item: item[1]) if dated else None


def accountable_leads(action: Action) -> list[str]:
    """The action's leads; when it names none, the leads of its activities."""
    return list(action.leads) or sorted(
        {name for activity in action.activities for name in activity.leads}
    )
