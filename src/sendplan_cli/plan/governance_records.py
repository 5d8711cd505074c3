"""Records of the plan as the inspection framework sees it: kind, inspection, reviews, evidence, voice, decisions.

The 2023 Ofsted/CQC area SEND framework ends an inspection in one of three outcomes; the third
names areas for priority action and is followed by monitoring. These records let a plan say so,
so the governance rules (check/rules/governance.py) can check it. Field docstrings become the
JSON Schema descriptions.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from sendplan_cli.plan.fields import DateText, Names, empty_list

PlanKind = Literal[
    "priority-action-plan",
    "written-statement-of-action",
    "accelerated-progress-plan",
    "improvement-plan",
    "strategy",
]
InspectionOutcome = Literal[
    "positive-experiences",
    "inconsistent-experiences",
    "widespread-or-systemic-failings",
]
RecommendationType = Literal["area-for-priority-action", "area-for-improvement", "other"]
ReviewType = Literal["monitoring-inspection", "stocktake", "peer-review"]
PRIORITY = "area-for-priority-action"


def _day(value: Any) -> Any:
    """A day as YYYY-MM-DD; anything else is refused with the form to write."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        pass
    raise ValueError(f"expected a day written YYYY-MM-DD, e.g. 2025-03-20, found {value!r}")


# Reviews, voice records and decisions happen on a day: the rules compare them with the as-of date.
Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2025-03-20"]}),
]
MONITORING: frozenset[str] = frozenset({"monitoring-inspection", "stocktake"})
"""Reviews that monitor the plan's progress; a peer review does not."""


class _Record(BaseModel):
    # As the plan model's records (plan/model.py): unknown keys and empty text are refused.
    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, defer_build=True, str_min_length=1
    )


class Inspection(_Record):
    """The area SEND inspection the plan answers."""

    date: DateText
    """When the inspection took place or reported, as written (e.g. "January 2024")."""
    inspectorates: Names = Field(default_factory=empty_list)
    """Who inspected, e.g. [Ofsted, CQC]."""
    outcome: InspectionOutcome | None = None
    """The 2023 framework's outcome: positive-experiences ("typically lead to positive experiences and outcomes"), inconsistent-experiences ("lead to inconsistent experiences and outcomes") or widespread-or-systemic-failings ("widespread and/or systemic failings leading to significant concerns")."""
    report: str | None = None
    """The published report's reference or address."""


class Review(_Record):
    """A dated review of progress: a monitoring inspection, a DfE/NHS England stocktake or a peer review."""

    type: ReviewType
    """monitoring-inspection, stocktake (DfE and NHS England) or peer-review."""
    date: Day
    """When the review meets, YYYY-MM-DD."""
    evidence_due: Day | None = None
    """When the evidence must be sent, YYYY-MM-DD."""
    title: str | None = None
    """What the review is called, e.g. "Six-month stocktake"."""


class Evidence(_Record):
    """A document an update cites as evidence: a link, or a path inside the repository."""

    title: str
    """What the document is."""
    date: DateText | None = None
    """When it was written or published, as written."""
    link: str | None = None
    """Where it can be read online."""
    path: str | None = None
    """Where it is kept, relative to the plan file; it must exist."""

    @model_validator(mode="after")
    def _somewhere(self) -> Evidence:
        if self.link is None and self.path is None:
            raise ValueError("evidence needs a link or a path saying where it can be read")
        return self


class VoiceRecord(_Record):
    """What children, young people or parent carers said, and what the partnership did ("you said, we did")."""

    date: Day
    """When it was said, YYYY-MM-DD."""
    source: str
    """Who said it, e.g. the Parent Carer Forum or a young people's group."""
    said: str
    """What was said ("you said")."""
    actions: Names = Field(default_factory=empty_list)
    """Refs of the actions it bears on."""
    we_did: str | None = None
    """What the partnership did in response ("we did")."""


class Decision(_Record):
    """A decision the board or a partner took, with any due-date change it agreed."""

    date: Day
    """When it was taken, YYYY-MM-DD."""
    decision: str
    """What was decided."""
    by: str
    """Who took it, e.g. the SEND Partnership Board."""
    actions: Names = Field(default_factory=empty_list)
    """Refs of the actions it concerns."""
    due: DateText | None = None
    """The new due date it agreed for those actions, as written."""
    previous_due: DateText | None = None
    """The due date it replaced."""
