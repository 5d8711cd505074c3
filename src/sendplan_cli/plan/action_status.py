"""Each action's status as at a date, judged against all its dates: overdue, missed steps, coming up.

Its state (plan/action_state.py, `ActionState`) is what the plan records as in force on the date: the
ratings, commentary and due date. Its status (`ActionStatus`, here) is that state judged against
the dates: complete, overdue, which steps were missed and which lie ahead.

The board paper reads this, never its own sums. It is built from the same pieces the SP101
(overdue) and SP102 (milestone-overdue) rules use, `state_at`, `dated_steps`, `final_due` and the
rating scale's meaning of "complete", so the paper and `sendplan validate` agree on every action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sendplan_cli.plan.action_state import (
    ActionState,
    accountable_leads,
    dated_steps,
    final_due,
    state_at,
)
from sendplan_cli.plan.dates import Period, english_list
from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Action, Plan
from sendplan_cli.plan.scale import COMPLETE


@dataclass(frozen=True)
class DatedStep:
    """One dated step of an action: a milestone, an activity, a date in the due field, or the final date."""

    kind: str
    """"milestone", "activity", "date" (an earlier date in the due field) or "final"."""
    text: str | None
    """The milestone's or activity's words; none for a date in the due field."""
    when: str
    """The date as written, e.g. "March 2025"."""
    end: date

    @property
    def label(self) -> str:
        """The step in words for a sentence: 'milestone "Pilot starts" (April 2025)'."""
        if self.kind == "final":
            return f"its final date, {self.when}"
        if self.text:
            return f'{self.kind} "{self.text}" ({self.when}, by {self.end:%d %b %Y})'
        return f"{self.when} (by {self.end:%d %b %Y})"


@dataclass(frozen=True)
class ActionStatus:
    """One action's recorded state judged against its dates: complete, overdue, steps missed and ahead."""

    ref: str
    title: str
    leads: list[str]
    state: ActionState
    complete: bool
    final: DatedStep | None
    overdue: bool
    """SP101: the final date has passed and the action is not complete."""
    missed: list[DatedStep] = field(default_factory=list)
    """SP102: dated steps that have passed while the action is open and not yet overdue."""
    ahead: list[DatedStep] = field(default_factory=list)
    """Steps (final date included) that end after the date, soonest first."""

    @property
    def exception_since(self) -> date | None:
        """When the action first went into exception for its dates: the earliest date that passed."""
        if self.overdue and self.final is not None:
            return self.final.end
        return min((s.end for s in self.missed), default=None)


def months_between(since: date, as_of: date) -> int:
    """Whole calendar months from the month after `since` to as_of's month (0 within the same month)."""
    return max(0, (as_of.year - since.year) * 12 + as_of.month - since.month)


def _step(action: Action, pointer: Pointer, period: Period) -> DatedStep:
    assert period.end is not None
    if "milestones" in pointer:
        return DatedStep(
            "milestone",
            action.milestones[int(pointer[pointer.index("milestones") + 1])].text,
            period.when,
            period.end,
        )
    if "activities" in pointer:
        return DatedStep(
            "activity",
            action.activities[int(pointer[pointer.index("activities") + 1])].text,
            period.when,
            period.end,
        )
    return DatedStep("date", None, period.when, period.end)


def action_status(plan: Plan, index: int, as_of: date) -> ActionStatus:
    """The action at `index` as at `as_of`, judged as SP101 and SP102 judge it."""
    action = plan.actions[index]
    state = state_at(action, index, as_of)
    complete = plan.rating_scale.completion_means(state.completion) in COMPLETE
    dated = dated_steps(action, index, state.due, state.due_at)
    steps = [_step(action, pointer, p) for pointer, p in dated if p.end]
    # A date in the due field that a milestone or activity also names is that step: listed once, with its words.
    worded = {s.end for s in steps if s.text}
    steps = [s for s in steps if s.text or s.end not in worded]
    found = final_due(state.due, state.due_at, dated)
    final = None
    if found is not None:
        phrase = state.due.final if state.due is not None and state.due.end is not None else None
        last = next((s for s in reversed(steps) if s.end == found[1]), None)
        when = phrase.when if phrase else (last.when if last else f"{found[1]:%d %b %Y}")
        final = DatedStep("final", None, when, found[1])
    overdue = final is not None and final.end < as_of and not complete
    missed: list[DatedStep] = []
    if not complete and final is not None and not overdue:
        missed = sorted({s for s in steps if s.end < as_of}, key=lambda s: (s.end, s.text or ""))
    ahead = sorted(
        {s for s in [*steps, *([final] if final else [])] if s.end >= as_of},
        key=lambda s: (s.end, s.kind == "final", s.text or ""),
    )
    return ActionStatus(
        action.ref,
        action.title,
        accountable_leads(action),
        state,
        complete,
        final,
        overdue,
        missed,
        ahead,
    )


def plan_status(plan: Plan, as_of: date) -> list[ActionStatus]:
    """Every action's status as at the date, in plan order."""
    return [action_status(plan, i, as_of) for i in range(len(plan.actions))]


def rated_words(plan: Plan, status: ActionStatus) -> str:
    """'rated Amber (in progress, on track)', or 'not rated'."""
    name = status.state.completion
    if not name:
        return "not rated"
    rating = plan.rating_scale.completion_named(name)
    if rating is None or not rating.meaning:
        return f"rated {name}"
    meaning = rating.meaning.removeprefix("Action ").rstrip(".")
    return f"rated {name} ({meaning[0].lower()}{meaning[1:]})"


def date_reason(plan: Plan, status: ActionStatus) -> str | None:
    """Why the action's dates make it an exception, in words; none when they do not."""
    rated = rated_words(plan, status)
    if status.overdue and status.final is not None:
        return f"{rated}, but its end date, {status.final.end:%d %b %Y}, has passed"
    if status.missed:
        # Dates in the due field are the action's milestone dates; milestones and activities are named.
        dates = [f"{s.when} (by {s.end:%d %b %Y})" for s in status.missed if s.kind == "date"]
        named = [s.label for s in status.missed if s.kind != "date"]
        if dates:
            named.insert(
                0, f"its milestone date{'s' if len(dates) > 1 else ''} {english_list(dates)}"
            )
        passed = english_list(named)
        verb = "has" if len(status.missed) == 1 else "have"
        final = f"; its final date, {status.final.when}, has not" if status.final else ""
        return f"{rated}, but {passed} {verb} passed with no update recording the step met{final}"
    return None
