"""What a rule is, what it sees, and what it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.plan.action_state import ActionState, dated_steps, final_due, state_at
from sendplan_cli.plan.dates import Period
from sendplan_cli.plan.diagnostics import Severity
from sendplan_cli.plan.evidence_paths import repository_root
from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Action, Plan
from sendplan_cli.plan.priority_areas import PriorityArea, priority_areas
from sendplan_cli.plan.scale import COMPLETE


@dataclass(frozen=True)
class Options:
    """Rule options a partnership may set in its configuration."""

    stale_months: int = 1
    due_soon_days: int = 31
    voice_months: int = 3
    """How recent a co-production record must be for a priority action (priority-action-without-voice)."""


@dataclass(frozen=True)
class Finding:
    """What a rule found and where; the engine adds code, severity and position."""

    pointer: Pointer
    message: str
    ref: str | None = None
    hint: str | None = None
    key: bool = False
    related: Pointer | None = None
    """Another place the message refers to; the engine names its line."""


@dataclass
class Context:
    """Everything a rule may read. Time-relative rules read as_of, never the clock."""

    plan: Plan
    as_of: date
    options: Options = field(default_factory=Options)
    source: Any = None
    """The plan as loaded (LoadedPlan): for the few rules about how a value is written, not what it says."""

    _states: list[tuple[int, Action, ActionState]] | None = field(
        default=None, init=False, repr=False
    )
    _steps: dict[int, list[tuple[Pointer, Period]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _kpis: list[Any] | None = field(default=None, init=False, repr=False)
    _finals: dict[int, tuple[Pointer, date] | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _means: dict[str | None, str | None] = field(default_factory=dict, init=False, repr=False)
    _priority: tuple[PriorityArea, ...] | None = field(default=None, init=False, repr=False)
    _open_priority: list[tuple[int, Action]] | None = field(default=None, init=False, repr=False)
    _repository: Path | None = field(default=None, init=False, repr=False)

    def actions(self) -> Iterator[tuple[int, Action, ActionState]]:
        """Each action with its state as_of; worked out once and shared by every rule."""
        if self._states is None:
            self._states = [
                (index, action, state_at(action, index, self.as_of))
                for index, action in enumerate(self.plan.actions)
            ]
        return iter(self._states)

    def steps(self, index: int, action: Action, state: ActionState) -> list[tuple[Pointer, Period]]:
        """The action's dated steps under its state's due date (plan/action_state.py); shared by every rule, not to be changed."""
        found = self._steps.get(index)
        if found is None:
            found = self._steps[index] = dated_steps(action, index, state.due, state.due_at)
        return found

    def final(self, index: int, action: Action, state: ActionState) -> tuple[Pointer, date] | None:
        """Where the action's final due date is written and when it ends (plan/action_state.py); shared by every rule."""
        if index in self._finals:
            return self._finals[index]
        found = self._finals[index] = final_due(
            state.due, state.due_at, self.steps(index, action, state)
        )
        return found

    def kpis(self) -> list[Any]:
        """Each indicator's status as_of (plan/kpi_status.py); worked out once and shared by every rule and output."""
        if self._kpis is None:
            from sendplan_cli.plan.kpi_status import kpi_statuses

            self._kpis = kpi_statuses(self.plan, self.as_of)
        return self._kpis

    def priority_areas(self) -> tuple[PriorityArea, ...]:
        """Each area for priority action with the actions answering it (plan/priority_areas.py); worked out once and shared by every rule."""
        if self._priority is None:
            self._priority = priority_areas(self.plan)
        return self._priority

    def open_priority_actions(self) -> list[tuple[int, Action]]:
        """Actions answering an area for priority action and not rated complete as_of, in plan order; worked out once."""
        if self._open_priority is None:
            answering = {i for area in self.priority_areas() for i, _ in area.answering}
            self._open_priority = [
                (index, action)
                for index, action, state in self.actions()
                if index in answering and not self.is_complete(state)
            ]
        return list(self._open_priority)

    def repository(self) -> Path | None:
        """The top folder of the repository holding the plan file (plan/evidence_paths.py); looked up once, None without a file."""
        if self._repository is None and self.source is not None:
            self._repository = repository_root(Path(self.source.path))
        return self._repository

    def completion_means(self, name: str | None) -> str | None:
        """What a completion rating claims on the plan's scale; looked up once per rating name."""
        if name in self._means:
            return self._means[name]
        means = self._means[name] = self.plan.rating_scale.completion_means(name)
        return means

    def is_complete(self, state: ActionState) -> bool:
        return self.completion_means(state.completion) in COMPLETE


@dataclass(frozen=True)
class Rule:
    """A documented check: code, kebab-case name, default severity and the function that finds."""

    code: str
    name: str
    severity: Severity
    check: Callable[[Context], Iterable[Finding]]
    doc: str
    reads: frozenset[str] | None = None
    """The action fields the rule looks at ("plan": it also looks across actions); None: all of them.

    When part of a plan cannot be read, the rule still runs wherever what it reads is intact."""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]


# What the date and rating rules read of an action.
DATES_AND_RATINGS = frozenset(
    {"due", "milestones", "activities", "updates", "completion", "impact", "commentary"}
)


def rule(
    code: str,
    name: str,
    severity: str,
    reads: frozenset[str] | set[str] | None = None,
) -> Callable[[Callable[[Context], Iterable[Finding]]], Rule]:
    """Declare a rule; the function's docstring is its user documentation."""

    def wrap(check: Callable[[Context], Iterable[Finding]]) -> Rule:
        import inspect

        return Rule(
            code,
            name,
            Severity(severity),
            check,
            inspect.cleandoc(check.__doc__ or ""),
            frozenset(reads) if reads is not None else None,
        )

    return wrap
